import * as assert from 'assert';
import { fsrs, generatorParameters } from 'ts-fsrs';
import type { CardSource } from '../../src/core/cards/conceptCards';
import { newCardsLeft, newCardsToday, selectCards, selectLimited, Selection } from '../../src/core/cards/quiz';
import { DEFAULT_SCHEDULE, parseScheduleSettings } from '../../src/core/schedule/scheduleSettings';
import { Rating, SavedCard, Scheduler } from '../../src/core/schedule/scheduler';

const DAY = 86_400_000;
const start = new Date('2026-01-05T09:00:00Z');

describe('scheduling settings', () => {
  it('uses the defaults for values not set', () => {
    assert.deepStrictEqual(parseScheduleSettings({}), { settings: DEFAULT_SCHEDULE, problems: [] });
    assert.deepStrictEqual(DEFAULT_SCHEDULE, { desiredRetention: 0.9, maximumInterval: 36500, newCardsPerDay: 20 });
  });

  it('keeps values in range as they are', () => {
    const r = parseScheduleSettings({ desiredRetention: 0.85, maximumInterval: 365, newCardsPerDay: 0 });
    assert.deepStrictEqual(r, { settings: { desiredRetention: 0.85, maximumInterval: 365, newCardsPerDay: 0 }, problems: [] });
  });

  it('clamps values out of range and says what it used, never throws', () => {
    const r = parseScheduleSettings({ desiredRetention: 1.5, maximumInterval: 0, newCardsPerDay: -3 });
    assert.deepStrictEqual(r.settings, { desiredRetention: 0.99, maximumInterval: 1, newCardsPerDay: 0 });
    assert.strictEqual(r.problems.length, 3);
    assert.match(r.problems[0], /djangoPrep\.desiredRetention is 1\.5, outside 0\.7 to 0\.99: using 0\.99/);
    assert.strictEqual(parseScheduleSettings({ desiredRetention: 0.5 }).settings.desiredRetention, 0.7);
    assert.strictEqual(parseScheduleSettings({ maximumInterval: 1e9 }).settings.maximumInterval, 36500, 'no due date beyond what progress accepts');
  });

  it('rounds whole-number settings and replaces what is not a number by the default', () => {
    const r = parseScheduleSettings({ desiredRetention: '0.8', maximumInterval: 30.4, newCardsPerDay: Number.NaN });
    assert.deepStrictEqual(r.settings, { desiredRetention: 0.9, maximumInterval: 30, newCardsPerDay: 20 });
    assert.strictEqual(r.problems.length, 3);
    assert.match(r.problems[0], /"0\.8", not a number: using 0\.9/);
  });
});

/** Days between reviews of a card answered Good `n` times, each on the day it fell due, with its stability after each. */
function goodStreak(s: Scheduler, n: number): Array<{ days: number; stability: number }> {
  let card: SavedCard | undefined;
  let now = start;
  const out: Array<{ days: number; stability: number }> = [];
  for (let i = 0; i < n; i++) {
    card = s.review(card, Rating.Good, now);
    out.push({ days: Math.round((card[0] - now.getTime()) / DAY), stability: card[1] });
    now = new Date(card[0]);
  }
  return out;
}

describe('desired retention and maximum interval in the scheduler', () => {
  const streak = (desiredRetention: number, maximumInterval = 36500) =>
    goodStreak(new Scheduler({ fuzz: false, settings: { desiredRetention, maximumInterval } }), 4);

  for (const retention of [0.8, 0.9, 0.95]) {
    it(`schedules the interval FSRS's own formula gives for retention ${retention}`, () => {
      const reference = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false, enable_short_term: false }));
      const got = streak(retention);
      got.forEach(({ days, stability }, i) => {
        // A new card's first interval is kept above Hard's (itself above Again's), so it may be longer than the formula's.
        const formula = reference.next_interval(stability, 0);
        if (i === 0) { assert.ok(days >= formula && days <= Math.max(formula, 3), `first: ${days} vs ${formula}`); } else { assert.strictEqual(days, formula, `review ${i + 1}`); }
        // At the scheduled day the predicted recall is the retention asked for (rounding to whole days aside).
        if (i > 0) { assert.ok(Math.abs(reference.forgetting_curve(days, stability) - retention) < 0.02, `recall at day ${days}`); }
      });
    });
  }

  it('gives about 3, 14, 57, 196 days at 0.9; longer at 0.8, shorter at 0.95', () => {
    const at = (r: number) => streak(r).map(x => x.days);
    assert.deepStrictEqual(at(0.9), [3, 14, 57, 196]);
    const [low, mid, high] = [at(0.8), at(0.9), at(0.95)];
    for (let i = 1; i < 4; i++) {
      assert.ok(low[i] > mid[i] && mid[i] > high[i], `0.8 ${low} / 0.9 ${mid} / 0.95 ${high}`);
    }
  });

  it('never schedules past the maximum interval', () => {
    assert.deepStrictEqual(streak(0.9, 30).map(x => x.days), [3, 14, 30, 30]);
    assert.ok(streak(0.8, 10).every(x => x.days <= 10));
  });

  it('takes new settings from the next review on', () => {
    const s = new Scheduler({ fuzz: false });
    const first = s.review(undefined, Rating.Good, start);
    const second = new Date(first[0]);
    const at90 = s.review(first, Rating.Good, second)[0];
    s.configure({ desiredRetention: 0.8, maximumInterval: 36500 });
    const at80 = s.review(first, Rating.Good, second)[0];
    assert.ok(at80 > at90, 'a lower retention spaces the same card further');
    s.configure({ desiredRetention: 0.9, maximumInterval: 5 });
    assert.strictEqual((s.review(first, Rating.Good, second)[0] - second.getTime()) / DAY, 5);
  });
});

describe('new cards per day', () => {
  const scheduler = new Scheduler({ fuzz: false });
  const now = new Date(2026, 0, 10, 15, 0);
  const yesterday = new Date(2026, 0, 9, 15, 0);
  const deck: CardSource[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, topic: 't', kind: 'concept' as const, build: () => { throw new Error('not built'); } }));
  const sel = (cards: Record<string, SavedCard>, newCardsLeft?: number): Selection => ({ deck, cards, scheduler, now, random: () => 0.5, newCardsLeft });

  it('counts the cards whose first review is today, not older ones reviewed again today', () => {
    const cards: Record<string, SavedCard> = {
      c0: scheduler.review(undefined, Rating.Good, new Date(2026, 0, 10, 8, 0)),
      c1: scheduler.review(undefined, Rating.Again, new Date(2026, 0, 10, 0, 5)),
      c2: scheduler.review(undefined, Rating.Good, yesterday),
      c3: scheduler.review(scheduler.review(undefined, Rating.Good, new Date(2026, 0, 1)), Rating.Good, new Date(2026, 0, 10, 9, 0)),
    };
    assert.strictEqual(newCardsToday(cards, now), 2);
    assert.strictEqual(newCardsLeft(20, cards, now), 18);
    assert.strictEqual(newCardsLeft(2, cards, now), 0);
    assert.strictEqual(newCardsLeft(1, cards, now), 0, 'never below zero');
    assert.strictEqual(newCardsLeft(0, cards, now), undefined, '0 is no limit');
  });

  it('holds back new cards past the limit, never cards reviewed before', () => {
    const cards: Record<string, SavedCard> = {
      c0: scheduler.review(undefined, Rating.Good, new Date(2025, 11, 1)), // due long ago
      c1: scheduler.review(undefined, Rating.Good, yesterday), // seen, not due
    };
    const all = selectLimited({ kind: 'all' }, 100, sel(cards, 3));
    assert.strictEqual(all.cards.length, 2 + 3);
    assert.strictEqual(all.heldBack, 5);
    assert.deepStrictEqual(all.cards.map(c => c.id).filter(id => id === 'c0' || id === 'c1'), ['c0', 'c1']);
    assert.strictEqual(all.cards[0].id, 'c0', 'due first');
    const none = selectLimited({ kind: 'topic', topic: 't' }, 100, sel(cards, 0));
    assert.deepStrictEqual(none.cards.map(c => c.id), ['c0', 'c1']);
    assert.strictEqual(none.heldBack, 8);
    assert.strictEqual(selectLimited({ kind: 'all' }, 100, sel(cards)).heldBack, 0, 'no limit');
    assert.strictEqual(selectCards({ kind: 'all' }, 100, sel(cards)).length, 10);
    assert.deepStrictEqual(selectLimited({ kind: 'due' }, 100, sel(cards, 0)).cards.map(c => c.id), ['c0']);
  });
});
