// The crash journal's mark in the real extension host: a start reads only the journal lines the
// saved progress lacks, and still gets back every review a crash kept from globalState, a line
// another window wrote, and everything when the saved progress came from another file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { Rating, Scheduler } from '../../src/core/schedule/scheduler';
import { JOURNAL_FILE } from '../../src/vscode/progress/reviewJournal';
import { PROGRESS_KEY } from '../../src/vscode/progress/progressStore';
import { activated } from './helpers';

let api: DjangoPrepApi;
const context = () => (api.progress as unknown as { context: vscode.ExtensionContext }).context;
const stored = () => context().globalState.get<{ journal?: { id: string; bytes: number } }>(PROGRESS_KEY);
const journalFile = () => path.join(context().globalStorageUri.fsPath, JOURNAL_FILE);
const scheduler = new Scheduler({ fuzz: false });
let n = 0;

function answer(): Promise<void> {
  const at = new Date(Date.now() + n * 1000);
  return api.progress.review('journal', `card-${n++}`, saved => scheduler.review(saved, Rating.Good, at), { rating: Rating.Good, at, answerMs: 2000 });
}
const cards = () => Object.keys(api.progress.document('journal').cards).sort();

suite('Crash journal: a start reads what saved progress lacks', () => {
  suiteSetup(async () => { api = await activated(); await api.progress.reset(); });
  suiteTeardown(() => api.progress.reset());

  test('after a flush, the next start reads no line of the journal and has every review', async () => {
    for (let i = 0; i < 5; i++) { await answer(); }
    await api.progress.flush();
    const before = cards();
    assert.ok(stored()?.journal, 'saved progress carries the mark');
    await api.progress.load();
    assert.strictEqual(api.progress.loadTimings?.journalLines, 0);
    assert.deepStrictEqual(cards(), before);
  });

  test('a crash before the flush: the reviews after the saved mark are read back, and only they', async () => {
    await api.progress.flush();
    const atCrash = JSON.parse(JSON.stringify(stored()));
    for (let i = 0; i < 3; i++) { await answer(); }
    const answered = cards();
    await api.progress.load(atCrash);
    assert.strictEqual(api.progress.loadTimings?.journalLines, 3);
    assert.deepStrictEqual(cards(), answered, 'none of the three lost');
  });

  test('a line another window appended after this one\'s flush is read at the next start', async () => {
    await api.progress.flush();
    const saved = scheduler.review(undefined, Rating.Good, new Date());
    fs.appendFileSync(journalFile(), JSON.stringify({ key: 'journal', card: 'other-window', saved }) + '\n');
    await answer(); // this window's line after theirs: the mark must not pass over theirs
    await api.progress.flush();
    await api.progress.load();
    assert.ok(cards().includes('other-window'));
    assert.ok(api.progress.loadTimings!.journalLines >= 2, 'read from before the other window\'s line');
  });

  test('progress saved against another journal (Settings Sync, a rewrite) reads the whole journal', async () => {
    await api.progress.flush();
    const all = cards();
    const lines = fs.readFileSync(journalFile(), 'utf8').trim().split('\n').length - 1;
    const foreign = { ...JSON.parse(JSON.stringify(stored())), documents: {}, journal: { id: 'another-machine', bytes: 10 } };
    await api.progress.load(foreign);
    assert.strictEqual(api.progress.loadTimings?.journalLines, lines, 'every line but the header');
    assert.deepStrictEqual(cards(), all, 'all of it back from the journal');
  });
});
