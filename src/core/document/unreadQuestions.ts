// Lines of a topic that look like questions but give no card, each with the reason: what a
// reader needs to fix their notes. A line looks like a question when its text ends with `?`,
// opens with an asking phrase or has a `Q:` marker (code aside); the rule in questionText.ts
// then says why it was not read as one.
import { NoteLines } from './noteLines';
import { NoteQuestion, QuestionSource, topicQuestions } from './noteQuestions';
import { afterMarker, asks, endsWithQuestionMark, headingQuestion, isQuestionTopic, QUESTIONS_HEADING, withoutNumber } from './questionText';
import { stripInlineMarkdown } from '../util/text';

export interface UnreadQuestion {
  /** Zero-based source line. */
  readonly line: number;
  /** The line as written, trimmed. */
  readonly text: string;
  readonly reason: string;
}

/**
 * A topic's unread questions, in line order. A generator that stops between lines and between
 * questions (undefined steps), so a caller can run a large topic in slices. `heading`: the
 * topic's own heading text, checked too (an Overview has none of its own).
 */
export function* unreadQuestions(topic: QuestionSource, heading?: string): Generator<UnreadQuestion | undefined> {
  const base = topic.bodyStartLine;
  if (heading !== undefined && !isQuestionTopic(topic) && !QUESTIONS_HEADING.test(topic.title) && looksAsking(topic.title)) {
    yield { line: topic.range.start, text: heading.trim(), reason: PLAIN_HEADING };
  }
  if (isQuestionTopic(topic) || QUESTIONS_HEADING.test(topic.title)) { return; } // its body is answers
  const read: NoteQuestion[] = [];
  for (const q of topicQuestions(topic)) { read.push(q); yield undefined; }
  const asked = new Set(read.map(q => q.line));
  const n = new NoteLines(topic.body);
  let q = 0; // the questions are in line order: the one that may claim line i is found by walking forward
  for (let i = 0; i < n.length; i++) {
    if (i % 500 === 499) { yield undefined; }
    const line = base + i;
    if (n.code[i] || n.blank(i) || asked.has(line)) { continue; }
    while (q < read.length && read[q].end <= line) { q++; }
    const owner = q < read.length && read[q].line < line ? read[q] : undefined;
    const why = reason(n, i, owner);
    if (why) { yield { line, text: n.lines[i].trim(), reason: why }; }
  }
}

const PLAIN_HEADING = 'A plain heading names a topic and asks only with “?”: add one, or number it (“### 1. …”).';

/** Ends with `?`, opens with an asking phrase or carries a `Q:` marker. */
function looksAsking(text: string): boolean {
  return endsWithQuestionMark(text) || asks(text) || afterMarker(text, 'question') !== undefined;
}

/** Why line `i` (which gave no card) is not a question, or undefined when it does not look like one. */
function reason(n: NoteLines, i: number, owner: NoteQuestion | undefined): string | undefined {
  const raw = n.lines[i];
  const item = n.listItem(i);
  const text = n.level[i] ? n.headingText(i) : item ? item.text : raw.replace(/^\s*>\s?/, '').trim();
  if (!looksAsking(text)) { return undefined; }
  const where = n.level[i] ? 'heading' : item ? 'item' : afterMarker(raw, 'question') !== undefined ? 'marked'
    : /^\s*(\*\*|__)\S.*\1\s*$/.test(raw) ? 'bold' : 'line';
  if (owner && where !== 'line') { return `Part of the answer to the question on line ${owner.line + 1}.`; }
  if (owner) { return undefined; } // prose of an answer that happens to ask
  if (/^\s*>/.test(raw)) { return 'A quoted line is not read as a question.'; }
  if (/^\s*\|/.test(raw)) { return 'A table row is not read as a question.'; }
  if (item?.checked !== undefined) { return 'A task-list item is an option or a to-do, not a question: put the question on the line above the list.'; }
  if (n.level[i]) {
    return headingQuestion(text) === '' ? 'A question marker with no question under it.' : PLAIN_HEADING;
  }
  if (afterMarker(raw, 'question') !== undefined) {
    return 'Its question marker is followed by nothing that asks, and no answer marker (“A:”) comes after it.';
  }
  if (where === 'line') { return 'A plain line is not a question: make it a list item or bold, or start it with “Q:”.'; }
  if (!stripInlineMarkdown(withoutNumber(text).text)) { return undefined; }
  return '“?” ends neither its line nor its first sentence, and it opens with no asking phrase.';
}
