import * as assert from 'assert';
import { parseFromCard, parseFromReport } from '../../src/core/messages';
import { MAX_MOCK_HISTORY, mergeMockHistory, mockFigures, MockRecord, mockRecord, mockTrend, parseMockHistory } from '../../src/core/interview/mockHistory';
import type { MockResult } from '../../src/core/interview/mockInterview';
import { emptyProgress, LATEST_TIME, mergeProgress, parseProgress } from '../../src/core/study/progress';
import { importProgressFile } from '../../src/core/study/progressFile';
import { emptyLog } from '../../src/core/study/reviewLog';
import { Rating } from '../../src/core/schedule/scheduler';

const T0 = Date.UTC(2025, 2, 14, 9);
const result: MockResult = {
  startedAt: T0, lengthMs: 15 * 60_000, ms: 7 * 60_000 + 400, timeUp: false,
  answers: [
    { cardId: 'recall:python/gen/yield', topic: 'python/gen', prompt: 'What does yield do?', rating: Rating.Good, ms: 95_400, followUp: false },
    { cardId: 'recall:python/gen/send', topic: 'python/gen', prompt: 'How do you send?', rating: Rating.Hard, ms: 200_000, followUp: true },
    { cardId: 'recall:django/orm/f', topic: 'django/orm', prompt: 'What is F()?', rating: undefined, ms: 20_000, followUp: false },
  ],
};

const rec = (id: string, at: number, doc = 'guide', ratings: number[] = [3]): MockRecord =>
  ({ id, doc, at, minutes: 15, focus: 'whole guide', ms: 60_000, questions: ratings.map((r, i) => [`recall:t/${i}`, 't', r, 60, 0]) });

describe('mock interview history', () => {
  it('records a session compactly: ratings (0 for a skip), whole seconds, follow-ups', () => {
    const r = mockRecord(result, 'guide', 'whole guide', 'abc-1');
    assert.deepStrictEqual(r, {
      id: 'abc-1', doc: 'guide', at: T0, minutes: 15, focus: 'whole guide', ms: 420_400,
      questions: [['recall:python/gen/yield', 'python/gen', 3, 95, 0], ['recall:python/gen/send', 'python/gen', 2, 200, 1], ['recall:django/orm/f', 'django/orm', 0, 20, 0]],
    });
  });

  it('reads back what it wrote, through JSON', () => {
    const r = mockRecord(result, 'guide', 'whole guide', 'abc-1');
    assert.deepStrictEqual(parseMockHistory(JSON.parse(JSON.stringify([r])), LATEST_TIME), { history: [r], dropped: 0 });
  });

  it('drops malformed sessions one by one, and counts them', () => {
    const good = rec('a', T0);
    const raw = [
      good,
      { ...good, id: 'b', at: -1 },
      { ...good, id: 'c', questions: [['x', 't', 7, 1, 0]] }, // a rating of 7
      { ...good, id: 'd', at: T0 + 10 * 86_400_000 }, // in the future of an import
      'not a session', null, { ...good, id: '' },
    ];
    const parsed = parseMockHistory(raw, T0 + 86_400_000);
    assert.deepStrictEqual(parsed.history.map(r => r.id), ['a']);
    assert.strictEqual(parsed.dropped, 6);
    assert.deepStrictEqual(parseMockHistory(undefined, LATEST_TIME), { history: [], dropped: 0 });
    assert.deepStrictEqual(parseMockHistory({ not: 'a list' }, LATEST_TIME), { history: [], dropped: 1 });
  });

  it('merges two windows: each keeps its sessions, none twice, oldest first', () => {
    const shared = rec('shared', T0);
    const mine = [shared, rec('mine', T0 + 2000)];
    const theirs = [shared, rec('theirs', T0 + 1000)];
    assert.deepStrictEqual(mergeMockHistory(mine, theirs).map(r => r.id), ['shared', 'theirs', 'mine']);
    assert.deepStrictEqual(mergeMockHistory(theirs, mine), mergeMockHistory(mine, theirs), 'the order of the copies does not matter');
    assert.deepStrictEqual(mergeMockHistory(undefined, undefined), []);
  });

  it(`keeps the newest ${MAX_MOCK_HISTORY} sessions`, () => {
    const many = Array.from({ length: MAX_MOCK_HISTORY + 30 }, (_, i) => rec(`s${i}`, T0 + i));
    const kept = mergeMockHistory(many.slice(0, 150), many.slice(150));
    assert.strictEqual(kept.length, MAX_MOCK_HISTORY);
    assert.strictEqual(kept[0].id, 's30');
    assert.strictEqual(kept.at(-1)!.id, `s${MAX_MOCK_HISTORY + 29}`);
  });

  it('is part of the progress: parsed, merged, imported; absent until the first session', () => {
    assert.strictEqual('mockInterviews' in parseProgress({ version: 1, documents: {} }).valueOf(), false);
    const parsed = parseProgress({ version: 1, documents: {} });
    assert.ok(parsed.ok && parsed.progress.mockInterviews === undefined);
    const a = { ...emptyProgress(), mockInterviews: [rec('a', T0)] };
    const b = { ...emptyProgress(), mockInterviews: [rec('b', T0 + 1)] };
    assert.deepStrictEqual(mergeProgress(a, b).mockInterviews?.map(r => r.id), ['a', 'b']);
    assert.strictEqual(mergeProgress(emptyProgress(), emptyProgress()).mockInterviews, undefined);
    const imported = importProgressFile({ progress: a, log: emptyLog() }, JSON.stringify(b), 'merge', T0 + 1000);
    assert.ok(imported.ok);
    assert.deepStrictEqual(imported.progress.mockInterviews?.map(r => r.id), ['a', 'b'], 'an import merges the history');
    const damaged = parseProgress({ version: 1, documents: {}, mockInterviews: [rec('ok', T0), { id: 'bad' }] });
    assert.ok(damaged.ok);
    assert.strictEqual(damaged.dropped, 1);
    assert.deepStrictEqual(damaged.progress.mockInterviews?.map(r => r.id), ['ok'], 'a damaged session costs only itself');
  });

  it('gives figures and the trend per document', () => {
    assert.deepStrictEqual(mockFigures([3, 2, 0, 4]), { asked: 4, answered: 3, skipped: 1, average: 3, good: 2 / 3 });
    assert.deepStrictEqual(mockFigures([0]), { asked: 1, answered: 0, skipped: 1, average: undefined, good: undefined });
    const history = [rec('1', T0, 'guide', [1, 2]), rec('2', T0 + 1, 'file:///notes.md', [4]), rec('3', T0 + 2, 'guide', [3, 4])];
    const trend = mockTrend(history, 'guide');
    assert.deepStrictEqual(trend.map(t => [t.id, t.average, t.good]), [['1', 1.5, 0], ['3', 3.5, 1]]);
    assert.strictEqual(mockTrend(history, 'guide', 1).length, 1);
  });
});

describe('mock interview messages', () => {
  it('takes only known controls from the card', () => {
    assert.deepStrictEqual(parseFromCard({ type: 'interview', rev: 3, action: 'pause' }), { type: 'interview', rev: 3, action: 'pause' });
    assert.deepStrictEqual(parseFromCard({ type: 'interview', rev: 3, action: 'skip', extra: 1 }), { type: 'interview', rev: 3, action: 'skip' });
    assert.strictEqual(parseFromCard({ type: 'interview', rev: 3, action: 'rate' }), undefined);
    assert.strictEqual(parseFromCard({ type: 'interview', rev: '3', action: 'pause' }), undefined);
  });

  it('takes only known requests from the report', () => {
    assert.deepStrictEqual(parseFromReport({ type: 'copy' }), { type: 'copy' });
    assert.deepStrictEqual(parseFromReport({ type: 'again' }), { type: 'again' });
    assert.deepStrictEqual(parseFromReport({ type: 'openTopic', id: 'django/signals' }), { type: 'openTopic', id: 'django/signals' });
    assert.strictEqual(parseFromReport({ type: 'openTopic', id: '' }), undefined);
    assert.strictEqual(parseFromReport({ type: 'run', command: 'workbench.action.terminal.new' }), undefined);
    assert.strictEqual(parseFromReport('copy'), undefined);
  });
});
