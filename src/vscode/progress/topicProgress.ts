// Per-topic figures for the tree, its filters and the dashboard, kept current as progress
// changes. What the figures are is core's (figures.ts); this decides when to recompute them.
import * as vscode from 'vscode';
import type { ActiveDeck, DeckSource } from '../../core/cards/deck';
import { changedFigures, TopicFigures, topicFigures } from '../../core/study/figures';
import type { SchedulerSource } from '../../core/schedule/scheduler';
import { Disposable } from '../disposable';
import type { ProgressStore } from './progressStore';

export class TopicProgress extends Disposable {
  private figures = new Map<string, TopicFigures>();
  private readonly changed = this._register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the topics whose figures changed. */
  readonly onDidChange = this.changed.event;
  private pending: Promise<void> | undefined;

  constructor(private readonly decks: DeckSource, private readonly progress: ProgressStore, private readonly scheduler: SchedulerSource, private readonly clock: () => Date = () => new Date()) {
    super();
    this._register(progress.onDidChange(() => this.schedule()));
  }

  get(topicId: string): TopicFigures | undefined {
    return this.figures.get(topicId);
  }

  /** Recomputes soon; several changes in a row (a quiz's reviews) cost one pass. */
  schedule(): Promise<void> {
    this.pending ??= new Promise<void>(resolve => setTimeout(resolve, 50)).then(() => {
      this.pending = undefined;
      return this.compute();
    });
    return this.pending;
  }

  async compute(active?: ActiveDeck): Promise<void> {
    active ??= await this.decks.current();
    if (!active) { return; }
    const doc = this.progress.document(active.key);
    // The quiz engine loads only once something was reviewed.
    const recall = Object.keys(doc.cards).length > 0
      ? (await import('../../core/cards/quiz')).topicRecall({ deck: active.deck, cards: doc.cards, scheduler: await this.scheduler(), now: this.clock() })
      : undefined;
    const figures = topicFigures(active.doc, active.deck, doc, recall);
    // Redraw only the tree items whose figures changed: a whole-tree refresh costs more and can
    // drop a selection the tree is revealing at that moment.
    const changed = changedFigures(this.figures, figures);
    this.figures = figures;
    if (changed.length) { this.changed.fire(changed); }
  }
}
