import * as assert from 'assert';
import { MAX_NOTE_LENGTH, MAX_NOTES, noteKey, parseNotes, withNote } from '../../src/core/cards/recallNotes';

describe('notes on recall cards', () => {
  it('keeps a note per document and card, and an empty one removes it', () => {
    let book = withNote({}, noteKey('guide', 'recall:a/b'), 'WSGI is sync', 1);
    book = withNote(book, noteKey('file:///n.md', 'recall:a/b'), 'other doc', 2);
    assert.strictEqual(book[noteKey('guide', 'recall:a/b')].text, 'WSGI is sync');
    assert.strictEqual(Object.keys(book).length, 2);
    book = withNote(book, noteKey('guide', 'recall:a/b'), '   ', 3);
    assert.strictEqual(book[noteKey('guide', 'recall:a/b')], undefined);
  });

  it('stays bounded: the oldest note goes first, and a note is cut at its limit', () => {
    let book = {};
    for (let i = 0; i < MAX_NOTES + 5; i++) { book = withNote(book, `k${i}`, `n${i}`, i); }
    assert.strictEqual(Object.keys(book).length, MAX_NOTES);
    assert.ok(!('k0' in book) && 'k5' in book && `k${MAX_NOTES + 4}` in book);
    assert.strictEqual(withNote({}, 'k', 'x'.repeat(MAX_NOTE_LENGTH + 10), 1).k.text.length, MAX_NOTE_LENGTH);
  });

  it('reads back only well-formed notes from storage', () => {
    const raw = JSON.parse('{"a":{"text":"ok","at":1},"b":{"text":5,"at":1},"c":null,"__proto__":{"text":"x","at":1},"d":{"text":"y","at":"soon"}}');
    assert.deepStrictEqual(parseNotes(raw), { a: { text: 'ok', at: 1 } });
    for (const bad of [undefined, null, 'x', [1], 3]) { assert.deepStrictEqual(parseNotes(bad), {}); }
  });
});
