import * as assert from 'assert';
import { emptyProgress, parseProgress, Progress } from '../../src/core/study/progress';
import { exportProgressText, importProgressFile, LOG_FIELD } from '../../src/core/study/progressFile';
import { MAX_IMPORT_BYTES } from '../../src/core/study/progressImport';
import { appendReview, emptyLog, logSize, parseLog, reviews, ReviewLog } from '../../src/core/study/reviewLog';
import type { SavedCard } from '../../src/core/schedule/scheduler';
import { yearOfReviews } from './logFixture';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 12);
const card = (last: number): SavedCard => [last + DAY, 3, 5, 1, 0, 1, 0, 2, last];
const progressWith = (cards: Record<string, SavedCard>): Progress => ({ version: 1, documents: { guide: { read: { 'python/decorators': NOW - DAY }, practised: {}, cards } } });
const keys = (log: ReviewLog) => [...reviews(log)].map(r => `${r.document} ${r.card} ${r.at} ${r.rating}`).sort();

describe('progress file with its review log', () => {
  const log = yearOfReviews(NOW, 60, 40);
  const progress = progressWith({ 'q:a': card(NOW - DAY) });

  it('round-trips: export, then import replacing, gives the same progress and log', () => {
    const text = exportProgressText(progress, log);
    const r = importProgressFile({ progress: emptyProgress(), log: emptyLog() }, text, 'replace', NOW);
    assert.ok(r.ok);
    if (!r.ok) { return; }
    assert.deepStrictEqual(r.progress, progress);
    assert.deepStrictEqual(keys(r.log), keys(log));
    assert.strictEqual(r.dropped, 0);
    assert.strictEqual(r.logProblem, undefined);
  });

  it('merges: reviews from both sides, each once; per card the later state', () => {
    const mine = emptyLog();
    appendReview(mine, 'guide', 'q:mine', [0, NOW / 1000 - 50, 3, 0, 2, 0, 0, 0, 2, 3, 5]);
    const first = [...reviews(log)][0];
    appendReview(mine, first.document, first.card, [0, first.at / 1000, first.rating, first.elapsedSeconds, first.answerSeconds, first.stateBefore, first.stabilityBefore, first.difficultyBefore, first.stateAfter, first.stabilityAfter, first.difficultyAfter]);
    const current = progressWith({ 'q:a': card(NOW), 'q:mine': card(NOW - 50_000) });
    const r = importProgressFile({ progress: current, log: mine }, exportProgressText(progress, log), 'merge', NOW);
    assert.ok(r.ok);
    if (!r.ok) { return; }
    assert.strictEqual(logSize(r.log), logSize(log) + 1, 'the review in both is kept once');
    assert.ok(keys(r.log).some(k => k.startsWith('guide q:mine')));
    assert.deepStrictEqual(r.progress.documents.guide.cards['q:a'], card(NOW), 'the later card state wins');
  });

  it('writes the log compactly: a year of 100 reviews a day is under 2 MB and well within the import limit', () => {
    const year = yearOfReviews(NOW, 365, 100);
    const text = exportProgressText(progress, year);
    assert.ok(text.length < 2 * 1024 * 1024, `${text.length} bytes`);
    assert.ok(text.length < MAX_IMPORT_BYTES / 2);
    const r = importProgressFile({ progress: emptyProgress(), log: emptyLog() }, text, 'replace', NOW);
    assert.ok(r.ok && logSize(r.log) === 36_500);
  });

  it('imports a file from before the log existed, keeping the current log when merging', () => {
    const old = JSON.stringify(progress, null, 1);
    const mine = yearOfReviews(NOW, 3, 5);
    const r = importProgressFile({ progress: emptyProgress(), log: mine }, old, 'merge', NOW);
    assert.ok(r.ok && logSize(r.log) === 15 && r.logProblem === undefined);
  });

  it('a file whose log alone is broken imports its progress, keeps the current log and says why', () => {
    const text = JSON.stringify({ ...progress, [LOG_FIELD]: 'not a log' });
    const mine = yearOfReviews(NOW, 3, 5);
    const r = importProgressFile({ progress: emptyProgress(), log: mine }, text, 'merge', NOW);
    assert.ok(r.ok);
    if (!r.ok) { return; }
    assert.match(r.logProblem ?? '', /not an object/);
    assert.deepStrictEqual(r.progress.documents.guide.cards, progress.documents.guide.cards);
    assert.strictEqual(logSize(r.log), 15);
  });

  it('a file that is not progress is refused whole, log or not', () => {
    for (const text of ['{"reviewLog": {"version": 1, "documents": {}}}', 'nope', '[]']) {
      const r = importProgressFile({ progress, log }, text, 'merge', NOW);
      assert.ok(!r.ok, text);
    }
  });

  it('a corrupted stored log is refused whole (for a backup and a fresh log), while the card states read as before', () => {
    // What the adapter holds in globalState: progress under one key, the log under its own.
    const storedProgress = JSON.parse(JSON.stringify(progress));
    for (const broken of ['{{{', 42, [1, 2, 3], { version: 1, documents: 'x' }, { version: 99, documents: {} }]) {
      const parsedLog = parseLog(broken);
      assert.ok(!parsedLog.ok, JSON.stringify(broken));
      const parsed = parseProgress(storedProgress);
      assert.deepStrictEqual(parsed, { ok: true, progress, dropped: 0 });
    }
  });
});
