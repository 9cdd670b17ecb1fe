// "Show Cards in This Document" as a page: what cardsInDocument.ts found (every card read from
// the active document, and the lines that ask but gave no card, with why) drawn as two tables
// whose line numbers the page turns into links. Everything from the notes is escaped.
import { escapeHtml } from '../util/html';
import { truncate } from '../util/text';
import type { CardKind } from './conceptCards';
import type { CardsInDocument } from './cardsInDocument';

const KIND_LABELS: Record<CardKind, [string, string]> = {
  bank: ['bank question', 'bank questions'], concept: ['concept', 'concepts'], recall: ['open question', 'open questions'],
  'task-list': ['choice', 'choices'], cloze: ['cloze', 'clozes'],
};
const MAX_TEXT = 200;
/** The page lists at most this many cards and skipped lines: a webview page of 80,000 rows would be tens of megabytes. */
export const MAX_ROWS = 5000;

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The page: a summary line, the table of cards (line links), then the skipped lines; each list capped at MAX_ROWS. */
export function cardsViewHtml(o: CardsInDocument, documentName: string, topicTitle: (id: string) => string): string {
  const e = escapeHtml;
  const count = new Map<CardKind, number>();
  for (const r of o.cards) { count.set(r.kind, (count.get(r.kind) ?? 0) + 1); }
  const kinds = (Object.keys(KIND_LABELS) as CardKind[]).filter(k => count.get(k)).map(k => `${count.get(k)!.toLocaleString('en-US')} ${KIND_LABELS[k][count.get(k) === 1 ? 0 : 1]}`).join(', ');
  const link = (line: number) => `<a href="#" data-line="${line}">${line + 1}</a>`;
  const more = (n: number, what: string) => n > MAX_ROWS ? `<p class="meta more">The first ${MAX_ROWS.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} ${what} are listed.</p>` : '';
  const rows = o.cards.slice(0, MAX_ROWS).map(r => `<tr><td class="line">${link(r.line)}</td><td class="kind">${e(capital(KIND_LABELS[r.kind][0]))}</td><td>${e(r.question)}</td><td class="answer">${e(r.answer)}</td><td class="topic">${e(topicTitle(r.topic))}</td></tr>`).join('\n');
  const skipped = o.skipped.length
    ? `<table class="skipped"><thead><tr><th scope="col">Line</th><th scope="col">Text</th><th scope="col">Why no card</th></tr></thead><tbody>
${o.skipped.slice(0, MAX_ROWS).map(s => `<tr><td class="line">${link(s.line)}</td><td>${e(truncate(s.text.trim(), MAX_TEXT))}</td><td>${e(s.reason)}</td></tr>`).join('\n')}
</tbody></table>${more(o.skipped.length, 'lines')}`
    : '<p class="meta">None: every line that asks something gave a card.</p>';
  const n = o.cards.length;
  const k = o.skipped.length;
  return `<h1>Cards in ${e(documentName)}</h1>
<p class="meta" id="summary">${n.toLocaleString('en-US')} card${n === 1 ? '' : 's'}${kinds ? `: ${e(kinds)}` : ''}. ${k.toLocaleString('en-US')} line${k === 1 ? '' : 's'} that ask${k === 1 ? 's' : ''} something gave no card.</p>
<table class="cards"><thead><tr><th scope="col">Line</th><th scope="col">Kind</th><th scope="col">Question</th><th scope="col">Answer begins</th><th scope="col">Topic</th></tr></thead><tbody>
${rows}
</tbody></table>${more(n, 'cards')}
<h2>Lines that gave no card</h2>
${skipped}`;
}
