// The history file in the real extension host when things go wrong: the log an earlier version
// kept in globalState is moved to the file with no entry lost; the file deleted, cut mid-line,
// not writable (a folder where the file should be) and the disk full (a write that fails like
// ENOSPC). Each time the extension keeps working, says what happened once, and loses nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { logSize, mergeLogs, recentLog, reviews, ReviewLog } from '../../src/core/study/reviewLog';
import { readHistory } from '../../src/core/study/historyLines';
import { HistoryFile, nodeFs } from '../../src/vscode/progress/historyFile';
import { LOG_KEY, LOG_SYNC_KEY, PENDING_KEY, ReviewLogStore } from '../../src/vscode/progress/reviewLogStore';
import { Rating, Scheduler } from '../../src/core/schedule/scheduler';
import { yearOfReviews } from '../unit/logFixture';
import { activated } from './helpers';

let api: DjangoPrepApi;
const context = () => (api.progress as unknown as { context: vscode.ExtensionContext }).context;
const state = () => context().globalState;
const key = (r: { document: string; card: string; at: number }) => `${r.document}|${r.card}|${r.at}`;
const keys = (log: ReviewLog) => [...reviews(log)].map(key).sort();
const scheduler = new Scheduler({ fuzz: false });
let n = 0;

/** Answers one new card through the store, as the quiz does; resolves once it is acknowledged. */
function answer(): Promise<void> {
  const at = new Date(Date.now() + n * 1000);
  return api.progress.review('faults', `card-${n++}`, saved => scheduler.review(saved, Rating.Good, at), { rating: Rating.Good, at, answerMs: 3000 });
}

const onDisk = () => readHistory(fs.readFileSync(api.progress.history.file.file, 'utf8'));

suite('Review history: migration and faults', () => {
  suiteSetup(async () => { api = await activated(); });
  suiteTeardown(async () => {
    fs.rmSync(api.progress.history.file.file, { recursive: true, force: true });
    await api.progress.reset();
  });

  test('the log an earlier version kept in globalState is moved to the file once, with a backup, no entry lost', async () => {
    await api.progress.reset();
    await answer();
    const now = Date.now();
    const old = yearOfReviews(now - 86_400_000, 120, 25);
    await state().update(LOG_KEY, old);
    await state().update(LOG_SYNC_KEY, recentLog(old, now));
    const dir = context().globalStorageUri.fsPath;
    const backupsBefore = fs.readdirSync(dir).filter(f => f.startsWith('review-log-before-history-file')).length;
    await api.progress.history.load();
    assert.strictEqual(state().get(LOG_KEY), undefined, 'removed from globalState');
    assert.strictEqual(fs.readdirSync(dir).filter(f => f.startsWith('review-log-before-history-file')).length, backupsBefore + 1, 'a backup of it');
    const whole = await api.progress.history.full();
    const expected = keys(mergeLogs(old, onDisk().log));
    assert.strictEqual(logSize(whole), logSize(old) + 1);
    assert.deepStrictEqual(keys(whole), expected);
    assert.deepStrictEqual(keys(onDisk().log), expected, 'every entry is in the file');
    // A second activation finds nothing left to migrate and reads the same history.
    await api.progress.history.load();
    assert.deepStrictEqual(keys(await api.progress.history.full()), expected);
  });

  test('the file deleted while the window runs: started again with everything the window had, said once', async () => {
    const had = keys(await api.progress.history.full());
    fs.rmSync(api.progress.history.file.file);
    await answer();
    await answer();
    const disk = onDisk();
    assert.strictEqual(disk.refused, undefined);
    assert.ok(had.every(k => keys(disk.log).includes(k)), 'everything the window had is in the new file');
    assert.strictEqual(logSize(disk.log), had.length + 2);
    assert.strictEqual(api.progress.history.warnings.filter(w => /was missing/.test(w)).length, 1, 'said once');
  });

  test('the file cut mid-line: the damaged line is reported once, nothing the window had is lost, and the next append stays whole', async () => {
    await api.progress.flush();
    const had = keys(await api.progress.history.full());
    const file = api.progress.history.file.file;
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.length - 20));
    // As after a restart: the window reads the file afresh.
    await api.progress.history.load();
    const whole = await api.progress.history.full();
    assert.strictEqual(api.progress.history.warnings.filter(w => /damaged line/.test(w)).length, 1, 'said once');
    assert.deepStrictEqual(keys(whole), had, 'the cut review came back from the synced part');
    await answer();
    const disk = onDisk();
    assert.ok([...reviews(disk.log)].some(r => r.card === `card-${n - 1}`), 'the review appended after the cut is whole');
    assert.ok(had.every(k => keys(disk.log).includes(k)), 'and the file has everything again');
  });

  test('the file not writable: reviews wait in globalState, said once, and reach the file when it can be written', async () => {
    const file = api.progress.history.file.file;
    const saved = fs.readFileSync(file, 'utf8');
    // Root ignores permissions, so the file is made unwritable by putting a folder in its place.
    fs.rmSync(file);
    fs.mkdirSync(file);
    const warned = api.progress.history.warnings.length;
    await answer();
    await answer();
    assert.strictEqual(api.progress.history.warnings.length, warned + 1, 'said once');
    assert.match(api.progress.history.warnings.at(-1)!, /could not be written/);
    assert.strictEqual(logSize(state().get(PENDING_KEY) as never), 2, 'kept in globalState');
    fs.rmdirSync(file);
    fs.writeFileSync(file, saved);
    await answer();
    assert.strictEqual(state().get(PENDING_KEY), undefined, 'written out');
    const disk = onDisk().log;
    for (const card of [`card-${n - 3}`, `card-${n - 2}`, `card-${n - 1}`]) {
      assert.ok([...reviews(disk)].some(r => r.card === card), `${card} in the file`);
    }
  });

  test('the disk full (every write fails with ENOSPC): the store keeps working, says so once, loses nothing', async () => {
    const full = { ...nodeFs, open: (f: string, flags: string) => flags === 'r' ? nodeFs.open(f, flags) : Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) };
    const file = new HistoryFile(api.progress.history.file.file, full);
    const store = new ReviewLogStore(context(), () => new Date(), file);
    await store.load();
    const before = logSize(await store.full());
    for (let i = 0; i < 3; i++) {
      await store.append('faults', `full-${i}`, [0, Math.floor(Date.now() / 1000) + 100 + i, 3, 0, 2, 0, 0, 0, 1, 2.3, 5.1]);
    }
    assert.strictEqual(store.warnings.filter(w => /disk is full/.test(w)).length, 1, 'said once');
    assert.strictEqual(logSize(store.snapshot), before + 3, 'the window has them');
    assert.strictEqual(logSize(state().get(PENDING_KEY) as never), 3, 'and globalState keeps them');
    // Space again: the real store takes them over at its next load.
    await api.progress.history.load();
    assert.strictEqual(state().get(PENDING_KEY), undefined);
    for (let i = 0; i < 3; i++) { assert.ok([...reviews(onDisk().log)].some(r => r.card === `full-${i}`), `full-${i} in the file`); }
  });
});
