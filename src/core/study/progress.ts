// What a user has done, per document: topics read, practice results, quiz cards. Versioned;
// anything unreadable is reported so the adapter can back it up and start afresh.
import { isSavedCard, lastReviewTime, reviewCount, SavedCard } from '../schedule/scheduler';
import { mergeMockHistory, MockRecord, parseMockHistory } from '../interview/mockHistory';
import { isObject, isUnsafeKey } from '../util/validate';

export const PROGRESS_VERSION = 1;
/** Progress key of the bundled guide; a user's document is keyed by its URI. */
export const GUIDE_KEY = 'guide';

export interface PracticeResult {
  readonly passed: number; readonly total: number; readonly at: number;
  /** Exercise id -> its last check and the hints taken before it (a topic may have several exercises). */
  readonly exercises?: Readonly<Record<string, ExerciseResult>>;
}
export interface ExerciseResult { readonly passed: number; readonly total: number; readonly hints: number }

export interface DocumentProgress {
  /** Topic id -> when it was last opened (ms). */
  read: Record<string, number>;
  /** Topic id -> last practice check. */
  practised: Record<string, PracticeResult>;
  /** Card id -> scheduler state. */
  cards: Record<string, SavedCard>;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Document key (`guide` for the bundled guide, else the document's URI) -> progress. */
  documents: Record<string, DocumentProgress>;
  /** Past mock interviews, oldest first (absent until the first one). */
  mockInterviews?: MockRecord[];
}

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, documents: {} });
export const emptyDocument = (): DocumentProgress => ({ read: {}, practised: {}, cards: {} });

export type ParseResult =
  | { readonly ok: true; readonly progress: Progress; readonly dropped: number }
  | { readonly ok: false; readonly reason: string };

/** No saved time is later than this (the year 3000): a date in the year 30000 is damage. */
export const LATEST_TIME = Date.UTC(3000, 0, 1);

export interface ParseOptions {
  /** Times after this are dropped (an import: nothing can have been read or reviewed in the future). */
  readonly notAfter?: number;
}


/**
 * A saved card whose numbers are also in range: dates before LATEST_TIME (and the last review
 * not after `notAfter`), FSRS difficulty 0-10, a stability below a million days, whole counts.
 */
function isSaneCard(v: unknown, notAfter: number): v is SavedCard {
  if (!isSavedCard(v)) { return false; }
  const due = v[0], stability = v[1], difficulty = v[2], scheduled = v[3], steps = v[4], reps = v[5], lapses = v[6], state = v[7], last = v[8];
  return due <= LATEST_TIME && last >= 0 && last <= notAfter && stability <= 1e6 && difficulty >= 0 && difficulty <= 10
    && scheduled >= 0 && Number.isInteger(steps) && steps >= 0 && Number.isInteger(reps) && reps >= 0
    && Number.isInteger(lapses) && lapses >= 0 && Number.isInteger(state) && state >= 0;
}

/**
 * Earlier layouts, oldest first: migrations[n] turns version n into n + 1. Version 1 is the
 * first release, so there is nothing to migrate yet; a later layout adds its step here.
 */
const migrations: Array<(old: Record<string, unknown>) => Record<string, unknown>> = [];

/**
 * Reads saved progress. Undefined is a fresh start. Entries that do not make sense are dropped
 * one by one (and counted); a blob that is not progress at all, or is from a newer version of
 * the extension, is refused whole so the caller can keep it aside.
 */
export function parseProgress(raw: unknown, options: ParseOptions = {}): ParseResult {
  let dropped = 0;
  const notAfter = Math.min(options.notAfter ?? LATEST_TIME, LATEST_TIME);
  const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= notAfter;
  /** The entries of `v` under safe keys; the others are counted as dropped. */
  const entries = (v: unknown): Array<[string, unknown]> => {
    if (!isObject(v)) { return []; }
    return Object.entries(v).filter(([k]) => !isUnsafeKey(k) || (dropped++, false));
  };
  if (raw === undefined || raw === null) { return { ok: true, progress: emptyProgress(), dropped: 0 }; }
  if (!isObject(raw)) { return { ok: false, reason: 'saved progress is not an object' }; }
  let data = raw;
  let version = raw.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) { return { ok: false, reason: `unknown progress version ${String(JSON.stringify(version)).slice(0, 40)}` }; }
  if (version > PROGRESS_VERSION) { return { ok: false, reason: `progress saved by a newer version of the extension (format ${version})` }; }
  while (version < PROGRESS_VERSION) {
    data = migrations[version - 1](data);
    version++;
  }
  if (!isObject(data.documents)) { return { ok: false, reason: 'saved progress has no documents' }; }
  const progress = emptyProgress();
  for (const [key, doc] of entries(data.documents)) {
    if (!isObject(doc)) { dropped++; continue; }
    const out = emptyDocument();
    for (const [id, at] of entries(doc.read)) {
      if (isTime(at)) { out.read[id] = at; } else { dropped++; }
    }
    for (const [id, r] of entries(doc.practised)) {
      if (isObject(r) && isTime(r.at) && isScore(r)) {
        const exercises = entries(r.exercises).filter(([, e]) => (isObject(e) && isScore(e) && Number.isInteger(e.hints) && (e.hints as number) >= 0) || (dropped++, false));
        out.practised[id] = { passed: r.passed as number, total: r.total as number, at: r.at, ...(exercises.length ? { exercises: Object.fromEntries(exercises) as Record<string, ExerciseResult> } : {}) };
      } else { dropped++; }
    }
    // The bulk of a year's progress (a card per question): a plain loop, no entry arrays.
    const cards = doc.cards;
    if (isObject(cards)) {
      for (const id in cards) {
        if (!Object.prototype.hasOwnProperty.call(cards, id)) { continue; }
        const card = cards[id];
        if (!isUnsafeKey(id) && isSaneCard(card, notAfter)) { out.cards[id] = card; } else { dropped++; }
      }
    }
    progress.documents[key] = out;
  }
  const mocks = parseMockHistory(data.mockInterviews, notAfter);
  dropped += mocks.dropped;
  if (mocks.history.length) { progress.mockInterviews = mocks.history; }
  return { ok: true, progress, dropped };
}

const isScore = (r: Record<string, unknown>) => Number.isInteger(r.passed) && Number.isInteger(r.total) && (r.passed as number) >= 0 && (r.passed as number) <= (r.total as number);

/** The later result, keeping the other's results of exercises it has none for. */
function withExercises(later: PracticeResult, earlier: PracticeResult): PracticeResult {
  return earlier.exercises ? { ...later, exercises: { ...earlier.exercises, ...later.exercises } } : later;
}

/** A topic's result after a check of one of its exercises, with the hints taken in that file. */
export function practiceResult(before: PracticeResult | undefined, passed: number, total: number, at: number, exercise?: { readonly id: string; readonly hints: number }): PracticeResult {
  const exercises = exercise ? { ...before?.exercises, [exercise.id]: { passed, total, hints: exercise.hints } } : before?.exercises;
  return { passed, total, at, ...(exercises ? { exercises } : {}) };
}

/**
 * Combines two copies (another window's, an import): per item the later one wins, so
 * nothing reviewed in either is lost.
 */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const out = emptyProgress();
  for (const key of new Set([...Object.keys(a.documents), ...Object.keys(b.documents)])) {
    const x = a.documents[key] ?? emptyDocument();
    const y = b.documents[key] ?? emptyDocument();
    const doc = emptyDocument();
    for (const id of new Set([...Object.keys(x.read), ...Object.keys(y.read)])) {
      doc.read[id] = Math.max(x.read[id] ?? 0, y.read[id] ?? 0);
    }
    for (const id of new Set([...Object.keys(x.practised), ...Object.keys(y.practised)])) {
      const p = x.practised[id];
      const q = y.practised[id];
      doc.practised[id] = !p ? q : !q ? p : q.at > p.at ? withExercises(q, p) : withExercises(p, q);
    }
    for (const id of new Set([...Object.keys(x.cards), ...Object.keys(y.cards)])) {
      const p = x.cards[id];
      const q = y.cards[id];
      // The later review wins; more reviews break a tie.
      doc.cards[id] = !p ? q : !q ? p : (lastReviewTime(q) > lastReviewTime(p) || (lastReviewTime(q) === lastReviewTime(p) && reviewCount(q) > reviewCount(p))) ? q : p;
    }
    out.documents[key] = doc;
  }
  const mocks = mergeMockHistory(a.mockInterviews, b.mockInterviews);
  if (mocks.length) { out.mockInterviews = mocks; }
  return out;
}
