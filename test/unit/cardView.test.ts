import * as assert from 'assert';
import { parseFromCard } from '../../src/core/messages';
import { answerCard, questionCard, summaryCard } from '../../src/core/cards/cardView';
import { parseDocument, Topic } from '../../src/core/document/document';
import type { Question } from '../../src/core/cards/questions';
import { rate } from '../../src/core/cards/quiz';
import { TopicRenderer } from '../../src/core/document/render';
import { Rating } from '../../src/core/schedule/scheduler';

describe('quiz card view', () => {
  const doc = parseDocument('## Django\n### ORM\nText.\n### Views\nMore.\n');
  const topic = doc.topics[0] as Topic;
  const renderer = new TopicRenderer();
  const md = (s: string) => renderer.renderFragment(s, doc, topic);

  const recall: Question = { kind: 'recall', id: 'r', topic: 'orm', prompt: 'What does `F()` do?', answer: 'Refers to a column **in the database**:\n\n```python\nArticle.objects.update(views=F("views") + 1)\n```\n\nSee [views](#views) and <script>x()</script>.', explanation: '' };

  it('draws a recall question as markdown with a notes box, and its answer with highlighted code', () => {
    const q = questionCard('Question 1 of 3', 'ORM', recall, md);
    assert.strictEqual(q.recall, true);
    assert.match(q.promptHtml, /<code>F\(\)<\/code>/);
    assert.match(q.hint, /Space/);
    assert.strictEqual(q.answerHtml, undefined, 'the answer is not sent before it is revealed');
    const a = answerCard('Question 1 of 3', 'ORM', recall, rate(recall, { kind: 'self', rating: Rating.Good }, 0), md, 'my notes');
    assert.match(a.answerHtml ?? '', /<strong>in the database<\/strong>/);
    assert.match(a.answerHtml ?? '', /class="hljs-/, 'code is highlighted');
    assert.match(a.answerHtml ?? '', /data-topic="django\/views"/, 'a link to another topic stays a topic link');
    assert.doesNotMatch(a.answerHtml ?? '', /<script>/, 'raw HTML is escaped');
    assert.strictEqual(a.notes, 'my notes');
    assert.strictEqual(a.verdict, undefined, 'not rated yet: the page offers 1-4');
  });

  it('says so when the notes have no answer', () => {
    const open: Question = { kind: 'recall', id: 'o', topic: 'orm', prompt: 'Explain select_related?', explanation: '' };
    const a = answerCard('Q', 'ORM', open, rate(open, { kind: 'self', rating: Rating.Hard }, 0), md);
    assert.match(a.answerHtml ?? '', /no answer to this one/);
  });

  it('escapes a bank prompt and lists every option of a choice with its reason', () => {
    const choice: Question = { kind: 'choice', select: 'one', id: 'c', topic: 'orm', prompt: 'Which is <lazy>?', explanation: 'Because.', options: [
      { text: 'QuerySet', correct: true, why: 'Evaluated on use.' }, { text: 'list', correct: false, why: 'Eager.' }] };
    const q = questionCard('Q', 'ORM', choice, md);
    assert.strictEqual(q.promptHtml, '<p>Which is &lt;lazy&gt;?</p>');
    const a = answerCard('Q', 'ORM', choice, rate(choice, { kind: 'options', chosen: ['list'] }, 0), md);
    assert.deepStrictEqual(a.verdict, { tone: 'wrong', text: '✗ Not quite' });
    assert.deepStrictEqual(a.options?.map(o => [o.correct, o.why]), [[true, 'Evaluated on use.'], [false, 'Eager.']]);
    assert.match(a.explanationHtml ?? '', /Because/);
  });

  it('shows a typed near miss as almost right, with the answer meant', () => {
    const typed: Question = { kind: 'typed', id: 't', topic: 'orm', prompt: 'Which sort does Python use?', accept: ['Timsort'], explanation: 'Merge sort and insertion sort.' };
    const almost = answerCard('Q', 'ORM', typed, rate(typed, { kind: 'text', text: 'Timsrot' }, 0), md);
    assert.deepStrictEqual(almost.verdict, { tone: 'right', text: '≈ Almost: Timsort' });
    assert.strictEqual(almost.answerHtml, undefined, 'the verdict already names the answer');
    assert.deepStrictEqual(answerCard('Q', 'ORM', typed, rate(typed, { kind: 'text', text: 'timsort' }, 0), md).verdict, { tone: 'right', text: '✓ Right' });
    assert.deepStrictEqual(answerCard('Q', 'ORM', typed, rate(typed, { kind: 'text', text: 'quicksort' }, 0), md).verdict, { tone: 'wrong', text: '✗ Not quite' });
  });

  it('shows the summary with the topics to revisit', () => {
    const s = summaryCard('3 of 5 right', [{ id: 'orm', title: 'ORM' }]);
    assert.strictEqual(s.phase, 'summary');
    assert.deepStrictEqual(s.revisit, [{ id: 'orm', title: 'ORM' }]);
  });

  it('accepts only well-formed messages from the page', () => {
    assert.deepStrictEqual(parseFromCard({ type: 'rate', rev: 2, rating: 3 }), { type: 'rate', rev: 2, rating: 3 });
    assert.deepStrictEqual(parseFromCard({ type: 'reveal', rev: 1, extra: 'x' }), { type: 'reveal', rev: 1 });
    assert.deepStrictEqual(parseFromCard({ type: 'stop' }), { type: 'stop' });
    for (const bad of [null, 'rate', { type: 'rate', rev: 1, rating: 5 }, { type: 'rate', rev: '1', rating: 1 }, { type: 'notes', rev: 1, text: 'x'.repeat(10_001) },
      { type: 'openTopic', id: '' }, { type: 'eval', code: 'x' }, { type: 'reveal' }]) {
      assert.strictEqual(parseFromCard(bad), undefined, JSON.stringify(bad));
    }
  });
});
