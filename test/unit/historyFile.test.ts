// The history file on a real disk (a temp folder), and with a file system that fails the way a
// full disk or a read-only folder does: appends are whole lines, a cut line loses only itself,
// a year migrated from the old globalState log comes back entry for entry.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HistoryFile, HistoryFs, nodeFs } from '../../src/vscode/progress/historyFile';
import { historyLine, historyLines, missingFrom, readHistory } from '../../src/core/study/historyLines';
import { emptyLog, logSize, mergeLogs, parseLog, recentLog, reviews } from '../../src/core/study/reviewLog';
import { yearOfReviews } from './logFixture';

const NOW = Date.UTC(2026, 11, 7, 12);
const key = (r: { document: string; card: string; at: number }) => `${r.document}|${r.card}|${r.at}`;
const keys = (log: Parameters<typeof reviews>[0]) => [...reviews(log)].map(key).sort();

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'djp-history-')), 'history.jsonl');
}

/** A file system whose writes fail with `code` (ENOSPC: the disk is full; EROFS: read-only). */
function failing(code: string): HistoryFs {
  const fail = () => Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }));
  return { ...nodeFs, open: (f, flags) => (flags === 'r' ? nodeFs.open(f, flags) : fail()), mkdir: nodeFs.mkdir };
}

describe('History file', () => {
  it('migration: a year of the old globalState log, written as lines and streamed back, loses no entry', async () => {
    const year = yearOfReviews(NOW, 365, 100);
    // What an earlier version stored: the whole log, and its synced recent part (the same reviews again).
    const stored = JSON.parse(JSON.stringify(year));
    const sync = recentLog(year, NOW);
    const file = new HistoryFile(tmpFile());
    await file.append(historyLines(parseLog(stored).ok ? stored : emptyLog()));
    await file.append(historyLines(sync));
    const read = await file.read();
    assert.strictEqual(read.damaged, 0);
    assert.strictEqual(read.duplicates, logSize(sync), 'the synced part repeats reviews; each is kept once');
    assert.strictEqual(logSize(read.log), logSize(year));
    assert.deepStrictEqual(keys(read.log), keys(year));
    // Every number of every review survives the trip, not just its card and time.
    assert.deepStrictEqual([...reviews(read.log)].sort((a, b) => key(a).localeCompare(key(b))), [...reviews(year)].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('a line cut short (a crash mid-write) loses only itself, and the next append stays whole', async () => {
    const f = tmpFile();
    const file = new HistoryFile(f);
    const log = yearOfReviews(NOW, 3, 10);
    await file.append(historyLines(log));
    const text = fs.readFileSync(f, 'utf8');
    fs.writeFileSync(f, text.slice(0, text.length - 17));
    const extra = yearOfReviews(NOW + 86_400_000, 1, 1, ['card-after-the-cut']);
    await file.append(historyLines(extra));
    const read = await file.read();
    assert.strictEqual(read.damaged, 1);
    assert.strictEqual(logSize(read.log), logSize(log) - 1 + 1);
    assert.ok([...reviews(read.log)].some(r => r.card === 'card-after-the-cut'), 'the review appended after the cut is read');
  });

  it('a deleted file is started again with its header; a missing one reads as empty', async () => {
    const f = tmpFile();
    const file = new HistoryFile(f);
    assert.strictEqual((await file.read()).missing, true);
    const first = await file.append(historyLine('guide', 'c1', [0, NOW / 1000, 3, 0, 4, 0, 0, 0, 1, 2.3, 5.1]));
    assert.strictEqual(first.started, true);
    assert.match(fs.readFileSync(f, 'utf8').split('\n')[0], /"format":"django-prep-history","version":1/);
    assert.strictEqual((await file.append(historyLine('guide', 'c2', [0, NOW / 1000, 3, 0, 4, 0, 0, 0, 1, 2.3, 5.1]))).started, false);
    fs.rmSync(f);
    assert.strictEqual((await file.append(historyLine('guide', 'c3', [0, NOW / 1000, 3, 0, 4, 0, 0, 0, 1, 2.3, 5.1]))).started, true);
  });

  for (const code of ['ENOSPC', 'EROFS', 'EACCES']) {
    it(`a write that fails with ${code} throws it and leaves the file as it was`, async () => {
      const f = tmpFile();
      await new HistoryFile(f).append(historyLines(yearOfReviews(NOW, 2, 5)));
      const before = fs.readFileSync(f, 'utf8');
      const broken = new HistoryFile(f, failing(code));
      await assert.rejects(broken.append(historyLine('guide', 'x', [0, NOW / 1000, 3, 0, 4, 0, 0, 0, 1, 2.3, 5.1])), (e: NodeJS.ErrnoException) => e.code === code);
      await assert.rejects(broken.rewrite(''), (e: NodeJS.ErrnoException) => e.code === code);
      assert.strictEqual(fs.readFileSync(f, 'utf8'), before);
      // Reading still works: the dashboard shows what is there.
      assert.strictEqual(logSize((await broken.read()).log), 10);
    });
  }

  it('compaction rewrites the file only if no other window appended since it was read', async () => {
    const f = tmpFile();
    const file = new HistoryFile(f);
    const log = yearOfReviews(NOW, 2, 5);
    await file.append(historyLines(log));
    await file.append(historyLines(log));
    const read = await file.read();
    assert.strictEqual(read.duplicates, 10);
    await new HistoryFile(f).append(historyLine('guide', 'other-window', [0, NOW / 1000, 3, 0, 4, 0, 0, 0, 1, 2.3, 5.1]));
    assert.strictEqual(await file.compact(read.bytes, historyLines(read.log)), 0, 'left for next time');
    const again = await file.read();
    assert.ok(await file.compact(again.bytes, historyLines(again.log)) > 0);
    const after = await file.read();
    assert.strictEqual(after.duplicates, 0);
    assert.strictEqual(logSize(after.log), 11);
  });

  it('a history from a newer version is refused whole, not misread', () => {
    const r = readHistory(`{"format":"django-prep-history","version":9}\n["guide","c",1,3,0,4,0,0,0,1,2.3,5.1]\n`);
    assert.match(r.refused ?? '', /newer version/);
    assert.strictEqual(logSize(r.log), 0);
  });

  it('missingFrom gives what one log lacks of another, by document, card and second', () => {
    const a = yearOfReviews(NOW, 2, 5);
    const b = yearOfReviews(NOW, 3, 5);
    const extra = missingFrom(a, b);
    assert.strictEqual(logSize(extra), 5);
    assert.strictEqual(logSize(mergeLogs(a, extra)), logSize(b));
  });
});
