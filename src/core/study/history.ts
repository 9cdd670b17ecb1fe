// Figures from the review log for the dashboard: reviews per local day (heatmap), streaks,
// reviews and accuracy per section per week, and the retention measured against the desired
// one. The clock and the time zone are injected, so midnight and DST are testable. No VS Code.
import type { ReviewLog } from './reviewLog';
import { dayLabelOf, monthName } from '../util/format';

const DAY = 86_400_000;
/** FSRS state of a card in review (not new, not learning). */
const REVIEW_STATE = 2;
/** Rating.Again in ts-fsrs (not imported: the dashboard need not load the scheduler for this). */
const AGAIN = 1;

export interface Clock {
  /** Now, ms since 1970. */
  readonly now: number;
  /** Minutes the local time is ahead of UTC at a moment (`-new Date(t).getTimezoneOffset()`), which DST changes. */
  readonly offsetMinutes: (t: number) => number;
}

/** The system's local time zone. */
export const localOffset = (t: number): number => -new Date(t).getTimezoneOffset();

/** The local calendar day of a moment, as days since 1970-01-01. */
export const localDay = (t: number, offsetMinutes: (t: number) => number): number => Math.floor((t + offsetMinutes(t) * 60_000) / DAY);

/** 0 Sunday .. 6 Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export interface HeatCell { readonly day: number; readonly count: number; readonly level: 0 | 1 | 2 | 3 | 4 }

export interface SectionWeeks {
  readonly title: string;
  /** Per week, oldest first: reviews and how many were not Again. */
  readonly weeks: ReadonlyArray<{ readonly reviews: number; readonly right: number }>;
  readonly reviews: number;
  readonly right: number;
}

export interface HistoryFigures {
  readonly today: number;
  /** Heatmap: the first day shown (a Sunday) and one cell per day up to today. */
  readonly heatmapStart: number;
  readonly cells: readonly HeatCell[];
  readonly busiest: number;
  readonly yearReviews: number;
  readonly activeDays: number;
  /** Days in a row with a review, up to today (or yesterday: today is not over yet). */
  readonly currentStreak: number;
  readonly longestStreak: number;
  readonly reviewedToday: boolean;
  /** Reviews of cards in review state that were not Again, of how many (the whole log); undefined when none. */
  readonly retention?: number;
  readonly retentionReviews: number;
  readonly retention30?: number;
  readonly retention30Reviews: number;
  readonly desiredRetention: number;
  /** First day (a Sunday) of each week of the section table, oldest first. */
  readonly weekStarts: readonly number[];
  readonly sections: readonly SectionWeeks[];
}

export interface SectionSource {
  /** The document whose reviews are split by section. */
  readonly document: string;
  /** Section titles in document order. */
  readonly titles: readonly string[];
  /** The section a card belongs to, if any. */
  readonly sectionOf: (cardId: string) => string | undefined;
}

export interface HistoryOptions {
  readonly desiredRetention: number;
  /** Weeks in the heatmap (52 plus the current one) and in the section table. */
  readonly heatmapWeeks?: number;
  readonly sectionWeeks?: number;
  readonly sections?: SectionSource;
}

/** Current and longest run of consecutive days in `days` (sorted or not); today unreviewed does not break it. */
export function streaks(days: Iterable<number>, today: number): { current: number; longest: number } {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const has = new Set(sorted);
  let current = 0;
  for (let d = has.has(today) ? today : today - 1; has.has(d); d--) { current++; }
  return { current, longest };
}

export function historyFigures(log: ReviewLog, clock: Clock, options: HistoryOptions): HistoryFigures {
  const today = localDay(clock.now, clock.offsetMinutes);
  const heatmapStart = today - weekday(today) - 7 * ((options.heatmapWeeks ?? 53) - 1);
  const sectionWeeks = options.sectionWeeks ?? 8;
  const weeksStart = today - weekday(today) - 7 * (sectionWeeks - 1);
  const perDay = new Map<number, number>();
  const from30 = today - 29;
  let retained = 0;
  let inReview = 0;
  let retained30 = 0;
  let inReview30 = 0;
  const source = options.sections;
  const bySection = new Map<string, Array<{ reviews: number; right: number }>>(
    (source?.titles ?? []).map(t => [t, Array.from({ length: sectionWeeks }, () => ({ reviews: 0, right: 0 }))]));
  for (const [key, doc] of Object.entries(log.documents)) {
    // Sections are looked up once per card, not once per review.
    const sectionOfIndex = source?.document === key ? doc.ids.map(id => source.sectionOf(id)) : undefined;
    for (const r of doc.reviews) {
      const at = r[1] * 1000;
      const day = localDay(at, clock.offsetMinutes);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      const right = r[2] !== AGAIN;
      if (r[5] === REVIEW_STATE) {
        inReview++;
        if (right) { retained++; }
        if (day >= from30) { inReview30++; if (right) { retained30++; } }
      }
      if (sectionOfIndex && day >= weeksStart && day <= today) {
        const section = sectionOfIndex[r[0]];
        const weeks = section === undefined ? undefined : bySection.get(section);
        if (weeks) {
          const w = weeks[Math.floor((day - weeksStart) / 7)];
          w.reviews++;
          if (right) { w.right++; }
        }
      }
    }
  }
  const cells: HeatCell[] = [];
  let busiest = 0;
  for (let d = heatmapStart; d <= today; d++) { busiest = Math.max(busiest, perDay.get(d) ?? 0); }
  let yearReviews = 0;
  let activeDays = 0;
  for (let d = heatmapStart; d <= today; d++) {
    const count = perDay.get(d) ?? 0;
    yearReviews += count;
    if (count) { activeDays++; }
    cells.push({ day: d, count, level: count === 0 ? 0 : Math.min(4, Math.ceil((4 * count) / busiest)) as HeatCell['level'] });
  }
  const { current, longest } = streaks(perDay.keys(), today);
  const sections = [...bySection].map(([title, weeks]) => ({
    title, weeks, reviews: weeks.reduce((n, w) => n + w.reviews, 0), right: weeks.reduce((n, w) => n + w.right, 0),
  }));
  return {
    today, heatmapStart, cells, busiest, yearReviews, activeDays,
    currentStreak: current, longestStreak: longest, reviewedToday: perDay.has(today),
    retention: inReview ? retained / inReview : undefined, retentionReviews: inReview,
    retention30: inReview30 ? retained30 / inReview30 : undefined, retention30Reviews: inReview30,
    desiredRetention: options.desiredRetention,
    weekStarts: Array.from({ length: sectionWeeks }, (_, i) => weeksStart + 7 * i),
    sections,
  };
}

/** A local day as "Mon 3 Jun 2024" (English, as the rest of the extension). */
export function dayLabel(day: number): string {
  const d = new Date(day * DAY);
  return dayLabelOf(weekday(day), d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear());
}

/** The month (0..11) and date of a local day. */
export function monthOf(day: number): { month: number; date: number; name: string } {
  const d = new Date(day * DAY);
  return { month: d.getUTCMonth(), date: d.getUTCDate(), name: monthName(d.getUTCMonth()) };
}
