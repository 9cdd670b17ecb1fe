// Property-based tests (fast-check) for the questions read from notes: whatever a notes file
// holds, the deck builds, every card has a question and ids are unique; no choice card tells its
// right option by its look, no answer swallows another card's question, and no concept's term
// is a sentence.
import * as assert from 'assert';
import fc from 'fast-check';
import { buildDeck } from '../../src/core/cards/deck';
import { noteCards } from '../../src/core/cards/noteCards';
import type { Question } from '../../src/core/cards/questions';
import { parseDocument, StudyDocument } from '../../src/core/document/document';
import type { Concept } from '../../src/core/document/model';
import { seededRandom } from '../../src/core/util/draws';
import { maskCode } from '../../src/core/document/questionText';

const numRuns = Number(process.env.DJANGO_PREP_PROPERTY_RUNS || 5000);

/** The markers of every notes format, mixed with any text, so formats collide and break off. */
const piece = fc.oneof(
  fc.constantFrom('## ', '### ', '#### Interview questions\n', '##### ', 'Q: ', 'A: ', '**Q:** ', '**A:** ', 'Q1. ', 'Question 1: ', '::', ':::', '\n?\n', '\n??\n',
    '- [ ] ', '- [x] ', '- [X] ', '1. ', '- ', '**', '?', '\n', '\n\n', '```', '`', '<details>', '<summary>', '</summary>', '</details>', '**Answer:** ', '    ', '> ', '\r\n', '\u0000',
    'Explain ', 'Difference between ', 'Q#3 ', 'Question #2\n', '1️⃣ ', ' ✅', ' (correct)', '_', '~~', 'Why ', 'Sol: ', '\n---\n', 'Term: ', 'It is: '),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
);
const notes = fc.array(piece, { maxLength: 80 }).map(p => p.join(''));

/**
 * Notes as people write them, each question and answer with a word of its own (`q7`, `a7`), so
 * containment means something. `asks`: the block holds a question that must become a card
 * (unless a heading question above claims it: its section is its answer).
 */
type Block = { readonly text: string; readonly asks: boolean; readonly heading?: boolean };
const q = (text: string): Block => ({ text, asks: true });
const prose = (text: string): Block => ({ text, asks: false });
const block = (n: number): fc.Arbitrary<Block> => fc.oneof(
  fc.constant(q(`${n}. Explain thing q${n}.`)),
  fc.constant(q(`${n}. What is thing q${n}?\n   It is answer a${n}.`)),
  fc.constant(q(`Q: Why does q${n} matter?\nA: Because of a${n}.`)),
  fc.constant({ text: `#### ${n}. Describe q${n}\n\nThe part a${n} answers it.`, asks: true, heading: true }),
  fc.constant(q(`**Difference between q${n} and its twin**\n\nAnswer a${n}.`)),
  fc.constant(q(`1️⃣ Walk me through q${n}\n\nSol: a${n} first, then the rest.`)),
  fc.constant(q(`Question #${n}\nName two parts of q${n}.\nAnswer: a${n} and its pair.`)),
  fc.constant(q(`- What does q${n} print?\n\n\`\`\`python\nprint("a${n}")\n\`\`\`\n\n**Answer:** a${n}`)),
  fc.constant(q(`<details><summary>Explain q${n}</summary>\n\n---\na${n} in short.\n</details>\n`)), // a blank line after: `</details>` over `---` is a heading
  fc.constant(q(`q${n} term::a${n} meaning`)),
  fc.constant(prose(`Plain prose about p${n}, with no question in it.`)),
  fc.constant(prose(`- Term ${n}: a description of p${n}\n- It is a sentence about p${n}: not a term`)),
  fc.constant(prose('\n---')), // after a blank line: a rule, not a heading's underline
  fc.tuple(fc.array(fc.constantFrom('**', '_', '`', ' ✅', ' (correct)', '~~', ''), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 2 }), fc.boolean())
    .map(([marks, right, code]) => {
      const mark = (t: string, m: string) => m === ' ✅' || m === ' (correct)' ? t + m : `${m}${t}${m.split('').reverse().join('')}`;
      const options = [0, 1, 2].map(k => `- [${k === right ? 'x' : ' '}] ${mark(`option o${n}x${k}`, marks[k])}`);
      return q(`**Which option fits q${n}?**\n${code ? `\n\`\`\`python\nx = ${n}\n\`\`\`\n\n` : ''}${options.join('\n')}\n\nExplanation: e${n} decides it.`);
    }),
);
const wildBlocks = fc.array(fc.constantFrom('\n\n', '\n'), { maxLength: 14 })
  .chain(seps => fc.tuple(...seps.map((sep, i) => block(i + 1).map(b => ({ ...b, text: b.text + sep })))));
const wildText = (blocks: readonly Block[]) => `# Notes\n\n## Section\n\n### Topic\n\n${blocks.map(b => b.text).join('')}`;
const wildNotes = wildBlocks.map(wildText);

/** What marks an option apart from its words: code spans, emphasis, a check mark or a "(correct)". */
function markup(text: string): string {
  const masked = maskCode(text);
  return [
    /`[^`]+`/.test(text) ? 'code' : '',
    /(\*\*|__|~~)(?=\S)[^\n]*?\S\1|(^|[^\p{L}\p{N}])[*_](?=\S)[^\n]*?\S[*_](?![\p{L}\p{N}])/u.test(masked) ? 'emphasis' : '',
    /[✅✔☑✓]|\((?:correct|right)\)/iu.test(masked) ? 'flag' : '',
  ].join(',');
}

function choiceMarkupIsEven(q: Question, id: string): void {
  if (q.kind !== 'choice') { return; }
  const looks = new Set(q.options.map(o => markup(o.text)));
  assert.strictEqual(looks.size, 1, `the options of ${id} differ in markup: ${JSON.stringify(q.options.map(o => o.text))}`);
  assert.ok(![...looks][0].includes('emphasis') && ![...looks][0].includes('flag'), `no option of ${id} is flagged: ${JSON.stringify(q.options.map(o => o.text))}`);
}

function termsAreShort(doc: StudyDocument): void {
  const visit = (c: Concept): void => {
    if (c.term !== undefined) { assert.ok(c.term.split(/\s+/).filter(Boolean).length <= 8, `the term "${c.term}" is a sentence`); }
    c.children.forEach(visit);
  };
  doc.topics.forEach(t => t.concepts.forEach(visit));
}

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

  it(`draw every option of a choice card alike: only their words differ (${numRuns} cases each)`, () => {
    for (const gen of [notes, wildNotes]) {
      fc.assert(fc.property(gen, text => {
        for (const c of noteCards(parseDocument(text))) { choiceMarkupIsEven(c.build(seededRandom(1)), c.id); }
      }), { numRuns });
    }
  });

  it(`never put one card's question inside another card's answer, nor lose a question (${numRuns} cases)`, () => {
    fc.assert(fc.property(wildBlocks, blocks => {
      const cards = noteCards(parseDocument(wildText(blocks))).filter(c => c.kind !== 'cloze').map(c => ({ c, q: c.build(seededRandom(1)) }));
      for (const a of cards) {
        const answer = a.q.kind === 'recall' ? a.q.answer ?? '' : a.q.explanation;
        for (const b of cards) {
          if (a.c.line === b.c.line) { continue; } // `:::` and `??` cards are each other's reverse
          const asked = /\bq\d+\b/.exec(b.q.prompt)?.[0];
          assert.ok(!asked || !new RegExp(`\\b${asked}\\b`).test(answer), `the answer of line ${a.c.line} holds the question of line ${b.c.line}: ${JSON.stringify(answer)}`);
        }
      }
      const firstHeading = blocks.findIndex(b => b.heading);
      blocks.forEach((b, i) => {
        if (!b.asks || (firstHeading >= 0 && i > firstHeading && !b.heading)) { return; }
        assert.ok(cards.some(c => new RegExp(`\\bq${i + 1}\\b`).test(c.q.prompt)), `the question q${i + 1} gave no card`);
      });
    }), { numRuns });
  });

  it(`read no sentence as a concept's term: at most 8 words (${numRuns} cases each)`, () => {
    for (const gen of [notes, wildNotes]) {
      fc.assert(fc.property(gen, text => termsAreShort(parseDocument(text))), { numRuns });
    }
  });
});
