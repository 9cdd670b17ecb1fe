// The scheduling settings (djangoPrep.desiredRetention, maximumInterval, newCardsPerDay), read
// when first needed and again whenever they change, so the next review uses them. A value out
// of range is clamped (see core/schedule/scheduleSettings.ts) and said once, not on every review.
import * as vscode from 'vscode';
import { parseScheduleSettings, ScheduleSettings } from '../../core/schedule/scheduleSettings';
import { Disposable } from '../disposable';

const KEYS = ['desiredRetention', 'maximumInterval', 'newCardsPerDay'] as const;

export class ScheduleConfig extends Disposable {
  private current: ScheduleSettings | undefined;
  /** Problems already shown: each is said once per session. */
  private readonly warned = new Set<string>();
  private readonly changed = this._register(new vscode.EventEmitter<ScheduleSettings>());
  /** Fires with the new settings after one of them changed. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (KEYS.some(k => e.affectsConfiguration(`djangoPrep.${k}`))) {
        this.current = this.read();
        this.changed.fire(this.current);
      }
    }));
  }

  get settings(): ScheduleSettings {
    return this.current ??= this.read();
  }

  private read(): ScheduleSettings {
    const config = vscode.workspace.getConfiguration('djangoPrep');
    const { settings, problems } = parseScheduleSettings(Object.fromEntries(KEYS.map(k => [k, config.get<unknown>(k)])));
    for (const p of problems) {
      if (this.warned.has(p)) { continue; }
      this.warned.add(p);
      void vscode.window.showWarningMessage(`Django Prep: ${p}`);
    }
    return settings;
  }
}
