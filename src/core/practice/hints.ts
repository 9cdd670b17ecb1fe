// Hints and difficulty, the rules without the editor: which hint of a task comes next, what the
// CodeLens and the picker say, how a practice result reads with the hints taken, and the
// picker's order by difficulty. The hints themselves are in each exercise.json.
import { plural } from '../util/format';
import { isObject, isUnsafeKey } from '../util/validate';
import { DIFFICULTIES, MAX_HINTS, type Difficulty, type ExerciseMeta } from './exercises';

/** TestMessage.contextValue of a failed task that has hints: package.json's testing/message menus offer Show Hint on it. */
export const HINT_MESSAGE_CONTEXT = 'djangoPrepHint';

/** Task number (as a string key) -> how many of its hints have been shown. */
export type HintsShown = Readonly<Record<string, number>>;

/** What one file has been shown: its exercise (a file may be re-scaffolded as another) and the counts. */
export interface HintRecord { readonly exercise: string; readonly shown: HintsShown }

export const hintsOf = (e: Pick<ExerciseMeta, 'hints'> | undefined, task: number): readonly string[] => e?.hints?.[String(task)] ?? [];

export type HintStep =
  /** `number` is 1-based: the first hint is 1 of `of`. */
  | { readonly kind: 'hint'; readonly text: string; readonly number: number; readonly of: number }
  | { readonly kind: 'all-shown'; readonly of: number; readonly last: string }
  | { readonly kind: 'none' };

/** The hint a request reveals after `shown` of them: the next one, or that all are shown. */
export function nextHint(hints: readonly string[], shown: number): HintStep {
  if (!hints.length) { return { kind: 'none' }; }
  const n = Math.max(0, Math.floor(shown));
  return n < hints.length ? { kind: 'hint', text: hints[n], number: n + 1, of: hints.length } : { kind: 'all-shown', of: hints.length, last: hints[hints.length - 1] };
}

/** The counts after one more hint of `task` is shown, never past the `available` hints. */
export function withHintShown(shown: HintsShown, task: number, available: number): HintsShown {
  const key = String(task);
  return { ...shown, [key]: Math.min(available, (shown[key] ?? 0) + 1) };
}

/** Hints taken in a file, all tasks together: what the practice result records. */
export const hintsTaken = (shown: HintsShown | undefined): number => Object.values(shown ?? {}).reduce((a, b) => a + b, 0);

/** The CodeLens over a task: the next hint to ask for, or that there are no more. */
export function hintLensTitle(available: number, shown: number): string {
  if (shown < available) { return `Show Hint (${shown + 1} of ${available})`; }
  return available === 1 ? 'Hint Shown' : `All ${available} Hints Shown`;
}

/**
 * Saved hint records (workspace state), keeping only what makes sense: a file URI -> an exercise
 * id and whole counts from 0 to MAX_HINTS per task. Anything else is dropped, never trusted.
 */
export function parseHintRecords(raw: unknown): Record<string, HintRecord> {
  const out: Record<string, HintRecord> = {};
  if (!isObject(raw)) { return out; }
  for (const [file, r] of Object.entries(raw)) {
    if (isUnsafeKey(file) || !isObject(r) || typeof r.exercise !== 'string' || !isObject(r.shown)) { continue; }
    const shown: Record<string, number> = {};
    for (const [task, n] of Object.entries(r.shown)) {
      if (/^[1-9][0-9]{0,2}$/.test(task) && Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_HINTS) { shown[task] = n as number; }
    }
    out[file] = { exercise: r.exercise, shown };
  }
  return out;
}

/** One exercise's last check as the picker and the CodeLens tell it. */
export interface ExerciseOutcome { readonly passed: number; readonly total: number; readonly hints?: number }

export const isPassed = (r: ExerciseOutcome | undefined): boolean => !!r && r.total > 0 && r.passed === r.total;

/** "passed", "passed with 2 hints", "3 of 5 tasks pass", "3 of 5 tasks pass, 1 hint taken". */
export function resultLabel(r: ExerciseOutcome): string {
  const hints = r.hints ? plural(r.hints, 'hint') : '';
  if (isPassed(r)) { return hints ? `passed with ${hints}` : 'passed'; }
  return `${r.passed} of ${plural(r.total, 'task')} pass${hints ? `, ${hints} taken` : ''}`;
}

/**
 * An exercise's result from its topic's practice result: its own entry, else (progress saved
 * before results were kept per exercise) the topic's when the topic has only this exercise.
 */
export function exerciseOutcome(
  topic: (ExerciseOutcome & { readonly exercises?: Readonly<Record<string, ExerciseOutcome>> }) | undefined,
  id: string, onlyExerciseOfTopic: boolean,
): ExerciseOutcome | undefined {
  if (!topic) { return undefined; }
  const own = topic.exercises?.[id];
  if (own) { return own; }
  return !topic.exercises && onlyExerciseOfTopic ? { passed: topic.passed, total: topic.total } : undefined;
}

export const DIFFICULTY_LABELS: Readonly<Record<Difficulty, string>> = { 'warm-up': 'Warm-up', interview: 'Interview', senior: 'Senior' };
/** Where a user's template without a difficulty goes: last, under its own heading. */
export const UNRATED_LABEL = 'Unrated';

/** Exercises in groups: warm-up, interview, senior, then unrated; each keeps the order it was given. */
export function byDifficulty<T extends Pick<ExerciseMeta, 'difficulty'>>(items: readonly T[]): Array<{ readonly label: string; readonly items: T[] }> {
  const groups = [...DIFFICULTIES, undefined].map(d => ({ label: d ? DIFFICULTY_LABELS[d] : UNRATED_LABEL, items: items.filter(e => (DIFFICULTIES.includes(e.difficulty as Difficulty) ? e.difficulty : undefined) === d) }));
  return groups.filter(g => g.items.length);
}
