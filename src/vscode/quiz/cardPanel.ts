// The quiz card beside the quiz box: the question, its code and, once answered, the answer and
// the explanation, drawn like the topic page. A recall card is also answered here from the
// keyboard (Space reveals, 1-4 rate, Escape stops); the quiz box stays the way to drive it.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { escapeHtml, pageCsp } from '../../core/util/html';
import type { CardView, FromCard, ToCard } from '../../core/messages';
import { Disposable } from '../disposable';

export const CARD_VIEW_TYPE = 'djangoPrep.quizCard';

/** A card drawn: `ms` from posted to heard back, split by both clocks when the page reports them. */
export interface CardDrawn { readonly rev: number; readonly ms: number; readonly legs?: { readonly toPage: number; readonly inPage: number; readonly back: number } }

export class CardPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private rev = 0;
  private last: ToCard | undefined;
  /** Group the panel opened in, to close it if the panel leaves it empty. */
  private openedGroup: vscode.ViewColumn | undefined;
  private readonly actions = this._register(new vscode.EventEmitter<FromCard>());
  /** What the reader did on the card; `rev` says which card it was for. */
  readonly onAction = this.actions.event;
  private readonly drawnEmitter = this._register(new vscode.EventEmitter<CardDrawn>());
  /** When each recent card was posted, to time its drawing. */
  private readonly shownAt = new Map<number, { at: number; epoch: number }>();
  /** The page drew card `rev`, `ms` after it was posted (the benchmark reads it). */
  readonly onDrawn = this.drawnEmitter.event;
  private readonly closedEmitter = this._register(new vscode.EventEmitter<void>());
  /** The reader closed the card (not fired by `close()`). */
  readonly onDidClose = this.closedEmitter.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  /** Number of the card on screen; actions for older cards are stale. */
  get current(): number { return this.rev; }

  /** Shows `card` beside the editor without taking focus; returns its number. */
  show(card: CardView): number {
    const message: ToCard = { type: 'card', rev: ++this.rev, card };
    this.last = message;
    this.shownAt.set(this.rev, { at: performance.now(), epoch: performance.timeOrigin + performance.now() });
    this.shownAt.delete(this.rev - 20);
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(CARD_VIEW_TYPE, 'Quiz', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableForms: false,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
      this.panel = panel;
      this.openedGroup = panel.viewColumn;
      this.panelDisposables.push(
        panel.webview.onDidReceiveMessage(raw => void this.receive(raw)),
        panel.onDidDispose(() => { const byReader = this.panel === panel; this.panel = undefined; this.release(); if (byReader) { this.closedEmitter.fire(); } }),
      );
      panel.webview.html = this.html(panel.webview);
    } else if (!this.panel.visible) {
      this.panel.reveal(this.panel.viewColumn, true);
    }
    // The card first: a new tab title makes the workbench lay out the tabs, which the message would wait behind.
    void this.panel.webview.postMessage(message);
    this.panel.title = card.phase === 'summary' ? 'Quiz finished' : card.heading;
    return this.rev;
  }

  /** Focuses the card, so its keys work (the UI test and "Focus the card" use this). */
  focus(): void {
    if (this.panel) { this.panel.reveal(this.panel.viewColumn, false); }
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  /** Closes the card and the editor group it opened, when nothing else is left in it. */
  async close(): Promise<void> {
    const group = this.openedGroup;
    const panel = this.panel;
    this.panel = undefined;
    panel?.dispose();
    const empty = vscode.window.tabGroups.all.filter(g => g.viewColumn === group && g.tabs.length === 0);
    if (empty.length && vscode.window.tabGroups.all.length > 1) { await vscode.window.tabGroups.close(empty); }
  }

  /** A message from the page, checked before anything acts on it (the integration tests send the same ones). */
  async receive(raw: unknown): Promise<void> {
    const { parseFromCard } = await import('../../core/messages');
    const m = parseFromCard(raw);
    if (!m) { return; }
    if (m.type === 'drawn') {
      const shown = this.shownAt.get(m.rev);
      if (shown) {
        const back = performance.timeOrigin + performance.now();
        this.drawnEmitter.fire({ rev: m.rev, ms: performance.now() - shown.at, legs: m.timing && { toPage: m.timing.received - shown.epoch, inPage: m.timing.drawn - m.timing.received, back: back - m.timing.drawn } });
      }
      return;
    }
    if ('rev' in m && m.rev !== this.rev) { return; }
    this.actions.fire(m);
  }

  private release(): void {
    this.panelDisposables.forEach(d => d.dispose());
    this.panelDisposables = [];
  }

  override dispose(): void {
    const panel = this.panel;
    this.panel = undefined;
    panel?.dispose();
    this.release();
    super.dispose();
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const uri = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const csp = pageCsp(webview.cspSource, nonce);
    const initial = this.last ? escapeHtml(JSON.stringify(this.last)) : '';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('topic.css')}">
<link rel="stylesheet" href="${uri('card.css')}">
<title>Quiz</title>
</head>
<body data-initial="${initial}">
<main id="card" class="card" tabindex="-1" aria-live="polite" data-state="loading">
  <header class="card-head"><h1 id="heading"></h1><p id="sub" class="meta"></p></header>
  <div id="interview" class="interview-bar" role="group" aria-label="Mock interview" hidden>
    <span class="clock"><span class="clock-label">Session</span> <span id="session-clock" role="timer"></span></span>
    <span class="clock" id="question-clock-box"><span class="clock-label">This question</span> <span id="question-clock" role="timer"></span></span>
    <span class="bar-buttons">
      <button type="button" id="pause" class="action-button secondary" aria-keyshortcuts="P">Pause <kbd>P</kbd></button>
      <button type="button" id="skip" class="action-button secondary" aria-keyshortcuts="S">Skip <kbd>S</kbd></button>
      <button type="button" id="stop" class="action-button secondary" aria-keyshortcuts="Escape">Stop <kbd>Esc</kbd></button>
    </span>
  </div>
  <p id="over-limit" class="over-limit" role="status" hidden>Three minutes are up for this question. Wrap up your answer, then Done, or skip it: nothing moves on by itself.</p>
  <section id="prompt" class="prompt" aria-label="Question"></section>
  <div id="notes-box" class="notes-box" hidden>
    <label for="notes">Your notes (optional; kept with this card and shown again next time)</label>
    <textarea id="notes" rows="4" placeholder="Answer out loud, or jot the key points here…"></textarea>
  </div>
  <div id="reveal-row" class="button-row" hidden><button type="button" id="reveal" class="action-button" aria-keyshortcuts="Space"><span id="reveal-label">Show the answer</span> <kbd>Space</kbd></button></div>
  <section id="coverage" class="coverage" aria-label="Feedback on your answer" hidden>
    <p class="coverage-head"><strong id="coverage-label"></strong> <span id="coverage-by" class="meta"></span></p>
    <ul id="coverage-points" class="coverage-points"></ul>
    <p id="coverage-feedback" class="coverage-feedback" hidden></p>
    <p id="coverage-followup" class="coverage-followup" hidden></p>
    <div class="your-answer"><span class="related-label">Your answer</span><div id="coverage-answer" class="coverage-answer"></div></div>
    <p id="coverage-note" class="meta coverage-note"></p>
  </section>
  <div id="ratings" class="button-row ratings" role="group" aria-label="Rate your answer" hidden>
    <button type="button" data-rating="1" class="action-button secondary" aria-keyshortcuts="1">Again <kbd>1</kbd></button>
    <button type="button" data-rating="2" class="action-button secondary" aria-keyshortcuts="2">Hard <kbd>2</kbd></button>
    <button type="button" data-rating="3" class="action-button secondary" aria-keyshortcuts="3">Good <kbd>3</kbd></button>
    <button type="button" data-rating="4" class="action-button secondary" aria-keyshortcuts="4">Easy <kbd>4</kbd></button>
  </div>
  <p id="verdict" class="verdict" role="status" hidden></p>
  <section id="answer" class="answer" aria-label="Answer" hidden></section>
  <ul id="options" class="options" hidden></ul>
  <section id="explanation" class="explanation" aria-label="Explanation" hidden></section>
  <nav id="revisit" class="related" aria-label="Topics to revisit" hidden></nav>
  <p id="hint" class="hint"></p>
</main>
<script nonce="${nonce}" src="${uri('card.js')}"></script>
</body>
</html>`;
  }
}
