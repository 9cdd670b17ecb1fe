import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { activated, answerOneFromTheBox, waitFor } from './helpers';
import type { Summary } from '../../src/core/cards/quiz';
import { PROGRESS_KEY } from '../../src/vscode/progress/progressStore';

let api: DjangoPrepApi;

/** Writes `text` as notes.md in a new temporary folder, makes it the document and opens `topic`. */
async function openNotes(text: string, topic: string): Promise<{ dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-notes-'));
  const file = path.join(dir, 'notes.md');
  fs.writeFileSync(file, text);
  await vscode.commands.executeCommand('djangoPrep.openDocument', vscode.Uri.file(file));
  await vscode.commands.executeCommand('djangoPrep.openTopic', topic);
  return { dir, file };
}

suite('Faults', () => {
  suiteSetup(async () => {
    api = await activated();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
  });

  test('the active document deleted (or renamed) while open: a message, no crash, and back when it returns', async () => {
    const { dir, file } = await openNotes('## Python\n### Generators\n- yield: pauses the function\n', 'python/generators');
    fs.renameSync(file, path.join(dir, 'renamed.md'));
    // The file watcher usually notices within a second; outside the workspace it may not, and
    // then Refresh (what a user would press) must give the same message.
    try { await waitFor(() => api.store.state === 'error', 'the watcher', 5000); } catch { await vscode.commands.executeCommand('djangoPrep.refresh'); }
    assert.strictEqual(api.store.state, 'error');
    assert.deepStrictEqual(await api.tree.getChildren(), [], 'the view shows its "could not be read" message instead of a stale tree');
    fs.renameSync(path.join(dir, 'renamed.md'), file);
    try { await waitFor(() => api.store.state === 'ready', 'the watcher', 5000); } catch { await vscode.commands.executeCommand('djangoPrep.refresh'); }
    assert.strictEqual(api.store.state, 'ready');
    assert.strictEqual((await api.store.get())!.topics[0].id, 'python/generators');
  });

  test('a topic deleted just after it was opened: the tab says so and is not retitled after it', async () => {
    const { file } = await openNotes('## Python\n### Generators\n- yield: pauses the function\n### Decorators\n- wraps: keeps the name\n', 'python/generators');
    fs.writeFileSync(file, '## Python\n### Decorators\n- wraps: keeps the name\n');
    await vscode.commands.executeCommand('djangoPrep.refresh');
    const label = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputWebview)?.label;
    await waitFor(() => label() === 'Topic not found', 'the tab says the topic is gone');
    await waitFor(() => !api.settling(), 'nothing more to follow the topic'); // no title left to come
    assert.strictEqual(label(), 'Topic not found', 'not retitled with the deleted topic');
  });

  test('a practice folder that cannot be written: nothing written, an error instead of a crash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-nowrite-'));
    fs.writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const config = vscode.workspace.getConfiguration('djangoPrep');
    await config.update('practiceFolder', path.join(dir, 'a-file', 'practice'), vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
      const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('djangoPrep.newPracticeFile', { exercise: 'decorators' });
      assert.strictEqual(made, undefined);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a-file'), 'utf8'), 'not a folder');
    } finally {
      await config.update('practiceFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('two windows writing progress at once: each flush merges, so neither loses a review', async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await api.progress.reset();
    const other = { version: 1, documents: { guide: { read: { 'python/decorators': 1 }, practised: {}, cards: { 'q:other-window': [Date.now() + 86_400_000, 3, 5, 1, 0, 1, 0, 2, Date.now()] } } } };
    // What another window's write looks like from here: the shared global state changed underneath.
    const state = (api.progress as unknown as { context: vscode.ExtensionContext }).context.globalState;
    await state.update(PROGRESS_KEY, other);
    await api.progress.review('guide', 'q:this-window', () => [Date.now() + 86_400_000, 2, 5, 1, 0, 1, 0, 2, Date.now()]);
    await api.progress.flush();
    const stored = state.get<{ documents: { guide: { cards: Record<string, unknown>; read: Record<string, number> } } }>(PROGRESS_KEY)!;
    assert.deepStrictEqual(Object.keys(stored.documents.guide.cards).sort(), ['q:other-window', 'q:this-window']);
    assert.ok(stored.documents.guide.read['python/decorators']);
  });

  test('the topic page and the quiz card closed in the middle of a quiz: the quiz goes on and keeps its answers', async () => {
    await api.progress.reset();
    await vscode.commands.executeCommand('djangoPrep.openDocument', vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'interview-prep-outline.md')));
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'python-topics/list-tuple-dict-set');
    const done = vscode.commands.executeCommand<Summary>('djangoPrep.startQuiz', { topic: 'python-topics/list-tuple-dict-set', length: 1 });
    await waitFor(() => api.quiz.asked?.phase === 'question', 'the question');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors'); // topic page and quiz card
    assert.strictEqual(api.panel.isOpen, false);
    assert.strictEqual((await answerOneFromTheBox(api, done))?.answered, 1);
    const key = api.decks.key;
    await waitFor(() => Object.keys(api.progress.document(key).cards).length === 1, 'the answer kept');
  });
});
