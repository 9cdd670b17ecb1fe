// Export for Anki and as CSV: the files are parsed back with a real CSV parser (csv-parse),
// and the header lines, the columns, the tags and the code inside the fields are checked.
import * as assert from 'assert';
import * as fs from 'fs';
import { parse } from 'csv-parse/sync';
import { ANKI_COLUMNS, CSV_COLUMNS, exportNotes, toAnkiText, toCsv } from '../../src/core/cards/cardExport';
import { buildDeck } from '../../src/core/cards/deck';
import { parseDocument } from '../../src/core/document/document';
import type { Question } from '../../src/core/cards/questions';
import { fixture } from './paths';

const doc = parseDocument(fs.readFileSync(fixture('notes-formats/mixed.md'), 'utf8') + [
  '', '## Python basics', '', '### Decorators', '',
  '- Decorator: a callable that takes a function and returns a replacement for it',
  '- Generator: a function that yields values lazily one at a time',
  '- Metaclass: the class of a class, which builds class objects',
  '- Descriptor: an object defining __get__ to control attribute access',
  '', 'Q: What does `functools.wraps` keep?', 'A: The wrapped function\'s name, docstring and "metadata".',
  '', '```python', 'def f():', '\treturn 1', '```', '',
].join('\n'));
const topic = doc.topics.find(t => t.title === 'Decorators')!.id;
const CODE = 'def deco(f):\n\tdef inner(*a):\n\t\treturn f(*a) + "<b>&"\n\treturn inner';
const bank: Question[] = [
  { kind: 'choice', id: 'deco-one', topic, select: 'one', prompt: 'What does this print, "roughly"?', code: CODE, explanation: 'A `wrapper` adds\ttabs.',
    options: [{ text: 'The sum plus `<b>&`', correct: true, why: 'inner adds it' }, { text: 'Nothing', correct: false, why: 'it returns' }, { text: 'An error', correct: false, why: 'no error' }] },
  { kind: 'output', id: 'deco-out', topic, prompt: 'Output?', code: 'print("a,b")', output: 'a,b', distractors: ['a b', 'ab'], explanation: 'print joins.' },
  { kind: 'truefalse', id: 'deco-tf', topic, prompt: 'A decorator runs at import time.', answer: true, explanation: 'When the def executes.' },
  { kind: 'order', id: 'deco-order', topic, prompt: 'Order these', steps: ['define', 'decorate', 'call'], explanation: 'As written.' },
  { kind: 'typed', id: 'deco-typed', topic, prompt: 'The module with wraps?', accept: ['functools'], explanation: 'functools.wraps.' },
];
const deck = buildDeck(doc, bank);
const notes = exportNotes(doc, deck);

/** The lines that open an Anki file with '#', and the records after them, as Anki reads them. */
function readAnki(text: string): { headers: Map<string, string>; rows: string[][] } {
  const lines = text.split('\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; lines[i]?.startsWith('#'); i++) {
    const [key, value] = lines[i].slice(1).split(/:(.*)/s);
    headers.set(key, value);
  }
  const rows = parse(lines.slice(i).join('\n'), { delimiter: '\t', relax_column_count: false }) as string[][];
  return { headers, rows };
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const codeBlocks = (html: string) => [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map(m => unescape(m[1]));

describe('export for Anki', () => {
  const text = toAnkiText(notes, 'Django Interview Prep::My notes');
  const { headers, rows } = readAnki(text);

  it('opens with Anki\'s documented file headers', () => {
    assert.deepStrictEqual([...headers], [
      ['separator', 'tab'], ['html', 'true'], ['notetype', 'Basic'],
      ['tags column', '3'], ['deck column', '4'], ['guid column', '5'],
    ]);
    assert.deepStrictEqual(ANKI_COLUMNS.slice(2), ['Tags', 'Deck', 'GUID']);
  });

  it('writes one note per card, each with the same five columns', () => {
    assert.ok(deck.length >= 15, `${deck.length} cards`);
    assert.strictEqual(rows.length, deck.length);
    assert.ok(rows.every(r => r.length === 5));
    assert.ok(rows.every(r => r[0].trim() && r[1].trim()), 'no empty front or back');
    assert.ok(rows.every(r => r[3] === 'Django Interview Prep::My notes'));
    const guids = rows.map(r => r[4]);
    assert.strictEqual(new Set(guids).size, guids.length, 'GUIDs are unique');
    assert.deepStrictEqual(guids, deck.map(c => `django-prep:${c.id}`));
    assert.ok(kinds().has('bank') && kinds().has('concept') && kinds().has('recall') && kinds().has('task-list'), [...kinds()].join());
  });

  it('tags each note by section and topic, without spaces', () => {
    for (const r of rows) {
      assert.match(r[2], /^django-prep::[\p{L}\p{N}-]+::[\p{L}\p{N}-]+$/u, r[2]);
    }
    const bankRow = rows[deck.findIndex(c => c.id === 'q:deco-one')];
    assert.strictEqual(bankRow[2], 'django-prep::python-basics::decorators');
  });

  it('keeps code as code: tabs, quotes, angle brackets and line breaks survive the file', () => {
    const choice = rows[deck.findIndex(c => c.id === 'q:deco-one')];
    assert.deepStrictEqual(codeBlocks(choice[0]), [CODE]);
    assert.doesNotMatch(choice[0], /<b>/, 'code is escaped, not markup');
    // Options on the front, lettered; the answer with every option's reason and the explanation on the back.
    assert.match(choice[0], /<ol type="A"><li>The sum plus <code>&lt;b&gt;&amp;<\/code><\/li><li>Nothing<\/li><li>An error<\/li><\/ol>/);
    assert.match(choice[1], /<strong>A\. The sum plus <code>&lt;b&gt;&amp;<\/code><\/strong>/);
    assert.match(choice[1], /✗ B\. Nothing <span class="why">it returns<\/span>/);
    assert.match(choice[1], /A <code>wrapper<\/code> adds\ttabs\./);
    const out = rows[deck.findIndex(c => c.id === 'q:deco-out')];
    assert.deepStrictEqual(codeBlocks(out[0]), ['print("a,b")']);
    assert.deepStrictEqual(codeBlocks(out[1]), ['a,b']);
    const recall = rows[deck.findIndex(c => c.kind === 'recall' && c.topic === topic)];
    assert.match(recall[0], /What does <code>functools.wraps<\/code> keep\?/);
    assert.match(recall[1], /&quot;metadata&quot;/);
    assert.deepStrictEqual(codeBlocks(recall[1]), ['def f():\n\treturn 1\n'], 'the answer\'s code block, tab kept');
    // Fields with tabs or line breaks are quoted in the raw file, as Anki's CSV reader expects.
    assert.ok(text.includes('\n"<p>What does this print, &quot;roughly&quot;?</p><pre><code class=""language-python"">def deco(f):\n\tdef inner(*a):'), 'the front is quoted, its quotes doubled, in the raw file');
  });

  it('asks a concept as a question with its term on the back, and shows the other kinds their own way', () => {
    const term = rows[deck.findIndex(c => c.id.endsWith(':meaning') && c.id.includes('decorator'))];
    assert.match(term[0], /What is “Decorator”\?/);
    assert.doesNotMatch(term[0], /<ol/, 'no random distractors for a concept');
    assert.match(term[1], /a callable that takes a function/);
    assert.match(rows[deck.findIndex(c => c.id === 'q:deco-tf')][1], /<strong>True<\/strong>/);
    assert.match(rows[deck.findIndex(c => c.id === 'q:deco-order')][1], /<ol><li>define<\/li><li>decorate<\/li><li>call<\/li><\/ol>/);
    assert.match(rows[deck.findIndex(c => c.id === 'q:deco-typed')][1], /functools/);
    const task = rows[deck.findIndex(c => c.kind === 'task-list')];
    assert.match(task[0], /Local memory/);
    assert.match(task[1], /<strong>B\. Redis<\/strong>/);
  });

  it('writes the same file twice for the same deck', () => {
    assert.strictEqual(toAnkiText(exportNotes(doc, buildDeck(doc, bank)), 'Django Interview Prep::My notes'), text);
  });

  it('keeps a deck name to one field', () => {
    const { rows: r } = readAnki(toAnkiText(notes.slice(0, 1), 'a\tb\nc'));
    assert.strictEqual(r[0][3], 'a b c');
  });
});

describe('export as CSV', () => {
  const text = toCsv(notes);

  it('is RFC 4180: a header row, CRLF line ends, quoted fields, one record per card', () => {
    assert.ok(text.startsWith(`${CSV_COLUMNS.join(',')}\r\n`));
    const records = parse(text, { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    assert.strictEqual(records.length, deck.length);
    assert.deepStrictEqual(Object.keys(records[0]), [...CSV_COLUMNS]);
    assert.deepStrictEqual(records.map(r => r.id), deck.map(c => c.id));
    const choice = records.find(r => r.id === 'q:deco-one')!;
    assert.strictEqual(choice.kind, 'bank');
    assert.strictEqual(choice.section, 'Python basics');
    assert.strictEqual(choice.topic, 'Decorators');
    assert.deepStrictEqual(codeBlocks(choice.front), [CODE]);
    assert.strictEqual(choice.tags, 'django-prep::python-basics::decorators');
  });
});

function kinds(): Set<string> {
  return new Set(notes.map(n => n.kind));
}
