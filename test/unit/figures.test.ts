import * as assert from 'assert';
import type { CardSource } from '../../src/core/cards/conceptCards';
import { parseDocument } from '../../src/core/document/document';
import { changedFigures, describeFigures, NO_FIGURES, speakFigures, topicFigures } from '../../src/core/study/figures';
import { emptyDocument } from '../../src/core/study/progress';

const doc = parseDocument('# G\n## S\n### A\nText.\n### B\nText.\n');
const card = (id: string, topic: string): CardSource => ({ id, topic, build: () => { throw new Error('not asked'); } });
const deck = [card('1', 's/a'), card('2', 's/a'), card('3', 's/a'), card('4', 's/a'), card('5', 'elsewhere')];

describe('topic figures', () => {
  it('counts read, practice, recall and cards per topic', () => {
    const progress = { ...emptyDocument(), read: { 's/a': 1 }, practised: { 's/b': { passed: 1, total: 3, at: 2 } } };
    const figures = topicFigures(doc, deck, progress, new Map([['s/a', { recall: 0.8, due: 1, reviewed: 2 }]]));
    assert.deepStrictEqual(figures.get('s/a'), { read: true, practised: undefined, recall: 0.8, due: 1, reviewed: 2, cards: 4 });
    assert.deepStrictEqual(figures.get('s/b'), { read: false, practised: { passed: 1, total: 3 }, recall: undefined, due: 0, reviewed: 0, cards: 0 });
  });

  it('names the topics whose figures changed, gone ones too', () => {
    const before = new Map([['a', NO_FIGURES], ['b', NO_FIGURES], ['gone', NO_FIGURES]]);
    const after = new Map([['a', NO_FIGURES], ['b', { ...NO_FIGURES, read: true }], ['new', NO_FIGURES]]);
    assert.deepStrictEqual(changedFigures(before, after).sort(), ['b', 'gone', 'new']);
  });

  it('describes and speaks them for the tree', () => {
    const s = { read: true, practised: { passed: 2, total: 5 }, recall: 0.824, due: 3, reviewed: 4, cards: 6 };
    assert.strictEqual(describeFigures(s), '✓ · 2/5 tasks · 82% recall · 3 due');
    assert.strictEqual(speakFigures(s), 'read, practice: 2 of 5 tasks pass, recall 82 percent, 3 cards due');
    assert.strictEqual(describeFigures(NO_FIGURES), undefined);
    assert.strictEqual(speakFigures(NO_FIGURES), 'not read yet');
    assert.strictEqual(describeFigures(undefined), undefined);
    assert.strictEqual(speakFigures(undefined), '');
  });
});
