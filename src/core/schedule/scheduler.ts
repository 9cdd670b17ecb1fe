// Spaced repetition through FSRS (ts-fsrs). Cards are stored compactly; the clock is injected.
import { Card, createEmptyCard, fsrs, FSRS, generatorParameters, Grade, Rating, State } from 'ts-fsrs';
import { DEFAULT_SCHEDULE, ScheduleSettings } from './scheduleSettings';
import { cappedDays, Deadline, effectiveDue } from './studyPlan';

export { Rating };
export type { Grade };

/**
 * One card's memory state as saved in progress: a tuple, because a user has hundreds of
 * cards and Settings Sync carries them all.
 * [due (ms), stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview (ms)]
 */
export type SavedCard = [number, number, number, number, number, number, number, number, number];

// Everything outside this file reads a saved card through these, never by tuple index.
/** When the card falls due (ms). */
export const dueTime = (saved: SavedCard): number => saved[0];
/** How many times it was reviewed. */
export const reviewCount = (saved: SavedCard): number => saved[5];
/** When it was last reviewed (ms; 0 for never). */
export const lastReviewTime = (saved: SavedCard): number => saved[8];

/**
 * The scheduler, built on first use (the FSRS instance is not needed at activation). The
 * composition root makes one and hands it to every adapter that schedules or counts.
 */
export type SchedulerSource = () => Promise<Scheduler>;

export interface CardStatus {
  readonly due: Date;
  readonly reps: number;
  readonly lapses: number;
  /**
   * Probability of recalling it, 0..1, now or a day after its last review if that is later:
   * just after an answer (even a wrong one) FSRS puts recall near 100%, which says nothing.
   */
  readonly recall: number;
}

const DAY = 86_400_000;

export class Scheduler {
  private fsrs!: FSRS;
  private readonly fuzz: boolean;
  private maximumDays = DEFAULT_SCHEDULE.maximumInterval;
  /** The interview (see studyPlan.ts): intervals end before it, later due dates come due before it. */
  private deadline: Deadline | undefined;

  constructor(options: { fuzz?: boolean; settings?: Pick<ScheduleSettings, 'desiredRetention' | 'maximumInterval'> } = {}) {
    this.fuzz = options.fuzz ?? true;
    this.configure(options.settings ?? DEFAULT_SCHEDULE);
  }

  /** New retention and maximum interval, used from the next review on (saved cards are not rescheduled). */
  configure(settings: Pick<ScheduleSettings, 'desiredRetention' | 'maximumInterval'>): void {
    this.maximumDays = settings.maximumInterval;
    this.fsrs = fsrs(generatorParameters({
      request_retention: settings.desiredRetention, maximum_interval: settings.maximumInterval,
      enable_fuzz: this.fuzz, enable_short_term: false,
    }));
  }

  /** The interview date's deadline, or undefined for none; applies from the next review or count. */
  setDeadline(deadline: Deadline | undefined): void {
    this.deadline = deadline;
  }

  /** The card after one review; `saved` is undefined for a card never reviewed. */
  review(saved: SavedCard | undefined, rating: Grade, now: Date): SavedCard {
    const card = saved ? fromSaved(saved) : createEmptyCard(now);
    const next = this.fsrs.next(card, now, rating).card;
    // ts-fsrs keeps Good a day past Hard even when Hard is at maximum_interval: the maximum wins here.
    // With an interview date, the days left before it are a maximum too.
    const maximum = Math.min(this.maximumDays, cappedDays(now.getTime(), this.deadline) ?? Infinity);
    if (next.scheduled_days > maximum) {
      next.scheduled_days = maximum;
      next.due = new Date(now.getTime() + maximum * DAY);
    }
    return toSaved(next);
  }

  /** Probability of recalling the card at `at` (the interview day), with no review before then. */
  recallAt(saved: SavedCard, at: Date): number {
    const card = fromSaved(saved);
    return card.last_review && at.getTime() <= card.last_review.getTime() ? 1 : this.fsrs.get_retrievability(card, at, false);
  }

  status(saved: SavedCard, now: Date): CardStatus {
    const card = fromSaved(saved);
    const at = Math.max(now.getTime(), (card.last_review?.getTime() ?? 0) + DAY);
    return { due: card.due, reps: card.reps, lapses: card.lapses, recall: this.fsrs.get_retrievability(card, new Date(at), false) };
  }

  /** When the card is due: as saved, or the last day before the interview if that is sooner. */
  dueOf(saved: SavedCard, now: Date): number {
    return effectiveDue(dueTime(saved), this.deadline, now.getTime());
  }

  isDue(saved: SavedCard, now: Date): boolean {
    return this.dueOf(saved, now) <= now.getTime();
  }

  /** How many of these cards fall due on each of the next `days` days (today first, overdue included). */
  forecast(cards: Iterable<SavedCard>, now: Date, days: number): number[] {
    const counts = new Array<number>(days).fill(0);
    const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    for (const c of cards) {
      const day = Math.max(0, Math.floor((this.dueOf(c, now) - startOfToday) / DAY));
      if (day < days) { counts[day]++; }
    }
    return counts;
  }
}

function toSaved(card: Card): SavedCard {
  return [
    card.due.getTime(), card.stability, card.difficulty, card.scheduled_days, card.learning_steps,
    card.reps, card.lapses, card.state, card.last_review ? card.last_review.getTime() : 0,
  ];
}

function fromSaved(s: SavedCard): Card {
  return {
    due: new Date(s[0]),
    stability: s[1],
    difficulty: s[2],
    elapsed_days: 0,
    scheduled_days: s[3],
    learning_steps: s[4],
    reps: s[5],
    lapses: s[6],
    state: s[7] as State,
    last_review: s[8] ? new Date(s[8]) : undefined,
  };
}

/** A saved card as read back from storage: the right shape and sane numbers, or undefined. */
export function isSavedCard(v: unknown): v is SavedCard {
  if (!Array.isArray(v) || v.length !== 9) { return false; }
  for (let i = 0; i < 9; i++) { if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) { return false; } }
  return v[7] >= State.New && v[7] <= State.Relearning && v[1] >= 0 && v[5] >= 0 && v[6] >= 0;
}
