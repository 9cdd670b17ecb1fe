// Today's plan toward the interview, kept up to date: recomputed when the date, the progress or
// the document changes and every few minutes (the day turns). It hands the deadline to the
// scheduler, raises the day's new-card allowance when the plan needs it, and feeds the status
// bar and the dashboard.
import * as vscode from 'vscode';
import type { DeckSource } from '../../core/cards/deck';
import type { SchedulerSource } from '../../core/schedule/scheduler';
import type { StudyPlan } from '../../core/schedule/studyPlan';
import { Disposable } from '../disposable';
import type { ProgressStore } from '../progress/progressStore';
import type { InterviewDate } from './interviewDate';

const RECHECK_MS = 5 * 60_000;

export class InterviewPlan extends Disposable {
  private plan: StudyPlan | undefined;
  /** The date the scheduler's deadline was last set for (a new scheduler has none). */
  private applied: string | undefined;
  private computing: Promise<void> | undefined;
  private again = false;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires after the plan was recomputed and differs. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly dates: InterviewDate,
    private readonly decks: DeckSource,
    private readonly progress: ProgressStore,
    private readonly scheduler: SchedulerSource,
    /** djangoPrep.newCardsPerDay now. */
    private readonly newCardsPerDay: () => number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
    this._register(dates.onDidChange(() => void this.update()));
    this._register(progress.onDidChange(() => { if (this.dates.date) { void this.update(); } }));
    const timer = setInterval(() => { if (this.dates.date) { void this.update(); } }, RECHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
  }

  /** The plan as last computed; undefined without a date (or once it has come). */
  get current(): StudyPlan | undefined { return this.plan; }

  /** New cards a quiz may introduce today: the plan's quota when it is higher than the setting. */
  newCardsToday(setting: number): number {
    return this.plan?.raised && this.plan.newQuota !== undefined ? this.plan.newQuota : setting;
  }

  /** Called once saved progress is read: sets the scheduler's deadline and the first plan. */
  async start(): Promise<void> {
    if (this.dates.date) { await this.update(); }
  }

  /** The scheduler caps intervals and brings due dates before the interview (none without a date). */
  private async applyDeadline(date: string | undefined): Promise<void> {
    if (date === this.applied) { return; }
    const { deadlineOf } = await import('../../core/schedule/studyPlan');
    (await this.scheduler()).setDeadline(date ? deadlineOf(date) : undefined);
    this.applied = date;
  }

  /** Recomputes the plan (and the scheduler's deadline); calls made while one runs are folded into one more run. */
  update(): Promise<void> {
    if (this.computing) {
      this.again = true;
      return this.computing;
    }
    this.computing = (async () => {
      do {
        this.again = false;
        await this.compute().catch(() => undefined);
      } while (this.again && !this.isDisposed);
      this.computing = undefined;
    })();
    return this.computing;
  }

  private async compute(): Promise<void> {
    const date = this.dates.date;
    // Before the plan is announced, so a quiz started on the news already uses the deadline.
    await this.applyDeadline(date);
    let next: StudyPlan | undefined;
    if (date) {
      const active = await this.decks.current();
      if (active) {
        const { studyPlan } = await import('../../core/schedule/studyPlan');
        const { newCardsToday } = await import('../../core/cards/quiz');
        const { dueTime } = await import('../../core/schedule/scheduler');
        const cards = this.progress.document(active.key).cards;
        const now = this.clock();
        const dues: number[] = [];
        let unseen = 0;
        for (const c of active.deck) {
          const saved = cards[c.id];
          if (saved) { dues.push(dueTime(saved)); } else { unseen++; }
        }
        next = studyPlan({ now, date, unseen, newToday: newCardsToday(cards, now), dues, newCardsPerDay: this.newCardsPerDay() });
      }
    }
    if (JSON.stringify(next) !== JSON.stringify(this.plan)) {
      this.plan = next;
      this.changed.fire();
    }
  }
}
