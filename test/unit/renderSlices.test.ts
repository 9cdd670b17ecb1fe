// The sliced render (what the topic panel uses) gives exactly the one-go HTML, and lets other
// work run between slices, so a 2 MB topic never freezes the extension host.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from '../../src/core/document/document';
import { TopicRenderer } from '../../src/core/document/render';
import { HUGE_BLOCK } from '../../src/core/document/renderSlices';
import { root } from './paths';

const renderer = new TopicRenderer();
const numRuns = Math.min(300, Number(process.env.DJANGO_PREP_PROPERTY_RUNS || 300));

async function same(text: string, sliceMs = 20): Promise<void> {
  const doc = parseDocument(text);
  for (const topic of doc.topics) {
    const whole = renderer.render(doc, topic);
    const sliced = await renderer.renderInSlices(doc, topic, sliceMs);
    assert.deepStrictEqual(sliced, whole, `topic ${topic.id}`);
  }
}

/**
 * Runs `work` and gives the longest stretch a 1 ms timer could not run meanwhile, in CPU time
 * this process used (not wall time: on a shared machine the process can wait for a core while
 * holding nothing, which is the machine's doing, not the renderer's).
 */
async function longestBlock(work: () => Promise<unknown>): Promise<{ longest: number; ticks: number }> {
  let longest = 0;
  let ticks = 0;
  const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let last = cpuMs();
  const timer = setInterval(() => { const t = cpuMs(); longest = Math.max(longest, t - last); last = t; ticks++; }, 1);
  await work();
  clearInterval(timer);
  return { longest: Math.max(longest, cpuMs() - last), ticks };
}

describe('Rendering a topic in slices', () => {
  it('gives exactly the one-go HTML, words, related topics and questions for every topic of the guide', async () => {
    await same(fs.readFileSync(path.join(root, 'content', 'guide', 'django-interview-prep.md'), 'utf8'));
  });

  it('gives exactly the one-go render for any markdown-shaped topic, even one slice per block', async function () {
    this.timeout(120000);
    const line = fc.oneof(fc.constantFrom('### Interview questions', '#### Why?', '- Term: text', '  - Nested: more', '1. one', '> quote', '```python', '```',
      '| a | b |', '|---|:-:|', '[ref]: https://e.com', 'See [ref] and [t](#topic) <https://x.y>', 'Related: [T](#topic)', '', '    code', '---', '**b** _i_ `c`'), fc.string({ maxLength: 20 }));
    await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 40 }), fc.constantFrom(0, 20), async (lines, sliceMs) => {
      await same(`## S\n### Topic\n${lines.join('\n')}\n`, sliceMs);
    }), { numRuns });
  });

  it('lets other work run between slices of a 2 MB topic, none holding the thread 100 ms', async function () {
    this.timeout(120000);
    const prose = `## S\n### Big\n${Array.from({ length: 8000 }, (_, i) => `Paragraph ${i} with \`code\`, **bold** and [a link](https://e.com/${i}). ${'words and more words '.repeat(10)}\n`).join('\n')}`;
    const links = `## S\n### Links\n${'[a](https://e.com) `b` **c** '.repeat(70_000)}\n`;
    for (const text of [prose, links]) {
      const doc = parseDocument(text);
      let html = '';
      // The quietest of three runs: a garbage collection on another thread counts as this process's CPU too.
      const runs = [];
      for (let i = 0; i < 3; i++) { runs.push(await longestBlock(async () => { html = (await renderer.renderInSlices(doc, doc.topics[0])).html; })); }
      const { longest, ticks } = runs.sort((a, b) => a.longest - b.longest)[0];
      // The line of links is one block shown as text: done in one short slice.
      if (text === prose) { assert.ok(ticks > 5, `the timer ran ${ticks} times meanwhile`); }
      assert.ok(longest < 100, `held the thread ${longest.toFixed(0)} ms`);
      assert.ok(html.length > 1_000_000);
    }
  });

  it(`shows a single block over ${HUGE_BLOCK} characters as escaped text`, async () => {
    const doc = parseDocument(`## S\n### T\n${'<script>x</script> [a](https://e.com) '.repeat(3000)}\n\nAfter **this**.\n`);
    const { html } = await renderer.renderInSlices(doc, doc.topics[0]);
    assert.doesNotMatch(html, /<script|<a /);
    assert.match(html, /^<p>&lt;script&gt;x&lt;\/script&gt; \[a\]\(https:\/\/e\.com\)/);
    assert.match(html, /<p>After <strong>this<\/strong>.<\/p>\n$/);
  });
});
