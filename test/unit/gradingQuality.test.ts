// The offline grader against answers labelled by hand (written without looking at the grader):
// point-by-point precision and recall, printed, overall and by kind of answer.
import * as assert from 'assert';
import * as fs from 'fs';
import { gradeAnswer } from '../../src/core/feedback/grader';
import { parsePoint } from '../../src/core/document/keyPoints';
import { fixture } from './paths';

interface Labelled { id: string; question: string; keyPoints: string[]; answer: string; covered: number[]; kind: string }
const set: Labelled[] = JSON.parse(fs.readFileSync(fixture('grading/labelled.json'), 'utf8'));

describe('grading quality on the labelled answers', () => {
  it('has at least 40 answers, every kind at least 6 times', () => {
    assert.ok(set.length >= 40, `${set.length}`);
    const kinds = new Map<string, number>();
    set.forEach(e => kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1));
    for (const k of ['strong', 'partial', 'wrong', 'off-topic', 'typo', 'synonym', 'code', 'negated']) { assert.ok((kinds.get(k) ?? 0) >= 6, k); }
  });

  it('prints precision and recall of key-point detection (goal 0.85 each; the floor guards against regressions)', () => {
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
    console.log(`      ${set.length} answers, ${all.tp + all.fn} points expected: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    for (const [kind, k] of [...by].sort()) {
      console.log(`        ${kind.padEnd(10)} precision ${ratio(k.tp, k.tp + k.fp)}  recall ${ratio(k.tp, k.tp + k.fn)}  (${k.tp} right, ${k.fp} wrongly marked, ${k.fn} missed)`);
    }
    assert.ok(precision >= 0.85, `precision ${precision}`);
    assert.ok(recall >= 0.75, `recall ${recall}`);
  });

  it('an off-topic or wrong answer never suggests Good; a strong one mostly does', () => {
    let strongGood = 0, strong = 0;
    for (const e of set) {
      const c = gradeAnswer(e.answer, e.keyPoints.map(parsePoint));
      if (e.kind === 'off-topic' || e.kind === 'wrong') { assert.ok(c.covered < c.total, `${e.id} covered everything`); }
      if (e.kind === 'strong') { strong++; if (c.covered === c.total) { strongGood++; } }
    }
    console.log(`      strong answers given every point: ${strongGood} of ${strong}`);
    assert.ok(strongGood / strong >= 0.6);
  });
});
