import * as assert from 'assert';
import { deriveSeed, Draws, parseSeed, seededRandom } from '../../src/core/util/draws';

describe('draws (seeded randomness)', () => {
  it('a seed gives the same numbers every time, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepStrictEqual(Array.from({ length: 1000 }, () => b()), xs);
    assert.ok(xs.every(x => x >= 0 && x < 1));
    assert.notDeepStrictEqual(Array.from({ length: 1000 }, seededRandom(43)), xs);
    // Roughly uniform: each tenth gets its share.
    const tenths = new Array<number>(10).fill(0);
    xs.forEach(x => tenths[Math.floor(x * 10)]++);
    assert.ok(tenths.every(n => n > 60 && n < 140), tenths.join(','));
  });

  it('reads a seed as written in DJANGO_PREP_SEED or --seed, and nothing else', () => {
    assert.strictEqual(parseSeed('1234'), 1234);
    assert.strictEqual(parseSeed(' 0 '), 0);
    assert.strictEqual(parseSeed('4294967295'), 4294967295);
    for (const bad of [undefined, '', 'abc', '-1', '1.5', '4294967296', '12345678901']) { assert.strictEqual(parseSeed(bad), undefined, String(bad)); }
  });

  it('a test gets its own seed from the run\'s seed and its name', () => {
    assert.strictEqual(deriveSeed(7, 'a test'), deriveSeed(7, 'a test'));
    assert.notStrictEqual(deriveSeed(7, 'a test'), deriveSeed(7, 'another test'));
    assert.notStrictEqual(deriveSeed(7, 'a test'), deriveSeed(8, 'a test'));
  });

  it('unseeded it is Math.random; reseeding starts the same sequence again', () => {
    const d = new Draws();
    assert.strictEqual(d.seeded, undefined);
    d.seed(5);
    const first = [d.random(), d.random(), d.random()];
    d.seed(5);
    assert.deepStrictEqual([d.random(), d.random(), d.random()], first);
    assert.strictEqual(d.seeded, 5);
    d.seed(undefined);
    assert.strictEqual(d.seeded, undefined);
  });
});
