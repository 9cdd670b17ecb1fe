// Typed answers: graded leniently (articles, quotes, a trailing colon, spacing, code spans) but
// never wrongly, and a one-character slip on a longer answer counts as "almost" (right, Hard).
import * as assert from 'assert';
import { editDistance, isCorrect, nearMiss, normalizeTyped, Question } from '../../src/core/cards/questions';
import { QuizSession, rate, Review } from '../../src/core/cards/quiz';
import { Rating } from '../../src/core/schedule/scheduler';

const typed = (id: string, accept: string[]): Question =>
  ({ kind: 'typed', id, topic: 't', prompt: `${id}?`, accept, explanation: 'Because.' });

// The accept lists of the five reported questions, as the bank has them.
const argsType = typed('unpacking-args-type', ['tuple']);
const getModel = typed('models-data-migration-get-model', ['apps.get_model', 'apps.get_model()', 'apps.get_model("blog", "Article")', "apps.get_model('blog', 'Article')", 'apps.get_model("blog.Article")']);
const exceptStar = typed('exceptions-except-star', ['except*', 'except *', 'except* ValueError']);
const proxyHeader = typed('lb-secure-proxy-ssl-header', ['SECURE_PROXY_SSL_HEADER', 'settings.SECURE_PROXY_SSL_HEADER']);
const throttle = typed('throttle-status-code', ['429', '429 Too Many Requests', 'HTTP 429', 'HTTP 429 Too Many Requests']);

const says = (q: Question, text: string) => isCorrect(q, { kind: 'text', text });

describe('typed answers', () => {
  it('accept the five reported answers', () => {
    assert.ok(says(argsType, 'a tuple'), 'an article before the word');
    assert.ok(says(argsType, 'A `tuple`.'), 'article, code span and full stop');
    assert.ok(says(getModel, 'apps.get_model("blog.Article")'), 'the dotted label form');
    assert.ok(says(getModel, "apps.get_model('blog.Article')"), 'single quotes');
    assert.ok(says(getModel, 'apps.get_model( "blog","Article" )'), 'no space after the comma, spaces inside the brackets');
    assert.ok(says(getModel, '`apps.get_model(“blog”, “Article”)`'), 'curly quotes in a code span');
    assert.ok(says(exceptStar, 'except* ValueError:'), 'a trailing colon');
    assert.ok(says(exceptStar, '`except* ValueError`:'), 'a colon after the code span');
    assert.ok(says(proxyHeader, 'settings.SECURE_PROXY_SSL_HEADER'), 'the settings. prefix');
    assert.ok(says(throttle, 'HTTP 429'), 'HTTP before the code');
    assert.ok(says(throttle, 'http 429 too many requests'), 'case');
  });

  it('still reject what is a different answer', () => {
    assert.ok(!says(argsType, 'list'));
    assert.ok(!says(argsType, 'a list'));
    assert.ok(!says(getModel, 'apps.get_models'), 'an extra letter is not the same answer (it is almost)');
    assert.ok(!says(getModel, 'get_model("blog.Article")'));
    assert.ok(!says(exceptStar, 'except ValueError:'), 'the star is the answer');
    assert.ok(!says(throttle, '428'));
    assert.ok(!says(throttle, 'HTTP 503'));
    assert.ok(!says(typed('x', ['x = a + b']), 'x = + b'), 'a lone "a" in code is not an article');
  });

  it('normalize only what never changes the meaning', () => {
    assert.strictEqual(normalizeTyped('  The `Saga` Pattern. '), 'saga pattern');
    assert.strictEqual(normalizeTyped("apps.get_model( 'blog' , 'Article' )"), 'apps.get_model(blog,article)');
    assert.strictEqual(normalizeTyped('default = dict'), 'default=dict');
    assert.strictEqual(normalizeTyped('Vary: HX-Request'), 'vary: hx-request');
    assert.strictEqual(normalizeTyped('HTTP 304'), '304');
    assert.strictEqual(normalizeTyped('a'), 'a', 'an article alone stays');
  });

  it('measure one slip as distance 1: a typo, a missing or extra letter, two neighbours swapped', () => {
    assert.strictEqual(editDistance('timsort', 'timsort'), 0);
    assert.strictEqual(editDistance('timsrot', 'timsort'), 1);
    assert.strictEqual(editDistance('timsot', 'timsort'), 1);
    assert.strictEqual(editDistance('timsortt', 'timsort'), 1);
    assert.strictEqual(editDistance('timsoft', 'timsort'), 1);
    assert.strictEqual(editDistance('tmisrot', 'timsort'), 2);
    assert.strictEqual(editDistance('abc', 'xyzabc', 1), 2, 'stops early above the limit');
  });

  it('count a near miss as almost: right, rated Hard, with the answer meant', () => {
    const timsort = typed('sorting-timsort-name', ['Timsort', 'Tim sort', 'Tim-sort']);
    const outcome = rate(timsort, { kind: 'text', text: 'Timsrot' }, 1000);
    assert.deepStrictEqual([outcome.correct, outcome.rating, outcome.almost], [true, Rating.Hard, 'Timsort']);
    assert.strictEqual(nearMiss(getModel, { kind: 'text', text: 'apps.get_models' }), 'apps.get_model');
    assert.strictEqual(rate(timsort, { kind: 'text', text: 'Timsort' }, 1000).almost, undefined, 'an exact answer is not "almost"');
    assert.strictEqual(rate(timsort, { kind: 'text', text: 'Timsrot' }, 1000).right[0], 'Timsort');
  });

  it('never count a near miss on short answers or answers with digits', () => {
    const sighup = typed('gunicorn-sighup', ['SIGHUP', 'HUP']);
    assert.strictEqual(rate(sighup, { kind: 'text', text: 'HUB' }, 1000).rating, Rating.Again, '"HUP" is under 5 characters');
    assert.strictEqual(rate(sighup, { kind: 'text', text: 'SIGHUB' }, 1000).almost, 'SIGHUP');
    assert.strictEqual(rate(throttle, { kind: 'text', text: '428 Too Many Requests' }, 1000).correct, false, 'a status code is not a typo');
    assert.strictEqual(rate(typed('n', ['twenty-one']), { kind: 'text', text: 'twenty-one' }, 1000).almost, undefined);
    assert.strictEqual(rate(argsType, { kind: 'text', text: 'tuples' }, 1000).almost, 'tuple', '5 characters is long enough');
  });

  it('keep a near miss Hard even when the user marks it easy', () => {
    const reviews: Review[] = [];
    const timsort = typed('sorting-timsort-name', ['Timsort']);
    const s = new QuizSession([{ card: { id: 'c', topic: 't' } as never, question: timsort }], () => new Date(0), r => reviews.push(r));
    s.answer({ kind: 'text', text: 'Timsotr' }, 1000);
    s.next(true);
    assert.strictEqual(reviews[0].rating, Rating.Hard);
  });
});
