// Progress in globalState, carried by Settings Sync. Every write merges with what another
// window may have written meanwhile; unreadable progress is saved to a file, never dropped.
import * as vscode from 'vscode';
import { DocumentProgress, emptyDocument, emptyProgress, mergeProgress, parseProgress, Progress } from '../../core/progress';
import type { SavedCard } from '../../core/scheduler';
import type { MockRecord } from '../../core/mockHistory';
import { Disposable } from '../disposable';
import { ReviewJournal } from './reviewJournal';

export const PROGRESS_KEY = 'djangoPrep.progress';

export class ProgressStore extends Disposable {
  private progress: Progress = emptyProgress();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  /** Every review, fsynced before it is acknowledged: globalState may not be stored yet at a crash. */
  private readonly journal: ReviewJournal;

  constructor(private readonly context: vscode.ExtensionContext, private readonly clock: () => Date = () => new Date()) {
    super();
    context.globalState.setKeysForSync([PROGRESS_KEY]);
    this.journal = new ReviewJournal(context.globalStorageUri);
  }

  /** Where the last unreadable progress was copied, if any. */
  lastBackup: vscode.Uri | undefined;

  /**
   * Reads saved progress (or `raw`, as if it had been saved); anything unreadable is backed up
   * to a file and the user told where.
   */
  async load(raw: unknown = this.context.globalState.get<unknown>(PROGRESS_KEY)): Promise<void> {
    await this.parse(raw);
    await this.replayJournal();
  }

  /**
   * Merges the reviews journaled since (some may be missing from globalState after a crash),
   * stores the result, and compacts the journal to one line per card.
   */
  private async replayJournal(): Promise<void> {
    let journaled: Progress;
    try { journaled = await this.journal.read(); } catch { return; }
    if (!Object.values(journaled.documents).some(d => Object.keys(d.cards).length)) { return; }
    this.progress = mergeProgress(this.progress, journaled);
    this.changed.fire();
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    await this.journal.compact(journaled).catch(() => undefined);
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

  private async backup(raw: unknown): Promise<vscode.Uri> {
    const dir = this.context.globalStorageUri;
    await vscode.workspace.fs.createDirectory(dir);
    const uri = vscode.Uri.joinPath(dir, `progress-backup-${this.clock().toISOString().replace(/[:.]/g, '-')}.json`);
    let text: string;
    try { text = JSON.stringify(raw, null, 2) ?? String(raw); } catch { text = String(raw); }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
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

  /** Applies a review to the card as stored now (another window may have reviewed it too). */
  async review(key: string, cardId: string, next: (saved: SavedCard | undefined) => SavedCard): Promise<void> {
    let saved: SavedCard | undefined;
    const stored = this.update(key, doc => { saved = doc.cards[cardId] = next(doc.cards[cardId]); });
    // A journal that cannot be written (disk full) leaves the review in globalState only.
    await this.journal.append(key, cardId, saved!).catch(() => undefined);
    await stored;
  }

  recordPractice(key: string, topicId: string, passed: number, total: number): Promise<void> {
    return this.update(key, doc => { doc.practised[topicId] = { passed, total, at: this.clock().getTime() }; });
  }

  /** Adds a finished mock interview to the history, merged with what another window saved meanwhile. */
  async recordMockInterview(record: MockRecord): Promise<void> {
    const { mergeMockHistory } = await import('../../core/mockHistory');
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
    this.changed.fire();
  }

  /**
   * Replaces or merges with the text of a progress file; refuses anything too large, too deep
   * or not progress, leaving what is saved untouched. Gives how many entries were dropped, or why it was refused.
   */
  async import(text: string, mode: 'merge' | 'replace'): Promise<{ readonly dropped: number } | { readonly problem: string }> {
    const { importProgress } = await import('../../core/progressImport');
    const result = importProgress(this.latest(), text, mode, this.clock().getTime());
    if (!result.ok) { return { problem: result.reason }; }
    if (mode === 'replace') { await this.journal.clear(); }
    this.progress = result.progress;
    await this.context.globalState.update(PROGRESS_KEY, this.progress);
    this.changed.fire();
    return { dropped: result.dropped };
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
