// "Show Cards in This Document": every card read from the active document (its kind, its
// question, the first line of its answer, the line it came from) and the lines that look like
// questions but gave no card, with why. The reader's tool for fixing their notes; built in
// slices, so a 5 MB file never freezes the editor.
import type { StudyDocument } from '../document/document';
import { escapeHtml } from '../util/html';
import { inSlices } from '../util/slices';
import { stripInlineMarkdown, truncate } from '../util/text';
import { seededRandom } from '../util/draws';
import type { CardKind, CardSource } from './conceptCards';
import type { Question } from './questions';

export interface CardRow {
  readonly id: string;
  readonly kind: CardKind;
  readonly question: string;
  /** The first line of the answer, or the right option(s) of a choice card. */
  readonly answer: string;
  /** Zero-based line in the document, when the card has one. */
  readonly line?: number;
  readonly topic: string;
}

/** A line that asks something but gave no card. */
export interface SkippedLine {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

export interface CardsOverview {
  readonly rows: readonly CardRow[];
  readonly skipped: readonly SkippedLine[];
  readonly byKind: Readonly<Partial<Record<CardKind, number>>>;
}

const KIND_LABELS: Record<CardKind, string> = { bank: 'Bank', concept: 'Concept', recall: 'Open question', 'task-list': 'Choice', cloze: 'Cloze' };
const MAX_TEXT = 200;
/** The page lists at most this many cards and skipped lines: a webview page of 80,000 rows would be tens of megabytes. */
export const MAX_ROWS = 5000;

/** The cards of `deck` as rows, in document order (cards without a line last), built in slices. */
export async function cardsOverview(doc: StudyDocument, deck: readonly CardSource[], skipped: readonly SkippedLine[] = [], sliceMs = 20, cancelled?: () => boolean): Promise<CardsOverview> {
  const topics = new Map(doc.topics.map(t => [t.id, t]));
  const random = seededRandom(1);
  const byKind: Partial<Record<CardKind, number>> = {};
  // A concept card's line is its bullet's: the topics' concepts are read (in slices) only if there are any.
  const lineOfConcept = new Map<string, number>();
  if (deck.some(c => c.id.startsWith('concept:'))) {
    await inSlices(doc.topics, t => visit(t.concepts, c => lineOfConcept.set(c.id, c.range.start)), sliceMs, cancelled);
  }
  // Rows by line, then read out in line order: a sort of tens of thousands of rows in one go would freeze.
  const atLine = new Map<number, CardRow[]>();
  const unplaced: CardRow[] = [];
  await inSlices(deck, card => {
    const kind = card.kind ?? (card.id.startsWith('concept:') ? 'concept' : 'bank');
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    const conceptId = kind === 'concept' ? /^concept:(.*):(?:term|meaning)$/.exec(card.id)?.[1] : undefined;
    const line = card.line ?? (conceptId !== undefined ? lineOfConcept.get(conceptId) : undefined);
    const q = card.build(random);
    const row: CardRow = { id: card.id, kind, question: plain(q.prompt), answer: answerOf(q), line, topic: topics.get(card.topic)?.title ?? card.topic };
    if (line === undefined) { unplaced.push(row); } else { const list = atLine.get(line); if (list) { list.push(row); } else { atLine.set(line, [row]); } }
  }, sliceMs, cancelled);
  const rows: CardRow[] = [];
  const placed = [...atLine.keys()];
  const maxLine = placed.length ? Math.max(...placed) : -1;
  await inSlices(lineNumbers(maxLine + 1), i => { const list = atLine.get(i); if (list) { rows.push(...list); } }, sliceMs, cancelled);
  rows.push(...unplaced);
  return { rows, skipped, byKind };
}

function* lineNumbers(count: number): Generator<number> {
  for (let i = 0; i < count; i++) { yield i; }
}

function visit<T extends { readonly children: readonly T[] }>(nodes: readonly T[], fn: (n: T) => void): void {
  for (const n of nodes) { fn(n); visit(n.children, fn); }
}

function plain(markdown: string): string {
  return truncate(stripInlineMarkdown(markdown.replace(/```[\s\S]*?(```|$)/g, ' [code] ')).replace(/\s+/g, ' ').trim(), MAX_TEXT);
}

function answerOf(q: Question): string {
  switch (q.kind) {
    case 'recall': return plain((q.answer ?? '').split('\n').find(l => l.trim()) ?? '');
    case 'choice': return plain(q.options.filter(o => o.correct).map(o => o.text).join(' · '));
    case 'truefalse': return q.answer ? 'True' : 'False';
    case 'output': return plain(q.output);
    case 'typed': return plain(q.accept[0] ?? '');
    case 'order': return plain(q.steps.join(' → '));
  }
}

/** The page: a summary line, the table of cards (line links), then the skipped lines; each list capped at MAX_ROWS. */
export function cardsViewHtml(o: CardsOverview, documentName: string): string {
  const e = escapeHtml;
  const kinds = (Object.keys(KIND_LABELS) as CardKind[]).filter(k => o.byKind[k]).map(k => `${o.byKind[k]} ${KIND_LABELS[k].toLowerCase()}`).join(', ');
  const link = (line: number | undefined) => line === undefined ? '–' : `<a href="#" data-line="${line}">${line + 1}</a>`;
  const more = (n: number, what: string) => n > MAX_ROWS ? `<p class="meta more">The first ${MAX_ROWS.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} ${what} are listed.</p>` : '';
  const rows = o.rows.slice(0, MAX_ROWS).map(r => `<tr><td class="line">${link(r.line)}</td><td class="kind">${e(KIND_LABELS[r.kind])}</td><td>${e(r.question)}</td><td class="answer">${e(r.answer)}</td><td class="topic">${e(r.topic)}</td></tr>`).join('\n');
  const skipped = o.skipped.length
    ? `<table class="skipped"><thead><tr><th scope="col">Line</th><th scope="col">Text</th><th scope="col">Why no card</th></tr></thead><tbody>
${o.skipped.slice(0, MAX_ROWS).map(s => `<tr><td class="line">${link(s.line)}</td><td>${e(truncate(s.text.trim(), MAX_TEXT))}</td><td>${e(s.reason)}</td></tr>`).join('\n')}
</tbody></table>${more(o.skipped.length, 'lines')}`
    : '<p class="meta">None: every line that asks something gave a card.</p>';
  return `<h1>Cards in ${e(documentName)}</h1>
<p class="meta" id="summary">${o.rows.length.toLocaleString('en-US')} card${o.rows.length === 1 ? '' : 's'}${kinds ? `: ${e(kinds)}` : ''}. ${o.skipped.length.toLocaleString('en-US')} line${o.skipped.length === 1 ? '' : 's'} that ask${o.skipped.length === 1 ? 's' : ''} something gave no card.</p>
<table class="cards"><thead><tr><th scope="col">Line</th><th scope="col">Kind</th><th scope="col">Question</th><th scope="col">Answer begins</th><th scope="col">Topic</th></tr></thead><tbody>
${rows}
</tbody></table>${more(o.rows.length, 'cards')}
<h2>Lines that gave no card</h2>
${skipped}`;
}
