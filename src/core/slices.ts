// Long loops over a large document, run in slices: the extension host has one thread, and a
// 10,000-topic document must not freeze the editor while it is indexed or turned into cards.

/** Calls `fn` on each item, letting other work run every `sliceMs` milliseconds. */
export async function inSlices<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs = 20): Promise<void> {
  let sliceStart = Date.now();
  for (const item of items) {
    fn(item);
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise(resolve => setTimeout(resolve, 0));
      sliceStart = Date.now();
    }
  }
}
