// The review history in the real extension host: quiz answers are appended to the history file
// without writing globalState, a corrupted synced part is backed up without touching card
// states, export and import carry it, the dashboard shows it. The migration from the log earlier
// versions kept in globalState, and the file deleted, cut short or not writable, are in
// historyFaults.test.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { logSize, reviews } from '../../src/core/study/reviewLog';
import type { Summary } from '../../src/core/cards/quiz';
import { PROGRESS_KEY } from '../../src/vscode/progress/progressStore';
import { LOG_KEY, LOG_SYNC_KEY } from '../../src/vscode/progress/reviewLogStore';
import { readHistory } from '../../src/core/study/historyLines';
import { activated, answerOneFromTheBox, waitFor } from './helpers';

let api: DjangoPrepApi;
const state = () => (api.progress as unknown as { context: vscode.ExtensionContext }).context.globalState;

suite('Review history', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.progress.reset();
  });

  test('an answered quiz question is appended to the history file, and reaches the synced part when flushed', async () => {
    await api.progress.reset();
    const stateBytes = api.progress.written.state + api.progress.history.written.state;
    await vscode.commands.executeCommand('djangoPrep.openDocument', vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'interview-prep-outline.md')));
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { topic: 'python-topics/list-tuple-dict-set', length: 1 });
    assert.strictEqual((await answerOneFromTheBox(api, done))?.answered, 1);
    await waitFor(() => logSize(api.progress.history.snapshot) === 1, 'the review logged');
    const [r] = [...reviews(api.progress.history.snapshot)];
    assert.strictEqual(r.document, api.decks.key);
    const card = api.progress.document(api.decks.key).cards[r.card];
    assert.ok(card, 'the logged card is the reviewed one');
    assert.ok(Math.abs(r.at - Date.now()) < 60_000);
    assert.strictEqual(r.stateBefore, 0, 'a new card');
    assert.strictEqual(r.stateAfter, card[7]);
    assert.ok(r.rating >= 1 && r.rating <= 4);
    const onDisk = readHistory(fs.readFileSync(api.progress.history.file.file, 'utf8'));
    assert.strictEqual(logSize(onDisk.log), 1, 'in the file');
    assert.strictEqual(api.progress.written.state + api.progress.history.written.state, stateBytes, 'the review wrote nothing to globalState');
    await api.progress.flush();
    assert.strictEqual(logSize(state().get(LOG_SYNC_KEY) as never), 1, 'in the synced part once flushed');
    assert.strictEqual(state().get(LOG_KEY), undefined, 'the whole log is no longer kept in globalState');
    assert.ok(state().get<{ documents: Record<string, { cards: Record<string, unknown> }> }>(PROGRESS_KEY)!.documents[api.decks.key].cards[r.card], 'the card state flushed');
  });

  test('a corrupted synced part is backed up to a file and set aside; the file and card states are untouched', async () => {
    const before = JSON.parse(JSON.stringify(state().get(PROGRESS_KEY)));
    assert.ok(Object.keys(before.documents[api.decks.key].cards).length >= 1);
    const garbage = { version: 'x', documents: 'not a log at all' };
    await state().update(LOG_SYNC_KEY, garbage);
    await api.progress.history.load();
    const backup = api.progress.history.lastBackup;
    assert.ok(backup && fs.existsSync(backup.fsPath), 'backed up');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(backup.fsPath, 'utf8')), garbage);
    assert.strictEqual(state().get(LOG_SYNC_KEY), undefined, 'set aside');
    // The review is still in the file: the whole history has it.
    assert.strictEqual(logSize(await api.progress.history.full()), 1);
    assert.deepStrictEqual(state().get(PROGRESS_KEY), before, 'progress as it was');
    // In memory, without the journal's mark that the stored copy carries.
    const inMemory = { ...before };
    delete inMemory.journal;
    assert.deepStrictEqual(api.progress.snapshot, inMemory);
  });

  test('export and import carry the log; the dashboard shows it as a heatmap and a streak', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-history-'));
    const file = vscode.Uri.file(path.join(dir, 'progress.json'));
    await vscode.commands.executeCommand('djangoPrep.exportProgress', file);
    const exported = JSON.parse(fs.readFileSync(file.fsPath, 'utf8'));
    assert.strictEqual(logSize(exported.reviewLog), 1);
    await api.progress.reset();
    assert.strictEqual(logSize(api.progress.history.snapshot), 0);
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.importProgress', file, 'replace'), true);
    assert.strictEqual(logSize(api.progress.history.snapshot), 1);
    await vscode.commands.executeCommand('djangoPrep.showProgress');
    await waitFor(() => api.dashboard.html.includes('class="heatmap"'), 'the heatmap');
    assert.match(api.dashboard.html, /<span class="big">1 day<\/span><span>current streak<\/span>/);
    assert.match(api.dashboard.html, /aria-label="1 review on /);
  });
});
