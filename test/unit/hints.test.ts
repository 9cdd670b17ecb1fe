// Hints and difficulty without the editor: exercise.json's two fields validated, the next hint of
// a task, the CodeLens title, the saved hint records, the result with hints taken (and kept in
// progress per exercise), and the picker's groups.
import * as assert from 'assert';
import { exerciseProblems } from '../../src/core/practice/exercises';
import {
  byDifficulty, exerciseOutcome, hintLensTitle, hintsOf, hintsTaken, isPassed, nextHint, parseHintRecords, resultLabel, withHintShown,
} from '../../src/core/practice/hints';
import { mergeProgress, parseProgress, practiceResult, type Progress } from '../../src/core/study/progress';

const ok = { id: 'orm-q', title: 'Q objects', topic: 'django/orm', description: 'Combine filters.', file: 'orm_q.py', requires: ['django'] };
const three = ['Which object combines conditions with OR?', 'Use `Q` with `|`.', '`filter(Q(a=1) | Q(b=2))`.'];

describe('hints and difficulty', () => {
  it('accepts a difficulty and hints of 1-3 plain lines per task; a template may leave both out', () => {
    assert.deepStrictEqual(exerciseProblems(ok, 'orm-q'), []);
    for (const difficulty of ['warm-up', 'interview', 'senior']) { assert.deepStrictEqual(exerciseProblems({ ...ok, difficulty }, 'orm-q'), [], difficulty); }
    assert.deepStrictEqual(exerciseProblems({ ...ok, difficulty: 'senior', hints: { 1: three, 2: ['One is enough.'], 12: ['x'.repeat(300)] } }, 'orm-q'), []);
    assert.deepStrictEqual(exerciseProblems({ ...ok, hints: {} }, 'orm-q'), []);
  });

  it('refuses any other difficulty, naming the three', () => {
    for (const difficulty of ['easy', 'Senior', '', 3, null]) {
      assert.match(exerciseProblems({ ...ok, difficulty }, 'orm-q').join(), /difficulty .* must be one of warm-up, interview, senior/, JSON.stringify(difficulty));
    }
  });

  it('refuses hints that are not 1-3 plain lines under a task number, saying which', () => {
    const cases: Array<[unknown, RegExp]> = [
      [['a'], /hints must be an object/],
      ['a', /hints must be an object/],
      [{ 0: ['a'] }, /hints key 0 is not a task number/],
      [{ '01': ['a'] }, /hints key 01 is not a task number/],
      [{ '-1': ['a'] }, /is not a task number/],
      [{ one: ['a'] }, /hints key one is not a task number/],
      [{ '1\u202e': ['a'] }, /hints key "1\\u202e" is not a task number/],
      [{ 1: [] }, /hints for task 1 must be a list of 1 to 3 hints/],
      [{ 1: ['a', 'b', 'c', 'd'] }, /hints for task 1 must be a list of 1 to 3 hints/],
      [{ 1: 'a' }, /hints for task 1 must be a list/],
      [{ 2: ['ok', ''] }, /hints for task 2, hint 2: must be plain one-line text of at most 300 characters/],
      [{ 2: ['   '] }, /task 2, hint 1/],
      [{ 2: ['x'.repeat(301)] }, /task 2, hint 1/],
      [{ 2: ['two\nlines'] }, /task 2, hint 1/],
      [{ 2: ['evil\u202etxt'] }, /task 2, hint 1/],
      [{ 2: [42] }, /task 2, hint 1/],
    ];
    for (const [hints, re] of cases) {
      const found = exerciseProblems({ ...ok, hints }, 'orm-q');
      assert.match(found.join(' | '), re, JSON.stringify(hints));
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001f\u202e]/.test(found.join()), 'the message shows no raw control character');
    }
  });

  it('reveals the next hint each time, then says all are shown', () => {
    assert.deepStrictEqual(nextHint(three, 0), { kind: 'hint', text: three[0], number: 1, of: 3 });
    assert.deepStrictEqual(nextHint(three, 2), { kind: 'hint', text: three[2], number: 3, of: 3 });
    assert.deepStrictEqual(nextHint(three, 3), { kind: 'all-shown', of: 3, last: three[2] });
    assert.deepStrictEqual(nextHint(three, 9), { kind: 'all-shown', of: 3, last: three[2] });
    assert.deepStrictEqual(nextHint([], 0), { kind: 'none' });
    assert.deepStrictEqual(hintsOf({ hints: { 2: three } }, 2), three);
    assert.deepStrictEqual(hintsOf({ hints: { 2: three } }, 1), []);
    assert.deepStrictEqual(hintsOf(undefined, 1), []);
  });

  it('counts hints per task, never past what the task has', () => {
    let shown = withHintShown({}, 2, 3);
    shown = withHintShown(shown, 2, 3);
    shown = withHintShown(shown, 1, 1);
    shown = withHintShown(shown, 1, 1);
    assert.deepStrictEqual(shown, { 1: 1, 2: 2 });
    assert.strictEqual(hintsTaken(shown), 3);
    assert.strictEqual(hintsTaken(undefined), 0);
  });

  it('titles the CodeLens with the next hint, then that all are shown', () => {
    assert.strictEqual(hintLensTitle(3, 0), 'Show Hint (1 of 3)');
    assert.strictEqual(hintLensTitle(3, 2), 'Show Hint (3 of 3)');
    assert.strictEqual(hintLensTitle(3, 3), 'All 3 Hints Shown');
    assert.strictEqual(hintLensTitle(1, 1), 'Hint Shown');
  });

  it('reads saved hint records, dropping what makes no sense', () => {
    const raw = {
      'file:///a.py': { exercise: 'orm-q', shown: { 1: 2, 2: 9, x: 1, 3: -1, 4: 1.5, 5: 3 } },
      'file:///b.py': { exercise: 3, shown: {} },
      'file:///c.py': 'x',
      ['__proto__']: { exercise: 'orm-q', shown: { 1: 1 } },
    };
    assert.deepStrictEqual(parseHintRecords(JSON.parse(JSON.stringify(raw))), { 'file:///a.py': { exercise: 'orm-q', shown: { 1: 2, 5: 3 } } });
    for (const junk of [undefined, null, 'x', [1], 7]) { assert.deepStrictEqual(parseHintRecords(junk), {}, JSON.stringify(junk)); }
  });

  it('says how a result went, with the hints taken', () => {
    assert.strictEqual(resultLabel({ passed: 5, total: 5 }), 'passed');
    assert.strictEqual(resultLabel({ passed: 5, total: 5, hints: 0 }), 'passed');
    assert.strictEqual(resultLabel({ passed: 5, total: 5, hints: 1 }), 'passed with 1 hint');
    assert.strictEqual(resultLabel({ passed: 5, total: 5, hints: 2 }), 'passed with 2 hints');
    assert.strictEqual(resultLabel({ passed: 3, total: 5 }), '3 of 5 tasks pass');
    assert.strictEqual(resultLabel({ passed: 0, total: 1, hints: 2 }), '0 of 1 task pass, 2 hints taken');
    assert.ok(isPassed({ passed: 4, total: 4 }) && !isPassed({ passed: 0, total: 0 }) && !isPassed(undefined));
  });

  it('keeps each exercise\'s result and hints in its topic\'s result; older progress still counts for a topic\'s only exercise', () => {
    let topic = practiceResult(undefined, 2, 5, 10, { id: 'views-fbv-cbv', hints: 0 });
    topic = practiceResult(topic, 5, 5, 20, { id: 'generic-views-mixins', hints: 2 });
    topic = practiceResult(topic, 5, 5, 30, { id: 'views-fbv-cbv', hints: 1 });
    assert.deepStrictEqual(topic, { passed: 5, total: 5, at: 30, exercises: { 'views-fbv-cbv': { passed: 5, total: 5, hints: 1 }, 'generic-views-mixins': { passed: 5, total: 5, hints: 2 } } });
    assert.deepStrictEqual(exerciseOutcome(topic, 'generic-views-mixins', false), { passed: 5, total: 5, hints: 2 });
    assert.strictEqual(exerciseOutcome(topic, 'other', true), undefined, 'a topic with per-exercise results speaks for those only');
    const old = { passed: 4, total: 4, at: 1 };
    assert.deepStrictEqual(exerciseOutcome(old, 'signals-on-commit', true), { passed: 4, total: 4 });
    assert.strictEqual(exerciseOutcome(old, 'views-fbv-cbv', false), undefined, 'which of two exercises it was is not known');
    assert.strictEqual(exerciseOutcome(undefined, 'x', true), undefined);
    assert.deepStrictEqual(practiceResult(old, 1, 4, 2), { passed: 1, total: 4, at: 2 }, 'a check without an exercise adds none');
  });

  it('saves, reads back and merges the per-exercise results, dropping damaged ones', () => {
    const p: Progress = { version: 1, documents: { guide: { read: {}, cards: {}, practised: { 'a/b': practiceResult(undefined, 3, 3, 7, { id: 'ex', hints: 2 }) } } } };
    assert.deepStrictEqual(parseProgress(JSON.parse(JSON.stringify(p))), { ok: true, progress: p, dropped: 0 });
    const damaged = parseProgress({ version: 1, documents: { guide: { read: {}, cards: {}, practised: { t: { passed: 1, total: 2, at: 3, exercises: {
      good: { passed: 1, total: 2, hints: 0 }, over: { passed: 3, total: 2, hints: 0 }, neg: { passed: 1, total: 2, hints: -1 }, frac: { passed: 1, total: 2, hints: 0.5 }, str: 'x',
    } } } } } });
    assert.ok(damaged.ok);
    assert.deepStrictEqual(damaged.ok && damaged.progress.documents.guide.practised.t, { passed: 1, total: 2, at: 3, exercises: { good: { passed: 1, total: 2, hints: 0 } } });
    assert.strictEqual(damaged.ok && damaged.dropped, 4);
    // Two windows, each checked another exercise of the topic: the later result, and both exercises.
    const doc = (r: Progress['documents'][string]['practised'][string]): Progress => ({ version: 1, documents: { guide: { read: {}, cards: {}, practised: { t: r } } } });
    const a = doc(practiceResult(undefined, 5, 5, 10, { id: 'one', hints: 1 }));
    const b = doc(practiceResult(undefined, 2, 4, 20, { id: 'two', hints: 0 }));
    const merged = mergeProgress(a, b).documents.guide.practised.t;
    assert.deepStrictEqual(merged, { passed: 2, total: 4, at: 20, exercises: { one: { passed: 5, total: 5, hints: 1 }, two: { passed: 2, total: 4, hints: 0 } } });
    assert.deepStrictEqual(mergeProgress(b, a).documents.guide.practised.t, merged, 'in either order');
  });

  it('groups the picker: warm-up, interview, senior, then unrated templates, each in the order given', () => {
    const e = (id: string, difficulty?: string) => ({ id, difficulty }) as { id: string; difficulty?: 'warm-up' | 'interview' | 'senior' };
    const groups = byDifficulty([e('a', 'senior'), e('b'), e('c', 'warm-up'), e('d', 'interview'), e('e', 'warm-up'), e('f', 'hard')]);
    assert.deepStrictEqual(groups.map(g => [g.label, g.items.map(i => i.id)]), [['Warm-up', ['c', 'e']], ['Interview', ['d']], ['Senior', ['a']], ['Unrated', ['b', 'f']]]);
    assert.deepStrictEqual(byDifficulty([e('x', 'interview')]).map(g => g.label), ['Interview'], 'empty groups are left out');
  });
});
