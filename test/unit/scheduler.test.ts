import * as assert from 'assert';
import { dueTime, isSavedCard, lastReviewTime, Rating, reviewCount, SavedCard, Scheduler } from '../../src/core/schedule/scheduler';

const DAY = 86_400_000;
const start = new Date('2026-01-05T09:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);

describe('Scheduler (FSRS)', () => {
  const s = new Scheduler({ fuzz: false });

  it('spaces a card recalled well further and further apart over simulated weeks', () => {
    let card: SavedCard | undefined;
    let now = start;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      card = s.review(card, Rating.Good, now);
      const next = new Date(card[0]);
      intervals.push((next.getTime() - now.getTime()) / DAY);
      now = next;
    }
    for (let i = 2; i < intervals.length; i++) { assert.ok(intervals[i] > intervals[i - 1], `intervals ${intervals.map(d => d.toFixed(2)).join(', ')}`); }
    assert.ok(intervals[5] > 30, 'after six good reviews the card is a month or more away');
  });

  it('brings a forgotten card back soon and counts the lapse', () => {
    let card = s.review(undefined, Rating.Good, start);
    card = s.review(card, Rating.Good, at(3));
    const due = s.review(card, Rating.Good, at(10));
    const forgot = s.review(card, Rating.Again, at(10));
    assert.ok(forgot[0] < due[0]);
    assert.ok(forgot[0] - at(10).getTime() <= 3 * DAY, 'due again within days');
    assert.strictEqual(s.status(forgot, at(10)).lapses, 1);
  });

  it('orders Again < Hard < Good < Easy for the same card', () => {
    const base = s.review(s.review(undefined, Rating.Good, start), Rating.Good, at(2));
    const dues = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const).map(r => s.review(base, r, at(8))[0]);
    assert.deepStrictEqual([...dues].sort((a, b) => a - b), dues);
    assert.strictEqual(new Set(dues).size, 4);
  });

  it('knows what is due, how well it is recalled, and forecasts the next days', () => {
    const card = s.review(undefined, Rating.Good, start);
    assert.strictEqual(s.isDue(card, start), false);
    assert.strictEqual(s.isDue(card, at(30)), true);
    const fresh = s.status(card, start).recall;
    const later = s.status(card, at(30)).recall;
    assert.ok(fresh > 0.9 && later < fresh, `${fresh} -> ${later}`);
    assert.strictEqual(fresh, s.status(card, at(1)).recall, 'recall is judged a day after the review at the earliest');
    const failed = s.status(s.review(undefined, Rating.Again, start), start).recall;
    assert.ok(failed < 0.85 && failed < fresh, `a wrong answer shows as weak at once (${failed})`);
    const cards: SavedCard[] = [card, s.review(undefined, Rating.Easy, start), [at(-3).getTime(), 1, 5, 0, 0, 1, 0, 2, at(-4).getTime()]];
    const forecast = s.forecast(cards, start, 14);
    assert.strictEqual(forecast.length, 14);
    assert.strictEqual(forecast[0], 1, 'the overdue card counts today');
    assert.strictEqual(forecast.reduce((a, b) => a + b, 0), 3);
  });

  it('recognises saved cards and rejects anything else', () => {
    assert.ok(isSavedCard(s.review(undefined, Rating.Good, start)));
    for (const bad of [null, [], [1, 2, 3], 'x', [NaN, 1, 1, 1, 0, 1, 0, 2, 0], [1, 1, 1, 1, 0, 1, 0, 9, 0], [1, -1, 1, 1, 0, 1, 0, 2, 0]]) {
      assert.strictEqual(isSavedCard(bad), false, JSON.stringify(bad));
    }
  });

  it('reads a saved card through its accessors', () => {
    const once = s.review(undefined, Rating.Good, start);
    const twice = s.review(once, Rating.Good, at(3));
    assert.strictEqual(reviewCount(once), 1);
    assert.strictEqual(reviewCount(twice), 2);
    assert.strictEqual(lastReviewTime(twice), at(3).getTime());
    assert.strictEqual(dueTime(twice), s.status(twice, at(3)).due.getTime());
    assert.ok(s.isDue(twice, new Date(dueTime(twice))) && !s.isDue(twice, new Date(dueTime(twice) - 1)));
  });
});
