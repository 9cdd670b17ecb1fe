// A review log made through the real scheduler, for the unit tests and the bench.
import { appendReview, emptyLog, ReviewLog, reviewTuple } from '../../src/core/study/reviewLog';
import { Rating, SavedCard, Scheduler } from '../../src/core/schedule/scheduler';

const DAY = 86_400_000;

/** A log of real reviews: `perDay` reviews a day for `days` days up to `now`, through the scheduler. */
export function yearOfReviews(now: number, days: number, perDay: number, cards: number | readonly string[] = 1500): ReviewLog {
  const count = typeof cards === 'number' ? cards : cards.length;
  const scheduler = new Scheduler({ fuzz: false });
  const log = emptyLog();
  const saved = new Map<string, SavedCard>();
  for (let d = days - 1; d >= 0; d--) {
    for (let i = 0; i < perDay; i++) {
      const at = now - d * DAY - (perDay - i) * 20_000;
      const id = typeof cards === 'number' ? `concept:python/topic-${(d * perDay + i) % count}:term` : cards[(d * perDay + i) % count];
      const before = saved.get(id);
      const rating = ((d * 7 + i) % 10 === 0 ? Rating.Again : (i % 5 === 0 ? Rating.Hard : Rating.Good)) as 1 | 2 | 3;
      const after = scheduler.review(before, rating, new Date(at));
      saved.set(id, after);
      appendReview(log, d % 3 ? 'guide' : 'file:///home/me/notes.md', id, reviewTuple(before, after, rating, at, 4200 + i));
    }
  }
  return log;
}
