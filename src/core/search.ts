// Full-text search over a document's topics (minisearch), with the snippet around the match.
import MiniSearch from 'minisearch';
import type { Concept, StudyDocument, Topic } from './document';

export interface SearchHit {
  readonly topicId: string;
  readonly title: string;
  readonly section?: string;
  /** The concept whose text matched, so the topic can open scrolled to it. */
  readonly conceptId?: string;
  /** Text around the first match, on one line. */
  readonly snippet: string;
  readonly score: number;
}

interface Indexed { id: string; title: string; terms: string; text: string }

const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 90;

/** The words a reader sees: markdown syntax, link targets and fences dropped, one space between words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,}).*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class TopicSearch {
  private readonly index: MiniSearch<Indexed>;
  private readonly texts = new Map<string, string>();

  constructor(private readonly doc: StudyDocument) {
    this.index = new MiniSearch<Indexed>({
      fields: ['title', 'terms', 'text'],
      storeFields: [],
      // Prefix matching for the word being typed, one typo allowed in words of 5+ letters: the
      // expensive kinds of match only where they help (see npm run bench).
      searchOptions: {
        boost: { title: 3, terms: 2 }, combineWith: 'AND', maxFuzzy: 1,
        prefix: (_term, i, terms) => i === terms.length - 1,
        fuzzy: term => (term.length >= 5 ? 0.2 : false),
      },
    });
    const docs = doc.topics.map(t => {
      const text = plainText(t.body);
      this.texts.set(t.id, text);
      return { id: t.id, title: t.title, terms: allConcepts(t.concepts).map(c => c.term ?? '').join(' '), text };
    });
    this.index.addAll(docs);
  }

  search(query: string, limit = 40): SearchHit[] {
    const q = query.trim();
    if (!q) { return []; }
    return this.index.search(q).slice(0, limit).map(r => {
      const topic = this.doc.get(String(r.id)) as Topic;
      const text = this.texts.get(topic.id) ?? '';
      const concept = bestConcept(topic, r.terms);
      return { topicId: topic.id, title: topic.title, section: topic.section?.title, conceptId: concept?.id, snippet: snippet(text, r.terms), score: r.score };
    });
  }
}

/** The concept whose text holds the most matched terms (none when no concept holds any). */
function bestConcept(topic: Topic, terms: readonly string[]): Concept | undefined {
  let best: Concept | undefined;
  let most = 0;
  for (const c of allConcepts(topic.concepts)) {
    const text = `${c.term ?? ''} ${c.description}`.toLowerCase();
    const n = terms.filter(t => new RegExp(`(^|[^\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(text)).length;
    if (n > most) { best = c; most = n; }
  }
  return best;
}

function allConcepts(cs: readonly Concept[]): Concept[] {
  return cs.flatMap(c => [c, ...allConcepts(c.children)]);
}

/** The text around the earliest matched term, cut at word boundaries. */
export function snippet(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const at = terms.map(t => lower.indexOf(t.toLowerCase())).filter(i => i >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) { return text.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER).trim() + (text.length > SNIPPET_BEFORE + SNIPPET_AFTER ? '…' : ''); }
  let start = Math.max(0, at - SNIPPET_BEFORE);
  let end = Math.min(text.length, at + SNIPPET_AFTER);
  if (start > 0) { const space = text.indexOf(' ', start); start = space >= 0 && space < at ? space + 1 : start; }
  if (end < text.length) { const space = text.lastIndexOf(' ', end); end = space > at ? space : end; }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
