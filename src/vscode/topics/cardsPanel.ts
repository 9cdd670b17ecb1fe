// "Show Cards in This Document": a read-only page of every card read from the active document
// and of the lines that ask something but gave no card, with why (core/cards/cardsInDocument.ts,
// built in slices). A line number opens the document there. Redrawn each time it is asked for.
import * as vscode from 'vscode';
import { parseFromCards } from '../../core/messages';
import type { DeckSource } from '../../core/cards/deck';
import { Disposable } from '../disposable';
import { PagePanel } from '../pagePanel';

export const CARDS_VIEW_TYPE = 'djangoPrep.cards';

/** The active document: where its text is, and whether it is the bundled guide. */
export interface ActiveSource {
  readonly uri: vscode.Uri;
  readonly isBundled: boolean;
}

export class CardsPanel extends Disposable {
  private readonly page: PagePanel;
  /** The document the page lists, for its links. */
  private shown: vscode.Uri | undefined;

  constructor(extensionUri: vscode.Uri, private readonly decks: DeckSource, private readonly source: ActiveSource) {
    super();
    this.page = this._register(new PagePanel(extensionUri, {
      viewType: CARDS_VIEW_TYPE, title: 'Cards in This Document', styles: ['dashboard.css', 'report.css', 'cards.css'], script: 'cards.js', mainId: 'cards',
    }, raw => void this.receive(raw)));
  }

  get isOpen(): boolean { return this.page.isOpen; }
  /** The page last drawn (tests read it). */
  get html(): string { return this.page.html; }

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
    this.page.show(cardsViewHtml(found, name, topicTitle), `Cards in ${name}`);
  }

  /** What the page sends when a line is clicked (the integration test's hand on the page). */
  async receive(raw: unknown): Promise<void> {
    const m = parseFromCards(raw);
    if (!m || !this.shown) { return; }
    const at = new vscode.Range(m.line, 0, m.line, 0);
    const editor = await vscode.window.showTextDocument(this.shown, { preview: true, viewColumn: vscode.ViewColumn.Beside, selection: at });
    editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
