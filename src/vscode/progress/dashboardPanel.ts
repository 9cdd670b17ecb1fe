// "Show Progress": a webview with per-section bars and the 14-day review forecast, redrawn
// when progress changes. Its only script posts typed requests to run a few allowlisted commands.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ActiveDeck, DeckSource } from '../../core/cards/deck';
import { escapeHtml } from '../../core/util/html';
import { DashboardCommand, parseFromDashboard } from '../../core/messages';
import type { Scheduler, SchedulerSource } from '../../core/schedule/scheduler';
import { Disposable, disposeAll } from '../disposable';
import type { ProgressStore } from './progressStore';
import type { TopicProgress } from './topicProgress';

export const DASHBOARD_VIEW_TYPE = 'djangoPrep.dashboard';
const BUTTONS: ReadonlyArray<{ command: DashboardCommand; label: string; primary?: boolean }> = [
  { command: 'djangoPrep.startQuiz', label: 'Start a quiz', primary: true },
  { command: 'djangoPrep.exportProgress', label: 'Export…' },
  { command: 'djangoPrep.importProgress', label: 'Import…' },
  { command: 'djangoPrep.resetProgress', label: 'Reset…' },
  { command: 'djangoPrep.setInterviewDate', label: 'Interview date…' },
];

/** A part another feature adds to the page (HTML, escaped by its maker; empty for none). */
export type DashboardSection = (context: { readonly active: ActiveDeck; readonly scheduler: Scheduler; readonly now: Date }) => Promise<string>;

export class DashboardPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private rejected = 0;
  private readonly sections: DashboardSection[] = [];
  /** The draw running now, and whether another was asked for meanwhile. */
  private drawing: Promise<void> | undefined;
  private again = false;
  /** The HTML of the open page, for tests and for not redrawing the same thing; empty once it is closed. */
  html = '';

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly decks: DeckSource,
    private readonly progress: ProgressStore,
    private readonly topics: TopicProgress,
    private readonly scheduler: SchedulerSource,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super();
    this._register(topics.onDidChange(() => { if (this.panel) { void this.draw(); } }));
    this._register({ dispose: () => { const panel = this.panel; this.releasePanel(); panel?.dispose(); } });
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  /** Adds a part drawn after the buttons, redrawn whenever the page is; disposing removes it. */
  addSection(section: DashboardSection): vscode.Disposable {
    this.sections.push(section);
    return { dispose: () => { const i = this.sections.indexOf(section); if (i >= 0) { this.sections.splice(i, 1); } } };
  }

  /** Resolves once no draw is running or asked for: the page shows the state as it is now. */
  whenDrawn(): Promise<void> {
    return this.drawing ?? Promise.resolve();
  }

  /** Redraws the page if it is open (a section's data changed). */
  async refresh(): Promise<void> {
    if (this.panel) { await this.draw(); }
  }

  /** Messages from the page that failed validation and were dropped. */
  get rejectedMessages(): number { return this.rejected; }

  async show(): Promise<void> {
    if (this.isDisposed) { return; }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Study Progress', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableForms: false,
        // The page loads its stylesheet and script from media/ and nothing else.
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.panel = panel;
      panel.iconPath = this.media('topic-tab.svg');
      this.panelDisposables = [
        panel.onDidDispose(() => { if (panel === this.panel) { this.releasePanel(); } }),
        panel.webview.onDidReceiveMessage((raw: unknown) => {
          const message = parseFromDashboard(raw);
          if (message) { void vscode.commands.executeCommand(message.command); } else { this.rejected++; }
        }),
      ];
    } else {
      this.panel.reveal();
    }
    await this.topics.compute();
    await this.draw();
  }

  private media(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media', name);
  }

  private releasePanel(): void {
    this.panel = undefined;
    this.html = '';
    disposeAll(this.panelDisposables);
  }

  /** The study history section: heatmap, streaks, retention, sections by week (core/study/historyHtml.ts). */
  private async history(active: ActiveDeck, now: Date): Promise<string> {
    const [{ studyHistory, historySection }, { localOffset }, { parseScheduleSettings }, log] = await Promise.all([
      import('../../core/study/historyHtml'), import('../../core/study/history'), import('../../core/schedule/scheduleSettings'), this.progress.history.full()]);
    const desired = parseScheduleSettings({ desiredRetention: vscode.workspace.getConfiguration('djangoPrep').get<unknown>('desiredRetention') }).settings.desiredRetention;
    return historySection(studyHistory(log, active, { now: now.getTime(), offsetMinutes: localOffset }, desired));
  }

  /**
   * Draws the page, one draw at a time: a draw asked for while one runs (the date changed while
   * the progress was being drawn) runs once more after it, so the page always ends with the
   * latest state. Two draws side by side could finish in either order, and the older one,
   * finishing last, left the page showing the plan for a date no longer set.
   */
  private draw(): Promise<void> {
    if (this.drawing) {
      this.again = true;
      return this.drawing;
    }
    const run = async () => {
      let failure: unknown;
      do {
        this.again = false;
        failure = undefined;
        await this.drawOnce().catch((e: unknown) => { failure = e; });
      } while (this.again && this.panel && !this.isDisposed);
      this.drawing = undefined;
      if (failure !== undefined) { throw failure; }
    };
    this.drawing = run();
    return this.drawing;
  }

  private async drawOnce(): Promise<void> {
    const panel = this.panel;
    const active = await this.decks.current();
    if (!panel || !active) { return; }
    const { dashboardModel, sectionChart, forecastChart, openQuestionsTable } = await import('../../core/study/dashboard');
    const scheduler = await this.scheduler();
    const now = this.clock();
    const cards = this.progress.document(active.key).cards;
    const known = new Set(active.deck.map(c => c.id));
    const forecast = scheduler.forecast(Object.entries(cards).filter(([id]) => known.has(id)).map(([, c]) => c), now, 14);
    const model = dashboardModel(active.doc, id => this.topics.get(id), forecast, now);
    const t = model.totals;
    const nonce = randomBytes(16).toString('base64');
    const media = (name: string) => escapeHtml(panel.webview.asWebviewUri(this.media(name)).toString());
    const csp = `default-src 'none'; style-src ${panel.webview.cspSource}; script-src 'nonce-${nonce}'`;
    const docName = active.key === 'guide' ? 'the bundled guide' : (active.doc.title ?? 'your document');
    const extra = (await Promise.all(this.sections.map(s => s({ active, scheduler, now }).catch(() => '')))).filter(Boolean).join('\n');
    const rows = model.sections.map(s => `<tr><th scope="row">${escapeHtml(s.title)}</th><td>${Math.round(s.read * 100)}%</td><td>${Math.round(s.practised * 100)}%</td><td>${s.recall === undefined ? '–' : `${Math.round(s.recall * 100)}%`}</td></tr>`).join('');
    const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('dashboard.css')}"><title>Study Progress</title></head>
<body><main>
<h1>Study progress</h1>
<p class="meta">${escapeHtml(`Progress in ${docName}`)}</p>
<section class="totals" aria-label="Totals">
  <div class="tile"><span class="big">${t.read}/${t.topics}</span><span>topics read</span></div>
  <div class="tile"><span class="big">${t.practised}</span><span>topics practised</span></div>
  <div class="tile"><span class="big">${t.reviewedCards}</span><span>cards reviewed</span></div>
  <div class="tile"><span class="big">${t.dueToday}</span><span>due today</span></div>
</section>
<div class="actions">
${BUTTONS.map(b => `  <button type="button" data-command="${b.command}"${b.primary ? ' class="primary"' : ''}>${b.label}</button>`).join('\n')}
</div>
${extra}
<h2>By section</h2>
<p class="legend"><span class="key read"></span>Read <span class="key practised"></span>Practised <span class="key recall"></span>Recall</p>
${sectionChart(model)}
<table class="sr-only"><caption>By section</caption><thead><tr><th scope="col">Section</th><th scope="col">Read</th><th scope="col">Practised</th><th scope="col">Recall</th></tr></thead><tbody>${rows}</tbody></table>
${openQuestionsTable(model) ? `<h2>Open questions</h2>\n${openQuestionsTable(model)}` : ''}
<h2>Reviews in the next 14 days</h2>
${forecastChart(model)}
${await this.history(active, now)}
</main>
<script nonce="${nonce}" src="${media('dashboard.js')}"></script>
</body></html>`;
    if (html !== this.html && panel === this.panel) {
      this.html = html;
      panel.webview.html = html;
    }
  }
}
