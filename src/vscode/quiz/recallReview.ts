// A recall card in the quiz: the reader answers out loud (or types notes on the card), reveals
// the model answer, then rates themself; in the quiz box or on the card, whichever they use.
import * as vscode from 'vscode';
import type { ActiveDeck } from '../../core/cards/deck';
import type { FromCard } from '../../core/messages';
import type { Question } from '../../core/cards/questions';
import type { Outcome, QuizSession } from '../../core/cards/quiz';
import { boxText } from '../../core/util/text';
import { pick, PickItem, PickOptions, PickResult } from '../quickInput';
import type { Coverage } from '../../core/feedback/grader';
import type { AnswerFeedback, Graded } from '../feedback/answerFeedback';
import type { QuizCard } from './quizCard';

/** Where the card under review came from, for the steps after its reveal. */
interface OnCard { readonly heading: string; readonly topic: string; readonly active: ActiveDeck; readonly cardId: string; readonly started: number; readonly preview: Outcome }

/** What a test needs to answer the question on screen. */
export interface AskedQuestion {
  readonly question: Question;
  /** Choices in the order shown (empty for typed questions). */
  readonly choices: readonly string[];
  readonly phase: 'question' | 'feedback';
  /** A typed recall answer's grade, and the rating pre-selected on the card. */
  readonly graded?: { readonly coverage: Coverage; readonly suggested: 1 | 2 | 3 | 4; readonly grader: string; readonly note?: string; readonly feedback?: string; readonly followUp?: string };
}

/** Opens a topic beside the quiz ("Read this topic", the summary's topics to revisit). */
export interface TopicOpener {
  show(topicId: string, options?: { readonly preserveFocus?: boolean }): Promise<boolean>;
}

/** Leaving a question without answering it: its own type, never a value among the answers. */
export type QuizControl = 'skip' | 'stop';

/** The quiz's parts a recall review uses. */
export interface RecallHost {
  readonly card: QuizCard;
  /** Notes typed on recall cards this quiz, by card id. */
  readonly notes: Map<string, string>;
  readonly panel: TopicOpener;
  readonly feedback: AnswerFeedback;
  setAsked(asked: AskedQuestion): void;
}

export const SKIP: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-step-over'), tooltip: 'Skip this question' };
export const STOP: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('debug-stop'), tooltip: 'Stop the quiz (answers so far are kept)' };

export class RecallReview {
  constructor(private readonly host: RecallHost) {}

  /**
   * A recall card: the reader answers out loud (or types notes on the card), reveals the model
   * answer, then rates themself Again/Hard/Good/Easy, in the box or on the card (Space, 1-4).
   */
  async review(session: QuizSession, q: Question, cardId: string, heading: string, topic: string, active: ActiveDeck): Promise<'next' | 'stop'> {
    const { RECALL_RATINGS } = await import('../../core/cards/quiz');
    const title = `${heading} · ${topic}`;
    const notesBefore = this.host.notes.get(cardId);
    await this.host.card.whenDrawn(await this.host.card.showQuestion(heading, topic, q, active.doc, notesBefore));
    const started = Date.now();
    type Step = 'reveal' | QuizControl;
    const first = await this.boxOrCard<Step>({
      title, placeholder: `${boxText(q.prompt)} · answer out loud, then reveal`, buttons: [SKIP, STOP],
      items: [
        { label: '$(eye) Show the answer', description: 'Space on the card', value: 'reveal' },
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(debug-step-over) Skip this question', value: 'skip' },
        { label: '$(debug-stop) Stop the quiz', value: 'stop' },
      ],
      onShow: () => { this.host.setAsked({ question: q, choices: [], phase: 'question' }); },
    }, m => m.type === 'reveal' || m.type === 'stop');
    const step: Step = 'card' in first ? (first.card.type === 'reveal' ? 'reveal' : 'stop') : this.stepOf(first.box);
    if (step === 'stop') { return 'stop'; }
    if (step === 'skip') { session.skip(); return 'next'; }

    // The reveal shows the answer with nothing rated yet: the outcome's rating is not used.
    const preview = { correct: false, rating: RECALL_RATINGS[0].rating, right: [], explanation: q.explanation };
    // Notes typed on this showing of the card are an answer to grade; notes kept from last time are not.
    const typed = this.host.notes.get(cardId);
    const graded = typed !== notesBefore && q.kind === 'recall' ? await this.host.feedback.offline(q, typed) : undefined;
    if (graded && typed && q.kind === 'recall') { return this.rateOnCard(session, q, { heading, topic, active, cardId, started, preview }, typed, graded); }
    await this.host.card.whenDrawn(await this.host.card.showFeedback(heading, topic, q, preview, active.doc, this.host.notes.get(cardId)));
    type Rate = { readonly rating: number } | 'read' | 'stop';
    const items: Array<PickItem<Rate> | vscode.QuickPickItem> = [
      ...RECALL_RATINGS.map((r, i) => ({ label: `${i + 1} ${r.label}`, description: r.hint, value: { rating: r.rating } })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: `$(book) Read “${topic}”`, description: 'opens beside; rate afterwards', value: 'read' as const },
      { label: '$(debug-stop) Stop the quiz', description: 'this card stays unrated', value: 'stop' as const },
    ];
    for (;;) {
      const r = await this.boxOrCard<Rate>({
        title: `${title} · how well did you answer?`, placeholder: 'Rate yourself: 1 Again, 2 Hard, 3 Good, 4 Easy (type the number, then Enter)', items,
        active: items[2] as PickItem<Rate>,
        onShow: () => { this.host.setAsked({ question: q, choices: RECALL_RATINGS.map(x => x.label), phase: 'feedback' }); },
      }, m => m.type === 'rate' || m.type === 'stop');
      let chosen: Rate;
      if ('card' in r) {
        chosen = r.card.type === 'rate' ? { rating: r.card.rating } : 'stop';
      } else {
        chosen = r.box.kind === 'items' ? r.box.items[0]?.value ?? 'stop' : 'stop';
      }
      if (chosen === 'stop') { return 'stop'; }
      if (chosen === 'read') { await this.host.panel.show(q.topic, { preserveFocus: true }); continue; }
      const rated = RECALL_RATINGS.find(x => x.rating === chosen.rating)!;
      session.answer({ kind: 'self', rating: rated.rating }, Date.now() - started);
      session.next();
      // No 'rated' card: the next question replaces it at once, and the box shows the score.
      return 'next';
    }
  }

  /**
   * A typed answer: the card shows its key points covered and missed and pre-selects the rating
   * they suggest; the reader takes it (Enter) or picks another (1-4) on the card, with no box over
   * it. With an AI interviewer on, the model's grade replaces the offline one when it comes.
   */
  private async rateOnCard(session: QuizSession, q: Question & { kind: 'recall' }, at: OnCard, typed: string, offline: Graded): Promise<'next' | 'stop'> {
    const { RECALL_RATINGS } = await import('../../core/cards/quiz');
    const { suggestedRating } = await import('../../core/feedback/grader');
    let decided = false;
    const show = async (g: Graded) => {
      const rev = await this.host.card.showFeedback(at.heading, at.topic, q, at.preview, at.active.doc, this.host.notes.get(at.cardId), { answer: typed, coverage: g.coverage, by: g.by });
      this.host.card.focus();
      await this.host.card.whenDrawn(rev);
      if (!decided) {
        this.host.setAsked({
          question: q, choices: RECALL_RATINGS.map(x => x.label), phase: 'feedback',
          graded: { coverage: g.coverage, suggested: suggestedRating(g.coverage), grader: g.by.grader, note: g.by.note, feedback: g.by.feedback, followUp: g.by.followUp },
        });
      }
    };
    let current = offline;
    const asking = this.host.feedback.asksModel;
    await show(asking ? this.host.feedback.pending(offline) : offline);
    const cancel = new vscode.CancellationTokenSource();
    const model = asking ? this.host.feedback.withModel(q, typed, offline, cancel.token).then(async g => {
      if (g && !decided) { current = g; await show(g); }
    }) : Promise.resolve();
    let closed: vscode.Disposable | undefined;
    let listener: vscode.Disposable | undefined;
    const action = await new Promise<FromCard | 'closed'>(resolve => {
      listener = this.host.card.onAction(m => { if (m.type === 'rate' || m.type === 'stop') { resolve(m); } });
      closed = this.host.card.onDidClose(() => resolve('closed'));
    });
    decided = true;
    listener?.dispose();
    closed?.dispose();
    cancel.cancel();
    await model;
    cancel.dispose();
    if (action === 'closed' || action.type !== 'rate') { return 'stop'; }
    const { covered, total } = current.coverage;
    session.answer({ kind: 'self', rating: action.rating, coverage: { covered, total } }, Date.now() - at.started);
    session.next();
    return 'next';
  }

  private stepOf<T>(r: PickResult<T>): T | 'stop' | 'skip' {
    if (r.kind === 'items') { return r.items[0]?.value ?? 'stop'; }
    return r.kind === 'button' && r.button === SKIP ? 'skip' : 'stop';
  }

  /** Waits for the box or an action on the card, whichever comes first; the other is closed. */
  async boxOrCard<T>(options: PickOptions<T>, wanted: (m: FromCard) => boolean): Promise<{ box: PickResult<T> } | { card: FromCard }> {
    let close: (() => void) | undefined;
    let listener: vscode.Disposable | undefined;
    const fromCard = new Promise<FromCard>(resolve => { listener = this.host.card.onAction(m => { if (wanted(m)) { resolve(m); } }); });
    const fromBox = pick<T>({ ...options, dismiss: c => { close = c; } });
    try {
      const first = await Promise.race([fromBox.then(box => ({ box })), fromCard.then(card => ({ card }))]);
      if ('card' in first) { close?.(); await fromBox; }
      return first;
    } finally {
      listener?.dispose();
    }
  }
}

/** A QuickPick row is one line: line breaks are shown as ⏎. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ⏎ ');
}
