import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { seededRandom } from '../../src/core/util/draws';
import { buildDeck, buildDeckInSlices } from '../../src/core/cards/deck';
import { parseDocument, Topic } from '../../src/core/document/document';
import { noteCards } from '../../src/core/cards/noteCards';
import type { Question } from '../../src/core/cards/questions';
import { fixture, root } from './paths';

const FORMATS = 'notes-formats';
const read = (name: string) => fs.readFileSync(fixture(path.join(FORMATS, name)), 'utf8');

/** What a fixture's `.cards.json` lists for each card. */
function expected(q: Question): unknown {
  if (q.kind === 'choice') { return { kind: q.kind, question: q.prompt, select: q.select, options: q.options.map(o => ({ text: o.text, correct: o.correct })) }; }
  if (q.kind === 'recall') { return { kind: q.kind, question: q.prompt, ...(q.answer !== undefined ? { answer: q.answer } : {}) }; }
  return { kind: q.kind, question: q.prompt };
}

const cardsOf = (text: string) => noteCards(parseDocument(text));

describe('recall cards from notes, one fixture per format', () => {
  const names = fs.readdirSync(fixture(FORMATS)).filter(f => f.endsWith('.md')).sort();

  it('has a fixture for every format', () => {
    assert.deepStrictEqual(names, ['bold-terms.md', 'cloze.md', 'details.md', 'mixed.md', 'numbered-questions.md', 'obsidian-sr.md', 'q-headings.md', 'qa-lines.md', 'task-list-quiz.md']);
  });

  for (const name of names) {
    it(`reads ${name}: count, kind, question and answer of each card`, () => {
      const want = JSON.parse(read(name.replace(/\.md$/, '.cards.json'))) as unknown[];
      const cards = cardsOf(read(name));
      const got = cards.map(c => expected(c.build(seededRandom(1))));
      assert.deepStrictEqual(got, want);
      assert.strictEqual(new Set(cards.map(c => c.id)).size, cards.length, 'ids are unique');
      for (const c of cards) {
        const kind = c.build(seededRandom(1)).kind;
        if (c.kind === 'cloze') { assert.strictEqual(kind, 'recall', 'a cloze is asked like a recall card'); } else { assert.strictEqual(c.kind, kind === 'recall' ? 'recall' : 'task-list'); }
        assert.match(c.id, c.kind === 'recall' ? /^recall:/ : c.kind === 'cloze' ? /^cloze:/ : /^choice:/);
      }
    });
  }

  it('gives options a short reason unless the notes give one', () => {
    const cards = cardsOf(read('task-list-quiz.md')).map(c => c.build(Math.random));
    const get = cards[1];
    assert.ok(get.kind === 'choice');
    assert.deepStrictEqual(get.options.map(o => o.why), ['Not this one.', 'It raises `MultipleObjectsReturned` too when more than one row matches.', 'Not this one.']);
    assert.strictEqual(cards[0].explanation, 'filtering and ordering return new lazy QuerySets; list() and len() fetch rows.');
  });

  it('points each card at its question\'s source line', () => {
    const text = read('qa-lines.md');
    const lines = text.split('\n');
    for (const c of cardsOf(text)) { assert.match(lines[c.line!], /Q1?[:.]/, c.id); }
    const headings = read('q-headings.md').split('\n');
    for (const c of cardsOf(read('q-headings.md'))) { assert.match(headings[c.line!], /^#{3,4} /, c.id); }
  });
});

describe('concepts beside recall cards', () => {
  it('makes bold terms concepts like plain ones, but not a **Q:** marker: that bullet is a card', () => {
    const topic = parseDocument(read('bold-terms.md')).topics[0];
    assert.deepStrictEqual(topic.concepts.map(c => c.term ?? c.label), ['Middleware', 'URLconf', 'Context processor', 'Template', 'Plain bullet without a term']);
    assert.strictEqual(topic.concepts[0].description, 'a hook that wraps every request and response in order');
    assert.strictEqual(topic.concepts[1].description, 'the mapping from URL patterns to views');
  });

  it('gives a topic that is a question, or a topic of interview questions, no concepts', () => {
    const doc = parseDocument(read('q-headings.md'));
    const wsgi = doc.get('web-servers/q1-what-is-wsgi') as Topic;
    assert.strictEqual(wsgi.mayHaveConcepts, false);
    assert.deepStrictEqual(wsgi.concepts, []);
    const caching = doc.get('caching') as Topic;
    assert.deepStrictEqual(caching.concepts.map(c => c.label), ['Memcached', 'Redis', 'Database'], 'bullets under a question sub-heading are its answer');
    const mixed = parseDocument(read('mixed.md'));
    assert.deepStrictEqual((mixed.get('security/interview-questions') as Topic).concepts, []);
    assert.deepStrictEqual((mixed.get('security/overview') as Topic).concepts.map(c => c.term), ['CSRF', 'XSS']);
  });
});

describe('recall card ids', () => {
  it('stay the same when a paragraph or a topic is inserted above', () => {
    for (const name of ['mixed.md', 'q-headings.md', 'qa-lines.md', 'obsidian-sr.md']) {
      const text = read(name);
      const before = cardsOf(text).map(c => c.id);
      const firstSection = text.indexOf('\n## ') + 1;
      const edited = text.slice(0, firstSection) + 'A new intro paragraph, with Q: nothing to ask.\n\n## Warm-up\n\nJust prose here.\n\n' + text.slice(firstSection);
      assert.deepStrictEqual(cardsOf(edited).map(c => c.id), before, name);
      const paragraph = text.replace('\n\n', '\n\nAn extra paragraph.\n\n');
      assert.deepStrictEqual(cardsOf(paragraph).map(c => c.id), before, name);
    }
  });

  it('change when the question is reworded, and only that one', () => {
    const text = read('qa-lines.md');
    const before = cardsOf(text).map(c => c.id);
    const after = cardsOf(text.replace('What happens when a generator is exhausted?', 'What does next() do on an exhausted generator?')).map(c => c.id);
    assert.deepStrictEqual(after.filter(id => !before.includes(id)), ['recall:generators/what-does-next-do-on-an-exhausted-generator']);
    assert.strictEqual(after.length, before.length);
    assert.deepStrictEqual(cardsOf(text.replace('What happens when a generator', 'what happens, when a Generator')).map(c => c.id), before, 'case and punctuation do not matter');
  });

  it('reads every topic of an "Interview questions" section as a question, but not its overview', () => {
    const cards = cardsOf('# Prep\n## Interview questions\nAnswer out loud.\n### Explain middleware.\nHooks around every request.\n### What is a signal?\n');
    const answer = (q: Question) => q.kind === 'recall' ? q.answer : 'not recall';
    assert.deepStrictEqual(cards.map(c => [c.id, answer(c.build(Math.random))]), [
      ['recall:interview-questions/explain-middleware/explain-middleware', 'Hooks around every request.'],
      ['recall:interview-questions/what-is-a-signal/what-is-a-signal', undefined],
    ]);
  });

  it('de-duplicate a repeated question within a topic', () => {
    const ids = cardsOf('## ORM\n- What is a QuerySet?\n- What is a QuerySet?\n\nQuerySet::lazy\nQuerySet::cached\n').map(c => c.id);
    assert.deepStrictEqual(ids, ['recall:orm/what-is-a-queryset', 'recall:orm/what-is-a-queryset-2', 'recall:orm/queryset', 'recall:orm/queryset-2']);
  });
});

describe('recall cards from the bundled guide', () => {
  const text = fs.readFileSync(path.join(root, 'content', 'guide', 'django-interview-prep.md'), 'utf8');

  it('makes one card per question under "Interview questions", each with an answer', () => {
    let inQuestions = false;
    let count = 0;
    for (const line of text.split('\n')) {
      if (/^#{1,4} /.test(line)) { inQuestions = /^#### Interview questions\s*$/.test(line); }
      if (inQuestions && line.startsWith('##### ')) { count++; }
    }
    const cards = cardsOf(text);
    assert.ok(count >= 200, `the guide has ${count} interview questions`);
    assert.strictEqual(cards.length, count);
    for (const c of cards) {
      const q = c.build(Math.random);
      assert.ok(q.kind === 'recall' && q.answer && q.answer.trim().length > 20, c.id);
    }
  });
});

describe('recall cards from bad input', () => {
  it('keeps a question with an empty answer, never crashing', () => {
    for (const text of ['## A\n### Q1: What is WSGI?\n', '## A\nQ: What is WSGI?\nA:\n', '## A\n#### Interview questions\n##### Why?\n##### How?\n', '## A\nWhy::\n', '## A\n<details><summary>Why?</summary></details>\n']) {
      const cards = cardsOf(text);
      assert.strictEqual(cards.length, text.startsWith('##') && text.includes('Why?\n#####') ? 2 : 1, text);
      for (const c of cards) { const q = c.build(Math.random); assert.ok(q.kind === 'recall' && q.answer === undefined, text); }
    }
    for (const text of ['', '\n\n', '?\n', '::\n', '- [x]\n', '<details>\n', '## Q:\n', 'Q:\nA:\n']) { assert.doesNotThrow(() => cardsOf(text), text); }
  });

  it('ignores `::`, Q: and ? inside inline code and code fences', () => {
    const text = '## Python\nSlices like `a[::2]` and `x::y` are code.\n\n```python\nfoo::bar\n# Q: not a card?\n# A: no\n?\n```\n\n~~~\n- What is this?\n~~~\n';
    assert.deepStrictEqual(cardsOf(text), []);
  });

  it('does not make a choice card of a task list with no [x]', () => {
    const cards = cardsOf('## Plan\n**What is left to revise?**\n- [ ] Signals\n- [ ] Caching\n\nTo do:\n- [ ] Celery\n- [ ] Channels\n');
    assert.deepStrictEqual(cards.map(c => [c.kind, c.build(Math.random).prompt]), [['recall', 'What is left to revise?']]);
  });

  it('builds a deck of 5,000 questions in one file in slices', async () => {
    const lines = ['# Drill', '## Everything'];
    for (let i = 0; i < 5000; i++) { lines.push(`Q: What is item ${i}?`, `A: The answer to item ${i}.`, ''); }
    const doc = parseDocument(lines.join('\n'));
    let ranMeanwhile = false;
    setTimeout(() => { ranMeanwhile = true; }, 0);
    const deck = await buildDeckInSlices(doc, [], 1);
    assert.strictEqual(deck.length, 5000);
    assert.ok(ranMeanwhile, 'other work ran between slices');
    assert.deepStrictEqual(deck.map(c => c.id), buildDeck(doc).map(c => c.id));
    const last = deck[4999].build(Math.random);
    assert.ok(last.kind === 'recall' && last.answer === 'The answer to item 4999.');
  });
});
