import * as assert from 'assert';
import { Disposable, disposeAll } from '../../src/vscode/disposable';

class Owner extends Disposable {
  add<T extends { dispose(): unknown }>(d: T): T { return this._register(d); }
}

describe('disposal', () => {
  it('disposes everything, last first, past one that throws, and rethrows that error', () => {
    const order: string[] = [];
    const boom = new Error('boom');
    const list = [{ dispose: () => order.push('a') }, { dispose: () => { throw boom; } }, { dispose: () => order.push('c') }];
    assert.throws(() => disposeAll(list), e => e === boom);
    assert.deepStrictEqual(order, ['c', 'a']);
    assert.strictEqual(list.length, 0);
  });

  it('reports every error when several throw', () => {
    const owner = new Owner();
    let last = false;
    owner.add({ dispose: () => { last = true; } });
    owner.add({ dispose: () => { throw new Error('one'); } });
    owner.add({ dispose: () => { throw new Error('two'); } });
    assert.throws(() => owner.dispose(), (e: unknown) => e instanceof AggregateError && e.errors.map((x: Error) => x.message).join() === 'two,one');
    assert.ok(last, 'the first registered was still disposed');
    owner.dispose(); // a second dispose does nothing
  });

  it('disposes at once what is registered after disposal', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = false;
    owner.add({ dispose: () => { disposed = true; } });
    assert.ok(disposed);
  });
});
