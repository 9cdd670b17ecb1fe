// The progress dashboard as data and as SVG charts coloured by CSS classes (the webview's
// stylesheet maps them to theme colours).
import type { StudyDocument } from '../document/document';
import type { TopicFigures } from './figures';
import { escapeHtml } from '../util/html';
import { pct } from '../util/format';
import { OTHER_TOPICS } from '../document/sections';

export type { TopicFigures };

export interface SectionFigures {
  readonly title: string;
  readonly topics: number;
  /** Shares 0..1 of the section's topics. */
  readonly read: number;
  readonly practised: number;
  /** Mean recall of the quizzed topics, undefined when none is quizzed. */
  readonly recall?: number;
  /** Open questions in the section, and how many have been answered at least once. */
  readonly open: number;
  readonly openReviewed: number;
}

export interface DashboardModel {
  readonly sections: readonly SectionFigures[];
  readonly totals: { readonly topics: number; readonly read: number; readonly practised: number; readonly reviewedCards: number; readonly dueToday: number };
  /** Cards due on each of the next 14 days, today first. */
  readonly forecast: readonly number[];
  readonly start: Date;
}

export function dashboardModel(doc: StudyDocument, stats: (topicId: string) => Omit<TopicFigures, 'cards'> | undefined, forecast: readonly number[], now: Date): DashboardModel {
  const groups: Array<{ title: string; topics: string[] }> = [];
  for (const item of doc.items) {
    if (item.kind === 'section') { groups.push({ title: item.title, topics: item.topics.map(t => t.id) }); }
    else {
      const last = groups[groups.length - 1];
      if (last?.title === OTHER_TOPICS) { last.topics.push(item.id); } else { groups.push({ title: OTHER_TOPICS, topics: [item.id] }); }
    }
  }
  let read = 0;
  let practised = 0;
  let reviewedCards = 0;
  const sections = groups.filter(g => g.topics.length).map(g => {
    const s = g.topics.map(stats);
    const r = s.filter(x => x?.read).length;
    const p = s.filter(x => x?.practised && x.practised.passed === x.practised.total).length;
    const recalls = s.map(x => x?.recall).filter((x): x is number => x !== undefined);
    read += r;
    practised += p;
    reviewedCards += s.reduce((n, x) => n + (x?.reviewed ?? 0), 0);
    const open = s.reduce((n, x) => n + (x?.open ?? 0), 0);
    const openReviewed = s.reduce((n, x) => n + (x?.openReviewed ?? 0), 0);
    return { title: g.title, topics: g.topics.length, read: r / g.topics.length, practised: p / g.topics.length, recall: recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : undefined, open, openReviewed };
  });
  return { sections, totals: { topics: doc.topics.length, read, practised, reviewedCards, dueToday: forecast[0] ?? 0 }, forecast, start: now };
}


/** Open questions answered per section, as a table; empty when the document has none. */
export function openQuestionsTable(m: DashboardModel): string {
  const rows = m.sections.filter(s => s.open > 0);
  if (!rows.length) { return ''; }
  const body = rows.map(s => `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${s.openReviewed} of ${s.open}</td><td><svg width="120" height="10" role="img" aria-label="${pct(s.openReviewed / s.open)}"><rect class="track" width="120" height="10" rx="2"/><rect class="bar-recall" width="${Math.round(120 * s.openReviewed / s.open)}" height="10" rx="2"/></svg></td></tr>`).join('');
  return `<table class="open-questions"><caption>Open questions answered at least once</caption><thead><tr><th scope="col">Section</th><th scope="col">Answered</th><th scope="col"><span class="sr-only">Share</span></th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Horizontal bars per section: read, practised (solved), recall. */
export function sectionChart(m: DashboardModel): string {
  const label = 170;
  const width = 600;
  const barW = width - label - 80;
  const rowH = 46;
  const h = m.sections.length * rowH + 10;
  const rows = m.sections.map((s, i) => {
    const y = i * rowH + 6;
    const bar = (v: number | undefined, k: number, cls: string, name: string) => {
      const w = v === undefined ? 0 : Math.max(v > 0 ? 2 : 0, v * barW);
      const text = v === undefined ? 'not quizzed' : pct(v);
      return `<rect class="track" x="${label}" y="${y + k * 12}" width="${barW}" height="9" rx="2"/>`
        + `<rect class="${cls}" x="${label}" y="${y + k * 12}" width="${w.toFixed(1)}" height="9" rx="2"><title>${escapeHtml(`${s.title}: ${name} ${text}`)}</title></rect>`
        + `<text class="value" x="${label + barW + 6}" y="${y + k * 12 + 8}">${text}</text>`;
    };
    return `<text class="label" x="0" y="${y + 17}">${escapeHtml(truncateLabel(s.title))}</text>`
      + bar(s.read, 0, 'bar-read', 'read') + bar(s.practised, 1, 'bar-practised', 'practised') + bar(s.recall, 2, 'bar-recall', 'recall');
  }).join('');
  return `<svg class="chart" role="img" aria-labelledby="sections-title" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`
    + `<title id="sections-title">Per section: topics read, practice solved and quiz recall</title>${rows}</svg>`;
}

/** Columns: cards falling due on each of the next 14 days. */
export function forecastChart(m: DashboardModel): string {
  const width = 560;
  const h = 150;
  const top = 18;
  const base = h - 26;
  const max = Math.max(1, ...m.forecast);
  const col = width / m.forecast.length;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const cols = m.forecast.map((n, i) => {
    const hgt = (n / max) * (base - top);
    const x = i * col + 4;
    const day = new Date(m.start.getFullYear(), m.start.getMonth(), m.start.getDate() + i);
    const name = i === 0 ? 'Today' : days[day.getDay()];
    return `<rect class="bar-due" x="${x.toFixed(1)}" y="${(base - hgt).toFixed(1)}" width="${(col - 8).toFixed(1)}" height="${hgt.toFixed(1)}" rx="2"><title>${name}: ${n} due</title></rect>`
      + (n ? `<text class="value" text-anchor="middle" x="${(x + (col - 8) / 2).toFixed(1)}" y="${(base - hgt - 4).toFixed(1)}">${n}</text>` : '')
      + `<text class="axis" text-anchor="middle" x="${(x + (col - 8) / 2).toFixed(1)}" y="${h - 8}">${name}</text>`;
  }).join('');
  return `<svg class="chart" role="img" aria-labelledby="forecast-title" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`
    + `<title id="forecast-title">Reviews due over the next 14 days: ${m.forecast.join(', ')}</title>`
    + `<line class="baseline" x1="0" x2="${width}" y1="${base}" y2="${base}"/>${cols}</svg>`;
}

function truncateLabel(s: string): string {
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}
