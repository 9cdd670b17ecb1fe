// What the cards view lists for one document: every card read from it (kind, question, the first
// line of its answer, its line) and the lines that look like questions but gave no card, with
// the reason. Built in slices: a 5 MB document must not hold the extension host for long.
import type { CardKind, CardSource } from './conceptCards';
import type { StudyDocument, Topic } from '../document/document';
import { unreadQuestions } from '../document/unreadQuestions';
import type { Question } from './questions';
import { inSlices } from '../util/slices';
import { boxText, truncate } from '../util/text';

export interface CardRow {
  readonly id: string;
  readonly kind: CardKind;
  readonly topic: string;
  /** The question as one plain line. */
  readonly question: string;
  /** The first line of the answer, plain; '' when the notes give none. */
  readonly answer: string;
  /** Zero-based source line of the question (a concept card: its bullet). */
  readonly line: number;
}

export interface SkippedRow {
  readonly topic: string;
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export interface CardsInDocument {
  /** In line order. */
  readonly cards: readonly CardRow[];
  /** In line order. */
  readonly skipped: readonly SkippedRow[];
}

const MAX_TEXT = 200;

/**
 * The document's cards and its unread questions. `cards` is the document's deck; bank cards
 * (not read from the document) are left out. Rejects with `Cancelled` when `cancelled()` says so
 * between slices.
 */
export async function cardsInDocument(doc: StudyDocument, cards: readonly CardSource[], sliceMs = 20, cancelled?: () => boolean): Promise<CardsInDocument> {
  const rows: CardRow[] = [];
  const skipped: SkippedRow[] = [];
  const fixed = () => 0.5; // a concept card's distractors do not matter here
  await inSlices(cards, c => {
    const line = lineOf(doc, c);
    if (line === undefined || c.kind === 'bank') { return; }
    const q = c.build(fixed);
    rows.push({ id: c.id, kind: c.kind ?? 'concept', topic: c.topic, question: truncate(boxText(q.prompt), MAX_TEXT), answer: truncate(firstLine(q), MAX_TEXT), line });
  }, sliceMs, cancelled);
  await inSlices(unread(doc, skipped), () => undefined, sliceMs, cancelled);
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line; // a stable sort: ties keep their order
  return { cards: rows.sort(byLine), skipped: skipped.sort(byLine) };
}

/** Each topic's unread questions, one step at a time (a step is a line, a question or a few hundred lines). */
function* unread(doc: StudyDocument, out: SkippedRow[]): Generator<void> {
  for (const topic of doc.topics) {
    for (const u of unreadQuestions(topic, headingOf(topic))) {
      if (u) { out.push({ topic: topic.id, ...u }); }
      yield;
    }
  }
}

/** The topic's own heading when it has one (an Overview starts at its section's heading). */
function headingOf(topic: Topic): string | undefined {
  return topic.section && topic.range.start === topic.section.range.start ? undefined : topic.title;
}

/** A card's source line: its question's, or for a concept card its bullet's. */
function lineOf(doc: StudyDocument, c: CardSource): number | undefined {
  if (c.line !== undefined) { return c.line; }
  const concept = /^concept:(.+):(?:term|meaning)$/.exec(c.id)?.[1];
  const node = concept ? doc.get(concept) : undefined;
  return node?.kind === 'concept' ? node.range.start : undefined;
}

/** The first line of what the card reveals: the answer's first non-empty line, or the right options. */
function firstLine(q: Question): string {
  switch (q.kind) {
    case 'recall': return (q.answer ?? '').split('\n').map(l => boxText(l)).find(Boolean) ?? '';
    case 'choice': return q.options.filter(o => o.correct).map(o => boxText(o.text)).join('; ');
    case 'truefalse': return q.answer ? 'True' : 'False';
    case 'output': return q.output.split('\n')[0];
    case 'typed': return q.accept[0] ?? '';
    case 'order': return q.steps[0] ?? '';
  }
}
