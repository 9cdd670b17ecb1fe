import * as assert from 'assert';
import { mockRecord } from '../../src/core/interview/mockHistory';
import type { MockResult, TopicInfo } from '../../src/core/interview/mockInterview';
import { formatDuration, ReportInput, reportHtml, reportMarkdown, reportModel, sparkline } from '../../src/core/interview/mockReport';
import { Grade, Rating } from '../../src/core/schedule/scheduler';

const T0 = new Date(2025, 2, 14, 9, 30).getTime();
const topics = new Map<string, TopicInfo>([
  ['python/gen', { title: 'Generators', section: 'Python' }],
  ['django/orm', { title: 'ORM <F & Q>', section: 'Django' }],
  ['django/signals', { title: 'Signals', section: 'Django' }],
]);
const result: MockResult = {
  startedAt: T0, lengthMs: 15 * 60_000, ms: 9 * 60_000, timeUp: false,
  answers: [
    { cardId: 'c1', topic: 'python/gen', prompt: 'What does `yield` do?', rating: Rating.Good, ms: 95_000, followUp: false },
    { cardId: 'c2', topic: 'python/gen', prompt: 'How do you send a value | into it?', rating: Rating.Easy, ms: 200_000, followUp: true },
    { cardId: 'c3', topic: 'django/orm', prompt: 'What is <b>F()</b>?', rating: Rating.Again, ms: 60_000, followUp: false },
    { cardId: 'c4', topic: 'django/signals', prompt: 'When does post_save fire?', rating: undefined, ms: 10_000, followUp: false },
  ],
};
const earlier = { ...result, startedAt: T0 - 86_400_000, answers: result.answers.map(a => ({ ...a, rating: Rating.Hard as Grade })) };

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    result, doc: 'guide', docName: 'Bundled guide', focus: 'whole guide', topics,
    notes: new Map([['c3', 'F refers to a field\nin the database']]),
    history: [mockRecord(earlier, 'guide', 'whole guide', 'old'), mockRecord(result, 'file:///other.md', 'x', 'other'), mockRecord(result, 'guide', 'whole guide', 'now')],
    id: 'now', questionLimitMs: 180_000, ...over,
  };
}

describe('mock interview report', () => {
  it('works out the figures: per question, per section, topics to revisit, the trend', () => {
    const m = reportModel(input());
    assert.deepStrictEqual(m.figures, { asked: 4, answered: 3, skipped: 1, average: (3 + 4 + 1) / 3, good: 2 / 3 });
    assert.deepStrictEqual(m.questions.map(q => [q.number, q.rating, q.overLimit, q.followUp]), [[1, 'Good', false, false], [2, 'Easy', true, true], [3, 'Again', false, false], [4, 'Skipped', false, false]]);
    assert.strictEqual(m.questions[2].notes, 'F refers to a field\nin the database');
    assert.deepStrictEqual(m.sections.map(s => [s.title, s.asked, s.answered, s.average, s.good]), [['Python', 2, 2, 3.5, 1], ['Django', 2, 1, 1, 0]]);
    assert.deepStrictEqual(m.revisit, [{ id: 'django/orm', title: 'ORM <F & Q>' }, { id: 'django/signals', title: 'Signals' }]);
    assert.deepStrictEqual(m.trend.map(t => [t.current, t.average, t.good]), [[false, 2, 0], [true, (3 + 4 + 1) / 3, 2 / 3]], 'the other document is not in this trend');
    assert.strictEqual(m.when, '2025-03-14 09:30');
  });

  it('draws the page with every text escaped, topic links and the sparkline', () => {
    const html = reportHtml(reportModel(input()));
    assert.ok(!html.includes('<b>F()</b>'), 'a prompt is text, not markup');
    assert.ok(html.includes('What is &lt;b&gt;F()&lt;/b&gt;?'));
    assert.ok(html.includes('ORM &lt;F &amp; Q&gt;'));
    assert.strictEqual((html.match(/class="chip" data-topic="/g) ?? []).length, 2, 'two topics to revisit');
    assert.ok(html.includes('data-topic="django/signals"'));
    assert.ok(html.includes('<svg class="sparkline"'));
    assert.match(html, /4 questions: 3 answered, 1 skipped · average 2\.7 of 4 · 67% Good or Easy/);
    assert.match(html, /over 3 min/);
    assert.ok(!/style=|<script/i.test(html), 'nothing the CSP would refuse');
  });

  it('says when there is no trend yet and nothing to revisit', () => {
    const good = { ...result, answers: result.answers.slice(0, 2) };
    const m = reportModel(input({ result: good, history: [mockRecord(good, 'guide', 'whole guide', 'now')] }));
    const html = reportHtml(m);
    assert.match(html, /first mock interview on this document/);
    assert.match(html, /Nothing to revisit/);
  });

  it('copies as Markdown with the notes, table cells kept whole', () => {
    const md = reportMarkdown(reportModel(input()));
    assert.match(md, /^# Mock interview, 2025-03-14 09:30\n/);
    assert.ok(md.includes('| 2 | How do you send a value \\| into it? *(follow-up)* | Generators | Easy | 3:20 (over 3 min) |'), md);
    assert.ok(md.includes('| 4 | When does post_save fire? | Signals | Skipped | 0:10 |'));
    assert.ok(md.includes('**3. What is <b>F()</b>?**\n\n> F refers to a field\n> in the database'), 'the notes, quoted under their question');
    assert.ok(md.includes('| Python | 2 | 2 | 3.5 | 100% |'));
    assert.ok(md.includes('## Topics to revisit\n\n- ORM <F & Q>\n- Signals\n'));
    assert.ok(md.includes('| 2025-03-14 09:30 (this one) | 3 of 4 | 2.7 | 67% |'));
    // Every table row has the same number of cells as its header.
    for (const block of md.split('\n\n').filter(b => b.startsWith('|'))) {
      const rows = block.split('\n').filter(Boolean);
      const cells = (r: string) => r.replace(/\\\|/g, '').split('|').length;
      assert.ok(rows.every(r => cells(r) === cells(rows[0])), block);
    }
  });

  it('formats durations and the sparkline', () => {
    assert.strictEqual(formatDuration(0), '0:00');
    assert.strictEqual(formatDuration(61_400), '1:01');
    assert.strictEqual(formatDuration(45 * 60_000), '45:00');
    const svg = sparkline([0, undefined, 1]);
    assert.strictEqual((svg.match(/<circle/g) ?? []).length, 2, 'a session with no answer is a gap');
    assert.match(svg, /points="0,44 240,4"/);
  });
});
