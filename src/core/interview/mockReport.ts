// The report after a mock interview: the questions with their rating and time, results per
// section, topics to revisit, and the trend over past sessions; as the report page's HTML and
// as Markdown (Copy as Markdown, with the reader's notes). No VS Code here.
import { escapeHtml } from '../util/html';
import { answerPoints, MockFigures, mockFigures, MockRecord, mockTrend } from './mockHistory';
import type { PointsCovered } from '../cards/questions';
import type { MockResult, TopicInfo } from './mockInterview';
import { stripInlineMarkdown, truncate } from '../util/text';
import { pct } from '../util/format';
import { OTHER_TOPICS } from '../document/sections';

const RATING_LABELS = ['Skipped', 'Again', 'Hard', 'Good', 'Easy'];

export interface ReportInput {
  readonly result: MockResult;
  /** Progress key of the document, for the trend. */
  readonly doc: string;
  readonly docName: string;
  readonly focus: string;
  readonly topics: ReadonlyMap<string, TopicInfo>;
  /** Notes typed on the cards, by card id. */
  readonly notes: ReadonlyMap<string, string>;
  /** History with this session in it (or not yet, when it could not be saved). */
  readonly history: readonly MockRecord[] | undefined;
  /** This session's id in the history, to mark it in the trend. */
  readonly id?: string;
  readonly questionLimitMs: number;
}

export interface ReportQuestion {
  readonly number: number;
  readonly prompt: string;
  readonly topic: { readonly id: string; readonly title: string };
  readonly rating: string;
  readonly ms: number;
  readonly overLimit: boolean;
  readonly followUp: boolean;
  readonly notes?: string;
  /** "3 of 5 key points", for a typed answer that was graded. */
  readonly coverage?: PointsCovered;
  /** The key points that answer missed. */
  readonly missed?: readonly string[];
}

export interface ReportSection extends MockFigures { readonly title: string }

export interface ReportModel {
  readonly when: string;
  readonly docName: string;
  readonly focus: string;
  readonly minutes: number;
  readonly ms: number;
  readonly timeUp: boolean;
  readonly figures: MockFigures;
  readonly questions: readonly ReportQuestion[];
  readonly sections: readonly ReportSection[];
  readonly revisit: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** Key points the typed answers missed, by topic, in the order asked. */
  readonly missed: ReadonlyArray<{ readonly id: string; readonly title: string; readonly points: readonly string[] }>;
  readonly trend: ReadonlyArray<MockFigures & { readonly when: string; readonly current: boolean }>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local date and time, "2025-03-14 09:30". */
export function formatWhen(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2:05" (minutes and seconds). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

const percent = (v: number | undefined) => v === undefined ? '–' : pct(v);
const average = (v: number | undefined) => v === undefined ? '–' : v.toFixed(1);

export function reportModel(input: ReportInput): ReportModel {
  const { result, topics } = input;
  const title = (id: string) => topics.get(id)?.title ?? id;
  const questions = result.answers.map((a, i): ReportQuestion => {
    const coverage = answerPoints(a);
    return {
      number: i + 1, prompt: a.prompt, topic: { id: a.topic, title: title(a.topic) }, rating: RATING_LABELS[a.rating ?? 0],
      ms: a.ms, overLimit: a.ms > input.questionLimitMs, followUp: a.followUp, notes: input.notes.get(a.cardId)?.trim() || undefined,
      ...(coverage ? { coverage, missed: a.coverage?.missed.map(p => stripInlineMarkdown(p.text)) } : {}),
    };
  });
  const bySection = new Map<string, { ratings: number[]; points: Array<PointsCovered | undefined> }>();
  for (const a of result.answers) {
    const s = topics.get(a.topic)?.section || OTHER_TOPICS;
    const entry = bySection.get(s) ?? { ratings: [], points: [] };
    entry.ratings.push(a.rating ?? 0);
    entry.points.push(answerPoints(a));
    bySection.set(s, entry);
  }
  // Again, Hard, skipped or with missed key points: worth reading again; each topic once, in the order asked.
  const revisit = [...new Set(result.answers.filter(a => (a.rating ?? 0) <= 2 || (a.coverage?.missed.length ?? 0) > 0).map(a => a.topic))].map(id => ({ id, title: title(id) }));
  const missedBy = new Map<string, string[]>();
  for (const a of result.answers) {
    for (const p of a.coverage?.missed ?? []) {
      const list = missedBy.get(a.topic) ?? [];
      const text = stripInlineMarkdown(p.text);
      if (!list.includes(text)) { list.push(text); }
      missedBy.set(a.topic, list);
    }
  }
  const trend = mockTrend(input.history, input.doc).map(t => ({ ...t, when: formatWhen(t.at), current: t.id === input.id }));
  return {
    when: formatWhen(result.startedAt), docName: input.docName, focus: input.focus, minutes: Math.round(result.lengthMs / 60_000), ms: result.ms, timeUp: result.timeUp,
    figures: mockFigures(result.answers.map(a => a.rating ?? 0), result.answers.map(answerPoints)),
    questions, sections: [...bySection].map(([t, e]) => ({ title: t, ...mockFigures(e.ratings, e.points) })), revisit,
    missed: [...missedBy].map(([id, points]) => ({ id, title: title(id), points })), trend,
  };
}

const oneLine = (s: string, max = 140) => truncate(s.replace(/\s+/g, ' ').trim(), max);

function headline(m: ReportModel): string {
  const f = m.figures;
  const points = f.coverage === undefined ? '' : ` · ${percent(f.coverage)} of key points covered`;
  return `${f.asked} ${f.asked === 1 ? 'question' : 'questions'}: ${f.answered} answered, ${f.skipped} skipped · average ${average(f.average)} of 4 · ${percent(f.good)} Good or Easy${points}`;
}

/** "3 of 5", or a dash for an answer that was not typed. */
const pointsCell = (q: ReportQuestion) => q.coverage ? `${q.coverage.covered} of ${q.coverage.total}` : '–';

function subline(m: ReportModel): string {
  return `${m.docName} · ${m.focus} · ${m.minutes} minutes planned, ${formatDuration(m.ms)} spent${m.timeUp ? ' (time was up)' : ''}`;
}

/** The report page's content (inside <main>); every text escaped. */
export function reportHtml(m: ReportModel): string {
  const e = escapeHtml;
  const graded = m.questions.some(q => q.coverage);
  const trendGraded = m.trend.some(t => t.coverage !== undefined);
  const rows = m.questions.map(q => `<tr><td>${q.number}</td><td class="prompt">${e(oneLine(stripInlineMarkdown(q.prompt), 200))}${q.followUp ? ' <span class="tag">follow-up</span>' : ''}${q.notes ? `<div class="notes">${e(oneLine(q.notes, 300))}</div>` : ''}${q.missed?.length ? `<div class="missed">Missed: ${e(q.missed.join('; '))}</div>` : ''}</td>`
    + `<td><a href="#" class="topic-link" data-topic="${e(q.topic.id)}">${e(q.topic.title)}</a></td><td class="rating r-${q.rating.toLowerCase()}">${e(q.rating)}</td>${graded ? `<td class="points">${pointsCell(q)}</td>` : ''}`
    + `<td class="time${q.overLimit ? ' over' : ''}">${formatDuration(q.ms)}${q.overLimit ? ' <span class="tag warn">over 3 min</span>' : ''}</td></tr>`).join('\n');
  const sections = m.sections.map(s => `<tr><th scope="row">${e(s.title)}</th><td>${s.asked}</td><td>${s.answered}</td><td>${average(s.average)}</td><td>${percent(s.good)}</td>${graded ? `<td>${percent(s.coverage)}</td>` : ''}</tr>`).join('\n');
  const missed = m.missed.length
    ? `<ul class="missed-points">${m.missed.map(t => `<li><a href="#" class="topic-link" data-topic="${e(t.id)}">${e(t.title)}</a>: ${e(t.points.join('; '))}</li>`).join('')}</ul>`
    : '';
  const revisit = m.revisit.length
    ? `<nav class="revisit" aria-label="Topics to revisit">${m.revisit.map(t => `<a href="#" class="chip" data-topic="${e(t.id)}">${e(t.title)}</a>`).join('')}</nav>${missed}`
    : '<p class="meta">Nothing to revisit: every answer was Good or Easy.</p>';
  const trendRows = m.trend.map(t => `<tr${t.current ? ' class="current"' : ''}><td>${e(t.when)}${t.current ? ' (this one)' : ''}</td><td>${t.answered} of ${t.asked}</td><td>${average(t.average)}</td><td>${percent(t.good)}</td>${trendGraded ? `<td>${percent(t.coverage)}</td>` : ''}</tr>`).join('\n');
  return `<header><h1>Mock interview report</h1><p class="meta" id="when">${e(m.when)} · ${e(subline(m))}</p></header>
<p class="headline" id="headline">${e(headline(m))}</p>
<div class="actions"><button type="button" id="copy" class="primary">Copy as Markdown</button><button type="button" id="again">Start another…</button></div>
<h2>Questions</h2>
${m.questions.length ? `<table class="questions"><thead><tr><th scope="col">#</th><th scope="col">Question</th><th scope="col">Topic</th><th scope="col">Rating</th>${graded ? '<th scope="col">Key points</th>' : ''}<th scope="col">Time</th></tr></thead><tbody>
${rows}
</tbody></table>` : '<p class="meta">No question was answered.</p>'}
<h2>By section</h2>
<table class="sections"><thead><tr><th scope="col">Section</th><th scope="col">Asked</th><th scope="col">Answered</th><th scope="col">Average</th><th scope="col">Good or Easy</th>${graded ? '<th scope="col">Key points</th>' : ''}</tr></thead><tbody>
${sections}
</tbody></table>
<h2>Topics to revisit</h2>
${revisit}
<h2>Trend</h2>
${m.trend.length > 1 ? sparkline(m.trend.map(t => t.good)) : '<p class="meta">Your first mock interview on this document: the trend starts here.</p>'}
<table class="trend"><thead><tr><th scope="col">Session</th><th scope="col">Answered</th><th scope="col">Average</th><th scope="col">Good or Easy</th>${trendGraded ? '<th scope="col">Key points</th>' : ''}</tr></thead><tbody>
${trendRows}
</tbody></table>`;
}

/** A small line of the Good-or-Easy share per session, 0-100%; sessions with no answer are gaps. */
export function sparkline(values: ReadonlyArray<number | undefined>): string {
  const w = 240, h = 48, padY = 4;
  const x = (i: number) => values.length > 1 ? Math.round((i * w) / (values.length - 1)) : w / 2;
  const y = (v: number) => Math.round(h - padY - v * (h - 2 * padY));
  const points = values.map((v, i) => v === undefined ? undefined : `${x(i)},${y(v)}`);
  const dots = points.map(p => p ? `<circle class="spark-dot" cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3"></circle>` : '').join('');
  const line = points.filter(Boolean).join(' ');
  return `<svg class="sparkline" role="img" aria-label="Share of Good or Easy answers per session, oldest to newest" viewBox="-4 0 ${w + 8} ${h}" width="${w + 8}" height="${h}"><line class="spark-axis" x1="0" x2="${w}" y1="${h - padY}" y2="${h - padY}"></line><polyline class="spark-line" points="${line}"></polyline>${dots}</svg>`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The report as Markdown, the reader's notes under the questions they were typed on. */
export function reportMarkdown(m: ReportModel): string {
  const graded = m.questions.some(q => q.coverage);
  const lines = [`# Mock interview, ${m.when}`, '', subline(m), '', `**${headline(m)}**`, '', '## Questions', ''];
  if (m.questions.length) {
    lines.push(graded ? '| # | Question | Topic | Rating | Key points | Time |' : '| # | Question | Topic | Rating | Time |', graded ? '|---|---|---|---|---|---|' : '|---|---|---|---|---|');
    for (const q of m.questions) {
      lines.push(`| ${q.number} | ${cell(oneLine(q.prompt, 200))}${q.followUp ? ' *(follow-up)*' : ''} | ${cell(q.topic.title)} | ${q.rating} |${graded ? ` ${pointsCell(q)} |` : ''} ${formatDuration(q.ms)}${q.overLimit ? ' (over 3 min)' : ''} |`);
    }
  } else { lines.push('No question was answered.'); }
  const noted = m.questions.filter(q => q.notes);
  if (noted.length) {
    lines.push('', '### Your notes');
    for (const q of noted) { lines.push('', `**${q.number}. ${oneLine(q.prompt, 200)}**`, '', ...q.notes!.split('\n').map(l => `> ${l}`)); }
  }
  lines.push('', '## By section', '', `| Section | Asked | Answered | Average | Good or Easy |${graded ? ' Key points |' : ''}`, `|---|---|---|---|---|${graded ? '---|' : ''}`,
    ...m.sections.map(s => `| ${cell(s.title)} | ${s.asked} | ${s.answered} | ${average(s.average)} | ${percent(s.good)} |${graded ? ` ${percent(s.coverage)} |` : ''}`));
  const missed = new Map(m.missed.map(t => [t.id, t.points]));
  lines.push('', '## Topics to revisit', '', ...(m.revisit.length
    ? m.revisit.map(t => `- ${t.title}${missed.get(t.id)?.length ? `: missed ${missed.get(t.id)!.join('; ')}` : ''}`)
    : ['Nothing to revisit: every answer was Good or Easy.']));
  if (m.trend.length) {
    const trendGraded = m.trend.some(t => t.coverage !== undefined);
    lines.push('', '## Trend', '', `| Session | Answered | Average | Good or Easy |${trendGraded ? ' Key points |' : ''}`, `|---|---|---|---|${trendGraded ? '---|' : ''}`,
      ...m.trend.map(t => `| ${t.when}${t.current ? ' (this one)' : ''} | ${t.answered} of ${t.asked} | ${average(t.average)} | ${percent(t.good)} |${trendGraded ? ` ${percent(t.coverage)} |` : ''}`));
  }
  return lines.join('\n') + '\n';
}
