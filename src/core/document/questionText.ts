// How notes mark a question: shared by the topic tree (question topics have no answer bullets
// as concepts) and the question reader (noteQuestions.ts).
//
// The rule, one for every place a question can stand (see content/help/format.md): a text
// ASKS when, with its numbering and `Q1:`-style marker set aside, it ends with `?` (or its
// first sentence does), or it starts with an asking phrase (ASKING below).
import { stripInlineMarkdown } from '../util/text';

/** A heading with this text starts a topic's questions; their answers are prose, not concepts. */
export const QUESTIONS_HEADING = /^(interview )?questions$/i;

const WH = "(?:what|how|why|when|where|which|who|whom|whose)";
const AUX = '(?:is|are|was|were|do|does|did|can|could|would|should|will|shall|may|might|must|has|have|had)';
/** What a prompt verb needs after it before it asks: `List the...`, `Give an example`, `Name three...`. */
const OBJECT = '(?:a|an|the|all|any|some|few|several|each|every|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|me|us|examples?|ways?)';
/**
 * The asking phrases a question may open with instead of ending in `?`: a question word and a
 * verb (or Why, but not "Why it matters", a title), "... you", a prompt verb, or a verb that
 * needs what to list. Words alone (`How it works`, `List comprehensions are...`) are not
 * enough: they open ordinary sentences too.
 */
const ASKING = new RegExp('^(?:'
  + `${WH}(?:'s|’s|\\s+${AUX}\\b)|how\\s+(?:many|much|often|long)\\b|which\\s+(?:of|one)\\b|why\\b(?!\\s+(?:it|this|that|these|those)\\b)`
  + `|(?:can|could|would|will|do|did|have|are|should)\\s+you\\b`
  + '|(?:explain|describe|compare|contrast|discuss|differentiate|distinguish|elaborate|illustrate|demonstrate|justify|summari[sz]e)\\b'
  + '|walk\\s+(?:me|us)\\s+through\\b|tell\\s+(?:me|us)\\b|talk\\s+about\\b|differences?\\s+between\\b'
  + `|(?:list|name|give|write|provide|mention|identify)\\s+${OBJECT}\\b`
  + ')(?=\\s*[^\\s:;,.!?)-])', 'i');

/** Numbering in front of a question: `1.`, `1)`, `(1)`, `#1`, a keycap emoji `1️⃣` or `🔟`. */
const NUMBER = /^(?:\(?\d{1,3}[.)]|#\d{1,3}[.:)]?|(?:[0-9#*]\uFE0F?\u20E3)+|\u{1F51F})(?:\s+|$)/u;

/** The text without leading numbering (`1.`, `1️⃣`); `numbered` says whether it had any. */
export function withoutNumber(text: string): { text: string; numbered: boolean } {
  const t = text.trim();
  const m = NUMBER.exec(t);
  return m ? { text: t.slice(m[0].length).trim(), numbered: true } : { text: t, numbered: false };
}

/** Whether a question's text asks (see the rule at the top); inline code is ignored, numbering skipped. */
export function asks(text: string): boolean {
  const t = withoutNumber(text).text;
  if (!t) { return false; }
  if (endsWithQuestionMark(t) || firstSentenceAsks(t)) { return true; }
  // Code in front is a name (`EXPLAIN ANALYZE` runs...), and so is a word in capitals (SQL's EXPLAIN).
  // A phrase is at the start: the first words are enough (prose lines can be long).
  const words = stripInlineMarkdown(maskCode(t.length > 120 ? t.slice(0, 120) : t));
  return ASKING.test(words) && !/^\p{Lu}{2,}\b/u.test(words);
}

/** `Is Python compiled? Explain.`: the first sentence ends with `?`. */
function firstSentenceAsks(text: string): boolean {
  const masked = maskCode(text);
  // A `?` in quotes ("same object?") is quoted, not asked; CJK sentences end without a space.
  for (const m of masked.matchAll(/[.?!](?=[*_)]*(?:\s|$))|[。？！]/g)) {
    const before = masked.slice(0, m.index + 1);
    if (m[0] === '.' && /(?:^|\s)(?:e\.g|i\.e|vs|etc|cf|approx|incl|[A-Za-z])\.$/i.test(before)) { continue; } // an abbreviation
    return m[0] === '?' || m[0] === '？';
  }
  return false;
}

/** The word for "question" and "answer" in a marker, in the languages notes mix in. */
const QUESTION_WORD = '(?:Question|Вопрос|Pregunta|Frage|问题|問題)';
const ANSWER_WORD = '(?:(?:Correct\\s+)?Answers?|Ans|Sol|Solution|Ответ|Réponse|Respuesta|Resposta|Antwort|答案|回答|答)';
/** A marked question's number: `Q1`, `Q#1`, `Q 1`... or `Question 1`, `Question #1`, `Question No. 1`. */
const NUMBERED_Q = `(?:Q\\s?#?\\s?\\d{1,4}|${QUESTION_WORD}\\s*(?:#|No\\.?\\s*)?\\s*\\d{1,4})`;
/** What ends a marker: a colon (also a full-width one), a full stop, a parenthesis, or a spaced dash. */
const MARK_END = '(?:[:.)：]|\\s[-–—])';
const MARKER = {
  // A numbered marker needs no punctuation after it (`Q#3 Explain...`); a bare `Q` or `Question` does.
  question: [
    new RegExp(`^(\\*\\*|__)?${NUMBERED_Q}(\\*\\*|__)?\\s*${MARK_END}?(\\*\\*|__)?(?:\\s+|$|(?<=：))`, 'i'),
    new RegExp(`^(\\*\\*|__)?(?:Q|${QUESTION_WORD})(\\*\\*|__)?\\s*[:.)：](\\*\\*|__)?(?:\\s+|$|(?<=：))`, 'i'),
  ],
  answer: [
    new RegExp(`^(\\*\\*|__)?${ANSWER_WORD}(\\*\\*|__)?\\s*${MARK_END}(\\*\\*|__)?(?:\\s+|$|(?<=：))`, 'i'),
    new RegExp('^(\\*\\*|__)?A\\d*(\\*\\*|__)?\\s*[:.)](\\*\\*|__)?(?:\\s+|$)', 'i'),
  ],
};

/**
 * A leading question or answer marker, also in bold (`**Q:**`, `**Q1.**`, `__Q__:`, `Q#3`,
 * `Question #3`, `**Answer**:`, `Ans -`, `Sol:`), after an optional list marker or number:
 * returns the text after it (without the closing bold of a line bold as a whole), or undefined
 * when the line has no such marker.
 */
export function afterMarker(line: string, kind: 'question' | 'answer'): string | undefined {
  const text = withoutNumber(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')).text;
  for (const re of MARKER[kind]) {
    const m = re.exec(text);
    if (!m) { continue; }
    const [, open, closeBefore, closeAfter] = m;
    if (!open && (closeBefore || closeAfter)) { continue; }
    if (open && closeBefore && closeAfter) { continue; }
    const rest = text.slice(m[0].length);
    // `**Q: the whole question**`: the bold closes at the end of the line.
    return (open && !closeBefore && !closeAfter ? rest.replace(/(\*\*|__)\s*$/, '') : rest).trim();
  }
  return undefined;
}

/**
 * The question a heading asks, or undefined when it asks none. A plain heading names a topic
 * (`What's new in 5.0`), so it asks only by its `?`; a numbered or marked one (`## 3. Explain
 * middleware`, `### Q#3`) asks by the whole rule. A bare marker (`### Question #3`) gives '':
 * the question is the first paragraph under it.
 */
export function headingQuestion(title: string): string | undefined {
  const marked = afterMarker(title, 'question');
  if (marked !== undefined) { return withoutNumber(marked).text; }
  const { text, numbered } = withoutNumber(title);
  if (endsWithQuestionMark(text) || firstSentenceAsks(text)) { return text; }
  return numbered && asks(text) ? text : undefined;
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

const BOLD_MARKER_TERM = new RegExp(`^(\\*\\*|__)(?:Q\\d*|A\\d*|${QUESTION_WORD}\\s*\\d*|${ANSWER_WORD})(\\*\\*|__)?$`, 'i');
const MARKER_TERM = new RegExp(`^(?:Q\\s?#?\\d+|A\\d+|${QUESTION_WORD}(?:\\s*#?\\d+)?|${ANSWER_WORD})$`, 'i');

/**
 * Whether a bullet's term is a `Q:`/`A:` marker (`- **Q:** ...`, `- Q1: ...`), which is no
 * concept. A plain `Q:` counts only before a question and a plain `A:` never does: both are
 * also names people give terms (Django's Q object, a model called A).
 */
export function isQaMarker(rawTerm: string, rest: string): boolean {
  const term = rawTerm.trim();
  if (BOLD_MARKER_TERM.test(term) || MARKER_TERM.test(term)) { return true; }
  return /^Q$/i.test(term) && endsWithQuestionMark(rest);
}

/** Replaces inline code spans with same-length filler, so `::` or `?` inside code is not seen. */
export function maskCode(line: string): string {
  if (!line.includes('`')) { return line; }
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, m => '\u0001'.repeat(m.length));
}

/** Ends with `?` (or a full-width `？`, an Arabic `؟`), perhaps inside closing emphasis (`**Why?**`), code spans aside. */
export function endsWithQuestionMark(text: string): boolean {
  return /[?？؟][*_]*\s*$/.test(maskCode(text));
}

/** Drops a leading `**Answer:**` / `A:` from an answer's first line. */
export function dropAnswerMarker(firstLine: string): string {
  return afterMarker(firstLine, 'answer') ?? firstLine;
}

/** A question that points at code shown with it: "the following code", "this snippet", "the output of". */
export function pointsAtCode(question: string): boolean {
  return /\b(?:following|below|snippet)\b|\b(?:this|given|above)\s+(?:code|program|script|function|class|query)\b|\boutput\s+of\b|\bwhat\s+(?:does|will|would)\s+(?:this|it)\s+(?:print|output|return)\b/i
    .test(stripInlineMarkdown(question));
}
