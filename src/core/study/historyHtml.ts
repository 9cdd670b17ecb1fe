// The dashboard's "Study history" section as HTML: streak tiles, a GitHub-style calendar
// heatmap (SVG, every day labelled for screen readers and tooltips), measured against desired
// retention, and reviews and accuracy per section per week. Colours come from CSS classes the
// webview's stylesheet maps to theme colours. No VS Code here.
import type { CardSource } from '../cards/conceptCards';
import type { StudyDocument } from '../document/document';
import { Clock, dayLabel, historyFigures, HistoryFigures, monthOf, weekday } from './history';
import { escapeHtml } from '../util/html';
import type { ReviewLog } from './reviewLog';
import { pct, plural } from '../util/format';
import { OTHER_TOPICS, sectionTitle } from '../document/sections';


/**
 * The history figures of the whole log (every document: a study day is a study day), with
 * the section table for `document`'s reviews.
 */
export function studyHistory(log: ReviewLog, document: { key: string; doc: StudyDocument; deck: readonly CardSource[] }, clock: Clock, desiredRetention: number): HistoryFigures {
  const topicOf = new Map(document.deck.map(c => [c.id, c.topic]));
  const titles = document.doc.items.map(i => (i.kind === 'section' ? i.title : OTHER_TOPICS));
  const sectionOf = (cardId: string) => {
    const topic = topicOf.get(cardId);
    const node = topic === undefined ? undefined : document.doc.get(topic);
    return node?.kind === 'topic' ? sectionTitle(node) : undefined;
  };
  return historyFigures(log, clock, { desiredRetention, sections: { document: document.key, titles: [...new Set(titles)], sectionOf } });
}


/** The whole section (one per page: its ids are fixed). */
export function historySection(f: HistoryFigures): string {
  return `<section class="history" aria-labelledby="history-title">
<h2 id="history-title">Study history</h2>
${streakTiles(f)}
${heatmap(f)}
${retentionBlock(f)}
${sectionWeeksTable(f)}
</section>`;
}

export function streakTiles(f: HistoryFigures): string {
  const current = f.currentStreak ? plural(f.currentStreak, 'day') : '0 days';
  const note = f.currentStreak && !f.reviewedToday ? '<span class="hint">review today to keep it</span>' : '';
  return `<div class="totals streaks" aria-label="Streaks">
  <div class="tile"><span class="big">${current}</span><span>current streak</span>${note}</div>
  <div class="tile"><span class="big">${plural(f.longestStreak, 'day')}</span><span>longest streak</span></div>
  <div class="tile"><span class="big">${f.yearReviews.toLocaleString('en-US')}</span><span>reviews in a year</span></div>
  <div class="tile"><span class="big">${f.activeDays}</span><span>days with reviews</span></div>
</div>`;
}

/** Columns are weeks (Sunday on top), newest on the right; today is the last cell. */
export function heatmap(f: HistoryFigures): string {
  const cell = 11;
  const gap = 2;
  const left = 28;
  const top = 16;
  const weeks = Math.ceil(f.cells.length / 7);
  const width = left + weeks * (cell + gap);
  const height = top + 7 * (cell + gap);
  const parts: string[] = [];
  let lastMonth = -1;
  for (const c of f.cells) {
    const col = Math.floor((c.day - f.heatmapStart) / 7);
    const row = weekday(c.day);
    const x = left + col * (cell + gap);
    const y = top + row * (cell + gap);
    const { month, name } = monthOf(c.day);
    // A month is named over the first week that starts in it (and has room before the next).
    if (row === 0 && month !== lastMonth) {
      if (lastMonth !== -1 || monthOf(c.day + 6).month === month) {
        if (col < weeks - 2) { parts.push(`<text class="axis" x="${x}" y="${top - 5}" aria-hidden="true">${name}</text>`); }
      }
      lastMonth = month;
    }
    const label = `${c.count ? plural(c.count, 'review') : 'No reviews'} on ${dayLabel(c.day)}`;
    const today = c.day === f.today ? ' today' : '';
    parts.push(`<rect class="hm l${c.level}${today}" x="${x}" y="${y}" width="${cell}" height="${cell}" rx="2" role="img" aria-label="${label}"><title>${label}</title></rect>`);
  }
  const dayNames = [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']] as const;
  for (const [row, name] of dayNames) {
    parts.push(`<text class="axis" x="0" y="${top + row * (cell + gap) + cell - 2}" aria-hidden="true">${name}</text>`);
  }
  const legend = [0, 1, 2, 3, 4].map(l => `<span class="hm-key l${l}"></span>`).join('');
  const summary = `${plural(f.yearReviews, 'review')} on ${plural(f.activeDays, 'day')} since ${dayLabel(f.heatmapStart)}`;
  return `<h3>Reviews per day</h3>
<div class="heatmap-wrap">
<svg class="heatmap" role="group" aria-label="Reviews per day: ${summary}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
${parts.join('\n')}
</svg>
</div>
<p class="legend heatmap-legend"><span>${escapeHtml(summary)}.</span> <span class="scale" aria-hidden="true">Less ${legend} More</span></p>`;
}

export function retentionBlock(f: HistoryFigures): string {
  const desired = f.desiredRetention;
  if (f.retention === undefined) {
    return `<h3>True retention</h3>
<p class="meta retention">Not measured yet: it counts reviews of cards already in review (seen and passed before), none so far. Desired retention: ${pct(desired)} (setting <code>djangoPrep.desiredRetention</code>).</p>`;
  }
  const measured = f.retention;
  const diff = Math.round((measured - desired) * 100);
  const verdict = Math.abs(diff) <= 3 ? 'on target' : diff < 0 ? `${-diff} points below the target` : `${diff} points above the target`;
  const bar = (v: number, k: number, cls: string, name: string) =>
    `<rect class="track" x="90" y="${k * 16}" width="300" height="10" rx="2"/><rect class="${cls}" x="90" y="${k * 16}" width="${(300 * v).toFixed(1)}" height="10" rx="2"><title>${name} ${pct(v)}</title></rect>`
    + `<text class="label" x="0" y="${k * 16 + 9}">${name}</text><text class="value" x="396" y="${k * 16 + 9}">${pct(v)}</text>`;
  const recent = f.retention30 === undefined ? '' : ` In the last 30 days: ${pct(f.retention30)} of ${plural(f.retention30Reviews, 'review')}.`;
  return `<h3>True retention</h3>
<svg class="chart retention-chart" role="img" aria-label="Measured retention ${pct(measured)}, desired ${pct(desired)}" viewBox="0 0 440 30" width="440" height="30">${bar(measured, 0, 'bar-measured', 'Measured')}${bar(desired, 1, 'bar-desired', 'Desired')}</svg>
<p class="meta retention">${pct(measured)} of ${plural(f.retentionReviews, 'review')} of cards in review were not “Again”: ${verdict} (desired ${pct(desired)}, setting <code>djangoPrep.desiredRetention</code>).${recent}</p>`;
}

export function sectionWeeksTable(f: HistoryFigures): string {
  const rows = f.sections.filter(s => s.reviews > 0);
  if (!rows.length) { return `<h3>By section, last ${f.weekStarts.length} weeks</h3>\n<p class="meta">No reviews in these weeks yet.</p>`; }
  const most = Math.max(1, ...rows.flatMap(s => s.weeks.map(w => w.reviews)));
  const w = 9;
  const h = 22;
  const spark = (s: typeof rows[number]) => {
    const bars = s.weeks.map((wk, i) => {
      const hgt = wk.reviews ? Math.max(2, (wk.reviews / most) * h) : 0;
      const label = `Week of ${dayLabel(f.weekStarts[i])}: ${plural(wk.reviews, 'review')}${wk.reviews ? `, ${pct(wk.right / wk.reviews)} right` : ''}`;
      return `<rect class="track" x="${i * (w + 2)}" y="0" width="${w}" height="${h}" rx="1"/>`
        + `<rect class="bar-week" x="${i * (w + 2)}" y="${(h - hgt).toFixed(1)}" width="${w}" height="${hgt.toFixed(1)}" rx="1" role="img" aria-label="${label}"><title>${label}</title></rect>`;
    }).join('');
    return `<svg class="spark" role="group" aria-label="Reviews per week" width="${s.weeks.length * (w + 2)}" height="${h}">${bars}</svg>`;
  };
  const body = rows.map(s => `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${spark(s)}</td><td class="num">${s.reviews}</td><td class="num">${pct(s.right / s.reviews)}</td></tr>`).join('\n');
  return `<h3>By section, last ${f.weekStarts.length} weeks</h3>
<table class="section-weeks"><caption class="sr-only">Reviews and accuracy per section, week by week since ${escapeHtml(dayLabel(f.weekStarts[0]))}</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Per week</th><th scope="col" class="num">Reviews</th><th scope="col" class="num">Right</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}
