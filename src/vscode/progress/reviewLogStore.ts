// The review log in globalState, under its own keys (not inside progress): the full log
// (at least a year) stays on this machine, and only its recent part (30 days, at most 1,000
// reviews, about 75 KB) is given to Settings Sync, whose server refuses large globalState
// payloads. Every key is merged as a union on read, so windows and machines add up. A log
// that cannot be read is copied to a file and started afresh; card states are not touched.
import * as vscode from 'vscode';
import { appendReview, boundLog, emptyLog, LogTuple, mergeLogs, parseLog, recentLog, ReviewLog } from '../../core/study/reviewLog';

/** The whole log, this machine only. */
export const LOG_KEY = 'djangoPrep.reviewLog';
/** Its recent part, carried by Settings Sync. */
export const LOG_SYNC_KEY = 'djangoPrep.reviewLog.sync';

export class ReviewLogStore {
  private log: ReviewLog = emptyLog();
  /** The values this window last stored: when globalState still holds them, nobody else wrote. */
  private written: { full: unknown; sync: unknown } = { full: undefined, sync: undefined };
  /** Where the last unreadable log was copied, if any. */
  lastBackup: vscode.Uri | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly clock: () => Date) {}

  get snapshot(): ReviewLog { return this.log; }

  /**
   * Reads both keys and merges them. Either one unreadable is backed up to a file in
   * globalStorage and reset (the warning names the file); progress is not involved.
   */
  async load(full: unknown = this.context.globalState.get(LOG_KEY), sync: unknown = this.context.globalState.get(LOG_SYNC_KEY)): Promise<void> {
    let log = emptyLog();
    let dropped = 0;
    let reset = false;
    for (const [raw, key] of [[full, LOG_KEY], [sync, LOG_SYNC_KEY]] as const) {
      const parsed = parseLog(raw);
      if (parsed.ok) { log = mergeLogs(log, parsed.log); dropped += parsed.dropped; continue; }
      reset = true;
      const backup = await this.backup(raw, key);
      this.lastBackup = backup;
      void vscode.window.showWarningMessage(
        `Django Prep: the review history could not be read (${parsed.reason}). A new history was started; card schedules are unchanged; the old data is kept in ${backup.fsPath}.`,
        'Show Backup',
      ).then(choice => { if (choice) { void vscode.window.showTextDocument(backup); } });
    }
    if (dropped) { void vscode.window.showWarningMessage(`Django Prep: ${dropped} damaged review history entries were skipped; everything else is kept.`); }
    this.log = log;
    if (reset) { await this.store(); }
  }

  /** Adds one review (the tuple from reviewTuple) to the log as stored now. */
  append(document: string, card: string, tuple: LogTuple): Promise<void> {
    const log = this.latest();
    appendReview(log, document, card, tuple);
    this.log = log;
    return this.store();
  }

  /** Adds reviews (journaled before a crash, from an import). */
  merge(other: ReviewLog): Promise<void> {
    this.log = mergeLogs(this.latest(), other);
    return this.store();
  }

  /** Replaces the log (Reset Progress, a replacing import). */
  replace(log: ReviewLog): Promise<void> {
    this.log = log;
    return this.store();
  }

  /** The log as stored now: another window, or Settings Sync, may have added reviews. */
  private latest(): ReviewLog {
    const state = this.context.globalState;
    const full = state.get(LOG_KEY);
    const sync = state.get(LOG_SYNC_KEY);
    if (full === this.written.full && sync === this.written.sync) { return this.log; }
    let log = this.log;
    for (const raw of [full, sync]) {
      const parsed = parseLog(raw);
      if (parsed.ok) { log = mergeLogs(log, parsed.log); }
    }
    return log;
  }

  private async store(): Promise<void> {
    const now = this.clock().getTime();
    this.log = boundLog(this.log, now);
    const sync = recentLog(this.log, now);
    this.written = { full: this.log, sync };
    await Promise.all([
      this.context.globalState.update(LOG_KEY, this.log),
      this.context.globalState.update(LOG_SYNC_KEY, sync),
    ]);
  }

  private backup(raw: unknown, key: string): Promise<vscode.Uri> {
    return writeBackup(this.context.globalStorageUri, key === LOG_KEY ? 'review-log' : 'review-log-sync', raw, this.clock(), 1);
  }
}

/**
 * Writes `raw` as JSON (or as text, if it is not JSON-able) to `<name>-backup-<time>.json` in
 * `dir`: what could not be read is never thrown away. The progress store uses it too.
 */
export async function writeBackup(dir: vscode.Uri, name: string, raw: unknown, at: Date, indent: number): Promise<vscode.Uri> {
  await vscode.workspace.fs.createDirectory(dir);
  const uri = vscode.Uri.joinPath(dir, `${name}-backup-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  let text: string;
  try { text = JSON.stringify(raw, null, indent) ?? String(raw); } catch { text = String(raw); }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}
