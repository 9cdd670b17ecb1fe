// Composition root: build the pieces, register them, return a small API. Nothing is read or
// parsed here; the document loads the first time the tree or a command needs it.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { DocumentStore } from './vscode/documentStore';
import { TopicPanel } from './vscode/topicPanel';
import { createTopicTree, TopicTreeProvider } from './vscode/topicTree';
import type { StudyNode } from './core/document';

export interface DjangoPrepApi {
  readonly store: DocumentStore;
  readonly panel: TopicPanel;
  readonly tree: TopicTreeProvider;
  readonly treeView: vscode.TreeView<StudyNode>;
  /** Milliseconds spent in `activate()`. */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): DjangoPrepApi {
  const start = performance.now();
  const store = new DocumentStore(context);
  const panel = new TopicPanel(context.extensionUri, store, context.workspaceState);
  const { provider, view } = createTopicTree(store);
  context.subscriptions.push(store, panel, provider, view, ...registerCommands(store, panel, view));
  return { store, panel, tree: provider, treeView: view, activationMs: performance.now() - start };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
