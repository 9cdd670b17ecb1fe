// The dashboard's "Readiness on the day": drawn while an interview date is set and still ahead.
import type { ActiveDeck } from '../../core/cards/deck';
import type { Scheduler } from '../../core/schedule/scheduler';
import type { ProgressStore } from '../progress/progressStore';
import type { InterviewPlan } from './interviewPlan';

/** A dashboard section (see DashboardPanel.addSection): empty without a plan. */
export function readinessSection(plan: InterviewPlan, progress: ProgressStore) {
  return async ({ active, scheduler }: { readonly active: ActiveDeck; readonly scheduler: Scheduler }): Promise<string> => {
    const p = plan.current;
    if (!p) { return ''; }
    const { readiness, readinessHtml } = await import('../../core/study/readiness');
    const { startOfDay } = await import('../../core/schedule/interviewDate');
    // Recall at the start of the day: the interview is some time that day, no review in between.
    const day = startOfDay(p.date)!;
    const r = readiness(active.doc, active.deck, progress.document(active.key).cards, c => scheduler.recallAt(c, day));
    return readinessHtml(r, p);
  };
}
