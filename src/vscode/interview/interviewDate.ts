// The interview date, kept in globalState and carried by Settings Sync: one person has one
// interview, whichever document they study for it, so it is neither per document nor per
// workspace. Every window reads the stored value afresh; a change made in another window
// (globalState is shared) is noticed when this window regains focus.
import * as vscode from 'vscode';
import { Day, readDay } from '../../core/schedule/interviewDate';
import { Disposable } from '../disposable';

export const INTERVIEW_DATE_KEY = 'djangoPrep.interviewDate';

export class InterviewDate extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<Day | undefined>());
  /** Fires with the new date (undefined: cleared), from this window or, on focus, another one. */
  readonly onDidChange = this.changed.event;
  private seen: Day | undefined;

  constructor(private readonly memento: vscode.Memento) {
    super();
    this.seen = this.date;
    this._register(vscode.window.onDidChangeWindowState(s => { if (s.focused) { this.recheck(); } }));
  }

  /** The date as stored now; a stored value that is not a real date reads as none. */
  get date(): Day | undefined {
    return readDay(this.memento.get<unknown>(INTERVIEW_DATE_KEY));
  }

  async set(date: Day | undefined): Promise<void> {
    await this.memento.update(INTERVIEW_DATE_KEY, date);
    this.recheck();
  }

  /** Fires onDidChange if the stored date differs from the one last seen (another window set it). */
  recheck(): void {
    const now = this.date;
    if (now !== this.seen) {
      this.seen = now;
      this.changed.fire(now);
    }
  }
}
