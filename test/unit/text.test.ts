import * as assert from 'assert';
import { boxText, IdAllocator, normalizeNewlines, slugify, stripEmphasis, stripInlineMarkdown, truncate } from '../../src/core/util/text';

describe('text helpers', () => {
  it('slugifies headings of any script, stably', () => {
    assert.strictEqual(slugify('DB, Query in Django, Filtering F, Q'), 'db-query-in-django-filtering-f-q');
    assert.strictEqual(slugify('Café à la Crème'), 'cafe-a-la-creme');
    assert.strictEqual(slugify('Декораторы и генераторы'), 'декораторы-и-генераторы');
    assert.strictEqual(slugify('***'), 'untitled');
    assert.ok(slugify('x'.repeat(500)).length <= 80);
  });

  it('strips inline markup to what a reader sees', () => {
    assert.strictEqual(stripInlineMarkdown('**Bold** and `code` and [a link](https://x.y)'), 'Bold and code and a link');
    assert.strictEqual(stripInlineMarkdown('snake_case_name stays'), 'snake_case_name stays');
    assert.strictEqual(stripInlineMarkdown('*emphasis* and _this_'), 'emphasis and this');
    assert.strictEqual(stripInlineMarkdown('  spread\n over   lines '), 'spread over lines');
  });

  it('normalises CRLF, lone CR and a BOM', () => {
    assert.strictEqual(normalizeNewlines('\uFEFFa\r\nb\rc\n'), 'a\nb\nc\n');
  });

  it('allocates unique ids with numbered suffixes', () => {
    const ids = new IdAllocator();
    assert.deepStrictEqual(['a', 'a', 'a-2', 'a'].map(x => ids.allocate(x)), ['a', 'a-2', 'a-2-2', 'a-3']);
  });

  it('truncates at a word boundary', () => {
    assert.strictEqual(truncate('short', 10), 'short');
    assert.strictEqual(truncate('one two three four five', 14), 'one two three…');
  });
});

describe('stripInlineMarkdown literals and limits', () => {
  it('keeps code spans and escaped characters literal', () => {
    assert.strictEqual(stripInlineMarkdown('`__init__` vs `__new__`'), '__init__ vs __new__');
    assert.strictEqual(stripInlineMarkdown('`*args`/`**kwargs`'), '*args/**kwargs');
    assert.strictEqual(stripInlineMarkdown('\\*not em\\*'), '*not em*');
    assert.strictEqual(stripInlineMarkdown('``a ` b``'), 'a ` b');
  });

  it('stays fast on a huge line full of markers', () => {
    const start = Date.now();
    const out = stripInlineMarkdown(' **a'.repeat(40000) + ' [b'.repeat(40000));
    assert.ok(out.length <= 1000);
    assert.ok(Date.now() - start < 2000, 'linear enough not to freeze the extension host');
  });
});

describe('stripEmphasis and boxText', () => {
  it('drops bold, italics and strike-through, and leaves code and escapes as written', () => {
    assert.strictEqual(stripEmphasis('**MIDDLEWARE**'), 'MIDDLEWARE');
    assert.strictEqual(stripEmphasis('***both*** and ~~gone~~ and _it_'), 'both and gone and it');
    assert.strictEqual(stripEmphasis('**`post_save`**'), '`post_save`');
    assert.strictEqual(stripEmphasis('`**kwargs` and snake_case_name and \\*x\\*'), '`**kwargs` and snake_case_name and \\*x\\*');
  });

  it('gives one plain line for a QuickPick row: no code blocks, no inline marks', () => {
    assert.strictEqual(boxText('**Which line** is wrong?\n\n```python\nx = `1`\n```\nin `raw()`'), 'Which line is wrong? in raw()');
    assert.strictEqual(boxText('`TEMPLATES`'), 'TEMPLATES');
  });
});
