// globalState with each update journaled (fsynced) first: the interview date and the notes typed
// on cards survive a crash right after they are set, like reviews do. Reads go to globalState.
import type * as vscode from 'vscode';

/** Where values are journaled (reviewJournal.ts). */
export interface StateJournal { appendState(key: string, value: unknown): Promise<number> }

export class DurableMemento implements vscode.Memento {
  constructor(private readonly state: vscode.Memento, private readonly journal: StateJournal, private readonly wrote: (bytes: number) => void) {}

  keys(): readonly string[] { return this.state.keys(); }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.state.get<T>(key) ?? defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    // A journal that cannot be written still leaves the value in globalState.
    await this.journal.appendState(key, value).then(this.wrote, () => undefined);
    await this.state.update(key, value);
  }
}
