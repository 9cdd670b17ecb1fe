// Readiness on the interview day: per section, the share of its cards FSRS predicts you would
// recall on the day if you made no more reviews (each card's retrievability at the date). A card
// never reviewed counts as 0: nothing predicts it will be recalled, and counting it as
// anything else would show a section nobody has studied as ready. Unseen cards are also
// counted on their own, so the reader sees why a bar is short. Plus the day's plan, drawn.
import type { CardSource } from '../cards/conceptCards';
import type { StudyDocument } from '../document/document';
import { escapeHtml } from '../util/html';
import { describeDay, describeDaysLeft } from '../schedule/interviewDate';
import type { SavedCard } from '../schedule/scheduler';
import type { StudyPlan } from '../schedule/studyPlan';
import { pct } from '../util/format';
import { sectionTitle } from '../document/sections';

export interface SectionReadiness {
  readonly title: string;
  readonly cards: number;
  /** Cards reviewed at least once. */
  readonly seen: number;
  /** Expected share of the section's cards recalled on the day, 0..1 (unseen count as 0). */
  readonly expected: number;
}

export interface Readiness {
  readonly sections: readonly SectionReadiness[];
  readonly overall: number;
  readonly cards: number;
  readonly seen: number;
}

/** `recallAt` gives a reviewed card's predicted recall on the interview day. */
export function readiness(doc: StudyDocument, deck: readonly CardSource[], cards: Readonly<Record<string, SavedCard>>, recallAt: (saved: SavedCard) => number): Readiness {
  const sectionOf = new Map(doc.topics.map(t => [t.id, sectionTitle(t)]));
  const bySection = new Map<string, { cards: number; seen: number; sum: number }>();
  // Sections in document order, each listed once.
  for (const t of doc.topics) {
    const title = sectionOf.get(t.id)!;
    if (!bySection.has(title)) { bySection.set(title, { cards: 0, seen: 0, sum: 0 }); }
  }
  let total = { cards: 0, seen: 0, sum: 0 };
  for (const c of deck) {
    const s = bySection.get(sectionOf.get(c.topic) ?? '');
    if (!s) { continue; }
    s.cards++;
    const saved = cards[c.id];
    if (saved) {
      s.seen++;
      s.sum += recallAt(saved);
    }
  }
  const sections = [...bySection].filter(([, s]) => s.cards > 0).map(([title, s]) => {
    total = { cards: total.cards + s.cards, seen: total.seen + s.seen, sum: total.sum + s.sum };
    return { title, cards: s.cards, seen: s.seen, expected: s.sum / s.cards };
  });
  return { sections, overall: total.cards ? total.sum / total.cards : 0, cards: total.cards, seen: total.seen };
}


/** The dashboard's "Readiness on the day" part: the date, per-section bars, and the plan by day. */
export function readinessHtml(r: Readiness, plan: StudyPlan): string {
  const when = `${describeDay(plan.date)} (${describeDaysLeft(plan.daysLeft)})`;
  const raised = plan.raised ? ` That is more than your djangoPrep.newCardsPerDay, so quizzes allow ${plan.newQuota} new cards today.` : '';
  const today = plan.todayWork
    ? `Today: ${plan.reviewsToday} ${plan.reviewsToday === 1 ? 'review' : 'reviews'} and ${plan.newLeft} new ${plan.newLeft === 1 ? 'card' : 'cards'}${plan.newToday > plan.newLeft ? ` to go (${plan.newToday - plan.newLeft} of the day's ${plan.newToday} seen)` : ''}.`
    : 'Nothing left for today.';
  const finish = plan.unseen ? ` Every card is seen once by ${describeDay(plan.finishBy)}.${raised}` : ' Every card has been seen at least once.';
  return `<section class="readiness" data-date="${escapeHtml(plan.date)}" aria-labelledby="readiness-title">
<h2 id="readiness-title">Readiness on the day</h2>
<p class="meta">Interview on ${escapeHtml(when)}. Predicted recall on the day if you stopped reviewing now: <strong>${pct(r.overall)}</strong> of ${r.cards} cards; ${r.cards - r.seen} not seen yet count as 0.</p>
${readinessChart(r)}
<table class="sr-only"><caption>Predicted recall on the interview day by section</caption><thead><tr><th scope="col">Section</th><th scope="col">Predicted recall</th><th scope="col">Cards seen</th></tr></thead><tbody>${r.sections.map(s => `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${pct(s.expected)}</td><td>${s.seen} of ${s.cards}</td></tr>`).join('')}</tbody></table>
<h3>The plan</h3>
<p class="meta">${escapeHtml(today + finish)}</p>
${planChart(plan)}
</section>`;
}

function readinessChart(r: Readiness): string {
  const label = 170;
  const width = 600;
  const barW = width - label - 130;
  const rowH = 22;
  const h = r.sections.length * rowH + 6;
  const rows = r.sections.map((s, i) => {
    const y = i * rowH + 4;
    const w = Math.max(s.expected > 0 ? 2 : 0, s.expected * barW);
    const title = s.title.length > 24 ? `${s.title.slice(0, 23)}…` : s.title;
    return `<text class="label" x="0" y="${y + 12}">${escapeHtml(title)}</text>`
      + `<rect class="track" x="${label}" y="${y + 2}" width="${barW}" height="12" rx="2"/>`
      + `<rect class="bar-ready" x="${label}" y="${y + 2}" width="${w.toFixed(1)}" height="12" rx="2"><title>${escapeHtml(`${s.title}: ${pct(s.expected)} predicted, ${s.seen} of ${s.cards} cards seen`)}</title></rect>`
      + `<text class="value" x="${label + barW + 6}" y="${y + 12}">${pct(s.expected)} · ${s.seen}/${s.cards} seen</text>`;
  }).join('');
  return `<svg class="chart" role="img" aria-labelledby="readiness-chart-title" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`
    + `<title id="readiness-chart-title">Predicted recall on the interview day, per section</title>${rows}</svg>`;
}

/** Stacked columns per day until the interview: reviews below, new cards above. */
function planChart(plan: StudyPlan): string {
  const days = plan.days.slice(0, 60);
  const width = 560;
  const h = 150;
  const top = 18;
  const base = h - 26;
  const max = Math.max(1, ...days.map(d => d.newCards + d.reviews));
  const col = width / Math.max(days.length, 7);
  const every = Math.ceil(days.length / 14);
  const cols = days.map((d, i) => {
    const x = i * col + 2;
    const w = Math.max(1, col - 4);
    const hr = (d.reviews / max) * (base - top);
    const hn = (d.newCards / max) * (base - top);
    const name = i === 0 ? 'Today' : d.day.slice(5).replace('-', '/');
    const total = d.reviews + d.newCards;
    return `<rect class="bar-due" x="${x.toFixed(1)}" y="${(base - hr).toFixed(1)}" width="${w.toFixed(1)}" height="${hr.toFixed(1)}"><title>${name}: ${d.reviews} reviews</title></rect>`
      + `<rect class="bar-new" x="${x.toFixed(1)}" y="${(base - hr - hn).toFixed(1)}" width="${w.toFixed(1)}" height="${hn.toFixed(1)}"><title>${name}: ${d.newCards} new</title></rect>`
      + (total && (i % every === 0) ? `<text class="value" text-anchor="middle" x="${(x + w / 2).toFixed(1)}" y="${(base - hr - hn - 4).toFixed(1)}">${total}</text>` : '')
      + (i % every === 0 ? `<text class="axis" text-anchor="middle" x="${(x + w / 2).toFixed(1)}" y="${h - 8}">${name}</text>` : '');
  }).join('');
  return `<p class="legend"><span class="key due"></span>Reviews <span class="key new"></span>New cards</p>`
    + `<svg class="chart" role="img" aria-labelledby="plan-title" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">`
    + `<title id="plan-title">Cards per day until the interview: ${days.map(d => `${d.day} ${d.reviews} reviews, ${d.newCards} new`).join('; ')}</title>`
    + `<line class="baseline" x1="0" x2="${width}" y1="${base}" y2="${base}"/>${cols}</svg>`;
}

/** The status bar's text and tooltip for a plan. */
export function describePlan(plan: StudyPlan): { readonly text: string; readonly tooltip: string; readonly label: string } {
  const days = plan.daysLeft === 1 ? '1 day' : `${plan.daysLeft} days`;
  const parts = [`${plan.reviewsToday} ${plan.reviewsToday === 1 ? 'review' : 'reviews'} due`, `${plan.newLeft} new ${plan.newLeft === 1 ? 'card' : 'cards'} planned`];
  const finish = plan.unseen ? ` New cards are spread so that every card is seen once by ${describeDay(plan.finishBy)}.` : '';
  const raised = plan.raised ? ` The plan needs ${plan.newToday} new cards today, more than djangoPrep.newCardsPerDay: quizzes allow them.` : '';
  return {
    text: `$(mortar-board) ${plan.todayWork} today · ${days}`,
    tooltip: `Django Prep: ${parts.join(' and ')} today. Interview on ${describeDay(plan.date)}, ${describeDaysLeft(plan.daysLeft)}.${finish}${raised} Click to start a quiz.`,
    label: `Django Prep: ${plan.todayWork} cards to study today, interview ${describeDaysLeft(plan.daysLeft)}`,
  };
}
