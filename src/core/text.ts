// Small text helpers shared by the document model and the renderer.

/** Normalises line endings and strips a byte-order mark, so line numbers match an editor's. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const MAX_SLUG = 80;

/** Lowercase, letters and digits of any script, runs of anything else become one '-'. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || 'untitled';
}

/** Reduces inline markdown (emphasis, code, links, escapes) to the text a reader sees. */
export function stripInlineMarkdown(text: string): string {
  if (!/[[\]`*_~\\!]/.test(text)) { return text.replace(/\s+/g, ' ').trim(); } // plain text: the common case
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)(.*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)(.*?\S)[*_](?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Hands out ids unique within one document: `id`, `id-2`, `id-3`... */
export class IdAllocator {
  private readonly used = new Set<string>();

  allocate(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) {
      id = `${base}-${n}`;
    }
    this.used.add(id);
    return id;
  }
}

/** Shortens to at most `max` characters, at a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) { return text; }
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…';
}
