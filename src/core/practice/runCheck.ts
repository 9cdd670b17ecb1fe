// One entry point for checking a practice file, whatever its language: the Testing view,
// Check Practice File, the CodeLens and the content tests all come through here.
import { checkCompose, COMPOSE_SPECS } from './composeCheck';
import { checkDockerfile, DOCKERFILE_SPECS } from './dockerfileCheck';
import { checkNginxRules, NGINX_SPECS } from './nginxCheck';
import { nginxTest } from './nginxTest';
import { runPythonCheck, type PythonRunOptions } from './pythonCheck';
import { anchorTasks, pythonTaskSpecs, type CheckKind, type CheckReport, type TaskAnchor } from './tasks';

export { kindOfFile } from './tasks';

/** The tasks of a file and the line each starts at, without running anything. */
export function tasksOf(kind: CheckKind, text: string): TaskAnchor[] {
  const specs = kind === 'python' ? pythonTaskSpecs(text) : kind === 'dockerfile' ? DOCKERFILE_SPECS : kind === 'compose' ? COMPOSE_SPECS : NGINX_SPECS;
  return anchorTasks(text, specs);
}

export interface CheckOptions extends PythonRunOptions {
  readonly nginx?: string;
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
  }
}
