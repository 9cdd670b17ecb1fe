// A progress file with its review log (Export / Import Progress). The file is the progress
// object plus a `reviewLog` field: files written before the log existed still import, and
// older versions of the extension ignore the field. No VS Code here.
import { mergeProgress, parseProgress, Progress } from './progress';
import { importNotAfter, readImportJson } from './progressImport';
import { emptyLog, logSize, mergeLogs, parseLog, ReviewLog } from './reviewLog';

export const LOG_FIELD = 'reviewLog';

/** The file's text: progress indented for reading, the log one line per document (it is most of the bytes). */
export function exportProgressText(progress: Progress, log: ReviewLog): string {
  const head = JSON.stringify(progress, null, 1);
  if (!logSize(log)) { return head; }
  const docs = Object.entries(log.documents).map(([key, doc]) => `  ${JSON.stringify(key)}: ${JSON.stringify(doc)}`).join(',\n');
  return `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n "${LOG_FIELD}": {"version": ${log.version}, "documents": {\n${docs}\n }}\n}`;
}

export type FileImport =
  | {
    readonly ok: true; readonly progress: Progress; readonly log: ReviewLog;
    /** Progress entries and log reviews that made no sense and were skipped. */
    readonly dropped: number;
    /** Why the file's review log was not used, when the rest was. */
    readonly logProblem?: string;
  }
  | { readonly ok: false; readonly reason: string };

/**
 * Progress and log after importing `text`: merged with the current ones (per card the later
 * state, reviews as a union) or replacing them. A file whose progress is unreadable is refused
 * whole; one whose log alone is unreadable imports its progress and says why the log was not.
 * Never throws; the current values are not changed.
 */
export function importProgressFile(current: { progress: Progress; log: ReviewLog }, text: string, mode: 'merge' | 'replace', now: number): FileImport {
  try {
    const read = readImportJson(text);
    if (!read.ok) { return read; }
    const notAfter = importNotAfter(now);
    const parsed = parseProgress(read.raw, { notAfter });
    if (!parsed.ok) { return parsed; }
    const rawLog = (read.raw as Record<string, unknown>)[LOG_FIELD];
    const log = parseLog(rawLog, { notAfter });
    const imported = log.ok ? log.log : emptyLog();
    return {
      ok: true,
      progress: mode === 'merge' ? mergeProgress(current.progress, parsed.progress) : parsed.progress,
      log: mode === 'merge' ? mergeLogs(current.log, imported) : imported,
      dropped: parsed.dropped + (log.ok ? log.dropped : 0),
      ...(log.ok ? {} : { logProblem: log.reason }),
    };
  } catch (e) {
    return { ok: false, reason: `it could not be read (${e instanceof Error ? e.message.slice(0, 120) : String(e)})` };
  }
}
