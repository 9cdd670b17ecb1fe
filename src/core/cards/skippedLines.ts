// Lines of a document that look like questions but gave no card, with why: what "Show Cards in
// This Document" lists under the cards, so a reader can fix their notes. A line looks like a
// question when, outside code, it ends with "?" or starts with a `Q:` marker, or when a heading
// or numbered item starts with a word that asks (Explain, Describe, Compare, What, Why, How...).
import { afterMarker, maskCode } from '../document/questionText';
import { inSlices } from '../util/slices';
import type { SkippedLine } from './cardsView';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const ASKS = /^(?:\*\*|__)?(?:what|why|how|when|where|which|who|explain|describe|compare|contrast|list|name|give|walk me through|difference between|tell me|can you|should|is|are|does|do)\b/i;

/** Whether `line` asks something, and the text that asks. */
function asking(line: string): string | undefined {
  const heading = HEADING.exec(line)?.[1];
  const numbered = heading === undefined ? NUMBERED.exec(line)?.[1] : undefined;
  const text = (heading ?? ITEM.exec(line)?.[1] ?? line).trim();
  if (!text || /^[-*_=|>]/.test(text) && !heading) { return undefined; }
  if (afterMarker(text, 'question') !== undefined) { return text; }
  if (/\?[*_]*\s*$/.test(maskCode(text))) { return text; }
  return (heading ?? numbered) !== undefined && ASKS.test(text) ? text : undefined;
}

/**
 * The asking lines of `text` on which no card starts (`cardLines`), each with its reason. A line
 * after a card's line, before the next heading, is taken as part of that card's answer.
 */
export async function skippedLines(text: string, cardLines: ReadonlySet<number>, sliceMs = 20, cancelled?: () => boolean): Promise<SkippedLine[]> {
  const out: SkippedLine[] = [];
  let inFence = false;
  let lastCard: number | undefined;
  // Lines as they come (no split of a 5 MB text in one go); a skipped line's reason looks ahead.
  await inSlices(linesOf(text), ([i, line, from]) => {
    if (FENCE.test(line)) { inFence = !inFence; return; }
    if (inFence) { return; }
    if (cardLines.has(i)) { lastCard = i; return; }
    if (HEADING.test(line)) { lastCard = undefined; }
    const asks = asking(line);
    if (asks === undefined) { return; }
    out.push({ line: i, text: asks, reason: reasonFor(line, nextLine(text, from), lastCard) });
  }, sliceMs, cancelled);
  return out;
}

/** [index, line, offset after it] for each line of `text`. */
function* linesOf(text: string): Generator<[number, string, number]> {
  let at = 0;
  for (let i = 0; at <= text.length; i++) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    yield [i, text.slice(at, stop).replace(/\r$/, ''), stop + 1];
    if (end < 0) { return; }
    at = end + 1;
  }
}

/** The next non-blank line from offset `from`, or undefined at the end. */
function nextLine(text: string, from: number): string | undefined {
  let at = from;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line.trim()) { return line; }
    if (end < 0) { return undefined; }
    at = end + 1;
  }
  return undefined;
}

function reasonFor(line: string, next: string | undefined, lastCard: number | undefined): string {
  if (lastCard !== undefined && !HEADING.test(line)) { return `It is read as part of the answer to the question on line ${lastCard + 1}.`; }
  if (next === undefined || HEADING.test(next)) { return 'Nothing follows it to be its answer.'; }
  if (!HEADING.test(line) && !ITEM.test(line) && afterMarker(line.trim(), 'question') === undefined) {
    return 'A plain paragraph line is read as text: make it a heading, a list item, a bold line or a "Q:" line.';
  }
  return 'It is not read as a question here (see Show Study Document Format for the rules).';
}
