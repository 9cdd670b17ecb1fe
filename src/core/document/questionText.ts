// How notes mark a question: shared by the topic tree (question topics have no answer bullets
// as concepts) and the recall card reader.

/** A heading with this text starts a topic's questions; their answers are prose, not concepts. */
export const QUESTIONS_HEADING = /^(interview )?questions$/i;

/** `Q:`, `Q1:`, `Q1.`, `Q1)`, `Question 1:` before a question; the punctuation needs a space after it. */
const QUESTION_PREFIX = /^(?:Q\d*|Question(?:\s*\d+)?)\s*[:.)](?:\s+|$)/i;

/** The question a heading asks (without its `Q1:` prefix), or undefined when it asks none. */
export function headingQuestion(title: string): string | undefined {
  const text = title.trim();
  const prefixed = QUESTION_PREFIX.exec(text);
  if (prefixed) { return text.slice(prefixed[0].length).trim() || undefined; }
  const marked = afterMarker(text, 'question'); // `**Q1:** ...` in a raw heading
  if (marked) { return marked; }
  return endsWithQuestionMark(text) ? text : undefined;
}

interface Headed { readonly title: string; readonly range: { readonly start: number } }

/**
 * Whether a topic is one question whose body answers it: its heading asks, or it sits in an
 * "Interview questions" section (not that section's Overview, which starts at the section's heading).
 */
export function isQuestionTopic(topic: Headed & { readonly section?: Headed }): boolean {
  if (headingQuestion(topic.title) !== undefined) { return true; }
  return topic.section !== undefined && QUESTIONS_HEADING.test(topic.section.title) && topic.range.start !== topic.section.range.start;
}

/**
 * Whether a bullet's term is a `Q:`/`A:` marker (`- **Q:** ...`, `- Q1: ...`), which is no
 * concept. A plain `Q:` counts only before a question and a plain `A:` never does: both are
 * also names people give terms (Django's Q object, a model called A).
 */
export function isQaMarker(rawTerm: string, rest: string): boolean {
  const term = rawTerm.trim();
  if (/^(\*\*|__)(?:Q\d*|A\d*|Question\s*\d*|Answer)(\*\*|__)?$/i.test(term)) { return true; }
  if (/^(?:Q\d+|A\d+|Question(?:\s*\d+)?|Answer)$/i.test(term)) { return true; }
  return /^Q$/i.test(term) && endsWithQuestionMark(rest);
}

/** Replaces inline code spans with same-length filler, so `::` or `?` inside code is not seen. */
export function maskCode(line: string): string {
  if (!line.includes('`')) { return line; }
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, m => '\u0001'.repeat(m.length));
}

/** Ends with `?`, perhaps inside closing emphasis (`**Why?**`), code spans aside. */
export function endsWithQuestionMark(text: string): boolean {
  return /\?[*_]*\s*$/.test(maskCode(text));
}

const MARKER_WORD = { question: '(?:Q\\d*|Question(?:\\s*\\d+)?)', answer: '(?:A\\d*|Ans|Answer)' };
const MARKER = {
  question: new RegExp(`^(\\*\\*|__)?${MARKER_WORD.question}(\\*\\*|__)?\\s*[:.)](\\*\\*|__)?(?:\\s+|$)`, 'i'),
  answer: new RegExp(`^(\\*\\*|__)?${MARKER_WORD.answer}(\\*\\*|__)?\\s*[:.)](\\*\\*|__)?(?:\\s+|$)`, 'i'),
};

/**
 * A leading `Q:`/`A:` marker, also in bold (`**Q:**`, `**Q1.**`, `__Q__:`), after an optional
 * list marker: returns the text after it (without the closing bold of a line bold as a whole),
 * or undefined when the line has no such marker.
 */
export function afterMarker(line: string, kind: 'question' | 'answer'): string | undefined {
  const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trimStart();
  const m = MARKER[kind].exec(text);
  if (!m) { return undefined; }
  const [, open, closeBefore, closeAfter] = m;
  if (!open && (closeBefore || closeAfter)) { return undefined; }
  if (open && closeBefore && closeAfter) { return undefined; }
  const rest = text.slice(m[0].length);
  // `**Q: the whole question**`: the bold closes at the end of the line.
  return (open && !closeBefore && !closeAfter ? rest.replace(/(\*\*|__)\s*$/, '') : rest).trim();
}

/** Drops a leading `**Answer:**` / `A:` from an answer's first line. */
export function dropAnswerMarker(firstLine: string): string {
  return afterMarker(firstLine, 'answer') ?? firstLine;
}
