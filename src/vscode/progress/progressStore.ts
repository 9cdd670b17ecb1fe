// Progress in globalState, carried by Settings Sync. VS Code sends an extension's whole
// globalState on every update, so a review is not written there: it is appended to the journal
// (fsynced, see reviewJournal.ts) and the history file, and globalState is flushed later, merged
// with what another window may have written meanwhile: when the window loses focus or closes, at
// most every few minutes while reviewing, and at once for the rare changes (a read mark, a
// practice result, a mock interview). Unreadable progress is saved to a file, never dropped.
import * as path from 'path';
import * as vscode from 'vscode';
import { DocumentProgress, emptyDocument, emptyProgress, mergeProgress, parseProgress, practiceResult, Progress } from '../../core/study/progress';
import type { SavedCard } from '../../core/schedule/scheduler';
import type { MockRecord } from '../../core/interview/mockHistory';
import { Disposable } from '../disposable';
import { DurableMemento } from './durableMemento';
import { Journaled, JournalMark, journalMarkOf, ReviewJournal } from './reviewJournal';
import type { PointsCovered } from '../../core/cards/questions';
import { emptyLog, logSize, reviewTuple } from '../../core/study/reviewLog';
import { HISTORY_FILE, LOG_SYNC_KEY, ReviewLogStore, writeBackup } from './reviewLogStore';
import { HistoryFile } from './historyFile';

/** What the review log records of a review besides the card states. */
export interface ReviewMeta {
  readonly rating: number; readonly at: Date; readonly answerMs: number;
  /** A typed answer's key points covered, logged with the review. */
  readonly coverage?: PointsCovered;
}

export const PROGRESS_KEY = 'djangoPrep.progress';
/** setKeysForSync replaces the list: every synced key is named here (the review log's recent part and the interview date too). */
const SYNCED_KEYS = [PROGRESS_KEY, LOG_SYNC_KEY, 'djangoPrep.interviewDate'];
/** The longest a review waits in the journal before globalState (Settings Sync) gets it. */
export const FLUSH_DELAY_MS = 5 * 60_000;

export class ProgressStore extends Disposable {
  private progress: Progress = emptyProgress();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  /** Every review, fsynced before it is acknowledged: globalState may not be stored yet at a crash. */
  private readonly journal: ReviewJournal;

  constructor(private readonly context: vscode.ExtensionContext, private readonly clock: () => Date = () => new Date()) {
    super();
    context.globalState.setKeysForSync(SYNCED_KEYS);
    this.journal = new ReviewJournal(context.globalStorageUri);
    this.history = new ReviewLogStore(context, clock, new HistoryFile(path.join(context.globalStorageUri.fsPath, HISTORY_FILE), undefined, () => clock().getTime()));
    this.durableState = new DurableMemento(context.globalState, this.journal, n => { this.written.disk += n; });
    this._register(vscode.window.onDidChangeWindowState(s => { if (!s.focused && this.flushTimer) { void this.flush(); } }));
    this._register({ dispose: () => { if (this.flushTimer) { void this.flush(); } } });
  }

  /** globalState whose updates are journaled first: the interview date and card notes use it. */
  readonly durableState: vscode.Memento;
  /** Bytes the journal took (the history's own are in history.written). */
  readonly written = { disk: 0, state: 0 };
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** Every review's log entry, under its own keys (see reviewLogStore.ts). */
  readonly history: ReviewLogStore;

  /** Where the last unreadable progress was copied, if any. */
  lastBackup: vscode.Uri | undefined;

  /**
   * Reads saved progress (or `raw`, as if it had been saved); anything unreadable is backed up
   * to a file and the user told where.
   */
  async load(raw: unknown = this.context.globalState.get<unknown>(PROGRESS_KEY)): Promise<void> {
    const t0 = performance.now();
    const clean = await this.parse(raw);
    const t1 = performance.now();
    // Saved progress read with nothing dropped holds what its mark says; otherwise the journal is
    // read whole.
    const from = clean ? journalMarkOf(raw) : undefined;
    // The history loads a tick later, once progress is ready; its own methods wait for it (see
    // reviewLogStore.ts), the journal's reviews from older versions too.
    const history = this.history.load(new Promise(resolve => setTimeout(resolve, 0))).catch(() => undefined);
    const lines = await this.replayJournal(await this.journal.read(from).catch(() => undefined), from);
    const t2 = performance.now();
    this.loadTimings = { parseMs: t1 - t0, journalMs: t2 - t1, journalLines: lines };
    void history.then(() => { this.loadTimings = { ...this.loadTimings!, historyMs: performance.now() - t1 }; });
  }

  /** Where the last load spent its time, and the journal lines it read (the benchmark prints them). */
  loadTimings: { readonly parseMs: number; readonly journalMs: number; readonly journalLines: number; readonly historyMs?: number } | undefined;

  /**
   * Merges what was journaled after the mark (globalState may lack it after a crash or before a
   * flush) and stores the result if it adds anything; gives the lines read.
   */
  private async replayJournal(journaled: Journaled | undefined, from: JournalMark | undefined): Promise<number> {
    if (!journaled) { return 0; }
    const { reviews } = journaled;
    if (journaled.lines) {
      // Settings and old log entries first: progress stored with the new mark says they are merged.
      for (const [key, value] of journaled.states) {
        if (JSON.stringify(this.context.globalState.get(key)) !== JSON.stringify(value)) { await this.context.globalState.update(key, value); }
      }
      if (logSize(reviews)) { await this.history.merge(reviews); }
      const merged = mergeProgress(this.progress, journaled.progress);
      if (JSON.stringify(merged) !== JSON.stringify(this.progress)) {
        this.progress = merged;
        this.changed.fire();
        // Not awaited: the journal already holds it, and the round trip to the workbench would hold up activation.
        void this.store(merged);
      } else if (this.journal.mark && (this.journal.mark.id !== from?.id || this.journal.mark.bytes !== from.bytes)) {
        // Nothing new, but the mark moved: stored with the next flush, so the next start reads less.
        this.flushLater();
      }
    }
    const cards = Object.values(this.progress.documents).reduce((n, d) => n + Object.keys(d.cards).length, 0);
    // Compacted when it is over twice what it would be (about 200 bytes a card or setting), has no
    // header (an older version's) or has reviews from before the history file; not awaited: a
    // rewrite with fsync at every start would slow activation for nothing.
    const tooBig = journaled.size > 2 * 200 * (cards + journaled.states.size) + 65536;
    if (journaled.size && (tooBig || !this.journal.mark || logSize(reviews))) { void this.journal.compact().catch(() => false); }
    return journaled.lines;
  }

  /** Whether `raw` was read with nothing dropped. */
  private async parse(raw: unknown): Promise<boolean> {
    const parsed = parseProgress(raw);
    if (parsed.ok) {
      this.progress = parsed.progress;
      if (parsed.dropped) {
        void vscode.window.showWarningMessage(`Django Prep: ${parsed.dropped} damaged progress entries were skipped; everything else is kept.`);
      }
      return !parsed.dropped;
    }
    const backup = await this.backup(raw);
    this.lastBackup = backup;
    this.progress = emptyProgress();
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    this.changed.fire();
    void vscode.window.showWarningMessage(
      `Django Prep: saved progress could not be read (${parsed.reason}). It was reset; the old data is kept in ${backup.fsPath}.`,
      'Show Backup',
    ).then(choice => { if (choice) { void vscode.commands.executeCommand('revealFileInOS', backup).then(undefined, () => vscode.window.showTextDocument(backup)); } });
    return false;
  }

  private backup(raw: unknown): Promise<vscode.Uri> {
    return writeBackup(this.context.globalStorageUri, 'progress', raw, this.clock(), 2);
  }

  document(key: string): DocumentProgress {
    return this.progress.documents[key] ?? emptyDocument();
  }

  get snapshot(): Progress {
    return this.progress;
  }

  /** Marks a topic read the first time it is opened; later visits write nothing. */
  markRead(key: string, topicId: string): Promise<void> {
    if (this.document(key).read[topicId] !== undefined) { return Promise.resolve(); }
    return this.update(key, doc => { doc.read[topicId] ??= this.clock().getTime(); });
  }

  /** Writes progress and the synced part of the history to globalState now (see the top of the file). */
  async flush(): Promise<void> {
    if (this.flushTimer) { clearTimeout(this.flushTimer); this.flushTimer = undefined; }
    const stored = this.context.globalState.get<unknown>(PROGRESS_KEY);
    const parsed = parseProgress(stored);
    const next = this.latest(parsed);
    this.progress = next;
    // What is stored now is merged in: its mark holds too, when it is further along the same file
    // and nothing of it was dropped as damaged (the journal may hold a good copy of that).
    const theirs = parsed.ok && !parsed.dropped ? journalMarkOf(stored) : undefined;
    const mine = this.journal.mark;
    await Promise.all([this.store(next, theirs && mine && theirs.id === mine.id && theirs.bytes > mine.bytes ? theirs : mine), this.history.flushSync()]);
  }

  private flushLater(): void {
    this.flushTimer ??= setTimeout(() => { this.flushTimer = undefined; void this.flush(); }, FLUSH_DELAY_MS);
  }

  /** Stores progress with the journal's mark: how much of the journal it holds (see reviewJournal.ts). */
  private store(progress: Progress, mark: JournalMark | undefined = this.journal.mark): Thenable<void> {
    const value = mark ? { ...progress, journal: mark } : progress;
    this.written.state += JSON.stringify(value).length;
    return this.context.globalState.update(PROGRESS_KEY, value);
  }

  /**
   * Applies a review to the card as stored now (another window may have reviewed it too); with
   * `meta`, the review also goes into the review log.
   */
  async review(key: string, cardId: string, next: (saved: SavedCard | undefined) => SavedCard, meta?: ReviewMeta): Promise<void> {
    const doc = this.progress.documents[key] ??= emptyDocument();
    const before = doc.cards[cardId];
    const saved = doc.cards[cardId] = next(before);
    this.changed.fire();
    const tuple = meta ? reviewTuple(before, saved, meta.rating, meta.at.getTime(), meta.answerMs, meta.coverage) : undefined;
    // A journal that cannot be written (disk full) sends the review to globalState at once.
    const journaled = this.journal.append(key, cardId, saved).then(n => { this.written.disk += n; return true; }, () => false);
    const [ok] = await Promise.all([journaled, tuple && this.history.append(key, cardId, tuple)]);
    if (ok) { this.flushLater(); } else { await this.flush(); }
  }

  recordPractice(key: string, topicId: string, passed: number, total: number, exercise?: { readonly id: string; readonly hints: number }): Promise<void> {
    return this.update(key, doc => { doc.practised[topicId] = practiceResult(doc.practised[topicId], passed, total, this.clock().getTime(), exercise); });
  }

  /** Adds a finished mock interview to the history, merged with what another window saved meanwhile. */
  recordMockInterview(record: MockRecord): Promise<void> {
    const fragment = emptyProgress();
    fragment.mockInterviews = [record];
    return this.apply(fragment);
  }

  async reset(): Promise<void> {
    if (this.flushTimer) { clearTimeout(this.flushTimer); this.flushTimer = undefined; }
    await this.journal.clear();
    this.progress = emptyProgress();
    await this.store(this.progress);
    await this.history.replace(emptyLog());
    this.changed.fire();
  }

  /** Journals a fragment of progress; one the journal cannot take still reaches globalState by the flush that follows. */
  private journalProgress(fragment: Progress): Promise<void> {
    return this.journal.appendProgress(fragment).then(n => { this.written.disk += n; }, () => undefined);
  }

  /**
   * Replaces or merges with the text of a progress file; refuses anything too large, too deep
   * or not progress, leaving what is saved untouched. Gives how many entries were dropped, or why it was refused.
   */
  async import(text: string, mode: 'merge' | 'replace'): Promise<{ readonly dropped: number; readonly logProblem?: string } | { readonly problem: string }> {
    const { importProgressFile } = await import('../../core/study/progressFile');
    const result = importProgressFile({ progress: this.latest(), log: await this.history.full() }, text, mode, this.clock().getTime());
    if (!result.ok) { return { problem: result.reason }; }
    if (mode === 'replace') { await this.journal.clear(); }
    this.progress = result.progress;
    await this.journal.appendProgress(this.progress).catch(() => undefined);
    await this.store(this.progress);
    await (mode === 'replace' ? this.history.replace(result.log) : this.history.merge(result.log));
    this.changed.fire();
    return { dropped: result.dropped, ...(result.logProblem ? { logProblem: result.logProblem } : {}) };
  }

  /** The text of an export: progress and its whole review log. */
  async exportText(): Promise<string> {
    const log = await this.history.full();
    return (await import('../../core/study/progressFile')).exportProgressText(this.progress, log);
  }

  /** What is stored now: another window may have written since this one read. */
  private latest(stored = parseProgress(this.context.globalState.get<unknown>(PROGRESS_KEY))): Progress {
    return stored.ok ? mergeProgress(this.progress, stored.progress) : this.progress;
  }

  /** A rare change (a read mark, a practice result) to the document `key`. */
  private update(key: string, change: (doc: DocumentProgress) => void): Promise<void> {
    const fragment = emptyProgress();
    change(fragment.documents[key] = emptyDocument());
    return this.apply(fragment);
  }

  /** A rare change as a fragment of progress: journaled, then flushed at once (the flush merges what another window stored). */
  private async apply(fragment: Progress): Promise<void> {
    await this.journalProgress(fragment);
    this.progress = mergeProgress(this.progress, fragment);
    this.changed.fire();
    await this.flush();
  }

}
