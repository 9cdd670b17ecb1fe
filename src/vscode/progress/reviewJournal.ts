// Every change of progress written so a crash cannot lose it. globalState.update resolves before
// VS Code has stored the value (in code-server the browser batches state writes), and progress
// now goes to globalState only when flushed, so an extension host or server killed right after
// an answer would lose it (test/runner/crash.js). Each change is appended as one JSON line to
// reviews.jsonl in globalStorageUri and fsynced before it is acknowledged: a card's new state, a
// fragment of progress (a read mark, a practice result, a mock interview), or a value of a
// synced setting (the interview date, card notes). At activation the lines are merged into
// progress, then the file is compacted to what it held, merged (written to a temp file,
// fsynced, renamed over it), never emptied while globalState may still lack them. Lines with a
// review's log entry (`review`) come from versions before the history file.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { emptyDocument, emptyProgress, mergeProgress, parseProgress, Progress } from '../../core/study/progress';
import { appendReview, emptyLog, logSize, LogTuple, parseLog, ReviewLog } from '../../core/study/reviewLog';
import type { SavedCard } from '../../core/schedule/scheduler';

export const JOURNAL_FILE = 'reviews.jsonl';

interface Entry {
  readonly key?: string; readonly card?: string; readonly saved?: SavedCard; readonly review?: LogTuple;
  /** A fragment of progress, merged. */
  readonly progress?: unknown;
  /** A globalState key and its value, the last one winning. */
  readonly state?: string; readonly value?: unknown;
}

/** What the journal holds, merged. */
export interface Journaled {
  readonly progress: Progress;
  readonly states: ReadonlyMap<string, unknown>;
  /** Review log entries from versions before the history file. */
  readonly reviews: ReviewLog;
  /** Lines read, to tell whether compaction would shrink the file. */
  readonly lines: number;
}

export class ReviewJournal {
  /** Writes one after another: lines never interleave, compaction never races an append. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: vscode.Uri) {}

  private get file(): string { return path.join(this.dir.fsPath, JOURNAL_FILE); }

  /** Appends a card's new state and fsyncs it; resolves with the bytes once it is on disk. */
  append(key: string, card: string, saved: SavedCard): Promise<number> {
    return this.line({ key, card, saved });
  }

  /** Appends a fragment of progress (a read mark, a practice result, a mock interview). */
  appendProgress(progress: Progress): Promise<number> {
    return this.line({ progress });
  }

  /** Appends a globalState value (the interview date, card notes). */
  appendState(state: string, value: unknown): Promise<number> {
    return this.line({ state, value: value ?? null });
  }

  private line(entry: Entry): Promise<number> {
    const text = JSON.stringify(entry) + '\n';
    return this.enqueue(async () => {
      await fs.promises.mkdir(this.dir.fsPath, { recursive: true });
      await writeSynced(this.file, text, 'a');
      return Buffer.byteLength(text);
    });
  }

  /**
   * What is on disk, merged, in one pass (damaged lines, e.g. half a line written at a crash,
   * are skipped); with the log entries lines from versions before the history file carry.
   */
  read(): Promise<Journaled> {
    return this.enqueue(async () => {
      let text: string;
      try { text = await fs.promises.readFile(this.file, 'utf8'); } catch { return { progress: emptyProgress(), states: new Map(), reviews: emptyLog(), lines: 0 }; }
      const raw = emptyProgress();
      const rawReviews = emptyLog();
      const states = new Map<string, unknown>();
      const fragments: Progress[] = [];
      let lines = 0;
      for (const line of text.split('\n')) {
        let e: Entry;
        try { e = JSON.parse(line) as Entry; } catch { continue; }
        if (!e || typeof e !== 'object') { continue; }
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
    });
  }

  /**
   * Rewrites the journal as what it held, merged: one line per card, one fragment with the rest
   * of progress (read marks, practice, mock interviews), one line per globalState value.
   */
  compact(journaled: Journaled): Promise<void> {
    return this.enqueue(async () => {
      const { progress, states } = journaled;
      const lines = Object.entries(progress.documents).flatMap(([key, doc]) =>
        Object.entries(doc.cards).map(([card, saved]) => JSON.stringify({ key, card, saved }) + '\n'));
      const rest = emptyProgress();
      for (const [key, doc] of Object.entries(progress.documents)) {
        if (Object.keys(doc.read).length || Object.keys(doc.practised).length) { rest.documents[key] = { ...doc, cards: {} }; }
      }
      if (progress.mockInterviews?.length) { rest.mockInterviews = progress.mockInterviews; }
      if (Object.keys(rest.documents).length || rest.mockInterviews) { lines.push(JSON.stringify({ progress: rest }) + '\n'); }
      for (const [state, value] of states) { lines.push(JSON.stringify({ state, value: value ?? null }) + '\n'); }
      await this.replace(lines.join(''));
    });
  }

  /** Empties the journal (progress reset or replaced by an import). */
  clear(): Promise<void> {
    return this.enqueue(() => this.replace(''));
  }

  private async replace(text: string): Promise<void> {
    await fs.promises.mkdir(this.dir.fsPath, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeSynced(tmp, text, 'w');
    await fs.promises.rename(tmp, this.file);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
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
