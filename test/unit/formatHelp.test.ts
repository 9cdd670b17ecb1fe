import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { root } from './paths';

describe('Show Study Document Format', () => {
  it('gives the cards it promises for its questions example', () => {
    const help = fs.readFileSync(path.join(root, 'content', 'help', 'format.md'), 'utf8');
    const section = help.slice(help.indexOf('## Questions in your notes'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    // The arrows are the help's comments, not part of what a reader would write.
    const doc = parseDocument('## Notes\n' + example.replace(/[ \t]+<- .*$/gm, ''));
    const cards = buildDeck(doc).map(c => ({ kind: c.kind, q: c.build(() => 0.5) }));
    assert.deepStrictEqual(cards.map(c => [c.kind, c.q.prompt]), [
      ['recall', 'What does select_related do?'],
      ['recall', 'Default primary key type'],
      ['recall', 'What does makemigrations do?'],
      ['recall', 'What is the GIL?'],
      ['recall', 'When would you use Celery?'],
      ['recall', 'Why use F() expressions?'],
      ['task-list', 'Which of these evaluate a QuerySet?'],
      ['cloze', 'Django listens on port [...] by default.'],
      ['cloze', '[...] is sync, ASGI is async.'],
      ['cloze', 'WSGI is sync, [protocol] is async.'],
      ['recall', 'What is WSGI?'],
    ]);
    assert.deepStrictEqual(cards.filter(c => c.kind === 'cloze').map(c => c.q.kind === 'recall' && c.q.answer), ['8000', 'WSGI', 'ASGI']);
    const wsgi = cards[10].q;
    assert.ok(wsgi.kind === 'recall' && wsgi.answer === 'The interface between a\nPython web app and its server.', 'the **Answer:** marker is dropped');
  });
});

describe('Show Study Document Format: how a question is recognised', () => {
  it('gives the cards its second example promises', () => {
    const help = fs.readFileSync(path.join(root, 'content', 'help', 'format.md'), 'utf8');
    const section = help.slice(help.indexOf('### How a question is recognised'));
    const example = /````markdown\n([\s\S]*?)````/.exec(section)?.[1] ?? '';
    const doc = parseDocument('## Notes\n### Rule\n' + example.replace(/[ \t]+<- .*$/gm, ''));
    const cards = buildDeck(doc).map(c => c.build(() => 0.5));
    assert.deepStrictEqual(cards.map(q => [q.kind, q.prompt]), [
      ['recall', 'Difference between `APIView` and `ViewSet`'],
      ['recall', 'What does this print?\n\n```python\nprint([1] * 2)\n```'],
      ['choice', 'Which setting lists the middleware?'],
      ['recall', 'Explain middleware ordering.'],
    ]);
    const [, print, choice, ordering] = cards;
    assert.ok(print.kind === 'recall' && print.answer === '`[1, 1]`');
    assert.ok(choice.kind === 'choice' && choice.explanation === 'An ordered list of dotted paths.');
    assert.deepStrictEqual(choice.kind === 'choice' && choice.options.map(o => o.text), ['TEMPLATES', 'MIDDLEWARE']);
    assert.ok(ordering.kind === 'recall' && ordering.answer === 'Top-down on the request, bottom-up on the response.');
  });
});
