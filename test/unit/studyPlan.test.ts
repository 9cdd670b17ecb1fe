// The interview date: what is accepted as a date, the cap on intervals, and the plan that
// spreads the unseen cards over the days left. Every test runs on an injected clock.
import * as assert from 'assert';
import { addDays, dayOf, daysUntil, parseInterviewDate } from '../../src/core/schedule/interviewDate';
import { Rating, SavedCard, Scheduler, type Grade } from '../../src/core/schedule/scheduler';
import { deadlineOf, effectiveDue, studyPlan } from '../../src/core/schedule/studyPlan';
import { seededRandom } from '../../src/core/util/draws';

/** Local 09:30 on 5 January 2026: the injected "now". */
const now = new Date(2026, 0, 5, 9, 30);
const at = (days: number, hour = 9) => new Date(2026, 0, 5 + days, hour, 30);

describe('interview date input', () => {
  const parse = (t: string) => parseInterviewDate(t, now);

  it('takes an ISO date after today, and a few natural forms', () => {
    assert.deepStrictEqual(parse('2026-01-15'), { kind: 'date', date: '2026-01-15' });
    assert.deepStrictEqual(parse(' 2026/1/15 '), { kind: 'date', date: '2026-01-15' });
    assert.deepStrictEqual(parse('tomorrow'), { kind: 'date', date: '2026-01-06' });
    assert.deepStrictEqual(parse('in 10 days'), { kind: 'date', date: '2026-01-15' });
    assert.deepStrictEqual(parse('in 2 weeks'), { kind: 'date', date: '2026-01-19' });
    assert.deepStrictEqual(parse('12 March 2026'), { kind: 'date', date: '2026-03-12' });
    assert.deepStrictEqual(parse('March 12'), { kind: 'date', date: '2026-03-12' });
    // A day of the year already past this year means next year's.
    assert.deepStrictEqual(parse('1 jan'), { kind: 'date', date: '2027-01-01' });
  });

  it('refuses past dates and today with a message that says so', () => {
    for (const t of ['2026-01-04', '2025-12-31', '1999-05-05']) {
      const r = parse(t);
      assert.strictEqual(r.kind, 'invalid', t);
      assert.match(r.kind === 'invalid' ? r.message : '', /has passed/);
    }
    const today = parse('2026-01-05');
    assert.strictEqual(today.kind, 'invalid');
    assert.match(today.kind === 'invalid' ? today.message : '', /today/);
    assert.strictEqual(parse('today').kind, 'invalid');
  });

  it('refuses dates that are not on the calendar, and text that is no date', () => {
    for (const t of ['2027-02-30', '2026-13-01', '2026-02-29', '2026-04-31', '31 feb 2027']) {
      const r = parse(t);
      assert.strictEqual(r.kind, 'invalid', t);
      assert.match(r.kind === 'invalid' ? r.message : '', /not a real calendar date/, t);
    }
    assert.deepStrictEqual(parse('2028-02-29'), { kind: 'date', date: '2028-02-29' }, 'a leap day is real');
    for (const t of ['soon', 'next week-ish', '12/13', '2026-1']) {
      const r = parse(t);
      assert.strictEqual(r.kind, 'invalid', t);
      assert.match(r.kind === 'invalid' ? r.message : '', /not a date.*YYYY-MM-DD/, t);
    }
  });

  it('clears the date on empty input', () => {
    assert.deepStrictEqual(parse(''), { kind: 'clear' });
    assert.deepStrictEqual(parse('   '), { kind: 'clear' });
  });

  it('counts calendar days, whatever the hour', () => {
    assert.strictEqual(daysUntil(new Date(2026, 0, 5, 23, 59), '2026-01-15'), 10);
    assert.strictEqual(daysUntil(new Date(2026, 0, 5, 0, 1), '2026-01-15'), 10);
    assert.strictEqual(daysUntil(now, '2026-01-04'), -1);
    assert.strictEqual(addDays('2026-02-27', 3), '2026-03-02');
    // Across the change to summer time (Europe in late March, the US earlier): still whole days.
    assert.strictEqual(daysUntil(new Date(2026, 2, 20, 12), '2026-04-05'), 16);
  });
});

describe('the interval cap before the interview', () => {
  const date = addDays(dayOf(now), 10);
  const deadline = deadlineOf(date)!;
  const lastDay = addDays(date, -1);

  it('a date 10 days out caps every interval: nothing reviewed before the last day falls due after it', () => {
    const s = new Scheduler({ fuzz: true });
    s.setDeadline(deadline);
    const random = seededRandom(7);
    const grades: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
    const cards: Array<SavedCard | undefined> = new Array(60).fill(undefined);
    let reviews = 0;
    // Ten simulated days, each card reviewed whenever it is due, with any rating (Easy on a new card included).
    for (let d = 0; d < 10; d++) {
      const today = at(d, 8 + (d % 10));
      cards.forEach((card, i) => {
        if (card && !s.isDue(card, today)) { return; }
        const next = s.review(card, grades[Math.floor(random() * 4)], today);
        reviews++;
        const dueDay = dayOf(new Date(next[0]));
        if (dayOf(today) === lastDay) {
          assert.strictEqual(dueDay, date, 'a review on the last day comes back on the day itself');
        } else {
          assert.ok(next[0] <= deadline.latestDue, `card ${i} reviewed ${dayOf(today)} due ${dueDay}, after ${lastDay}`);
        }
        cards[i] = next;
      });
    }
    assert.ok(reviews > 120, `${reviews} reviews simulated`);
    // Without the date the same Easy answers go past it; with it they stop at the last day.
    const free = new Scheduler({ fuzz: false });
    const capped = new Scheduler({ fuzz: false });
    capped.setDeadline(deadline);
    const twice = (x: Scheduler) => x.review(x.review(undefined, Rating.Easy, now), Rating.Easy, at(7));
    assert.ok(twice(free)[0] > deadline.latestDue);
    assert.strictEqual(dayOf(new Date(twice(capped)[0])), lastDay);
  });

  it('brings a card saved with a later due date forward to the last day, and stops once it has come', () => {
    const far = at(40).getTime();
    assert.strictEqual(effectiveDue(far, deadline, now.getTime()), deadline.lastDayStart);
    assert.strictEqual(dayOf(new Date(effectiveDue(far, deadline, now.getTime()))), lastDay);
    assert.strictEqual(effectiveDue(at(3).getTime(), deadline, now.getTime()), at(3).getTime(), 'an earlier due date stays');
    assert.strictEqual(effectiveDue(far, deadline, at(10).getTime()), far, 'on the day itself nothing moves');
    const s = new Scheduler({ fuzz: false });
    const card = s.review(s.review(undefined, Rating.Easy, now), Rating.Easy, at(5));
    assert.ok(!s.isDue(card, at(9)));
    s.setDeadline(deadline);
    assert.ok(s.isDue(card, at(9)), 'due on the last day before the interview');
    assert.ok(!s.isDue(card, at(8)));
  });

  it('predicts recall on the day from FSRS retrievability', () => {
    const s = new Scheduler({ fuzz: false });
    const card = s.review(undefined, Rating.Good, now);
    const soon = s.recallAt(card, at(2));
    const later = s.recallAt(card, at(30));
    assert.ok(soon > later && later > 0 && soon < 1, `${soon} then ${later}`);
  });
});

describe('the study plan', () => {
  const date = addDays(dayOf(now), 10);
  const base = { now, date, unseen: 100, newToday: 0, dues: [] as number[], newCardsPerDay: 20 };

  it('plans every unseen card before the day, finishing two days before it', () => {
    for (const unseen of [0, 1, 7, 8, 9, 100, 1001]) {
      const plan = studyPlan({ ...base, unseen })!;
      assert.strictEqual(plan.days.length, 10, 'today through the day before the interview');
      assert.strictEqual(plan.days.reduce((n, d) => n + d.newCards, 0), unseen, `all ${unseen} planned`);
      assert.strictEqual(plan.finishBy, addDays(date, -2));
      assert.ok(plan.days.slice(9).every(d => d.newCards === 0), 'the last day is for reviews');
      const counts = plan.days.slice(0, 9).map(d => d.newCards);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `spread evenly: ${counts.join(',')}`);
    }
    // A date two days out: everything today; tomorrow is the last day.
    const near = studyPlan({ ...base, date: addDays(dayOf(now), 2), unseen: 30 })!;
    assert.deepStrictEqual(near.days.map(d => d.newCards), [30, 0]);
  });

  it('is stable: asked again with nothing changed, or after doing today\'s share, it keeps its numbers', () => {
    const first = studyPlan(base)!;
    assert.deepStrictEqual(studyPlan({ ...base, now: at(0, 17) }), first, 'later the same day');
    // Doing part of today's share moves no number but the ones left.
    const half = studyPlan({ ...base, now: at(0, 18), unseen: 100 - 5, newToday: 5 })!;
    assert.deepStrictEqual(half.days, first.days);
    assert.strictEqual(half.newLeft, first.newLeft - 5);
    // Tomorrow, after today's share: the rest of the plan is what it was.
    const share = first.days[0].newCards;
    const tomorrow = studyPlan({ ...base, now: at(1), unseen: 100 - share })!;
    assert.deepStrictEqual(tomorrow.days.map(d => d.newCards), first.days.slice(1).map(d => d.newCards));
  });

  it('raises the new-card quota above newCardsPerDay when the days left need it, and says so', () => {
    const plan = studyPlan({ ...base, unseen: 270 })!;
    assert.strictEqual(plan.days[0].newCards, 30);
    assert.strictEqual(plan.raised, true);
    assert.strictEqual(plan.newQuota, 30);
    const easy = studyPlan({ ...base, unseen: 27 })!;
    assert.strictEqual(easy.raised, false);
    assert.strictEqual(easy.newQuota, 20, 'the setting stays when it allows more');
    assert.strictEqual(easy.newLeft, 3, 'the plan asks only its share');
    assert.strictEqual(studyPlan({ ...base, newCardsPerDay: 0 })!.newQuota, undefined, '0 is no limit');
  });

  it('counts reviews per day, overdue on today and later ones on the last day', () => {
    const dues = [at(-3).getTime(), at(0, 20).getTime(), at(2).getTime(), at(30).getTime(), at(400).getTime()];
    const plan = studyPlan({ ...base, dues })!;
    assert.deepStrictEqual(plan.days.map(d => d.reviews), [2, 0, 1, 0, 0, 0, 0, 0, 0, 2]);
    assert.strictEqual(plan.reviewsToday, 2);
    assert.strictEqual(plan.todayWork, 2 + plan.newLeft);
  });

  it('has no plan once the day has come', () => {
    assert.strictEqual(studyPlan({ ...base, now: at(10) }), undefined);
    assert.strictEqual(studyPlan({ ...base, now: at(11) }), undefined);
    assert.ok(studyPlan({ ...base, now: at(9, 23) }));
  });

  it('keeps whole days across a daylight-saving change', () => {
    const spring = new Date(2026, 2, 25, 23, 30);
    const plan = studyPlan({ ...base, now: spring, date: '2026-04-04', unseen: 9 })!;
    assert.strictEqual(plan.days.length, 10);
    assert.deepStrictEqual(plan.days.map(d => d.day).slice(0, 2), ['2026-03-25', '2026-03-26']);
  });
});
