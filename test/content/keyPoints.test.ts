// Every open question of the bundled guide has written key points (2-6, none empty or repeated),
// each stated in its own model answer: the offline grader gives the model answer 100%.
import * as assert from 'assert';
import { noteCards } from '../../src/core/cards/noteCards';
import { gradeAnswer } from '../../src/core/feedback/grader';
import { answerWithPoints } from '../../src/core/document/keyPoints';
import { stripInlineMarkdown } from '../../src/core/util/text';
import { guide } from './guide';

const questions = noteCards(guide).filter(c => c.kind === 'recall').map(c => c.build(() => 0)).filter(q => q.kind === 'recall');

describe('key points of the guide', () => {
  it('every one of the 291 interview questions has a written Key points list of 2 to 6', () => {
    assert.strictEqual(questions.length, 291);
    const wrong = questions.filter(q => {
      const n = q.keyPoints?.length ?? 0;
      return n < 2 || n > 6;
    }).map(q => `${q.prompt}: ${q.keyPoints?.length ?? 0}`);
    assert.deepStrictEqual(wrong, []);
  });

  it('no key point is empty or repeated, and no alternative is empty', () => {
    const bad: string[] = [];
    for (const q of questions) {
      const texts = (q.keyPoints ?? []).map(p => stripInlineMarkdown(p.text).toLowerCase());
      if (texts.some(t => !t.trim())) { bad.push(`${q.prompt}: empty point`); }
      if (new Set(texts).size !== texts.length) { bad.push(`${q.prompt}: repeated point`); }
      if ((q.keyPoints ?? []).some(p => p.also.some(a => !a.trim()))) { bad.push(`${q.prompt}: empty alternative`); }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('the points are written by the author, and the answer shown on the card no longer lists them', () => {
    for (const q of questions) {
      assert.ok(!/^\s*Key points:?\s*$/im.test(q.answer ?? ''), `${q.prompt}: the list is taken out of the answer`);
    }
  });

  it('each model answer states every one of its key points (the grader scores it 100%)', () => {
    const missed: string[] = [];
    for (const q of questions) {
      const c = gradeAnswer(q.answer ?? '', q.keyPoints ?? []);
      c.points.forEach(p => { if (!p.covered) { missed.push(`${q.prompt} -> ${p.text}`); } });
    }
    assert.deepStrictEqual(missed, []);
  });

  it('a question restated as the answer covers few of its points (the points are not the question)', () => {
    let covered = 0, total = 0;
    for (const q of questions) {
      const c = gradeAnswer(q.prompt, q.keyPoints ?? []);
      covered += c.covered;
      total += c.total;
    }
    console.log(`      restating the question covers ${covered} of ${total} key points (${(100 * covered / total).toFixed(1)}%)`);
    assert.ok(covered / total < 0.15, `${covered} of ${total}`);
  });

  it('an answer that is only a Key points list still reads (the list is its points, the body empty)', () => {
    const a = answerWithPoints('Key points:\n- one thing\n- another thing');
    assert.strictEqual(a.body, '');
    assert.strictEqual(a.points.length, 2);
  });
});
