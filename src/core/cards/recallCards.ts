// Questions written in notes, in the formats people use, read from one topic's body.
//
// Precedence, so that nothing counts twice: a question claims its answer's lines, and nothing
// inside a claimed answer is read again (a `Q:` line inside an interview answer is answer text).
//  0. Fenced code is never a question; inline code is hidden before looking for `::` or `?`.
//  1. A topic whose heading asks (`### Q1: What is WSGI?`, or any topic of an "Interview
//     questions" section) is one question: its whole body answers it.
//  2. Headings inside the body, in reading order: under an "Interview questions" heading, each
//     sub-heading of the shallowest level is a question; elsewhere a heading that asks is one.
//     Either way its answer runs to the next heading of the same or a higher level.
//  3. Other lines, first match wins at each line: a <details> block; an Obsidian `?`/`??`
//     paragraph; a question line followed by a task list; a `Q:` line (with its `A:`); a bold
//     question line; a list item that asks; a `::`/`:::` one-liner.
// A heading, bold line or list item that asks, followed by a task list with a checked item, is
// a choice question instead of a recall one.
import type { Topic } from '../document/document';
import { NoteLines } from '../document/noteLines';
import type { Option } from './questions';
import {
  afterMarker, dropAnswerMarker, endsWithQuestionMark, headingQuestion, isQuestionTopic, QUESTIONS_HEADING,
} from '../document/questionText';
import { stripInlineMarkdown } from '../util/text';

export interface NoteQuestion {
  readonly kind: 'recall' | 'choice';
  /** Markdown, without its `Q:` marker. */
  readonly question: string;
  /** Recall only: markdown, undefined when the notes give none. */
  readonly answer?: string;
  /** Choice only. */
  readonly select?: 'one' | 'many';
  readonly options?: readonly Option[];
  readonly explanation?: string;
  /** Zero-based source line of the question. */
  readonly line: number;
}

type Found = { readonly cards: NoteQuestion[]; readonly next: number };

/** The questions of one topic, in reading order; a generator, so a caller can stop between them. */
export function* topicQuestions(topic: Topic): Generator<NoteQuestion> {
  const reader = new Reader(new NoteLines(topic.body), topic.bodyStartLine);
  if (isQuestionTopic(topic)) {
    yield reader.answered(headingQuestion(topic.title) ?? topic.title, topic.range.start, 0, reader.n.length);
  } else if (QUESTIONS_HEADING.test(topic.title)) {
    yield* reader.questionsUnder(0, reader.n.length); // an "Interview questions" topic
  } else {
    yield* reader.range(0, reader.n.length);
  }
}

const RIGHT = 'Right.';
const WRONG = 'Not this one.';

class Reader {
  constructor(readonly n: NoteLines, private readonly base: number) {}

  *range(from: number, to: number): Generator<NoteQuestion> {
    const n = this.n;
    let i = from;
    while (i < to) {
      if (n.code[i] || n.blank(i)) { i++; continue; }
      if (n.level[i]) {
        const end = n.sectionEnd(i, to);
        const title = n.headingText(i);
        const asks = headingQuestion(title);
        if (QUESTIONS_HEADING.test(stripInlineMarkdown(title))) {
          yield* this.questionsUnder(i + 1, end);
          i = end;
        } else if (asks !== undefined) {
          yield this.answered(asks, this.base + i, i + 1, end);
          i = end;
        } else {
          i++; // an ordinary heading: read on inside it
        }
        continue;
      }
      const found = this.details(i, to) ?? this.obsidianBlock(i, to) ?? this.taskQuiz(i, to) ?? this.qaLines(i, to)
        ?? this.boldQuestion(i, to) ?? this.listQuestion(i, to) ?? this.oneLiner(i);
      if (found) { yield* found.cards; }
      i = found ? Math.max(found.next, i + 1) : i + 1;
    }
  }

  /** Under "Interview questions": every heading of the shallowest level is a question. */
  *questionsUnder(from: number, to: number): Generator<NoteQuestion> {
    const n = this.n;
    let top = 7;
    let first = to;
    for (let k = from; k < to; k++) {
      if (n.level[k] && n.level[k] < top) { top = n.level[k]; first = k; }
    }
    yield* this.range(from, first);
    for (let k = first; k < to;) {
      const end = n.sectionEnd(k, to);
      const title = n.headingText(k);
      yield this.answered(headingQuestion(title) ?? title, this.base + k, k + 1, end);
      k = end;
    }
  }

  /** A question whose answer is the lines [from, to): a choice when they open with a task list that has a checked item. */
  answered(question: string, line: number, from: number, to: number): NoteQuestion {
    let k = from;
    while (k < to && this.n.blank(k)) { k++; }
    const quiz = k < to ? this.options(k, to) : undefined;
    if (quiz?.options.some(o => o.correct) && quiz.options.length >= 2) {
      return this.choice(question, line, quiz.options, this.n.text(quiz.next, to));
    }
    return { kind: 'recall', question, answer: this.answer(from, to), line };
  }

  private answer(from: number, to: number): string | undefined {
    const lines = this.n.text(from, to).split('\n');
    lines[0] = dropAnswerMarker(lines[0]);
    return lines.join('\n').trim() || undefined;
  }

  private choice(question: string, line: number, options: Option[], explanation: string): NoteQuestion {
    const right = options.filter(o => o.correct).length;
    return { kind: 'choice', question, select: right === 1 ? 'one' : 'many', options, explanation: dropAnswerMarker(explanation).trim(), line };
  }

  /** `- [x] text` items from `at`, each with the indented lines under it as its reason. */
  private options(at: number, to: number): { options: Option[]; next: number } | undefined {
    const n = this.n;
    const options: Option[] = [];
    let k = at;
    while (k < to) {
      const item = n.listItem(k);
      if (!item || item.checked === undefined) { break; }
      let e = k + 1;
      while (e < to && !n.blank(e) && !n.listItem(e) && n.indentOf(e) >= item.indent) { e++; }
      const why = n.text(k + 1, e).replace(/\s+/g, ' ');
      options.push({ text: item.text.trim(), correct: item.checked, why: why || (item.checked ? RIGHT : WRONG) });
      k = e; // a blank line ends the options: what follows is another list
    }
    return options.length ? { options, next: k } : undefined;
  }

  private details(i: number, to: number): Found | undefined {
    const n = this.n;
    if (!/^\s*<details[\s>]/i.test(n.lines[i])) { return undefined; }
    let k = i;
    while (k < to && !/<\/details>/i.test(n.lines[k])) { k++; }
    if (k >= to) { return undefined; }
    const block = n.lines.slice(i, k + 1).join('\n');
    const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(block);
    const question = summary ? summary[1].replace(/<[^>]+>/g, '').trim() : '';
    if (!summary || !question) { return { cards: [], next: k + 1 }; }
    const after = block.slice(summary.index + summary[0].length, block.search(/<\/details>/i));
    const answer = new NoteLines(after).text(0, after.split('\n').length);
    return { cards: [{ kind: 'recall', question, answer: answer.trim() ? dropAnswerMarker(answer).trim() || undefined : undefined, line: this.base + i }], next: k + 1 };
  }

  /** Obsidian Spaced Repetition: question lines, a line of only `?` (or `??`, both ways), answer lines. */
  private obsidianBlock(i: number, to: number): Found | undefined {
    const n = this.n;
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
    const cards: NoteQuestion[] = [{ kind: 'recall', question, answer, line: this.base + i }];
    if (n.lines[sep].trim() === '??' && answer) { cards.push({ kind: 'recall', question: answer, answer: question, line: this.base + sep + 1 }); }
    return { cards, next: end };
  }

  /** The question a line asks when it could head a task-list quiz: a list item, `Q:`, bold or plain line ending in `?`. */
  private askingLine(i: number): string | undefined {
    const n = this.n;
    if (n.code[i] || n.level[i] || n.blank(i)) { return undefined; }
    const item = n.listItem(i);
    if (item?.checked !== undefined) { return undefined; }
    const text = n.boldQuestion(i) ?? afterMarker(n.lines[i], 'question') ?? item?.text ?? n.lines[i].trim();
    return endsWithQuestionMark(text) ? text.trim() : undefined;
  }

  private taskQuiz(i: number, to: number): Found | undefined {
    const question = this.askingLine(i);
    if (question === undefined) { return undefined; }
    let k = i + 1;
    if (k < to && this.n.blank(k)) { k++; }
    const quiz = k < to ? this.options(k, to) : undefined;
    if (!quiz) { return undefined; }
    const line = this.base + i;
    if (!quiz.options.some(o => o.correct) || quiz.options.length < 2) {
      // A checklist, not a quiz: the question is still worth recalling.
      return { cards: [{ kind: 'recall', question, line }], next: quiz.next };
    }
    // An explanation may follow in the next paragraph: `Why: ...`, `**Answer:** ...`.
    let e = quiz.next;
    while (e < to && this.n.blank(e)) { e++; }
    let explanation = '';
    if (e < to && (/^\s*(\*\*|__)?(Explanation|Why|Because)\b/i.test(this.n.lines[e]) || afterMarker(this.n.lines[e], 'answer') !== undefined)) {
      let p = e;
      while (p < to && !this.n.blank(p) && !this.n.level[p] && !this.n.code[p]) { p++; }
      explanation = this.n.text(e, p).replace(/^\s*(\*\*|__)?(Explanation|Why|Because)(\*\*|__)?\s*:?(\*\*|__)?\s*/i, '');
      e = p;
    } else {
      e = quiz.next;
    }
    return { cards: [this.choice(question, line, quiz.options, explanation)], next: e };
  }

  /** `Q:` lines (possibly several), then an `A:` line and what continues it. */
  private qaLines(i: number, to: number): Found | undefined {
    const n = this.n;
    const first = afterMarker(n.lines[i], 'question');
    if (first === undefined) { return undefined; }
    let k = i + 1;
    while (k < to && !n.blank(k) && !n.code[k] && !n.level[k] && !n.listItem(k) && afterMarker(n.lines[k], 'answer') === undefined
      && afterMarker(n.lines[k], 'question') === undefined) { k++; }
    const question = [first, ...n.lines.slice(i + 1, k).map(l => l.trim())].join('\n').trim();
    if (!question) { return undefined; }
    let a = k;
    while (a < to && n.blank(a)) { a++; }
    const marked = a < to && !n.code[a] ? afterMarker(n.lines[a], 'answer') : undefined;
    if (marked === undefined) {
      return endsWithQuestionMark(question) ? { cards: [{ kind: 'recall', question, line: this.base + i }], next: k } : undefined;
    }
    const end = this.answerEnd(a + 1, to, n.indentOf(i));
    const rest = n.text(a + 1, end);
    const sep = a + 1 < end && n.blank(a + 1) ? '\n\n' : '\n';
    const answer = (marked + (rest ? sep + rest : '')).trim() || undefined;
    return { cards: [{ kind: 'recall', question, answer, line: this.base + i }], next: end };
  }

  private boldQuestion(i: number, to: number): Found | undefined {
    const question = this.n.listItem(i) ? undefined : this.n.boldQuestion(i);
    if (question === undefined) { return undefined; }
    const end = this.answerEnd(i + 1, to, this.n.indentOf(i));
    return { cards: [{ kind: 'recall', question: question.trim(), answer: this.answer(i + 1, end), line: this.base + i }], next: end };
  }

  /** A list item that asks; what is indented under it answers it. */
  private listQuestion(i: number, to: number): Found | undefined {
    const n = this.n;
    const item = n.listItem(i);
    if (!item || item.checked !== undefined) { return undefined; }
    const head = afterMarker(item.text, 'question') ?? item.text;
    let k = i + 1; // a question may wrap onto more lines; one that ends its line is whole
    while (!endsWithQuestionMark(head) && k < to && !n.blank(k) && !n.code[k] && !n.level[k] && !n.listItem(k)) { k++; }
    const question = [head, ...n.lines.slice(i + 1, k).map(l => l.trim())].join('\n').trim();
    if (!endsWithQuestionMark(question)) { return undefined; }
    let e = k;
    while (e < to) {
      if (n.blank(e)) {
        let m = e + 1;
        while (m < to && n.blank(m)) { m++; }
        if (m < to && n.indentOf(m) >= item.indent) { e = m; continue; }
        break;
      }
      if (n.indentOf(e) < item.indent && !(n.code[e] && e > k && n.code[e - 1])) { break; }
      e++;
    }
    return { cards: [{ kind: 'recall', question, answer: this.answer(k, e), line: this.base + i }], next: e };
  }

  /** Obsidian one-liners: `question::answer`, and `question:::answer` both ways. */
  private oneLiner(i: number): Found | undefined {
    const n = this.n;
    const masked = n.masked(i);
    const at = separator(masked);
    if (!at) { return undefined; }
    const raw = n.lines[i];
    const question = raw.slice(0, at.index).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
    const answer = raw.slice(at.index + at.size).trim() || undefined;
    if (!question) { return undefined; }
    const line = this.base + i;
    const cards: NoteQuestion[] = [{ kind: 'recall', question, answer, line }];
    if (at.size === 3 && answer) { cards.push({ kind: 'recall', question: answer, answer: question, line }); }
    return { cards, next: i + 1 };
  }

  /**
   * Where an answer that starts at `from` ends: at a heading, a rule or the next question; past
   * a blank line only into what continues it (a list, indented text, code, a quote).
   */
  private answerEnd(from: number, to: number, indent: number): number {
    const n = this.n;
    let j = from;
    while (j < to && n.blank(j)) { j++; }
    while (j < to) {
      if (n.code[j]) { j++; continue; }
      if (n.level[j] || n.isRule(j) || this.startsQuestion(j, indent)) { break; }
      if (n.blank(j)) {
        let k = j + 1;
        while (k < to && n.blank(k)) { k++; }
        const goesOn = k < to && !this.startsQuestion(k, indent) && !n.level[k]
          && (n.code[k] || n.indentOf(k) > indent + 1 || n.listItem(k) !== undefined || /^\s*>/.test(n.lines[k]));
        if (!goesOn) { break; }
        j = k;
        continue;
      }
      j++;
    }
    return j;
  }

  private startsQuestion(j: number, indent: number): boolean {
    const n = this.n;
    if (n.code[j] || n.indentOf(j) > indent + 1) { return false; }
    const item = n.listItem(j);
    return afterMarker(n.lines[j], 'question') !== undefined || /^\s*<details[\s>]/i.test(n.lines[j]) || n.boldQuestion(j) !== undefined
      || (item !== undefined && item.checked === undefined && endsWithQuestionMark(item.text)) || separator(n.masked(j)) !== undefined;
  }
}

/** The first `:::` or `::` outside brackets, parentheses and braces (`lst[::2]`, `(::1)`, Anki's `{{c1::x}}`), code already masked. */
function separator(masked: string): { index: number; size: 2 | 3 } | undefined {
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
