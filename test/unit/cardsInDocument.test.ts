import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cardsInDocument } from '../../src/core/cards/cardsInDocument';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { Cancelled } from '../../src/core/util/slices';
import { fixture } from './paths';

const NOTES = `# Notes

## Django

### Signals
- post_save: sent after Model.save() with created=True on inserts
- pre_save: sent before Model.save() writes the row
- request_finished: sent when Django has finished a response
Q: What does post_save receive?
A: The sender, the instance and \`created\`.

1. Explain middleware ordering.
   Top-down on the request, bottom-up on the response.

**Which signal fires first?**
- [x] **pre_save** ✅
- [ ] post_save

### Explain caching

Is this line a question?

> - What is a quoted question?

| Why a table? |
|---|

- [ ] Anything left to revise?

Q3 revenue grew

#### What is a cache key?

A string.

Q: This Q line is answer text?
`;

describe('cards in this document (the core of the cards view)', () => {
  it('lists every card read from the document with its kind, question, first answer line and line', async () => {
    const doc = parseDocument(NOTES);
    const { cards } = await cardsInDocument(doc, buildDeck(doc));
    const lines = NOTES.split('\n');
    assert.deepStrictEqual(cards.filter(c => c.kind !== 'concept').map(c => [c.kind, c.question, c.answer, lines[c.line]]), [
      ['recall', 'What does post_save receive?', 'The sender, the instance and created.', 'Q: What does post_save receive?'],
      ['recall', 'Explain middleware ordering.', 'Top-down on the request, bottom-up on the response.', '1. Explain middleware ordering.'],
      ['task-list', 'Which signal fires first?', 'pre_save', '**Which signal fires first?**'],
      ['recall', 'What is a cache key?', 'A string.', '#### What is a cache key?'],
    ]);
    const concepts = cards.filter(c => c.kind === 'concept');
    assert.strictEqual(concepts.length, 6, 'two cards per term');
    for (const c of concepts) { assert.match(lines[c.line], /^- (post_save|pre_save|request_finished):/, c.id); }
    assert.deepStrictEqual(cards.map(c => c.line), [...cards.map(c => c.line)].sort((a, b) => a - b), 'in line order');
  });

  it('lists the lines that look like questions but gave no card, each with its reason', async () => {
    const doc = parseDocument(NOTES);
    const { skipped } = await cardsInDocument(doc, buildDeck(doc));
    const lines = NOTES.split('\n');
    assert.deepStrictEqual(skipped.map(s => [lines[s.line], s.reason.split(/[:.]/)[0]]), [
      ['### Explain caching', 'A plain heading names a topic and asks only with “?”'],
      ['Is this line a question?', 'A plain line is not a question'],
      ['> - What is a quoted question?', 'A quoted line is not read as a question'],
      ['| Why a table? |', 'A table row is not read as a question'],
      ['- [ ] Anything left to revise?', 'A task-list item is an option or a to-do, not a question'],
      ['Q3 revenue grew', 'Its question marker is followed by nothing that asks, and no answer marker (“A'],
      ['Q: This Q line is answer text?', 'Part of the answer to the question on line 32'],
    ]);
    assert.ok(skipped.every(s => lines[s.line].includes(s.text) && s.topic));
  });

  it('reads the fixtures in the wild without a card it cannot place', async () => {
    const dir = fixture('notes-in-the-wild');
    for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const doc = parseDocument(text);
      const deck = buildDeck(doc);
      const { cards } = await cardsInDocument(doc, deck);
      assert.strictEqual(cards.length, deck.length, `${name}: every card of the deck is listed`);
      for (const c of cards) { assert.ok(text.split('\n')[c.line].trim(), `${name}: ${c.id} points at a line with text`); }
    }
  });

  it('runs in slices on a 5 MB document, and stops when cancelled', async function () {
    this.timeout(120000);
    const topics: string[] = ['# Big notes'];
    for (let t = 0, size = 0; size < 5_000_000; t++) {
      const lines = [`## Section ${t}`, `### Topic ${t}`, `- Term ${t}: a description of item ${t} for the tree`,
        `Q: What is item ${t}?`, `A: The answer to item ${t}, with some words to make it long enough to matter.`, '',
        `1. Explain part ${t}.`, `   Part ${t} explained.`, '', `Is ${t} a plain question?`, '', 'Some prose. '.repeat(30)];
      topics.push(...lines);
      size += lines.reduce((n, l) => n + l.length + 1, 0);
    }
    const doc = parseDocument(topics.join('\n'));
    const deck = buildDeck(doc);
    // CPU time this process used between timer runs: a wait for a busy core is not a block.
    const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    let last = cpuMs();
    let longest = 0;
    let ticks = 0;
    const timer = setInterval(() => { const now = cpuMs(); longest = Math.max(longest, now - last); last = now; ticks++; }, 1);
    try {
      last = cpuMs();
      const view = await cardsInDocument(doc, deck, 20);
      assert.ok(view.cards.length > 10000 && view.skipped.length > 1000, `${view.cards.length} cards, ${view.skipped.length} skipped`);
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 10, 'other work ran between slices');
    // The slices are 20 ms; a shared test machine gets a wide margin (the bench holds the real bound).
    assert.ok(longest < 250, `the longest block was ${longest.toFixed(0)} ms of CPU`);
    let calls = 0;
    await assert.rejects(cardsInDocument(doc, deck, 1, () => ++calls > 2), Cancelled);
  });
});
