// The options of a task-list quiz in notes, made fair: authors often flag the right option
// twice (`- [x] **Signal.connect** ✅`), and a quiz that draws that flag gives the answer away.
// So the marks that only flag an option go, and every option ends up with the same markup.
import type { NoteLines } from './noteLines';
import { afterMarker } from './questionText';
import { stripEmphasis } from '../util/text';

export interface NoteOption {
  readonly text: string;
  readonly correct: boolean;
  /** One line: why this option is right or wrong. */
  readonly why: string;
}

const RIGHT = 'Right.';
const WRONG = 'Not this one.';

/** Check marks and crosses, as emoji or symbols. */
const FLAG = /\s*(?:✅|✔️?|☑️?|✓|✗|✘|❌|❎|✖️?)\s*/gu;
/** A trailing `(correct)`, `[right]`, `<- correct`, `← answer`. */
const LABEL = /\s*(?:[([](?:correct|right|wrong|incorrect|answer|correct answer)[)\]]|(?:<-+|←|⬅️?)\s*(?:correct|right|answer|this one)?)\s*$/iu;
const CODE = /(`+)[^`][\s\S]*?\1(?!`)/;

/** `- [x] text` items from `at`, each with the indented lines under it as its reason; a blank line ends them. */
export function readOptions(n: NoteLines, at: number, to: number): { options: NoteOption[]; next: number } | undefined {
  const raw: NoteOption[] = [];
  let k = at;
  while (k < to) {
    const item = n.listItem(k);
    if (!item || item.checked === undefined) { break; }
    let e = k + 1;
    while (e < to && !n.blank(e) && !n.listItem(e) && n.indentOf(e) >= item.indent) { e++; }
    const why = n.text(k + 1, e).replace(/\s+/g, ' ').trim();
    raw.push({ text: item.text.trim(), correct: item.checked, why });
    k = e;
  }
  if (!raw.length) { return undefined; }
  const options = fair(raw.map(o => o.text)).map((text, i) => ({ text, correct: raw[i].correct, why: raw[i].why || (raw[i].correct ? RIGHT : WRONG) }))
    .filter(o => o.text);
  return { options, next: k };
}

/** Whether options make a quiz: two or more, one of them checked. */
export function isQuiz(options: readonly NoteOption[]): boolean {
  return options.length >= 2 && options.some(o => o.correct);
}

/**
 * The options' texts with flags and emphasis gone; code spans kept only when every option has
 * one, so that no option stands out by its look.
 */
export function fair(texts: readonly string[]): string[] {
  const plain = texts.map(t => stripEmphasis(t.replace(FLAG, ' ').replace(LABEL, '')).replace(/\s+/g, ' ').trim());
  const coded = plain.map(t => CODE.test(t));
  if (coded.every(c => c === coded[0])) { return plain; }
  return plain.map(t => t.replace(/(`+)([^`][\s\S]*?)\1(?!`)/g, (_m, _t, code: string) => code.trim()));
}

/** A paragraph after the options that explains them: `Explanation:`, `Why:`, `Because`, `Answer:` or a quote. */
export function isExplanation(line: string): boolean {
  return /^\s*>/.test(line) || /^\s*(\*\*|__)?(?:Explanation|Reason|Because\b|Why\s*(?:\*\*|__)?\s*:)/i.test(line)
    || afterMarker(line, 'answer') !== undefined;
}

/** An explanation without its label or quote marks. */
export function explanationText(text: string): string {
  const lines = text.split('\n');
  const unquoted = lines.every(l => /^\s*>/.test(l) || !l.trim()) ? lines.map(l => l.replace(/^\s*>\s?/, '')) : lines;
  unquoted[0] = afterMarker(unquoted[0], 'answer')
    ?? unquoted[0].replace(/^\s*(\*\*|__)?(Explanation|Reason|Why|Because)(\*\*|__)?\s*:?(\*\*|__)?\s*/i, '');
  return unquoted.join('\n').trim();
}
