// Per-topic study figures (read, practised, recall, due) and how the tree shows and speaks
// them. Shared by the tree, its filters and the dashboard. No VS Code here, and no scheduler:
// recall arrives computed, so the tree can load this module at activation cheaply.
import type { CardSource } from '../cards/conceptCards';
import type { StudyDocument } from '../document/document';
import type { DocumentProgress } from './progress';

export interface TopicFigures {
  readonly read: boolean;
  readonly practised?: { readonly passed: number; readonly total: number };
  /** Mean recall of the topic's reviewed cards, 0..1. */
  readonly recall?: number;
  readonly due: number;
  readonly reviewed: number;
  readonly cards: number;
  /** Open questions (recall cards) of the topic, and how many have been answered at least once. */
  readonly open?: number;
  readonly openReviewed?: number;
}

/** The figures of a topic nobody has touched yet. */
export const NO_FIGURES: TopicFigures = { read: false, due: 0, reviewed: 0, cards: 0 };

/** Per-topic recall as `topicRecall` in quiz.ts gives it. */
export type RecallByTopic = ReadonlyMap<string, { readonly recall?: number; readonly due: number; readonly reviewed: number }>;

/** Figures for every topic of a document from its saved progress and (when quizzed) recall. */
export function topicFigures(doc: StudyDocument, deck: readonly CardSource[], progress: DocumentProgress, recall: RecallByTopic | undefined): Map<string, TopicFigures> {
  const counts = new Map<string, number>();
  const open = new Map<string, { total: number; reviewed: number }>();
  for (const c of deck) {
    counts.set(c.topic, (counts.get(c.topic) ?? 0) + 1);
    if (c.kind === 'recall') {
      const o = open.get(c.topic) ?? { total: 0, reviewed: 0 };
      o.total++;
      if (progress.cards[c.id]) { o.reviewed++; }
      open.set(c.topic, o);
    }
  }
  const figures = new Map<string, TopicFigures>();
  for (const t of doc.topics) {
    const r = recall?.get(t.id);
    const p = progress.practised[t.id];
    figures.set(t.id, {
      read: progress.read[t.id] !== undefined,
      practised: p && { passed: p.passed, total: p.total },
      recall: r?.recall,
      due: r?.due ?? 0,
      reviewed: r?.reviewed ?? 0,
      cards: counts.get(t.id) ?? 0,
      ...(open.has(t.id) ? { open: open.get(t.id)!.total, openReviewed: open.get(t.id)!.reviewed } : {}),
    });
  }
  return figures;
}

/** The topics whose figures differ between two computations, gone ones included. */
export function changedFigures(before: ReadonlyMap<string, TopicFigures>, after: ReadonlyMap<string, TopicFigures>): string[] {
  const changed = [...after.keys()].filter(id => JSON.stringify(after.get(id)) !== JSON.stringify(before.get(id)));
  for (const id of before.keys()) { if (!after.has(id)) { changed.push(id); } }
  return changed;
}

/** Short text for a tree item's description, e.g. "✓ · 82% recall · 2 due". */
export function describeFigures(s: TopicFigures | undefined): string | undefined {
  if (!s) { return undefined; }
  const parts: string[] = [];
  if (s.read) { parts.push('✓'); }
  if (s.practised) { parts.push(`${s.practised.passed}/${s.practised.total} tasks`); }
  if (s.recall !== undefined) { parts.push(`${Math.round(s.recall * 100)}% recall`); }
  if (s.due) { parts.push(`${s.due} due`); }
  return parts.length ? parts.join(' · ') : undefined;
}

/** Words a screen reader can say for the same. */
export function speakFigures(s: TopicFigures | undefined): string {
  if (!s) { return ''; }
  const parts = [s.read ? 'read' : 'not read yet'];
  if (s.practised) { parts.push(`practice: ${s.practised.passed} of ${s.practised.total} tasks pass`); }
  if (s.recall !== undefined) { parts.push(`recall ${Math.round(s.recall * 100)} percent`); }
  if (s.due) { parts.push(`${s.due} cards due`); }
  return parts.join(', ');
}
