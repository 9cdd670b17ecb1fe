// The offline grader against answers labelled by hand, point by point: precision and recall,
// printed, overall and by kind of answer. Two sets: labelled.json was written before the grader
// was tuned and then tuned against; heldout.json was written later, blind to the grader's code,
// and never tuned against, so its figures are the ones to expect on answers nobody here wrote.
import * as assert from 'assert';
import * as fs from 'fs';
import { gradeAnswer } from '../../src/core/feedback/grader';
import { parsePoint } from '../../src/core/document/keyPoints';
import { fixture } from './paths';

interface Labelled { id: string; question: string; keyPoints: string[]; answer: string; covered: number[]; kind: string }
const load = (name: string): Labelled[] => JSON.parse(fs.readFileSync(fixture(`grading/${name}`), 'utf8'));
const KINDS = ['strong', 'partial', 'wrong', 'off-topic', 'typo', 'synonym', 'code', 'negated'];

/** Point-by-point counts over a set, printed; returns precision and recall. */
function measure(name: string, set: readonly Labelled[]): { precision: number; recall: number } {
  const by = new Map<string, { tp: number; fp: number; fn: number }>();
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const e of set) {
    const c = gradeAnswer(e.answer, e.keyPoints.map(parsePoint));
    const want = new Set(e.covered);
    const k = by.get(e.kind) ?? { tp: 0, fp: 0, fn: 0 };
    c.points.forEach((p, i) => {
      const key = p.covered && want.has(i) ? 'tp' : p.covered ? 'fp' : want.has(i) ? 'fn' : undefined;
      if (key) { k[key]++; all[key]++; }
    });
    by.set(e.kind, k);
  }
  const ratio = (a: number, b: number) => b ? (a / b).toFixed(2) : '–';
  const precision = all.tp / (all.tp + all.fp);
  const recall = all.tp / (all.tp + all.fn);
  console.log(`      ${name}: ${set.length} answers, ${all.tp + all.fn} points expected: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  for (const [kind, k] of [...by].sort()) {
    console.log(`        ${kind.padEnd(10)} precision ${ratio(k.tp, k.tp + k.fp)}  recall ${ratio(k.tp, k.tp + k.fn)}  (${k.tp} right, ${k.fp} wrongly marked, ${k.fn} missed)`);
  }
  return { precision, recall };
}

describe('grading quality on the labelled answers', () => {
  const labelled = load('labelled.json');
  const heldout = load('heldout.json');

  it('has at least 40 answers in each set, every kind at least 6 times, and no question in both', () => {
    for (const set of [labelled, heldout]) {
      assert.ok(set.length >= 40, `${set.length}`);
      const kinds = new Map<string, number>();
      set.forEach(e => kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1));
      for (const k of KINDS) { assert.ok((kinds.get(k) ?? 0) >= 6, k); }
    }
    const asked = new Set(labelled.map(e => e.question));
    assert.deepStrictEqual(heldout.filter(e => asked.has(e.question)).map(e => e.id), []);
  });

  it('prints precision and recall of key-point detection (goal 0.85 each; the floors guard against regressions)', () => {
    const tuned = measure('labelled (tuned against)', labelled);
    assert.ok(tuned.precision >= 0.85, `precision ${tuned.precision}`);
    assert.ok(tuned.recall >= 0.75, `recall ${tuned.recall}`);
    const blind = measure('held out (never tuned against)', heldout);
    assert.ok(blind.precision >= 0.8, `held-out precision ${blind.precision}`);
    assert.ok(blind.recall >= 0.65, `held-out recall ${blind.recall}`);
  });

  it('an off-topic or wrong answer never suggests Good; a strong one mostly does', () => {
    let strongGood = 0, strong = 0;
    for (const e of [...labelled, ...heldout]) {
      const c = gradeAnswer(e.answer, e.keyPoints.map(parsePoint));
      if (e.kind === 'off-topic' || e.kind === 'wrong') { assert.ok(c.covered < c.total, `${e.id} covered everything`); }
      if (e.kind === 'strong') { strong++; if (c.covered === c.total) { strongGood++; } }
    }
    console.log(`      strong answers given every point: ${strongGood} of ${strong}`);
    assert.ok(strongGood / strong >= 0.6);
  });
});
