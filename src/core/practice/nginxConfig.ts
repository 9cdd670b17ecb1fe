// nginx's configuration syntax read into directives and blocks, with the line of each, so the
// exercise's rules can point at a line. nginx itself (`nginx -t`) remains the judge of validity;
// no npm parser keeps line numbers, and the grammar is four token kinds.

export interface Directive {
  readonly name: string;
  readonly args: readonly string[];
  /** 0-based line of the directive's name. */
  readonly line: number;
  readonly block?: readonly Directive[];
  /** Source offsets of each argument (for rewriting a copy given to nginx -t). */
  readonly argSpans: ReadonlyArray<readonly [number, number]>;
}

export class NginxSyntaxError extends Error {
  constructor(message: string, readonly line: number) { super(message); }
}

interface Token { readonly text: string; readonly kind: 'word' | ';' | '{' | '}'; readonly line: number; readonly start: number; readonly end: number }

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let line = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') { i++; } continue; }
    if (c === ';' || c === '{' || c === '}') { out.push({ text: c, kind: c, line, start: i, end: i + 1 }); i++; continue; }
    const start = i;
    const startLine = line;
    let text = '';
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) { i++; }
        if (src[i] === '\n') { line++; }
        text += src[i++];
      }
      if (i >= src.length) { throw new NginxSyntaxError(`unclosed ${c} quote`, startLine); }
      i++;
    } else {
      while (i < src.length && !/[\s;{}"']/.test(src[i])) {
        // ${name} is one word, its braces are not a block.
        if (src[i] === '$' && src[i + 1] === '{') { const close = src.indexOf('}', i); if (close > 0) { text += src.slice(i, close + 1); i = close + 1; continue; } }
        text += src[i++];
      }
    }
    out.push({ text, kind: 'word', line: startLine, start, end: i });
  }
  return out;
}

/** The directives of a config file (a `server {}` / `upstream {}` file, or a whole nginx.conf). */
export function parseNginx(src: string): Directive[] {
  const tokens = tokenize(src);
  let pos = 0;
  const block = (depth: number, openLine: number): Directive[] => {
    const list: Directive[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.kind === '}') {
        if (depth === 0) { throw new NginxSyntaxError('unexpected "}": no block is open here', t.line); }
        pos++;
        return list;
      }
      if (t.kind !== 'word') { throw new NginxSyntaxError(`unexpected "${t.text}"`, t.line); }
      pos++;
      const args: string[] = [];
      const spans: Array<[number, number]> = [];
      while (pos < tokens.length && tokens[pos].kind === 'word') { args.push(tokens[pos].text); spans.push([tokens[pos].start, tokens[pos].end]); pos++; }
      const end = tokens[pos];
      if (!end) { throw new NginxSyntaxError(`"${t.text}" is not terminated by ";"`, t.line); }
      pos++;
      if (end.kind === ';') { list.push({ name: t.text, args, line: t.line, argSpans: spans }); continue; }
      if (end.kind === '{') { list.push({ name: t.text, args, line: t.line, argSpans: spans, block: block(depth + 1, t.line) }); continue; }
      throw new NginxSyntaxError(`"${t.text}" is not terminated by ";" before "}"`, t.line);
    }
    if (depth > 0) { throw new NginxSyntaxError('a "{" is never closed', openLine); }
    return list;
  };
  return block(0, 0);
}

export const find = (list: readonly Directive[] | undefined, name: string) => (list ?? []).filter(d => d.name === name);

/** Every directive, depth first. */
export function* walk(list: readonly Directive[]): Generator<Directive> {
  for (const d of list) { yield d; if (d.block) { yield* walk(d.block); } }
}
