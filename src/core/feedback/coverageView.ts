// The card's view of a graded answer: the points covered and missed, the answer with the words
// that matched marked, and the rating it suggests.
import { escapeHtml } from '../util/html';
import type { CoverageView } from '../messages';
import { Coverage, coverageLabel, suggestedRating } from './grader';

/** Renders inline markdown of a key point to safe HTML. */
export type InlineMarkdown = (text: string) => string;

export const OFFLINE_NOTE = 'A hint from word matching, not a verdict: it sees the words of each point, not whether your reasoning holds.';

export interface GradedBy {
  readonly grader: string;
  readonly note?: string;
  readonly feedback?: string;
  readonly followUp?: string;
}

export function coverageView(answer: string, c: Coverage, inline: InlineMarkdown, by: GradedBy = { grader: 'Offline grader' }): CoverageView {
  return {
    label: coverageLabel(c),
    points: c.points.map(p => ({ html: inline(p.text), covered: p.covered })),
    answerHtml: markSpans(answer, c.spans),
    suggested: suggestedRating(c),
    grader: by.grader,
    note: by.note ?? OFFLINE_NOTE,
    feedback: by.feedback,
    followUp: by.followUp,
  };
}

/** `text` escaped, each span wrapped in `<mark>`. */
export function markSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    if (from < at || to > text.length) { continue; }
    out += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  return out + escapeHtml(text.slice(at));
}
