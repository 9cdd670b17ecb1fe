// Reading a progress file someone hands over (Import Progress...). Its size, nesting and shape
// are checked before anything is merged; what does not make sense is dropped and counted; a
// merge never loses a review already made. No VS Code here.

/** An export of thousands of reviewed cards is well under a megabyte. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Progress is five levels deep (progress, documents, document, cards, card); anything far deeper is not progress. */
export const MAX_IMPORT_DEPTH = 16;
/** Clocks differ between machines: an imported time up to a day ahead is still believed. */
const CLOCK_SKEW = 86_400_000;

/** Why a file of this many bytes is not read at all, if it is too large. */
export function importSizeProblem(bytes: number): string | undefined {
  return bytes > MAX_IMPORT_BYTES ? `the file is ${(bytes / 1048576).toFixed(1)} MB; progress files are at most ${MAX_IMPORT_BYTES / 1048576} MB` : undefined;
}

/** How deeply arrays and objects nest in `value`, counted without recursion and no further than `limit + 1`. */
export function nestingDepth(value: unknown, limit = MAX_IMPORT_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) { continue; }
    deepest = Math.max(deepest, depth);
    if (deepest > limit) { return deepest; }
    for (const child of Object.values(v)) { stack.push([child, depth + 1]); }
  }
  return deepest;
}

/** The JSON of a progress file, or why it is refused: too large, not JSON, empty or too deep. */
export function readImportJson(text: string): { readonly ok: true; readonly raw: unknown } | { readonly ok: false; readonly reason: string } {
  const size = importSizeProblem(text.length);
  if (size) { return { ok: false, reason: size }; }
  let raw: unknown;
  try { raw = JSON.parse(text.replace(/^\uFEFF/, '')); } catch (e) {
    return { ok: false, reason: `it is not JSON (${e instanceof Error ? e.message.slice(0, 120) : 'unreadable'})` };
  }
  if (raw === null || raw === undefined) { return { ok: false, reason: 'it is empty' }; }
  if (nestingDepth(raw) > MAX_IMPORT_DEPTH) { return { ok: false, reason: `it nests more than ${MAX_IMPORT_DEPTH} levels deep, which progress never does` }; }
  return { ok: true, raw };
}

/** The latest time an imported entry may have (clocks differ between machines). */
export const importNotAfter = (now: number): number => now + CLOCK_SKEW;
