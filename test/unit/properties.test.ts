// Property-based tests (fast-check): for any input, the parser and the renderer keep their promises.
import * as assert from 'assert';
import fc from 'fast-check';
import { BlockSlicer } from '../../src/core/document/blockSlices';
import { Concept, createIndexer, parseDocument, parseDocumentInSlices, StudyDocument } from '../../src/core/document/document';
import { TopicRenderer } from '../../src/core/document/render';
import { shape } from './docShape';

/** 10,000 cases a property in CI (and by default); DJANGO_PREP_PROPERTY_RUNS lowers it locally. */
const numRuns = Number(process.env.DJANGO_PREP_PROPERTY_RUNS || 10000);

/** Markdown-shaped text: the characters and line starts that drive the block parser, mixed with any string. */
const piece = fc.oneof(
  fc.constantFrom('# ', '## ', '### ', '#### ', '- ', '* ', '+ ', '1. ', '> ', '```', '~~~', '    ', '\t', '---', '===', '\n', '\n\n', ': ', '`', '**', '_',
    '[', '](', ')', '](#', '](javascript:alert(1))', '<script>', '<img src=x onerror=alert(1)>', '&lt;', '&#60;', '"', "'", '|', '\\', '\r\n', '\u0000', '\uFEFF'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const markdown = fc.oneof(fc.array(piece, { maxLength: 60 }).map(p => p.join('')), fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

function allIds(doc: StudyDocument): string[] {
  const ids: string[] = [];
  const concepts = (cs: readonly Concept[]) => cs.forEach(c => { ids.push(c.id); concepts(c.children); });
  for (const item of doc.items) { if (item.kind === 'section') { ids.push(item.id); } }
  for (const t of doc.topics) { ids.push(t.id); concepts(t.concepts); }
  return ids;
}

const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre', 'a', 'blockquote', 'hr', 'br',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'span', 'details', 'summary', 'div', 'button']);
const ATTRS = new Set(['href', 'class', 'title', 'data-topic', 'data-concept', 'src', 'alt', 'start', 'type', 'aria-expanded']);

/** Every tag and attribute the HTML contains, and whether each link and image is allowed. */
function checkHtml(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = m[1].toLowerCase();
    if (!TAGS.has(tag)) { problems.push(`tag <${tag}>`); }
    for (const a of m[2].matchAll(/\s([^\s=]+)(?:="([^"]*)")?/g)) {
      const name = a[1].toLowerCase();
      const value = a[2] ?? '';
      if (!ATTRS.has(name)) { problems.push(`attribute ${name} on <${tag}>`); }
      if (name === 'href' && !/^(https?:\/\/|mailto:|#$)/i.test(value)) { problems.push(`href ${value}`); }
      if (name === 'src' && !/^https:\/\//i.test(value)) { problems.push(`src ${value}`); }
    }
  }
  return problems;
}

describe('properties, for any input', function () {
  this.timeout(600000);
  const renderer = new TopicRenderer();

  it(`parsing never throws, ids are unique and no source line belongs to two topics (${numRuns} cases)`, () => {
    fc.assert(fc.property(markdown, text => {
      const doc = parseDocument(text);
      const ids = allIds(doc);
      assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique');
      let end = 0;
      for (const t of doc.topics) {
        assert.ok(t.range.start >= end && t.range.end >= t.range.start && t.range.end <= doc.lineCount + 1, `topic ${t.id} overlaps or leaves the file`);
        end = t.range.end;
        for (const id of ids) { if (id.startsWith(`${t.id}#`)) { assert.strictEqual(doc.get(id)?.kind, 'concept'); } }
      }
    }), { numRuns });
  });

  it(`parsing in slices (a pause before every top-level block) gives the same document as one parse (${numRuns} cases)`, async () => {
    await fc.assert(fc.asyncProperty(markdown, async text => {
      assert.strictEqual(shape(await parseDocumentInSlices(text, 0)), shape(parseDocument(text)));
    }), { numRuns });
  });

  it(`the sliced block parse gives the tokens and references of one md.parse (${numRuns} cases)`, async () => {
    const md = createIndexer();
    const slicer = new BlockSlicer(createIndexer());
    await fc.assert(fc.asyncProperty(markdown, async text => {
      const one = {};
      const sliced = {};
      assert.strictEqual(JSON.stringify([await slicer.parse(text, sliced, 0), sliced]), JSON.stringify([md.parse(text, one), one]));
    }), { numRuns });
  });

  it(`rendering emits only allowlisted tags, attributes, links and images (${numRuns} cases)`, () => {
    fc.assert(fc.property(markdown, text => {
      const doc = parseDocument(`## Topic\n${text}`);
      for (const t of doc.topics) {
        assert.deepStrictEqual(checkHtml(renderer.render(doc, t).html), []);
      }
    }), { numRuns });
  });

  it('the HTML checker itself catches what it must', () => {
    assert.deepStrictEqual(checkHtml('<p>ok <a href="https://x.y" class="external">x</a></p>'), []);
    assert.ok(checkHtml('<script>x</script>').length);
    assert.ok(checkHtml('<a href="javascript:alert(1)">x</a>').length);
    assert.ok(checkHtml('<img src="data:x" onerror="y">').length >= 2);
  });
});
