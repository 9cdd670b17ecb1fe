// The key points of a model answer: what an interviewer listens for.
//
// Written by the author, at the end of the answer:
//
//     Key points:
//     - Compiled to bytecode first (also: bytecode, `__pycache__`, .pyc)
//     - A virtual machine interprets the bytecode (also: interpreter, eval loop)
//
// `(also: ...)` lists other words that show the point (synonyms, spellings, identifiers),
// separated by commas or semicolons. `**Key points:**`, a `Key points` heading and a one-line
// `Key points: a; b; c` work too. The list is taken out of the answer the card shows.
//
// Without such a list the points come from the answer's structure, in this order:
//  1. an answer in two or more headed parts (a long walk through named techniques): one point
//     per heading, with the bold and code terms of the heading and its part as its other words;
//  2. an answer whose top level is a list of two or more items: one point per item (its first
//     sentence), with the item's bold and code terms as its other words;
//  3. otherwise one point per paragraph: its first sentence, with its bold and code terms.
// Code blocks, tables, quotes and trailing rules never give points.
import { stripInlineMarkdown } from '../util/text';

export interface KeyPoint {
  /** The point as written (inline markdown). */
  readonly text: string;
  /** Other words or identifiers that show the point. */
  readonly also: readonly string[];
}

export interface AnswerWithPoints {
  /** The answer without its `Key points:` list. */
  readonly body: string;
  readonly points: readonly KeyPoint[];
  /** `written` when the author listed them, `derived` when read from the answer's structure. */
  readonly source: 'written' | 'derived';
}

/** At most this many points are derived: a long answer still gives a readable checklist. */
export const MAX_DERIVED = 10;
const MAX_POINT_CHARS = 160;

const MARKER = /^\s{0,3}(?:#{1,6}\s+)?(?:\*\*|__)?key\s+points(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.*)$/i;
const ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const ALSO = /\s*\((?:also|or)\s*:\s*((?:[^()]|\([^()]*\))*)\)\s*\.?\s*$/i;

/** The answer's key points: its written list when it has one, else derived from its structure. */
export function answerWithPoints(answer: string): AnswerWithPoints {
  const written = writtenPoints(answer);
  if (written) { return written; }
  const body = withoutTrailingRules(answer);
  return { body, points: derivedPoints(body), source: 'derived' };
}

/** Whether a line (or a paragraph's or heading's text) is the `Key points:` label of a list. */
export function isKeyPointsLabel(line: string): boolean {
  const m = MARKER.exec(line);
  return !!m && !m[1].trim();
}

/** Parses one `text (also: a, b)` item. */
export function parsePoint(item: string): KeyPoint {
  const m = ALSO.exec(item);
  const text = (m ? item.slice(0, m.index) : item).trim();
  const also = m ? splitOutsideCode(m[1]).map(s => s.trim()).filter(Boolean) : [];
  return { text, also };
}

function writtenPoints(answer: string): AnswerWithPoints | undefined {
  const lines = answer.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    if (FENCE.test(lines[i])) { inFence = !inFence; continue; }
    if (inFence) { continue; }
    const m = MARKER.exec(lines[i]);
    if (!m) { continue; }
    const items: string[] = [];
    let end = i + 1;
    if (m[1].trim()) {
      items.push(...splitOutsideCode(m[1], /;/).map(s => s.trim()).filter(Boolean));
    } else {
      let k = i + 1;
      while (k < lines.length && !lines[k].trim()) { k++; }
      for (; k < lines.length; k++) {
        const item = ITEM.exec(lines[k]);
        if (item) { items.push(item[2]); end = k + 1; continue; }
        if (lines[k].trim() && /^\s{2,}/.test(lines[k]) && items.length) { items[items.length - 1] += ` ${lines[k].trim()}`; end = k + 1; continue; }
        break;
      }
    }
    if (!items.length) { continue; }
    const body = withoutTrailingRules([...lines.slice(0, i), ...lines.slice(end)].join('\n'));
    return { body, points: dedupe(items.map(parsePoint).filter(p => p.text)), source: 'written' };
  }
  return undefined;
}

function derivedPoints(body: string): KeyPoint[] {
  const headed = headingPoints(body);
  if (headed) { return dedupe(headed).slice(0, MAX_DERIVED); }
  const blocks = proseBlocks(body);
  const items = blocks.flatMap(b => b.items);
  const chosen = items.length >= 2 ? items : blocks.filter(b => !b.items.length).map(b => b.text);
  return dedupe(chosen.map(pointOf).filter(p => p.text)).slice(0, MAX_DERIVED);
}

/** Paragraphs and top-level list items, code blocks, tables and quotes left out. */
function proseBlocks(body: string): Array<{ text: string; items: string[] }> {
  const blocks: Array<{ text: string; items: string[] }> = [];
  let para: string[] = [];
  let items: string[] = [];
  let itemIndent = -1;
  let inFence = false;
  const flush = () => {
    if (para.length || items.length) { blocks.push({ text: para.join(' '), items }); }
    para = [];
    items = [];
    itemIndent = -1;
  };
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) { inFence = !inFence; flush(); continue; }
    if (inFence) { continue; }
    if (!line.trim() || RULE.test(line) || /^\s*#{1,6}\s/.test(line)) { if (!items.length) { flush(); } continue; }
    if (/^\s*(?:>|\|)/.test(line)) { flush(); continue; }
    const item = ITEM.exec(line);
    if (item) {
      const indent = item[1].length;
      if (itemIndent < 0 || indent <= itemIndent) {
        if (para.length) { flush(); }
        itemIndent = indent;
        items.push(item[2]);
      }
      continue; // a nested item belongs to its parent, and gives no point of its own
    }
    if (items.length) {
      if (/^\s+/.test(line)) { items[items.length - 1] += ` ${line.trim()}`; continue; }
      flush();
    }
    para.push(line.trim());
  }
  flush();
  return blocks;
}

/** One point per heading of an answer in two or more headed parts, or undefined. */
function headingPoints(body: string): KeyPoint[] | undefined {
  const lines = body.split('\n');
  const heads: Array<{ text: string; at: number }> = [];
  let inFence = false;
  lines.forEach((line, i) => {
    if (FENCE.test(line)) { inFence = !inFence; return; }
    const h = inFence ? null : /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h && h[1].trim()) { heads.push({ text: h[1].replace(/^\d{1,3}[.)]\s+/, '').trim(), at: i }); }
  });
  if (heads.length < 2) { return undefined; }
  return heads.map((h, k) => {
    const part = lines.slice(h.at + 1, k + 1 < heads.length ? heads[k + 1].at : lines.length).join('\n');
    return { text: h.text, also: [...new Set([...termsOf(h.text), ...termsOf(part.replace(/^\s*(`{3,}|~{3,})[\s\S]*?^\s*\1\s*$/gm, ''))])].slice(0, 6) };
  });
}

/** The bold and code terms of a text: words that show a point on their own. */
function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.matchAll(/`([^`\n]+)`|\*\*([^*\n]+)\*\*|__([^_\n]+)__/g)) {
    const term = (m[1] ?? m[2] ?? m[3]).trim();
    if (term && term.length <= 60) { terms.push(m[1] ? `\`${term}\`` : term); }
  }
  return terms;
}

/** A derived point: the first sentence of a paragraph or item, its bold and code terms as other words. */
function pointOf(text: string): KeyPoint {
  return { text: firstSentence(text), also: [...new Set(termsOf(text))] };
}

function firstSentence(text: string): string {
  const masked = text.replace(/`[^`]*`/g, m => 'x'.repeat(m.length));
  const end = masked.search(/[.!?](?=\s|$)/);
  let s = (end >= 0 ? text.slice(0, end + 1) : text).trim();
  if (stripInlineMarkdown(s).length > MAX_POINT_CHARS) {
    const cut = s.slice(0, MAX_POINT_CHARS);
    s = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_POINT_CHARS / 2)).replace(/[\s,;:]+$/, '')}…`;
  }
  return s.replace(/[:;,]$/, '');
}

function withoutTrailingRules(text: string): string {
  const lines = text.split('\n');
  while (lines.length && (!lines[lines.length - 1].trim() || RULE.test(lines[lines.length - 1]))) { lines.pop(); }
  return lines.join('\n').trim();
}

function dedupe(points: KeyPoint[]): KeyPoint[] {
  const seen = new Set<string>();
  return points.filter(p => {
    const k = stripInlineMarkdown(p.text).toLowerCase();
    if (seen.has(k)) { return false; }
    seen.add(k);
    return true;
  });
}

/** Splits on commas (or `sep`) that are outside backticks and parentheses. */
function splitOutsideCode(s: string, sep = /[,;]/): string[] {
  const parts: string[] = [];
  let depth = 0;
  let code = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '`') { code = !code; } else if (!code && c === '(') { depth++; } else if (!code && c === ')' && depth > 0) { depth--; } else if (!code && depth === 0 && sep.test(c)) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}
