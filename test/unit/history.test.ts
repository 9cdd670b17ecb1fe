import * as assert from 'assert';
import type { CardSource } from '../../src/core/cards/conceptCards';
import { parseDocument } from '../../src/core/document/document';
import { Clock, dayLabel, historyFigures, localDay, streaks, weekday } from '../../src/core/study/history';
import { heatmap, historySection, studyHistory } from '../../src/core/study/historyHtml';
import { appendReview, emptyLog, LogTuple, ReviewLog } from '../../src/core/study/reviewLog';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const utc = (): number => 0;
/** Central Europe: UTC+1, UTC+2 from 29 Mar 2026 01:00 UTC to 25 Oct 2026 01:00 UTC. */
const berlin = (t: number): number => (t >= Date.UTC(2026, 2, 29, 1) && t < Date.UTC(2026, 9, 25, 1) ? 120 : 60);

const review = (at: number, rating = 3, stateBefore = 2): LogTuple => [0, Math.floor(at / 1000), rating, 86400, 4, stateBefore, 5, 5, 2, 9, 5];
function logAt(times: number[], doc = 'guide', card = (i: number) => `q:${i}`, rating = (_: number) => 3): ReviewLog {
  const log = emptyLog();
  times.forEach((t, i) => appendReview(log, doc, card(i), review(t, rating(i))));
  return log;
}
const figures = (log: ReviewLog, clock: Clock) => historyFigures(log, clock, { desiredRetention: 0.9 });

describe('study history', () => {
  describe('days and streaks', () => {
    it('counts days in a row; today not yet reviewed does not break the streak', () => {
      assert.deepStrictEqual(streaks([10, 11, 12], 12), { current: 3, longest: 3 });
      assert.deepStrictEqual(streaks([10, 11, 12], 13), { current: 3, longest: 3 }, 'today is not over');
      assert.deepStrictEqual(streaks([10, 11, 12], 14), { current: 0, longest: 3 }, 'yesterday missed');
      assert.deepStrictEqual(streaks([1, 2, 3, 4, 8, 9, 14], 14), { current: 1, longest: 4 });
      assert.deepStrictEqual(streaks([], 14), { current: 0, longest: 0 });
      assert.deepStrictEqual(streaks([9, 9, 8, 8], 9), { current: 2, longest: 2 }, 'several reviews a day count once');
    });

    it('puts a review on its local day: 23:30 and 00:30 local are two days, wherever UTC falls', () => {
      // 23:30 on 9 Jun and 00:30 on 10 Jun in Berlin (UTC+2) are 21:30 and 22:30 UTC on 9 Jun.
      const late = Date.UTC(2026, 5, 9, 21, 30);
      const early = Date.UTC(2026, 5, 9, 22, 30);
      assert.strictEqual(localDay(early, berlin) - localDay(late, berlin), 1);
      assert.strictEqual(localDay(early, utc), localDay(late, utc));
      const f = figures(logAt([late, early]), { now: early + HOUR, offsetMinutes: berlin });
      assert.strictEqual(f.currentStreak, 2);
      assert.strictEqual(dayLabel(f.today), 'Wed 10 Jun 2026');
    });

    it('keeps a streak across the DST changes (23- and 25-hour days)', () => {
      // One review at 08:00 local every day from 20 Mar to 5 Apr and from 20 Oct to 30 Oct 2026.
      const at8 = (y: number, m: number, d: number) => {
        const guess = Date.UTC(y, m, d, 8);
        return guess - berlin(guess - 2 * HOUR) * 60_000;
      };
      const spring = Array.from({ length: 17 }, (_, i) => at8(2026, 2, 20 + i));
      const autumn = Array.from({ length: 11 }, (_, i) => at8(2026, 9, 20 + i));
      const days = new Set(spring.map(t => localDay(t, berlin)));
      assert.strictEqual(days.size, 17, 'one local day each');
      const f = figures(logAt([...spring, ...autumn]), { now: at8(2026, 9, 30) + HOUR, offsetMinutes: berlin });
      assert.strictEqual(f.currentStreak, 11);
      assert.strictEqual(f.longestStreak, 17);
      // Late evening after the autumn change: still the same day.
      const f2 = figures(logAt(autumn), { now: Date.UTC(2026, 9, 30, 22, 30), offsetMinutes: berlin });
      assert.ok(f2.reviewedToday, 'at 23:30 local on 30 Oct, the 08:00 review is still today');
      assert.strictEqual(f2.currentStreak, 11);
    });

    it('an empty log gives zeros, an empty heatmap and no measured retention', () => {
      const f = figures(emptyLog(), { now: Date.UTC(2026, 5, 10, 12), offsetMinutes: utc });
      assert.strictEqual(f.currentStreak, 0);
      assert.strictEqual(f.longestStreak, 0);
      assert.strictEqual(f.yearReviews, 0);
      assert.ok(f.cells.every(c => c.count === 0 && c.level === 0));
      assert.strictEqual(f.retention, undefined);
      assert.match(historySection(f), /Not measured yet/);
      assert.match(historySection(f), /No reviews in these weeks yet/);
    });
  });

  describe('heatmap', () => {
    const now = Date.UTC(2026, 5, 10, 15); // a Wednesday
    const log = logAt([now - HOUR, now - 2 * HOUR, now - DAY, now - 3 * DAY, now - 3 * DAY - HOUR, now - 3 * DAY - 2 * HOUR, now - 3 * DAY - 3 * HOUR, now - 400 * DAY]);
    const f = figures(log, { now, offsetMinutes: utc });

    it('runs 53 weeks from a Sunday to today, one cell per day, counts bucketed by local day', () => {
      assert.strictEqual(weekday(f.heatmapStart), 0);
      assert.strictEqual(f.cells[f.cells.length - 1].day, f.today);
      assert.strictEqual(f.cells.length, 52 * 7 + weekday(f.today) + 1);
      const count = (d: number) => f.cells.find(c => c.day === f.today - d)?.count;
      assert.deepStrictEqual([count(0), count(1), count(2), count(3)], [2, 1, 0, 4]);
      assert.strictEqual(f.yearReviews, 7, 'the review 400 days ago is outside');
      assert.strictEqual(f.activeDays, 3);
    });

    it('grades levels against the busiest day, 0 only for none', () => {
      const level = (d: number) => f.cells.find(c => c.day === f.today - d)?.level;
      assert.deepStrictEqual([level(0), level(1), level(2), level(3)], [2, 1, 0, 4]);
    });

    it('labels every cell with its date and count, for tooltips and screen readers', () => {
      const svg = heatmap(f);
      const labels = [...svg.matchAll(/<rect class="hm l(\d)[^"]*"[^>]*aria-label="([^"]+)"><title>([^<]+)<\/title>/g)];
      assert.strictEqual(labels.length, f.cells.length);
      assert.ok(labels.every(m => m[2] === m[3]));
      assert.ok(labels.some(m => m[2] === '4 reviews on Sun 7 Jun 2026'));
      assert.ok(labels.some(m => m[2] === '1 review on Tue 9 Jun 2026'));
      assert.ok(labels.some(m => m[2] === 'No reviews on Mon 8 Jun 2026'));
      assert.match(svg, /class="hm l2 today"[^>]*aria-label="2 reviews on Wed 10 Jun 2026"/);
    });
  });

  describe('retention and sections', () => {
    const now = Date.UTC(2026, 5, 10, 15);
    const doc = parseDocument('# G\n## Python\n### Decorators\n- wraps: keeps the name\n- functools: the module\n## Django\n### Signals\n- post_save: after saving\n- pre_save: before saving\n');
    const py = ['recall:python/decorators/a', 'recall:python/decorators/b'];
    const dj = ['recall:django/signals/a', 'recall:django/signals/b'];
    const deck = [...py.map(id => ({ id, topic: 'python/decorators' })), ...dj.map(id => ({ id, topic: 'django/signals' }))] as unknown as CardSource[];

    it('measures retention over reviews of cards in review state only, against the desired one', () => {
      const log = emptyLog();
      // In review: 8 right, 2 Again. New and learning cards do not count, right or wrong.
      for (let i = 0; i < 10; i++) { appendReview(log, 'guide', 'q:r', review(now - i * DAY, i < 2 ? 1 : 3, 2)); }
      for (let i = 0; i < 5; i++) { appendReview(log, 'guide', 'q:n', review(now - i * DAY - HOUR, 1, i % 2)); }
      appendReview(log, 'guide', 'q:old', review(now - 100 * DAY, 1, 2));
      const f = historyFigures(log, { now, offsetMinutes: utc }, { desiredRetention: 0.85 });
      assert.strictEqual(f.retentionReviews, 11);
      assert.strictEqual(f.retention, 8 / 11);
      assert.strictEqual(f.retention30, 8 / 10);
      const html = historySection(f);
      assert.match(html, /73% of 11 reviews of cards in review were not “Again”: 12 points below the target \(desired 85%/);
    });

    it('splits the document\'s reviews by section and week, with accuracy; other documents are left out', () => {
      const log = emptyLog();
      // Week of today: 3 Python (1 Again), 1 Django. Two weeks earlier: 2 Django. Nine weeks ago: outside.
      appendReview(log, 'guide', py[0], review(now - HOUR, 3));
      appendReview(log, 'guide', py[1], review(now - 2 * HOUR, 1));
      appendReview(log, 'guide', py[0], review(now - DAY, 3));
      appendReview(log, 'guide', dj[0], review(now - 2 * DAY, 3));
      appendReview(log, 'guide', dj[1], review(now - 14 * DAY, 3));
      appendReview(log, 'guide', dj[0], review(now - 15 * DAY, 3));
      appendReview(log, 'guide', dj[0], review(now - 63 * DAY, 3));
      appendReview(log, 'other', py[0], review(now, 3));
      const f = studyHistory(log, { key: 'guide', doc, deck }, { now, offsetMinutes: utc }, 0.9);
      assert.deepStrictEqual(f.sections.map(s => [s.title, s.weeks.map(w => w.reviews), s.right]), [
        ['Python', [0, 0, 0, 0, 0, 0, 0, 3], 2],
        ['Django', [0, 0, 0, 0, 0, 2, 0, 1], 3],
      ]);
      assert.strictEqual(f.yearReviews, 8, 'the heatmap counts every document');
      const html = historySection(f);
      assert.match(html, /<th scope="row">Python<\/th>.*<td class="num">3<\/td><td class="num">67%<\/td>/);
      assert.match(html, /aria-label="Week of Sun 24 May 2026: 2 reviews, 100% right"/);
    });
  });
});
