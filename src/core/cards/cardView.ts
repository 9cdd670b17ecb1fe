// The quiz card webview: what it shows for a question, its answer and the summary. Markdown is
// rendered here, so the page only places HTML.
import type { CardView, CoverageView } from '../messages';
import { escapeHtml } from '../util/html';
import type { Question } from './questions';
import { Outcome, RECALL_RATINGS } from './quiz';

/** Renders markdown to safe HTML (the topic renderer's rules). */
export type Markdown = (text: string) => string;

export function questionCard(heading: string, topic: string, q: Question, md: Markdown, notes?: string): CardView {
  return { phase: 'question', heading, sub: topic, kind: q.kind, promptHtml: prompt(q, md), hint: hint(q), recall: q.kind === 'recall', notes };
}

export function answerCard(heading: string, topic: string, q: Question, o: Outcome, md: Markdown, notes?: string, coverage?: CoverageView): CardView {
  const base = { phase: 'answer' as const, heading, sub: topic, kind: q.kind, promptHtml: prompt(q, md), notes, recall: q.kind === 'recall' };
  if (q.kind === 'recall') {
    const label = coverage && RECALL_RATINGS.find(r => r.rating === coverage.suggested)?.label;
    return {
      ...base,
      answerHtml: q.answer?.trim() ? md(q.answer) : `<p class="no-answer">${escapeHtml('Your notes give no answer to this one: rate how well you could answer it.')}</p>`,
      explanationHtml: q.explanation.trim() ? md(q.explanation) : undefined,
      coverage,
      hint: coverage
        ? `${label} is suggested (${coverage.label}): Enter takes it, or 1 Again · 2 Hard · 3 Good · 4 Easy. Escape stops.`
        : 'How well did you answer? 1 Again · 2 Hard · 3 Good · 4 Easy (here or in the box above). Escape stops.',
    };
  }
  const right = q.kind === 'order' ? o.right.map((r, i) => `${i + 1}. ${r}`).join('\n') : o.right.map(r => `- ${r}`).join('\n');
  return {
    ...base,
    verdict: o.almost !== undefined ? { tone: 'right', text: `≈ Almost: ${o.almost}` }
      : o.correct ? { tone: 'right', text: '✓ Right' } : { tone: 'wrong', text: '✗ Not quite' },
    answerHtml: o.correct || q.kind === 'choice' ? undefined : md(`${q.kind === 'order' ? 'The order is:' : 'The answer:'}\n\n${right}`),
    explanationHtml: o.explanation.trim() ? md(o.explanation) : undefined,
    options: q.kind === 'choice' ? q.options.map(opt => ({ html: md(opt.text), correct: opt.correct, why: opt.why })) : undefined,
    hint: 'Enter in the box above for the next question.',
  };
}

export function summaryCard(headline: string, revisit: ReadonlyArray<{ id: string; title: string }>): CardView {
  return {
    phase: 'summary', heading: 'Quiz finished', sub: headline, promptHtml: '', revisit,
    hint: revisit.length ? 'Open a topic to revisit here or in the box above.' : 'Well done.',
  };
}

function prompt(q: Question, md: Markdown): string {
  // Bank prompts are plain text; prompts from notes are the notes' own markdown.
  const text = q.kind === 'recall' || q.markdown ? md(q.prompt) : `<p>${escapeHtml(q.prompt)}</p>`;
  return q.code ? `${text}${md('```python\n' + q.code.replace(/\n$/, '') + '\n```')}` : text;
}

function hint(q: Question): string {
  switch (q.kind) {
    case 'choice': return q.select === 'many' ? 'Select all that apply in the box above.' : 'Pick one answer in the box above.';
    case 'truefalse': return 'True or false? Answer in the box above.';
    case 'output': return 'What does this print? Pick it in the box above.';
    case 'typed': return 'Type the answer in the box above.';
    case 'order': return 'Pick the steps in order, first to last, in the box above.';
    case 'recall': return 'Answer out loud, or type notes below. Space (or the box above) reveals the model answer. Escape stops.';
  }
}
