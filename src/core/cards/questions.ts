// The question bank (content/questions/*.json): types, validation and grading.
import type { KeyPoint } from '../document/keyPoints';
import type { Grade } from '../schedule/scheduler';
import { isObject } from '../util/validate';

export interface Option {
  readonly text: string;
  readonly correct: boolean;
  /** One line: why this option is right or wrong. */
  readonly why: string;
}

interface Base {
  /** Stable within the bank; progress is keyed by it. */
  readonly id: string;
  /** Id of the guide topic the question belongs to. */
  readonly topic: string;
  readonly prompt: string;
  /** The prompt (and a choice's options) are markdown from the notes, not the bank's plain text. */
  readonly markdown?: boolean;
  /** Python shown with the question (required for "output"). */
  readonly code?: string;
  readonly explanation: string;
}

export type Question =
  | Base & { readonly kind: 'choice'; readonly select: 'one' | 'many'; readonly options: readonly Option[] }
  | Base & { readonly kind: 'truefalse'; readonly answer: boolean }
  | Base & { readonly kind: 'output'; readonly code: string; readonly output: string; readonly distractors: readonly string[] }
  | Base & { readonly kind: 'typed'; readonly accept: readonly string[] }
  | Base & { readonly kind: 'order'; readonly steps: readonly string[] }
  /**
   * An open question from the user's notes: `prompt` and `answer` are markdown; the reader rates
   * their own recall. `keyPoints` are what a typed answer is graded against (see document/keyPoints).
   */
  | Base & { readonly kind: 'recall'; readonly answer?: string; readonly keyPoints?: readonly KeyPoint[] };

export type QuestionKind = Question['kind'];
/** Kinds the JSON bank may hold; recall questions only come from notes. */
export const QUESTION_KINDS: readonly QuestionKind[] = ['choice', 'truefalse', 'output', 'typed', 'order'];

/**
 * What the user gave: option texts for choice/output/truefalse ("True"/"False"), the text typed,
 * steps in order, or for a recall question how well they remembered the answer.
 */
export type Answer =
  | { readonly kind: 'options'; readonly chosen: readonly string[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'order'; readonly steps: readonly string[] }
  | { readonly kind: 'self'; readonly rating: Grade; readonly coverage?: PointsCovered };

/** A typed answer's grade: key points covered out of all, kept with the review. */
export interface PointsCovered { readonly covered: number; readonly total: number }

/** Rating.Good in ts-fsrs; a number here so the bank does not load the scheduler at startup. */
export const SELF_RATED_RIGHT = 3;

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const MAX_TEXT = 2000;

const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * Checks one raw question. Returns the problems found (empty when it is valid); `topicExists`
 * decides whether its topic id names a topic of the guide.
 */
export function questionProblems(raw: unknown, topicExists: (id: string) => boolean): string[] {
  if (!isObject(raw)) { return ['not an object']; }
  const p: string[] = [];
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) { p.push(`id ${JSON.stringify(raw.id)} is not a lowercase slug`); }
  if (typeof raw.topic !== 'string' || !topicExists(raw.topic)) { p.push(`topic ${JSON.stringify(raw.topic)} is not a guide topic`); }
  if (!text(raw.prompt, 600)) { p.push('prompt missing or over 600 characters'); }
  if (!text(raw.explanation, 600)) { p.push('explanation missing or over 600 characters'); }
  if (raw.code !== undefined && !text(raw.code)) { p.push('code is empty'); }
  switch (raw.kind) {
    case 'choice': {
      const options = Array.isArray(raw.options) ? raw.options : [];
      if (options.length < 2 || options.length > 8) { p.push('a choice needs 2 to 8 options'); }
      const valid = options.filter((o): o is Option => isObject(o) && text(o.text, 300) && typeof o.correct === 'boolean' && text(o.why, 400));
      if (valid.length !== options.length) { p.push('every option needs text, correct (true/false) and why'); }
      const right = valid.filter(o => o.correct).length;
      if (raw.select === 'one' && right !== 1) { p.push(`select "one" but ${right} options are right`); }
      if (raw.select === 'many' && (right < 2 || right === valid.length)) { p.push(`select "many" needs at least 2 right and 1 wrong option, has ${right} right`); }
      if (raw.select !== 'one' && raw.select !== 'many') { p.push('select must be "one" or "many"'); }
      if (new Set(valid.map(o => normalize(o.text))).size !== valid.length) { p.push('two options have the same text'); }
      break;
    }
    case 'truefalse':
      if (typeof raw.answer !== 'boolean') { p.push('answer must be true or false'); }
      break;
    case 'output': {
      if (!text(raw.code)) { p.push('an output question needs code'); }
      if (typeof raw.output !== 'string') { p.push('output must be a string'); }
      const d = Array.isArray(raw.distractors) ? raw.distractors : [];
      if (d.length < 2 || !d.every(x => typeof x === 'string' && x.length <= 300)) { p.push('an output question needs 2 or more distractors'); }
      if (typeof raw.output === 'string' && d.some(x => x === raw.output)) { p.push('a distractor equals the output'); }
      if (new Set(d).size !== d.length) { p.push('two distractors are the same'); }
      break;
    }
    case 'typed': {
      const a = Array.isArray(raw.accept) ? raw.accept : [];
      if (!a.length || !a.every(x => text(x, 200))) { p.push('accept needs at least one answer'); }
      break;
    }
    case 'order': {
      const s = Array.isArray(raw.steps) ? raw.steps : [];
      if (s.length < 3 || s.length > 8 || !s.every(x => text(x, 200))) { p.push('order needs 3 to 8 steps'); }
      if (new Set(s).size !== s.length) { p.push('two steps are the same'); }
      break;
    }
    default:
      p.push(`kind must be one of ${QUESTION_KINDS.join(', ')}`);
  }
  return p;
}

export interface Bank {
  readonly questions: readonly Question[];
  /** "file: question id: problem" lines for everything left out. */
  readonly problems: readonly string[];
}

/** Validates bank files; invalid or duplicate questions are left out and reported. */
export function loadBank(files: ReadonlyArray<{ name: string; json: unknown }>, topicExists: (id: string) => boolean): Bank {
  const questions: Question[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name, json } of files) {
    if (!Array.isArray(json)) { problems.push(`${name}: not a JSON array of questions`); continue; }
    json.forEach((raw, i) => {
      const label = isObject(raw) && typeof raw.id === 'string' ? raw.id : `#${i + 1}`;
      const found = questionProblems(raw, topicExists);
      if (isObject(raw) && typeof raw.id === 'string' && seen.has(raw.id)) { found.push('duplicate id'); }
      if (found.length) {
        problems.push(...found.map(f => `${name}: ${label}: ${f}`));
        return;
      }
      seen.add(label);
      questions.push(raw as unknown as Question);
    });
  }
  return { questions, problems };
}

/** Case, surrounding whitespace, runs of spaces, code backticks and final punctuation do not matter. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/`/g, '').replace(/\s+/g, ' ').trim().replace(/[.!;,]+$/, '').trim();
}

/**
 * A typed answer as it is compared: `normalize`, and also what never changes the meaning of a
 * short answer: quotes, a trailing colon, the articles a/an/the before a word, "HTTP" before a
 * status code, and spaces after commas or inside brackets and around "=". `"a tuple"` equals
 * `tuple`, `apps.get_model( 'blog','Article' )` equals `apps.get_model("blog", "Article")`.
 */
export function normalizeTyped(s: string): string {
  return normalize(s)
    .replace(/["'\u2018\u2019\u201c\u201d]/g, '')
    .replace(/(^| )(?:a|an|the) (?=[a-z_])/g, '$1')
    .replace(/^http (\d{3})\b/, '$1')
    .replace(/\s*([,=([\]{}])\s*/g, '$1')
    .replace(/\s+([)\]}])/g, '$1')
    .replace(/[.!;,:]+$/, '')
    .trim();
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and swaps of two neighbours), stopping early once it is certainly above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) { return max + 1; }
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { d = Math.min(d, prev2[j - 2] + 1); }
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) { return max + 1; }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Shortest accepted answer (normalized) for which a one-character slip still counts as "almost". */
export const NEAR_MISS_MIN_LENGTH = 5;

/**
 * For a typed question answered wrongly: the accepted answer the text misses by one edit (a typo,
 * a missing or extra letter, two letters swapped), or undefined. Short answers and answers with
 * digits (status codes, counts, versions) never count, because there one character is the answer.
 */
export function nearMiss(q: Question, a: Answer): string | undefined {
  if (q.kind !== 'typed' || a.kind !== 'text' || isCorrect(q, a)) { return undefined; }
  const given = normalizeTyped(a.text);
  return q.accept.find(x => {
    const want = normalizeTyped(x);
    return want.length >= NEAR_MISS_MIN_LENGTH && !/\d/.test(want) && editDistance(given, want, 1) === 1;
  });
}

export function rightOptions(q: Question): string[] {
  switch (q.kind) {
    case 'choice': return q.options.filter(o => o.correct).map(o => o.text);
    case 'truefalse': return [q.answer ? 'True' : 'False'];
    case 'output': return [q.output];
    case 'typed': return [q.accept[0]];
    case 'order': return [...q.steps];
    case 'recall': return q.answer !== undefined ? [q.answer] : [];
  }
}

export function isCorrect(q: Question, a: Answer): boolean {
  switch (q.kind) {
    case 'choice':
    case 'truefalse':
    case 'output': {
      if (a.kind !== 'options') { return false; }
      const want = new Set(rightOptions(q));
      return a.chosen.length === want.size && a.chosen.every(c => want.has(c));
    }
    case 'typed':
      return a.kind === 'text' && q.accept.some(x => normalizeTyped(x) === normalizeTyped(a.text));
    case 'order':
      return a.kind === 'order' && a.steps.length === q.steps.length && a.steps.every((s, i) => s === q.steps[i]);
    case 'recall':
      // Good or Easy: the reader could give the answer.
      return a.kind === 'self' && a.rating >= SELF_RATED_RIGHT;
  }
}
