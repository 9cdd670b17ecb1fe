// The card beside the quiz box: turns a question, its outcome or the summary into a card view
// (markdown rendered with the topic page's rules) and shows it in the card panel.
import type * as vscode from 'vscode';
import type { CardView, FromCard } from '../../core/messages';
import type { StudyDocument } from '../../core/document/document';
import type { Question } from '../../core/cards/questions';
import type { Outcome } from '../../core/cards/quiz';
import type { TopicRenderer } from '../../core/document/render';
import type { Coverage } from '../../core/feedback/grader';
import type { GradedBy } from '../../core/feedback/coverageView';

/** A typed answer and its grade, drawn on the card after the reveal. */
export interface GradedAnswer { readonly answer: string; readonly coverage: Coverage; readonly by: GradedBy }

/** Inline markdown (a key point) without the paragraph the renderer wraps it in. */
export function inline(md: (text: string) => string): (text: string) => string {
  return text => md(text).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** Where cards are drawn (the card panel); injected, so this file stays free of the webview. */
export interface CardSurface {
  readonly current: number;
  readonly isOpen: boolean;
  readonly onAction: vscode.Event<FromCard>;
  readonly onDrawn: vscode.Event<{ rev: number; ms: number; legs?: { toPage: number; inPage: number; back: number } }>;
  /** The reader closed the card. */
  readonly onDidClose: vscode.Event<void>;
  show(card: CardView): number;
  receive(raw: unknown): Promise<void>;
  focus(): void;
  close(): Promise<void>;
}

export class QuizCard {
  private renderer: Promise<{ renderer: TopicRenderer; views: typeof import('../../core/cards/cardView') }> | undefined;
  readonly onAction: vscode.Event<FromCard>;
  readonly onDrawn: vscode.Event<{ rev: number; ms: number; legs?: { toPage: number; inPage: number; back: number } }>;

  readonly onDidClose: vscode.Event<void>;

  constructor(private readonly panel: CardSurface) {
    this.onAction = panel.onAction;
    this.onDrawn = panel.onDrawn;
    this.onDidClose = panel.onDidClose;
  }

  /** Acts as the page would with message `raw` (checked the same way): the integration tests' hand on the card. */
  act(raw: unknown): Promise<void> { return this.panel.receive(raw); }

  /** Number of the card on screen. */
  get current(): number { return this.panel.current; }
  get isOpen(): boolean { return this.panel.isOpen; }
  focus(): void { this.panel.focus(); }

  async showQuestion(heading: string, topic: string, q: Question, doc: StudyDocument, notes?: string): Promise<number> {
    const { views, md } = await this.tools(doc, q.topic);
    return this.put(views.questionCard(heading, topic, q, md, notes));
  }

  async showFeedback(heading: string, topic: string, q: Question, o: Outcome, doc: StudyDocument, notes?: string, graded?: GradedAnswer): Promise<number> {
    const { views, md } = await this.tools(doc, q.topic);
    const coverage = graded ? (await import('../../core/feedback/coverageView')).coverageView(graded.answer, graded.coverage, inline(md), graded.by) : undefined;
    return this.put(views.answerCard(heading, topic, q, o, md, notes, coverage));
  }

  async showSummary(headline: string, revisit: ReadonlyArray<{ id: string; title: string }>): Promise<number> {
    const { views } = await this.load();
    return this.put(views.summaryCard(headline, revisit));
  }

  /**
   * Resolves once card `rev` is drawn, or after `capMs`. The quiz opens its box after this: a box
   * opened in the same moment keeps the workbench busy, and the card's message waits behind it
   * (measured: p95 about 400 ms on the way to the page, under 5 ms to draw).
   */
  whenDrawn(rev: number, capMs = 250): Promise<void> {
    return new Promise(resolve => {
      const done = () => { clearTimeout(timer); listener.dispose(); resolve(); };
      const timer = setTimeout(done, capMs);
      const listener = this.onDrawn(e => { if (e.rev >= rev) { done(); } });
    });
  }

  close(): Promise<void> {
    return this.panel.close();
  }

  private put(card: CardView): number {
    return this.panel.show(card);
  }

  private load() {
    this.renderer ??= Promise.all([import('../../core/document/render'), import('../../core/cards/cardView')])
      .then(([render, views]) => ({ renderer: new render.TopicRenderer(), views }));
    return this.renderer;
  }

  private async tools(doc: StudyDocument, topicId: string) {
    const { renderer, views } = await this.load();
    return { views, md: renderer.fragmentsOf(doc, topicId) };
  }
}
