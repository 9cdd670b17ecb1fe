// The mock interview report: one webview, redrawn for each finished session. Its script posts
// typed requests (open a topic, copy as Markdown, start another), checked before use.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml, pageCsp } from '../../core/util/html';
import { parseFromReport } from '../../core/messages';
import type { ReportModel } from '../../core/interview/mockReport';
import { Disposable, disposeAll } from '../disposable';

export const REPORT_VIEW_TYPE = 'djangoPrep.mockReport';

/** Opens a topic (the topic panel). */
export interface TopicShower {
  show(topicId: string, options?: { readonly preserveFocus?: boolean }): Promise<boolean>;
}

export class ReportPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private topicIds = new Set<string>();
  /** The last report drawn, as HTML and as the Markdown "Copy as Markdown" gives (tests read them). */
  html = '';
  markdown = '';

  constructor(private readonly extensionUri: vscode.Uri, private readonly topics: TopicShower, private readonly again: () => void) {
    super();
    this._register({ dispose: () => { const panel = this.panel; this.release(); panel?.dispose(); } });
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  async show(model: ReportModel): Promise<void> {
    if (this.isDisposed) { return; }
    const { reportHtml, reportMarkdown } = await import('../../core/interview/mockReport');
    this.markdown = reportMarkdown(model);
    this.topicIds = new Set([...model.questions.map(q => q.topic.id), ...model.revisit.map(t => t.id)]);
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Mock Interview Report', vscode.ViewColumn.Active, {
        enableScripts: true, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
      this.panel = panel;
      this.panelDisposables = [
        panel.onDidDispose(() => { if (panel === this.panel) { this.release(); } }),
        panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      ];
    } else {
      this.panel.reveal();
    }
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = (f: string) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString());
    this.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('dashboard.css')}"><link rel="stylesheet" href="${media('report.css')}"><title>Mock Interview Report</title></head>
<body><main id="report">
${reportHtml(model)}
</main>
<script nonce="${nonce}" src="${media('report.js')}"></script>
</body></html>`;
    webview.html = this.html;
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

  private release(): void {
    this.panel = undefined;
    disposeAll(this.panelDisposables);
  }
}
