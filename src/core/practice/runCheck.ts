// One entry point for checking a practice file, whatever its language: the Testing view,
// Check Practice File, the CodeLens and the content tests all come through here.
import { checkCompose, COMPOSE_SPECS } from './composeCheck';
import { checkDockerfile, DOCKERFILE_SPECS } from './dockerfileCheck';
import { checkGitScript, GIT_SPECS } from './gitCheck';
import { checkNginxRules, NGINX_SPECS } from './nginxCheck';
import { nginxTest } from './nginxTest';
import { checkNginxServe, NGINX_SERVE_SPECS } from './nginxServeCheck';
import { runPythonCheck, type PythonRunOptions } from './pythonCheck';
import { anchorTasks, pythonTaskSpecs, type CheckKind, type CheckReport, type TaskAnchor, type TaskSpec } from './tasks';

export { kindOfFile } from './tasks';

/** The tasks of a file and the line each starts at, without running anything. */
const NATIVE_SPECS: Record<Exclude<CheckKind, 'python'>, readonly TaskSpec[]> = {
  dockerfile: DOCKERFILE_SPECS, compose: COMPOSE_SPECS, nginx: NGINX_SPECS, git: GIT_SPECS, 'nginx-serve': NGINX_SERVE_SPECS,
};

export function tasksOf(kind: CheckKind, text: string): TaskAnchor[] {
  return anchorTasks(text, kind === 'python' ? pythonTaskSpecs(text) : NATIVE_SPECS[kind]);
}

export interface CheckOptions extends PythonRunOptions {
  readonly nginx?: string;
  /** Where git, bash and nginx are looked for (process.env.PATH when absent); tests take tools away with it. */
  readonly pathEnv?: string;
  /** The file's name as the learner knows it, for tool messages. */
  readonly shownName?: string;
}

export async function runCheck(kind: CheckKind, file: string, text: string, o: CheckOptions): Promise<CheckReport> {
  const report = await check(kind, file, text, o);
  // Messages land at the task's line unless the checker named a better one.
  const anchors = new Map(tasksOf(kind, text).map(a => [a.number, a.line]));
  return { ...report, tasks: report.tasks.map(t => (t.status === 'passed' || t.line !== undefined ? t : { ...t, line: anchors.get(t.number) })) };
}

async function check(kind: CheckKind, file: string, text: string, o: CheckOptions): Promise<CheckReport> {
  switch (kind) {
    case 'python': return runPythonCheck(file, text, o);
    case 'dockerfile': return checkDockerfile(text);
    case 'compose': return checkCompose(text);
    case 'nginx': {
      const rules = checkNginxRules(text);
      const t = await nginxTest(text, rules.directives, { nginx: o.nginx, timeoutMs: o.timeLimitMs, shownName: o.shownName });
      o.onOutput?.(`${t.output}\n`);
      return { tasks: [...rules.tasks, t.task], output: t.output, diagnostics: t.diagnostics, problem: t.missing ? { kind: 'no-nginx', detail: t.task.message ?? '' } : undefined };
    }
    case 'git': return checkGitScript(text, { pathEnv: o.pathEnv, timeoutMs: o.timeLimitMs, signal: o.signal, shownName: o.shownName });
    case 'nginx-serve': return checkNginxServe(text, { nginx: o.nginx, pathEnv: o.pathEnv, timeoutMs: o.timeLimitMs, signal: o.signal, shownName: o.shownName });
  }
}
