import * as vscode from 'vscode';
import type { StudyDocument, StudyNode, Topic } from '../../core/document/document';
import type { DocumentStore } from '../documentStore';
import type { ShowOptions, TopicPanel } from './topicPanel';
import { rememberDocument } from '../documentList';
import { TOPICS_VIEW } from './topicTree';
import { PickItem, showPick } from '../quickInput';

/** A command argument naming a node: its id (from tree items and links) or the node itself (context menus). */
type NodeArg = string | StudyNode | undefined;

const idOf = (arg: NodeArg): string | undefined => (typeof arg === 'string' ? arg : arg?.id);
/** A refresh may drop a selection being revealed: try this many times, this far apart. */
const REVEAL_ATTEMPTS = 3;
const REVEAL_RETRY_MS = 150;

export function registerCommands(store: DocumentStore, panel: TopicPanel, tree: vscode.TreeView<StudyNode>): vscode.Disposable[] {
  const openTopic = async (arg?: NodeArg, options?: ShowOptions): Promise<boolean> => {
    const doc = await store.get();
    if (!doc) { return reportUnreadable(store); }
    if (!arg && doc.topics.length === 0) {
      void vscode.window.showInformationMessage(`Django Prep: ${store.label} has no topics yet. Use ## for sections and ### for topics.`);
      return false;
    }
    const id = idOf(arg) ?? (await pickTopic(doc, store.label))?.id;
    if (!id) { return false; }
    const node = doc.get(id);
    const topic = node?.kind === 'concept' ? node.topic : node?.kind === 'section' ? node.topics[0] : node;
    if (!topic) {
      void vscode.window.showWarningMessage(`Django Prep: there is no topic "${id}" in ${store.label}.`);
      return false;
    }
    return panel.show(topic.id, { ...options, concept: node?.kind === 'concept' ? node.id : options?.concept });
  };

  const step = async (delta: 1 | -1): Promise<boolean> => {
    const doc = await store.get();
    if (!doc || doc.topics.length === 0) { return false; }
    const current = panel.currentTopicId ? doc.get(panel.currentTopicId) : undefined;
    const index = current?.kind === 'topic' ? current.index + delta : delta > 0 ? 0 : doc.topics.length - 1;
    const target = doc.topics[index];
    if (!target) {
      void vscode.window.setStatusBarMessage(delta > 0 ? 'Django Prep: this is the last topic.' : 'Django Prep: this is the first topic.', 3000);
      return false;
    }
    return panel.show(target.id);
  };

  return [
    vscode.commands.registerCommand('djangoPrep.openTopic', openTopic),
    vscode.commands.registerCommand('djangoPrep.openConcept', (arg?: NodeArg, options?: ShowOptions) => openTopic(arg, options)),
    vscode.commands.registerCommand('djangoPrep.nextTopic', () => step(1)),
    vscode.commands.registerCommand('djangoPrep.previousTopic', () => step(-1)),
    vscode.commands.registerCommand('djangoPrep.refresh', () => store.reload()),
    vscode.commands.registerCommand('djangoPrep.collapseAll', () =>
      vscode.commands.executeCommand(`workbench.actions.treeView.${TOPICS_VIEW}.collapseAll`)),
    vscode.commands.registerCommand('djangoPrep.openDocument', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : (await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Study This Document',
        filters: { Markdown: ['md', 'markdown'] },
        title: 'Open Study Document',
      }))?.[0];
      if (!target) { return undefined; }
      const doc = await store.open(target);
      if (doc?.topics.length) { void rememberDocument(target); } // a file with no topics is not worth listing
      if (!doc) {
        void vscode.window.showErrorMessage(`Django Prep: could not read ${target.fsPath || target.toString()}: ${store.error}`);
      } // a document without topics is explained by the view's welcome message
      await vscode.commands.executeCommand(`${TOPICS_VIEW}.focus`);
      return doc?.topics.length;
    }),
    vscode.commands.registerCommand('djangoPrep.openBundledGuide', async () => (await store.open(store.bundledUri))?.topics.length),
    vscode.commands.registerCommand('djangoPrep.openSource', async (arg?: NodeArg) => {
      const doc = await store.get();
      const node = doc && idOf(arg) ? doc.get(idOf(arg)!) : undefined;
      const topic = node ?? (panel.currentTopicId ? doc?.get(panel.currentTopicId) : undefined);
      const line = topic?.range.start ?? 0;
      const editor = await vscode.window.showTextDocument(store.uri, { preview: true, selection: new vscode.Range(line, 0, line, 0) });
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }),
    panel.onDidShowTopic(topic => revealInTree(tree, topic, () => panel.currentTopicId === topic.id)),
  ];
}

/**
 * Selects the open topic in the tree. A tree refresh landing while the reveal runs (a read mark
 * redraws the item) can leave nothing selected, so it is tried again while the topic is current
 * and nothing is selected; a selection the reader made meanwhile is left alone.
 */
/** Reveals (and their retries) not finished yet. */
let pendingReveals = 0;
/** True while the tree is still revealing a topic or waiting to try again (tests wait for the end). */
export const revealsPending = (): boolean => pendingReveals > 0;

function revealInTree(tree: vscode.TreeView<StudyNode>, topic: Topic, isCurrent: () => boolean, attempt = 0): void {
  if (!tree.visible || !isCurrent()) { return; }
  pendingReveals++;
  const dropped = () => tree.selection.length === 0;
  const again = () => {
    if (attempt < REVEAL_ATTEMPTS - 1 && dropped()) {
      setTimeout(() => { pendingReveals--; if (dropped()) { revealInTree(tree, topic, isCurrent, attempt + 1); } }, REVEAL_RETRY_MS);
    } else {
      pendingReveals--;
    }
  };
  tree.reveal(topic, { select: true, focus: false }).then(again, again);
}

async function pickTopic(doc: StudyDocument, label: string): Promise<Topic | undefined> {
  const items: Array<PickItem<Topic> | vscode.QuickPickItem> = [];
  let section: string | undefined;
  for (const topic of doc.topics) {
    const group = topic.section?.title ?? '';
    if (group !== section) {
      items.push({ label: group || label, kind: vscode.QuickPickItemKind.Separator });
      section = group;
    }
    items.push({
      label: topic.title,
      description: topic.concepts.map(c => c.term ?? c.label).slice(0, 6).join(', '),
      value: topic,
    });
  }
  const picked = await showPick<Topic>(items, { title: 'Open Topic', placeholder: 'Type to filter topics', matchOnDescription: true });
  return picked?.value;
}

function reportUnreadable(store: DocumentStore): boolean {
  void vscode.window.showErrorMessage(`Django Prep: could not read ${store.uri.fsPath || store.uri.toString()}: ${store.error ?? 'unknown error'}`,
    'Open Bundled Guide').then(choice => {
    if (choice) { void vscode.commands.executeCommand('djangoPrep.openBundledGuide'); }
  });
  return false;
}
