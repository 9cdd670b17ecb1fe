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
  return collapse(parked(text, true, s => stripEmphasisOnce(s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1'))));
}

/**
 * Removes bold, italics and strike-through, code spans and escapes kept as written: what marks
 * an option as the right one in a quiz, where the words themselves are the answer.
 */
export function stripEmphasis(text: string): string {
  if (!/[*_~]/.test(text)) { return text; }
  return parked(text, false, s => {
    let out = s;
    for (let k = 0; k < 4; k++) { // `***x***` needs two passes
      const next = stripEmphasisOnce(out);
      if (next === out) { break; }
      out = next;
    }
    return out;
  });
}

function stripEmphasisOnce(text: string): string {
  return text
    .replace(/(\*\*|__|~~)(?=\S)(.*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)(.*?\S)[*_](?![\p{L}\p{N}])/gu, '$1$2');
}

/**
 * Runs `fn` with code spans and escaped characters parked, so its rules cannot touch them;
 * `unwrap` puts code back without its backticks and escapes without their backslash.
 */
function parked(text: string, unwrap: boolean, fn: (s: string) => string): string {
  const kept: string[] = [];
  const keep = (literal: string) => `\uE000${kept.push(literal) - 1}\uE000`;
  const out = fn(text
    .replace(/\uE000/g, '')
    .replace(/(`+)([^`][\s\S]*?)\1(?!`)/g, (m, _ticks, code: string) => keep(unwrap ? code.trim() : m))
    .replace(/\\([!-/:-@[-`{-~])/g, (m, c: string) => keep(unwrap ? c : m)));
  return out.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)]);
}

/**
 * Markdown as one plain line for a QuickPick row, which draws no markup: code blocks are left
 * for the card and inline marks (`**`, backticks) go, so options read alike.
 */
export function boxText(markdown: string): string {
  const lines: string[] = [];
  let fence = '';
  for (const line of markdown.split('\n')) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f && (!fence || f[1].startsWith(fence))) { fence = fence ? '' : f[1]; continue; }
    if (!fence) { lines.push(line); }
  }
  return stripInlineMarkdown(lines.join('\n'));
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
