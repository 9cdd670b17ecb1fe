// The mock interview report: one webview, redrawn for each finished session. Its script posts
// typed requests (open a topic, copy as Markdown, start another), checked before use.
import * as vscode from 'vscode';
import { parseFromReport } from '../../core/messages';
import type { ReportModel } from '../../core/interview/mockReport';
import { Disposable } from '../disposable';
import { PagePanel } from '../pagePanel';

export const REPORT_VIEW_TYPE = 'djangoPrep.mockReport';

/** Opens a topic (the topic panel). */
export interface TopicShower {
  show(topicId: string, options?: { readonly preserveFocus?: boolean }): Promise<boolean>;
}

export class ReportPanel extends Disposable {
  private readonly page: PagePanel;
  private topicIds = new Set<string>();
  /** The Markdown "Copy as Markdown" gives for the last report (tests read it). */
  markdown = '';

  constructor(extensionUri: vscode.Uri, private readonly topics: TopicShower, private readonly again: () => void) {
    super();
    this.page = this._register(new PagePanel(extensionUri, {
      viewType: REPORT_VIEW_TYPE, title: 'Mock Interview Report', styles: ['dashboard.css', 'report.css'], script: 'report.js', mainId: 'report',
    }, raw => void this.receive(raw)));
  }

  get isOpen(): boolean { return this.page.isOpen; }
  /** The last report drawn, as HTML (tests read it). */
  get html(): string { return this.page.html; }

  async show(model: ReportModel): Promise<void> {
    if (this.isDisposed) { return; }
    const { reportHtml, reportMarkdown } = await import('../../core/interview/mockReport');
    this.markdown = reportMarkdown(model);
    this.topicIds = new Set([...model.questions.map(q => q.topic.id), ...model.revisit.map(t => t.id)]);
    this.page.show(reportHtml(model));
  }

  /** Puts the report, with the reader's notes, on the clipboard. */
  async copy(): Promise<void> {
    await vscode.env.clipboard.writeText(this.markdown);
    void vscode.window.showInformationMessage('Django Prep: the mock interview report is on the clipboard, as Markdown.');
  }

  private async receive(raw: unknown): Promise<void> {
    const m = parseFromReport(raw);
    if (!m) { return; }
    if (m.type === 'copy') { await this.copy(); }
    if (m.type === 'again') { this.again(); }
    // Only topics this report names: the page is not trusted to name others.
    if (m.type === 'openTopic' && this.topicIds.has(m.id)) { await this.topics.show(m.id); }
  }
}
