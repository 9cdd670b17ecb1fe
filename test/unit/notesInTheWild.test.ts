// Notes written the way public interview-notes repositories write them (our own text, in their
// styles): each fixture's `.expected.json` lists every card (line, kind, question with its code,
// answer or options and explanation) and every topic's concepts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { noteCards } from '../../src/core/cards/noteCards';
import type { Question } from '../../src/core/cards/questions';
import { parseDocument, StudyDocument } from '../../src/core/document/document';
import type { Concept } from '../../src/core/document/model';
import { seededRandom } from '../../src/core/util/draws';
import { boxText } from '../../src/core/util/text';
import { fixture } from './paths';

const WILD = 'notes-in-the-wild';
const read = (name: string) => fs.readFileSync(fixture(path.join(WILD, name)), 'utf8');
const names = fs.readdirSync(fixture(WILD)).filter(f => f.endsWith('.md')).sort();

interface Expected {
  readonly cards: readonly unknown[];
  readonly concepts: Readonly<Record<string, readonly string[]>>;
}

function shown(line: number, kind: string | undefined, q: Question): unknown {
  if (q.kind === 'choice') {
    return { line: line + 1, kind, question: q.prompt, select: q.select, options: q.options.map(o => ({ text: o.text, correct: o.correct })), explanation: q.explanation };
  }
  return { line: line + 1, kind, question: q.prompt, ...(q.kind === 'recall' && q.answer !== undefined ? { answer: q.answer } : {}) };
}

function conceptsOf(doc: StudyDocument): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (cs: readonly Concept[], prefix: string, list: string[]) => cs.forEach(c => {
    const name = prefix + (c.term ?? c.label);
    list.push(name);
    walk(c.children, `${name} > `, list);
  });
  for (const t of doc.topics) {
    const list: string[] = [];
    walk(t.concepts, '', list);
    if (list.length) { out[t.id] = list; }
  }
  return out;
}

const cardsOf = (name: string) => noteCards(parseDocument(read(name))).map(c => ({ source: c, q: c.build(seededRandom(1)) }));

describe('notes in the wild: cards as written', () => {
  it('has at least 12 fixtures, each with its expected cards', () => {
    assert.ok(names.length >= 12, `${names.length} fixtures`);
    for (const n of names) { assert.ok(fs.existsSync(fixture(path.join(WILD, n.replace(/\.md$/, '.expected.json')))), n); }
  });

  for (const name of names) {
    it(`reads ${name}: count, kinds, questions with their code, answer boundaries, concepts`, () => {
      const want = JSON.parse(read(name.replace(/\.md$/, '.expected.json'))) as Expected;
      const doc = parseDocument(read(name));
      const cards = noteCards(doc);
      assert.deepStrictEqual(cards.map(c => shown(c.line ?? -1, c.kind, c.build(seededRandom(1)))), want.cards);
      assert.deepStrictEqual(conceptsOf(doc), want.concepts);
      assert.strictEqual(new Set(cards.map(c => c.id)).size, cards.length, 'ids are unique');
      const lines = read(name).split('\n');
      for (const c of cards) { assert.ok(lines[c.line!].trim(), `${c.id} points at its question's line`); }
    });
  }
});

describe('notes in the wild: what each style needs', () => {
  it('reads imperative prompts and questions without "?", and skips numbered items that ask nothing', () => {
    const prompts = cardsOf('numbered-commands.md').map(c => c.q.prompt);
    assert.ok(prompts.includes('Difference between `APIView`, `GenericAPIView`, and `ViewSet`.'));
    assert.ok(prompts.includes('What is the GIL'));
    for (const plain of ['Decorators', 'Post vs Put', 'Status codes', 'Signals vs overriding `save()`']) {
      assert.ok(!prompts.some(p => p.includes(plain)), `"${plain}" asks nothing`);
    }
  });

  it('keeps a question that goes on over a second line whole', () => {
    const q = cardsOf('numbered-commands.md').find(c => c.q.prompt.startsWith('Why would you pick'))!.q;
    assert.strictEqual(q.prompt, 'Why would you pick `select_for_update()`\nover an optimistic version column?');
    assert.ok(q.kind === 'recall' && q.answer?.startsWith('when two writers'), 'the unindented Sol: paragraph answers it');
    assert.ok(q.kind === 'recall' && !q.answer?.includes('Signals vs'), 'the next item of the list is not part of the answer');
  });

  it('shows code between a question and its answer, or its options, with the question', () => {
    const cards = cardsOf('code-in-questions.md');
    for (const c of cards.filter(x => /following code|print\?|slow on a large table|SQL injection/.test(x.q.prompt))) {
      assert.match(c.q.prompt, /```(python|sql)\n[\s\S]+\n```$/, `${c.source.id} asks with its code`);
      const after = c.q.kind === 'recall' ? c.q.answer ?? '' : c.q.explanation;
      assert.doesNotMatch(after, /```/, `${c.source.id}: the code is not on the answer side`);
    }
    const unique = cards.find(c => c.q.prompt.startsWith('How do you declare'))!.q;
    assert.ok(unique.kind === 'recall' && unique.answer?.startsWith('```python'), 'code that answers a question stays its answer');
  });

  it('never gives a choice away: flags and emphasis go, and the box shows plain text alike', () => {
    for (const name of ['bold-answer-quiz.md', 'obsidian-and-flags.md', 'code-in-questions.md']) {
      for (const { q } of cardsOf(name)) {
        if (q.kind !== 'choice') { continue; }
        assert.ok(q.markdown, 'a choice from notes is drawn as markdown');
        for (const o of q.options) {
          assert.doesNotMatch(o.text, /\*\*|~~|✅|✔|✓|\(correct\)|←|^_|^\*/u, o.text);
          assert.doesNotMatch(boxText(o.text), /[*`~]|(?:^|\s)_|_(?:\s|$)/, `the box label of "${o.text}" has no markup`);
        }
        const coded = q.options.map(o => o.text.includes('`'));
        assert.ok(coded.every(x => x === coded[0]), `code on all options or none: ${JSON.stringify(q.options)}`);
      }
    }
  });

  it('keeps an explanation after the options: a quote, "Explanation:", "Why:" or an "Answer:" line', () => {
    const explanations = [...cardsOf('bold-answer-quiz.md'), ...cardsOf('code-in-questions.md'), ...cardsOf('obsidian-and-flags.md')]
      .flatMap(c => c.q.kind === 'choice' ? [c.q.explanation] : []);
    assert.deepStrictEqual(explanations.map(e => e.split(/[;:,]/)[0]), [
      '`MIDDLEWARE` is an ordered list of dotted paths', '`post_save` also receives `created=True` when the save was an insert.', 'the receiver', '',
      'formatting puts user input into the SQL text', '', '`countdown` is a one-off delay in seconds',
    ]);
  });

  it('turns no sentence and no task-list option into a concept', () => {
    const concepts = conceptsOf(parseDocument(read('cheatsheet-terms.md')));
    const terms = parseDocument(read('cheatsheet-terms.md')).topics.flatMap(t => t.concepts).flatMap(c => c.term ? [c.term] : []);
    assert.deepStrictEqual(terms, ['Serializer', 'ModelSerializer', 'HyperlinkedModelSerializer', 'APIView', 'GenericAPIView']);
    assert.strictEqual(concepts['to-do'], undefined, 'a to-do list is not in the tree');
    assert.deepStrictEqual(conceptsOf(parseDocument(read('bold-answer-quiz.md'))), {}, 'no option of a quiz is in the tree');
    const stampede = conceptsOf(parseDocument(read('interview-section.md')));
    assert.ok(!JSON.stringify(stampede).includes('Primary purpose'), 'bullets of an answer are not concepts');
  });

  it('drops the rules around answers, and keeps a long answer\'s named items as its key points', () => {
    for (const name of names) {
      for (const { q } of cardsOf(name)) {
        const text = q.kind === 'recall' ? q.answer ?? '' : q.explanation;
        assert.doesNotMatch(text, /^\s*(?:---|\*\*\*)\s*$(?![\s\S]*\S)|^(?:---|\*\*\*)\s*\n/m, `${name}: "${q.prompt}" has a rule at an edge`);
      }
    }
    const [speed, layers] = cardsOf('long-answer.md').map(c => c.q);
    assert.ok(speed.kind === 'recall' && layers.kind === 'recall');
    assert.deepStrictEqual(speed.keyPoints?.map(p => p.also[0]), ['select_related', 'prefetch_related', 'only() and defer()', 'Indexes', 'Pagination',
      'Cached templates and fragments', 'Per-view caching', 'Low-level caching', 'Bulk operations', 'A task queue']);
    assert.deepStrictEqual(layers.keyPoints?.map(p => p.text), ['Per-site cache', 'Per-view cache', 'Template fragment cache', 'Low-level API']);
    const mtv = cardsOf('q-headings-answer-code.md')[0].q;
    assert.ok(mtv.kind === 'recall');
    assert.deepStrictEqual(mtv.keyPoints?.map(p => p.also[0]), ['Model', 'Template', 'View', 'URLconf']);
  });
});
