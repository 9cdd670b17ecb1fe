// Per-topic progress for the tree and the dashboard: read, practised, recall, due.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { ProgressStore } from './progressStore';
import type { QuizFlow } from '../quiz/quizFlow';
import type { ActiveDeck, StudyDeck } from '../quiz/studyDeck';

export interface TopicStats {
  readonly read: boolean;
  readonly practised?: { readonly passed: number; readonly total: number };
  /** Mean recall of the topic's reviewed cards, 0..1. */
  readonly recall?: number;
  readonly due: number;
  readonly reviewed: number;
  readonly cards: number;
}

export class TopicProgress extends Disposable {
  private stats = new Map<string, TopicStats>();
  private readonly changed = this._register(new vscode.EventEmitter<readonly string[]>());
  /** Fires with the topics whose figures changed. */
  readonly onDidChange = this.changed.event;
  private pending: Promise<void> | undefined;

  constructor(private readonly decks: StudyDeck, private readonly progress: ProgressStore, private readonly quiz: QuizFlow, private readonly clock: () => Date = () => new Date()) {
    super();
    this._register(progress.onDidChange(() => this.schedule()));
  }

  get(topicId: string): TopicStats | undefined {
    return this.stats.get(topicId);
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
    const stats = new Map<string, TopicStats>();
    const reviewed = Object.keys(doc.cards).length > 0;
    const recall = reviewed
      ? (await import('../../core/quiz')).topicRecall({ deck: active.deck, cards: doc.cards, scheduler: await this.quiz.getScheduler(), now: this.clock() })
      : undefined;
    const counts = new Map<string, number>();
    active.deck.forEach(c => counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1));
    for (const t of active.doc.topics) {
      const r = recall?.get(t.id);
      const p = doc.practised[t.id];
      stats.set(t.id, {
        read: doc.read[t.id] !== undefined,
        practised: p && { passed: p.passed, total: p.total },
        recall: r?.recall,
        due: r?.due ?? 0,
        reviewed: r?.reviewed ?? 0,
        cards: counts.get(t.id) ?? 0,
      });
    }
    // Redraw only the tree items whose figures changed: a whole-tree refresh costs more and can
    // drop a selection the tree is revealing at that moment.
    const changed = [...stats.keys()].filter(id => JSON.stringify(stats.get(id)) !== JSON.stringify(this.stats.get(id)));
    for (const id of this.stats.keys()) { if (!stats.has(id)) { changed.push(id); } }
    this.stats = stats;
    if (changed.length) { this.changed.fire(changed); }
  }
}

/** Short text for a tree item's description, e.g. "✓ · 82% recall · 2 due". */
export function describeStats(s: TopicStats | undefined): string | undefined {
  if (!s) { return undefined; }
  const parts: string[] = [];
  if (s.read) { parts.push('✓'); }
  if (s.practised) { parts.push(`${s.practised.passed}/${s.practised.total} tasks`); }
  if (s.recall !== undefined) { parts.push(`${Math.round(s.recall * 100)}% recall`); }
  if (s.due) { parts.push(`${s.due} due`); }
  return parts.length ? parts.join(' · ') : undefined;
}

/** Words a screen reader can say for the same. */
export function speakStats(s: TopicStats | undefined): string {
  if (!s) { return ''; }
  const parts = [s.read ? 'read' : 'not read yet'];
  if (s.practised) { parts.push(`practice: ${s.practised.passed} of ${s.practised.total} tasks pass`); }
  if (s.recall !== undefined) { parts.push(`recall ${Math.round(s.recall * 100)} percent`); }
  if (s.due) { parts.push(`${s.due} cards due`); }
  return parts.join(', ');
}
