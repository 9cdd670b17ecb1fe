// Property-based tests (fast-check) for the questions read from notes: whatever a notes file
// holds, the deck builds, every card has a question and ids are unique.
import * as assert from 'assert';
import fc from 'fast-check';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import { seededRandom } from '../../src/core/util/draws';

const numRuns = Number(process.env.DJANGO_PREP_PROPERTY_RUNS || 5000);

/** The markers of every notes format, mixed with any text, so formats collide and break off. */
const piece = fc.oneof(
  fc.constantFrom('## ', '### ', '#### Interview questions\n', '##### ', 'Q: ', 'A: ', '**Q:** ', '**A:** ', 'Q1. ', 'Question 1: ', '::', ':::', '\n?\n', '\n??\n',
    '- [ ] ', '- [x] ', '- [X] ', '1. ', '- ', '**', '?', '\n', '\n\n', '```', '`', '<details>', '<summary>', '</summary>', '</details>', '**Answer:** ', '    ', '> ', '\r\n', '\u0000'),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
);
const notes = fc.array(piece, { maxLength: 80 }).map(p => p.join(''));

describe('questions in notes, for any input', function () {
  this.timeout(120000);

  it(`never throw, give every card a question and unique ids (${numRuns} cases)`, () => {
    fc.assert(fc.property(notes, text => {
      const deck = buildDeck(parseDocument(text));
      const ids = deck.map(c => c.id);
      assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique');
      for (const c of deck) {
        const q = c.build(seededRandom(1));
        assert.ok(q.prompt.trim().length > 0, `card ${c.id} has a question`);
        if (q.kind === 'choice') {
          assert.ok(q.options.length >= 2 && q.options.some(o => o.correct), `choice ${c.id} has a right option among two or more`);
        }
      }
    }), { numRuns });
  });
});
