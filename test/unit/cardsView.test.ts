// Show Cards in This Document, in Node: every card of a notes file with its kind, question,
// answer's first line and line; the lines that ask but gave no card, with why; all escaped.
import * as assert from 'assert';
import { buildDeck } from '../../src/core/cards/deck';
import { cardsOverview, cardsViewHtml } from '../../src/core/cards/cardsView';
import { skippedLines } from '../../src/core/cards/skippedLines';
import { parseDocument } from '../../src/core/document/document';

const NOTES = [
  '# My notes',                                   // 0
  '## Django',                                    // 1
  '### ORM',                                      // 2
  '- Manager: the interface to database queries', // 3
  '',                                             // 4
  'Q: What does select_related do?',              // 5
  'A: It follows foreign keys with a JOIN.',      // 6
  'Is it the same as prefetch_related?',          // 7
  '',                                             // 8
  '### Quiz',                                     // 9
  'Which hook runs after a commit?',              // 10
  '- [ ] post_save',                              // 11
  '- [x] transaction.on_commit',                  // 12
  '',                                             // 13
  '```python',                                    // 14
  'why = "is this a question?"',                  // 15
  '```',                                          // 16
  '### Open ends',                                // 17
  '1. Explain the GIL <b>now</b>',                // 18
].join('\n');

async function overview(text: string) {
  const doc = parseDocument(text);
  const deck = buildDeck(doc);
  const lines = new Set(deck.flatMap(c => c.line === undefined ? [] : [c.line]));
  return cardsOverview(doc, deck, await skippedLines(text, lines));
}

describe('Show Cards in This Document', () => {
  it('lists each card with its kind, question, first answer line and line, in document order', async () => {
    const o = await overview(NOTES);
    const rows = o.rows.map(r => [r.kind, r.line, r.question, r.answer]);
    assert.deepStrictEqual(rows.find(r => r[0] === 'recall'), ['recall', 5, 'What does select_related do?', 'It follows foreign keys with a JOIN.']);
    assert.deepStrictEqual(rows.find(r => r[0] === 'task-list'), ['task-list', 10, 'Which hook runs after a commit?', 'transaction.on_commit']);
    const lines = o.rows.map(r => r.line ?? Infinity);
    assert.deepStrictEqual(lines, [...lines].sort((a, b) => a - b));
    assert.strictEqual(o.byKind.recall, 1);
  });

  it('lists the lines that ask but gave no card, with why; code never counts', async () => {
    const o = await overview(NOTES);
    assert.deepStrictEqual(o.skipped.map(s => s.line), [7, 18]);
    assert.match(o.skipped[0].reason, /part of the answer to the question on line 6/);
    assert.match(o.skipped[1].reason, /Nothing follows it/);
  });

  it('escapes everything from the notes and links each line', async () => {
    const html = cardsViewHtml(await overview(NOTES), 'notes<script>.md');
    assert.ok(!html.includes('<script>') && !html.includes('<b>'));
    assert.match(html, /Cards in notes&lt;script&gt;\.md/);
    assert.match(html, /<a href="#" data-line="5">6<\/a>/);
    assert.match(html, /id="summary">\d+ cards: .*1 open question.*\. 2 lines that ask something gave no card\./);
  });

  it('builds a large document in slices, letting other work run', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => `### T${i}\n\nQ: Question ${i}?\nA: Answer ${i}.\n`).join('\n');
    let ticks = 0;
    const timer = setInterval(() => { ticks++; }, 1);
    const o = await overview(big);
    clearInterval(timer);
    assert.strictEqual(o.rows.length, 3000);
    assert.ok(ticks > 0, 'timers ran while it was built');
  });
});
