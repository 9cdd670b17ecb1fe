import * as assert from 'assert';
import fc from 'fast-check';
import {
  appendReview, boundLog, emptyLog, KEEP_DAYS, LogTuple, logSize, MAX_ENTRIES, mergeLogs, parseLog, recentLog, reviews, reviewTuple, ReviewLog, SYNC_ENTRIES,
} from '../../src/core/study/reviewLog';
import { Rating, Scheduler } from '../../src/core/schedule/scheduler';
import { yearOfReviews as reviewsUpTo } from './logFixture';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const yearOfReviews = (days: number, perDay: number) => reviewsUpTo(NOW, days, perDay);

const tuple = (at: number, rating = 3): LogTuple => [0, Math.floor(at / 1000), rating, 86400, 5, 2, 3.2, 5.1, 2, 9.8, 5];
const logOf = (entries: Array<[string, string, number]>): ReviewLog => {
  const log = emptyLog();
  for (const [doc, card, at] of entries) { appendReview(log, doc, card, tuple(at)); }
  return log;
};
const keys = (log: ReviewLog) => [...reviews(log)].map(r => `${r.document} ${r.card} ${r.at}`).sort();

describe('review log', () => {
  it('records card, time, rating, elapsed and answer time, and the FSRS state before and after', () => {
    const scheduler = new Scheduler({ fuzz: false });
    const first = scheduler.review(undefined, Rating.Good, new Date(NOW - 3 * DAY));
    const second = scheduler.review(first, Rating.Again, new Date(NOW));
    const log = emptyLog();
    appendReview(log, 'guide', 'q:a', reviewTuple(undefined, first, Rating.Good, NOW - 3 * DAY, 12_400));
    appendReview(log, 'guide', 'q:a', reviewTuple(first, second, Rating.Again, NOW, 800));
    const [a, b] = [...reviews(log)];
    assert.deepStrictEqual([a.card, a.at, a.rating, a.elapsedSeconds, a.answerSeconds, a.stateBefore, a.stabilityBefore], ['q:a', NOW - 3 * DAY, Rating.Good, 0, 12, 0, 0]);
    assert.strictEqual(a.stateAfter, first[7]);
    assert.strictEqual(b.elapsedSeconds, 3 * 86400);
    assert.strictEqual(b.answerSeconds, 1);
    assert.strictEqual(b.stateBefore, first[7]);
    assert.ok(Math.abs(b.stabilityBefore - first[1]) / first[1] < 0.01, 'stability kept to three digits');
    assert.ok(Math.abs(b.difficultyAfter - second[2]) < 0.01);
    assert.strictEqual(b.stateAfter, second[7]);
    assert.deepStrictEqual(log.documents.guide.ids, ['q:a'], 'the card id is stored once');
  });

  it('reads back what it saved, through JSON', () => {
    const log = yearOfReviews(20, 30);
    assert.deepStrictEqual(parseLog(JSON.parse(JSON.stringify(log))), { ok: true, log, dropped: 0 });
  });

  it('drops only the reviews that make no sense, and counts them', () => {
    const good = tuple(NOW);
    const raw = {
      version: 1,
      documents: {
        guide: {
          ids: ['q:a', 42, 'q:b'],
          reviews: [good, [1, ...good.slice(1)], [2, ...good.slice(1)], [7, ...good.slice(1)], [0, -5, ...good.slice(2)], [0, good[1], 9, ...good.slice(3)],
            [0, good[1] + 1, 3, 0, 0, 2, 3, 11, 2, 3, 5], good.slice(0, 9), 'x', [0, good[1] + 2, 3, 0, 0, 5, 1, 1, 2, 1, 1]],
        },
        broken: 'nope',
        ['__proto__']: { ids: [], reviews: [] },
      },
    };
    const r = parseLog(JSON.parse(JSON.stringify(raw)));
    assert.ok(r.ok);
    if (!r.ok) { return; }
    // Kept: the first tuple and the one pointing at 'q:b'; the id 42 loses only its own review.
    assert.deepStrictEqual(r.log.documents.guide.ids, ['q:a', 'q:b']);
    assert.strictEqual(r.log.documents.guide.reviews.length, 2);
    assert.strictEqual(r.dropped, 10);
  });

  it('refuses what is not a log at all, or comes from a newer version, so it can be kept aside', () => {
    for (const [raw, reason] of [
      ['garbage', /not an object/], [[1, 2], /not an object/], [{ documents: {} }, /unknown review log version/],
      [{ version: 2, documents: {} }, /newer version/], [{ version: 1, documents: [] }, /no documents/],
    ] as const) {
      const r = parseLog(raw);
      assert.ok(!r.ok && reason.test(r.reason), JSON.stringify(raw));
    }
    assert.deepStrictEqual(parseLog(undefined), { ok: true, log: emptyLog(), dropped: 0 });
  });

  it('drops reviews dated after `notAfter` (an import from a machine with a clock far ahead)', () => {
    const r = parseLog(logOf([['guide', 'q:a', NOW], ['guide', 'q:b', NOW + 10 * DAY]]), { notAfter: NOW + DAY });
    assert.ok(r.ok && r.dropped === 1 && logSize(r.log) === 1);
  });

  describe('merge', () => {
    it('is the union of both, each review (card and second) once, ids re-interned', () => {
      const a = logOf([['guide', 'q:a', NOW - DAY], ['guide', 'q:b', NOW]]);
      const b = logOf([['guide', 'q:c', NOW - 2 * DAY], ['guide', 'q:a', NOW - DAY], ['notes', 'q:a', NOW]]);
      const m = mergeLogs(a, b);
      assert.deepStrictEqual(keys(m), [`guide q:a ${NOW - DAY}`, `guide q:b ${NOW}`, `guide q:c ${NOW - 2 * DAY}`, `notes q:a ${NOW}`]);
      assert.deepStrictEqual(m.documents.guide.reviews.map(r => r[1]), [NOW - 2 * DAY, NOW - DAY, NOW].map(t => t / 1000), 'oldest first');
      assert.deepStrictEqual(keys(a), [`guide q:a ${NOW - DAY}`, `guide q:b ${NOW}`], 'inputs unchanged');
    });

    const entry = fc.tuple(fc.constantFrom('guide', 'notes'), fc.constantFrom('q:a', 'q:b', 'q:c', 'recall:x/y'), fc.integer({ min: 0, max: 50 }).map(d => NOW - d * 3_600_000));
    const aLog = fc.array(entry, { maxLength: 30 }).map(logOf);

    it('is commutative, associative and idempotent, whatever the logs (property)', () => {
      fc.assert(fc.property(aLog, aLog, aLog, (a, b, c) => {
        assert.deepStrictEqual(keys(mergeLogs(a, b)), keys(mergeLogs(b, a)));
        assert.deepStrictEqual(keys(mergeLogs(mergeLogs(a, b), c)), keys(mergeLogs(a, mergeLogs(b, c))));
        assert.deepStrictEqual(keys(mergeLogs(a, a)), [...new Set(keys(a))]);
      }));
    });

    it('loses no review of either side and survives JSON, as Settings Sync carries it (property)', () => {
      fc.assert(fc.property(aLog, aLog, (a, b) => {
        const m = parseLog(JSON.parse(JSON.stringify(mergeLogs(a, b))));
        assert.ok(m.ok && m.dropped === 0);
        if (!m.ok) { return; }
        const all = new Set(keys(m.log));
        for (const k of [...keys(a), ...keys(b)]) { assert.ok(all.has(k), k); }
      }));
    });
  });

  describe('bounds', () => {
    it('keeps everything while under the cap', () => {
      const log = yearOfReviews(30, 10);
      assert.strictEqual(boundLog(log, NOW), log);
    });

    it('keeps every review of the last year, and drops the oldest beyond the cap', () => {
      const log = logOf([
        ...Array.from({ length: 6 }, (_, i): [string, string, number] => ['guide', `q:${i}`, NOW - (400 + i) * DAY]),
        ...Array.from({ length: 5 }, (_, i): [string, string, number] => ['notes', `q:${i}`, NOW - (KEEP_DAYS - 1 - i) * DAY]),
      ]);
      const bounded = boundLog(log, NOW, KEEP_DAYS, 8);
      assert.strictEqual(logSize(bounded), 8);
      const left = [...reviews(bounded)];
      assert.strictEqual(left.filter(r => r.document === 'notes').length, 5, 'the last year is whole');
      assert.deepStrictEqual(left.filter(r => r.document === 'guide').map(r => r.card).sort(), ['q:0', 'q:1', 'q:2'], 'the newest of the older ones');
      assert.deepStrictEqual(bounded.documents.guide.ids.sort(), ['q:0', 'q:1', 'q:2'], 'unused ids go');
    });

    it('never drops the last year, even past the cap', () => {
      const log = logOf(Array.from({ length: 20 }, (_, i): [string, string, number] => ['guide', `q:${i}`, NOW - i * DAY]));
      assert.strictEqual(logSize(boundLog(log, NOW, KEEP_DAYS, 5)), 20);
    });

    it('a year of 100 reviews a day fits under the cap and stays small', () => {
      const year = yearOfReviews(365, 100);
      assert.strictEqual(logSize(year), 36_500);
      assert.ok(logSize(year) < MAX_ENTRIES);
      const bytes = Buffer.byteLength(JSON.stringify(year));
      assert.ok(bytes < 2.2 * 1024 * 1024, `a year is ${bytes} bytes`);
      assert.ok(bytes / 36_500 < 60, `${(bytes / 36_500).toFixed(1)} bytes per review`);
    });

    it('gives Settings Sync only the newest reviews of the last 30 days', () => {
      const year = yearOfReviews(365, 100);
      const recent = recentLog(year, NOW);
      assert.strictEqual(logSize(recent), SYNC_ENTRIES);
      const times = [...reviews(recent)].map(r => r.at);
      const newest = [...reviews(year)].map(r => r.at).sort((a, b) => b - a).slice(0, SYNC_ENTRIES);
      assert.deepStrictEqual(times.sort((a, b) => b - a), newest);
      assert.ok(Buffer.byteLength(JSON.stringify(recent)) < 100 * 1024, `${Buffer.byteLength(JSON.stringify(recent))} bytes`);
      assert.strictEqual(logSize(recentLog(logOf([['guide', 'q:a', NOW - 31 * DAY], ['guide', 'q:b', NOW - 29 * DAY]]), NOW)), 1);
    });
  });
});
