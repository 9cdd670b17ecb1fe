// Runs a Python practice file and reads its per-task results: the task runner writes one JSON
// object a line to the file named by DJANGO_PREP_RESULTS (the learner's own prints cannot get
// in the way). A time limit ends a run that hangs; a file that stops before reporting fails
// its unreported tasks with the reason, at the line Python names.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { anchorTasks, pythonTaskSpecs, type CheckReport, type RunProblem, type TaskResult, type TaskSpec } from './tasks';

export const DEFAULT_TIME_LIMIT_MS = 60000;
const MAX_OUTPUT = 1 << 20;

/** errored: the task could not be judged (a server or package it needs is missing). */
interface Reported { readonly number: number; readonly title: string; readonly ok: boolean; readonly errored?: boolean; readonly message?: string }
export interface RunnerRecords { readonly start?: readonly TaskSpec[]; readonly tasks: readonly Reported[]; readonly done: boolean }

/** The runner's JSON lines; anything else (a half-written line) is skipped. */
export function parseRunnerRecords(jsonl: string): RunnerRecords {
  let start: TaskSpec[] | undefined;
  const tasks: Reported[] = [];
  let done = false;
  for (const line of jsonl.split('\n')) {
    let r: unknown;
    try { r = JSON.parse(line); } catch { continue; }
    if (typeof r !== 'object' || r === null) { continue; }
    const o = r as Record<string, unknown>;
    if (o.type === 'start' && Array.isArray(o.tasks)) {
      start = o.tasks.filter((t): t is TaskSpec => typeof t === 'object' && t !== null && typeof (t as TaskSpec).number === 'number').map(t => ({ number: t.number, title: String(t.title ?? '') }));
    } else if (o.type === 'task' && typeof o.number === 'number' && typeof o.ok === 'boolean') {
      tasks.push({ number: o.number, title: String(o.title ?? ''), ok: o.ok, ...(o.errored === true && !o.ok ? { errored: true } : {}), message: typeof o.message === 'string' ? o.message : undefined });
    } else if (o.type === 'done') { done = true; }
  }
  return { start, tasks, done };
}

/** The line (0-based) of the last traceback frame in `file`, e.g. a SyntaxError or an import that failed. */
export function crashLine(output: string, file: string): number | undefined {
  let line: number | undefined;
  const base = path.basename(file);
  for (const m of output.matchAll(/File "([^"]+)", line (\d+)/g)) {
    if (m[1] === file || path.basename(m[1]) === base) { line = Number(m[2]) - 1; }
  }
  return line;
}

/** Why a run that reported nothing stopped: no interpreter, a package missing, or a crash. */
export function runProblem(exitCode: number | null, output: string, spawnError?: string): RunProblem {
  if (spawnError) { return { kind: 'no-python', detail: spawnError }; }
  const missing = /No module named '([\w.]+)'/.exec(output);
  if (exitCode === 3 || missing) { return { kind: 'missing-package', detail: missing ? missing[1].split('.')[0] : (/needs (\w[\w ]*?)\./.exec(output)?.[1] ?? 'a package') }; }
  return { kind: 'crashed', detail: output.trim().split('\n').slice(-1)[0] ?? '' };
}

export interface RunFacts {
  readonly text: string;
  readonly file: string;
  readonly records: RunnerRecords;
  readonly exitCode: number | null;
  readonly output: string;
  readonly spawnError?: string;
  readonly timedOutMs?: number;
}

/** Every task of the file with a verdict: as reported, or failed with why the run ended first. */
export function pythonReport(f: RunFacts): CheckReport {
  const specs = f.records.start?.length ? f.records.start : pythonTaskSpecs(f.text);
  const anchors = new Map(anchorTasks(f.text, specs).map(a => [a.number, a.line]));
  const reported = new Map(f.records.tasks.map(t => [t.number, t]));
  const unreported = specs.filter(s => !reported.has(s.number));
  let problem: RunProblem | undefined;
  let reason: (first: boolean) => { status: TaskResult['status']; message: string; line?: number };
  if (f.timedOutMs !== undefined) {
    problem = { kind: 'timeout', detail: `stopped after ${f.timedOutMs / 1000} s` };
    reason = first => ({ status: 'failed', message: first ? `did not finish within the time limit (${f.timedOutMs! / 1000} s): the check was stopped; look for an endless loop or a call that waits forever` : `not run: the check was stopped at task ${unreported[0].number} (time limit)` });
  } else {
    problem = f.records.done && !unreported.length ? undefined : runProblem(f.exitCode, f.output, f.spawnError);
    const line = crashLine(f.output, f.file);
    const last = f.output.trim().split('\n').slice(-1)[0] ?? '';
    reason = () => problem?.kind === 'no-python' ? { status: 'errored', message: `Python could not be started: ${problem.detail}` }
      : problem?.kind === 'missing-package' ? { status: 'errored', message: `Python lacks the package ${problem.detail}, which this exercise needs` }
        : { status: 'failed', message: `the file stopped before reporting this task (exit ${String(f.exitCode)})${line !== undefined ? ` at line ${line + 1}` : ''}: ${last || 'no output'}`, line };
  }
  const tasks = specs.map((s): TaskResult => {
    const r = reported.get(s.number);
    if (r) { return { number: s.number, title: r.title || s.title, status: r.ok ? 'passed' : r.errored ? 'errored' : 'failed', message: r.message, line: r.ok ? undefined : anchors.get(s.number) }; }
    const why = reason(s === unreported[0]);
    return { number: s.number, title: s.title, status: why.status, message: why.message, line: why.line ?? anchors.get(s.number) };
  });
  return { tasks, output: f.output, diagnostics: [], problem };
}

export interface PythonRunOptions {
  readonly python: string;
  readonly timeLimitMs?: number;
  /** Each chunk of output as it comes (a terminal or the Test Results view). */
  readonly onOutput?: (chunk: string) => void;
  /** Stops the run early (the user cancelled). */
  readonly signal?: AbortSignal;
  /** Variables added to the run's environment (tests: a PATH without a tool, a log of started servers). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `python file` (no shell) in its folder; never rejects, never waits past the time limit. */
export async function runPythonCheck(file: string, text: string, o: PythonRunOptions): Promise<CheckReport> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'djprep-results-'));
  const results = path.join(dir, 'results.jsonl');
  const limit = o.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  try {
    const facts = await new Promise<Omit<RunFacts, 'text' | 'file' | 'records'>>(resolve => {
      let output = '';
      let spawnError: string | undefined;
      let timedOut = false;
      const child = spawn(o.python, [file], {
        cwd: path.dirname(file), detached: process.platform !== 'win32',
        env: { ...process.env, ...o.env, PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1', DJANGO_PREP_RESULTS: results },
      });
      // The whole process group: a check may start workers of its own.
      const kill = () => { try { if (child.pid && process.platform !== 'win32') { process.kill(-child.pid, 'SIGKILL'); } else { child.kill('SIGKILL'); } } catch { /* already gone */ } };
      const timer = setTimeout(() => { timedOut = true; kill(); }, limit);
      const abort = () => kill();
      o.signal?.addEventListener('abort', abort);
      const onData = (d: Buffer) => { const s = d.toString('utf8'); if (output.length < MAX_OUTPUT) { output += s; } o.onOutput?.(s); };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', e => { spawnError = e.message; });
      child.on('close', code => {
        clearTimeout(timer);
        o.signal?.removeEventListener('abort', abort);
        resolve({ exitCode: code, output, spawnError, timedOutMs: timedOut ? limit : undefined });
      });
    });
    const records = parseRunnerRecords(await fs.promises.readFile(results, 'utf8').catch(() => ''));
    return pythonReport({ ...facts, text, file, records });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
