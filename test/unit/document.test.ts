import * as assert from 'assert';
import * as fs from 'fs';
import { parseDocument, parseDocumentInSlices, resolveLink, Section, Topic } from '../../src/core/document/document';
import { Cancelled } from '../../src/core/util/slices';
import { outline, shape } from './docShape';
import { fixture } from './paths';

describe('parseDocument on the user\'s outline', () => {
  const doc = parseDocument(fs.readFileSync(fixture('interview-prep-outline.md'), 'utf8'));

  it('yields every heading in order and every bullet as a concept', () => {
    assert.strictEqual(doc.title, 'Interview Preparation for Python Django Backend Developer');
    // The expected tree, written by hand from the outline: `[section]`, `topic id | title`, `- concept`.
    assert.deepStrictEqual(outline(doc), fs.readFileSync(fixture('interview-prep-outline.tree.txt'), 'utf8').trimEnd().split('\n'));
  });

  it('splits "Term: description" bullets and keeps bullets without a term whole', () => {
    const oop = doc.get('python-topics/oop-solid-acid-design-patterns') as Topic;
    assert.strictEqual(oop.concepts[0].term, 'OOP (Object-Oriented Programming)');
    assert.strictEqual(oop.concepts[0].description, 'Object-oriented programming relies on objects and classes.');
    const lc = doc.get('list-comprehension') as Topic;
    assert.strictEqual(lc.concepts[0].term, undefined);
    assert.strictEqual(lc.concepts[0].description, 'A concise way to create lists based on existing lists with conditional expressions.');
  });

  it('gives source line ranges that match the file', () => {
    const lines = fs.readFileSync(fixture('interview-prep-outline.md'), 'utf8').split('\n');
    for (const t of doc.topics) {
      assert.match(lines[t.range.start], /^#{2,3} /, `topic ${t.id} starts at its heading`);
      for (const c of t.concepts) {
        assert.match(lines[c.range.start], /^\s*- /, `concept ${c.id} starts at its bullet`);
        assert.ok(c.range.start >= t.bodyStartLine && c.range.end <= t.range.end);
      }
    }
    const sorting = doc.get('sorting-algorithms') as Topic;
    assert.strictEqual(lines[sorting.range.start], '## Sorting Algorithms');
    assert.strictEqual(lines[sorting.range.end], '## Functional Programming');
    assert.match(sorting.body, /Bubble Sort, Merge Sort, Quick Sort/);
    assert.doesNotMatch(sorting.body, /Functional/);
  });

  it('has unique ids and topics in reading order', () => {
    const ids = doc.topics.flatMap(t => [t.id, ...t.concepts.map(c => c.id)]);
    assert.strictEqual(new Set(ids).size, ids.length);
    doc.topics.forEach((t, i) => assert.strictEqual(t.index, i));
    assert.strictEqual(doc.topics.length, 22);
  });
});

describe('parseDocument quirks', () => {
  it('handles CRLF, closing #s, rules under headings and a BOM', () => {
    const doc = parseDocument('\uFEFF# Notes #\r\n\r\n## Python ##\r\n---\r\n### Loops ###\r\n---\r\n- For: iterates\r\n');
    assert.strictEqual(doc.title, 'Notes');
    const section = doc.items[0] as Section;
    assert.strictEqual(section.title, 'Python');
    assert.strictEqual(section.topics.length, 1, 'a rule is not an overview');
    assert.strictEqual(section.topics[0].id, 'python/loops');
    assert.strictEqual(section.topics[0].concepts[0].term, 'For');
    assert.strictEqual(section.topics[0].concepts[0].range.start, 6);
  });

  it('ignores headings inside fenced code and blockquotes', () => {
    const doc = parseDocument('## A\n\n```python\n# not a heading\n## nor this\n```\n\n> ## quoted\n\n## B\n');
    assert.deepStrictEqual(doc.topics.map(t => t.title), ['A', 'B']);
    assert.match(doc.topics[0].body, /# not a heading/);
  });

  it('makes an empty section a topic with an empty body', () => {
    const doc = parseDocument('# T\n\n## Empty\n\n## Full\n\n- X: y\n');
    assert.deepStrictEqual(doc.topics.map(t => [t.id, t.body.trim(), t.concepts.length]), [['empty', '', 0], ['full', '- X: y', 1]]);
  });

  it('de-duplicates ids of repeated headings and terms', () => {
    const doc = parseDocument('## S\n### T\n- A: 1\n- A: 2\n### T\n## S\n');
    assert.deepStrictEqual(doc.topics.map(t => t.id), ['s/t', 's/t-2', 's-2']);
    assert.deepStrictEqual(doc.topics[0].concepts.map(c => c.id), ['s/t#a', 's/t#a-2']);
  });

  it('keeps text between a section heading and its first topic as an Overview topic', () => {
    const doc = parseDocument('## Django\nDjango is a framework.\n### Views\n- FBV: a function\n');
    const section = doc.items[0] as Section;
    assert.deepStrictEqual(section.topics.map(t => t.id), ['django/overview', 'django/views']);
    assert.strictEqual(section.topics[0].title, 'Overview');
  });

  it('uses the levels present: # sections and ## topics when there is no single title', () => {
    const doc = parseDocument('# One\n## a\n# Two\n## b\n');
    assert.strictEqual(doc.title, undefined);
    assert.deepStrictEqual(doc.items.map(i => i.id), ['one', 'two']);
    assert.deepStrictEqual(doc.topics.map(t => t.id), ['one/a', 'two/b']);
  });

  it('treats deeper headings as part of the topic text', () => {
    const doc = parseDocument('# T\n## S\n### Topic\n#### Detail\ntext\n##### More\n');
    assert.strictEqual(doc.topics.length, 1);
    assert.match(doc.topics[0].body, /#### Detail/);
  });

  it('keeps only the lead\'s concepts when a topic has key terms before its sub-headings', () => {
    const doc = parseDocument('## S\n### Topic\n- Key: term\n\n#### Pitfalls\n- Not a concept: prose\n#### Questions\n- nor this\n');
    assert.deepStrictEqual(doc.topics[0].concepts.map(c => c.label), ['Key']);
    assert.strictEqual(doc.get('s/topic#not-a-concept'), undefined);
  });

  it('takes bullets under sub-headings as concepts when the lead has none', () => {
    const doc = parseDocument('## S\n### Topic\nIntro.\n#### Basics\n- Task: unit of work\n#### More\n- Broker: queue\n#### Interview questions\n##### Why?\n- an answer\n#### Notes\n- Beat: scheduler\n');
    assert.deepStrictEqual(doc.topics[0].concepts.map(c => c.label), ['Task', 'Broker', 'Beat']);
  });

  it('takes setext headings and a topic heading before the first section', () => {
    const doc = parseDocument('# T\n### Early\n- e\n\nSection\n-------\n\n### Late\n');
    assert.deepStrictEqual(doc.topics.map(t => t.id), ['early', 'section/late']);
  });

  it('returns no items for a document without headings', () => {
    const doc = parseDocument('just some text\n- and a bullet\n');
    assert.strictEqual(doc.items.length, 0);
    assert.strictEqual(doc.topics.length, 0);
  });

  it('reads terms through inline markup and skips bullets in ordered lists and quotes', () => {
    const doc = parseDocument('## S\n- **Bold term**: desc\n- `code`: desc\n- see https://x.y: no term\n1. step\n   - nested in a step\n> - quoted\n');
    assert.deepStrictEqual(doc.topics[0].concepts.map(c => c.term ?? `(${c.label})`), ['Bold term', 'code', '(see https://x.y: no term)']);
  });

  it('nests sub-bullets under their concept and stops at a sane depth', () => {
    const deep = Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const doc = parseDocument(`## S\n${deep}\n`);
    let c = doc.topics[0].concepts[0];
    let depth = 1;
    while (c.children.length) { c = c.children[0]; depth++; }
    assert.strictEqual(depth, 4);
    assert.strictEqual(c.parent?.parent?.parent?.label, 'level 0');
  });

  it('resolves links by id, by concept id and by a unique heading slug', () => {
    const doc = parseDocument('## Database\n### F and Q\n- F: field\n### Indexes\n## API\n');
    assert.strictEqual(resolveLink(doc, 'database/f-and-q')?.id, 'database/f-and-q');
    assert.strictEqual(resolveLink(doc, 'database/f-and-q#f')?.kind, 'concept');
    assert.strictEqual(resolveLink(doc, 'indexes')?.id, 'database/indexes');
    assert.strictEqual(resolveLink(doc, 'database')?.id, 'database/f-and-q');
    assert.strictEqual(resolveLink(doc, 'nowhere'), undefined);
  });

  it('keeps ids of untouched topics when another topic is edited', () => {
    const before = parseDocument('## A\n### One\n- x: 1\n### Two\n- y: 2\n');
    const after = parseDocument('## A\n### One (edited)\nnew text\n\n- x: 1\n- z: 3\n### Two\n- y: 2\n');
    assert.deepStrictEqual(after.topics[1].concepts.map(c => c.id), before.topics[1].concepts.map(c => c.id));
    assert.strictEqual(after.topics[1].id, before.topics[1].id);
  });
});

describe('parseDocumentInSlices', () => {
  // Blocks that span lines a heading could start: fences, HTML, lists, quotes, tables, setext.
  const tricky = [
    '# Notes', '', '[ref]: https://example.com "Ref"', '', '## Python', '### Fences', '```', '## not a heading', '```', '',
    '~~~python', '# comment', '~~~', '### Lists', '- A: one', '  - B: nested', '', '  more of A', '- C: three', '1. ordered',
    '> ## quoted', '> - Q: quoted term', '<!--', '## in a comment', '-->', '<div>', '## in html', '</div>', '',
    'Setext', '------', '| a | b |', '|---|---|', '| 1 | 2 |', '## Django', '### Views', '- FBV: a function', 'text\u0000with a null',
    '    ## indented code', '### Unclosed', '```', '## inside an unclosed fence', '- x: y',
  ].join('\n');

  it('gives the same document as one parse, letting other work run between top-level blocks', async () => {
    let timers = 0;
    const tick = setInterval(() => { timers++; }, 0);
    try {
      const sliced = await parseDocumentInSlices(tricky, 0);
      assert.strictEqual(shape(sliced), shape(parseDocument(tricky)));
      assert.ok(timers > 0, 'timers ran during the parse');
    } finally {
      clearInterval(tick);
    }
    for (const text of ['', '\n\n', '## Only', fs.readFileSync(fixture('interview-prep-outline.md'), 'utf8')]) {
      assert.strictEqual(shape(await parseDocumentInSlices(text, 0)), shape(parseDocument(text)), JSON.stringify(text.slice(0, 20)));
    }
  });

  it('stops between slices once cancelled', async () => {
    let asked = 0;
    await assert.rejects(parseDocumentInSlices(tricky, 0, () => ++asked === 2), Cancelled);
    assert.strictEqual(asked, 2);
  });
});

