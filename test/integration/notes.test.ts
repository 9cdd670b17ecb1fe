import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { accept, waitFor, activated } from './helpers';
import type { StudyNode } from '../../src/core/document/document';

const ROOT = path.resolve(__dirname, '..', '..', '..');
let api: DjangoPrepApi;


async function titles(): Promise<string[]> {
  const out: string[] = [];
  for (const item of await api.tree.getChildren()) {
    out.push(item.kind === 'concept' ? item.label : item.title);
    if (item.kind === 'section') { for (const t of await api.tree.getChildren(item)) { out.push(`  ${(t as { title: string }).title}`); } }
  }
  return out;
}


suite('Your own notes', () => {
  let notes: vscode.Uri;

  suiteSetup(async () => {
    api = await activated();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-notes-'));
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'sample-workspace', 'my-interview-notes.md'), path.join(dir, 'notes.md'));
    notes = vscode.Uri.file(path.join(dir, 'notes.md'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    await vscode.commands.executeCommand('djangoPrep.filterAll');
    await vscode.workspace.getConfiguration('djangoPrep').update('documents', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('opening a document (even outside the workspace) makes it the tree and adds it to the list', async () => {
    const count = await vscode.commands.executeCommand<number>('djangoPrep.openDocument', notes);
    assert.strictEqual(count, 22);
    assert.strictEqual((await titles())[0], 'Python Topics');
    const listed = () => vscode.workspace.getConfiguration('djangoPrep').get<string[]>('documents') ?? [];
    await waitFor(() => listed().includes(notes.fsPath), `${notes.fsPath} in djangoPrep.documents (${listed().join(', ')})`);
    const cards = (await api.decks.current())!.deck;
    assert.ok(cards.length > 30 && cards.every(c => c.id.startsWith('concept:')), 'its Term: description bullets are quiz cards');
  });

  test('the tree follows unsaved edits (a WorkspaceEdit), keeping the open topic on screen', async () => {
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'python-topics/list-tuple-dict-set');
    const editor = await vscode.window.showTextDocument(notes, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('## List Comprehension'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(notes, at, '### Frozen Sets\n\n- frozenset: An immutable, hashable set usable as a dict key.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => (await titles()).includes('  Frozen Sets'), 'the new topic in the tree');
    assert.ok(editor.document.isDirty, 'without saving');
    assert.strictEqual(api.panel.currentTopicId, 'python-topics/list-tuple-dict-set', 'the open topic stays');
    const topic = (await api.store.get())!.get('python-topics/frozen-sets') as Extract<StudyNode, { kind: 'topic' }>;
    assert.deepStrictEqual(topic.concepts.map(c => c.term), ['frozenset']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(async () => !(await titles()).includes('  Frozen Sets'), 'the reverted tree');
  });

  test('Search Topics finds a term in the text and opens the hit', async () => {
    const opened = vscode.commands.executeCommand('djangoPrep.searchTopics', 'yields');
    await accept('Search'); // Enter while the document is still being indexed opens the first hit when ready
    await opened;
    assert.strictEqual(api.panel.currentTopicId, 'python-topics/python-topics-dictator-generator-metaclass-data-types');
  });

  test('an open Search Topics box follows an edit of the document', async () => {
    const opened = vscode.commands.executeCommand('djangoPrep.searchTopics', 'zanzibar');
    await waitFor(() => api.box()?.title.startsWith('Search'), 'the Search Topics box');
    const doc = await vscode.workspace.openTextDocument(notes);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(notes, end, '\n\n## Zanzibar Queues\n\nA made-up broker used to test search.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(() => api.store.peek()?.get('zanzibar-queues'), 'the edited document');
      // The box re-indexes the edit and redraws: it counts exact hits in its title again.
      await accept(/^Search .*: [1-9]\d* topics?$/); // the new topic is its first hit
      await opened;
      assert.strictEqual(api.panel.currentTopicId, 'zanzibar-queues');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(notes, new vscode.Range(end, doc.lineAt(doc.lineCount - 1).range.end));
      assert.ok(await vscode.workspace.applyEdit(undo));
      await doc.save();
      await waitFor(() => api.store.peek() && !api.store.peek()?.get('zanzibar-queues'), 'the document as it was');
    }
  });

  test('Go to Topic offers topics and concepts, and opens the one picked', async () => {
    const opened = vscode.commands.executeCommand('djangoPrep.goToTopic');
    await accept('Go to Topic'); // the first topic (a separator heads each section)
    await opened;
    assert.strictEqual(api.panel.currentTopicId, 'python-topics/oop-solid-acid-design-patterns');
  });

  test('filters keep only unread topics, and Show All brings everything back', async () => {
    await waitFor(() => api.topicProgress.get('python-topics/oop-solid-acid-design-patterns')?.read, 'the topic counted as read');
    const all = (await titles()).length;
    await vscode.commands.executeCommand('djangoPrep.filterUnread');
    const unread = await titles();
    assert.ok(!unread.includes('  OOP, SOLID, ACID, Design Patterns'), 'a topic just read is hidden');
    assert.ok(unread.length < all);
    assert.strictEqual(api.treeView.description, 'Filter: not yet read');
    await vscode.commands.executeCommand('djangoPrep.filterAll');
    assert.strictEqual((await titles()).length, all);
    assert.strictEqual(api.treeView.description, undefined);
  });

  test('Switch Study Document goes back to the bundled guide, which is always offered first', async () => {
    const switched = vscode.commands.executeCommand('djangoPrep.switchDocument');
    await accept('Django Prep: Switch Study Document');
    await switched;
    assert.strictEqual(api.store.isBundled, true);
    assert.strictEqual((await titles())[0], 'Python');
  });
});
