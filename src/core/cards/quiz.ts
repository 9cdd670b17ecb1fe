// The quiz engine: which cards a quiz asks, in what order, how an answer is rated, the summary.
import { CardSource, isOpenQuestion, shuffle } from './conceptCards';
import { Answer, isCorrect, nearMiss, PointsCovered, Question, rightOptions } from './questions';
import { Grade, lastReviewTime, Rating, reviewCount, SavedCard, Scheduler } from '../schedule/scheduler';

export type Scope =
  | { readonly kind: 'due' }
  | { readonly kind: 'all' }
  | { readonly kind: 'section'; readonly topics: readonly string[] }
  | { readonly kind: 'topic'; readonly topic: string }
  | { readonly kind: 'weakest' }
  /** Only open questions from the notes (recall cards). */
  | { readonly kind: 'open' };

/** Topics the "weakest" scope draws from, and the recall under which a topic counts as weak. */
const WEAKEST_TOPICS = 3;
const WEAK_RECALL = 0.9;

export interface Selection {
  readonly deck: readonly CardSource[];
  readonly cards: Readonly<Record<string, SavedCard>>;
  readonly scheduler: Scheduler;
  readonly now: Date;
  readonly random: () => number;
  /** How many never-reviewed cards the quiz may still introduce today; undefined for no limit. */
  readonly newCardsLeft?: number;
}

/** Per topic: mean recall of its reviewed cards (undefined when none is reviewed yet). */
export function topicRecall(s: Omit<Selection, 'random'>): Map<string, { recall?: number; due: number; reviewed: number; total: number }> {
  const out = new Map<string, { sum: number; due: number; reviewed: number; total: number }>();
  for (const c of s.deck) {
    const e = out.get(c.topic) ?? { sum: 0, due: 0, reviewed: 0, total: 0 };
    e.total++;
    const saved = s.cards[c.id];
    if (saved) {
      e.reviewed++;
      e.sum += s.scheduler.status(saved, s.now).recall;
      if (s.scheduler.isDue(saved, s.now)) { e.due++; }
    }
    out.set(c.topic, e);
  }
  return new Map([...out].map(([k, e]) => [k, { recall: e.reviewed ? e.sum / e.reviewed : undefined, due: e.due, reviewed: e.reviewed, total: e.total }]));
}

/**
 * Quizzed topics recalled worst: those under 90% recall, at most three; when none is under it,
 * the three lowest. Topics never quizzed are unknown, not weak.
 */
export function weakestTopics(s: Omit<Selection, 'random'>): string[] {
  const ranked = [...topicRecall(s)].filter(([, r]) => r.recall !== undefined).sort(([, a], [, b]) => a.recall! - b.recall!);
  const weak = ranked.filter(([, r]) => r.recall! < WEAK_RECALL);
  return (weak.length ? weak : ranked).slice(0, WEAKEST_TOPICS).map(([topic]) => topic);
}

export function dueCards(s: Omit<Selection, 'random'>): CardSource[] {
  return s.deck.filter(c => s.cards[c.id] && s.scheduler.isDue(s.cards[c.id], s.now))
    .sort((a, b) => s.cards[a.id][0] - s.cards[b.id][0]);
}

/**
 * The cards of a quiz, best first: due cards (most overdue first), then new ones, then the rest
 * by lowest recall. "due" asks only due cards; "weakest" the cards of the topics recalled worst
 * (see weakestTopics); "open" only recall cards.
 */
export function selectCards(scope: Scope, length: number, s: Selection): CardSource[] {
  return selectLimited(scope, length, s).cards;
}

/**
 * `selectCards`, and how many never-reviewed cards of the scope were held back by
 * `newCardsLeft` (cards reviewed before, due or not, are never held back).
 */
export function selectLimited(scope: Scope, length: number, s: Selection): { cards: CardSource[]; heldBack: number } {
  if (scope.kind === 'due') { return { cards: dueCards(s).slice(0, length), heldBack: 0 }; }
  let pool: readonly CardSource[] = s.deck;
  if (scope.kind === 'topic') { pool = pool.filter(c => c.topic === scope.topic); }
  if (scope.kind === 'section') {
    const topics = new Set(scope.topics);
    pool = pool.filter(c => topics.has(c.topic));
  }
  if (scope.kind === 'weakest') {
    const weak = new Set(weakestTopics(s));
    pool = pool.filter(c => weak.has(c.topic));
  }
  if (scope.kind === 'open') { pool = pool.filter(isOpenQuestion); }
  const due: CardSource[] = [];
  const fresh: CardSource[] = [];
  const rest: CardSource[] = [];
  for (const c of shuffle([...pool], s.random)) {
    const saved = s.cards[c.id];
    (!saved ? fresh : s.scheduler.isDue(saved, s.now) ? due : rest).push(c);
  }
  due.sort((a, b) => s.cards[a.id][0] - s.cards[b.id][0]);
  const recallOf = (c: CardSource) => s.scheduler.status(s.cards[c.id], s.now).recall;
  rest.sort((a, b) => recallOf(a) - recallOf(b));
  const allowed = fresh.slice(0, Math.max(0, s.newCardsLeft ?? Infinity));
  return { cards: [...due, ...allowed, ...rest].slice(0, length), heldBack: fresh.length - allowed.length };
}

const startOfDay = (now: Date) => new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();

/**
 * Cards introduced today (local time): their first review is today, so they have one review,
 * made today. (A new card rated twice on its first day counts as seen before: FSRS keeps no
 * date of the first review, and with no short-term steps a card is not due twice in a day.)
 */
export function newCardsToday(cards: Readonly<Record<string, SavedCard>>, now: Date): number {
  const from = startOfDay(now);
  return Object.values(cards).filter(c => reviewCount(c) === 1 && lastReviewTime(c) >= from).length;
}

/** New cards a quiz may still introduce today with `perDay` a day (0: no limit, undefined). */
export function newCardsLeft(perDay: number, cards: Readonly<Record<string, SavedCard>>, now: Date): number | undefined {
  return perDay > 0 ? Math.max(0, perDay - newCardsToday(cards, now)) : undefined;
}

/** The choices shown for a question, in the order shown. Typed questions have none. */
export function choicesFor(q: Question, random: () => number): string[] {
  switch (q.kind) {
    case 'choice': return shuffle(q.options.map(o => o.text), random);
    case 'truefalse': return ['True', 'False'];
    case 'output': return shuffle([q.output, ...q.distractors], random);
    case 'order': return shuffle([...q.steps], random);
    case 'typed': return [];
    case 'recall': return [];
  }
}

/** The four self-ratings a recall card offers, in the order shown; the rating goes to FSRS as is. */
export const RECALL_RATINGS: ReadonlyArray<{ readonly rating: Grade; readonly label: string; readonly hint: string }> = [
  { rating: Rating.Again, label: 'Again', hint: 'could not answer' },
  { rating: Rating.Hard, label: 'Hard', hint: 'answered with effort or gaps' },
  { rating: Rating.Good, label: 'Good', hint: 'answered' },
  { rating: Rating.Easy, label: 'Easy', hint: 'answered at once' },
];

/** Time after which a right answer counts as slow (Hard rather than Good). */
export function quickLimitMs(q: Question): number {
  const words = (s: string) => s.split(/\s+/).length;
  const options = q.kind === 'choice' ? q.options.reduce((n, o) => n + words(o.text), 0)
    : q.kind === 'order' ? q.steps.reduce((n, s) => n + words(s), 0) : 0;
  const codeLines = q.code ? q.code.split('\n').length : 0;
  return 10_000 + 250 * (words(q.prompt) + options) + 1_500 * codeLines + (q.kind === 'order' ? 10_000 : 0);
}

export interface Outcome {
  readonly correct: boolean;
  /** Easy only for a self-rated recall card; other kinds become Easy through `next(true)`. */
  readonly rating: Grade;
  readonly right: readonly string[];
  readonly explanation: string;
  /**
   * A typed answer one slip away from an accepted one: the accepted answer meant. The answer
   * counts as right, rated Hard.
   */
  readonly almost?: string;
}

export function rate(q: Question, answer: Answer, elapsedMs: number): Outcome {
  const correct = isCorrect(q, answer);
  if (q.kind === 'recall') {
    // Self-rated: the reader's own rating is the review, whatever the time taken.
    const rating = answer.kind === 'self' ? answer.rating : Rating.Again;
    return { correct, rating, right: rightOptions(q), explanation: q.explanation };
  }
  const almost = correct ? undefined : nearMiss(q, answer);
  if (almost !== undefined) {
    return { correct: true, rating: Rating.Hard, right: rightOptions(q), explanation: q.explanation, almost };
  }
  const rating = !correct ? Rating.Again : elapsedMs <= quickLimitMs(q) ? Rating.Good : Rating.Hard;
  return { correct, rating, right: rightOptions(q), explanation: q.explanation };
}

export interface Review {
  readonly cardId: string; readonly topic: string; readonly rating: Grade; readonly at: Date;
  /** From the question shown to the answer (for a recall card, to the self-rating), ms. */
  readonly answerMs?: number;
  /** A typed recall answer's key points covered. */
  readonly coverage?: PointsCovered;
}

export interface Summary {
  readonly asked: number;
  readonly answered: number;
  readonly right: number;
  readonly skipped: number;
  readonly ms: number;
  /** Topics with a wrong answer, in the order they came up. */
  readonly revisit: readonly string[];
}

/**
 * One quiz in progress. Answers are reviewed when the user moves on (they may still mark a
 * right answer Easy), or when the quiz stops: nothing answered is lost.
 */
export class QuizSession {
  private index = 0;
  private pending: Review | undefined;
  private pendingAlmost = false;
  private readonly started: number;
  private readonly results: Array<'right' | 'wrong' | 'skipped'> = [];
  private readonly revisit: string[] = [];
  private finished = false;

  constructor(
    readonly items: ReadonlyArray<{ readonly card: CardSource; readonly question: Question }>,
    private readonly clock: () => Date,
    private readonly onReview: (r: Review) => void,
  ) {
    this.started = clock().getTime();
  }

  get position(): number { return this.index; }
  get done(): boolean { return this.finished || this.index >= this.items.length; }
  current() { return this.done ? undefined : this.items[this.index]; }

  answer(answer: Answer, elapsedMs: number): Outcome {
    const item = this.current();
    if (!item || this.pending) { throw new Error('no question waiting for an answer'); }
    const outcome = rate(item.question, answer, elapsedMs);
    this.results.push(outcome.correct ? 'right' : 'wrong');
    if (!outcome.correct && !this.revisit.includes(item.card.topic)) { this.revisit.push(item.card.topic); }
    const coverage = answer.kind === 'self' ? answer.coverage : undefined;
    this.pending = { cardId: item.card.id, topic: item.card.topic, rating: outcome.rating, at: this.clock(), answerMs: elapsedMs, ...(coverage ? { coverage } : {}) };
    this.pendingAlmost = outcome.almost !== undefined;
    return outcome;
  }

  /** Moves on; `easy` upgrades a right answer the user found trivial. */
  next(easy = false): void {
    if (this.pending) {
      const r = this.pending;
      this.pending = undefined;
      // A near miss stays Hard: it was not trivial, whatever the user says.
      this.onReview(easy && r.rating !== Rating.Again && !this.pendingAlmost ? { ...r, rating: Rating.Easy } : r);
      this.index++;
    }
  }

  skip(): void {
    if (this.pending || this.done) { return; }
    this.results.push('skipped');
    this.index++;
  }

  stop(): Summary {
    this.next();
    this.finished = true;
    return this.summary();
  }

  summary(): Summary {
    const count = (k: string) => this.results.filter(r => r === k).length;
    return {
      asked: this.items.length,
      answered: count('right') + count('wrong'),
      right: count('right'),
      skipped: count('skipped'),
      ms: this.clock().getTime() - this.started,
      revisit: [...this.revisit],
    };
  }
}
