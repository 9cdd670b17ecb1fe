import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { accept, waitFor } from './helpers';
import type { StudyNode } from '../../src/core/document/document';
import type { RenderedEvent } from '../../src/vscode/topics/topicPanel';

const EXTENSION_ID = 'django-interview-prep.django-interview-prep';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => vscode.Uri.file(path.join(ROOT, 'test', 'fixtures', name));

let api: DjangoPrepApi;

/** Resolves with the next `rendered` report from the webview that matches. */
function nextRender(match: (e: RenderedEvent) => boolean, what: string, ms = 15000): Promise<RenderedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`webview did not report rendering ${what} within ${ms} ms`)); }, ms);
    const sub = api.panel.onDidRender(e => {
      if (match(e)) { clearTimeout(timer); sub.dispose(); resolve(e); }
    });
  });
}

/** The tree as the view shows it, one line per node, in the format of the `.tree.txt` fixtures. */
async function treeOutline(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (nodes: readonly StudyNode[], depth: number) => {
    for (const node of nodes) {
      const item = api.tree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      const line = node.kind === 'section' ? `[${item.id}] ${label}` : node.kind === 'topic' ? `${item.id} | ${label}` : `- ${label}`;
      out.push('  '.repeat(depth) + line);
      await walk(await api.tree.getChildren(node), depth + 1);
    }
  };
  await walk(await api.tree.getChildren(), 0);
  return out;
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Activation', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<DjangoPrepApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    api = await ext.activate();
    // For the record, not asserted: the extension host's own marks (an internal API).
    const marks: { name: string; startTime: number }[] = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
    const at = (n: string) => marks.find(m => m.name === `code/extHost/${n}/${EXTENSION_ID}`)?.startTime;
    const load = at('willLoadExtensionCode');
    const done = at('didActivateExtension');
    const span = load !== undefined && done !== undefined ? `${(done - load).toFixed(1)} ms` : 'n/a';
    console.log(`[test] VS Code ${vscode.version} (${vscode.env.appName}); activate() body ${api.activationMs.toFixed(2)} ms; load+activate ${span}`);
  });

  test('registers every command the manifest declares', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map(c => c.command);
    assert.ok(declared.length >= 6);
    for (const id of declared) { assert.ok(registered.has(id), `${id} is declared but not registered`); }
  });

  test('does not parse the guide before the tree asks for it', () => {
    assert.strictEqual(api.store.peek(), undefined);
  });
});

suite('Topic tree', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
  });

  test('shows every section and topic heading of the bundled guide, in order, with its bullets as concepts', async () => {
    // An independent reading of the file: headings outside fences, and the top-level bullets
    // of each topic's lead (before its first sub-heading) as its concepts.
    const text = fs.readFileSync(path.join(ROOT, 'content', 'guide', 'django-interview-prep.md'), 'utf8');
    const expected: string[] = [];
    const bullets: number[] = [];
    let fenced = false;
    let lead = false;
    for (const line of text.split('\n')) {
      if (/^(```|~~~)/.test(line)) { fenced = !fenced; continue; }
      if (fenced) { continue; }
      const h = /^(#{2,6}) (.*)$/.exec(line);
      if (h && h[1].length <= 3) {
        expected.push(h[2].trim().replace(/\\([*_`])/g, '$1'));
        bullets.push(0);
        lead = true;
      } else if (h) {
        lead = false;
      } else if (/^- /.test(line) && bullets.length && lead) {
        bullets[bullets.length - 1]++;
      }
    }
    const seen: string[] = [];
    const concepts: number[] = [];
    for (const item of await api.tree.getChildren()) {
      seen.push(item.kind === 'section' ? item.title : item.kind === 'topic' ? item.title : '?');
      concepts.push(item.kind === 'topic' ? item.concepts.length : 0);
      if (item.kind === 'section') {
        for (const t of await api.tree.getChildren(item)) {
          seen.push((t as { title: string }).title);
          concepts.push((await api.tree.getChildren(t)).length);
        }
      }
    }
    assert.deepStrictEqual(seen, expected);
    assert.deepStrictEqual(concepts, bullets);
    assert.ok(expected.length >= 20, 'the guide covers the outline');
  });

  test('shows the user\'s outline exactly as the hand-written expected tree', async () => {
    const count = await vscode.commands.executeCommand<number>('djangoPrep.openDocument', fixture('interview-prep-outline.md'));
    assert.strictEqual(count, 22);
    const expected = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'interview-prep-outline.tree.txt'), 'utf8').trimEnd().split('\n');
    assert.deepStrictEqual(await treeOutline(), expected);
  });

  test('builds tooltips lazily with the concept text', async () => {
    const doc = (await api.store.get())!;
    const concept = doc.get('python-topics/list-tuple-dict-set#tuple')!;
    const item = api.tree.getTreeItem(concept);
    assert.strictEqual(item.tooltip, undefined);
    const resolved = api.tree.resolveTreeItem(item, concept);
    assert.match((resolved.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /Immutable ordered collection/);
  });

  test('refreshes by reading the document again, and collapses all', async () => {
    const before = await api.store.get();
    const after = await vscode.commands.executeCommand('djangoPrep.refresh');
    assert.ok(after && after !== before, 'a new parse');
    assert.deepStrictEqual((await api.store.get())!.topics.map(t => t.id), before!.topics.map(t => t.id));
    await vscode.commands.executeCommand('djangoPrep.topics.focus');
    await vscode.commands.executeCommand('djangoPrep.collapseAll');
  });

  test('shows a welcome message instead of a tree for an unreadable or heading-less document', async () => {
    await vscode.commands.executeCommand('djangoPrep.openDocument', fixture('does-not-exist.md'));
    assert.strictEqual(api.store.state, 'error');
    assert.deepStrictEqual(await api.tree.getChildren(), []);
    await vscode.commands.executeCommand('djangoPrep.openDocument', fixture('no-headings.md'));
    assert.strictEqual(api.store.state, 'empty');
    assert.deepStrictEqual(await api.tree.getChildren(), []);
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    assert.strictEqual(api.store.state, 'ready');
  });
});

suite('Topic webview', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('djangoPrep.openDocument', fixture('interview-prep-outline.md'));
    await vscode.commands.executeCommand('djangoPrep.topics.focus');
  });
  suiteTeardown(closeAllEditors);

  test('opens a topic when its tree item is clicked, and reveals it in the tree', async () => {
    const doc = (await api.store.get())!;
    const topic = doc.get('python-topics/list-tuple-dict-set')!;
    const item = api.tree.getTreeItem(topic);
    const rendered = nextRender(e => e.topicId === topic.id, topic.id);
    await vscode.commands.executeCommand(item.command!.command, ...item.command!.arguments!);
    await rendered;
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.strictEqual(tab?.label, 'List, Tuple, Dict, Set');
    await waitFor(() => api.treeView.selection[0]?.id === topic.id, 'tree selection follows the open topic');
  });

  test('reuses one panel for every topic', async () => {
    const rendered = nextRender(e => e.topicId === 'sorting-algorithms', 'sorting');
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'sorting-algorithms');
    await rendered;
    const webviewTabs = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview);
    assert.strictEqual(webviewTabs().length, 1);
    // The tab and the tree follow a moment after the page drew the topic.
    await waitFor(() => webviewTabs()[0]?.label === 'Sorting Algorithms', 'the tab is retitled');
    await waitFor(() => api.treeView.selection[0]?.id === 'sorting-algorithms', 'tree selection follows');
  });

  test('paging quickly: the tab, the tree and the read mark follow only the topic the reader stops at', async () => {
    await api.progress.reset();
    const last = nextRender(e => e.topicId === 'asr-ssr', 'the last topic');
    for (const id of ['python-intro', 'sorting-algorithms', 'asr-ssr']) { await vscode.commands.executeCommand('djangoPrep.openTopic', id); }
    await last;
    await waitFor(() => api.treeView.selection[0]?.id === 'asr-ssr', 'tree selection on the last topic');
    const read = api.progress.document(api.decks.key).read;
    assert.ok(read['asr-ssr'], 'the topic the reader stopped at is read');
    assert.deepStrictEqual([read['python-intro'], read['sorting-algorithms']], [undefined, undefined], 'topics paged past are not');
  });

  test('a read mark redraws only its own tree item, and the topic stays selected', async () => {
    await api.progress.reset();
    await api.topicProgress.schedule(); // the reset's own redraw is done
    const id = 'python-topics/list-tuple-dict-set';
    const redrawn = new Promise<readonly string[]>(resolve => {
      const sub = api.topicProgress.onDidChange(ids => { sub.dispose(); resolve(ids); });
    });
    await vscode.commands.executeCommand('djangoPrep.openTopic', id);
    assert.deepStrictEqual(await redrawn, [id]);
    await waitFor(() => api.treeView.selection[0]?.id === id, 'tree selection on the topic');
    await waitFor(() => !api.settling(), 'the reveal and its retries done'); // nothing left that could take the selection away
    assert.deepStrictEqual(api.treeView.selection.map(n => n.id), [id]);
  });

  test('opens a topic picked in the Open Topic quick pick', async () => {
    void vscode.commands.executeCommand('djangoPrep.openTopic');
    const rendered = nextRender(e => e.topicId === 'python-topics/python-topics-dictator-generator-metaclass-data-types', 'second topic');
    await accept('Open Topic', 1);
    await rendered;
  });

  test('opens a concept\'s topic scrolled to that concept', async () => {
    const doc = (await api.store.get())!;
    const concept = doc.get('python-topics/oop-solid-acid-design-patterns#design-patterns')!;
    const item = api.tree.getTreeItem(concept);
    assert.strictEqual(item.command?.command, 'djangoPrep.openConcept');
    const rendered = nextRender(e => e.topicId === 'python-topics/oop-solid-acid-design-patterns', 'concept');
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments!);
    const e = await rendered;
    assert.strictEqual(e.concept, concept.id);
    assert.strictEqual(e.scrolled, true, 'the webview found and scrolled to the concept');
  });

  test('goes to the next and previous topic in reading order', async () => {
    let rendered = nextRender(e => e.topicId === 'python-topics/python-topics-dictator-generator-metaclass-data-types', 'next');
    await vscode.commands.executeCommand('djangoPrep.nextTopic');
    await rendered;
    rendered = nextRender(e => e.topicId === 'python-topics/oop-solid-acid-design-patterns', 'previous');
    await vscode.commands.executeCommand('djangoPrep.previousTopic');
    await rendered;
    assert.strictEqual(await vscode.commands.executeCommand('djangoPrep.previousTopic'), false, 'no topic before the first');
  });

  test('comes back on the same topic through the panel serializer', async () => {
    const shown = nextRender(e => e.topicId === 'asr-ssr', 'topic before closing');
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'asr-ssr');
    await shown;
    await closeAllEditors();
    assert.strictEqual(api.panel.isOpen, false);
    const panel = vscode.window.createWebviewPanel('djangoPrep.topic', 'restoring', vscode.ViewColumn.Active);
    const rendered = nextRender(e => e.topicId === 'asr-ssr', 'restored topic');
    await api.panel.restore(panel, { topicId: 'asr-ssr' }); // the state the webview saved
    await rendered;
    assert.strictEqual(panel.title, 'ASR, SSR');
    assert.strictEqual(api.panel.currentTopicId, 'asr-ssr');
  });

  test('shows the current topic again when its hidden tab comes back', async () => {
    await closeAllEditors();
    let rendered = nextRender(e => e.topicId === 'python-intro', 'first topic of the new panel');
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'python-intro');
    await rendered;
    rendered = nextRender(e => e.topicId === 'list-unpacking', 'second topic');
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'list-unpacking');
    await rendered;
    // Another editor in the same group hides the webview, which discards its page.
    await vscode.window.showTextDocument(fixture('no-headings.md'), { preview: false });
    await waitFor(() => !api.panel.isVisible, 'the panel is hidden');
    rendered = nextRender(e => e.topicId === 'list-unpacking', 'the topic shown before hiding');
    await vscode.commands.executeCommand('workbench.action.previousEditor');
    await rendered;
  });

  test('a hidden topic tab that missed a refresh shows the new text when it comes back', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'djp-edit-')), 'notes.md');
    fs.copyFileSync(fixture('interview-prep-outline.md').fsPath, copy);
    await vscode.commands.executeCommand('djangoPrep.openDocument', vscode.Uri.file(copy));
    let rendered = nextRender(e => e.topicId === 'python-intro', 'topic of the copy');
    await vscode.commands.executeCommand('djangoPrep.openTopic', 'python-intro');
    await rendered;
    await vscode.window.showTextDocument(vscode.Uri.file(copy), { preview: false });
    await waitFor(() => !api.panel.isVisible, 'the panel is hidden');
    fs.writeFileSync(copy, fs.readFileSync(copy, 'utf8').replace('An introduction to Python', 'Edited while hidden'));
    await vscode.commands.executeCommand('djangoPrep.refresh'); // its message to the hidden page is dropped
    const revision = api.panel.revision;
    rendered = nextRender(e => e.rev >= revision!, 'the newest message'); // the file watcher may add a newer one
    await vscode.commands.executeCommand('workbench.action.previousEditor');
    assert.strictEqual((await rendered).topicId, 'python-intro');
    await vscode.commands.executeCommand('djangoPrep.openDocument', fixture('interview-prep-outline.md'));
  });

  test('renders a hostile document without running its payloads', async () => {
    const count = await vscode.commands.executeCommand<number>('djangoPrep.openDocument', fixture('hostile-basic.md'));
    assert.strictEqual(count, 2);
    const rejectedBefore = api.panel.rejectedMessages;
    for (const id of ['scripts', 'links']) {
      const rendered = nextRender(e => e.topicId === id, id);
      await vscode.commands.executeCommand('djangoPrep.openTopic', id);
      await rendered;
    }
    // The page reported back through our own script only; nothing else posted messages.
    assert.strictEqual(api.panel.rejectedMessages, rejectedBefore);
  });
});

