// Reviews written so a crash cannot lose them. globalState.update resolves before VS Code has
// stored the value (in code-server the browser batches state writes), so an extension host or
// server killed right after an answer lost it (test/runner/crash.js). Each review is appended
// as one JSON line to reviews.jsonl in globalStorageUri and fsynced before the answer is
// acknowledged; at activation the lines are merged into progress, then the file is compacted
// to one line per card (written to a temp file, fsynced, renamed over it), never emptied while
// globalState may still lack them. A line may also carry the review's log entry (`review`);
// compaction keeps those of the last day, so a second crash soon after a restart loses none.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { emptyDocument, emptyProgress, parseProgress, Progress } from '../../core/study/progress';
import { appendReview, emptyLog, LogTuple, parseLog, ReviewLog } from '../../core/study/reviewLog';
import type { SavedCard } from '../../core/schedule/scheduler';

export const JOURNAL_FILE = 'reviews.jsonl';

interface Entry { readonly key: string; readonly card: string; readonly saved?: SavedCard; readonly review?: LogTuple }

const KEEP_REVIEWS_MS = 86_400_000;

export class ReviewJournal {
  /** Writes one after another: lines never interleave, compaction never races an append. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: vscode.Uri) {}

  private get file(): string { return path.join(this.dir.fsPath, JOURNAL_FILE); }

  /** Appends a review and fsyncs it; resolves once it is on disk. */
  append(key: string, card: string, saved: SavedCard, review?: LogTuple): Promise<void> {
    return this.enqueue(async () => {
      await fs.promises.mkdir(this.dir.fsPath, { recursive: true });
      await writeSynced(this.file, JSON.stringify(review ? { key, card, saved, review } : { key, card, saved }) + '\n', 'a');
    });
  }

  /** The reviews on disk as progress (damaged lines, e.g. half a line written at a crash, are skipped). */
  read(): Promise<Progress> {
    return this.enqueue(async () => {
      let text: string;
      try { text = await fs.promises.readFile(this.file, 'utf8'); } catch { return emptyProgress(); }
      const raw = emptyProgress();
      for (const line of text.split('\n')) {
        let e: Entry;
        try { e = JSON.parse(line) as Entry; } catch { continue; }
        if (typeof e?.key !== 'string' || typeof e.card !== 'string' || e.saved === undefined) { continue; }
        (raw.documents[e.key] ??= emptyDocument()).cards[e.card] = e.saved;
      }
      // The same checks as saved progress: nonsense cards and unsafe ids are dropped.
      const parsed = parseProgress(raw);
      return parsed.ok ? parsed.progress : emptyProgress();
    });
  }

  /** The review log entries on disk (damaged ones skipped). */
  readReviews(): Promise<ReviewLog> {
    return this.enqueue(async () => {
      let text: string;
      try { text = await fs.promises.readFile(this.file, 'utf8'); } catch { return emptyLog(); }
      const raw = emptyLog();
      for (const line of text.split('\n')) {
        let e: Entry;
        try { e = JSON.parse(line) as Entry; } catch { continue; }
        if (typeof e?.key !== 'string' || typeof e.card !== 'string' || !Array.isArray(e.review)) { continue; }
        appendReview(raw, e.key, e.card, e.review);
      }
      // The same checks as the stored log: nonsense entries are dropped.
      const parsed = parseLog(JSON.parse(JSON.stringify(raw)));
      return parsed.ok ? parsed.log : emptyLog();
    });
  }

  /**
   * Rewrites the journal as one line per card of `progress` (what it held, merged), plus the
   * log entries of `reviews` from the last day (`now` in ms).
   */
  compact(progress: Progress, reviews: ReviewLog = emptyLog(), now = Date.now()): Promise<void> {
    return this.enqueue(async () => {
      const lines = Object.entries(progress.documents).flatMap(([key, doc]) =>
        Object.entries(doc.cards).map(([card, saved]) => JSON.stringify({ key, card, saved }) + '\n'));
      const from = (now - KEEP_REVIEWS_MS) / 1000;
      for (const [key, doc] of Object.entries(reviews.documents)) {
        for (const r of doc.reviews) {
          if (r[1] >= from) { lines.push(JSON.stringify({ key, card: doc.ids[r[0]], review: r }) + '\n'); }
        }
      }
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
