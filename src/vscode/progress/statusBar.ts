// Status-bar item: cards due for review in the active document; a click starts that quiz.
// With an interview date: today's work and the days left ("14 today · 9 days").
import * as vscode from 'vscode';
import type { DeckSource } from '../../core/cards/deck';
import { describePlan } from '../../core/study/readiness';
import type { StudyPlan } from '../../core/schedule/studyPlan';
import { dueTime } from '../../core/schedule/scheduler';
import { Disposable } from '../disposable';
import type { ProgressStore } from './progressStore';

const RECHECK_MS = 5 * 60_000;

export class DueStatus extends Disposable {
  /** Created with the first count (after saved progress is read), not at activation. */
  private item: vscode.StatusBarItem | undefined;

  /** The interview plan, when one is kept (see interview/interviewPlan.ts). */
  private plan: { readonly current: StudyPlan | undefined } | undefined;

  constructor(private readonly decks: DeckSource, private readonly progress: ProgressStore, private readonly clock: () => Date = () => new Date()) {
    super();
    this._register({ dispose: () => this.item?.dispose() });
    this._register(progress.onDidChange(() => this.update()));
    const timer = setInterval(() => this.update(), RECHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
  }

  /** Counted from saved cards alone, so the item needs no parse of the document. */
  get due(): number {
    const now = this.clock().getTime();
    return Object.values(this.progress.document(this.decks.key).cards).filter(c => dueTime(c) <= now).length;
  }

  /** Shows the plan instead of the due count while there is one. */
  showPlan(plan: { readonly current: StudyPlan | undefined; readonly onDidChange: vscode.Event<void> }): void {
    this.plan = plan;
    this._register(plan.onDidChange(() => this.update()));
  }

  /** The text shown (tests read it). */
  get text(): string | undefined { return this.item?.text; }

  update(): void {
    if (this.isDisposed) { return; }
    const due = this.due;
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('djangoPrep.due', vscode.StatusBarAlignment.Left, 50);
      this.item.name = 'Django Prep: Cards Due';
    }
    this.item.text = `$(mortar-board) ${due} due`;
    this.item.tooltip = due
      ? `Django Prep: ${due} ${due === 1 ? 'card is' : 'cards are'} due for review. Click to start the review quiz.`
      : 'Django Prep: nothing is due for review. Click to start a quiz.';
    this.item.accessibilityInformation = { label: due ? `${due} Django Prep cards due for review` : 'No Django Prep cards due', role: 'button' };
    this.item.command = due
      ? { command: 'djangoPrep.startQuiz', title: 'Review Due Cards', arguments: [{ scope: { kind: 'due' } }] }
      : { command: 'djangoPrep.startQuiz', title: 'Start Quiz' };
    const planned = this.plan?.current;
    if (planned) {
      const { text, tooltip, label } = describePlan(planned);
      this.item.text = text;
      this.item.tooltip = tooltip;
      this.item.accessibilityInformation = { label, role: 'button' };
    }
    this.item.show();
  }
}
