import * as assert from 'assert';
import { dashboardModel, forecastChart, openQuestionsTable, sectionChart } from '../../src/core/study/dashboard';
import { buildDeck } from '../../src/core/cards/deck';
import { topicFigures } from '../../src/core/study/figures';
import { parseDocument } from '../../src/core/document/document';

const doc = parseDocument('# G\n## Python <b>\n### A\n### B\n## Django\n### C\n### D\n');
const stats: Record<string, { read: boolean; recall?: number; due: number; reviewed: number; practised?: { passed: number; total: number } }> = {
  'python-b/a': { read: true, recall: 0.8, due: 1, reviewed: 2, practised: { passed: 3, total: 3 } },
  'python-b/b': { read: true, recall: 0.6, due: 0, reviewed: 1 },
  'django/c': { read: false, due: 0, reviewed: 0, practised: { passed: 1, total: 3 } },
};
const forecast = [2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
const model = dashboardModel(doc, id => stats[id], forecast, new Date(2026, 10, 25, 12));

describe('progress dashboard', () => {
  it('sums read, solved practice and recall per section', () => {
    assert.deepStrictEqual(model.sections.map(s => [s.title, s.read, s.practised, s.recall]), [
      ['Python <b>', 1, 0.5, 0.7],
      ['Django', 0, 0, undefined],
    ]);
    assert.deepStrictEqual(model.totals, { topics: 4, read: 2, practised: 1, reviewedCards: 3, dueToday: 2 });
  });

  it('draws one bar of each kind per section, escapes titles and says when a section is not quizzed', () => {
    const svg = sectionChart(model);
    assert.strictEqual(svg.match(/class="bar-read"/g)?.length, 2);
    assert.strictEqual(svg.match(/class="bar-recall"/g)?.length, 2);
    assert.match(svg, /Python &lt;b&gt;/);
    assert.doesNotMatch(svg, /<b>/);
    assert.match(svg, /not quizzed/);
    assert.match(svg, /role="img"/);
  });

  it('draws the 14-day forecast with today first and the counts in its title', () => {
    const svg = forecastChart(model);
    assert.strictEqual(svg.match(/class="bar-due"/g)?.length, 14);
    assert.match(svg, />Today</);
    assert.match(svg, /next 14 days: 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3/);
    const titles = [...svg.matchAll(/<rect class="bar-due"[^>]*><title>([^<]+)<\/title>/g)].map(m => m[1]);
    assert.deepStrictEqual(titles.slice(0, 4), ['Today: 2 due', 'Thu: 0 due', 'Fri: 0 due', 'Sat: 1 due'], '25 November 2026 is a Wednesday');
  });

  it('counts open questions per section, and those answered at least once', () => {
    const notes = parseDocument('## Django\n### ORM\nQ: What is F()?\nA: A column reference.\n\n- Why prefetch_related?\n### Views\nWhat is a mixin?::A class adding behaviour\n## Python\n### GIL\nNo questions here.\n');
    const deck = buildDeck(notes);
    const answered = deck.find(c => c.kind === 'recall')!.id;
    const figures = topicFigures(notes, deck, { read: {}, practised: {}, cards: { [answered]: [0, 0, 0, 0, 0, 0, 0, 0, 0] } } as never, undefined);
    const m = dashboardModel(notes, id => figures.get(id), forecast, new Date(2026, 10, 25, 12));
    assert.deepStrictEqual(m.sections.map(s => [s.title, s.open, s.openReviewed]), [['Django', 3, 1], ['Python', 0, 0]]);
    const table = openQuestionsTable(m);
    assert.match(table, /<th scope="row">Django<\/th><td>1 of 3<\/td>/);
    assert.doesNotMatch(table, /Python/, 'a section without open questions is left out');
    assert.strictEqual(openQuestionsTable(model), '', 'no table for a document without open questions');
  });
});
