import * as vscode from 'vscode';
import type { StudyNode } from '../../core/document/document';
import { describeFigures, NO_FIGURES, speakFigures, TopicFigures } from '../../core/study/figures';
import { Disposable } from '../disposable';
import type { DocumentStore } from '../documentStore';

/** Progress per topic, when quizzes and practice are wired in. */
export interface TopicFiguresSource {
  get(topicId: string): TopicFigures | undefined;
  /** Fires with the ids of the topics whose figures changed. */
  readonly onDidChange: vscode.Event<readonly string[]>;
}

export const TOPICS_VIEW = 'djangoPrep.topics';
/** Above this many items to redraw, one whole-tree refresh is cheaper. */
const MAX_ITEM_REFRESH = 50;

/** Sections -> topics -> concepts of the active document. */
export class TopicTreeProvider extends Disposable implements vscode.TreeDataProvider<StudyNode> {
  private readonly changed = this._register(new vscode.EventEmitter<StudyNode | StudyNode[] | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  private stats: TopicFiguresSource | undefined;

  constructor(private readonly store: DocumentStore) {
    super();
    this._register(store.onDidChange(() => this.changed.fire(undefined)));
  }

  private practice: ((topicId: string) => boolean) | undefined;

  /** Marks topics that have practice exercises (their items get a "New Practice File" action). */
  setPracticeTopics(has: (topicId: string) => boolean, onDidChange: vscode.Event<void>): void {
    this.practice = has;
    this._register(onDidChange(() => this.changed.fire(undefined)));
  }

  /** Shows each topic's progress in its description; redraws when progress changes. */
  setStats(stats: TopicFiguresSource): void {
    this.stats = stats;
    this._register(stats.onDidChange(ids => {
      const items = this.itemsFor(ids);
      if (items === undefined || items.length) { this.changed.fire(items); }
    }));
  }

  private filter: { keeps(topicId: string): boolean; readonly active?: boolean } | undefined;

  /** What each drawn topic item shows of its progress, so figures that change nothing on screen redraw nothing. */
  private readonly drawn = new Map<string, string>();

  /** A topic's figures; until they are computed, those of a topic nobody has touched. */
  private statsOf(topicId: string): TopicFigures | undefined {
    return this.stats && (this.stats.get(topicId) ?? NO_FIGURES);
  }

  private static progressText(description: string | undefined, spoken: string): string {
    return `${description ?? ''}|${spoken}`;
  }

  /**
   * The tree items to redraw for topics whose figures changed: only those drawn with other
   * figures (a redraw under the pointer can swallow a click); the whole tree when a filter
   * may add or remove topics.
   */
  private itemsFor(ids: readonly string[]): StudyNode[] | undefined {
    const doc = this.store.peek();
    if (!doc || this.filter?.active) { return undefined; }
    const stale = ids.filter(id => {
      const shown = this.drawn.get(id);
      const stats = this.statsOf(id);
      return shown !== undefined && shown !== TopicTreeProvider.progressText(describeFigures(stats), speakFigures(stats));
    });
    if (stale.length > MAX_ITEM_REFRESH) { return undefined; }
    const nodes = stale.map(id => doc.get(id)).filter((n): n is StudyNode => n?.kind === 'topic');
    return nodes.length === stale.length ? nodes : undefined;
  }

  /** Keeps only the topics a filter lets through; sections left empty disappear. */
  setFilter(filter: { keeps(topicId: string): boolean; readonly active: boolean; readonly onDidChange: vscode.Event<void> }): void {
    this.filter = filter;
    this._register(filter.onDidChange(() => this.changed.fire(undefined)));
  }

  async getChildren(node?: StudyNode): Promise<StudyNode[]> {
    const keep = (id: string) => this.filter?.keeps(id) ?? true;
    if (!node) {
      const items = (await this.store.get())?.items ?? [];
      return items.filter(i => i.kind === 'section' ? i.topics.some(t => keep(t.id)) : keep(i.id));
    }
    switch (node.kind) {
      case 'section': return node.topics.filter(t => keep(t.id));
      case 'topic': return node.concepts;
      case 'concept': return node.children;
    }
  }

  getParent(node: StudyNode): StudyNode | undefined {
    return node.kind === 'concept' ? node.parent ?? node.topic : node.kind === 'topic' ? node.section : undefined;
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    switch (node.kind) {
      case 'section': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.contextValue = 'section';
        item.iconPath = new vscode.ThemeIcon('library');
        item.description = `${node.topics.length} ${node.topics.length === 1 ? 'topic' : 'topics'}`;
        item.accessibilityInformation = { label: `Section ${node.title}, ${item.description}` };
        return item;
      }
      case 'topic': {
        // Concepts are read when the topic is expanded; until then a bullet in its text is enough.
        const item = new vscode.TreeItem(node.title, node.mayHaveConcepts ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.contextValue = this.practice?.(node.id) ? 'topic practice' : 'topic';
        item.iconPath = new vscode.ThemeIcon('book');
        item.command = { command: 'djangoPrep.openTopic', title: 'Open Topic', arguments: [node.id, { preserveFocus: true }] };
        const stats = this.statsOf(node.id);
        const spoken = speakFigures(stats);
        item.description = describeFigures(stats);
        item.accessibilityInformation = { label: [`Topic ${node.title}`, spoken].filter(Boolean).join(', ') };
        this.drawn.set(node.id, TopicTreeProvider.progressText(item.description, spoken));
        return item;
      }
      case 'concept': {
        const item = new vscode.TreeItem(node.label, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.contextValue = 'concept';
        item.iconPath = new vscode.ThemeIcon('symbol-key');
        if (node.term !== undefined) { item.description = node.description; }
        item.command = { command: 'djangoPrep.openConcept', title: 'Open Concept', arguments: [node.id, { preserveFocus: true }] };
        item.accessibilityInformation = { label: node.term !== undefined ? `${node.term}: ${node.description}` : node.description };
        return item;
      }
    }
  }

  /** Tooltips are built only when hovered. */
  resolveTreeItem(item: vscode.TreeItem, node: StudyNode): vscode.TreeItem {
    const md = new vscode.MarkdownString(undefined, true);
    md.supportHtml = false;
    switch (node.kind) {
      case 'section':
        md.appendMarkdown(`**${escapeMd(node.title)}**\n\n`);
        md.appendText(node.topics.map(t => `• ${t.title}`).join('\n'));
        break;
      case 'topic':
        md.appendMarkdown(`$(book) **${escapeMd(node.title)}**\n\n`);
        md.appendText(node.concepts.map(c => c.term ?? c.label).join(' · ') || firstLine(node.body));
        break;
      case 'concept':
        if (node.term !== undefined) { md.appendMarkdown(`**${escapeMd(node.term)}**\n\n`); }
        md.appendText(node.description);
        break;
    }
    md.appendMarkdown(`\n\n_Line ${node.range.start + 1}_`);
    item.tooltip = md;
    return item;
  }
}

function firstLine(body: string): string {
  return body.split('\n').map(l => l.trim()).find(l => l && !/^([-*_]\s*){3,}$/.test(l)) ?? '';
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

export function createTopicTree(store: DocumentStore): { provider: TopicTreeProvider; view: vscode.TreeView<StudyNode> } {
  const provider = new TopicTreeProvider(store);
  const view = vscode.window.createTreeView(TOPICS_VIEW, { treeDataProvider: provider, showCollapseAll: false });
  return { provider, view };
}
