// Markdown study document -> sections -> topics -> concepts. No VS Code API here.
import MarkdownIt from 'markdown-it';
import { BlockSlicer } from './blockSlices';
import { headingQuestion, isQaMarker, isQuestionTopic, QUESTIONS_HEADING } from './questionText';
import { IdAllocator, normalizeNewlines, slugify, stripInlineMarkdown, truncate } from '../util/text';

type Token = MarkdownIt.Token;

/** Zero-based source lines, `end` exclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

export interface Concept {
  readonly kind: 'concept';
  readonly id: string;
  /** The part before `Term:`; undefined for a bullet without one. */
  readonly term: string | undefined;
  /** The text after `Term:`, or the whole bullet when it has no term. */
  readonly description: string;
  /** What the tree shows. */
  readonly label: string;
  readonly range: LineRange;
  readonly topic: Topic;
  readonly parent: Concept | undefined;
  readonly children: Concept[];
}

export interface Topic {
  readonly kind: 'topic';
  readonly id: string;
  readonly title: string;
  /** Undefined when a section heading with no topic headings is a topic itself. */
  readonly section: Section | undefined;
  /** Position in reading order over the whole document. */
  readonly index: number;
  readonly range: LineRange;
  /** Markdown between the heading and the next topic or section. */
  readonly body: string;
  /** Source line where `body` starts. */
  readonly bodyStartLine: number;
  /** Read on first access, from the topic's own text. */
  readonly concepts: Concept[];
  /** Cheap: whether the body has a bullet line, without reading the concepts. */
  readonly mayHaveConcepts: boolean;
}

export interface Section {
  readonly kind: 'section';
  readonly id: string;
  readonly title: string;
  readonly range: LineRange;
  readonly topics: Topic[];
}

export type StudyNode = Section | Topic | Concept;

export interface StudyDocument {
  /** The single top-level `#` heading, when the document has one. */
  readonly title: string | undefined;
  /** Tree roots in order: sections, and section headings that are topics themselves. */
  readonly items: ReadonlyArray<Section | Topic>;
  /** Every topic in reading order. */
  readonly topics: readonly Topic[];
  readonly lineCount: number;
  /** Link reference definitions (`[label]: url`) of the whole file, for rendering one topic. */
  readonly references: Readonly<Record<string, unknown>>;
  get(id: string): StudyNode | undefined;
}

interface Heading {
  readonly level: number;
  readonly line: number;
  readonly endLine: number;
  readonly title: string;
}

/** Deepest concept nesting shown in the tree; deeper bullets stay in the topic text. */
const MAX_CONCEPT_DEPTH = 4;
const MAX_LABEL = 80;
/** Raw terms may be longer than 80 characters before their markup is stripped (link targets). */
const MAX_RAW_TERM = 400;

/**
 * A markdown-it instance that only runs block rules: the tree needs headings and bullets,
 * and inline markup is rendered later, one topic at a time.
 */
export function createIndexer(): MarkdownIt {
  const md = new MarkdownIt({ html: false });
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  return md;
}

export function parseDocument(source: string, md: MarkdownIt = createIndexer()): StudyDocument {
  const text = normalizeNewlines(source);
  const env: ParseEnv = {};
  return buildDocument(text, md.parse(text, env), env, md);
}

/**
 * The same document as `parseDocument`, with markdown-it's parse run in slices that let other
 * work in between (a 10 MB document takes about a quarter of a second to parse). Rejects with
 * `Cancelled` when `cancelled()` says so between slices.
 */
export async function parseDocumentInSlices(source: string, sliceMs?: number, cancelled?: () => boolean): Promise<StudyDocument> {
  const text = normalizeNewlines(source);
  const env: ParseEnv = {};
  const slicer = new BlockSlicer(createIndexer());
  return buildDocument(text, await slicer.parse(text, env, sliceMs, cancelled), env, slicer.md);
}

type ParseEnv = { references?: Record<string, unknown> };

function buildDocument(text: string, tokens: Token[], env: ParseEnv, md: MarkdownIt): StudyDocument {
  const starts = lineStarts(text);
  const headings = collectHeadings(tokens);
  const contentLines = collectContentStarts(tokens);
  const { titleLevel, sectionLevel, topicLevel } = chooseLevels(headings);

  const ids = new IdAllocator();
  const byId = new Map<string, StudyNode>();
  const items: Array<Section | Topic> = [];
  const topics: Topic[] = [];
  const lineCount = starts.length - 1;
  /** Lines [from, to) of the text, without the final newline; sliced, not split and joined. */
  const linesOf = (from: number, to: number) => to <= from ? '' : text.slice(starts[from], starts[to] - 1);
  const hasContent = (start: number, end: number) => {
    const k = lowerBound(contentLines, start);
    return k < contentLines.length && contentLines[k] < end;
  };

  // Concepts are read per topic when first asked for (tree expansion, quiz, search): indexing
  // a large document needs only its headings.
  const topicSource: TopicSource = {
    lines: linesOf,
    extract: topic => {
      const tokens = md.parse(topic.body, {});
      for (const t of tokens) { if (t.map) { t.map = [t.map[0] + topic.bodyStartLine, t.map[1] + topic.bodyStartLine]; } }
      attachConcepts(tokens, [topic], new IdAllocator(), byId);
      keepLeadConcepts([topic], collectHeadings(tokens), byId);
      if (isQuestionTopic(topic) || QUESTIONS_HEADING.test(topic.title)) { dropConcepts(topic, byId); }
    },
  };
  const addTopic = (title: string, idBase: string, section: Section | undefined, start: number, bodyStart: number, end: number): Topic => {
    const topic = new TopicNode(ids.allocate(idBase), title, section, topics.length, { start, end }, bodyStart, topicSource);
    topics.push(topic);
    byId.set(topic.id, topic);
    return topic;
  };

  const ranked = headings.filter(h => h.level === sectionLevel || h.level === topicLevel);
  let title: string | undefined;
  if (titleLevel !== undefined) {
    title = headings.find(h => h.level === titleLevel)?.title;
  }

  for (let i = 0; i < ranked.length; i++) {
    const h = ranked[i];
    // Topic headings up to the next section heading belong to this one.
    let j = i + 1;
    while (j < ranked.length && ranked[j].level !== sectionLevel) { j++; }
    const end = j < ranked.length ? ranked[j].line : lineCount;
    if (h.level !== sectionLevel) {
      // Topic headings before any section: topics of their own at the root.
      for (let k = i; k < j; k++) {
        const topicEnd = k + 1 < ranked.length ? ranked[k + 1].line : lineCount;
        items.push(addTopic(ranked[k].title, slugify(ranked[k].title), undefined, ranked[k].line, ranked[k].endLine, topicEnd));
      }
    } else if (j === i + 1) {
      items.push(addTopic(h.title, slugify(h.title), undefined, h.line, h.endLine, end));
    } else {
      const section: Section = { kind: 'section', id: ids.allocate(slugify(h.title)), title: h.title, range: { start: h.line, end }, topics: [] };
      byId.set(section.id, section);
      items.push(section);
      if (hasContent(h.endLine, ranked[i + 1].line)) {
        section.topics.push(addTopic('Overview', `${section.id}/overview`, section, h.line, h.endLine, ranked[i + 1].line));
      }
      for (let k = i + 1; k < j; k++) {
        const c = ranked[k];
        const topicEnd = k + 1 < j ? ranked[k + 1].line : end;
        section.topics.push(addTopic(c.title, `${section.id}/${slugify(c.title)}`, section, c.line, c.endLine, topicEnd));
      }
    }
    i = j - 1;
  }

  const get = (id: string): StudyNode | undefined => {
    const hit = byId.get(id);
    const hash = id.indexOf('#');
    if (hit || hash < 0) { return hit; }
    const topic = byId.get(id.slice(0, hash)); // topic ids never contain '#'
    if (topic?.kind !== 'topic') { return undefined; }
    void topic.concepts; // reads them, which registers their ids
    return byId.get(id);
  };
  return { title, items, topics, lineCount, references: env.references ?? {}, get };
}

/** Offset of the start of every line, plus one past the end (as if the text ended with a newline). */
interface TopicSource {
  lines(from: number, to: number): string;
  extract(topic: TopicNode): void;
}

/** A topic whose body and concepts are cut out of the document only when read. */
class TopicNode implements Topic {
  readonly kind = 'topic';
  private text: string | undefined;
  private list: Concept[] | undefined;

  constructor(
    readonly id: string, readonly title: string, readonly section: Section | undefined, readonly index: number,
    readonly range: LineRange, readonly bodyStartLine: number, private readonly source: TopicSource,
  ) {}

  get body(): string {
    return this.text ??= this.source.lines(this.bodyStartLine, this.range.end);
  }

  get concepts(): Concept[] {
    if (!this.list) {
      this.list = [];
      this.source.extract(this);
    }
    return this.list;
  }

  /** Whether the body has a bullet at all: enough for the tree to offer to expand the topic. */
  get mayHaveConcepts(): boolean {
    if (this.list) { return this.list.length > 0; }
    return !isQuestionTopic(this) && !QUESTIONS_HEADING.test(this.title) && /^ {0,3}[-*+][ \t]/m.test(this.body);
  }
}

function lineStarts(text: string): number[] {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) { starts.push(i + 1); }
  starts.push(text.length + 1);
  return starts;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
  }
  return lo;
}

function collectHeadings(tokens: Token[]): Heading[] {
  const out: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Only headings at the top level: one inside a blockquote or list belongs to its text.
    if (t.type !== 'heading_open' || t.level !== 0 || !t.map) { continue; }
    const inline = tokens[i + 1];
    const raw = inline && inline.type === 'inline' ? inline.content : '';
    out.push({ level: Number(t.tag.slice(1)), line: t.map[0], endLine: t.map[1], title: stripInlineMarkdown(raw) || 'Untitled' });
  }
  return out;
}

/** Start lines of top-level blocks that carry text (not rules or headings). */
function collectContentStarts(tokens: Token[]): number[] {
  const out: number[] = [];
  for (const t of tokens) {
    if (t.level === 0 && t.nesting !== -1 && t.map && t.type !== 'hr' && t.type !== 'heading_open') {
      out.push(t.map[0]);
    }
  }
  return out;
}

/**
 * A `#` is the document title when it occurs once, first, above other levels; the next two levels are sections and topics. Deeper headings are topic text.
 */
function chooseLevels(headings: Heading[]): { titleLevel?: number; sectionLevel?: number; topicLevel?: number } {
  const levels = [...new Set(headings.map(h => h.level))].sort((a, b) => a - b);
  if (levels.length === 0) { return {}; }
  const top = levels[0];
  // Only a `#` can be the title: a lone `##` over `###`s is a section with its topics.
  const isTitle = top === 1 && levels.length > 1 && headings[0].level === top && headings.filter(h => h.level === top).length === 1;
  const rest = isTitle ? levels.slice(1) : levels;
  return { titleLevel: isTitle ? top : undefined, sectionLevel: rest[0], topicLevel: rest[1] };
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

export { QUESTIONS_HEADING };

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
 * `Term: description` on the raw bullet text: the first colon followed by whitespace (or the
 * end) that is not escaped, in a code span or in a link's target or title, when the term
 * reads as at most 80 characters and is not a URL. The colon may sit inside the term's bold
 * (`**Term:** description`). A `Q:` or `A:` marker is no term.
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
      if (!term || term.length > MAX_LABEL || term.includes('://') || isQaMarker(raw.slice(0, i) + close, rest)) { return undefined; }
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

/**
 * Resolves the target of an in-document link (`#id`): a topic or concept id, or the slug of
 * a topic's own heading when only one topic has it.
 */
export function resolveLink(doc: StudyDocument, fragment: string): Topic | Concept | undefined {
  let target = fragment;
  try { target = decodeURIComponent(fragment); } catch { /* keep it raw */ }
  const hit = doc.get(target);
  if (hit && hit.kind !== 'section') { return hit; }
  if (hit && hit.kind === 'section') { return hit.topics[0]; }
  const slug = slugify(target);
  const matches = doc.topics.filter(t => slugify(t.title) === slug || t.id.endsWith('/' + slug));
  return matches.length === 1 ? matches[0] : undefined;
}
