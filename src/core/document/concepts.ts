// A topic's concepts: its "Term: description" bullets (and bullets without a term), nested as
// written, read only when something asks for them. A bullet inside a question's answer or a
// task list's options is prose or a choice, not a concept; a "term" that reads as a sentence is
// not a term.
import type MarkdownIt from 'markdown-it';
import type { Concept, Heading, StudyNode, Topic } from './model';
import { topicQuestions } from './noteQuestions';
import { asks, headingQuestion, isQaMarker, isQuestionTopic, maskCode, QUESTIONS_HEADING } from './questionText';
import { IdAllocator, slugify, stripInlineMarkdown, truncate } from '../util/text';

type Token = MarkdownIt.Token;

/** Deepest concept nesting shown in the tree; deeper bullets stay in the topic text. */
const MAX_CONCEPT_DEPTH = 4;
const MAX_LABEL = 80;
/** Raw terms may be longer than 80 characters before their markup is stripped (link targets). */
const MAX_RAW_TERM = 400;

/**
 * Reads `topic`'s concepts from the tokens of its body (their lines already the document's) and
 * registers them in `byId`. `headings` are the body's headings.
 */
export function readConcepts(topic: Topic, tokens: Token[], headings: Heading[], byId: Map<string, StudyNode>): void {
  attachConcepts(tokens, [topic], new IdAllocator(), byId);
  keepLeadConcepts([topic], headings, byId);
  if (isQuestionTopic(topic) || QUESTIONS_HEADING.test(topic.title)) { dropConcepts(topic, byId); }
  dropAnswered(topic, byId);
}

/** Bullet items become concepts of the topic whose lines hold them, nested as written. */
function attachConcepts(tokens: Token[], topics: Topic[], ids: IdAllocator, byId: Map<string, StudyNode>): void {
  // Containers currently open: 'bullet' | 'other' (ordered list, blockquote...) | a concept item.
  const stack: Array<'bullet' | 'other' | Concept | null> = [];
  let topicIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.nesting === -1) {
      if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close' || t.type === 'list_item_close' || t.type === 'blockquote_close') {
        stack.pop();
      }
      continue;
    }
    if (t.type === 'bullet_list_open') { stack.push('bullet'); continue; }
    if (t.type === 'ordered_list_open' || t.type === 'blockquote_open') { stack.push('other'); continue; }
    if (t.type !== 'list_item_open') { continue; }
    const concept = t.map ? conceptFor(t.map, tokens, i, stack, topics, topicIndex, ids) : undefined;
    if (concept) {
      topicIndex = Math.max(0, topics.indexOf(concept.topic));
      (concept.parent ? concept.parent.children : concept.topic.concepts).push(concept);
      byId.set(concept.id, concept);
    }
    stack.push(concept ?? null);
  }
}

function conceptFor(
  map: [number, number], tokens: Token[], at: number, stack: Array<'bullet' | 'other' | Concept | null>,
  topics: Topic[], fromTopic: number, ids: IdAllocator,
): Concept | undefined {
  // The item must sit in bullet lists all the way up, each level inside a concept.
  let depth = 0;
  for (const s of stack) { if (s === 'bullet') { depth++; } }
  if (depth === 0 || depth > MAX_CONCEPT_DEPTH || stack[stack.length - 1] !== 'bullet') { return undefined; }
  for (let k = 0; k < stack.length; k++) {
    const s = stack[k];
    if (s === 'other' || s === null || (k % 2 === 0 && s !== 'bullet')) { return undefined; }
  }
  const parent = stack.length >= 2 ? stack[stack.length - 2] as Concept : undefined;
  const topic = parent ? parent.topic : findTopic(topics, map[0], fromTopic);
  if (!topic) { return undefined; }
  const inline = tokens[at + 1]?.type === 'paragraph_open' ? tokens[at + 2] : undefined;
  const raw = inline?.type === 'inline' ? inline.content : '';
  if (TASK.test(raw)) { return undefined; } // a task list's option (or a to-do), and what is under it
  const node = new ConceptNode(raw, topic, parent, { start: map[0], end: map[1] });
  if (node.term === undefined && !node.text) { return undefined; }
  node.id = ids.allocate(`${topic.id}#${slugify(node.term ?? node.text)}`);
  return node;
}

/**
 * A bullet's concept. The term is found in the raw text and only it is stripped at once; the
 * description (often long) is stripped when something reads it. Getters live on the prototype,
 * so a large document does not pay for a closure per bullet.
 */
class ConceptNode implements Concept {
  readonly kind = 'concept';
  id = '';
  readonly term: string | undefined;
  readonly children: Concept[] = [];
  private readonly rest: string | undefined;
  private whole: string | undefined;
  private described: string | undefined;

  constructor(private readonly raw: string, readonly topic: Topic, readonly parent: Concept | undefined, readonly range: { start: number; end: number }) {
    const split = splitTerm(raw);
    this.term = split?.term;
    this.rest = split?.rest;
  }

  /** The whole bullet as a reader sees it. */
  get text(): string {
    return this.whole ??= stripInlineMarkdown(this.raw);
  }

  get description(): string {
    return this.described ??= this.rest !== undefined ? stripInlineMarkdown(this.rest) : this.text;
  }

  get label(): string {
    return truncate(this.term ?? this.text, MAX_LABEL);
  }
}

/**
 * A topic that asks a question (`### Q1: What is WSGI?`) is answered by its body, and the quiz
 * asks it whole as one recall card. Its bullets are sentences of that answer ("It is
 * synchronous: ..." reads like a term but is not one), so it has no concepts: no tree of
 * answer fragments and no concept cards quizzing the same answer twice. The same holds for a
 * topic of interview questions.
 */
function dropConcepts(topic: Topic, byId: Map<string, StudyNode>): void {
  const forget = (c: Concept): void => { byId.delete(c.id); c.children.forEach(forget); };
  topic.concepts.forEach(forget);
  topic.concepts.splice(0);
}

/**
 * A topic with sub-headings usually lists its key terms before the first one; the bullets
 * further down (pitfalls, answers) are prose. So when the lead has concepts, only those stay;
 * and bullets under a questions heading never count.
 */
function keepLeadConcepts(topics: Topic[], headings: Heading[], byId: Map<string, StudyNode>): void {
  let h = 0;
  for (const topic of topics) {
    while (h < headings.length && headings[h].line < topic.bodyStartLine) { h++; }
    const inside: Heading[] = [];
    for (let k = h; k < headings.length && headings[k].line < topic.range.end; k++) { inside.push(headings[k]); }
    const concepts = topic.concepts as Concept[];
    if (!inside.length || !concepts.length) { continue; }
    const leadEnd = inside[0].line;
    const answers: Array<[number, number]> = [];
    inside.forEach((q, k) => {
      // Under "Interview questions" or a heading that asks a question, bullets answer it.
      if (!QUESTIONS_HEADING.test(q.title) && headingQuestion(q.title) === undefined) { return; }
      const next = inside.slice(k + 1).find(o => o.level <= q.level);
      answers.push([q.line, next ? next.line : topic.range.end]);
    });
    const hasLead = concepts.some(c => c.range.start < leadEnd);
    const keep = (c: Concept) => hasLead ? c.range.start < leadEnd : !answers.some(([a, b]) => c.range.start >= a && c.range.start < b);
    const forget = (c: Concept): void => { byId.delete(c.id); c.children.forEach(forget); };
    concepts.filter(c => !keep(c)).forEach(forget);
    concepts.splice(0, concepts.length, ...concepts.filter(keep));
  }
}

/**
 * A bullet that asks a question is a card, not a concept, and the bullets inside what a
 * question claims (its answer, its options and explanation) are that answer's sentences.
 */
function dropAnswered(topic: Topic, byId: Map<string, StudyNode>): void {
  if (!topic.concepts.length) { return; }
  const spans: Array<{ line: number; end: number }> = [];
  for (const q of topicQuestions(topic)) { spans.push({ line: q.line, end: Math.max(q.end, q.line + 1) }); }
  if (!spans.length) { return; }
  spans.sort((a, b) => a.line - b.line);
  // The furthest end of the spans that start at or before each one: a binary search finds a bullet's cover.
  const reach: number[] = [];
  spans.forEach((s, k) => reach.push(Math.max(s.end, k ? reach[k - 1] : 0)));
  const claimed = (line: number): boolean => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].line <= line) { lo = mid + 1; } else { hi = mid; } }
    return lo > 0 && reach[lo - 1] > line;
  };
  const forget = (c: Concept): void => { byId.delete(c.id); c.children.forEach(forget); };
  const prune = (list: Concept[]): void => {
    list.filter(c => claimed(c.range.start)).forEach(forget);
    list.splice(0, list.length, ...list.filter(c => !claimed(c.range.start)));
    list.forEach(c => prune(c.children));
  };
  prune(topic.concepts);
}

const TASK = /^\[[ xX]\](?:\s|$)/;
const MAX_TERM_WORDS = 8;
/** A verb that makes a "term" a sentence: `It is synchronous: ...`, `What it does: ...`. */
const VERB = /\b(?:is|are|was|were|be|been|am|do|does|did|can|could|will|would|should|shall|must|may|might|has|have|had|isn't|aren't|doesn't|don't|can't|won't)\b/i;

/**
 * Whether the raw text before a colon names a thing: at most 8 words, not a
 * question word alone, no full stop or question inside, no verb such as is/does/can, and it does not
 * ask. Code in it is a name, not a sentence.
 */
export function isTerm(rawTerm: string): boolean {
  const plain = stripInlineMarkdown(rawTerm);
  if (plain.split(' ').length > MAX_TERM_WORDS || /^(?:what|how|why|when|where|which|who)$/i.test(plain)) { return false; }
  const words = stripInlineMarkdown(maskCode(rawTerm));
  return !/[.?!;](?:\s|$)/.test(words) && !VERB.test(words) && !asks(plain);
}

/**
 * `Term: description` on the raw bullet text: the first colon followed by whitespace (or the
 * end) that is not escaped, in a code span or in a link's target or title, when the term
 * reads as at most 80 characters, is not a URL and names a thing (`isTerm`). The colon may sit
 * inside the term's bold (`**Term:** description`). A `Q:` or `A:` marker is no term.
 */
function splitTerm(raw: string): { term: string; rest: string } | undefined {
  const end = Math.min(raw.length, MAX_RAW_TERM);
  for (let i = 0; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x5C /* \ */) { i++; continue; }
    if (c === 0x0A /* newline: the term is on the first line */) { return undefined; }
    if (c === 0x60 /* ` */) {
      let ticks = 1;
      while (raw.charCodeAt(i + ticks) === 0x60) { ticks++; }
      const close = raw.indexOf('`'.repeat(ticks), i + ticks);
      if (close !== -1) { i = close + ticks - 1; continue; }
      i += ticks - 1;
      continue;
    }
    if (c === 0x5D /* ] */ && raw.charCodeAt(i + 1) === 0x28 /* ( */) {
      const close = raw.indexOf(')', i + 2);
      if (close !== -1) { i = close; continue; }
    }
    if (c === 0x3A /* : */) {
      // `**Term:**`: the emphasis closes right after the colon.
      const close = /^(?:\*\*|__|\*|_)?(?=\s|$)/.exec(raw.slice(i + 1))?.[0];
      if (close === undefined) { continue; }
      const term = stripInlineMarkdown(raw.slice(0, i) + close);
      const rest = raw.slice(i + 1 + close.length);
      if (!term || term.length > MAX_LABEL || term.includes('://') || isQaMarker(raw.slice(0, i) + close, rest) || !isTerm(raw.slice(0, i))) { return undefined; }
      return { term, rest };
    }
  }
  return undefined;
}

/** Topics are in line order and items arrive in line order, so the search only moves forward. */
function findTopic(topics: Topic[], line: number, from: number): Topic | undefined {
  for (let k = from; k < topics.length; k++) {
    const r = topics[k].range;
    if (line < r.start) { return undefined; }
    if (line >= r.start && line < r.end && line >= topics[k].bodyStartLine) { return topics[k]; }
  }
  return undefined;
}
