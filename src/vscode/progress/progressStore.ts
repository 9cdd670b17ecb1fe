// Progress in globalState, carried by Settings Sync. Every write merges with what another
// window may have written meanwhile; unreadable progress is saved to a file, never dropped.
import * as vscode from 'vscode';
import { DocumentProgress, emptyDocument, emptyProgress, mergeProgress, parseProgress, practiceResult, Progress } from '../../core/study/progress';
import type { SavedCard } from '../../core/schedule/scheduler';
import type { MockRecord } from '../../core/interview/mockHistory';
import { Disposable } from '../disposable';
import { ReviewJournal } from './reviewJournal';
import type { PointsCovered } from '../../core/cards/questions';
import { emptyLog, reviewTuple } from '../../core/study/reviewLog';
import { LOG_SYNC_KEY, ReviewLogStore, writeBackup } from './reviewLogStore';

/** What the review log records of a review besides the card states. */
export interface ReviewMeta {
  readonly rating: number; readonly at: Date; readonly answerMs: number;
  /** A typed answer's key points covered, logged with the review. */
  readonly coverage?: PointsCovered;
}

export const PROGRESS_KEY = 'djangoPrep.progress';
/** setKeysForSync replaces the list: every synced key is named here (the review log's recent part and the interview date too). */
const SYNCED_KEYS = [PROGRESS_KEY, LOG_SYNC_KEY, 'djangoPrep.interviewDate'];

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
    this.history = new ReviewLogStore(context, clock);
  }

  /** Every review's log entry, under its own keys (see reviewLogStore.ts). */
  readonly history: ReviewLogStore;

  /** Where the last unreadable progress was copied, if any. */
  lastBackup: vscode.Uri | undefined;

  /**
   * Reads saved progress (or `raw`, as if it had been saved); anything unreadable is backed up
   * to a file and the user told where.
   */
  async load(raw: unknown = this.context.globalState.get<unknown>(PROGRESS_KEY)): Promise<void> {
    await this.parse(raw);
    await this.history.load();
    await this.replayJournal();
  }

  /**
   * Merges the reviews journaled since (some may be missing from globalState after a crash),
   * stores the result, and compacts the journal to one line per card.
   */
  private async replayJournal(): Promise<void> {
    let journaled: Progress;
    let reviews: Awaited<ReturnType<ReviewJournal['readReviews']>>;
    try { journaled = await this.journal.read(); reviews = await this.journal.readReviews(); } catch { return; }
    if (!Object.values(journaled.documents).some(d => Object.keys(d.cards).length)) { return; }
    this.progress = mergeProgress(this.progress, journaled);
    this.changed.fire();
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    await this.history.merge(reviews);
    await this.journal.compact(journaled, reviews, this.clock().getTime()).catch(() => undefined);
  }

  private async parse(raw: unknown): Promise<void> {
    const parsed = parseProgress(raw);
    if (parsed.ok) {
      this.progress = parsed.progress;
      if (parsed.dropped) {
        void vscode.window.showWarningMessage(`Django Prep: ${parsed.dropped} damaged progress entries were skipped; everything else is kept.`);
      }
      return;
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

  /**
   * Applies a review to the card as stored now (another window may have reviewed it too); with
   * `meta`, the review also goes into the review log.
   */
  async review(key: string, cardId: string, next: (saved: SavedCard | undefined) => SavedCard, meta?: ReviewMeta): Promise<void> {
    let before: SavedCard | undefined;
    let saved: SavedCard | undefined;
    const stored = this.update(key, doc => { before = doc.cards[cardId]; saved = doc.cards[cardId] = next(before); });
    const tuple = meta ? reviewTuple(before, saved!, meta.rating, meta.at.getTime(), meta.answerMs, meta.coverage) : undefined;
    // A journal that cannot be written (disk full) leaves the review in globalState only.
    await this.journal.append(key, cardId, saved!, tuple).catch(() => undefined);
    await Promise.all([stored, tuple && this.history.append(key, cardId, tuple)]);
  }

  recordPractice(key: string, topicId: string, passed: number, total: number, exercise?: { readonly id: string; readonly hints: number }): Promise<void> {
    return this.update(key, doc => { doc.practised[topicId] = practiceResult(doc.practised[topicId], passed, total, this.clock().getTime(), exercise); });
  }

  /** Adds a finished mock interview to the history, merged with what another window saved meanwhile. */
  async recordMockInterview(record: MockRecord): Promise<void> {
    const { mergeMockHistory } = await import('../../core/interview/mockHistory');
    const next = this.latest();
    next.mockInterviews = mergeMockHistory(next.mockInterviews, [record]);
    this.progress = next;
    this.changed.fire();
    await this.context.globalState.update(PROGRESS_KEY, next);
  }

  async reset(): Promise<void> {
    await this.journal.clear();
    this.progress = emptyProgress();
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    await this.history.replace(emptyLog());
    this.changed.fire();
  }

  /**
   * Replaces or merges with the text of a progress file; refuses anything too large, too deep
   * or not progress, leaving what is saved untouched. Gives how many entries were dropped, or why it was refused.
   */
  async import(text: string, mode: 'merge' | 'replace'): Promise<{ readonly dropped: number; readonly logProblem?: string } | { readonly problem: string }> {
    const { importProgressFile } = await import('../../core/study/progressFile');
    const result = importProgressFile({ progress: this.latest(), log: this.history.snapshot }, text, mode, this.clock().getTime());
    if (!result.ok) { return { problem: result.reason }; }
    if (mode === 'replace') { await this.journal.clear(); }
    this.progress = result.progress;
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    await (mode === 'replace' ? this.history.replace(result.log) : this.history.merge(result.log));
    this.changed.fire();
    return { dropped: result.dropped, ...(result.logProblem ? { logProblem: result.logProblem } : {}) };
  }

  /** The text of an export: progress and its review log. */
  async exportText(): Promise<string> {
    return (await import('../../core/study/progressFile')).exportProgressText(this.progress, this.history.snapshot);
  }

  /** What is stored now: another window may have written since this one read. */
  private latest(): Progress {
    const stored = parseProgress(this.context.globalState.get<unknown>(PROGRESS_KEY));
    return stored.ok ? mergeProgress(this.progress, stored.progress) : this.progress;
  }

  private async update(key: string, change: (doc: DocumentProgress) => void): Promise<void> {
    const next = this.latest();
    const doc = next.documents[key] ?? emptyDocument();
    change(doc);
    next.documents[key] = doc;
    this.progress = next;
    this.changed.fire();
    await this.context.globalState.update(PROGRESS_KEY, next);
  }
}
