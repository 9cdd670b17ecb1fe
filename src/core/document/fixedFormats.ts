// The question formats with a syntax of their own, each read at one line: a <details> block,
// an Obsidian `?`/`??` paragraph and a `::`/`:::` one-liner; and the answer text helpers the
// reader shares with them.
import type { NoteOption } from './choiceOptions';
import { NoteLines } from './noteLines';
import { dropAnswerMarker, withoutNumber } from './questionText';

export interface NoteQuestion {
  readonly kind: 'recall' | 'choice';
  /** Markdown, without its `Q:` marker; code that belongs to the question follows it. */
  readonly question: string;
  /** Recall only: markdown, undefined when the notes give none. */
  readonly answer?: string;
  /** Choice only. */
  readonly select?: 'one' | 'many';
  readonly options?: readonly NoteOption[];
  readonly explanation?: string;
  /** Zero-based source line of the question. */
  readonly line: number;
  /** Source line after the question's answer (or options and explanation): the lines it claims are [line, end). */
  readonly end: number;
}

/** Cards found at a line, and the line after what they claim. */
export type Found = { readonly cards: NoteQuestion[]; readonly next: number };

/** `<details><summary>question</summary>answer</details>`. */
export function details(n: NoteLines, base: number, i: number, to: number): Found | undefined {
  if (!/^\s*<details[\s>]/i.test(n.lines[i])) { return undefined; }
  let k = i;
  while (k < to && !/<\/details>/i.test(n.lines[k])) { k++; }
  if (k >= to) { return undefined; }
  const block = n.lines.slice(i, k + 1).join('\n');
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(block);
  const question = summary ? withoutNumber(summary[1].replace(/<[^>]+>/g, '').trim()).text : '';
  if (!summary || !question) { return { cards: [], next: k + 1 }; }
  const after = block.slice(summary.index + summary[0].length, block.search(/<\/details>/i));
  const answer = withoutAnswerMarker(new NoteLines(after).text(0, after.split('\n').length));
  return { cards: [{ kind: 'recall', question, answer: answer || undefined, line: base + i, end: base + k + 1 }], next: k + 1 };
}

/** Obsidian Spaced Repetition: question lines, a line of only `?` (or `??`, both ways), answer lines. */
export function obsidianBlock(n: NoteLines, base: number, i: number, to: number): Found | undefined {
  if (i > 0 && !n.blank(i - 1) && !n.level[i - 1] && !n.code[i - 1]) { return undefined; }
  let end = i;
  let sep = -1;
  while (end < to && !n.blank(end) && !n.level[end] && !n.code[end]) {
    if (sep < 0 && end > i && /^\s*\?\??\s*$/.test(n.lines[end])) { sep = end; }
    end++;
  }
  if (sep < 0) { return undefined; }
  const question = n.text(i, sep);
  const answer = n.text(sep + 1, end) || undefined;
  const line = base + i;
  const cards: NoteQuestion[] = [{ kind: 'recall', question, answer, line, end: base + end }];
  if (n.lines[sep].trim() === '??' && answer) { cards.push({ kind: 'recall', question: answer, answer: question, line: base + sep + 1, end: base + end }); }
  return { cards, next: end };
}

/** Obsidian one-liners: `question::answer`, and `question:::answer` both ways. */
export function oneLiner(n: NoteLines, base: number, i: number): Found | undefined {
  const masked = n.masked(i);
  const at = separator(masked);
  if (!at) { return undefined; }
  const raw = n.lines[i];
  const question = raw.slice(0, at.index).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
  const answer = raw.slice(at.index + at.size).trim() || undefined;
  if (!question) { return undefined; }
  const line = base + i;
  const cards: NoteQuestion[] = [{ kind: 'recall', question, answer, line, end: line + 1 }];
  if (at.size === 3 && answer) { cards.push({ kind: 'recall', question: answer, answer: question, line, end: line + 1 }); }
  return { cards, next: i + 1 };
}

/** An answer without its leading `Answer:` marker and the rules around it. */
export function withoutAnswerMarker(text: string): string {
  const lines = cleanEdges(text).split('\n');
  const first = lines[0];
  lines[0] = dropAnswerMarker(first);
  // `- **Answer:** ...` as a list item: its continuation lines lose the item's indentation too.
  const item = lines[0] !== first ? /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.exec(first) : null;
  if (item) { for (let k = 1; k < lines.length; k++) { lines[k] = lines[k].replace(new RegExp(`^ {0,${item[0].length}}`), ''); } }
  return cleanEdges(lines.join('\n'));
}

/** Without blank lines and rules (`---`) at either end: a rule separates questions, it answers none. */
export function cleanEdges(text: string): string {
  const lines = text.split('\n');
  const rule = (l: string) => !l.trim() || /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/.test(l);
  let a = 0;
  let b = lines.length;
  while (a < b && rule(lines[a])) { a++; }
  while (b > a && rule(lines[b - 1])) { b--; }
  return lines.slice(a, b).join('\n').trim();
}

/** The first `:::` or `::` outside brackets, parentheses and braces (`lst[::2]`, `(::1)`, Anki's `{{c1::x}}`), code already masked. */
export function separator(masked: string): { index: number; size: 2 | 3 } | undefined {
  if (!masked.includes('::')) { return undefined; }
  let depth = 0;
  for (let p = 0; p < masked.length - 1; p++) {
    const c = masked[p];
    if (c === '[' || c === '(' || c === '{') { depth++; } else if ((c === ']' || c === ')' || c === '}') && depth > 0) { depth--; }
    if (depth === 0 && c === ':' && masked[p + 1] === ':') {
      return { index: p, size: masked[p + 2] === ':' ? 3 : 2 };
    }
  }
  return undefined;
}
