// The review history: every review appended as one fsynced line to history.jsonl in
// globalStorage (historyFile.ts), never rewritten per review. Only its recent part (30 days, at
// most 1,000 reviews, about 75 KB) stays in globalState, for Settings Sync, written when progress
// is flushed, not per review. Reading the whole history (dashboard, export) streams the file once
// per window and keeps it; other machines' recent reviews, arriving through the synced part, are
// appended to the file then. The log that earlier versions kept whole in globalState is moved to
// the file once, with a backup. A write that fails (disk full, read-only folder) keeps the review
// in globalState until the file can be written, and says so once.
import * as vscode from 'vscode';
import { appendReview, emptyLog, logSize, LogTuple, mergeLogs, parseLog, recentLog, ReviewLog } from '../../core/study/reviewLog';
import { historyLine, historyLines, missingFrom, type HistoryRead } from '../../core/study/historyLines';

/** The file on disk (historyFile.ts), as this store uses it. */
export interface HistoryFilePort {
  readonly file: string;
  append(lines: string): Promise<{ readonly bytes: number; readonly started: boolean }>;
  read(): Promise<HistoryRead & { readonly bytes: number; readonly missing: boolean }>;
  compact(size: number, lines: string): Promise<number>;
  rewrite(lines: string): Promise<number>;
  exists(): Promise<boolean>;
}

/** Where versions before the history file kept the whole log (migrated once, then removed). */
export const LOG_KEY = 'djangoPrep.reviewLog';
/** The recent part, carried by Settings Sync. */
export const LOG_SYNC_KEY = 'djangoPrep.reviewLog.sync';
/** Reviews the file could not take yet (this machine only). */
export const PENDING_KEY = 'djangoPrep.reviewLog.pending';
export const HISTORY_FILE = 'history.jsonl';

/** A file holding this much more than its reviews need (damaged or repeated lines) is compacted. */
const COMPACT_WASTE = 1.25;

export class ReviewLogStore {
  /** Everything this window knows: the synced part and its own reviews, the whole file once read. */
  private log: ReviewLog = emptyLog();
  /** Reviews whose append failed, kept in globalState until the file takes them. */
  private pending: ReviewLog = emptyLog();
  private whole: Promise<ReviewLog> | undefined;
  /** The file existed when this window looked (so a new one means it was deleted). */
  private known = false;
  private readonly warned = new Set<string>();
  /** Bytes this store wrote to disk and to globalState (the benchmark reads them). */
  readonly written = { disk: 0, state: 0 };
  /** The warnings shown, each kind once per window (tests read them). */
  readonly warnings: string[] = [];
  /** Where the last unreadable log was copied, if any. */
  lastBackup: vscode.Uri | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly clock: () => Date, readonly file: HistoryFilePort) {}

  /** What this window knows of the history now (the whole of it once `full()` has run). */
  get snapshot(): ReviewLog { return this.log; }

  /** The last `load()`: what changes the log waits for it, so the load cannot overwrite them. */
  private loaded: Promise<void> = Promise.resolve();

  /**
   * At activation: the synced part (small), reviews left pending, and, once, the log an earlier
   * version kept in globalState, moved to the file. The file itself is read only when needed.
   * Activation starts it `after` progress is ready (the tree and the due count need progress,
   * not the history).
   */
  load(after: Promise<unknown> = Promise.resolve()): Promise<void> {
    const loading = after.then(() => this.loadNow());
    this.loaded = loading.catch(() => undefined);
    return loading;
  }

  private async loadNow(): Promise<void> {
    this.whole = undefined;
    let log = emptyLog();
    for (const key of [LOG_SYNC_KEY, PENDING_KEY]) {
      const parsed = await this.readKey(key);
      log = mergeLogs(log, parsed);
      if (key === PENDING_KEY) { this.pending = parsed; }
    }
    this.log = log;
    this.known = await this.file.exists();
    await this.migrate();
    if (logSize(this.pending)) { await this.retryPending(); }
  }

  /** Moves an earlier version's whole log from globalState to the file, keeping a backup of it. */
  private async migrate(): Promise<void> {
    const raw = this.context.globalState.get<unknown>(LOG_KEY);
    if (raw === undefined) { return; }
    const old = await this.readKey(LOG_KEY);
    if (logSize(old)) {
      await writeBackup(this.context.globalStorageUri, 'review-log-before-history-file', raw, this.clock(), 0);
      try { await this.write(historyLines(old)); } catch (e) {
        // Kept where it was: the next activation tries again.
        this.warnWrite(e);
        return;
      }
    }
    this.log = mergeLogs(this.log, recentLog(old, this.clock().getTime()));
    await this.context.globalState.update(LOG_KEY, undefined);
  }

  /** A key's log; an unreadable one is backed up to a file and the user told, once. */
  private async readKey(key: string): Promise<ReviewLog> {
    const raw = this.context.globalState.get<unknown>(key);
    const parsed = parseLog(raw);
    if (parsed.ok) {
      if (parsed.dropped) { this.warnOnce('dropped', `Django Prep: ${parsed.dropped} damaged review history entries were skipped; everything else is kept.`); }
      return parsed.log;
    }
    const backup = await writeBackup(this.context.globalStorageUri, key === LOG_SYNC_KEY ? 'review-log-sync' : key === PENDING_KEY ? 'review-log-pending' : 'review-log', raw, this.clock(), 1);
    this.lastBackup = backup;
    await this.context.globalState.update(key, undefined);
    void vscode.window.showWarningMessage(
      `Django Prep: the review history could not be read (${parsed.reason}). It was set aside and card schedules are unchanged; the old data is kept in ${backup.fsPath}.`,
      'Show Backup',
    ).then(choice => { if (choice) { void vscode.window.showTextDocument(backup); } });
    return emptyLog();
  }

  /** Adds one review: appended to the file and fsynced before this resolves. */
  async append(document: string, card: string, tuple: LogTuple): Promise<void> {
    await this.loaded;
    appendReview(this.log, document, card, tuple);
    const line = historyLine(document, card, tuple);
    try { await this.write(line); } catch (e) {
      const one = emptyLog();
      appendReview(one, document, card, tuple);
      await this.keepPending(one, e);
      return;
    }
    if (logSize(this.pending)) { await this.retryPending(); }
  }

  /**
   * The whole history: the file streamed once per window, with the synced part (other
   * machines' reviews are appended to the file) and pending reviews. Damage is reported once and
   * a wasteful file compacted.
   */
  full(): Promise<ReviewLog> {
    return this.whole ??= this.readWhole().catch(e => {
      this.whole = undefined;
      this.warnOnce('read', `Django Prep: the study history in ${this.file.file} could not be read (${String((e as Error).message ?? e)}). The dashboard shows the last 30 days.`);
      return this.log;
    });
  }

  private async readWhole(): Promise<ReviewLog> {
    await this.loaded;
    const read = await this.file.read();
    if (read.missing && this.known) {
      this.warnOnce('missing', `Django Prep: the study history file (${this.file.file}) was missing. It is started again with the ${logSize(this.log)} reviews this window has.`);
    }
    if (read.refused) {
      this.warnOnce('refused', `Django Prep: ${read.refused}; it is left as it is, and this window shows the last 30 days.`);
      return this.log;
    }
    // What this window knows that the file lacks: other machines' recent reviews, a migration's.
    const extra = missingFrom(read.log, this.log);
    const union = logSize(extra) ? mergeLogs(read.log, extra) : read.log;
    if (read.damaged) {
      this.warnOnce('damaged', `Django Prep: ${read.damaged} damaged line${read.damaged === 1 ? '' : 's'} in the study history (${this.file.file}) ${read.damaged === 1 ? 'was' : 'were'} skipped, for example a line cut short; every other review is kept.`);
    }
    // Lines are built only when the file wastes space (damaged or repeated lines): reading stays one pass.
    if (read.bytes > COMPACT_WASTE * read.usefulBytes + 200) {
      await this.file.compact(read.bytes, historyLines(union)).then(n => { if (n) { this.written.disk += n; } }, () => undefined);
    } else if (logSize(extra) || read.missing) {
      await this.write(historyLines(read.missing ? union : extra)).catch(e => this.warnWrite(e));
    }
    this.log = union;
    return union;
  }

  /** Adds reviews (an import, reviews journaled by an earlier version): those not there yet. */
  async merge(other: ReviewLog): Promise<void> {
    const known = await this.full();
    const extra = missingFrom(known, other);
    if (!logSize(extra)) { return; }
    this.log = mergeLogs(known, extra);
    this.whole = Promise.resolve(this.log);
    await this.write(historyLines(extra)).catch(e => this.keepPending(extra, e));
  }

  /** Replaces the history (Reset Progress, a replacing import). */
  async replace(log: ReviewLog): Promise<void> {
    await this.loaded;
    this.log = log;
    this.whole = Promise.resolve(log);
    this.pending = emptyLog();
    await this.context.globalState.update(PENDING_KEY, undefined);
    this.written.disk += await this.file.rewrite(historyLines(log));
    // Replaced, not merged with what is stored: a reset must not bring the old reviews back.
    await this.storeSync(recentLog(log, this.clock().getTime()));
  }

  /** Stores the synced part (the last 30 days), merged with what another window stored. */
  async flushSync(): Promise<void> {
    await this.loaded;
    const now = this.clock().getTime();
    const stored = parseLog(this.context.globalState.get<unknown>(LOG_SYNC_KEY));
    const mine = recentLog(this.log, now);
    return this.storeSync(stored.ok ? recentLog(mergeLogs(stored.log, mine), now) : mine);
  }

  private async storeSync(sync: ReviewLog): Promise<void> {
    this.written.state += JSON.stringify(sync).length;
    await this.context.globalState.update(LOG_SYNC_KEY, sync);
  }

  private async write(lines: string): Promise<void> {
    const r = await this.file.append(lines);
    this.written.disk += r.bytes;
    if (r.started) {
      // A new file (a new machine, or the file was deleted): it also gets what this window knows,
      // the synced last 30 days at least. Repeats are kept once when read.
      if (this.known) {
        this.warnOnce('missing', `Django Prep: the study history file (${this.file.file}) was missing. It was started again with the ${logSize(this.log)} reviews this window had; nothing this window knew is lost.`);
      }
      this.written.disk += (await this.file.append(historyLines(this.log))).bytes;
    }
    this.known = true;
  }

  private async retryPending(): Promise<void> {
    const lines = historyLines(this.pending);
    try { await this.write(lines); } catch { return; }
    this.pending = emptyLog();
    await this.context.globalState.update(PENDING_KEY, undefined);
    this.warned.delete('write');
  }

  /** Reviews the file would not take: kept in globalState until it does, and said once. */
  private async keepPending(log: ReviewLog, e: unknown): Promise<void> {
    this.pending = mergeLogs(this.pending, log);
    this.written.state += JSON.stringify(this.pending).length;
    await this.context.globalState.update(PENDING_KEY, this.pending);
    this.warnWrite(e);
  }

  private warnWrite(e: unknown): void {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? 'the folder is not writable' : String((e as Error)?.message ?? e);
    this.warnOnce('write', `Django Prep: the study history could not be written to ${this.file.file} (${why}). Your reviews are kept in VS Code's storage and written to the file once it can be.`);
  }

  private warnOnce(kind: string, message: string): void {
    if (this.warned.has(kind)) { return; }
    this.warned.add(kind);
    this.warnings.push(message);
    void vscode.window.showWarningMessage(message);
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
