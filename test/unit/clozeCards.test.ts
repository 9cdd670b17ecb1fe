import * as assert from 'assert';
import { blockClozes } from '../../src/core/cards/clozeCards';
import { parseDocument } from '../../src/core/document/document';
import { noteCards } from '../../src/core/cards/noteCards';
import { isOpenQuestion } from '../../src/core/cards/conceptCards';
import { selectCards } from '../../src/core/cards/quiz';
import { Scheduler } from '../../src/core/schedule/scheduler';

const cards = (body: string) => noteCards(parseDocument(`# Notes\n## Topic\n\n${body}\n`));
const asked = (body: string) => cards(body).map(c => { const q = c.build(Math.random); return [q.prompt, q.kind === 'recall' ? q.answer : undefined]; });

describe('cloze cards', () => {
  it('makes one card per highlight, the others shown as plain text', () => {
    assert.deepStrictEqual(asked('The ==GIL== lets one ==thread== run Python at a time.'), [
      ['The [...] lets one thread run Python at a time.', 'GIL'],
      ['The GIL lets one [...] run Python at a time.', 'thread'],
    ]);
  });

  it('makes one card per Anki number, hiding all its deletions together, with the hint as the gap', () => {
    assert.deepStrictEqual(asked('{{c2::ASGI::protocol}} is async; {{c1::WSGI}} is sync, and {{c1::Gunicorn}} speaks it.'), [
      ['[protocol] is async; WSGI is sync, and Gunicorn speaks it.', 'ASGI'],
      ['ASGI is async; [...] is sync, and [...] speaks it.', 'WSGI; Gunicorn'],
    ]);
    assert.deepStrictEqual(cards('{{c2::ASGI::protocol}} is async; {{c1::WSGI}} is sync.').map(c => c.id), [
      'cloze:topic/asgi-is-async-wsgi-is-sync-2', 'cloze:topic/asgi-is-async-wsgi-is-sync-1',
    ]);
  });

  it('reads nothing inside fenced or inline code, and no comparison as a highlight', () => {
    assert.deepStrictEqual(cards('Use `a ==b==` and `{{c1::x}}`.\n\n```\n==no== {{c1::no}}\n```\n\nSo a == b and c == d, a === b === c.'), []);
    assert.deepStrictEqual(asked('Keep `{{c1::this}}` but hide {{c1::`F()`}} here.'), [['Keep `{{c1::this}}` but hide [...] here.', '`F()`']]);
  });

  it('is a cloze card kind asked as a recall question, pointing at its paragraph', () => {
    const [c] = cards('Intro line.\n\n- First item\n- Port ==8000==\n  is the default.');
    assert.strictEqual(c.kind, 'cloze');
    assert.strictEqual(c.line, 6);
    const q = c.build(Math.random);
    assert.ok(q.kind === 'recall' && q.prompt === 'Port [...]\nis the default.' && q.answer === '8000');
    assert.strictEqual(isOpenQuestion(c), false, '"Open questions only" stays questions');
  });

  it('keeps ids when the document changes elsewhere, and a new one when the sentence changes', () => {
    const id = (text: string) => noteCards(parseDocument(text)).find(c => c.kind === 'cloze')?.id;
    const before = id('# N\n## Topic\n\nPort ==8000== is the default.\n');
    assert.strictEqual(before, 'cloze:topic/port-8000-is-the-default-1');
    assert.strictEqual(id('# N\n## Topic\n\nA new first paragraph.\n\nQ: What?\nA: This.\n\nPort ==8000== is the default.\n'), before);
    assert.notStrictEqual(id('# N\n## Topic\n\nPort ==8080== is the default.\n'), before);
  });

  it('is not also read as a question::answer one-liner', () => {
    assert.deepStrictEqual(cards('The default is {{c1::BigAutoField}}.').map(c => c.kind), ['cloze']);
  });

  it('is quizzed by the whole-document scope like any card', () => {
    const deck = cards('Port ==8000==.\n\nWhy? Because.');
    const got = selectCards({ kind: 'all' }, 10, { deck, cards: {}, scheduler: new Scheduler(), now: new Date(), random: () => 0.5 });
    assert.ok(got.some(c => c.kind === 'cloze'));
  });

  it('leaves a paragraph without marks alone', () => {
    assert.deepStrictEqual(blockClozes('Nothing to hide.', 0), []);
    assert.deepStrictEqual(blockClozes('==  spaced  == and ==x==', 3).map(c => [c.prompt, c.n, c.line]), [['==  spaced  == and [...]', 1, 3]]);
  });
});
