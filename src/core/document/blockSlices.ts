// markdown-it's block parse, run in slices. markdown-it has no incremental API, so a first
// block rule stops the parser at the start of a top-level block once a slice is used up, and
// the parse resumes from that line on the same state. Stopping only between top-level blocks
// gives exactly the tokens of one `md.parse`.
import type MarkdownIt from 'markdown-it';
import { Cancelled } from '../util/slices';

type Token = MarkdownIt.Token;

/** Thrown by the pause rule: it unwinds only the root `tokenize` call. */
const PAUSE = Symbol('pause');

interface Slice { deadline: number; resumeAt: number }

export class BlockSlicer {
  /** Parses under way, by their state; a parse not in here (`md.parse`) never pauses. */
  private readonly slices = new WeakMap<object, Slice>();

  constructor(readonly md: MarkdownIt) {
    md.block.ruler.before('table', 'slice_pause', (state, startLine, _endLine, silent) => {
      const slice = this.slices.get(state);
      // The block a slice resumes at always goes through, so every slice makes progress.
      if (!slice || silent || state.parentType !== 'root' || startLine === slice.resumeAt || Date.now() < slice.deadline) { return false; }
      slice.resumeAt = startLine;
      throw PAUSE;
    });
  }

  /**
   * The tokens `md.parse(text, env)` gives when only block rules run (inline rules off), produced
   * `sliceMs` at a time. Rejects with `Cancelled` when `cancelled()` says so between slices.
   * A single top-level block (one huge list) is never cut.
   */
  async parse(text: string, env: object, sliceMs = 20, cancelled?: () => boolean): Promise<Token[]> {
    const tokens: Token[] = [];
    // What markdown-it's 'normalize' core rule does.
    const src = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    if (!src) { return tokens; }
    const state = new this.md.block.State(src, this.md, env, tokens);
    const slice: Slice = { deadline: Date.now() + sliceMs, resumeAt: 0 };
    this.slices.set(state, slice);
    try {
      for (;;) {
        try {
          this.md.block.tokenize(state, slice.resumeAt, state.lineMax);
          return tokens;
        } catch (e) {
          if (e !== PAUSE) { throw e; }
        }
        await new Promise(resolve => setTimeout(resolve, 0));
        if (cancelled?.()) { throw new Cancelled(); }
        slice.deadline = Date.now() + sliceMs;
      }
    } finally {
      this.slices.delete(state);
    }
  }
}
