// Cloze deletions in any study document: Obsidian's `==highlight==` and Anki's `{{c1::text}}` or
// `{{c1::text::hint}}`. Each deletion (each Anki number: all its deletions together) is a card
// that shows its paragraph or list item with the deletion as `[...]` (or `[hint]`) and asks for
// the hidden text. Nothing inside fenced or inline code counts.
import type { Topic } from '../document/document';
import { NoteLines } from '../document/noteLines';
import { maskCode } from '../document/questionText';

export interface Cloze {
  /** Markdown: the paragraph with this card's deletions as `[...]`/`[hint]` and the others shown. */
  readonly prompt: string;
  /** The hidden text; several deletions of one Anki number joined by `; `. */
  readonly answer: string;
  /** The paragraph with every deletion shown, markers removed: what the card's id is made from. */
  readonly text: string;
  /** Anki's cN, or the highlight's place in its paragraph (1, 2, ...). */
  readonly n: number;
  /** Zero-based source line of the paragraph. */
  readonly line: number;
}

interface Deletion {
  readonly start: number;
  readonly end: number;
  /** `c3` for Anki's {{c3::...}}, `h2` for the second highlight. */
  readonly group: string;
  readonly n: number;
  readonly hidden: string;
  readonly hint?: string;
}

const ANKI = /\{\{c(\d{1,3})::((?:(?!::|\}\})[\s\S])+?)(?:::((?:(?!\}\})[\s\S])*?))?\}\}/dg;
/** `==text==`: no space just inside the marks, not part of `===` or an escaped `\==`. */
const HIGHLIGHT = /(?<![=\\])==(?=[^\s=])((?:[^\n=]|=(?!=))*?[^\s=])==(?!=)/g;

/** Whether a text may hold a cloze, cheaply: most lines have neither mark. */
const mayHold = (s: string) => s.includes('==') || s.includes('{{c');

/** The cloze cards of one topic, in reading order. */
export function* topicClozes(topic: Topic): Generator<Cloze> {
  if (!mayHold(topic.body)) { return; }
  const n = new NoteLines(topic.body);
  for (const { from, text } of blocks(n)) {
    if (mayHold(text)) { yield* blockClozes(text, topic.bodyStartLine + from); }
  }
}

/** Paragraphs and list items outside code and headings: the first line and their text, list markers dropped. */
function* blocks(n: NoteLines): Generator<{ from: number; text: string }> {
  let i = 0;
  while (i < n.length) {
    if (n.code[i] || n.level[i] || n.blank(i)) { i++; continue; }
    const item = n.listItem(i);
    let e = i + 1;
    while (e < n.length && !n.code[e] && !n.level[e] && !n.blank(e) && !n.listItem(e)) { e++; }
    const lines = n.text(i, e).split('\n');
    if (item) { lines[0] = item.text; }
    yield { from: i, text: lines.map(l => l.trim()).join('\n').trim() };
    i = e;
  }
}

/** The cards of one paragraph: one per highlight and one per Anki number, in order of first appearance. */
export function blockClozes(text: string, line: number): Cloze[] {
  const masked = maskCode(text);
  const found: Deletion[] = [];
  // Matched in the masked text, read from the real one (code inside a deletion is kept).
  const raw = (span: [number, number] | undefined) => (span ? text.slice(span[0], span[1]).trim() : '');
  for (const m of masked.matchAll(ANKI)) {
    const start = m.index;
    found.push({ start, end: start + m[0].length, group: `c${Number(m[1])}`, n: Number(m[1]), hidden: raw(m.indices?.[2]), hint: raw(m.indices?.[3]) || undefined });
  }
  let h = 0;
  for (const m of masked.matchAll(HIGHLIGHT)) {
    const start = m.index;
    if (found.some(d => start < d.end && start + m[0].length > d.start)) { continue; }
    h++;
    found.push({ start, end: start + m[0].length, group: `h${h}`, n: h, hidden: text.slice(start + 2, start + m[0].length - 2).trim() });
  }
  if (!found.length) { return []; }
  found.sort((a, b) => a.start - b.start);
  const shown = fill(text, found, () => undefined);
  const groups = [...new Set(found.map(d => d.group))];
  return groups.map(group => {
    const mine = found.filter(d => d.group === group);
    return {
      prompt: fill(text, found, d => (d.group === group ? `[${d.hint ?? '...'}]` : undefined)),
      answer: mine.map(d => d.hidden).join('; '),
      text: shown,
      n: mine[0].n,
      line,
    };
  });
}

/** The text with each deletion replaced by `replace(d)`, or by its hidden text when that gives undefined. */
function fill(text: string, deletions: readonly Deletion[], replace: (d: Deletion) => string | undefined): string {
  let out = '';
  let at = 0;
  for (const d of deletions) {
    out += text.slice(at, d.start) + (replace(d) ?? d.hidden);
    at = d.end;
  }
  return out + text.slice(at);
}
