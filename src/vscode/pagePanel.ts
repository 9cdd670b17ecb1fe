// A read-only page in an editor tab (the mock interview report, the cards in this document):
// one webview panel, reused and revealed, whose script may only post messages the owner checks.
// The page's HTML is built in the core; this is the shell around it (CSP with a nonce, styles,
// the script).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml, pageCsp } from '../core/util/html';
import { Disposable, disposeAll } from './disposable';

export interface PageSpec {
  readonly viewType: string;
  readonly title: string;
  /** Stylesheets in media/, in order. */
  readonly styles: readonly string[];
  /** The page script in media/. */
  readonly script: string;
  /** The id of the page's <main>. */
  readonly mainId: string;
}

export class PagePanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  /** The page last drawn (tests read it). */
  html = '';

  constructor(private readonly extensionUri: vscode.Uri, private readonly spec: PageSpec, private readonly receive: (raw: unknown) => void) {
    super();
    this._register({ dispose: () => { const panel = this.panel; this.release(); panel?.dispose(); } });
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  /** Draws `body` (HTML from the core) in the panel, opening or revealing it. */
  show(body: string, title = this.spec.title): void {
    if (this.isDisposed) { return; }
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(this.spec.viewType, title, vscode.ViewColumn.Active, {
        enableScripts: true, enableForms: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
      this.panel = panel;
      this.panelDisposables = [
        panel.onDidDispose(() => { if (panel === this.panel) { this.release(); } }),
        panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      ];
    } else {
      this.panel.reveal();
    }
    this.panel.title = title;
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = (f: string) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString());
    this.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${this.spec.styles.map(s => `<link rel="stylesheet" href="${media(s)}">`).join('')}<title>${escapeHtml(this.spec.title)}</title></head>
<body><main id="${this.spec.mainId}">
${body}
</main>
<script nonce="${nonce}" src="${media(this.spec.script)}"></script>
</body></html>`;
    webview.html = this.html;
  }

  private release(): void {
    this.panel = undefined;
    disposeAll(this.panelDisposables);
  }
}
