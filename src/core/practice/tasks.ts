// The tasks of a practice file and what a check says about each: the shape every checker
// (Python, Dockerfile, nginx, Compose, git, nginx serving) reports in, and where each task sits in the file.

/**
 * How a practice file is checked. git: a bash script run on a throwaway repository; nginx-serve:
 * an nginx file served by real nginx in front of local app servers.
 */
export type CheckKind = 'python' | 'dockerfile' | 'nginx' | 'compose' | 'git' | 'nginx-serve';
export const CHECK_KINDS: readonly CheckKind[] = ['python', 'dockerfile', 'nginx', 'compose', 'git', 'nginx-serve'];

export interface TaskSpec { readonly number: number; readonly title: string }

/** A task of a file, with the 0-based line it starts at. */
export interface TaskAnchor extends TaskSpec { readonly line: number }

export interface TaskResult {
  readonly number: number;
  readonly title: string;
  /** errored: the check could not judge it (a tool missing, a package missing). */
  readonly status: 'passed' | 'failed' | 'errored';
  readonly message?: string;
  /** 0-based line the message is about, when the checker knows one; else the task's line. */
  readonly line?: number;
}

/** A problem a real tool found (dockerfile-utils, nginx -t, the YAML parser, the schema), for the Problems panel. */
export interface FileDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly source: string;
}

export interface CheckReport {
  readonly tasks: readonly TaskResult[];
  /** Human-readable log of the run (tool output, the Python file's prints). */
  readonly output: string;
  readonly diagnostics: readonly FileDiagnostic[];
  /** Why tasks could not be judged, when a tool or package is missing. */
  readonly problem?: RunProblem;
}

export interface RunProblem {
  /** missing-tool: git, bash or nginx is not installed for a check that runs it (detail: how to install it). */
  readonly kind: 'no-python' | 'missing-package' | 'crashed' | 'timeout' | 'no-nginx' | 'missing-tool' | 'syntax';
  readonly detail: string;
}

export const passedCount = (r: CheckReport) => r.tasks.filter(t => t.status === 'passed').length;

const TODO = /^\s*#\s*TODO\s+(\d+)\b(?:\s*\(checked by tasks? (\d+)(?:\s*[-\u2013]\s*(\d+))?\))?/;
const PY_TASK = /^@task\(\s*(\d+)\s*,\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/;

/** Python tasks as `@task(N, "title")` declares them in the composed file. */
export function pythonTaskSpecs(text: string): TaskSpec[] {
  const seen = new Map<number, TaskSpec>();
  for (const line of text.split(/\r?\n/)) {
    const m = PY_TASK.exec(line);
    if (m && !seen.has(Number(m[1]))) { seen.set(Number(m[1]), { number: Number(m[1]), title: (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1') }); }
  }
  return [...seen.values()].sort((a, b) => a.number - b.number);
}

/**
 * Where each task starts: its `# TODO N` line, or a TODO that says it is "checked by tasks A-B",
 * else (Python) the `@task(N, ...)` line, else the first line.
 */
export function anchorTasks(text: string, specs: readonly TaskSpec[]): TaskAnchor[] {
  const lines = text.split(/\r?\n/);
  const todo = new Map<number, number>();
  const covered: Array<{ from: number; to: number; line: number }> = [];
  const declared = new Map<number, number>();
  lines.forEach((line, i) => {
    const m = TODO.exec(line);
    if (m) {
      const n = Number(m[1]);
      if (!todo.has(n)) { todo.set(n, i); }
      if (m[2]) { covered.push({ from: Number(m[2]), to: Number(m[3] ?? m[2]), line: i }); }
    }
    const t = PY_TASK.exec(line);
    if (t && !declared.has(Number(t[1]))) { declared.set(Number(t[1]), i); }
  });
  return specs.map(s => ({ ...s, line: covered.find(c => s.number >= c.from && s.number <= c.to)?.line ?? todo.get(s.number) ?? declared.get(s.number) ?? 0 }));
}

/** Every task failed (or errored) with the same reason, e.g. the file does not parse. */
export function allTasks(specs: readonly TaskSpec[], status: 'failed' | 'errored', message: string, line?: number): TaskResult[] {
  return specs.map(s => ({ number: s.number, title: s.title, status, message, line }));
}

/** One rule's verdict: undefined when it holds, else why not and (0-based) where. */
export type Verdict = { readonly message: string; readonly line?: number } | undefined;

export function judge<T>(specs: readonly (TaskSpec & { readonly check: (input: T) => Verdict })[], input: T): TaskResult[] {
  return specs.map(s => {
    let v: Verdict;
    try { v = s.check(input); } catch (e) { v = { message: `the check itself failed: ${e instanceof Error ? e.message : String(e)}` }; }
    return v ? { number: s.number, title: s.title, status: 'failed' as const, message: v.message, line: v.line } : { number: s.number, title: s.title, status: 'passed' as const };
  });
}

/**
 * The kind of a file when its exercise does not say: by its name. Here, not beside the checkers,
 * so that telling whether a file is a practice file never loads them.
 */
export function kindOfFile(name: string): CheckKind | undefined {
  const base = name.split(/[\\/]/).pop() ?? '';
  if (/\.py$/.test(base)) { return 'python'; }
  if (/^Dockerfile(\..+)?$|\.dockerfile$/i.test(base)) { return 'dockerfile'; }
  if (/^(compose|docker-compose)(\.[\w-]+)?\.ya?ml$/.test(base)) { return 'compose'; }
  if (/\.conf$/.test(base)) { return 'nginx'; }
  if (/\.sh$/.test(base)) { return 'git'; }
  return undefined;
}
