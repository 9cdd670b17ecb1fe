// Filters in the view's title bar: topics due for review, not yet read, not yet practised.
import * as vscode from 'vscode';
import { ContextKey } from '../contextKey';
import type { StudyNode } from '../../core/document/document';
import type { TopicFigures } from '../../core/study/figures';

export type TreeFilter = 'all' | 'due' | 'unread' | 'unpractised';

const LABELS: Record<Exclude<TreeFilter, 'all'>, string> = { due: 'due for review', unread: 'not yet read', unpractised: 'not yet practised' };

export class TopicFilter {
  private current: TreeFilter = 'all';
  private readonly key = new ContextKey<TreeFilter>('djangoPrep.filter');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly stats: (topicId: string) => TopicFigures | undefined, private readonly hasExercises: (topicId: string) => boolean) {}

  /** Tells the workbench no filter is on (menus show Show All Topics only when one is). */
  start(): void {
    this.key.set(this.current);
  }

  get value(): TreeFilter { return this.current; }

  /** Whether some topics may be hidden (a change in progress can then add or remove items). */
  get active(): boolean { return this.current !== 'all'; }

  /** What the view's description says while a filter is on. */
  get description(): string | undefined {
    return this.current === 'all' ? undefined : `Filter: ${LABELS[this.current]}`;
  }

  set(filter: TreeFilter): void {
    this.current = filter;
    this.key.set(filter);
    this.changed.fire();
  }

  /** Whether a topic stays in the tree under the current filter. */
  keeps(topicId: string): boolean {
    const s = this.stats(topicId);
    switch (this.current) {
      case 'all': return true;
      case 'due': return (s?.due ?? 0) > 0;
      case 'unread': return !s?.read;
      case 'unpractised': return this.hasExercises(topicId) && !(s?.practised && s.practised.passed === s.practised.total);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerFilterCommands(filter: TopicFilter, view: vscode.TreeView<StudyNode>): vscode.Disposable[] {
  const apply = (f: TreeFilter) => { filter.set(f); view.description = filter.description; };
  return [
    vscode.commands.registerCommand('djangoPrep.filterDue', () => apply('due')),
    vscode.commands.registerCommand('djangoPrep.filterUnread', () => apply('unread')),
    vscode.commands.registerCommand('djangoPrep.filterUnpractised', () => apply('unpractised')),
    vscode.commands.registerCommand('djangoPrep.filterAll', () => apply('all')),
  ];
}
