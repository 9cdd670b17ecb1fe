// "Show Cards in This Document": a read-only page of every card read from the active document
// and of the lines that ask something but gave no card, with why. A line number opens the
// document there. Built in slices (core/cards/cardsView.ts), redrawn each time it is asked for.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml, pageCsp } from '../../core/util/html';
import { parseFromCards } from '../../core/messages';
import type { DeckSource } from '../../core/cards/deck';
import { Disposable, disposeAll } from '../disposable';

export const CARDS_VIEW_TYPE = 'djangoPrep.cards';

/** The active document: where its text is, and whether it is the bundled guide. */
export interface ActiveSource {
  readonly uri: vscode.Uri;
  readonly isBundled: boolean;
}

export class CardsPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  /** The document the page lists, for its links. */
  private shown: vscode.Uri | undefined;
  /** The page last drawn (tests read it). */
  html = '';

  constructor(private readonly extensionUri: vscode.Uri, private readonly decks: DeckSource, private readonly source: ActiveSource) {
    super();
    this._register({ dispose: () => { const panel = this.panel; this.release(); panel?.dispose(); } });
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  async show(): Promise<void> {
    const active = await this.decks.current();
    if (!active) {
      void vscode.window.showWarningMessage('Django Prep: the study document could not be read, so there are no cards to show.');
      return;
    }
    const uri = this.source.uri;
    const [{ cardsInDocument }, { cardsViewHtml }] = await Promise.all([import('../../core/cards/cardsInDocument'), import('../../core/cards/cardsView')]);
    const found = await cardsInDocument(active.doc, active.deck);
    const topicTitle = (id: string) => { const n = active.doc.get(id); return n?.kind === 'topic' ? n.title : id; };
    const name = this.source.isBundled ? 'the bundled guide' : uri.path.split('/').pop() ?? 'this document';
    this.shown = uri;
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(CARDS_VIEW_TYPE, 'Cards in This Document', vscode.ViewColumn.Active, {
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
    this.panel.title = `Cards in ${name}`;
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = (f: string) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString());
    this.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${pageCsp(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('dashboard.css')}"><link rel="stylesheet" href="${media('report.css')}"><link rel="stylesheet" href="${media('cards.css')}"><title>Cards in This Document</title></head>
<body><main id="cards">
${cardsViewHtml(found, name, topicTitle)}
</main>
<script nonce="${nonce}" src="${media('cards.js')}"></script>
</body></html>`;
    webview.html = this.html;
  }

  /** What the page sends when a line is clicked (the integration test's hand on the page). */
  async receive(raw: unknown): Promise<void> {
    const m = parseFromCards(raw);
    if (!m || !this.shown) { return; }
    const at = new vscode.Range(m.line, 0, m.line, 0);
    const editor = await vscode.window.showTextDocument(this.shown, { preview: true, viewColumn: vscode.ViewColumn.Beside, selection: at });
    editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private release(): void {
    this.panel = undefined;
    disposeAll(this.panelDisposables);
  }
}
