// Full-text search over a document's topics (FlexSearch), with the snippet around the match.
// FlexSearch ranks by where a word stands in a field and stops at the limit, so a word found
// in every one of 10,000 topics costs no more than a rare one (see npm run bench).
import { Charset, Document } from 'flexsearch';
import type { Concept, StudyDocument, Topic } from './document';
import { inSlices } from '../util/slices';

export interface SearchHit {
  readonly topicId: string;
  readonly title: string;
  readonly section?: string;
  /** The concept whose text matched, so the topic can open scrolled to it. */
  readonly conceptId?: string;
  /** Text around the first match, on one line. */
  readonly snippet: string;
  readonly score: number;
  /** Found by the typo-tolerant fallback, not by the words as typed. */
  readonly approximate?: boolean;
}

type Indexed = { id: string; title: string; terms: string; all: string };
type Field = 'title' | 'terms' | 'all';

const SNIPPET_BEFORE = 50;
const SNIPPET_AFTER = 90;
/** A match in the title counts three times one anywhere, a concept's term twice. */
const WEIGHTS: Record<Field, number> = { title: 3, terms: 2, all: 1 };

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

/** The words of a query, lower-cased, as the index splits them. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export class TopicSearch {
  /**
   * Every word as a prefix ("generat" finds generators). FlexSearch wants all words of a query
   * in one field, so `all` holds title, terms and text together: that decides what matches,
   * the title and terms fields only rank. Case and accents folded; repeated letters and digits
   * kept, so that 500 is not 50 and 7777 not 7.
   */
  private readonly index = new Document<Indexed>({
    document: { id: 'id', index: (['title', 'terms', 'all'] as const).map(field => ({ field, tokenize: 'forward' as const })) },
    encoder: { ...Charset.Normalize, dedupe: false, numeric: false },
  });
  /** Titles and concept terms by how they sound, for when the words as typed find nothing ("genarator"). */
  private readonly similar = new Document<Indexed>({
    document: { id: 'id', index: (['title', 'terms'] as const).map(field => ({ field, tokenize: 'forward' as const })) },
    encoder: Charset.LatinExtra,
  });
  private readonly texts = new Map<string, string>();
  /** Texts with accents, folded once here rather than on every keystroke. */
  private readonly foldedTexts = new Map<string, string>();
  /** The words of each topic's title and terms, to check what the sound-alike index offers. */
  private readonly names = new Map<string, string[]>();

  /** With `fill` false the index starts empty, for `build`. */
  constructor(private readonly doc: StudyDocument, fill = true) {
    if (fill) { doc.topics.forEach(t => this.add(t)); }
  }

  /**
   * Indexes in slices of about `sliceMs`, letting other work run in between: on a 10,000-topic
   * document indexing takes seconds, and the extension host must not freeze meanwhile.
   * `cancelled` stops a build nobody waits for any more (it rejects with `Cancelled`).
   */
  static async build(doc: StudyDocument, sliceMs?: number, cancelled?: () => boolean): Promise<TopicSearch> {
    const search = new TopicSearch(doc, false);
    await inSlices(doc.topics, t => search.add(t), sliceMs, cancelled);
    return search;
  }

  private add(t: Topic): void {
    const text = plainText(t.body);
    this.texts.set(t.id, text);
    const folded = foldAccents(text);
    if (folded !== text) { this.foldedTexts.set(t.id, folded); } // only texts with accents
    const terms = allConcepts(t.concepts).map(c => c.term ?? '').join(' ');
    this.names.set(t.id, queryWords(`${t.title} ${terms}`));
    const entry = { id: t.id, title: t.title, terms, all: `${t.title}\n${terms}\n${text}` };
    this.index.add(entry);
    this.similar.add(entry);
  }

  search(query: string, limit = 40): SearchHit[] {
    const words = queryWords(query);
    if (!words.length) { return []; }
    let ranked = this.rank(this.index, query, limit);
    const approximate = ranked.length === 0;
    if (approximate) {
      // Sounding alike is loose ("qqqq" sounds like many words): keep topics where every word
      // of the query is a typo away from a word of the title or terms.
      ranked = this.rank(this.similar, query, limit).filter(({ id }) => words.every(w => nearWordStart(w, this.names.get(id) ?? [])));
    }
    return ranked.map(({ id, score }) => {
      const topic = this.doc.get(id) as Topic;
      const text = this.texts.get(topic.id) ?? '';
      const concept = approximate ? undefined : bestConcept(topic, words);
      return { topicId: topic.id, title: topic.title, section: topic.section?.title, conceptId: concept?.id, snippet: snippet(text, words, this.foldedTexts.get(topic.id) ?? text), score, approximate: approximate || undefined };
    });
  }

  /** Each field's best `limit` topics, scored by field weight and rank within the field. */
  private rank(index: Document<Indexed>, query: string, limit: number): Array<{ id: string; score: number }> {
    const scores = new Map<string, number>();
    for (const { field, result } of index.search(query, { limit })) {
      const weight = WEIGHTS[field as Field] ?? 1;
      result.forEach((id, rank) => scores.set(String(id), (scores.get(String(id)) ?? 0) + weight * (1 - rank / (limit + 1))));
    }
    return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}

/** The concept whose text holds the most query words (as word starts; none when no concept holds any). */
function bestConcept(topic: Topic, words: readonly string[]): Concept | undefined {
  const patterns = words.map(wordStart);
  let best: Concept | undefined;
  let most = 0;
  for (const c of allConcepts(topic.concepts)) {
    const text = foldAccents(`${c.term ?? ''} ${c.description}`);
    const n = patterns.filter(p => p.test(text)).length;
    if (n > most) { best = c; most = n; }
  }
  return best;
}

/**
 * Whether `word` is within a typo of the start of one of `candidates`: one edit for words of
 * 4 to 7 letters, two from 8; shorter words must match as typed.
 */
export function nearWordStart(word: string, candidates: readonly string[]): boolean {
  const edits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  return candidates.some(c => {
    for (let k = Math.max(1, word.length - edits); k <= Math.min(c.length, word.length + edits); k++) {
      if (editDistance(word, c.slice(0, k)) <= edits) { return true; }
    }
    return false;
  });
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Matches a word starting with `word` (accents folded), in any case; group 1 is what precedes it. */
function wordStart(word: string): RegExp {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${foldAccents(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu');
}

/**
 * Drops accents as the index does: "crème" (precomposed or as e + U+0300) is "creme". Text
 * without any non-ASCII character comes back as the same string.
 */
export function foldAccents(text: string): string {
  return /[\u0080-\uffff]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}

/** Where position `at` of `foldAccents(text)` is in `text`. */
function unfoldedIndex(text: string, at: number): number {
  if (!/[\u0080-\uffff]/.test(text)) { return at; }
  let folded = 0;
  let i = 0;
  while (i < text.length && folded < at) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    folded += foldAccents(ch).length;
    i += ch.length;
  }
  // Marks that follow the last base character belong to it.
  while (i < text.length && /\p{M}/u.test(text[i])) { i++; }
  return i;
}

function allConcepts(cs: readonly Concept[]): Concept[] {
  return cs.flatMap(c => [c, ...allConcepts(c.children)]);
}

/** The text around the earliest word that starts with one of `terms`, cut at word boundaries. */
export function snippet(text: string, terms: readonly string[], folded = foldAccents(text)): string {
  const foldedAt = terms.map(t => wordStart(t).exec(folded)).filter(m => m !== null).map(m => m.index + m[1].length).sort((a, b) => a - b)[0];
  const at = foldedAt === undefined ? undefined : unfoldedIndex(text, foldedAt);
  if (at === undefined) { return text.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER).trim() + (text.length > SNIPPET_BEFORE + SNIPPET_AFTER ? '…' : ''); }
  let start = Math.max(0, at - SNIPPET_BEFORE);
  let end = Math.min(text.length, at + SNIPPET_AFTER);
  if (start > 0) { const space = text.indexOf(' ', start); start = space >= 0 && space < at ? space + 1 : start; }
  if (end < text.length) { const space = text.lastIndexOf(' ', end); end = space > at ? space : end; }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
