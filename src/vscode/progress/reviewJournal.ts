// Every change of progress written so a crash cannot lose it. globalState.update resolves before
// VS Code has stored the value (in code-server the browser batches state writes), and progress
// now goes to globalState only when flushed, so an extension host or server killed right after
// an answer would lose it (test/runner/crash.js). Each change is appended as one JSON line to
// reviews.jsonl in globalStorageUri and fsynced before it is acknowledged: a card's new state, a
// fragment of progress (a read mark, a practice result, a mock interview), or a value of a
// synced setting (the interview date, card notes). Lines with a review's log entry (`review`)
// come from versions before the history file.
//
// The file starts with a header naming it (a random id, new at each rewrite). Saved progress
// carries a mark, {id, bytes}: the first `bytes` of that file are merged into it. The mark is
// stored in the same globalState value as the progress, so whichever copy survives a crash, its
// mark is true of it; activation then reads only what follows the mark (a year's journal is
// 1,400 lines, read in 20-30 ms at every start otherwise). A mark of another id (the file was
// compacted, reset, deleted, or the progress came from another machine by Settings Sync) or
// past the end of the file (cut short) is ignored: the whole file is read.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { emptyDocument, emptyProgress, mergeProgress, parseProgress, Progress } from '../../core/study/progress';
import { appendReview, emptyLog, logSize, LogTuple, parseLog, ReviewLog } from '../../core/study/reviewLog';
import type { SavedCard } from '../../core/schedule/scheduler';

export const JOURNAL_FILE = 'reviews.jsonl';
const FORMAT = 2;

/** The first `bytes` of the journal whose header has `id` are merged into the progress that carries it. */
export interface JournalMark { readonly id: string; readonly bytes: number }

/** A mark read back from saved progress, or undefined when it is not one. */
export function journalMarkOf(raw: unknown): JournalMark | undefined {
  const m = raw && typeof raw === 'object' ? (raw as { journal?: unknown }).journal : undefined;
  if (!m || typeof m !== 'object') { return undefined; }
  const { id, bytes } = m as { id?: unknown; bytes?: unknown };
  return typeof id === 'string' && id.length <= 64 && Number.isSafeInteger(bytes) && (bytes as number) > 0 ? { id, bytes: bytes as number } : undefined;
}

interface Entry {
  readonly key?: string; readonly card?: string; readonly saved?: SavedCard; readonly review?: LogTuple;
  /** A fragment of progress, merged. */
  readonly progress?: unknown;
  /** A globalState key and its value, the last one winning. */
  readonly state?: string; readonly value?: unknown;
  /** The header: the format and the file's id. */
  readonly journal?: number; readonly id?: string;
}

/** What the journal holds (after a mark, or all of it), merged. */
export interface Journaled {
  readonly progress: Progress;
  readonly states: ReadonlyMap<string, unknown>;
  /** Review log entries from versions before the history file. */
  readonly reviews: ReviewLog;
  /** Lines read. */
  readonly lines: number;
  /** The file's size, to tell whether compaction would shrink it. */
  readonly size: number;
  /** The whole file was read (no mark, or one that did not apply). */
  readonly whole: boolean;
}

const nothing = (): Journaled => ({ progress: emptyProgress(), states: new Map(), reviews: emptyLog(), lines: 0, size: 0, whole: true });

export class ReviewJournal {
  /** Writes one after another: lines never interleave, compaction never races an append. */
  private queue: Promise<unknown> = Promise.resolve();
  private seen: JournalMark | undefined;

  constructor(private readonly dir: vscode.Uri) {}

  private get file(): string { return path.join(this.dir.fsPath, JOURNAL_FILE); }

  /**
   * How much of the journal this window's progress has merged: set by `read`, moved past this
   * window's own appends when no other window wrote in between, new after a reset.
   */
  get mark(): JournalMark | undefined { return this.seen; }

  /** Appends a card's new state and fsyncs it; resolves with the bytes once it is on disk. */
  append(key: string, card: string, saved: SavedCard): Promise<number> {
    return this.line({ key, card, saved }, true);
  }

  /** Appends a fragment of progress (a read mark, a practice result, a mock interview). */
  appendProgress(progress: Progress): Promise<number> {
    return this.line({ progress }, true);
  }

  /**
   * Appends a globalState value (the interview date, card notes). The mark does not move past
   * it: the value goes to its own globalState key, not to the progress that carries the mark.
   */
  appendState(state: string, value: unknown): Promise<number> {
    return this.line({ state, value: value ?? null }, false);
  }

  private line(entry: Entry, covered: boolean): Promise<number> {
    return this.enqueue(async () => {
      await fs.promises.mkdir(this.dir.fsPath, { recursive: true });
      const handle = await fs.promises.open(this.file, 'a+');
      try {
        const before = (await handle.stat()).size;
        let text = JSON.stringify(entry) + '\n';
        let id: string | undefined;
        if (before === 0) {
          id = newId();
          text = header(id) + text;
        } else {
          // Half a line left by a crash would swallow this one: it is ended first.
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, before - 1);
          if (last[0] !== 0x0a) { text = '\n' + text; }
        }
        await handle.writeFile(text, 'utf8');
        await handle.sync();
        const bytes = Buffer.byteLength(text);
        const after = (await handle.stat()).size;
        // Only this window wrote since the mark: its memory holds everything up to the end.
        if (id !== undefined) { this.seen = after === bytes ? { id, bytes } : undefined; } else if (covered && this.seen?.bytes === before && after === before + bytes) { this.seen = { id: this.seen.id, bytes: after }; }
        return bytes;
      } finally {
        await handle.close();
      }
    });
  }

  /**
   * What is on disk after `from` (all of it when the mark does not apply), merged, in one pass.
   * Damaged lines are skipped; a last line not yet ended is left for the next read.
   */
  read(from?: JournalMark): Promise<Journaled> {
    // Read in one go, synchronously: a local file of at most a few hundred KB (compaction keeps it
    // near its merged size, and a mark leaves only the tail) takes well under a millisecond, where
    // five awaited calls each wait their turn behind the rest of activation.
    return this.enqueue(async () => {
      let fd: number;
      try { fd = fs.openSync(this.file, 'r'); } catch { this.seen = undefined; return nothing(); }
      let buffer: Buffer;
      let start = 0;
      let id: string | undefined;
      try {
        const size = fs.fstatSync(fd).size;
        const head = Buffer.alloc(Math.min(size, 128));
        readFully(fd, head, 0);
        id = headerId(head);
        if (from && id === from.id && from.bytes <= size) { start = from.bytes; }
        buffer = Buffer.alloc(size - start);
        readFully(fd, buffer, start);
      } finally {
        fs.closeSync(fd);
      }
      const ended = buffer.lastIndexOf(0x0a) + 1;
      this.seen = id !== undefined ? { id, bytes: start + ended } : undefined;
      return { ...merged(buffer.toString('utf8', 0, ended)), size: start + buffer.length, whole: start === 0 };
    });
  }

  /**
   * Rewrites the journal as what it holds, merged: one line per card, one fragment with the rest
   * of progress (read marks, practice, mock interviews), one line per globalState value, under a
   * new header. Left for later when another window appended meanwhile (it would lose that line).
   * The mark is dropped: this window may not hold all that another window wrote; the next
   * activation reads the new file whole once.
   */
  compact(): Promise<boolean> {
    return this.enqueue(async () => {
      const text = await fs.promises.readFile(this.file);
      const { progress, states } = merged(text.toString('utf8', 0, text.lastIndexOf(0x0a) + 1));
      const lines = [header(newId())];
      for (const [key, doc] of Object.entries(progress.documents)) {
        for (const [card, saved] of Object.entries(doc.cards)) { lines.push(JSON.stringify({ key, card, saved }) + '\n'); }
      }
      const rest = emptyProgress();
      for (const [key, doc] of Object.entries(progress.documents)) {
        if (Object.keys(doc.read).length || Object.keys(doc.practised).length) { rest.documents[key] = { ...doc, cards: {} }; }
      }
      if (progress.mockInterviews?.length) { rest.mockInterviews = progress.mockInterviews; }
      if (Object.keys(rest.documents).length || rest.mockInterviews) { lines.push(JSON.stringify({ progress: rest }) + '\n'); }
      for (const [state, value] of states) { lines.push(JSON.stringify({ state, value: value ?? null }) + '\n'); }
      const replaced = await this.replace(lines.join(''), text.length);
      if (replaced) { this.seen = undefined; }
      return replaced;
    });
  }

  /** Empties the journal (progress reset or replaced by an import): a new header, all of it merged. */
  clear(): Promise<void> {
    return this.enqueue(async () => {
      const id = newId();
      const text = header(id);
      await this.replace(text);
      this.seen = { id, bytes: Buffer.byteLength(text) };
    });
  }

  /** Writes `text` to a temp file, fsynced, renamed over the journal; not when the journal is no longer `expected` bytes long. */
  private async replace(text: string, expected?: number): Promise<boolean> {
    await fs.promises.mkdir(this.dir.fsPath, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeSynced(tmp, text, 'w');
    if (expected !== undefined && (await fs.promises.stat(this.file)).size !== expected) {
      await fs.promises.rm(tmp, { force: true });
      return false;
    }
    await fs.promises.rename(tmp, this.file);
    return true;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Fills `buffer` from `position` (a read may return less than asked). */
function readFully(fd: number, buffer: Buffer, position: number): void {
  for (let at = 0; at < buffer.length;) {
    const n = fs.readSync(fd, buffer, at, buffer.length - at, position + at);
    if (!n) { throw new Error('the journal changed size while it was read'); }
    at += n;
  }
}

const header = (id: string) => JSON.stringify({ journal: FORMAT, id }) + '\n';
const newId = () => crypto.randomBytes(9).toString('base64url');

/** The id in the header at the start of `head`, if the file has one (files of older versions do not). */
function headerId(head: Buffer): string | undefined {
  const end = head.indexOf(0x0a);
  if (end < 0) { return undefined; }
  try {
    const h = JSON.parse(head.toString('utf8', 0, end)) as Entry;
    return h && h.journal === FORMAT && typeof h.id === 'string' ? h.id : undefined;
  } catch { return undefined; }
}

/** Lines of the journal, merged: card states and fragments into progress, the last value of each setting. */
function merged(text: string): Omit<Journaled, 'size' | 'whole'> {
  const raw = emptyProgress();
  const rawReviews = emptyLog();
  const states = new Map<string, unknown>();
  const fragments: Progress[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    let e: Entry;
    try { e = JSON.parse(line) as Entry; } catch { continue; }
    if (!e || typeof e !== 'object' || e.journal !== undefined) { continue; }
    lines++;
    if (typeof e.state === 'string') { states.set(e.state, e.value === null ? undefined : e.value); continue; }
    if (e.progress !== undefined) {
      const p = parseProgress(e.progress);
      if (p.ok) { fragments.push(p.progress); }
      continue;
    }
    if (typeof e.key !== 'string' || typeof e.card !== 'string') { continue; }
    if (Array.isArray(e.review)) { appendReview(rawReviews, e.key, e.card, e.review); }
    if (e.saved !== undefined) { (raw.documents[e.key] ??= emptyDocument()).cards[e.card] = e.saved; }
  }
  // The same checks as saved progress and the stored log: nonsense cards, entries and unsafe ids are dropped.
  const parsed = parseProgress(raw);
  // The fragments (small) merged together first, then once into the cards: merging each into
  // all the cards copied them once per fragment (a year's journal: 30 ms at activation).
  const progress = mergeProgress(parsed.ok ? parsed.progress : emptyProgress(), fragments.reduce(mergeProgress, emptyProgress()));
  const log = logSize(rawReviews) ? parseLog(JSON.parse(JSON.stringify(rawReviews))) : undefined;
  return { progress, states, reviews: log?.ok ? log.log : emptyLog(), lines };
}

async function writeSynced(file: string, text: string, flags: 'a' | 'w'): Promise<void> {
  const handle = await fs.promises.open(file, flags);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
