// "Set Interview Date...": an input box that checks the date as it is typed (a real day after
// today; empty clears it), and the question asked at startup once the date has passed.
import * as vscode from 'vscode';
import type { InterviewPlan } from './interviewPlan';

const SET_NEXT = 'Set the Next Date...';
const CLEAR = 'Clear It';

export function registerInterviewCommands(plan: InterviewPlan, clock: () => Date = () => new Date()): vscode.Disposable[] {
  const dates = plan.dates;
  return [
    /**
     * With `text` (a test, a link), the date is taken from it without the box. Gives the date
     * set, null when it was cleared, undefined when cancelled or refused.
     */
    vscode.commands.registerCommand('djangoPrep.setInterviewDate', async (text?: unknown): Promise<string | null | undefined> => {
      const { describeDay, describeDaysLeft, daysUntil, parseInterviewDate } = await import('../../core/schedule/interviewDate');
      const current = dates.date;
      let input: string | undefined = typeof text === 'string' ? text : undefined;
      if (input === undefined) {
        input = await vscode.window.showInputBox({
          title: 'Django Prep: Set Interview Date',
          prompt: current
            ? `Your interview is on ${describeDay(current)}. Type a new date, or clear the box to remove it.`
            : 'The day of your interview: reviews are planned to end on it. YYYY-MM-DD, or e.g. "in 3 weeks".',
          placeHolder: 'YYYY-MM-DD',
          value: current ?? '',
          ignoreFocusOut: true,
          validateInput: value => {
            const r = parseInterviewDate(value, clock());
            if (r.kind === 'invalid') { return { message: r.message, severity: vscode.InputBoxValidationSeverity.Error }; }
            if (r.kind === 'clear') { return current ? { message: 'Enter with an empty box removes the interview date.', severity: vscode.InputBoxValidationSeverity.Info } : null; }
            return { message: `${describeDay(r.date)}, ${describeDaysLeft(daysUntil(clock(), r.date))}.`, severity: vscode.InputBoxValidationSeverity.Info };
          },
        });
        if (input === undefined) { return undefined; }
      }
      const r = parseInterviewDate(input, clock());
      if (r.kind === 'invalid') {
        // Only reached without the box (it refuses these itself): say it, and keep the date as it was.
        void vscode.window.showErrorMessage(`Django Prep: ${r.message}${current ? ` Your interview date stays ${describeDay(current)}.` : ''}`);
        return undefined;
      }
      if (r.kind === 'clear') {
        if (current) {
          await dates.set(undefined);
          void vscode.window.showInformationMessage('Django Prep: interview date cleared. Reviews follow the usual schedule again.');
        }
        return null;
      }
      await dates.set(r.date);
      await plan.update();
      const p = plan.current;
      const raised = p?.raised ? ` That is more than djangoPrep.newCardsPerDay (${p.newQuota} today instead), so quizzes allow it.` : '';
      const spread = p && p.unseen ? ` ${p.unseen} cards not seen yet are spread to finish by ${describeDay(p.finishBy)}: ${p.newToday} today.${raised}` : '';
      void vscode.window.showInformationMessage(`Django Prep: interview on ${describeDay(r.date)} (${describeDaysLeft(daysUntil(clock(), r.date))}). No review is scheduled after the day before it.${spread}`);
      return r.date;
    }),
  ];
}

/**
 * At startup, once the interview day is over: asks, without blocking, whether to clear the date
 * or set the next one. Gives what was chosen (tests), undefined when the date has not passed.
 * `onAsked` runs once the question is on its way to the screen (a test dismisses it then).
 */
export async function askAboutPassedDate(plan: InterviewPlan, clock: () => Date = () => new Date(), onAsked?: () => void): Promise<'next' | 'clear' | 'dismissed' | undefined> {
  const date = plan.dates.date;
  if (!date) { return undefined; }
  const { daysUntil, describeDay } = await import('../../core/schedule/interviewDate');
  if (daysUntil(clock(), date) >= 0) { return undefined; }
  const asking = vscode.window.showInformationMessage(
    `Django Prep: your interview on ${describeDay(date)} has passed. Clear the date, or set the next one? Until then reviews follow the usual schedule.`, SET_NEXT, CLEAR);
  onAsked?.();
  const choice = await asking;
  // Another window may have answered meanwhile: act only on the date that was asked about.
  if (plan.dates.date !== date) { return 'dismissed'; }
  if (choice === CLEAR) {
    await plan.dates.set(undefined);
    return 'clear';
  }
  if (choice === SET_NEXT) {
    await vscode.commands.executeCommand('djangoPrep.setInterviewDate');
    return 'next';
  }
  return 'dismissed';
}
