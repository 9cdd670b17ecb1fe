// Show Cards in This Document, the page: every card of a notes file with its kind, question,
// answer's first line and line (a link); the lines that ask but gave no card, with why; counts
// in words; everything from the notes escaped; long lists capped.
import * as assert from 'assert';
import { buildDeck } from '../../src/core/cards/deck';
import { cardsInDocument, CardsInDocument } from '../../src/core/cards/cardsInDocument';
import { cardsViewHtml, MAX_ROWS } from '../../src/core/cards/cardsView';
import { parseDocument } from '../../src/core/document/document';

const NOTES = [
  '# My notes', '## Django', '### ORM', '',
  'Q: What does select_related do?', 'A: It follows foreign keys with a <b>JOIN</b>.', '',
  '### Quiz', 'Which hook runs after a commit?', '- [ ] post_save', '- [x] **transaction.on_commit** ✅', '',
  '### Open ends', 'Is this one <script>alert(1)</script> read?',
].join('\n');

async function page(text: string, name = 'notes.md'): Promise<{ found: CardsInDocument; html: string }> {
  const doc = parseDocument(text);
  const found = await cardsInDocument(doc, buildDeck(doc));
  const title = (id: string) => { const n = doc.get(id); return n?.kind === 'topic' ? n.title : id; };
  return { found, html: cardsViewHtml(found, name, title) };
}

describe('Show Cards in This Document, the page', () => {
  it('lists each card with its kind, question, first answer line, topic and a link to its line', async () => {
    const { html } = await page(NOTES);
    assert.match(html, /<tr><td class="line"><a href="#" data-line="4">5<\/a><\/td><td class="kind">Open question<\/td><td>What does select_related do\?<\/td><td class="answer">It follows foreign keys with a &lt;b&gt;JOIN&lt;\/b&gt;\.<\/td><td class="topic">ORM<\/td><\/tr>/);
    assert.match(html, /data-line="8">9<\/a><\/td><td class="kind">Choice<\/td><td>Which hook runs after a commit\?<\/td><td class="answer">transaction\.on_commit<\/td><td class="topic">Quiz<\/td>/, 'the right option without its flags');
  });

  it('says the counts in words and lists the lines that gave no card, with why, all escaped', async () => {
    const { found, html } = await page(NOTES, 'notes<script>.md');
    assert.match(html, /id="summary">2 cards: 1 open question, 1 choice\. 1 line that asks something gave no card\.<\/p>/);
    assert.strictEqual(found.skipped.length, 1);
    assert.match(html, new RegExp(`data-line="13">14</a></td><td>Is this one &lt;script&gt;alert\\(1\\)&lt;/script&gt; read\\?</td><td>${found.skipped[0].reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '&quot;')}</td>`));
    assert.ok(!/<script>|<b>/.test(html), 'nothing from the notes is markup');
    assert.match(html, /Cards in notes&lt;script&gt;\.md/);
  });

  it('lists at most MAX_ROWS of each and says how many there are', async () => {
    const many = Array.from({ length: MAX_ROWS + 3 }, (_, i) => `Q: Question ${i}?\nA: Answer ${i}.\n`).join('\n');
    const { html } = await page(`## S\n### T\n${many}`);
    assert.strictEqual((html.match(/<td class="kind">/g) ?? []).length, MAX_ROWS);
    assert.match(html, /The first 5,000 of 5,003 cards are listed\./);
    assert.match(html, /id="summary">5,003 cards: 5,003 open questions\./);
  });
});
