import * as assert from 'assert';
import { emptyProgress, mergeProgress, parseProgress, Progress, PROGRESS_VERSION } from '../../src/core/study/progress';
import { SavedCard } from '../../src/core/schedule/scheduler';

const card = (lastReview: number, reps = 1): SavedCard => [lastReview + 86_400_000, 3, 5, 1, 0, reps, 0, 2, lastReview];

describe('progress', () => {
  it('starts empty when nothing was saved', () => {
    const r = parseProgress(undefined);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.ok && r.progress, emptyProgress());
  });

  it('reads back what it saved, through JSON', () => {
    const p: Progress = { version: PROGRESS_VERSION, documents: { guide: { read: { 'a/b': 5 }, practised: { 'a/b': { passed: 2, total: 3, at: 7 } }, cards: { 'q:x': card(100) } } } };
    const r = parseProgress(JSON.parse(JSON.stringify(p)));
    assert.deepStrictEqual(r, { ok: true, progress: p, dropped: 0 });
  });

  it('refuses what is not progress, or comes from a newer version, so it can be kept aside', () => {
    for (const [raw, reason] of [
      ['garbage', /not an object/], [[1, 2], /not an object/], [{ documents: {} }, /unknown progress version/],
      [{ version: PROGRESS_VERSION + 1, documents: {} }, /newer version/], [{ version: 1, documents: 3 }, /no documents/],
    ] as const) {
      const r = parseProgress(raw);
      assert.ok(!r.ok && reason.test(r.reason), JSON.stringify(raw));
    }
  });

  it('drops only the entries that make no sense, and counts them', () => {
    const r = parseProgress({ version: 1, documents: {
      guide: { read: { a: 1, b: 'x', c: -1 }, practised: { a: { passed: 4, total: 3, at: 1 }, b: { passed: 1, total: 3, at: 1 } }, cards: { good: card(5), bad: [1, 2] } },
      broken: 'x',
    } });
    assert.ok(r.ok);
    if (!r.ok) { return; }
    assert.deepStrictEqual(r.progress.documents.guide, { read: { a: 1 }, practised: { b: { passed: 1, total: 3, at: 1 } }, cards: { good: card(5) } });
    assert.strictEqual(r.dropped, 5);
  });

  it('merges two copies keeping the later of each item, so neither window loses a review', () => {
    const a: Progress = { version: 1, documents: { guide: { read: { t1: 10, t2: 50 }, practised: {}, cards: { x: card(100), y: card(300) } } } };
    const b: Progress = { version: 1, documents: {
      guide: { read: { t1: 20 }, practised: { t1: { passed: 1, total: 2, at: 9 } }, cards: { x: card(200), z: card(1) } },
      'file:///notes.md': { read: { n: 1 }, practised: {}, cards: {} },
    } };
    const m = mergeProgress(a, b);
    assert.deepStrictEqual(m.documents.guide.read, { t1: 20, t2: 50 });
    assert.deepStrictEqual(m.documents.guide.cards, { x: card(200), y: card(300), z: card(1) });
    assert.deepStrictEqual(m.documents.guide.practised, { t1: { passed: 1, total: 2, at: 9 } });
    assert.deepStrictEqual(Object.keys(m.documents).sort(), ['file:///notes.md', 'guide']);
    assert.deepStrictEqual(mergeProgress(m, a), m, 'merging again changes nothing');
  });
});
