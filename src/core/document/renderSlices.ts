// A topic rendered in slices: the extension host has one thread, and a 2 MB topic rendered in
// one go holds it for most of a second. The block parse pauses between top-level blocks
// (BlockSlicer); then each top-level block goes through the core rules on its own (inline
// parse, linkify, the topic rules), the rules that need the whole topic run once, and the
// tokens are rendered a run of top-level blocks at a time. Top-level blocks do not look into
// one another, so the HTML is exactly that of one `md.render`.
import type MarkdownIt from 'markdown-it';
import { BlockSlicer } from './blockSlices';
import { inSlices } from '../util/slices';

type Token = MarkdownIt.Token;
type TokenClass = MarkdownIt.StateCore['Token'];

/**
 * A block whose inline text is longer than this is shown as plain text: markdown-it's inline
 * parse of one block cannot be paused, and 50,000 characters of links take about 25 ms.
 */
export const HUGE_BLOCK = 50_000;

export class SlicedRenderer {
  private readonly blocks: BlockSlicer;

  /**
   * `md` is this renderer's own (its rules are changed); `finish` runs the rules that need the
   * whole topic at once (it must be linear and cheap), the core rule `wholeRule` names.
   */
  constructor(
    private readonly md: MarkdownIt,
    private readonly finish: (tokens: Token[], env: never, Token: TokenClass) => void,
    wholeRule = 'django_prep_questions',
    /** A core rule that reads neighbouring blocks before inline parsing: run once on all block tokens. */
    private readonly prepare?: { readonly rule: string; readonly run: (tokens: Token[]) => void },
  ) {
    md.core.ruler.disable(['normalize', 'block', wholeRule, ...(prepare ? [prepare.rule] : [])]);
    // The block's text becomes one child the inline rules skip (linkify reads only 'text').
    md.core.ruler.before('inline', 'huge_block', state => {
      for (const t of state.tokens) {
        if (t.type !== 'inline' || t.content.length <= HUGE_BLOCK) { continue; }
        const text = new state.Token('huge_text', '', 0);
        text.content = t.content;
        t.content = '';
        t.children = [text];
      }
    });
    md.renderer.rules.huge_text = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);
    this.blocks = new BlockSlicer(md);
  }

  async render(src: string, env: object, sliceMs = 20, cancelled?: () => boolean): Promise<string> {
    const blockTokens = await this.blocks.parse(src, env, sliceMs, cancelled);
    this.prepare?.run(blockTokens);
    const tokens: Token[] = [];
    let TokenClass: TokenClass | undefined;
    await inSlices(topLevelRuns(blockTokens), ([start, end]) => {
      const state = new this.md.core.State('', this.md, env);
      state.tokens = blockTokens.slice(start, end);
      this.md.core.process(state);
      TokenClass = state.Token;
      for (const t of state.tokens) { tokens.push(t); }
    }, sliceMs, cancelled);
    if (!TokenClass) { return ''; }
    this.finish(tokens, env as never, TokenClass);
    let html = '';
    await inSlices(topLevelRuns(tokens), ([start, end]) => { html += this.md.renderer.render(tokens.slice(start, end), this.md.options, env); }, sliceMs, cancelled);
    return html;
  }
}

/**
 * [start, end) of each top-level block: it ends at a token of level 0 that opens nothing.
 * (A collapsed question's `qa_open` is level 0 and opens; its answer's blocks are cut like any.)
 */
function* topLevelRuns(tokens: Token[]): Generator<[number, number]> {
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].level === 0 && tokens[i].nesting !== 1) { yield [start, i + 1]; start = i + 1; }
  }
  if (start < tokens.length) { yield [start, tokens.length]; }
}

/**
 * Words of `text` as `split(/\s+/)` counts them (those with a letter or digit), a piece of about
 * 64 KB at a time, each piece cut at whitespace so no word is split.
 */
export async function countWordsInSlices(text: string, sliceMs = 20, cancelled?: () => boolean): Promise<number> {
  const pieces: Array<[number, number]> = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + 65_536);
    if (end < text.length) {
      const ws = text.slice(end).search(/\s/);
      end = ws < 0 ? text.length : end + ws;
    }
    pieces.push([start, end]);
    start = end;
  }
  let words = 0;
  await inSlices(pieces, ([a, b]) => { words += text.slice(a, b).split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length; }, sliceMs, cancelled);
  return words;
}
