// "Start Mock Interview...": a length and a focus, then open questions one at a time on the
// rendered card, against the session clock. The card drives it (Done, 1-4, Pause, Skip, Stop);
// ratings go to FSRS as in any review; at the end the session joins the history and the report opens.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { ActiveDeck, DeckSource } from '../../core/cards/deck';
import type { FromCard } from '../../core/messages';
import type { MockFocus, MockLength, MockResult, MockSession, TopicInfo } from '../../core/interview/mockInterview';
import type { ReportModel } from '../../core/interview/mockReport';
import type { SchedulerSource } from '../../core/schedule/scheduler';
import type { TopicRenderer } from '../../core/document/render';
import { CardNotes } from '../quiz/cardNotes';
import { Disposable, disposeAll } from '../disposable';
import type { ProgressStore } from '../progress/progressStore';
import { pick, PickItem } from '../quickInput';
import type { PointsCovered } from '../../core/cards/questions';
import type { AnswerFeedback, Graded } from '../feedback/answerFeedback';
import { CardPanel } from '../quiz/cardPanel';
import { inline } from '../quiz/quizCard';

export interface MockRequest {
  readonly minutes?: MockLength;
  /** The whole document, its weakest topics, or a section (by id). */
  readonly focus?: 'all' | 'weakest' | { readonly section: string };
  /** How often a Good or Easy answer is followed up on the same topic, 0-1 (default 0.4). */
  readonly followUpChance?: number;
}

/** The question on screen, for tests and the UI test. */
export interface MockState {
  readonly cardId: string;
  readonly topic: string;
  readonly number: number;
  readonly prompt: string;
  readonly followUp: boolean;
  readonly revealed: boolean;
  readonly paused: boolean;
}

interface Running {
  readonly active: ActiveDeck;
  readonly session: MockSession;
  readonly focus: string;
  readonly topics: ReadonlyMap<string, TopicInfo>;
  readonly notes: Map<string, string>;
  /** Notes each card had when it was shown: what changed since is the typed answer. */
  readonly notesShown: Map<string, string | undefined>;
  /** The grade of the answer on screen, once revealed. */
  graded?: { readonly cardId: string; readonly answer: string; current: Graded; cancel: vscode.CancellationTokenSource };
  readonly reviews: Array<Promise<void>>;
  readonly listeners: vscode.Disposable[];
  readonly done: (r: MockResult) => void;
  finishing?: boolean;
}

/** Opens a topic (the topic panel). */
export interface TopicShower {
  show(topicId: string, options?: { readonly preserveFocus?: boolean }): Promise<boolean>;
}

/** Where a finished session's report is drawn (reportPanel.ts). */
export interface ReportShower {
  show(model: ReportModel): Promise<void>;
}

export class MockInterviewFlow extends Disposable {
  private readonly card: CardPanel;
  private running: Running | undefined;
  private renderer: TopicRenderer | undefined;

  private readonly cardNotes: CardNotes;

  constructor(
    private readonly decks: DeckSource,
    private readonly progress: ProgressStore,
    private readonly scheduler: SchedulerSource,
    private readonly topicPanel: TopicShower,
    private readonly report: ReportShower,
    extensionUri: vscode.Uri,
    /** Where notes typed on recall cards are kept (globalState, shared with the quiz). */
    notesMemento: vscode.Memento | undefined,
    /** Grades typed answers (offline, and with the AI interviewer when the reader opted in). */
    private readonly feedback: AnswerFeedback,
    private readonly clock: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {
    super();
    this.cardNotes = new CardNotes(notesMemento);
    this.card = this._register(new CardPanel(extensionUri));
  }

  get isRunning(): boolean { return this.running !== undefined; }
  get isCardOpen(): boolean { return this.card.isOpen; }
  focusCard(): void { this.card.focus(); }

  get state(): MockState | undefined {
    const r = this.running;
    const q = r?.session.question;
    return r && q ? { cardId: q.card.id, topic: q.card.topic, number: q.number, prompt: q.question.prompt, followUp: q.followUp, revealed: r.session.revealed, paused: r.session.paused } : undefined;
  }

  /** Runs a mock interview; resolves with what was answered once it ends (undefined if it never began). */
  async start(request: MockRequest = {}): Promise<MockResult | undefined> {
    if (this.running) {
      this.card.focus();
      void vscode.window.showInformationMessage('Django Prep: a mock interview is already running. Finish or stop it first (Stop on its card, or Escape).');
      return undefined;
    }
    const active = await this.decks.current();
    if (!active) {
      void vscode.window.showWarningMessage('Django Prep: the study document could not be read, so there is nothing to ask.');
      return undefined;
    }
    const core = await import('../../core/interview/mockInterview');
    const open = core.interviewPool(active.deck, { kind: 'all' });
    if (!open.length) {
      const name = active.key === 'guide' ? 'The bundled guide' : `“${active.doc.title ?? 'This document'}”`;
      void vscode.window.showInformationMessage(
        `Django Prep: ${name} has no open questions, so a mock interview has nothing to ask. Write questions in your notes (Q:/A: lines, headings ending in ?, question::answer...), or open the bundled guide.`,
        'Show the Format', 'Open Bundled Guide',
      ).then(c => {
        if (c === 'Show the Format') { void vscode.commands.executeCommand('djangoPrep.showFormatHelp'); }
        if (c === 'Open Bundled Guide') { void vscode.commands.executeCommand('djangoPrep.openBundledGuide'); }
      });
      return undefined;
    }
    const scheduler = await this.scheduler();
    const { topicRecall, weakestTopics } = await import('../../core/cards/quiz');
    const cards = this.progress.document(active.key).cards;
    const now = new Date(this.clock());
    // A request may come from a command's arguments: anything out of range is asked instead.
    const minutes = (core.MOCK_LENGTHS as readonly unknown[]).includes(request.minutes) ? request.minutes : await this.chooseLength();
    if (!minutes) { return undefined; }
    const focus = await this.chooseFocus(active, request.focus, weakestTopics({ deck: open, cards, scheduler, now }));
    if (!focus) { return undefined; }
    const pool = core.interviewPool(active.deck, focus);
    if (!pool.length) {
      void vscode.window.showInformationMessage('Django Prep: no open question is left in that focus. Pick the whole document instead.');
      return undefined;
    }
    const recall = new Map([...topicRecall({ deck: active.deck, cards, scheduler, now })].map(([t, r]) => [t, r.recall]));
    const topics = core.topicInfo(active.doc);
    const session = new core.MockSession({
      pool, topics, recall, seen: new Set(Object.keys(cards)), lengthMs: minutes * 60_000, clock: this.clock, random: this.random,
      followUpChance: typeof request.followUpChance === 'number' && request.followUpChance >= 0 && request.followUpChance <= 1 ? request.followUpChance : undefined,
    });
    const label = focus.kind === 'all' ? `whole ${active.key === 'guide' ? 'guide' : 'document'}` : focus.kind === 'weakest' ? 'weakest topics' : focus.title;
    return new Promise<MockResult>(resolve => {
      const r: Running = { active, session, focus: label, topics, notes: this.savedNotes(active, pool), notesShown: new Map(), reviews: [], listeners: [], done: resolve };
      this.running = r;
      r.listeners.push(
        this.card.onAction(m => void this.act(m)),
        this.card.onDidClose(() => void this.finish(r)),
      );
      void this.showCurrent(r);
    });
  }

  /**
   * What the reader did on the card (the card's own messages come here after their check;
   * tests send the same ones).
   */
  async act(m: FromCard): Promise<void> {
    const r = this.running;
    if (!r || r.finishing) { return; }
    const s = r.session;
    switch (m.type) {
      case 'notes': {
        const q = s.question;
        if (q) { await this.saveNote(r, q.card.id, m.text); }
        return;
      }
      case 'openTopic':
        if (r.active.doc.get(m.id)) { await this.topicPanel.show(m.id, { preserveFocus: true }); }
        return;
      case 'reveal':
        if (!s.question || s.revealed) { return; }
        s.reveal();
        await this.grade(r);
        return this.showCurrent(r);
      case 'rate': {
        const q = s.question;
        const g = r.graded?.cardId === q?.card.id ? r.graded : undefined;
        this.endGrading(r);
        const c = g?.current.coverage;
        const answer = s.rate(m.rating, g && c ? { covered: c.covered, total: c.total, missed: g.current.missed, followUp: g.current.by.followUp } : undefined);
        const { isAskedFollowUp } = await import('../../core/interview/mockInterview');
        if (q && answer?.rating && !isAskedFollowUp(q.card.id)) { r.reviews.push(this.review(r, q.card.id, answer.rating, answer.ms, c)); }
        return this.showCurrent(r);
      }
      case 'interview':
        if (m.action === 'pause') { s.pause(); }
        if (m.action === 'resume') { s.resume(); }
        if (m.action === 'skip') { this.endGrading(r); s.skip(); }
        return this.showCurrent(r);
      case 'stop':
        return this.finish(r);
      default:
        return;
    }
  }

  private async showCurrent(r: Running): Promise<void> {
    const q = r.session.next();
    if (!q) { return this.finish(r); }
    if (!r.notesShown.has(q.card.id)) { r.notesShown.set(q.card.id, r.notes.get(q.card.id)); }
    const { interviewCard } = await import('../../core/interview/mockInterviewView');
    const md = await this.markdown(r.active, q.card.topic);
    if (this.running !== r || r.finishing) { return; }
    const g = r.session.revealed && r.graded?.cardId === q.card.id ? r.graded : undefined;
    const coverage = g ? (await import('../../core/feedback/coverageView')).coverageView(g.answer, g.current.coverage, inline(md), g.current.by) : undefined;
    this.card.show(interviewCard(q, r.topics.get(q.card.topic)?.title ?? q.card.topic, r.session.revealed, r.session.clockView(), md, r.notes.get(q.card.id), coverage));
    if (coverage) { this.card.focus(); }
  }

  /** Grades the answer typed on the question just revealed: offline now, the model's grade when it comes. */
  private async grade(r: Running): Promise<void> {
    const q = r.session.question;
    if (!q || q.question.kind !== 'recall') { return; }
    const typed = r.notes.get(q.card.id);
    if (typed === r.notesShown.get(q.card.id)) { return; } // notes kept from an earlier session are not this answer
    const offline = await this.feedback.offline(q.question, typed);
    if (!offline || !typed) { return; }
    const asking = this.feedback.asksModel;
    const cancel = new vscode.CancellationTokenSource();
    const g = { cardId: q.card.id, answer: typed, current: asking ? this.feedback.pending(offline) : offline, cancel };
    r.graded = g;
    if (!asking) { return; }
    void this.feedback.withModel(q.question, typed, offline, cancel.token).then(async better => {
      if (r.graded !== g || r.finishing) { return; }
      g.current = better ?? offline;
      await this.showCurrent(r);
    });
  }

  private endGrading(r: Running): void {
    r.graded?.cancel.cancel();
    r.graded?.cancel.dispose();
    r.graded = undefined;
  }

  /** The grade of the answer on screen (tests read it). */
  get graded(): Graded | undefined { return this.running?.graded?.current; }

  /** Ends the session once: what was rated is kept, the history saved and the report shown. */
  private async finish(r: Running): Promise<void> {
    if (r.finishing) { return; }
    r.finishing = true;
    this.endGrading(r);
    const result = r.session.stop();
    disposeAll(r.listeners);
    await this.card.close();
    try {
      await Promise.all(r.reviews);
      if (!result.answers.length) {
        void vscode.window.showInformationMessage('Django Prep: the mock interview ended before any question was answered, so there is nothing to report.');
        return;
      }
      const { mockRecord } = await import('../../core/interview/mockHistory');
      const id = `${result.startedAt.toString(36)}-${randomBytes(4).toString('hex')}`;
      let saved = true;
      try { await this.progress.recordMockInterview(mockRecord(result, r.active.key, r.focus, id)); } catch (e) {
        saved = false;
        void vscode.window.showWarningMessage(`Django Prep: the mock interview could not be added to your history (${e instanceof Error ? e.message : String(e)}); its report is shown all the same.`);
      }
      const { reportModel } = await import('../../core/interview/mockReport');
      const { QUESTION_LIMIT_MS } = await import('../../core/interview/mockInterview');
      await this.report.show(reportModel({
        result, doc: r.active.key, docName: r.active.key === 'guide' ? 'Bundled guide' : (r.active.doc.title ?? 'Your notes'), focus: r.focus,
        topics: r.topics, notes: r.notes, history: this.progress.snapshot.mockInterviews, id: saved ? id : undefined, questionLimitMs: QUESTION_LIMIT_MS,
      }));
    } finally {
      if (this.running === r) { this.running = undefined; }
      r.done(result);
    }
  }

  /** A rating is a review like a quiz's: scheduled by FSRS and kept in the review log with its answer time. */
  private async review(r: Running, cardId: string, rating: 1 | 2 | 3 | 4, answerMs: number, coverage?: PointsCovered): Promise<void> {
    const scheduler = await this.scheduler();
    const at = new Date(this.clock());
    await this.progress.review(r.active.key, cardId, saved => scheduler.review(saved, rating, at), { rating, at, answerMs, coverage });
  }

  /** Notes typed on these cards before (in a quiz or an earlier interview) come back with them. */
  private savedNotes(active: ActiveDeck, pool: ReadonlyArray<{ id: string }>): Map<string, string> {
    return this.cardNotes.saved(active.key, pool.map(c => c.id));
  }

  private async saveNote(r: Running, cardId: string, text: string): Promise<void> {
    r.notes.set(cardId, text);
    await this.cardNotes.save(r.active.key, cardId, text, this.clock());
  }

  private async markdown(active: ActiveDeck, topicId: string): Promise<(text: string) => string> {
    this.renderer ??= new (await import('../../core/document/render')).TopicRenderer();
    return this.renderer.fragmentsOf(active.doc, topicId);
  }

  private async chooseLength(): Promise<MockLength | undefined> {
    const { MOCK_LENGTHS } = await import('../../core/interview/mockInterview');
    const items: Array<PickItem<MockLength>> = MOCK_LENGTHS.map(n => ({ label: `${n} minutes`, description: `about ${Math.round(n / 3)} questions`, value: n }));
    const r = await pick({ title: 'Django Prep: Start Mock Interview', placeholder: 'How long? (3 minutes a question, as a guide)', items, active: items[0] });
    return r.kind === 'items' ? r.items[0]?.value : undefined;
  }

  private async chooseFocus(active: ActiveDeck, asked: MockRequest['focus'], weakest: readonly string[]): Promise<MockFocus | undefined> {
    const { isOpenQuestion } = await import('../../core/cards/conceptCards');
    const sections = active.doc.items.flatMap(i => i.kind === 'section' ? [{ id: i.id, title: i.title, topics: i.topics.map(t => t.id) }] : [])
      .map(s => ({ ...s, open: active.deck.filter(c => isOpenQuestion(c) && s.topics.includes(c.topic)).length })).filter(s => s.open > 0);
    const weak: MockFocus = { kind: 'weakest', topics: weakest };
    const whole: MockFocus = { kind: 'all' };
    if (asked === 'all') { return whole; }
    if (asked === 'weakest') { return this.weakOrSay(weak); }
    if (asked) {
      const s = sections.find(x => x.id === asked.section);
      return s ? { kind: 'section', title: s.title, topics: s.topics } : undefined;
    }
    const name = (id: string) => { const n = active.doc.get(id); return n?.kind === 'topic' ? n.title : id; };
    type Choice = 'all' | 'section' | 'weakest';
    const open = active.deck.filter(isOpenQuestion).length;
    const items: Array<PickItem<Choice>> = [
      { label: `$(book) Whole ${active.key === 'guide' ? 'guide' : 'document'}`, description: `${open} open questions, weak and unseen topics first`, value: 'all' },
      ...(sections.length > 1 ? [{ label: '$(list-tree) A section...', value: 'section' as const }] : []),
      { label: '$(flame) Weakest topics', description: weakest.length ? weakest.map(name).join(', ') : 'rate a few answers first', value: 'weakest' },
    ];
    const r = await pick({ title: 'Django Prep: Start Mock Interview', placeholder: 'What should the interviewer ask about?', items, active: items[0] });
    const choice = r.kind === 'items' ? r.items[0]?.value : undefined;
    if (choice === 'all') { return whole; }
    if (choice === 'weakest') { return this.weakOrSay(weak); }
    if (choice !== 'section') { return undefined; }
    const s = await pick({ title: 'Mock interview on a section', placeholder: 'Pick a section', items: sections.map(x => ({ label: x.title, description: `${x.open} open questions`, value: x })) });
    const chosen = s.kind === 'items' ? s.items[0]?.value : undefined;
    return chosen ? { kind: 'section', title: chosen.title, topics: chosen.topics } : undefined;
  }

  private weakOrSay(focus: MockFocus & { kind: 'weakest' }): MockFocus | undefined {
    if (focus.topics.length) { return focus; }
    void vscode.window.showInformationMessage('Django Prep: no open question has been rated yet, so no topic is weak. Start with the whole document.');
    return undefined;
  }

  override dispose(): void {
    const r = this.running;
    this.running = undefined;
    if (r) { disposeAll(r.listeners); }
    super.dispose();
  }
}
