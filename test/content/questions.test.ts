// The bundled question bank: valid against the schema and the guide, enough of every kind,
// and every "predict the output" answer is what python3 really prints.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { isCorrect, loadBank, normalizeTyped, Question, QUESTION_KINDS } from '../../src/core/cards/questions';
import { rate } from '../../src/core/cards/quiz';
import { root } from '../unit/paths';
import { guide, guideSource, python } from './guide';

const dir = path.join(root, 'content', 'questions');
const files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()
  .map(name => ({ name, json: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown }));
const topics = new Set(guide.topics.map(t => t.id));
const bank = loadBank(files, id => topics.has(id));

describe('the question bank', () => {
  it('has no invalid question: topic exists, right options as declared, explanations, unique ids', () => {
    assert.deepStrictEqual(bank.problems, []);
    assert.strictEqual(bank.questions.length, files.reduce((n, f) => n + (f.json as unknown[]).length, 0));
  });

  it('has at least 250 questions and at least 5 for every topic of the guide', () => {
    assert.ok(bank.questions.length >= 250, `${bank.questions.length} questions`);
    const per = new Map<string, number>();
    bank.questions.forEach(q => per.set(q.topic, (per.get(q.topic) ?? 0) + 1));
    const short = guide.topics.filter(t => (per.get(t.id) ?? 0) < 5).map(t => `${t.id}: ${per.get(t.id) ?? 0}`);
    assert.deepStrictEqual(short, []);
  });

  it('mixes every kind of question, and multiple choice with several right answers', () => {
    for (const kind of QUESTION_KINDS) {
      assert.ok(bank.questions.filter(q => q.kind === kind).length >= 15, `fewer than 15 "${kind}" questions`);
    }
    assert.ok(bank.questions.filter(q => q.kind === 'choice' && q.select === 'many').length >= 15);
  });

  it('prints exactly the declared output for every "predict the output" snippet', () => {
    const wrong: string[] = [];
    for (const q of bank.questions) {
      if (q.kind !== 'output') { continue; }
      const r = spawnSync(python, ['-c', q.code], { encoding: 'utf8', timeout: 30000 });
      const out = (r.stdout ?? '').replace(/\n$/, '');
      if (r.status !== 0 || out !== q.output) { wrong.push(`${q.id}: prints ${JSON.stringify(out)}${r.status ? ` (exit ${r.status}: ${r.stderr.trim().split('\n').pop()})` : ''}, declared ${JSON.stringify(q.output)}`); }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('keeps prompts short enough for the quiz box and explanations short enough to read', () => {
    assert.deepStrictEqual(bank.questions.filter(q => q.prompt.length > 300).map(q => q.id), []);
    assert.deepStrictEqual(bank.questions.filter(q => q.explanation.length > 600).map(q => q.id), []);
  });

  it('keeps true/false answers balanced, between 40% and 60% true', () => {
    const tf = bank.questions.filter(q => q.kind === 'truefalse');
    const yes = tf.filter(q => q.answer).length;
    console.log(`      true/false balance: ${yes} true, ${tf.length - yes} false of ${tf.length} (${Math.round(100 * yes / tf.length)}% true)`);
    assert.ok(tf.length >= 15);
    assert.ok(yes / tf.length >= 0.4 && yes / tf.length <= 0.6, `${yes} of ${tf.length} true`);
  });

  it('words true and false statements alike: hedge words as common in true ones as in false ones (within 10 points)', () => {
    // A statement reads as "hedged" when it negates or qualifies its claim. Test-wise readers learn
    // that qualified statements ("does not", "can", "only", "still", "usually") tend to be true
    // and plain assertions false; absolutes ("always", "never") mark a claim's scope just as
    // visibly. So the list holds negations, possibility modals, scope limiters and frequency
    // adverbs, and any word ending in n't ("doesn't", "can't").
    const hedges = new Set([
      'not', 'no', 'never', 'none', 'nothing', 'nobody', 'without', 'cannot',
      'can', 'could', 'may', 'might',
      'only', 'just', 'merely', 'even', 'still',
      'always', 'usually', 'often', 'sometimes', 'normally', 'typically', 'generally', 'rarely', 'seldom',
    ]);
    const hedged = (s: string) => (s.toLowerCase().replace(/\u2019/g, "'").match(/[a-z]+(?:'[a-z]+)?/g) ?? [])
      .some(w => hedges.has(w) || w.endsWith("n't"));
    const tf = bank.questions.filter((q): q is Extract<Question, { kind: 'truefalse' }> => q.kind === 'truefalse');
    const share = (answer: boolean) => {
      const qs = tf.filter(q => q.answer === answer);
      const n = qs.filter(q => hedged(q.prompt)).length;
      return { n, of: qs.length, pct: 100 * n / qs.length };
    };
    const t = share(true), f = share(false);
    console.log(`      hedge words: ${t.n} of ${t.of} true statements (${t.pct.toFixed(0)}%), ${f.n} of ${f.of} false ones (${f.pct.toFixed(0)}%), ${Math.abs(t.pct - f.pct).toFixed(1)} points apart`);
    assert.ok(Math.abs(t.pct - f.pct) <= 10, `true ${t.pct.toFixed(1)}% vs false ${f.pct.toFixed(1)}% hedged`);
  });

  it('grades the reported typed answers as right, and a one-letter slip as almost', () => {
    const byId = (id: string) => bank.questions.find(q => q.id === id) as Question;
    const cases: Array<[string, string, 'right' | 'almost']> = [
      ['unpacking-args-type', 'a tuple', 'right'],
      ['models-data-migration-get-model', 'apps.get_model("blog.Article")', 'right'],
      ['models-data-migration-get-model', "apps.get_model('blog',  'Article')", 'right'],
      ['models-data-migration-get-model', 'apps.get_model("blog","Article")', 'right'],
      ['exceptions-except-star', 'except* ValueError:', 'right'],
      ['lb-secure-proxy-ssl-header', 'settings.SECURE_PROXY_SSL_HEADER', 'right'],
      ['nginx-secure-proxy-ssl-header', 'settings.SECURE_PROXY_SSL_HEADER', 'right'],
      ['throttle-status-code', 'HTTP 429', 'right'],
      ['sorting-timsort-name', 'Timsrot', 'almost'],
    ];
    const wrong: string[] = [];
    for (const [id, text, want] of cases) {
      const outcome = rate(byId(id), { kind: 'text', text }, 1000);
      const got = outcome.almost !== undefined ? `almost (${outcome.almost})` : outcome.correct ? 'right' : 'wrong';
      console.log(`      typed ${id}: ${JSON.stringify(text)} -> ${got}`);
      if (!got.startsWith(want)) { wrong.push(`${id}: ${text} is ${got}, want ${want}`); }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('accepts the same forms in typed questions that share an accepted answer', () => {
    const typed = bank.questions.filter((q): q is Extract<Question, { kind: 'typed' }> => q.kind === 'typed');
    const mismatched: string[] = [];
    for (const a of typed) {
      for (const b of typed) {
        if (a.id >= b.id || !a.accept.some(x => isCorrect(b, { kind: 'text', text: x }))) { continue; }
        const forms = (q: typeof a) => [...new Set(q.accept.map(normalizeTyped))].sort().join(' | ');
        if (forms(a) !== forms(b)) { mismatched.push(`${a.id} [${forms(a)}] vs ${b.id} [${forms(b)}]`); }
      }
    }
    assert.deepStrictEqual(mismatched, []);
  });

  it('explains decorators on class-based view methods as the guide does', () => {
    // What the guide teaches: plain decorators on a method misbehave, csrf_exempt on post() is
    // silently ignored, and method_decorator (or wrapping as_view()) is the fix.
    assert.match(guideSource, /csrf_exempt[^\n]*on `post\(\)` it is silently ignored/);
    const texts = bank.questions.flatMap(q => [q.prompt, q.explanation, ...(q.kind === 'choice' ? q.options.flatMap(o => [o.text, o.why]) : [])]
      .map(t => ({ id: q.id, t })));
    const aboutMethods = texts.filter(({ t }) => /\b(csrf_exempt|login_required|permission_required|cache_page|require_POST)\b/.test(t)
      && /\bmethods?\b|\b(post|get|dispatch)\(\)/.test(t));
    const bad: string[] = [];
    for (const { id, t } of aboutMethods) {
      const all = texts.filter(x => x.id === id).map(x => x.t).join(' ');
      if (!/method_decorator|as_view\(\)/.test(all)) { bad.push(`${id}: names no fix (method_decorator or wrapping as_view())`); }
      if (/(do|does|will) not work|don't work|doesn't work/i.test(t)) { bad.push(`${id}: "${t}" says decorators "do not work" on methods; they misbehave (login_required gets self) or are ignored (csrf_exempt)`); }
      if (/csrf_exempt/.test(t) && /\bpost\(\)|\bmethods?\b/.test(t) && !/ignored|never (sees|reads)|no effect/.test(all)) { bad.push(`${id}: does not say csrf_exempt on a method is ignored`); }
    }
    console.log(`      decorator-on-method texts checked: ${aboutMethods.length} (${[...new Set(aboutMethods.map(x => x.id))].join(', ')})`);
    assert.ok(aboutMethods.length >= 2, 'the bank asks about decorators on methods');
    assert.deepStrictEqual(bad, []);
  });
});
