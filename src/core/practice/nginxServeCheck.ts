import type { CheckReport, TaskSpec } from './tasks';
export const NGINX_SERVE_SPECS: readonly TaskSpec[] = [];
export async function checkNginxServe(_text: string, _o: { nginx?: string; pathEnv?: string; timeoutMs?: number; signal?: AbortSignal; shownName?: string }): Promise<CheckReport> { return { tasks: [], output: '', diagnostics: [] }; }
