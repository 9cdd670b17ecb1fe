// The review log: every review with its card, time, rating, elapsed times and the FSRS state
// before and after, kept compactly (per document, card ids interned, one short tuple per
// review, times in seconds) so a year of daily use stays small. Parsed with the same care as
// progress, merged as a union (a review is its card and second), bounded to at least a year.
// No VS Code here.
import type { PointsCovered } from '../cards/questions';
import type { SavedCard } from '../schedule/scheduler';
import { isObject, isUnsafeKey } from '../util/validate';

export const LOG_VERSION = 1;

/**
 * One review, as stored:
 * [card (index into the document's ids), at (s since 1970), rating (1 Again..4 Easy),
 *  elapsed (s since the card's previous review, 0 for a new card), answer (s spent answering),
 *  state before (0 New, 1 Learning, 2 Review, 3 Relearning), stability before (days), difficulty before,
 *  state after, stability after, difficulty after]
 * and, for a typed answer that was graded, [key points covered, key points in all]. The two are
 * optional so that the format stays version 1: a reader that predates them drops those entries.
 */
export type LogTuple = [number, number, number, number, number, number, number, number, number, number, number]
  | [number, number, number, number, number, number, number, number, number, number, number, number, number];
const TUPLE_LENGTH = 11;
const GRADED_LENGTH = 13;

export interface DocumentLog {
  /** Card ids, each once; tuples refer to them by index. */
  ids: string[];
  /** Oldest first. */
  reviews: LogTuple[];
}

export interface ReviewLog {
  version: typeof LOG_VERSION;
  /** Document key, as in progress -> its reviews. */
  documents: Record<string, DocumentLog>;
}

/** One review, read back. */
export interface LoggedReview {
  readonly document: string;
  readonly card: string;
  /** ms since 1970. */
  readonly at: number;
  readonly rating: number;
  readonly elapsedSeconds: number;
  readonly answerSeconds: number;
  readonly stateBefore: number;
  readonly stabilityBefore: number;
  readonly difficultyBefore: number;
  readonly stateAfter: number;
  readonly stabilityAfter: number;
  readonly difficultyAfter: number;
  /** A typed answer's key points, when it was graded. */
  readonly coverage?: PointsCovered;
}

export const emptyLog = (): ReviewLog => ({ version: LOG_VERSION, documents: {} });

const DAY = 86_400_000;
/** The log always keeps this much history, however large. */
export const KEEP_DAYS = 365;
/** Beyond a year, older reviews are kept only while the log holds fewer than this many (about 2.6 MB). */
export const MAX_ENTRIES = 50_000;
/** The part carried by Settings Sync: the newest reviews of the last 30 days, at most this many (about 75 KB). */
export const SYNC_DAYS = 30;
export const SYNC_ENTRIES = 1_000;
/** No review is later than the year 3000 (as in progress). */
const LATEST_SECONDS = Date.UTC(3000, 0, 1) / 1000;

const round = (x: number, digits: number) => Number(x.toFixed(digits));
/** Three significant digits: stability runs from hours to decades. */
const sig3 = (x: number) => Number(x.toPrecision(3));

/**
 * The log entry for one review: `before` is the card as saved before (undefined if new),
 * `after` as saved after. `answerMs` is the time from the question shown to the answer. The card
 * slot is 0 until appendReview interns the id.
 */
export function reviewTuple(before: SavedCard | undefined, after: SavedCard, rating: number, at: number, answerMs: number,
  coverage?: PointsCovered): LogTuple {
  const last = before?.[8] ?? 0;
  const elapsed = before && last > 0 ? Math.max(0, Math.round((at - last) / 1000)) : 0;
  const tuple: LogTuple = [
    0, Math.floor(at / 1000), rating, elapsed, Math.max(0, Math.round(answerMs / 1000)),
    before?.[7] ?? 0, sig3(before?.[1] ?? 0), round(before?.[2] ?? 0, 2),
    after[7], sig3(after[1]), round(after[2], 2),
  ];
  return coverage && coverage.total > 0 ? [...tuple, coverage.covered, coverage.total] as LogTuple : tuple;
}

/** Adds one review of `card` (a tuple from reviewTuple) to `log`, in place. */
export function appendReview(log: ReviewLog, document: string, card: string, tuple: readonly number[]): void {
  const doc = log.documents[document] ??= { ids: [], reviews: [] };
  let index = doc.ids.indexOf(card);
  if (index < 0) { index = doc.ids.push(card) - 1; }
  const entry = [...tuple] as LogTuple;
  entry[0] = index;
  const last = doc.reviews[doc.reviews.length - 1];
  doc.reviews.push(entry);
  // Clocks can step back (another machine's time, a manual change): keep the order.
  if (last && last[1] > entry[1]) { doc.reviews.sort((a, b) => a[1] - b[1]); }
}

export type LogParseResult =
  | { readonly ok: true; readonly log: ReviewLog; readonly dropped: number }
  | { readonly ok: false; readonly reason: string };

function isSaneTuple(v: unknown, ids: number, notAfterSeconds: number): v is LogTuple {
  if (!Array.isArray(v) || (v.length !== TUPLE_LENGTH && v.length !== GRADED_LENGTH)) { return false; }
  for (let i = 0; i < v.length; i++) {
    const n = v[i] as unknown;
    if (typeof n !== 'number' || !Number.isFinite(n)) { return false; }
  }
  const t = v as number[];
  const isState = (s: number) => s === 0 || s === 1 || s === 2 || s === 3;
  return Number.isInteger(t[0]) && t[0] >= 0 && t[0] < ids && Number.isInteger(t[1]) && t[1] >= 0 && t[1] <= notAfterSeconds
    && (t[2] === 1 || t[2] === 2 || t[2] === 3 || t[2] === 4) && t[3] >= 0 && t[4] >= 0
    && isState(t[5]) && isState(t[8]) && t[6] >= 0 && t[6] <= 1e6 && t[9] >= 0 && t[9] <= 1e6 && t[7] >= 0 && t[7] <= 10 && t[10] >= 0 && t[10] <= 10
    && (t.length === TUPLE_LENGTH || (Number.isInteger(t[11]) && Number.isInteger(t[12]) && t[12] > 0 && t[12] <= 50 && t[11] >= 0 && t[11] <= t[12]));
}

const isSorted = (reviews: readonly LogTuple[]) => reviews.every((r, i) => i === 0 || reviews[i - 1][1] <= r[1]);

/**
 * Reads a saved log. Undefined is an empty log. Reviews that make no sense are dropped and
 * counted; something that is not a log at all is refused whole, so the caller can keep it aside
 * and start a new log (card states are elsewhere and stay as they are).
 */
export function parseLog(raw: unknown, options: { readonly notAfter?: number } = {}): LogParseResult {
  if (raw === undefined || raw === null) { return { ok: true, log: emptyLog(), dropped: 0 }; }
  if (!isObject(raw)) { return { ok: false, reason: 'the review log is not an object' }; }
  if (raw.version !== LOG_VERSION) {
    return typeof raw.version === 'number' && raw.version > LOG_VERSION
      ? { ok: false, reason: `the review log was saved by a newer version of the extension (format ${raw.version})` }
      : { ok: false, reason: `unknown review log version ${String(JSON.stringify(raw.version)).slice(0, 40)}` };
  }
  if (!isObject(raw.documents)) { return { ok: false, reason: 'the review log has no documents' }; }
  const notAfterSeconds = Math.min(options.notAfter ?? Infinity, LATEST_SECONDS * 1000) / 1000;
  const log = emptyLog();
  let dropped = 0;
  for (const [key, doc] of Object.entries(raw.documents)) {
    if (isUnsafeKey(key) || !isObject(doc) || !Array.isArray(doc.ids) || !Array.isArray(doc.reviews)) {
      dropped += isObject(doc) && Array.isArray(doc.reviews) ? Math.max(1, doc.reviews.length) : 1;
      continue;
    }
    const ids = doc.ids as unknown[];
    const reviews = doc.reviews as unknown[];
    const out: DocumentLog = { ids: [], reviews: [] };
    // Ids are re-interned: a damaged or repeated id loses only its own reviews.
    const remap = new Map<number, number>();
    const seen = new Map<string, number>();
    const indexOf = (i: number): number | undefined => {
      const known = remap.get(i);
      if (known !== undefined) { return known; }
      const id = ids[i];
      if (typeof id !== 'string' || !id || id.length > 2000) { return undefined; }
      let j = seen.get(id);
      if (j === undefined) { j = out.ids.push(id) - 1; seen.set(id, j); }
      remap.set(i, j);
      return j;
    };
    for (const t of reviews) {
      const card = isSaneTuple(t, ids.length, notAfterSeconds) ? indexOf(t[0]) : undefined;
      if (card === undefined) { dropped++; continue; }
      const entry = (t as LogTuple).slice() as LogTuple;
      entry[0] = card;
      out.reviews.push(entry);
    }
    if (!isSorted(out.reviews)) { out.reviews.sort((a, b) => a[1] - b[1]); }
    if (out.reviews.length) { log.documents[key] = out; }
  }
  return { ok: true, log, dropped };
}

/**
 * The union of two logs (another window's, Settings Sync's, an import): a review is its card
 * and second, so the same review from both is kept once. Neither input is changed.
 */
export function mergeLogs(a: ReviewLog, b: ReviewLog): ReviewLog {
  const out = emptyLog();
  for (const key of new Set([...Object.keys(a.documents), ...Object.keys(b.documents)])) {
    const doc: DocumentLog = { ids: [], reviews: [] };
    const index = new Map<string, number>();
    /** Per card (new index), the seconds of its reviews so far. */
    const seen: Array<Set<number>> = [];
    for (const from of [a.documents[key], b.documents[key]]) {
      if (!from) { continue; }
      // Old index -> new index, per source document.
      const remap = from.ids.map(id => {
        let i = index.get(id);
        if (i === undefined) { i = doc.ids.push(id) - 1; index.set(id, i); seen.push(new Set()); }
        return i;
      });
      for (const r of from.reviews) {
        const i = remap[r[0]];
        const times = seen[i];
        if (times.has(r[1])) { continue; }
        times.add(r[1]);
        const entry = r.slice() as LogTuple;
        entry[0] = i;
        doc.reviews.push(entry);
      }
    }
    if (!isSorted(doc.reviews)) { doc.reviews.sort((p, q) => p[1] - q[1]); }
    out.documents[key] = doc;
  }
  return out;
}

/** How many reviews the log holds. */
export function logSize(log: ReviewLog): number {
  return Object.values(log.documents).reduce((n, d) => n + d.reviews.length, 0);
}

/**
 * The log kept after trimming: every review of the last `keepDays` days, and older ones, newest
 * first, while the whole holds at most `maxEntries`. Unused ids go too. `log` is not changed.
 */
export function boundLog(log: ReviewLog, now: number, keepDays = KEEP_DAYS, maxEntries = MAX_ENTRIES): ReviewLog {
  const total = logSize(log);
  if (total <= maxEntries) { return log; }
  const keepFrom = Math.floor((now - keepDays * DAY) / 1000);
  const older = Object.values(log.documents).flatMap(d => d.reviews.filter(r => r[1] < keepFrom)).sort((a, b) => b[1] - a[1]);
  const drop = new Set(older.slice(Math.max(0, maxEntries - (total - older.length))));
  return filterLog(log, r => !drop.has(r));
}

/** The newest reviews of the last `days` days, at most `maxEntries`: what Settings Sync carries. */
export function recentLog(log: ReviewLog, now: number, days = SYNC_DAYS, maxEntries = SYNC_ENTRIES): ReviewLog {
  const from = Math.floor((now - days * DAY) / 1000);
  const recent = Object.values(log.documents).flatMap(d => d.reviews.filter(r => r[1] >= from)).sort((a, b) => b[1] - a[1]);
  const keep = new Set(recent.slice(0, maxEntries));
  return filterLog(log, r => keep.has(r));
}

function filterLog(log: ReviewLog, keep: (r: LogTuple) => boolean): ReviewLog {
  const out = emptyLog();
  for (const [key, doc] of Object.entries(log.documents)) {
    const reviews = doc.reviews.filter(keep);
    if (!reviews.length) { continue; }
    const ids: string[] = [];
    const remap = new Map<number, number>();
    out.documents[key] = {
      ids,
      reviews: reviews.map(r => {
        let i = remap.get(r[0]);
        if (i === undefined) { i = ids.push(doc.ids[r[0]]) - 1; remap.set(r[0], i); }
        const entry = [...r] as LogTuple;
        entry[0] = i;
        return entry;
      }),
    };
  }
  return out;
}

/** Every review, document by document, oldest first within each. */
export function* reviews(log: ReviewLog): Generator<LoggedReview> {
  for (const [document, doc] of Object.entries(log.documents)) {
    for (const r of doc.reviews) {
      yield {
        document, card: doc.ids[r[0]], at: r[1] * 1000, rating: r[2], elapsedSeconds: r[3], answerSeconds: r[4],
        stateBefore: r[5], stabilityBefore: r[6], difficultyBefore: r[7], stateAfter: r[8], stabilityAfter: r[9], difficultyAfter: r[10],
        ...(r.length === GRADED_LENGTH ? { coverage: { covered: r[11], total: r[12] } } : {}),
      };
    }
  }
}
