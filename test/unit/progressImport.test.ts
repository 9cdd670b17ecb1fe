// Hostile progress files: each is refused or cleaned, and what is saved already is never lost.
import * as assert from 'assert';
import fc from 'fast-check';
import { LATEST_TIME, parseProgress, Progress } from '../../src/core/study/progress';
import { MAX_IMPORT_BYTES, MAX_IMPORT_DEPTH, nestingDepth } from '../../src/core/study/progressImport';
import { importProgressFile } from '../../src/core/study/progressFile';
import { emptyLog } from '../../src/core/study/reviewLog';
import { lastReviewTime, SavedCard } from '../../src/core/schedule/scheduler';

const NOW = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;
const card = (lastReview: number, reps = 1): SavedCard => [lastReview + DAY, 3, 5, 1, 0, reps, 0, 2, lastReview];
const current = (): Progress => ({ version: 1, documents: { guide: { read: { 'python/decorators': NOW - DAY }, practised: {}, cards: { 'q:a': card(NOW - 2 * DAY, 3) } } } });
const file = (documents: unknown, version: unknown = 1) => JSON.stringify({ version, documents });
const numRuns = Number(process.env.DJANGO_PREP_PROPERTY_RUNS || 2000);
/** Import Progress as the command runs it (a file with no review log). */
const importProgress = (c: Progress, text: string, mode: 'merge' | 'replace', now: number) => importProgressFile({ progress: c, log: emptyLog() }, text, mode, now);
const parseImport = (text: string, now: number) => importProgressFile({ progress: { version: 1, documents: {} }, log: emptyLog() }, text, 'replace', now);

describe('importing a hostile progress file', () => {
  const refused = (text: string, reason: RegExp) => {
    const before = JSON.stringify(current());
    const c = current();
    for (const mode of ['merge', 'replace'] as const) {
      const r = importProgress(c, text, mode, NOW);
      assert.ok(!r.ok, `${mode}: refused`);
      assert.match(r.reason, reason);
    }
    assert.strictEqual(JSON.stringify(c), before, 'the current progress is untouched');
  };

  it('refuses a file larger than any progress', () => {
    refused(' '.repeat(MAX_IMPORT_BYTES + 1), /MB; progress files are at most 5 MB/);
  });

  it('refuses deep nesting, without recursing', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.strictEqual(nestingDepth(JSON.parse(deep)), MAX_IMPORT_DEPTH + 1);
    refused(deep, /nests more than 16 levels/);
    refused(file({ guide: { read: { a: JSON.parse('['.repeat(100) + ']'.repeat(100)) } } }), /nests more than/);
  });

  it('refuses what is not JSON, is empty, is from a future version or has no documents', () => {
    refused('{ not json', /not JSON/);
    refused('null', /empty/);
    refused(file({}, 2), /newer version of the extension \(format 2\)/);
    refused(file({}, 1e300), /unknown progress version 1e\+300/);
    refused(file({}, '1'), /unknown progress version "1"/);
    refused(file([], 1), /no documents/);
  });

  it('drops __proto__, constructor and the other names an object already has, polluting nothing', () => {
    const text = `{"version":1,"documents":{"__proto__":{"read":{"x":1}},"constructor":{"read":{}},"guide":{"read":{"__proto__":5,"toString":1,"ok":${NOW}},"cards":{"constructor":${JSON.stringify(card(NOW - DAY))}}}}}`;
    const r = parseImport(text, NOW);
    assert.ok(r.ok);
    assert.strictEqual(r.dropped, 5);
    assert.deepStrictEqual(Object.keys(r.progress.documents), ['guide']);
    assert.deepStrictEqual(r.progress.documents.guide, { read: { ok: NOW }, practised: {}, cards: {} });
    assert.strictEqual(Object.getPrototypeOf(r.progress.documents), Object.prototype);
    assert.strictEqual(({} as Record<string, unknown>).x, undefined);
  });

  it('drops wrong types, dates in the year 30000 or after now, and impossible card numbers', () => {
    const y30000 = Date.UTC(30000, 0, 1);
    const r = parseImport(file({ guide: {
      read: { a: 'yesterday', b: y30000, c: NOW + 10 * DAY, d: NOW - DAY },
      practised: { a: { passed: '3', total: 3, at: NOW }, b: { passed: 1, total: 2, at: y30000 } },
      cards: {
        nan: [NOW, null, 5, 1, 0, 1, 0, 2, NOW - DAY],
        infinite: JSON.parse(`[${NOW}, 1e999, 5, 1, 0, 1, 0, 2, ${NOW - DAY}]`),
        future: card(y30000), later: card(NOW + 30 * DAY), hard: [NOW, 3, 99, 1, 0, 1, 0, 2, NOW - DAY],
        fractional: [NOW, 3, 5, 1, 0, 1.5, 0, 2, NOW - DAY], short: [1, 2, 3], good: card(NOW - DAY),
      },
    }, notes: 'a string' }), NOW);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.progress.documents.guide, { read: { d: NOW - DAY }, practised: {}, cards: { good: card(NOW - DAY) } });
    assert.strictEqual(r.dropped, 13);
  });

  it('keeps stored progress with times up to the year 3000 (the machine clock may be wrong), not beyond', () => {
    const r = parseProgress({ version: 1, documents: { guide: { read: { a: NOW + 400 * DAY, b: LATEST_TIME + 1 }, practised: {}, cards: {} } } });
    assert.ok(r.ok);
    assert.deepStrictEqual(r.progress.documents.guide.read, { a: NOW + 400 * DAY });
  });

  it('merging a file of only damage changes nothing', () => {
    const r = importProgress(current(), file({ guide: { read: { 'python/decorators': 'x' }, cards: { 'q:a': card(Date.UTC(30000, 0, 1), 99) } } }), 'merge', NOW);
    assert.ok(r.ok);
    assert.deepStrictEqual(r.progress, current());
    assert.strictEqual(r.dropped, 2);
  });

  it('property: import never throws, and a merge never loses or back-dates a review already made', () => {
    const time = fc.oneof(fc.integer({ min: 0, max: NOW + 5 * DAY }), fc.constantFrom(Date.UTC(30000, 0, 1), -1, 1e308, NOW + DAY));
    const num = fc.oneof(fc.double(), fc.integer({ min: -5, max: 50 }), fc.constantFrom(NaN, Infinity, -0, -Infinity));
    const savedCard = fc.tuple(time, num, num, num, num, num, num, fc.integer({ min: 0, max: 3 }), time);
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'guide', 'q:a', 'python/decorators', 'hasOwnProperty'), fc.string({ maxLength: 6 }));
    const junk = fc.oneof(fc.anything(), num, fc.string());
    const doc = fc.record({ read: fc.dictionary(key, fc.oneof(time, junk)), practised: fc.dictionary(key, fc.oneof(fc.record({ passed: num, total: num, at: time }), junk)), cards: fc.dictionary(key, fc.oneof(savedCard, junk)) }, { requiredKeys: [] });
    const text = fc.oneof(
      fc.record({ version: fc.oneof(fc.constant(1), junk), documents: fc.dictionary(key, fc.oneof(doc, junk)) }).map(v => JSON.stringify(v) ?? ''),
      fc.json(), fc.string(),
      // Well-formed cards for the ids already reviewed, with any times: the year 30000 must not win.
      fc.dictionary(fc.constantFrom('q:a', 'q:b', 'q:c'), fc.tuple(time, fc.nat(50), fc.nat(10), fc.nat(9), fc.nat(3), fc.nat(99), fc.nat(9), fc.nat(3), time))
        .map(cards => JSON.stringify({ version: 1, documents: { guide: { cards } } })),
      // JSON.stringify spells __proto__ keys of fast-check's objects as own properties, like a file would.
      fc.record({ documents: fc.dictionary(key, doc) }).map(v => JSON.stringify({ version: 1, ...v }).replace(/"guide"/g, '"__proto__"')),
    );
    const mine = fc.dictionary(fc.constantFrom('q:a', 'q:b', 'q:c', 'constructor2'), fc.integer({ min: 0, max: NOW }).map(t => card(t, 2)));
    fc.assert(fc.property(mine, text, fc.constantFrom('merge' as const, 'replace' as const), (cards, t, mode) => {
      const before: Progress = { version: 1, documents: { guide: { read: { a: 5 }, practised: {}, cards } } };
      const frozen = JSON.stringify(before);
      const r = importProgress(before, t, mode, NOW);
      assert.strictEqual(JSON.stringify(before), frozen, 'the current progress object is not changed');
      if (!r.ok || mode === 'replace') { return; }
      const after = r.progress.documents.guide;
      assert.ok(after.read.a >= 5);
      for (const [id, c] of Object.entries(cards)) {
        const kept = after.cards[id];
        assert.ok(kept, `card ${id} is kept`);
        assert.ok(lastReviewTime(kept) >= lastReviewTime(c) && lastReviewTime(kept) <= Math.max(lastReviewTime(c), NOW + DAY), `card ${id}: no earlier and no future review replaces it`);
      }
    }), { numRuns });
  });
});
