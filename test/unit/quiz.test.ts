import * as assert from 'assert';
import { conceptCards } from '../../src/core/cards/conceptCards';
import { seededRandom } from '../../src/core/util/draws';
import { buildDeck, buildDeckInSlices } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { isCorrect, loadBank, normalize, Question, SELF_RATED_RIGHT } from '../../src/core/cards/questions';
import { choicesFor, QuizSession, quickLimitMs, rate, RECALL_RATINGS, Review, selectCards, topicRecall } from '../../src/core/cards/quiz';
import { Rating, SavedCard, Scheduler } from '../../src/core/schedule/scheduler';

const DAY = 86_400_000;
const DOC_TEXT = [
  '# Notes', '## Python',
  '### Generators', '- Generator: a function that yields values lazily one by one', '- Iterator: an object with __next__ that raises StopIteration at the end',
  '### Decorators', '- Decorator: a callable that wraps another function to add behaviour', '- Wraps: functools helper that copies the wrapped function metadata over',
  '## Django', '### ORM', '- F expression: refers to a column value inside the database query', '- Q object: combines filters with OR, AND and NOT operators',
  '- QuerySet: a lazy collection of rows that runs its SQL when evaluated', '- Manager: the objects attribute that starts every query on a model',
].join('\n');
const doc = parseDocument(DOC_TEXT);

const bank: Question[] = [
  { kind: 'choice', select: 'one', id: 'gen-lazy', topic: 'python/generators', prompt: 'What does a generator return when called?', explanation: 'A generator object; nothing runs until next().',
    options: [{ text: 'A generator object', correct: true, why: 'Calling it runs nothing yet.' }, { text: 'A list', correct: false, why: 'That would be eager.' }] },
  { kind: 'choice', select: 'many', id: 'orm-lazy', topic: 'django/orm', prompt: 'Which evaluate a QuerySet?', explanation: 'Iteration, len() and list() run the query.',
    options: [{ text: 'list(qs)', correct: true, why: 'Iterates.' }, { text: 'len(qs)', correct: true, why: 'Fetches rows.' }, { text: 'qs.filter(x=1)', correct: false, why: 'Returns a new lazy QuerySet.' }] },
  { kind: 'truefalse', id: 'dec-wraps', topic: 'python/decorators', prompt: 'functools.wraps keeps __name__.', answer: true, explanation: 'It copies __name__, __doc__ and more.' },
  { kind: 'typed', id: 'orm-f', topic: 'django/orm', prompt: 'Which class refers to a field value in a query?', accept: ['F', 'django.db.models.F'], explanation: 'F("field").' },
  { kind: 'order', id: 'orm-steps', topic: 'django/orm', prompt: 'Order these.', steps: ['filter', 'evaluate', 'cache'], explanation: 'Build, run, reuse.' },
  { kind: 'output', id: 'gen-out', topic: 'python/generators', prompt: 'Output?', code: 'print(list(x for x in range(3)))', output: '[0, 1, 2]', distractors: ['[1, 2, 3]', '<generator>'], explanation: 'range(3) is 0..2.' },
];

describe('question bank', () => {
  const exists = (id: string) => doc.topics.some(t => t.id === id);

  it('accepts valid questions of every kind', () => {
    const r = loadBank([{ name: 'x.json', json: bank }], exists);
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.questions.length, bank.length);
  });

  it('reports wrong right-option counts, unknown topics, duplicates and missing reasons', () => {
    const bad = [
      { ...bank[0], id: 'two-right', options: [{ text: 'a', correct: true, why: 'w' }, { text: 'b', correct: true, why: 'w' }] },
      { ...bank[1], id: 'one-right', options: [{ text: 'a', correct: true, why: 'w' }, { text: 'b', correct: false, why: 'w' }] },
      { ...bank[2], id: 'nowhere', topic: 'no/such-topic' },
      { ...bank[2] }, { ...bank[2] },
      { ...bank[0], id: 'no-why', options: [{ text: 'a', correct: true }, { text: 'b', correct: false, why: 'w' }] },
      { ...bank[5], id: 'out-dup', distractors: ['[0, 1, 2]', 'x'] },
      { ...bank[2], id: 'Bad Id' },
      { ...bank[2], id: 'no-expl', explanation: '' },
    ];
    const r = loadBank([{ name: 'bad.json', json: bad }, { name: 'obj.json', json: {} }], exists);
    const text = r.problems.join('\n');
    for (const expect of [/two-right: select "one" but 2/, /one-right: select "many" needs/, /nowhere: topic "no\/such-topic"/, /dec-wraps: duplicate id/,
      /no-why: every option needs/, /out-dup: a distractor equals the output/, /Bad Id: id/, /no-expl: explanation/, /obj.json: not a JSON array/]) {
      assert.match(text, expect);
    }
    assert.deepStrictEqual(r.questions.map(q => q.id), ['dec-wraps']);
  });

  it('grades each kind: exact option sets, typed variants ignoring case and spacing, order', () => {
    assert.ok(isCorrect(bank[1], { kind: 'options', chosen: ['len(qs)', 'list(qs)'] }));
    assert.ok(!isCorrect(bank[1], { kind: 'options', chosen: ['list(qs)'] }));
    assert.ok(!isCorrect(bank[1], { kind: 'options', chosen: ['list(qs)', 'len(qs)', 'qs.filter(x=1)'] }));
    assert.ok(isCorrect(bank[2], { kind: 'options', chosen: ['True'] }));
    assert.ok(isCorrect(bank[3], { kind: 'text', text: '  `Django.DB.models.F`. ' }));
    assert.ok(!isCorrect(bank[3], { kind: 'text', text: 'Q' }));
    assert.ok(isCorrect(bank[4], { kind: 'order', steps: ['filter', 'evaluate', 'cache'] }));
    assert.ok(!isCorrect(bank[4], { kind: 'order', steps: ['evaluate', 'filter', 'cache'] }));
    assert.ok(isCorrect(bank[5], { kind: 'options', chosen: ['[0, 1, 2]'] }));
    assert.strictEqual(normalize('  Select_Related  Query. '), 'select_related query');
  });

  it('shows every option once, shuffled, and True/False in that order', () => {
    const random = seededRandom(7);
    assert.deepStrictEqual([...choicesFor(bank[5], random)].sort(), ['<generator>', '[0, 1, 2]', '[1, 2, 3]']);
    assert.deepStrictEqual(choicesFor(bank[2], random), ['True', 'False']);
    assert.deepStrictEqual(choicesFor(bank[3], random), []);
  });
});

describe('concept cards', () => {
  const cards = conceptCards(doc);

  it('makes two cards per "Term: description" concept, with ids from the concept id', () => {
    assert.strictEqual(cards.length, 16);
    assert.ok(cards.some(c => c.id === 'concept:django/orm#q-object:term'));
    assert.ok(cards.some(c => c.id === 'concept:django/orm#q-object:meaning'));
  });

  it('asks the term for a description (term hidden) with distractors from the same section', () => {
    const card = cards.find(c => c.id === 'concept:django/orm#queryset:term')!;
    const q = card.build(seededRandom(1));
    assert.strictEqual(q.kind, 'choice');
    if (q.kind !== 'choice') { return; }
    assert.doesNotMatch(q.prompt, /QuerySet/);
    assert.deepStrictEqual(q.options.filter(o => o.correct).map(o => o.text), ['QuerySet']);
    assert.strictEqual(q.options.length, 4);
    assert.ok(q.options.every(o => ['QuerySet', 'F expression', 'Q object', 'Manager'].includes(o.text)));
    const manager = q.options.find(o => o.text === 'Manager');
    assert.match(manager?.why ?? '', /^Manager is different: the objects attribute/, 'a wrong option says what it really is');
  });

  it('falls back to the whole document when a section has too few concepts', () => {
    const q = cards.find(c => c.id === 'concept:python/generators#generator:meaning')!.build(seededRandom(3));
    assert.ok(q.kind === 'choice' && q.options.length === 4);
  });

  it('draws distractors from a large document without sections: never the card\'s own term, never twice', () => {
    const lines = ['# Flat'];
    for (let i = 0; i < 300; i++) { lines.push(`### Topic ${i}`, `- ${i % 3 === 0 ? 'Shared' : `Term${i}`}: what term number ${i} means here`); }
    const flat = conceptCards(parseDocument(lines.join('\n')));
    assert.strictEqual(flat.length, 600);
    const random = seededRandom(11);
    for (const card of flat) {
      const q = card.build(random);
      assert.ok(q.kind === 'choice');
      if (q.kind !== 'choice') { return; }
      const texts = q.options.map(o => o.text);
      assert.strictEqual(q.options.length, 4, card.id);
      assert.strictEqual(new Set(texts).size, 4, `${card.id}: ${texts.join(', ')}`);
      if (card.id.endsWith(':term')) {
        const right = q.options.find(o => o.correct)!.text;
        assert.ok(right !== 'Shared' || texts.filter(t => t === 'Shared').length === 1, 'a shared term is not its own distractor');
      }
    }
  });

  it('looks beyond a section whose concepts repeat the same few terms', () => {
    const lines = ['# Notes', '## Repeats'];
    for (let i = 0; i < 5; i++) { lines.push(`### Tool ${i}`, `- Pros: what tool ${i} does well in practice`, `- Cons: what tool ${i} does badly in practice`, `- Example: a case where tool ${i} fits`); }
    lines.push('## Others', '### Terms', '- Latency: time one request takes end to end', '- Throughput: requests served per second at most', '- Backpressure: slowing producers down when consumers lag');
    const random = seededRandom(2);
    const termCards = conceptCards(parseDocument(lines.join('\n'))).filter(c => c.id.endsWith(':term'));
    assert.strictEqual(termCards.length, 18);
    for (const card of termCards) {
      const q = card.build(random);
      assert.ok(q.kind === 'choice' && q.options.length === 4, `${card.id}: ${q.kind === 'choice' ? q.options.map(o => o.text).join(', ') : q.kind}`);
    }
  });

  it('keeps the ids of other topics\' cards when one topic is edited', () => {
    const edited = parseDocument(doc.topics.map(t => t.body).join('\n').length ? [
      '# Notes', '## Python', '### Generators', '- Generator: a function that yields values lazily, fixed typo', '- Iterator: an object with __next__ that raises StopIteration at the end',
      '### Decorators', '- Decorator: a callable that wraps another function to add behaviour', '- Wraps: functools helper that copies the wrapped function metadata over',
      '## Django', '### ORM', '- F expression: refers to a column value inside the database query', '- Q object: combines filters with OR, AND and NOT operators',
      '- QuerySet: a lazy collection of rows that runs its SQL when evaluated', '- Manager: the objects attribute that starts every query on a model',
    ].join('\n') : '');
    assert.deepStrictEqual(conceptCards(edited).map(c => c.id), cards.map(c => c.id));
  });
});

describe('quiz engine', () => {
  const scheduler = new Scheduler({ fuzz: false });
  const deck = buildDeck(doc, bank);
  const start = new Date('2026-03-02T08:00:00Z');

  it('puts bank questions and concept cards of the document in one deck', () => {
    assert.strictEqual(deck.length, bank.length + 16);
    assert.ok(buildDeck(parseDocument('## Other\n- X: something else entirely here'), bank).every(c => !c.id.startsWith('q:')));
  });

  it('builds the same deck in slices, letting other work run in between', async () => {
    let ranMeanwhile = false;
    setTimeout(() => { ranMeanwhile = true; }, 0);
    const sliced = await buildDeckInSlices(parseDocument(DOC_TEXT), bank, 0);
    assert.ok(ranMeanwhile, 'a timer queued before the build ran during it');
    assert.deepStrictEqual(sliced.map(c => c.id), deck.map(c => c.id));
  });

  it('rates right and quick Good, right and slow Hard, wrong Again', () => {
    const q = bank[0];
    const right = { kind: 'options' as const, chosen: ['A generator object'] };
    assert.strictEqual(rate(q, right, 2000).rating, Rating.Good);
    assert.strictEqual(rate(q, right, quickLimitMs(q) + 1).rating, Rating.Hard);
    assert.strictEqual(rate(q, { kind: 'options', chosen: ['A list'] }, 1000).rating, Rating.Again);
    assert.ok(quickLimitMs(bank[5]) > quickLimitMs(bank[2]), 'code to read gives more time');
  });

  it('selects by scope: topic, section, due first then new, weakest topics', () => {
    const base = { deck, scheduler, now: start, random: seededRandom(5) };
    const topicCards = selectCards({ kind: 'topic', topic: 'django/orm' }, 50, { ...base, cards: {} });
    assert.ok(topicCards.length > 0 && topicCards.every(c => c.topic === 'django/orm'));
    const section = selectCards({ kind: 'section', topics: ['python/generators', 'python/decorators'] }, 5, { ...base, cards: {} });
    assert.strictEqual(section.length, 5);
    assert.ok(section.every(c => c.topic.startsWith('python/')));
    assert.deepStrictEqual(selectCards({ kind: 'due' }, 10, { ...base, cards: {} }), [], 'nothing is due before any review');

    // Yesterday: one card answered wrong (due again now), one right (due in days).
    const cards: Record<string, SavedCard> = {
      'q:gen-lazy': scheduler.review(undefined, Rating.Again, new Date(start.getTime() - DAY)),
      'q:dec-wraps': scheduler.review(undefined, Rating.Good, new Date(start.getTime() - DAY)),
    };
    assert.deepStrictEqual(selectCards({ kind: 'due' }, 10, { ...base, cards }).map(c => c.id), ['q:gen-lazy']);
    const all = selectCards({ kind: 'all' }, 100, { ...base, cards });
    assert.strictEqual(all[0].id, 'q:gen-lazy', 'due cards come first');
    assert.strictEqual(all[all.length - 1].id, 'q:dec-wraps', 'well-known cards come last');
    const recall = topicRecall({ deck, cards, scheduler, now: start });
    assert.ok(recall.get('python/generators')!.recall! < recall.get('python/decorators')!.recall!);
    const weakest = selectCards({ kind: 'weakest' }, 100, { ...base, cards });
    assert.deepStrictEqual([...new Set(weakest.map(c => c.topic))], ['python/generators'], 'only the forgotten topic, not the unknown or the known one');
    assert.deepStrictEqual(selectCards({ kind: 'weakest' }, 100, { ...base, cards: {} }), [], 'nothing is weak before any quiz');
  });

  it('runs a session: answer, mark easy, skip, stop keeps what was answered, summary', () => {
    let now = start.getTime();
    const reviews: Review[] = [];
    const items = [bank[0], bank[2], bank[3], bank[4]].map(q => ({ card: deck.find(c => c.id === `q:${q.id}`)!, question: q }));
    const session = new QuizSession(items, () => new Date(now), r => reviews.push(r));
    assert.ok(session.answer({ kind: 'options', chosen: ['A generator object'] }, 3000).correct);
    session.next(true);
    const wrong = session.answer({ kind: 'options', chosen: ['False'] }, 3000);
    assert.deepStrictEqual([wrong.correct, wrong.right], [false, ['True']]);
    session.next(true);
    session.skip();
    session.answer({ kind: 'order', steps: ['filter', 'evaluate', 'cache'] }, 60000);
    now += 95_000;
    const summary = session.stop();
    assert.deepStrictEqual(reviews.map(r => [r.cardId, r.rating]), [['q:gen-lazy', Rating.Easy], ['q:dec-wraps', Rating.Again], ['q:orm-steps', Rating.Hard]]);
    assert.deepStrictEqual(summary, { asked: 4, answered: 3, right: 2, skipped: 1, ms: 95_000, revisit: ['python/decorators'] });
    assert.ok(session.done);
  });

  it('over simulated weeks, due counts follow the answers', () => {
    const cards: Record<string, SavedCard> = {};
    let now = start;
    const dueNow = () => selectCards({ kind: 'due' }, 1000, { deck, cards, scheduler, now, random: seededRandom(1) }).length;
    // Day 0: answer every card; the generator topic wrong.
    for (const c of deck) { cards[c.id] = scheduler.review(undefined, c.topic === 'python/generators' ? Rating.Again : Rating.Good, now); }
    now = new Date(start.getTime() + DAY);
    const generators = deck.filter(c => c.topic === 'python/generators').length;
    assert.strictEqual(dueNow(), generators, 'a day later only the forgotten topic is due');
    for (const c of deck.filter(x => x.topic === 'python/generators')) { cards[c.id] = scheduler.review(cards[c.id], Rating.Good, now); }
    assert.strictEqual(dueNow(), 0);
    now = new Date(start.getTime() + 60 * DAY);
    assert.strictEqual(dueNow(), deck.length, 'two months later everything is due again');
  });
});

describe('recall cards in the quiz', () => {
  const notes = parseDocument(`${DOC_TEXT}\n\n#### Interview questions\n##### What is a manager for?\nIt starts every query on a model.\n##### Why is a QuerySet lazy?\nSo filters can be chained before one query runs.\n`);
  const deck = buildDeck(notes, bank);
  const recall = deck.filter(c => c.kind === 'recall');
  const scheduler = new Scheduler({ fuzz: false });
  const start = new Date('2026-03-02T08:00:00Z');

  it('puts recall cards in the deck beside bank and concept cards, told apart by kind', () => {
    assert.deepStrictEqual(recall.map(c => c.id), ['recall:django/orm/what-is-a-manager-for', 'recall:django/orm/why-is-a-queryset-lazy']);
    assert.strictEqual(deck.length, bank.length + 16 + 2);
    assert.ok(deck.every(c => c.kind === 'bank' || c.kind === 'concept' || c.kind === 'recall'));
  });

  it('passes the reader\'s own rating through, whatever the time taken; Good and Easy are right', () => {
    const q = recall[0].build(Math.random);
    assert.strictEqual(q.kind, 'recall');
    assert.deepStrictEqual(choicesFor(q, Math.random), []);
    for (const r of RECALL_RATINGS) {
      const outcome = rate(q, { kind: 'self', rating: r.rating }, 600_000);
      assert.strictEqual(outcome.rating, r.rating);
      assert.strictEqual(outcome.correct, r.rating === Rating.Good || r.rating === Rating.Easy, r.label);
      assert.deepStrictEqual(outcome.right, ['It starts every query on a model.']);
    }
    assert.strictEqual(rate(q, { kind: 'options', chosen: [] }, 1).rating, Rating.Again, 'another kind of answer is no recall');
    assert.strictEqual(SELF_RATED_RIGHT, Rating.Good);
  });

  it('counts self-rated cards in the session summary and reviews them with the rating given', () => {
    const reviews: Review[] = [];
    const items = [...recall, deck.find(c => c.id === 'q:gen-lazy')!].map(card => ({ card, question: card.build(Math.random) }));
    const session = new QuizSession(items, () => start, r => reviews.push(r));
    session.answer({ kind: 'self', rating: Rating.Easy }, 1000);
    session.next();
    session.answer({ kind: 'self', rating: Rating.Hard }, 1000);
    session.next();
    const summary = session.stop();
    assert.deepStrictEqual(reviews.map(r => r.rating), [Rating.Easy, Rating.Hard]);
    assert.deepStrictEqual([summary.answered, summary.right, summary.revisit], [2, 1, ['django/orm']]);
    assert.ok(scheduler.review(undefined, reviews[0].rating, start)[0] > scheduler.review(undefined, reviews[1].rating, start)[0], 'FSRS takes the rating as is');
  });

  it('selects open questions only for the "open" scope', () => {
    const base = { deck, scheduler, now: start, random: seededRandom(3), cards: {} };
    assert.deepStrictEqual(selectCards({ kind: 'open' }, 50, base).map(c => c.id).sort(), recall.map(c => c.id).sort());
    assert.strictEqual(selectCards({ kind: 'open' }, 1, base).length, 1);
    assert.ok(selectCards({ kind: 'all' }, 100, base).some(c => c.kind === 'recall'));
  });

  it('keeps recall questions out of the JSON bank', () => {
    const r = loadBank([{ name: 'x.json', json: [{ kind: 'recall', id: 'r', topic: 'django/orm', prompt: 'Why?', explanation: 'Because.' }] }], () => true);
    assert.deepStrictEqual(r.questions, []);
    assert.match(r.problems.join('\n'), /kind must be one of choice, truefalse, output, typed, order/);
  });
});
