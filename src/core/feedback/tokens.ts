// Turns an answer (or a key point) into the tokens the grader compares: words stemmed by the
// Porter2 stemmer, code identifiers kept whole, each with its sentence and whether a negation
// governs it. Tokenizing and stemming are wink's (wink-tokenizer, wink-porter2-stemmer); what is
// ours is only what they do not know: identifiers, sentences and the reach of a "not".
import stemmer from 'wink-porter2-stemmer';
import winkTokenizer from 'wink-tokenizer';

export interface Token {
  /** Lowercase surface form (an identifier without its `()`). */
  readonly word: string;
  /** Porter2 stem of `word`; an identifier's stem is its `key`. */
  readonly stem: string;
  /** Letters and digits only: `on_commit`, `onCommit` and "on commit" joined all give `oncommit`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** An identifier (`select_related`, `F()`, `Model.objects`, `QuerySet`) rather than a word. */
  readonly code: boolean;
  /** A negation governs it: a verb's ("not", "n't", "never") anywhere in its clause, or "no"/"without" before it. */
  readonly negated: boolean;
  readonly sentence: number;
  /** A function word ("the", "is", "of"): never a term to look for. */
  readonly stop: boolean;
  /** A one-letter identifier as written (`F`, `Q`): matched only with the same case. */
  readonly surface: string;
}

/**
 * The negations of a verb ("doesn't", "won't", "never"), apostrophes dropped: they deny their whole
 * clause, its subject too, as in "select_for_update won't help".
 */
const VERB_NEGATIONS = new Set(['not', 'nt', 'never', 'cannot', 'dont', 'doesnt', 'isnt', 'arent', 'cant', 'wont', 'didnt', 'shouldnt', 'wasnt', 'werent', 'hasnt', 'havent', 'mustnt', 'couldnt', 'wouldnt']);
/** Negations that deny only what follows them in the clause ("no copy", "update it without reading it"). */
const FORWARD_NEGATIONS = new Set(['no', 'neither', 'nor', 'none', 'nothing', 'nobody', 'without']);
/** Words that open a new clause: a negation before them does not reach past them. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'unlike', 'so', 'because', 'which', 'that',
  'then', 'since', 'when', 'if', 'until', 'unless', 'after', 'before', 'otherwise']);
const CLAUSE_MARKS = /^[,;:.!?()[\]{}—–"“”]$/;

export const STOP_WORDS = new Set(`a an the and or of to in on at by for from with as into onto over under about than then
is are was were be been being am do does did doing has have had having can could will would shall should may might must
it its it's this that these those there here they them their theirs you your yours we our ours i me my he she his her him
what which who whom whose when where why how if else so such very just also only even too more most less least much
some any each every all both either other another own same s t don
via per etc e.g i.e like one's up down out off again further once`.split(/\s+/));

const tokenizer = winkTokenizer();

// Identifiers: dotted paths, names with an underscore, calls, and CamelCase words.
const IDENTIFIER = /(?<![\w.])(?:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?|\w*_\w+(?:\(\))?|[A-Za-z_]\w*\(\)|[A-Z]+[a-z]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*)(?![\w])/g;
// Where a sentence ends: end punctuation before a space, a blank line, a new list item.
const SENTENCE_BREAK = /[.!?;](?=\s|$)|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/g;

export function keyOf(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const stemCache = new Map<string, string>();
export function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 50_000) { stemCache.clear(); }
    stemCache.set(word, s);
  }
  return s;
}

interface Raw { word: string; surface: string; start: number; end: number; code: boolean; mark: boolean }

/** The tokens of `text`, in order. */
export function tokenize(text: string): Token[] {
  const raw: Raw[] = [];
  // Identifiers first, then blanked out so the word tokenizer does not split them at `_` and `.`.
  let masked = text;
  if (/[_.(A-Z]/.test(text)) {
    masked = text.replace(IDENTIFIER, (m, offset: number) => {
      const name = m.replace(/\(\)$/, '');
      let at = offset;
      for (const part of name.split('.')) {
        if (part) { raw.push({ word: part.toLowerCase(), surface: part, start: at, end: at + part.length, code: true, mark: false }); }
        at += part.length + 1;
      }
      return ' '.repeat(m.length);
    });
  }
  let cursor = 0;
  for (const t of tokenizer.tokenize(masked)) {
    const at = masked.indexOf(t.value, cursor);
    const start = at < 0 ? cursor : at;
    cursor = at < 0 ? cursor : at + t.value.length;
    if (t.tag === 'punctuation' || t.tag === 'symbol') {
      if (CLAUSE_MARKS.test(t.value)) { raw.push({ word: t.value, surface: t.value, start, end: cursor, code: false, mark: true }); }
      continue;
    }
    if (t.tag !== 'word' && t.tag !== 'number' && t.tag !== 'alien' && t.tag !== 'hashtag') { continue; }
    const word = t.value.toLowerCase().replace(/[’‘]/g, "'");
    // A lone one-letter capital outside code (`F` in "F expressions") still reads as a name.
    const code = t.value.length === 1 && /[A-Z]/.test(t.value) && word !== 'a' && word !== 'i';
    raw.push({ word, surface: t.value, start, end: cursor, code, mark: false });
  }
  raw.sort((a, b) => a.start - b.start);

  const breaks: number[] = [];
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) { breaks.push(m.index); }

  const out: Token[] = [];
  const clauseOf: number[] = [];
  const deniedClauses = new Set<number>();
  let sentence = 0;
  let clause = 0;
  let b = 0;
  let forward = false;
  for (const r of raw) {
    while (b < breaks.length && breaks[b] < r.start) { b++; sentence++; clause++; forward = false; }
    if (r.mark) { clause++; forward = false; continue; }
    if (!r.code && CLAUSE_WORDS.has(r.word)) { clause++; forward = false; }
    const word = r.word;
    const verbNegation = !r.code && VERB_NEGATIONS.has(word.replace(/'/g, ''));
    const negation = verbNegation || (!r.code && FORWARD_NEGATIONS.has(word));
    if (verbNegation) { deniedClauses.add(clause); }
    out.push({
      word, surface: r.surface, stem: r.code ? keyOf(word) : stemOf(word), key: keyOf(word), start: r.start, end: r.end, code: r.code,
      negated: forward && !negation, sentence, stop: !r.code && (STOP_WORDS.has(word) || negation || !keyOf(word)),
    });
    clauseOf.push(clause);
    if (negation) { forward = true; }
  }
  // A denial reaches its whole clause, before and after the "not".
  return deniedClauses.size ? out.map((t, i) => deniedClauses.has(clauseOf[i]) && !t.stop ? { ...t, negated: true } : t) : out;
}
