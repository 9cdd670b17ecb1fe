// The offline grader: which key points a typed answer covers. A hint, not a verdict: it matches
// words (stems, synonyms, identifiers, small typos) and the reach of a "not" within a clause; it
// does not follow reasoning, so a wrong argument built from the right words still scores.
//
// A point is covered when one sentence of the answer, or two next to each other, holds
//  - at least 60% of the point's own content words (all of them when it has one or two), or
//  - every content word of one of its `also:` alternatives,
// each with the same polarity as in the point: "select_related does not use a JOIN" does not
// cover "select_related uses a JOIN".
import { distance } from 'fastest-levenshtein';
import { stripInlineMarkdown } from '../util/text';
import type { KeyPoint } from '../document/keyPoints';
import { SYNONYM_GROUPS } from './synonyms';
import { stemOf, Token, tokenize } from './tokens';

export interface PointResult {
  readonly text: string;
  readonly covered: boolean;
}

export interface Coverage {
  readonly points: readonly PointResult[];
  readonly covered: number;
  readonly total: number;
  /** Character ranges of the answer that matched a covered point, sorted, not overlapping. */
  readonly spans: ReadonlyArray<readonly [number, number]>;
}

/** The rating the coverage suggests: Good with every point, Hard with half or more, else Again. */
export function suggestedRating(c: Pick<Coverage, 'covered' | 'total'>): 1 | 2 | 3 {
  if (c.total === 0) { return 3; }
  const share = c.covered / c.total;
  return share >= 1 ? 3 : share >= 0.5 ? 2 : 1;
}

/** "3 of 5 key points". */
export function coverageLabel(c: Pick<Coverage, 'covered' | 'total'>): string {
  return `${c.covered} of ${c.total} key point${c.total === 1 ? '' : 's'}`;
}

const SHARE = 0.6;
const WINDOW = 2;

const synonymOf = new Map<string, number>();
SYNONYM_GROUPS.forEach((group, i) => { for (const w of group) { synonymOf.set(stemOf(w), i); } });

interface Term { readonly stem: string; readonly key: string; readonly word: string; readonly code: boolean; readonly surface: string; readonly negated: boolean }

/** A prepared answer: its tokens indexed for the terms of many points. */
class Answer {
  readonly tokens: Token[];
  private readonly byStem = new Map<string, number[]>();
  private readonly byGroup = new Map<number, number[]>();
  /** Keys of two and three adjacent words joined ("roll back" -> rollback, "on commit" -> oncommit). */
  private readonly joined2 = new Map<string, number[]>();
  private readonly joined3 = new Map<string, number[]>();
  private readonly words: Array<{ word: string; stem: string; at: number[] }> = [];
  private readonly codeWords: Array<{ word: string; stem: string; at: number[] }> = [];

  constructor(text: string) {
    this.tokens = tokenize(text);
    const t = this.tokens;
    const seen = new Map<string, number>();
    for (let i = 0; i < t.length; i++) {
      push(this.byStem, t[i].stem, i);
      if (t[i].key !== t[i].stem) { push(this.byStem, t[i].key, i); }
      const g = synonymOf.get(t[i].stem);
      if (g !== undefined) { push(this.byGroup, g, i); }
      if (i + 1 < t.length && t[i + 1].sentence === t[i].sentence) {
        push(this.joined2, t[i].key + t[i + 1].key, i);
        if (!t[i].code && !t[i + 1].code) { push(this.joined2, t[i].stem + t[i + 1].stem, i); } // "rolls back" -> rollback
        if (i + 2 < t.length && t[i + 2].sentence === t[i].sentence) { push(this.joined3, t[i].key + t[i + 1].key + t[i + 2].key, i); }
      }
      if (!t[i].stop && t[i].word.length >= 4) {
        const list = t[i].code ? this.codeWords : this.words;
        const k = `${t[i].code ? 'c' : 'w'}${t[i].word}`;
        const at = seen.get(k);
        if (at === undefined) { seen.set(k, list.length); list.push({ word: t[i].word, stem: t[i].stem, at: [i] }); } else { list[at].at.push(i); }
      }
    }
  }

  /** Indexes of the tokens that show `term`, with its polarity. */
  find(term: Term): number[] {
    const hits = new Set<number>();
    const t = this.tokens;
    if (term.code && term.key.length === 1) {
      // `F`, `Q`: a single letter is a name only as written, never the word "a" or "f" in prose.
      for (const i of this.byStem.get(term.key) ?? []) { if (t[i].surface === term.surface) { hits.add(i); } }
    } else {
      for (const i of this.byStem.get(term.stem) ?? []) { hits.add(i); }
      for (const i of this.byStem.get(term.key) ?? []) { hits.add(i); }
      for (const i of this.joined2.get(term.key) ?? []) { hits.add(i); hits.add(i + 1); }
      for (const i of this.joined3.get(term.key) ?? []) { hits.add(i); hits.add(i + 1); hits.add(i + 2); }
      const g = term.code ? undefined : synonymOf.get(term.stem);
      if (g !== undefined) { for (const i of this.byGroup.get(g) ?? []) { hits.add(i); } }
      // Typos: one slip (a letter wrong, missing, extra, or two swapped) from four letters, two from nine.
      if (!hits.size && term.word.length >= (term.code ? 8 : 4)) {
        const allowed = term.word.length >= 9 ? 2 : term.word.length >= 5 ? 1 : 0;
        for (const w of term.code ? this.codeWords : this.words) {
          if (Math.abs(w.word.length - term.word.length) > Math.max(allowed, 1) || (w.word[0] !== term.word[0] && w.word[1] !== term.word[1])) { continue; }
          if (distance(w.word, term.word) <= allowed || swapped(w.word, term.word)) {
            for (const i of w.at) { hits.add(i); }
          }
        }
      }
    }
    return [...hits].filter(i => t[i].negated === term.negated);
  }
}

/** The same letters with one pair of neighbours swapped: "qeury", "yeild". */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) { return false; }
  let i = 0;
  while (i < a.length && a[i] === b[i]) { i++; }
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) { list.push(i); } else { map.set(key, [i]); }
}

function termsOf(text: string): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const t of tokenize(stripInlineMarkdown(text))) {
    if (t.stop || seen.has(t.stem)) { continue; }
    seen.add(t.stem);
    terms.push({ stem: t.stem, key: t.key, word: t.word, code: t.code, surface: t.surface, negated: t.negated });
  }
  return terms;
}

/** A point's ways of being shown: its own words (60% needed) and each alternative (all needed). */
interface Matcher { readonly terms: readonly Term[]; readonly need: number; readonly phrase?: RegExp }

function phraseOf(text: string): RegExp {
  const words = stripInlineMarkdown(text).toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

const matcherCache = new Map<string, Matcher[]>();
function matchersOf(point: KeyPoint): Matcher[] {
  const cacheKey = `${point.text}\u0000${point.also.join('\u0000')}`;
  let ms = matcherCache.get(cacheKey);
  if (!ms) {
    const own = termsOf(point.text);
    ms = [{ terms: own, need: own.length <= 2 ? own.length : Math.max(2, Math.ceil(own.length * SHARE)) }];
    for (const alt of point.also) {
      const terms = termsOf(alt);
      // "all or nothing", "at least once": only function words, so they are matched as written.
      ms.push(terms.length ? { terms, need: terms.length } : { terms: [], need: 0, phrase: phraseOf(alt) });
    }
    ms = ms.filter(m => m.need > 0 || m.phrase);
    if (matcherCache.size > 5000) { matcherCache.clear(); }
    matcherCache.set(cacheKey, ms);
  }
  return ms;
}

/** Which of `points` the typed `answer` covers, and the words that showed them. */
export function gradeAnswer(answer: string, points: readonly KeyPoint[]): Coverage {
  const a = new Answer(answer);
  const spans: Array<[number, number]> = [];
  const results = points.map(point => {
    for (const m of matchersOf(point)) {
      if (m.phrase) {
        const hit = m.phrase.exec(answer);
        if (hit) { spans.push([hit.index, hit.index + hit[0].length]); return { text: point.text, covered: true }; }
        continue;
      }
      const shown = bestWindow(a, m);
      if (shown) {
        for (const i of shown) { spans.push([a.tokens[i].start, a.tokens[i].end]); }
        return { text: point.text, covered: true };
      }
    }
    return { text: point.text, covered: false };
  });
  return { points: results, covered: results.filter(r => r.covered).length, total: results.length, spans: merge(spans) };
}

/** The tokens that show the matcher in the best window of sentences, or undefined when it falls short. */
function bestWindow(a: Answer, m: Matcher): number[] | undefined {
  const found = m.terms.map(t => a.find(t));
  const enough = (hit: number[][]) => hit.filter(f => f.length).length >= m.need;
  if (!enough(found)) { return undefined; }
  const sentences = new Set<number>();
  for (const f of found) { for (const i of f) { sentences.add(a.tokens[i].sentence); } }
  for (const s of sentences) {
    const inWindow = found.map(f => f.filter(i => a.tokens[i].sentence >= s && a.tokens[i].sentence < s + WINDOW));
    if (enough(inWindow)) { return inWindow.flat(); }
  }
  return undefined;
}

function merge(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) { last[1] = Math.max(last[1], s[1]); } else { out.push([s[0], s[1]]); }
  }
  return out;
}

