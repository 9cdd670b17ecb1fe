// Small text helpers shared by the document model and the renderer.

/** Normalises line endings and strips a byte-order mark, so line numbers match an editor's. */
export function normalizeNewlines(text: string): string {
  const unmarked = text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
  return unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked; // no copy in the common case
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

/** Labels need a few dozen characters; the cap also keeps the regexes below cheap on huge lines. */
const MAX_STRIPPED = 1000;

/** Reduces inline markdown (emphasis, code, links, escapes) to the text a reader sees. */
export function stripInlineMarkdown(source: string): string {
  const text = source.length > MAX_STRIPPED ? source.slice(0, MAX_STRIPPED) : source;
  if (!/[[\]`*_~\\!]/.test(text)) { return collapse(text); } // plain text: the common case
  // Code spans and escaped characters are literal: park them so emphasis rules cannot touch them.
  const kept: string[] = [];
  const keep = (literal: string) => `\uE000${kept.push(literal) - 1}\uE000`;
  const stripped = text
    .replace(/\uE000/g, '')
    .replace(/(`+)([^`][\s\S]*?)\1(?!`)/g, (_m, _ticks, code: string) => keep(code.trim()))
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => keep(c))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)(.*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)(.*?\S)[*_](?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)]);
  return collapse(stripped);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
