// The review history as a file of lines: a header naming the format and its version, then one
// review a line, appended and never rewritten in place. Each line is [document, card, ...the
// review's numbers], so a damaged line (half written at a crash, cut short) loses only itself.
// The reader builds the same ReviewLog as the in-memory log, keeping each review once. No VS Code.
import { emptyLog, LogTuple, parseLog, ReviewLog } from './reviewLog';
import { isObject } from '../util/validate';

export const HISTORY_FORMAT = 'django-prep-history';
export const HISTORY_VERSION = 1;

/** The first line of a history file. */
export const historyHeader = (created: number): string => `${JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, created })}\n`;

/** One review as a line (the tuple's card slot is replaced by the card id). */
export const historyLine = (document: string, card: string, tuple: readonly number[]): string =>
  `${JSON.stringify([document, card, ...tuple.slice(1)])}\n`;

/** Every review of `log` as lines, oldest first per document. */
export function historyLines(log: ReviewLog): string {
  const out: string[] = [];
  for (const [document, doc] of Object.entries(log.documents)) {
    for (const r of doc.reviews) { out.push(historyLine(document, doc.ids[r[0]], r)); }
  }
  return out.join('');
}

/**
 * Builds a log from reviews in any order: ids interned through a map and each document sorted
 * once at the end (appendReview sorts on every step back in time, which a year of lines makes quadratic).
 */
class LogBuilder {
  private readonly log = emptyLog();
  private readonly index = new Map<string, Map<string, number>>();

  add(document: string, card: string, numbers: readonly number[]): void {
    const doc = this.log.documents[document] ??= { ids: [], reviews: [] };
    let ids = this.index.get(document);
    if (!ids) { this.index.set(document, ids = new Map()); }
    let i = ids.get(card);
    if (i === undefined) { i = doc.ids.push(card) - 1; ids.set(card, i); }
    doc.reviews.push([i, ...numbers] as LogTuple);
  }

  done(): ReviewLog {
    for (const doc of Object.values(this.log.documents)) { doc.reviews.sort((a, b) => a[1] - b[1]); }
    return this.log;
  }
}

export interface HistoryRead {
  readonly log: ReviewLog;
  /** Lines that are not a review (cut short, garbled), skipped. */
  readonly damaged: number;
  /** Reviews found more than once (a merge appended one again), kept once. */
  readonly duplicates: number;
  readonly reviews: number;
  /** Bytes of the lines that hold a review once (what a compacted file would need). */
  readonly usefulBytes: number;
  /** Set when the file is not a history this version can read (a newer format): nothing was read. */
  readonly refused?: string;
}

/** Reads a history line by line (feed, then result): what the dashboard, export and readiness see. */
export class HistoryReader {
  private readonly raw = new LogBuilder();
  private readonly seen = new Map<string, Set<number>>();
  private damaged = 0;
  private duplicates = 0;
  private reviews = 0;
  private useful = 0;
  private first = true;
  private refused: string | undefined;

  feed(line: string): void {
    if (this.refused || !line.trim()) { return; }
    let v: unknown;
    try { v = JSON.parse(line); } catch { v = undefined; }
    if (this.first) {
      this.first = false;
      if (isObject(v) && v.format === HISTORY_FORMAT) {
        if (typeof v.version === 'number' && v.version > HISTORY_VERSION) { this.refused = `the history was written by a newer version of the extension (format ${v.version})`; }
        return;
      }
      // No header: the file lost its beginning. Its reviews are still read.
    }
    if (!Array.isArray(v) || v.length < 12 || typeof v[0] !== 'string' || typeof v[1] !== 'string') { this.damaged++; return; }
    const [document, card, ...numbers] = v as [string, string, ...unknown[]];
    if (!numbers.every(n => typeof n === 'number' && Number.isFinite(n))) { this.damaged++; return; }
    const at = numbers[0] as number;
    const key = `${document}\n${card}`;
    let times = this.seen.get(key);
    if (!times) { this.seen.set(key, times = new Set()); }
    if (times.has(at)) { this.duplicates++; return; }
    times.add(at);
    this.reviews++;
    this.useful += line.length + 1;
    this.raw.add(document, card, numbers as number[]);
  }

  result(): HistoryRead {
    if (this.refused) { return { log: emptyLog(), damaged: 0, duplicates: 0, reviews: 0, usefulBytes: 0, refused: this.refused }; }
    // The same checks as a stored log: a line of nonsense numbers is dropped and counted.
    const parsed = parseLog(this.raw.done());
    const log = parsed.ok ? parsed.log : emptyLog();
    const dropped = parsed.ok ? parsed.dropped : this.reviews;
    return { log, damaged: this.damaged + dropped, duplicates: this.duplicates, reviews: this.reviews - dropped, usefulBytes: this.useful };
  }
}

/** Reads a whole history text (tests, small files): the streaming reader over its lines. */
export function readHistory(text: string): HistoryRead {
  const reader = new HistoryReader();
  for (const line of text.split('\n')) { reader.feed(line); }
  return reader.result();
}

/** The reviews of `log` that `known` lacks (a review is its document, card and second). */
export function missingFrom(known: ReviewLog, log: ReviewLog): ReviewLog {
  const out = new LogBuilder();
  for (const [document, doc] of Object.entries(log.documents)) {
    const have = known.documents[document];
    const times = new Map<string, Set<number>>();
    if (have) { for (const r of have.reviews) { const id = have.ids[r[0]]; (times.get(id) ?? times.set(id, new Set()).get(id)!).add(r[1]); } }
    for (const r of doc.reviews) {
      const id = doc.ids[r[0]];
      if (!times.get(id)?.has(r[1])) { out.add(document, id, r.slice(1)); }
    }
  }
  return out.done();
}
