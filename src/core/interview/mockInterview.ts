// A mock interview: open questions against the clock. Which question comes next (weak and
// unseen topics first, spread across sections, a follow-up on the same topic after a good
// answer), the session and per-question clocks with pauses, and what was answered. The clock
// and the randomness are injected, so a test replays a session exactly. No VS Code here.
import { CardSource, isOpenQuestion } from '../cards/conceptCards';
import type { StudyDocument } from '../document/document';
import { sectionTitle } from '../document/sections';
import { gradeAnswer } from '../feedback/grader';
import type { KeyPoint } from '../document/keyPoints';
import type { Question } from '../cards/questions';
import type { Grade } from '../schedule/scheduler';

export const MOCK_LENGTHS = [15, 30, 45] as const;
export type MockLength = typeof MOCK_LENGTHS[number];
/** The soft limit per question: past it the card warns, and moves on only when the reader says. */
export const QUESTION_LIMIT_MS = 3 * 60_000;
/** How often a good answer is probed with another question on the same topic. */
export const FOLLOW_UP_CHANCE = 0.4;

export type MockFocus =
  | { readonly kind: 'all' }
  | { readonly kind: 'section'; readonly title: string; readonly topics: readonly string[] }
  | { readonly kind: 'weakest'; readonly topics: readonly string[] };

/** A topic as the interview needs it: its title and its section's title ('' at the root). */
export interface TopicInfo { readonly title: string; readonly section: string }

export function topicInfo(doc: StudyDocument): Map<string, TopicInfo> {
  return new Map(doc.topics.map(t => [t.id, { title: t.title, section: sectionTitle(t, '') }]));
}

/** The open questions of `deck` that `focus` covers. */
export function interviewPool(deck: readonly CardSource[], focus: MockFocus): CardSource[] {
  const open = deck.filter(isOpenQuestion);
  if (focus.kind === 'all') { return open; }
  const topics = new Set(focus.topics);
  return open.filter(c => topics.has(c.topic));
}

/**
 * How strongly a topic is drawn: an unseen topic (no reviewed card) like one recalled at 50%;
 * a weak topic more than a strong one (recall 0.9 -> 1.4, 0.5 -> 3).
 */
export function topicWeight(recall: number | undefined): number {
  return recall === undefined ? 3 : 1 + 4 * (1 - Math.min(1, Math.max(0, recall)));
}

export interface MockOptions {
  readonly pool: readonly CardSource[];
  readonly topics: ReadonlyMap<string, TopicInfo>;
  /** Mean recall per topic (undefined or absent: never reviewed). */
  readonly recall: ReadonlyMap<string, number | undefined>;
  /** Cards reviewed before: within a topic, unseen cards come first. */
  readonly seen: ReadonlySet<string>;
  readonly lengthMs: number;
  readonly clock: () => number;
  readonly random: () => number;
  readonly questionLimitMs?: number;
  readonly followUpChance?: number;
}

export interface MockQuestion {
  readonly card: CardSource;
  readonly question: Question;
  readonly followUp: boolean;
  /** 1-based position in the session. */
  readonly number: number;
}

export interface MockAnswer {
  readonly cardId: string;
  readonly topic: string;
  readonly prompt: string;
  /** The reader's rating; undefined when the question was skipped. */
  readonly rating: Grade | undefined;
  /** Time on the question (pauses excluded): to Done, or to the skip. */
  readonly ms: number;
  readonly followUp: boolean;
  /** A typed answer's key points: how many it covered, and the ones it missed. */
  readonly coverage?: AnswerCoverage;
}

/** What the grader found in a typed answer, as the session keeps it. */
export interface AnswerCoverage {
  readonly covered: number;
  readonly total: number;
  readonly missed: readonly KeyPoint[];
  /** A language model's follow-up question: asked next, in place of another card. */
  readonly followUp?: string;
}

export interface MockResult {
  readonly startedAt: number;
  readonly lengthMs: number;
  /** Time spent, pauses excluded. */
  readonly ms: number;
  readonly answers: readonly MockAnswer[];
  /** True when the session clock ran out (rather than a stop or no questions left). */
  readonly timeUp: boolean;
}

/** What the card's clocks show, as of now; the page ticks on from it by itself. */
export interface MockClock {
  readonly elapsedMs: number;
  readonly lengthMs: number;
  readonly questionMs: number;
  readonly questionLimitMs: number;
  readonly running: boolean;
}

type Phase = 'idle' | 'question' | 'answer' | 'finished';

export class MockSession {
  readonly startedAt: number;
  private readonly asked = new Set<string>();
  private readonly answers: MockAnswer[] = [];
  private readonly sectionsAsked = new Map<string, number>();
  private phase: Phase = 'idle';
  private current: MockQuestion | undefined;
  /** Pause bookkeeping: total paused so far, and since when the current pause runs. */
  private pausedMs = 0;
  private pausedAt: number | undefined;
  /** Session time (pauses excluded) when the current question was shown, and its time to Done. */
  private questionFrom = 0;
  private answeredIn = 0;
  private followUpTopic: string | undefined;
  /** A follow-up the model asked, as a card of its own. */
  private followUpCard: CardSource | undefined;
  /** Key points the last answer missed: a follow-up on its topic looks for them. */
  private missed: readonly KeyPoint[] = [];
  private readonly limitMs: number;
  private readonly chance: number;

  constructor(private readonly o: MockOptions) {
    this.startedAt = o.clock();
    this.limitMs = o.questionLimitMs ?? QUESTION_LIMIT_MS;
    this.chance = o.followUpChance ?? FOLLOW_UP_CHANCE;
  }

  get finished(): boolean { return this.phase === 'finished'; }
  get paused(): boolean { return this.pausedAt !== undefined; }
  get question(): MockQuestion | undefined { return this.phase === 'question' || this.phase === 'answer' ? this.current : undefined; }
  get revealed(): boolean { return this.phase === 'answer'; }
  get results(): readonly MockAnswer[] { return this.answers; }

  /** Session time so far, pauses excluded. */
  elapsedMs(): number {
    const now = this.o.clock();
    return now - this.startedAt - this.pausedMs - (this.pausedAt !== undefined ? now - this.pausedAt : 0);
  }

  get timeUp(): boolean { return this.elapsedMs() >= this.o.lengthMs; }

  /** Time on the question on screen (pauses excluded); frozen once its answer is shown. */
  questionMs(): number {
    if (this.phase === 'answer') { return this.answeredIn; }
    return this.phase === 'question' ? this.elapsedMs() - this.questionFrom : 0;
  }

  get overLimit(): boolean { return this.questionMs() > this.limitMs; }

  clockView(): MockClock {
    return { elapsedMs: this.elapsedMs(), lengthMs: this.o.lengthMs, questionMs: this.questionMs(), questionLimitMs: this.limitMs, running: !this.paused && !this.finished };
  }

  /**
   * The next question, or undefined when the session is over: time is up, no question is left,
   * or it was stopped. Only between questions (never while one waits for its answer).
   */
  next(): MockQuestion | undefined {
    if (this.phase === 'question' || this.phase === 'answer') { return this.current; }
    if (this.phase === 'finished') { return undefined; }
    if (this.timeUp) { this.finish(); return undefined; }
    const chosen = this.choose();
    if (!chosen) { this.finish(); return undefined; }
    this.asked.add(chosen.card.id);
    const section = this.sectionOf(chosen.card.topic);
    this.sectionsAsked.set(section, (this.sectionsAsked.get(section) ?? 0) + 1);
    this.current = { card: chosen.card, question: chosen.card.build(this.o.random), followUp: chosen.followUp, number: this.answers.length + 1 };
    this.phase = 'question';
    this.questionFrom = this.elapsedMs();
    return this.current;
  }

  /** "Done": the model answer is shown, and the time on the question stops. */
  reveal(): void {
    if (this.phase !== 'question') { return; }
    this.resume();
    this.answeredIn = this.questionMs();
    this.phase = 'answer';
  }

  /**
   * The reader's rating of the answer on screen. The model's own follow-up, when it gave one, is
   * asked next; otherwise a Good or Easy answer, or one that missed key points, may be probed with
   * another question of the topic: the one that covers most of what was missed.
   */
  rate(rating: Grade, coverage?: AnswerCoverage): MockAnswer | undefined {
    if (this.phase !== 'answer' || !this.current) { return undefined; }
    const q = this.current;
    const answer = this.record(rating, this.answeredIn, coverage);
    this.missed = coverage?.missed ?? [];
    this.followUpTopic = undefined;
    this.followUpCard = undefined;
    if (coverage?.followUp && !q.followUp) {
      // The interviewing model asked one: an interviewer always follows up on their own question.
      this.followUpCard = followUpCard(q, coverage.followUp, this.missed);
    } else if ((rating >= 3 || this.missed.length > 0) && this.o.random() < this.chance && this.unasked(q.card.topic).length) {
      this.followUpTopic = q.card.topic;
    }
    return answer;
  }

  skip(): MockAnswer | undefined {
    if (this.phase !== 'question' && this.phase !== 'answer') { return undefined; }
    const ms = this.questionMs();
    this.followUpTopic = undefined;
    return this.record(undefined, ms);
  }

  pause(): void {
    if (this.pausedAt === undefined && this.phase !== 'finished') { this.pausedAt = this.o.clock(); }
  }

  resume(): void {
    if (this.pausedAt !== undefined) {
      this.pausedMs += this.o.clock() - this.pausedAt;
      this.pausedAt = undefined;
    }
  }

  /** Ends the session; a question not yet rated is left out, everything answered is kept. */
  stop(): MockResult {
    if (this.phase !== 'finished') { this.finish(); }
    return this.result();
  }

  result(): MockResult {
    return { startedAt: this.startedAt, lengthMs: this.o.lengthMs, ms: this.elapsedMs(), answers: [...this.answers], timeUp: this.timeUp };
  }

  private finish(): void {
    this.resume();
    this.phase = 'finished';
    this.current = undefined;
  }

  private record(rating: Grade | undefined, ms: number, coverage?: AnswerCoverage): MockAnswer {
    const q = this.current!;
    const answer: MockAnswer = { cardId: q.card.id, topic: q.card.topic, prompt: q.question.prompt, rating, ms, followUp: q.followUp, ...(coverage ? { coverage } : {}) };
    this.answers.push(answer);
    this.phase = 'idle';
    this.current = undefined;
    return answer;
  }

  private sectionOf(topic: string): string {
    return this.o.topics.get(topic)?.section ?? '';
  }

  private unasked(topic?: string): CardSource[] {
    return this.o.pool.filter(c => !this.asked.has(c.id) && (topic === undefined || c.topic === topic));
  }

  private choose(): { card: CardSource; followUp: boolean } | undefined {
    const probe = this.followUpTopic;
    const asked = this.followUpCard;
    this.followUpTopic = undefined;
    this.followUpCard = undefined;
    if (asked) { return { card: asked, followUp: true }; }
    if (probe) {
      const card = this.coveringMissed(this.unasked(probe)) ?? this.pickCard(this.unasked(probe));
      if (card) { return { card, followUp: true }; }
    }
    const left = this.unasked();
    if (!left.length) { return undefined; }
    // Sections take turns, as an interviewer moves around: the next question comes from a
    // section asked least so far; among those, a topic by weight (weak and unseen first).
    const turns = (c: CardSource) => this.sectionsAsked.get(this.sectionOf(c.topic)) ?? 0;
    const fewest = Math.min(...left.map(turns));
    const byTopic = new Map<string, CardSource[]>();
    for (const c of left.filter(x => turns(x) === fewest)) { byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c]); }
    const topics = [...byTopic.keys()];
    const weights = topics.map(t => topicWeight(this.o.recall.get(t)));
    const topic = topics[weightedIndex(weights, this.o.random)];
    return { card: this.pickCard(byTopic.get(topic)!)!, followUp: false };
  }

  /** The card whose model answer covers most of the points just missed, if any covers one. */
  private coveringMissed(cards: readonly CardSource[]): CardSource | undefined {
    if (!this.missed.length) { return undefined; }
    let best: CardSource | undefined;
    let most = 0;
    for (const c of cards) {
      const q = c.build(this.o.random);
      const text = q.kind === 'recall' ? [q.answer ?? '', ...(q.keyPoints ?? []).map(p => p.text)].join('\n') : '';
      const n = text ? gradeAnswer(text, this.missed).covered : 0;
      if (n > most) { most = n; best = c; }
    }
    return best;
  }

  /** Within a topic: a card never reviewed before, when there is one, else any. */
  private pickCard(cards: readonly CardSource[]): CardSource | undefined {
    const unseen = cards.filter(c => !this.o.seen.has(c.id));
    const from = unseen.length ? unseen : cards;
    return from.length ? from[Math.floor(this.o.random() * from.length)] : undefined;
  }
}

/** An index drawn with probability proportional to its weight. */
export function weightedIndex(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) { return i; }
  }
  return weights.length - 1;
}

/** Marks a card the model asked rather than one of the deck: never scheduled, never saved as a card. */
export const FOLLOW_UP_MARK = '#follow-up';

export function isAskedFollowUp(cardId: string): boolean {
  return cardId.endsWith(FOLLOW_UP_MARK);
}

/** The model's follow-up as a card: the missed points are what its answer is graded against. */
function followUpCard(q: MockQuestion, prompt: string, missed: readonly KeyPoint[]): CardSource {
  const id = `${q.card.id}${FOLLOW_UP_MARK}`;
  const question: Question = { kind: 'recall', id, topic: q.card.topic, prompt, keyPoints: missed, explanation: '' };
  return { id, topic: q.card.topic, kind: 'recall', build: () => question };
}
