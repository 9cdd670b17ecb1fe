// A topic body as lines, with what the recall reader asks of each: in a code fence, a heading,
// a list item, blank. Computed once per topic, so each question costs only its own lines.
import { asks, maskCode, withoutNumber } from './questionText';

export interface ListItem {
  /** Column where the item's text starts; its continuation lines are indented at least this far. */
  readonly indent: number;
  readonly text: string;
  /** `- [x] text`: undefined for an ordinary item. */
  readonly checked?: boolean;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A bullet, a number, or a keycap emoji number (`1️⃣ Explain...`), which notes use as one. */
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)]|(?:[0-9#*]\uFE0F?\u20E3)+|\u{1F51F})(\s+)(.*)$/u;
const TASK = /^\[([ xX])\]\s+(.*)$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export class NoteLines {
  readonly lines: string[];
  /** Inside a fenced code block, fences included. */
  readonly code: boolean[];
  /** Heading level, 0 for other lines. */
  readonly level: number[];
  private readonly nextUp: number[];

  constructor(body: string) {
    this.lines = body.split('\n');
    const n = this.lines.length;
    this.code = new Array<boolean>(n).fill(false);
    this.level = new Array<number>(n).fill(0);
    let fence: { char: string; size: number } | undefined;
    for (let i = 0; i < n; i++) {
      const f = /^\s*(`{3,}|~{3,})(.*)$/.exec(this.lines[i]);
      if (fence) {
        this.code[i] = true;
        if (f && f[1][0] === fence.char && f[1].length >= fence.size && !f[2].trim()) { fence = undefined; }
      } else if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        this.code[i] = true;
        fence = { char: f[1][0], size: f[1].length };
      } else {
        const h = HEADING.exec(this.lines[i]);
        if (h) { this.level[i] = h[1].length; }
      }
    }
    // For each heading, the next heading at its level or above: a monotonic stack, one pass.
    this.nextUp = new Array<number>(n).fill(n);
    const stack: number[] = [];
    for (let i = n - 1; i >= 0; i--) {
      if (!this.level[i]) { continue; }
      while (stack.length && this.level[stack[stack.length - 1]] > this.level[i]) { stack.pop(); }
      this.nextUp[i] = stack.length ? stack[stack.length - 1] : n;
      stack.push(i);
    }
  }

  get length(): number { return this.lines.length; }

  blank(i: number): boolean { return !this.code[i] && !this.lines[i].trim(); }

  headingText(i: number): string {
    return HEADING.exec(this.lines[i])?.[2]?.trim() ?? '';
  }

  /** Where the section of heading `i` ends: the next heading of the same or a higher level. */
  sectionEnd(i: number, to: number): number {
    return Math.min(this.nextUp[i], to);
  }

  isRule(i: number): boolean { return !this.code[i] && RULE.test(this.lines[i]); }

  listItem(i: number): ListItem | undefined {
    if (this.code[i] || this.level[i]) { return undefined; }
    const m = LIST_ITEM.exec(this.lines[i]);
    if (!m || !m[4].trim() && m[3].length === 0) { return undefined; }
    const indent = m[1].length + m[2].length + Math.min(m[3].length, 4);
    const task = TASK.exec(m[4]);
    return task ? { indent, text: task[2], checked: task[1] !== ' ' } : { indent, text: m[4] };
  }

  indentOf(i: number): number {
    return /^\s*/.exec(this.lines[i])![0].length;
  }

  /** A line bold as a whole that asks (`**What is X?**`, `**Difference between X and Y**`): its text, numbering dropped. */
  boldQuestion(i: number): string | undefined {
    if (this.code[i] || this.level[i]) { return undefined; }
    const m = /^\s{0,3}(\*\*|__)(?=\S)(.+?)\1(\?)?\s*$/.exec(this.lines[i]);
    if (!m) { return undefined; }
    const text = m[2] + (m[3] ?? '');
    return asks(text) ? withoutNumber(text).text : undefined;
  }

  /** The lines [from, to), their common indentation removed, blank edges trimmed. */
  text(from: number, to: number): string {
    let a = from;
    let b = to;
    while (a < b && !this.lines[a].trim()) { a++; }
    while (b > a && !this.lines[b - 1].trim()) { b--; }
    const slice = this.lines.slice(a, b);
    let cut = Infinity;
    for (const l of slice) { if (l.trim()) { cut = Math.min(cut, /^\s*/.exec(l)![0].length); } }
    if (cut === Infinity) { cut = 0; }
    return slice.map(l => l.slice(Math.min(cut, /^\s*/.exec(l)![0].length))).join('\n');
  }

  /** Inline code hidden, for looking for `::` or `?`. */
  masked(i: number): string { return maskCode(this.lines[i]); }
}
