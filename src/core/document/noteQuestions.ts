// Questions written in notes, in the formats people use, read from one topic's body.
//
// Where a question can stand: a heading, a list item (or a line numbered with a keycap emoji),
// a line in bold, a line with a `Q:`-style marker, and the formats of fixedFormats.ts (<details>, an
// Obsidian `?` block, a `::` one-liner). Whether it asks is one rule (questionText.ts `asks`).
//
// Precedence, so that nothing counts twice: a question claims its answer's lines, and nothing
// inside a claimed answer is read again (a `Q:` line inside an interview answer is answer text).
//  0. Fenced code is never a question; inline code is hidden before looking for `::` or `?`.
//  1. A topic whose heading asks, or any topic of an "Interview questions" section, is one
//     question: its whole body answers it.
//  2. Headings inside the body, in reading order: under an "Interview questions" heading, each
//     sub-heading of the shallowest level is a question; elsewhere a heading that asks is one.
//     Either way its answer runs to the next heading of the same or a higher level.
//  3. Other lines, first match wins at each line: a <details> block; an Obsidian `?`/`??`
//     paragraph; a question followed by a task list; a `Q:` line (with its `A:`); a bold
//     question line; a list item that asks; a `::`/`:::` one-liner.
// After any question: code before its answer marker or its options, or code it points at
// ("the following code"), is part of the question; a task list with a checked item makes it a
// choice; otherwise what follows is its answer, an `Answer:`/`A:`/`Ans`/`Sol` marker dropped.
import { explanationText, isExplanation, isQuiz, NoteOption, readOptions } from './choiceOptions';
import { cleanEdges, details, Found, NoteQuestion, obsidianBlock, oneLiner, separator, withoutAnswerMarker } from './fixedFormats';
import { NoteLines } from './noteLines';
import {
  afterMarker, asks, endsWithQuestionMark, headingQuestion, isQuestionTopic, maskCode, pointsAtCode, QUESTIONS_HEADING, withoutNumber,
} from './questionText';
import { stripInlineMarkdown } from '../util/text';

export type { NoteQuestion } from './fixedFormats';

/** What the reader needs of a topic (a structural type: document.ts imports this file). */
export interface QuestionSource {
  readonly title: string;
  readonly body: string;
  readonly bodyStartLine: number;
  readonly range: { readonly start: number };
  readonly section?: { readonly title: string; readonly range: { readonly start: number } };
}

/** Each topic's questions once read to the end: the tree, the deck and the cards view all ask. */
const known = new WeakMap<QuestionSource, readonly NoteQuestion[]>();

/** The questions of one topic, in reading order; a generator, so a caller can stop between them. */
export function* topicQuestions(topic: QuestionSource): Generator<NoteQuestion> {
  const cached = known.get(topic);
  if (cached) { yield* cached; return; }
  const all: NoteQuestion[] = [];
  for (const q of readQuestions(topic)) { all.push(q); yield q; }
  known.set(topic, all);
}

function* readQuestions(topic: QuestionSource): Generator<NoteQuestion> {
  const reader = new Reader(new NoteLines(topic.body), topic.bodyStartLine);
  const all = reader.n.length;
  if (isQuestionTopic(topic)) {
    const q = reader.headed(headingQuestion(topic.title) ?? withoutNumber(topic.title).text, -1, 0, all);
    if (q) { yield { ...q, line: topic.range.start }; }
  } else if (QUESTIONS_HEADING.test(topic.title)) {
    yield* reader.questionsUnder(0, all); // an "Interview questions" topic
  } else {
    yield* reader.range(0, all);
  }
}

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
        const asked = headingQuestion(title);
        if (QUESTIONS_HEADING.test(stripInlineMarkdown(title))) {
          yield* this.questionsUnder(i + 1, end);
          i = end;
        } else if (asked !== undefined) {
          const q = this.headed(asked, i, i + 1, end);
          if (q) { yield q; }
          i = end;
        } else {
          i++; // an ordinary heading: read on inside it
        }
        continue;
      }
      const found = details(n, this.base, i, to) ?? obsidianBlock(n, this.base, i, to) ?? this.taskQuiz(i, to) ?? this.qaLines(i, to)
        ?? this.boldQuestion(i, to) ?? this.listQuestion(i, to) ?? oneLiner(n, this.base, i);
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
      const q = this.headed(headingQuestion(title) ?? withoutNumber(title).text, k, k + 1, end);
      if (q) { yield q; }
      k = end;
    }
  }

  /**
   * A heading's question, answered by the lines [from, to). A bare marker (`### Question #3`)
   * asks the first paragraph under it. `at` is the heading's line, -1 for the topic's own.
   */
  headed(question: string, at: number, from: number, to: number): NoteQuestion | undefined {
    const n = this.n;
    let text = question;
    let k = from;
    if (!text) {
      while (k < to && n.blank(k)) { k++; }
      const start = k;
      while (k < to && !n.blank(k) && !n.code[k] && !n.level[k] && afterMarker(n.lines[k], 'answer') === undefined) { k++; }
      text = n.text(start, k).split('\n').map(l => l.trim()).join('\n');
      text = afterMarker(text, 'question') ?? text;
      if (!text) { return undefined; }
    }
    return this.resolve(text, this.base + Math.max(at, 0), k, to);
  }

  /**
   * The question whose answer is the lines [from, to): code before its answer marker or its
   * options (or code it points at) joins the question; options with a checked item make it a choice.
   */
  private resolve(question: string, line: number, from: number, to: number): NoteQuestion {
    const n = this.n;
    let k = this.skipBlank(from, to);
    let text = question;
    const code = this.codeRun(k, to);
    if (code > k) {
      const m = this.skipBlank(code, to);
      if (pointsAtCode(question) || (m < to && (this.answerMarker(m) || this.optionsAt(m)))) {
        text = `${question}\n\n${n.text(k, code)}`;
        k = m;
      }
    }
    const quiz = k < to ? readOptions(n, k, to) : undefined;
    if (quiz && isQuiz(quiz.options)) {
      return this.choice(text, line, quiz.options, explanationText(cleanEdges(n.text(quiz.next, to))), this.base + to);
    }
    return { kind: 'recall', question: text, answer: this.answer(k, to), line, end: this.base + to };
  }

  private answer(from: number, to: number): string | undefined {
    return withoutAnswerMarker(this.n.text(from, to)) || undefined;
  }

  private choice(question: string, line: number, options: readonly NoteOption[], explanation: string, end: number): NoteQuestion {
    const right = options.filter(o => o.correct).length;
    return { kind: 'choice', question, select: right === 1 ? 'one' : 'many', options, explanation, line, end };
  }

  private skipBlank(from: number, to: number): number {
    let k = from;
    while (k < to && this.n.blank(k)) { k++; }
    return k;
  }

  /** The end of the fenced code blocks starting at `at` (blank lines between them included); `at` when none. */
  private codeRun(at: number, to: number): number {
    const n = this.n;
    let k = at;
    let end = at;
    while (k < to && n.code[k]) {
      while (k < to && n.code[k]) { k++; }
      end = k;
      k = this.skipBlank(k, to);
    }
    return end;
  }

  private answerMarker(i: number): boolean {
    return !this.n.code[i] && !this.n.level[i] && afterMarker(this.n.lines[i], 'answer') !== undefined;
  }

  private optionsAt(i: number): boolean {
    return this.n.listItem(i)?.checked !== undefined;
  }

  /**
   * The question lines at `i` that could head a task list, and the line after them: a list item,
   * a `Q:` line, a bold line or a plain paragraph that asks.
   */
  private askingLines(i: number, to: number): { question: string; next: number } | undefined {
    const n = this.n;
    if (n.code[i] || n.level[i] || n.blank(i) || /^\s*[|>]/.test(n.lines[i])) { return undefined; } // a table row or a quote
    const item = n.listItem(i);
    if (item?.checked !== undefined) { return undefined; }
    const bold = item ? undefined : n.boldQuestion(i);
    if (bold !== undefined) { return { question: bold, next: i + 1 }; }
    const marked = afterMarker(n.lines[i], 'question');
    const head = marked ?? item?.text ?? n.lines[i].trim();
    return this.extent(head, marked !== undefined, i, this.paragraphEnd(i, to));
  }

  /** Where the paragraph of line `i` ends: a blank, code, a heading, a list item, an answer marker or the next question. */
  private paragraphEnd(i: number, to: number): number {
    const n = this.n;
    const indent = n.indentOf(i);
    let p = i + 1;
    while (p < to && !n.blank(p) && !n.code[p] && !n.level[p] && !n.listItem(p) && !this.answerMarker(p) && !this.startsQuestion(p, indent)) { p++; }
    return p;
  }

  /**
   * How far a question that starts with `head` on line `i` runs in its paragraph [i, p): the
   * whole paragraph when it ends with `?`; else, when the first line asks (or is marked), that
   * line and the lines that continue its sentence (no full stop yet, next line not capitalised)
   * or ask too. What is left of the paragraph is the answer's start.
   */
  private extent(head: string, marked: boolean, i: number, p: number): { question: string; next: number } | undefined {
    const rest = this.n.lines.slice(i + 1, p).map(l => l.trim());
    if (rest.length && endsWithQuestionMark(rest[rest.length - 1])) { return { question: [head, ...rest].join('\n').trim(), next: p }; }
    if (!(marked ? head === '' || asks(head) : asks(head))) { return undefined; }
    let text = head.trim();
    let j = 0;
    while (j < rest.length && (!text || asks(rest[j]) || (!endsSentence(text) && !/^\p{Lu}/u.test(rest[j])))) {
      text = text ? `${text}\n${rest[j]}` : rest[j];
      j++;
    }
    if (!text || (marked && !asks(text) && !endsWithQuestionMark(text))) { return undefined; }
    return { question: unbold(withoutNumber(text).text), next: i + 1 + j };
  }

  private taskQuiz(i: number, to: number): Found | undefined {
    const asked = this.askingLines(i, to);
    if (!asked) { return undefined; }
    let k = this.skipBlank(asked.next, to);
    const code = this.codeRun(k, to);
    const options = this.skipBlank(code, to);
    if (!this.optionsAt(options)) { return undefined; }
    const question = code > k ? `${asked.question}\n\n${this.n.text(k, code)}` : asked.question;
    k = options;
    const quiz = readOptions(this.n, k, to)!;
    const line = this.base + i;
    if (!isQuiz(quiz.options)) {
      // A checklist, not a quiz: the question is still worth recalling.
      return { cards: [{ kind: 'recall', question, line, end: this.base + quiz.next }], next: quiz.next };
    }
    // An explanation may follow in the next paragraph: `Why: ...`, `**Answer:** ...`, a quote.
    let e = this.skipBlank(quiz.next, to);
    let explanation = '';
    if (e < to && !this.n.code[e] && !this.n.level[e] && isExplanation(this.n.lines[e])) {
      let p = e + 1;
      while (p < to && !this.n.blank(p) && !this.n.level[p] && !this.n.code[p] && !this.startsQuestion(p, this.n.indentOf(i))) { p++; }
      explanation = explanationText(cleanEdges(this.n.text(e, p)));
      e = p;
    } else {
      e = quiz.next;
    }
    return { cards: [this.choice(question, line, quiz.options, explanation, this.base + e)], next: e };
  }

  /** `Q:` lines (possibly several), then an `A:` line and what continues it; code between belongs to the question. */
  private qaLines(i: number, to: number): Found | undefined {
    const n = this.n;
    const first = afterMarker(n.lines[i], 'question');
    if (first === undefined) { return undefined; }
    const k = this.paragraphEnd(i, to);
    const a = this.skipBlank(k, to);
    const code = this.codeRun(a, to);
    const m = code > a ? this.skipBlank(code, to) : a;
    const marked = m < to && this.answerMarker(m) ? afterMarker(n.lines[m], 'answer') : undefined;
    if (marked === undefined) {
      // No answer marker: the question is what asks, and the rest of its paragraph answers it.
      const asked = this.extent(first, true, i, k);
      if (!asked) { return undefined; }
      const end = this.markedBeyond(asked.question, asked.next, k, to, n.indentOf(i));
      return { cards: [this.resolve(asked.question, this.base + i, asked.next, end)], next: end };
    }
    let question = [first, ...n.lines.slice(i + 1, k).map(l => l.trim())].join('\n').trim();
    if (!question) { return undefined; }
    if (code > a) { question += `\n\n${n.text(a, code)}`; }
    const end = this.answerEnd(m + 1, to, n.indentOf(i));
    const rest = n.text(m + 1, end);
    const sep = m + 1 < end && n.blank(m + 1) ? '\n\n' : '\n';
    const answer = cleanEdges(marked + (rest ? sep + rest : '')) || undefined;
    return { cards: [{ kind: 'recall', question: withoutNumber(question).text, answer, line: this.base + i, end: this.base + end }], next: end };
  }

  private boldQuestion(i: number, to: number): Found | undefined {
    const question = this.n.listItem(i) ? undefined : this.n.boldQuestion(i);
    if (question === undefined) { return undefined; }
    const end = this.markedBeyond(question, i + 1, this.answerEnd(i + 1, to, this.n.indentOf(i)), to, this.n.indentOf(i));
    return { cards: [this.resolve(question.trim(), this.base + i, i + 1, end)], next: end };
  }

  /** A list item that asks; what is indented under it answers it. */
  private listQuestion(i: number, to: number): Found | undefined {
    const n = this.n;
    const item = n.listItem(i);
    if (!item || item.checked !== undefined) { return undefined; }
    const marked = afterMarker(item.text, 'question');
    const asked = this.extent(marked ?? item.text, marked !== undefined, i, this.paragraphEnd(i, to));
    if (!asked) { return undefined; }
    const k = asked.next;
    let e = Math.max(k, this.paragraphEnd(i, to)); // the rest of its first paragraph, indented or not
    while (e < to) {
      if (n.blank(e)) {
        const m = this.skipBlank(e + 1, to);
        if (m < to && n.indentOf(m) >= item.indent) { e = m; continue; }
        break;
      }
      if (n.indentOf(e) < item.indent && !(n.code[e] && e > k && n.code[e - 1])) { break; }
      e++;
    }
    // The next item of the question's own list is the next question, whatever it says.
    e = this.markedBeyond(asked.question, k, e, to, n.indentOf(i), { indent: n.indentOf(i), ordered: ORDERED.test(n.lines[i]) });
    return { cards: [this.resolve(asked.question, this.base + i, k, e)], next: e };
  }

  /**
   * When a question's own lines [from, e) hold no answer (nothing, or only code), an answer
   * marker further on still answers it (`1. Explain X.` then an unindented `Sol: ...`), with any
   * code between; so does what follows code the question points at ("the following code").
   * Returns where that answer ends, else `e`.
   */
  private markedBeyond(question: string, from: number, e: number, to: number, indent: number, list?: { indent: number; ordered: boolean }): number {
    const n = this.n;
    for (let k = from; k < e; k++) { if (!n.blank(k) && !n.code[k]) { return e; } }
    const j = this.skipBlank(e, to);
    const code = this.codeRun(j, to);
    const m = this.skipBlank(code, to);
    if (m < to && this.answerMarker(m)) { return this.answerEnd(m + 1, to, indent, list); }
    return code > j && pointsAtCode(question) ? this.answerEnd(code, to, indent, list) : e;
  }

  /**
   * Where an answer that starts at `from` ends: at a heading, a rule or the next question; past
   * a blank line only into what continues it (a list, indented text, code, a quote).
   */
  private answerEnd(from: number, to: number, indent: number, list?: { indent: number; ordered: boolean }): number {
    const n = this.n;
    const sibling = (k: number) => list !== undefined && n.listItem(k) !== undefined && n.indentOf(k) <= list.indent && ORDERED.test(n.lines[k]) === list.ordered;
    let j = this.skipBlank(from, to);
    while (j < to) {
      if (n.code[j]) { j++; continue; }
      if (n.level[j] || n.isRule(j) || this.startsQuestion(j, indent) || sibling(j)) { break; }
      if (n.blank(j)) {
        const k = this.skipBlank(j + 1, to);
        // A line ending in a colon ("Features:") introduces what follows it.
        const goesOn = k < to && !this.startsQuestion(k, indent) && !n.level[k] && !sibling(k)
          && (n.code[k] || n.indentOf(k) > indent + 1 || n.listItem(k) !== undefined || /^\s*>/.test(n.lines[k]) || this.introduces(k, to));
        if (!goesOn) { break; }
        j = k;
        continue;
      }
      j++;
    }
    return j;
  }

  /** A one-line paragraph ending in `:` with a list or code right under it. */
  private introduces(k: number, to: number): boolean {
    const n = this.n;
    return /:\s*$/.test(n.lines[k]) && k + 1 < to && (n.code[k + 1] || n.listItem(k + 1) !== undefined
      || (n.blank(k + 1) && k + 2 < to && (n.code[k + 2] || n.listItem(k + 2) !== undefined)));
  }

  private startsQuestion(j: number, indent: number): boolean {
    const n = this.n;
    if (n.code[j] || n.indentOf(j) > indent + 1) { return false; }
    const item = n.listItem(j);
    return afterMarker(n.lines[j], 'question') !== undefined || /^\s*<details[\s>]/i.test(n.lines[j]) || n.boldQuestion(j) !== undefined
      || (item !== undefined && item.checked === undefined && asks(item.text)) || separator(n.masked(j)) !== undefined;
  }
}

const ORDERED = /^\s*\d{1,9}[.)]/;

/** A question bold as a whole (`**What is X?**`) without the bold: the card draws it as a question anyway. */
function unbold(text: string): string {
  const m = /^(\*\*|__)(?=\S)([^\n]*?\S)\1([?？]?)$/.exec(text);
  return m && !m[2].includes(m[1]) ? m[2] + m[3] : text;
}

/** Ends a sentence: a full stop, `?`, `!`, `:` or `;` at its end (code aside). */
function endsSentence(text: string): boolean {
  return /[.?!:;][*_)"'”’]*\s*$/.test(maskCode(text));
}
