import * as assert from 'assert';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { describePlan, readiness, readinessHtml } from '../../src/core/study/readiness';
import { Rating, SavedCard, Scheduler } from '../../src/core/schedule/scheduler';
import { studyPlan } from '../../src/core/schedule/studyPlan';

const doc = parseDocument([
  '# Notes', '## Python <core>', '### Basics', '',
  '- Decorator: a callable that takes and returns a function',
  '- Generator: a function that yields values lazily',
  '- Iterator: an object with __next__ returning items',
  '', '## Django', '### ORM', '', 'Q: What is F()?', 'A: A reference to a column.', '',
].join('\n'));
const deck = buildDeck(doc);
const now = new Date(2026, 0, 5, 9);
const date = '2026-01-15';
const s = new Scheduler({ fuzz: false });

describe('readiness on the interview day', () => {
  it('predicts recall per section at the date, unseen cards counting as 0', () => {
    const python = deck.filter(c => c.topic.startsWith('python'));
    const cards: Record<string, SavedCard> = { [python[0].id]: s.review(undefined, Rating.Good, now), [python[1].id]: s.review(undefined, Rating.Good, now) };
    const day = new Date(2026, 0, 15);
    const r = readiness(doc, deck, cards, c => s.recallAt(c, day));
    assert.deepStrictEqual(r.sections.map(x => [x.title, x.cards, x.seen]), [['Python <core>', python.length, 2], ['Django', 1, 0]]);
    const each = s.recallAt(cards[python[0].id], day);
    assert.ok(Math.abs(r.sections[0].expected - 2 * each / python.length) < 1e-9);
    assert.strictEqual(r.sections[1].expected, 0);
    assert.ok(Math.abs(r.overall - 2 * each / deck.length) < 1e-9);
  });

  it('draws the bars and the plan, escaping titles, and says when the quota is raised', () => {
    const r = readiness(doc, deck, {}, () => 1);
    const plan = studyPlan({ now, date, unseen: 300, newToday: 0, dues: [], newCardsPerDay: 20 })!;
    const html = readinessHtml(r, plan);
    assert.match(html, /Python &lt;core&gt;/);
    assert.doesNotMatch(html, /<core>/);
    assert.strictEqual(html.match(/class="bar-ready"/g)?.length, 2);
    assert.strictEqual(html.match(/class="bar-new"/g)?.length, 10);
    assert.match(html, /Thu 15 Jan 2026 \(in 10 days\)/);
    assert.match(html, /more than your djangoPrep.newCardsPerDay, so quizzes allow 34 new cards today/);
  });

  it('puts today\'s work and the days left in the status bar', () => {
    const plan = studyPlan({ now, date, unseen: 90, newToday: 4, dues: [now.getTime() - 1, now.getTime() + 3600_000], newCardsPerDay: 20 })!;
    const d = describePlan(plan);
    assert.strictEqual(d.text, '$(mortar-board) 9 today · 10 days');
    assert.match(d.tooltip, /2 reviews due and 7 new cards planned today\. Interview on Thu 15 Jan 2026, in 10 days\. .*seen once by Tue 13 Jan 2026/);
  });
});
