// Markdown study document -> sections -> topics -> concepts. No VS Code API here.
import MarkdownIt from 'markdown-it';
import { BlockSlicer } from './blockSlices';
import { readConcepts } from './concepts';
import type { Concept, Heading, LineRange, Section, StudyDocument, StudyNode, Topic } from './model';
import { isQuestionTopic, QUESTIONS_HEADING } from './questionText';
import { IdAllocator, normalizeNewlines, slugify, stripInlineMarkdown } from '../util/text';

export type { Concept, LineRange, Section, StudyDocument, StudyNode, Topic } from './model';
export { QUESTIONS_HEADING };

type Token = MarkdownIt.Token;

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
      readConcepts(topic, tokens, collectHeadings(tokens), byId);
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
