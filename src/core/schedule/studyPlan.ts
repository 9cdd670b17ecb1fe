// The plan that ends on the interview day. Two rules:
// - no card falls due after the last day before the interview (the day before it): a review
//   caps the next interval there, and a card saved with a later due date comes due on that day;
// - the cards never seen are spread over the days left so that every one has been seen once by
//   two days before the interview (the last day is for reviews).
// The plan is a pure function of the day, the counts and the due dates: asked twice with
// nothing changed, it gives the same answer, and doing a day's share leaves the next days as planned.
import { addDays, Day, dayOf, daysUntil, startOfDay } from './interviewDate';

/** New cards are all seen this many days before the interview. */
export const FINISH_DAYS_BEFORE = 2;

export interface Deadline {
  /** The interview day. */
  readonly date: Day;
  /** Local midnight at the start of the day before the interview: later due dates move here. */
  readonly lastDayStart: number;
  /** The last instant a review may fall due (the end of the day before the interview). */
  readonly latestDue: number;
}

export function deadlineOf(date: Day): Deadline | undefined {
  const start = startOfDay(date);
  const last = startOfDay(addDays(date, -1));
  return start && last && { date, lastDayStart: last.getTime(), latestDue: start.getTime() - 1 };
}

/**
 * When a card saved as due at `due` is due with the deadline: no later than the last day before
 * the interview. Once that day has begun the deadline no longer moves anything.
 */
export function effectiveDue(due: number, deadline: Deadline | undefined, now: number): number {
  if (!deadline || now > deadline.latestDue) { return due; }
  return Math.min(due, deadline.lastDayStart);
}

/**
 * The longest interval, in whole days, a review made at `now` may set: the next review falls
 * on the day before the interview at the latest; at least one day (a review made on that last
 * day comes back on the day itself). Undefined when there is no deadline or it is past.
 */
export function cappedDays(now: number, deadline: Deadline | undefined): number | undefined {
  if (!deadline || now > deadline.latestDue) { return undefined; }
  return Math.max(1, Math.floor((deadline.latestDue - now) / 86_400_000));
}

export interface PlanInput {
  readonly now: Date;
  readonly date: Day;
  /** Cards of the deck never reviewed, now. */
  readonly unseen: number;
  /** Cards introduced today (first reviewed today): still part of today's share. */
  readonly newToday: number;
  /** Due times (ms) of the reviewed cards of the deck, as saved. */
  readonly dues: readonly number[];
  /** The setting djangoPrep.newCardsPerDay (0: no limit). */
  readonly newCardsPerDay: number;
}

export interface DayPlan {
  readonly day: Day;
  /** Cards to see for the first time that day. */
  readonly newCards: number;
  /** Reviews falling due that day (overdue ones on the first day). */
  readonly reviews: number;
}

export interface StudyPlan {
  readonly date: Day;
  /** Calendar days from today to the interview (1: tomorrow). */
  readonly daysLeft: number;
  /** Every unseen card is seen by the end of this day. */
  readonly finishBy: Day;
  /** Today's share of new cards (those already seen today included). */
  readonly newToday: number;
  /** New cards still to see today. */
  readonly newLeft: number;
  /** Reviews due by the end of today. */
  readonly reviewsToday: number;
  /** The reviews and new cards still to do today. */
  readonly todayWork: number;
  /** How many new cards quizzes may introduce today in all: undefined for no limit. */
  readonly newQuota: number | undefined;
  /** True when the plan needs more new cards today than djangoPrep.newCardsPerDay allows, and raised the quota. */
  readonly raised: boolean;
  /** Today first, through the day before the interview. */
  readonly days: readonly DayPlan[];
  readonly unseen: number;
}

/** The plan, or undefined once the interview day has come. */
export function studyPlan(input: PlanInput): StudyPlan | undefined {
  const { now, date } = input;
  const daysLeft = daysUntil(now, date);
  const deadline = deadlineOf(date);
  if (!(daysLeft >= 1) || !deadline) { return undefined; }
  const today = dayOf(now);
  // Today counts as a study day even when the date is too near to finish two days before it.
  const studyDays = Math.max(1, daysLeft - FINISH_DAYS_BEFORE + 1);
  const finishBy = addDays(today, studyDays - 1);
  // Planned from the start of today, so doing today's share does not change today's number.
  let remaining = Math.max(0, input.unseen) + Math.max(0, input.newToday);
  const reviews = new Array<number>(daysLeft).fill(0);
  const startToday = startOfDay(today)!.getTime();
  for (const due of input.dues) {
    const at = effectiveDue(due, deadline, now.getTime());
    const i = daysBetweenStarts(startToday, at);
    if (i < daysLeft) { reviews[i]++; }
  }
  const days: DayPlan[] = [];
  for (let i = 0; i < daysLeft; i++) {
    const newCards = i < studyDays ? Math.ceil(remaining / (studyDays - i)) : 0;
    remaining -= newCards;
    days.push({ day: addDays(today, i), newCards, reviews: reviews[i] });
  }
  const share = days[0].newCards;
  const newLeft = Math.max(0, share - input.newToday);
  const limited = input.newCardsPerDay > 0;
  const raised = limited && share > input.newCardsPerDay;
  return {
    date, daysLeft, finishBy, newToday: share, newLeft, reviewsToday: reviews[0], todayWork: reviews[0] + newLeft,
    newQuota: limited ? Math.max(share, input.newCardsPerDay) : undefined, raised, days, unseen: input.unseen,
  };
}

/** Whole local days from the day starting at `startToday` to the day of `at` (0 for today or before). */
function daysBetweenStarts(startToday: number, at: number): number {
  if (at < startToday) { return 0; }
  return daysUntil(new Date(startToday), dayOf(new Date(at)));
}
