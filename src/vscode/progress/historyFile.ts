// The history file on disk: lines appended and fsynced, read back as a stream, rewritten only by
// compaction (to a temp file, fsynced, renamed over it). No VS Code here, and the file system is
// a port, so unit tests can make a write fail the way a full disk or a read-only folder does.
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { historyHeader, HistoryRead, HistoryReader } from '../../core/study/historyLines';

/** What the history needs of the file system (fs.promises, or a test's failing stand-in). */
export interface HistoryFs {
  mkdir(dir: string, o: { recursive: true }): Promise<unknown>;
  open(file: string, flags: string): Promise<fs.promises.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  stat(file: string): Promise<{ size: number }>;
  createReadStream(file: string): NodeJS.ReadableStream;
}

export const nodeFs: HistoryFs = {
  mkdir: (d, o) => fs.promises.mkdir(d, o),
  open: (f, flags) => fs.promises.open(f, flags),
  rename: (a, b) => fs.promises.rename(a, b),
  stat: f => fs.promises.stat(f),
  createReadStream: f => fs.createReadStream(f, { encoding: 'utf8' }),
};

export interface AppendResult {
  /** Bytes written (the header too, when the file was started). */
  readonly bytes: number;
  /** The file was not there (or empty) and was started with a header. */
  readonly started: boolean;
}

export class HistoryFile {
  /** Appends and rewrites one after another: lines never interleave within this window. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string, private readonly io: HistoryFs = nodeFs, private readonly clock: () => number = Date.now) {}

  /**
   * Appends `lines` (whole lines) and fsyncs them. A file that is missing or empty is started
   * with the header; one that ends mid-line (cut short) gets a newline first, so the new lines
   * stay whole. Throws what the file system threw (no space, read-only, ...).
   */
  append(lines: string): Promise<AppendResult> {
    return this.enqueue(async () => {
      await this.io.mkdir(path.dirname(this.file), { recursive: true });
      const handle = await this.io.open(this.file, 'a+');
      try {
        const { size } = await handle.stat();
        let text = lines;
        if (size === 0) { text = historyHeader(this.clock()) + lines; }
        else {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) { text = `\n${lines}`; }
        }
        await handle.writeFile(text, 'utf8');
        await handle.sync();
        return { bytes: Buffer.byteLength(text), started: size === 0 };
      } finally {
        await handle.close();
      }
    });
  }

  /** Streams the file into a reader; a missing file reads as empty. Gives the bytes read too. */
  read(): Promise<HistoryRead & { readonly bytes: number; readonly missing: boolean }> {
    return this.enqueue(async () => {
      let bytes: number;
      try { bytes = (await this.io.stat(this.file)).size; } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') { return { ...new HistoryReader().result(), bytes: 0, missing: true }; }
        throw e;
      }
      const reader = new HistoryReader();
      const lines = readline.createInterface({ input: this.io.createReadStream(this.file), crlfDelay: Infinity });
      for await (const line of lines) { reader.feed(line); }
      return { ...reader.result(), bytes, missing: false };
    });
  }

  /** Whether the file is there. */
  exists(): Promise<boolean> {
    return this.io.stat(this.file).then(() => true, () => false);
  }

  /**
   * Rewrites the file as `lines` if it still has `size` bytes (another window may have appended
   * since it was read: then it is left for next time). Gives the bytes written, 0 if it was left.
   */
  compact(size: number, lines: string): Promise<number> {
    return this.enqueue(async () => {
      const now = await this.io.stat(this.file).then(s => s.size, () => -1);
      return now === size ? this.replace(lines) : 0;
    });
  }

  /** Replaces the file with a header and `lines`, atomically (temp file, fsync, rename). */
  rewrite(lines: string): Promise<number> {
    return this.enqueue(() => this.replace(lines));
  }

  private async replace(lines: string): Promise<number> {
    await this.io.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const text = historyHeader(this.clock()) + lines;
    const handle = await this.io.open(tmp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.io.rename(tmp, this.file);
    return Buffer.byteLength(text);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
