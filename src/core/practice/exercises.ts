// Practice exercises: their metadata, how a file is composed from templates, and names for
// copies. No VS Code here. How a file is checked lives in core/practice/.
import { CHECK_KINDS, type CheckKind } from './tasks';
import { isObject } from '../util/validate';

export interface ExerciseMeta {
  readonly id: string;
  readonly title: string;
  /** Guide topic the exercise practises. */
  readonly topic: string;
  readonly description: string;
  /** File name written into the workspace. */
  readonly file: string;
  /** Python packages it needs, by import name (the keys of PACKAGES). */
  readonly requires: readonly string[];
  /** How it is checked; Python when absent. Other kinds are native files (Dockerfile, nginx, Compose). */
  readonly check?: CheckKind;
  /** Project files written beside a native exercise, from the bundled content/exercises/_project/. */
  readonly files?: readonly string[];
  /** How hard it is; every bundled exercise has one, a user's template may leave it out ("unrated"). */
  readonly difficulty?: Difficulty;
  /** Task number ("1", "2"...) -> 1-3 hints of growing detail, shown one at a time by Show Hint. */
  readonly hints?: Readonly<Record<string, readonly string[]>>;
}

export type Difficulty = 'warm-up' | 'interview' | 'senior';
/** In the order the New Practice File picker lists them; unrated templates come after. */
export const DIFFICULTIES: readonly Difficulty[] = ['warm-up', 'interview', 'senior'];
export const MAX_HINTS = 3;
export const MAX_HINT_LENGTH = 300;

/** A file written beside the exercise (a small Django project skeleton). */
export interface ProjectFile { readonly path: string; readonly content: string }

export interface Exercise extends ExerciseMeta {
  readonly starter: string;
  readonly solution: string;
  /** The checks both files share (checks.py), spliced in at their `# {{checks}}` line. */
  readonly checks: string;
  /** Where it came from: the bundled set or the user's templates folder. */
  readonly origin: 'bundled' | 'user';
  readonly project?: readonly ProjectFile[];
}

export const checkKind = (e: Pick<ExerciseMeta, 'check'>): CheckKind => e.check ?? 'python';
export const isNative = (e: Pick<ExerciseMeta, 'check'>) => checkKind(e) !== 'python';

export interface Templates {
  readonly django: string;
  readonly runner: string;
  /** Throwaway PostgreSQL and Redis servers (_services.py), for files with a `# {{services}}` line. */
  readonly services?: string;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FILE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}\.py$/;
/** What a native exercise's file may be called, so the editor picks its language. */
const NATIVE_FILE: Record<Exclude<CheckKind, 'python'>, RegExp> = {
  dockerfile: /^Dockerfile$/,
  nginx: /^(conf\.d\/)?[a-z0-9][a-z0-9_.-]{0,60}\.conf$/,
  compose: /^(compose|docker-compose)\.ya?ml$/,
  git: /^[a-z0-9][a-z0-9_-]{0,60}\.sh$/,
  'nginx-serve': /^(conf\.d\/)?[a-z0-9][a-z0-9_.-]{0,60}\.conf$/,
};
const PROJECT_FILE = /^(?!.*\.\.)[A-Za-z0-9_.][A-Za-z0-9_.-]{0,60}(\/[A-Za-z0-9_.][A-Za-z0-9_.-]{0,60}){0,3}$/;
/** The packages an exercise may require (its import name), and how pip and Debian/Ubuntu call them. */
export const PACKAGES: Readonly<Record<string, { readonly name: string; readonly pip: string; readonly apt: string }>> = {
  django: { name: 'Django', pip: 'django', apt: 'python3-django' },
  rest_framework: { name: 'Django REST framework', pip: 'djangorestframework', apt: 'python3-djangorestframework' },
  celery: { name: 'Celery', pip: 'celery', apt: 'python3-celery' },
  yaml: { name: 'PyYAML', pip: 'pyyaml', apt: 'python3-yaml' },
  django_filters: { name: 'django-filter', pip: 'django-filter', apt: 'python3-django-filters' },
  psycopg2: { name: 'psycopg2', pip: 'psycopg2-binary', apt: 'python3-psycopg2' },
  redis: { name: 'redis-py', pip: 'redis', apt: 'python3-redis' },
  django_redis: { name: 'django-redis', pip: 'django-redis', apt: 'python3-django-redis' },
};
const isPackage = (name: string) => Object.prototype.hasOwnProperty.call(PACKAGES, name);
export const HEADER = '# Django Interview Prep: ';
const ID_LINE = '# Exercise id: ';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Plain one-line text: no control characters, line breaks or bidirectional overrides to disguise it. */
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max && !CONTROL.test(v);
/** Names Windows keeps for devices, whatever the extension: `CON.py` opens the console there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** A template's starter, solution or checks is source code a person reads: a megabyte is already far too much. */
export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;

/** A folder or file name as it may be shown: control characters escaped, length bounded. */
export function printableName(name: string): string {
  // JSON.stringify escapes C0 controls only: escape bidirectional overrides and C1 controls as well.
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}...` : name).replace(new RegExp(CONTROL.source, 'g'), c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return CONTROL.test(name) || shown.slice(1, -1) !== name ? shown : name;
}

/** Why a template's file cannot be used (a link, not a plain file, too large), if it cannot. */
export function templateFileProblem(file: string, info: { readonly symlink: boolean; readonly isFile: boolean; readonly size: number }): string | undefined {
  if (info.symlink) { return `${file} is a symbolic link; templates must be plain files inside the templates folder`; }
  if (!info.isFile) { return `${file} is not a file`; }
  if (info.size > MAX_TEMPLATE_FILE_BYTES) { return `${file} is ${(info.size / 1048576).toFixed(1)} MB; a template file may be at most ${MAX_TEMPLATE_FILE_BYTES / 1048576} MB`; }
  return undefined;
}

/** Problems with an exercise.json (empty when valid). The file name must be a plain, safe name. */
export function exerciseProblems(raw: unknown, folder: string): string[] {
  if (!isObject(raw)) { return ['exercise.json is not an object']; }
  const p: string[] = [];
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) { p.push(`id ${String(JSON.stringify(raw.id)).slice(0, 100)} is not a lowercase slug`); }
  else if (raw.id !== folder) { p.push(`id "${raw.id}" differs from its folder ${printableName(folder)}`); }
  if (!text(raw.title, 100)) { p.push('title missing, too long or with control characters'); }
  if (!text(raw.topic, 200)) { p.push('topic missing, too long or with control characters'); }
  if (!text(raw.description, 400)) { p.push('description missing, too long or with control characters'); }
  const kind = raw.check ?? 'python';
  if (typeof kind !== 'string' || !(CHECK_KINDS as readonly string[]).includes(kind)) { p.push(`check must be one of ${CHECK_KINDS.join(', ')}`); }
  else if (kind === 'python') {
    if (typeof raw.file !== 'string' || !FILE.test(raw.file) || WINDOWS_DEVICE.test(raw.file)) { p.push(`file ${String(JSON.stringify(raw.file)).slice(0, 100)} must be a plain name ending in .py`); }
  } else if (typeof raw.file !== 'string' || !NATIVE_FILE[kind as Exclude<CheckKind, 'python'>].test(raw.file)) {
    p.push(`file ${String(JSON.stringify(raw.file)).slice(0, 100)} must match ${NATIVE_FILE[kind as Exclude<CheckKind, 'python'>].source} for a ${kind} exercise`);
  }
  if (raw.files !== undefined && (!Array.isArray(raw.files) || !raw.files.every(f => typeof f === 'string' && PROJECT_FILE.test(f) && !f.split('/').some(part => WINDOWS_DEVICE.test(part))))) {
    p.push('files must list relative paths inside the project skeleton (no "..")');
  }
  if (!Array.isArray(raw.requires) || !raw.requires.every(r => typeof r === 'string' && isPackage(r))) {
    p.push(`requires must list some of ${Object.keys(PACKAGES).join(', ')}`);
  }
  if (raw.difficulty !== undefined && !(DIFFICULTIES as readonly unknown[]).includes(raw.difficulty)) {
    p.push(`difficulty ${String(JSON.stringify(raw.difficulty)).slice(0, 40)} must be one of ${DIFFICULTIES.join(', ')}`);
  }
  if (raw.hints !== undefined) { p.push(...hintProblems(raw.hints)); }
  return p;
}

/** A task number as a key: "1", "2"... (no sign, no leading zero, as @task(N) and # TODO N count). */
const TASK_KEY = /^[1-9][0-9]{0,2}$/;

function hintProblems(hints: unknown): string[] {
  if (!isObject(hints)) { return ['hints must be an object: task number -> list of hints']; }
  const p: string[] = [];
  for (const [key, list] of Object.entries(hints)) {
    const task = TASK_KEY.test(key) ? `hints for task ${key}` : undefined;
    if (!task) { p.push(`hints key ${printableName(key)} is not a task number (1, 2, 3...)`); continue; }
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_HINTS) { p.push(`${task} must be a list of 1 to ${MAX_HINTS} hints`); continue; }
    list.forEach((h, i) => {
      if (!text(h, MAX_HINT_LENGTH)) { p.push(`${task}, hint ${i + 1}: must be plain one-line text of at most ${MAX_HINT_LENGTH} characters`); }
    });
  }
  return p;
}

/**
 * The file a user gets: the shared checks, the services, the Django setup and the task runner
 * spliced in at their markers, and the exercise id under the header.
 */
export function composeExercise(source: string, id: string, templates: Templates, checks = ''): string {
  let out = source
    .replace(/^# \{\{checks\}\}[ \t]*$/m, () => checks.trimEnd())
    .replace(/^# \{\{services\}\}[ \t]*$/m, () => (templates.services ?? '').trimEnd())
    .replace(/^# \{\{django-setup\}\}[ \t]*$/m, () => templates.django.trimEnd())
    .replace(/^# \{\{task-runner\}\}[ \t]*$/m, () => templates.runner.trimEnd());
  const firstLineEnd = out.indexOf('\n');
  if (out.startsWith(HEADER) && firstLineEnd > 0) {
    out = `${out.slice(0, firstLineEnd + 1)}${ID_LINE}${id}\n${out.slice(firstLineEnd + 1)}`;
  }
  return out;
}

/** The exercise id written into a scaffolded file, if this text is one. */
export function exerciseIdOf(source: string): string | undefined {
  const head = source.slice(0, 600).split(/\r?\n/, 3);
  if (!head[0]?.startsWith(HEADER)) { return undefined; }
  const line = head[1] ?? '';
  const id = line.startsWith(ID_LINE) ? line.slice(ID_LINE.length).trim() : '';
  return ID.test(id) ? id : undefined;
}

/** `name.py`, else `name-2.py`, `name-3.py`... the first not taken. */
export function numberedCopyName(file: string, taken: (name: string) => boolean): string {
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const ext = dot > 0 ? file.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken(candidate)) { return candidate; }
  }
}
