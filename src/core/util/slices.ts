// Long loops over a large document, run in slices: the extension host has one thread, and a
// 10,000-topic document must not freeze the editor while it is indexed or turned into cards.

/** Thrown by `inSlices` when the work was no longer wanted (the document changed meanwhile). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Calls `fn` on each item, letting other work run every `sliceMs` milliseconds. When
 * `cancelled()` says so between slices, stops there and rejects with `Cancelled`.
 */
export async function inSlices<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs = 20, cancelled?: () => boolean): Promise<void> {
  let sliceStart = Date.now();
  let first = true;
  for (const item of items) {
    // Yield before an item, not after the last: finished work is never thrown away.
    if (!first && Date.now() - sliceStart >= sliceMs) {
      await new Promise(resolve => setTimeout(resolve, 0));
      if (cancelled?.()) { throw new Cancelled(); }
      sliceStart = Date.now();
    }
    first = false;
    fn(item);
  }
}
