// "Start Quiz": scope and length, then one question at a time in a QuickPick (InputBox for
// typed answers), feedback with the explanation, and a summary. The full question, code and
// explanation are drawn on a card beside; a recall card is revealed and rated there or in the box.
import * as vscode from 'vscode';
import type { ActiveDeck, DeckSource } from '../../core/cards/deck';
import type { Answer, Question } from '../../core/cards/questions';
import type { Outcome, QuizSession, Scope, Summary } from '../../core/cards/quiz';
import type { Scheduler, SchedulerSource } from '../../core/schedule/scheduler';
import type { ScheduleSettings } from '../../core/schedule/scheduleSettings';
import { boxText } from '../../core/util/text';
import { Disposable } from '../disposable';
import type { ProgressStore } from '../progress/progressStore';
import { input, pick, PickItem } from '../quickInput';
import { CardNotes } from './cardNotes';
import type { AnswerFeedback } from '../feedback/answerFeedback';
import { CardPanel } from './cardPanel';
import { QuizCard } from './quizCard';
import { AskedQuestion, oneLine, QuizControl, RecallReview, SKIP, STOP, TopicOpener } from './recallReview';

export interface QuizRequest {
  readonly scope?: Scope;
  /** Shortcut for a topic scope (tree inline action, webview button). */
  readonly topic?: string;
  /** These cards (ids), in this order, instead of a draw: a test that needs one kind of question asks for it. */
  readonly cards?: readonly string[];
  readonly length?: number;
}

export type { AskedQuestion } from './recallReview';

type Asked = { readonly kind: 'answer'; readonly answer: Answer } | { readonly kind: 'control'; readonly control: QuizControl };
/** A row of the answer box: an answer to choose, or a control. */
type Choice = { readonly answer: string } | { readonly control: QuizControl };

const SKIPPED: Asked = { kind: 'control', control: 'skip' };
const STOPPED: Asked = { kind: 'control', control: 'stop' };

const LENGTHS = [5, 10, 20];

export class QuizFlow extends Disposable {
  private running = false;
  private readonly card: QuizCard;
  /** Notes typed on recall cards this quiz, by card id. */
  private readonly notes = new Map<string, string>();
  private readonly recall: RecallReview;
  /** The question or feedback on screen (tests answer through it); undefined between them. */
  asked: AskedQuestion | undefined;
  /** True while the summary box is on screen. */
  summaryOpen = false;

  private readonly cardNotes: CardNotes;

  constructor(
    private readonly decks: DeckSource,
    private readonly progress: ProgressStore,
    private readonly scheduler: SchedulerSource,
    private readonly panel: TopicOpener,
    extensionUri: vscode.Uri,
    /** Where notes typed on recall cards are kept between quizzes (globalState). */
    notesMemento: vscode.Memento | undefined,
    /** The scheduling settings now (newCardsPerDay limits the cards a quiz introduces). */
    private readonly schedule: () => Pick<ScheduleSettings, 'newCardsPerDay'>,
    /** Grades typed answers (offline, and with the AI interviewer when the reader opted in). */
    feedback: AnswerFeedback,
    private readonly clock: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
  ) {
    super();
    this.cardNotes = new CardNotes(notesMemento);
    this.card = new QuizCard(this._register(new CardPanel(extensionUri)));
    this.recall = new RecallReview({ card: this.card, notes: this.notes, panel, feedback, setAsked: a => { this.asked = a; } });
  }

  /** The card beside the quiz (the UI test and the benchmark look at it). */
  get quizCard(): QuizCard { return this.card; }

  get isRunning(): boolean { return this.running; }

  async start(request: QuizRequest = {}): Promise<Summary | undefined> {
    if (this.running) {
      void vscode.window.showInformationMessage('Django Prep: a quiz is already running. Stop it first (the stop button in its title bar, or Escape).');
      return undefined;
    }
    const active = await this.decks.current();
    if (!active) {
      void vscode.window.showWarningMessage('Django Prep: the study document could not be read, so there is nothing to quiz.');
      return undefined;
    }
    this.running = true;
    try {
      const scheduler = await this.scheduler();
      const scope = request.scope ?? (request.topic ? { kind: 'topic', topic: request.topic } as const
        : request.cards ? { kind: 'all' } as const : await this.chooseScope(active, scheduler));
      if (!scope) { return undefined; }
      const session = await this.buildSession(active, scheduler, scope, request.length, request.cards);
      if (!session) { return undefined; }
      return await this.run(active, session);
    } finally {
      this.running = false;
      this.asked = undefined;
      this.notes.clear();
      await this.card.close();
    }
  }

  private async chooseScope(active: ActiveDeck, scheduler: Scheduler): Promise<Scope | undefined> {
    const { dueCards, weakestTopics } = await import('../../core/cards/quiz');
    const { isOpenQuestion } = await import('../../core/cards/conceptCards');
    const cards = this.progress.document(active.key).cards;
    const sel = { deck: active.deck, cards, scheduler, now: this.clock() };
    const due = dueCards(sel).length;
    const weak = weakestTopics(sel);
    const name = (id: string) => active.doc.get(id)?.kind === 'topic' ? (active.doc.get(id) as { title: string }).title : id;
    const sections = active.doc.items.filter(i => i.kind === 'section');
    const open = active.deck.filter(isOpenQuestion).length;
    type Choice = 'due' | 'all' | 'open' | 'section' | 'topic' | 'weakest';
    const items: Array<PickItem<Choice>> = [
      { label: '$(history) Due for review', description: due ? `${due} ${due === 1 ? 'card' : 'cards'} due` : 'nothing due now', value: 'due' },
      { label: `$(book) Whole ${active.key === 'guide' ? 'guide' : 'document'}`, description: `${active.deck.length} cards`, value: 'all' },
      ...(open ? [{ label: '$(comment-discussion) Open questions only', description: `${open} to answer out loud and rate yourself`, value: 'open' as const }] : []),
      ...(sections.length ? [{ label: '$(list-tree) A section...', value: 'section' as const }] : []),
      { label: '$(symbol-file) A topic...', value: 'topic' },
      { label: '$(flame) Weakest topics', description: weak.length ? weak.map(name).join(', ') : 'take a quiz first', value: 'weakest' },
    ];
    const r = await pick({ title: 'Django Prep: Start Quiz', placeholder: 'What should the quiz cover?', items, active: due ? items[0] : items[1] });
    if (r.kind !== 'items' || !r.items[0]) { return undefined; }
    switch (r.items[0].value) {
      case 'due': return { kind: 'due' };
      case 'all': return { kind: 'all' };
      case 'open': return { kind: 'open' };
      case 'weakest': return { kind: 'weakest' };
      case 'section': {
        const s = await pick({ title: 'Quiz a section', placeholder: 'Pick a section', items: sections.map(x => ({ label: x.title, description: `${x.topics.length} topics`, value: x.topics.map(t => t.id) })) });
        return s.kind === 'items' && s.items[0]?.value ? { kind: 'section', topics: s.items[0].value } : undefined;
      }
      case 'topic': {
        const t = await pick({ title: 'Quiz a topic', placeholder: 'Pick a topic', items: active.doc.topics.map(x => ({ label: x.title, description: x.section?.title, value: x.id })) });
        return t.kind === 'items' && t.items[0]?.value ? { kind: 'topic', topic: t.items[0].value } : undefined;
      }
      default: return undefined;
    }
  }

  private async buildSession(active: ActiveDeck, scheduler: Scheduler, scope: Scope, length: number | undefined, chosen?: readonly string[]): Promise<QuizSession | undefined> {
    const { QuizSession, selectLimited, newCardsLeft } = await import('../../core/cards/quiz');
    const cards = this.progress.document(active.key).cards;
    const now = this.clock();
    const perDay = this.schedule().newCardsPerDay;
    const left = newCardsLeft(perDay, cards, now);
    const byId = chosen && new Map(active.deck.map(c => [c.id, c]));
    const { cards: available, heldBack } = byId && chosen
      ? { cards: chosen.flatMap(id => byId.get(id) ?? []), heldBack: 0 }
      : selectLimited(scope, Number.MAX_SAFE_INTEGER, { deck: active.deck, cards, scheduler, now, random: this.random, newCardsLeft: left });
    if (heldBack) {
      // Said whether or not anything is left to ask: the reader should know why new cards are missing.
      const said = left === 0 ? `You have met today's ${perDay} new cards; due reviews and cards seen before are still offered.`
        : `This quiz brings in the last ${left} of today's ${perDay} new cards; due reviews and cards seen before are still offered.`;
      void vscode.window.showInformationMessage(`Django Prep: ${said} (Setting: djangoPrep.newCardsPerDay, 0 for no limit.)`);
      if (!available.length) { return undefined; }
    }
    if (!available.length) {
      const why = scope.kind === 'due' ? 'Nothing is due for review. Come back later, or quiz a topic.'
        : scope.kind === 'weakest' ? 'No topic has been quizzed yet, so none is weak. Start with a topic or the whole guide.'
          : 'There are no questions here yet: write questions in your notes (Q:/A: lines, headings ending in ?, question::answer...) or "Term: description" bullets. Show Study Document Format lists every way.';
      void vscode.window.showInformationMessage(`Django Prep: ${why}`);
      return undefined;
    }
    const n = length ?? await this.chooseLength(available.length);
    if (!n) { return undefined; }
    const items = available.slice(0, n).map(card => ({ card, question: card.build(this.random) }));
    const key = active.key;
    return new QuizSession(items, this.clock, r => {
      void this.progress.review(key, r.cardId, saved => scheduler.review(saved, r.rating, r.at), { rating: r.rating, at: r.at, answerMs: r.answerMs ?? 0, coverage: r.coverage });
    });
  }

  private async chooseLength(available: number): Promise<number | undefined> {
    const sizes = LENGTHS.filter(n => n < available);
    const items: Array<PickItem<number>> = [
      ...sizes.map(n => ({ label: `${n} questions`, value: n })),
      { label: `All ${available}`, description: available > 30 ? 'a long session' : undefined, value: available },
    ];
    const r = await pick({ title: 'Django Prep: Start Quiz', placeholder: 'How many questions?', items, active: items[Math.min(1, items.length - 1)] });
    return r.kind === 'items' ? r.items[0]?.value : undefined;
  }

  private async run(active: ActiveDeck, session: QuizSession): Promise<Summary> {
    const { choicesFor } = await import('../../core/cards/quiz');
    const topicTitle = (id: string) => { const n = active.doc.get(id); return n?.kind === 'topic' ? n.title : id; };
    // Notes typed last time come back with their card.
    const typed = session.items.filter(({ card }) => card.kind === 'recall' || card.kind === 'cloze').map(({ card }) => card.id);
    for (const [id, text] of this.cardNotes.saved(active.key, typed)) { this.notes.set(id, text); }
    // Notes and topic links work on any card, whatever the box is waiting for.
    const listener = this.card.onAction(m => {
      const item = session.current();
      if (m.type === 'notes' && item) {
        this.notes.set(item.card.id, m.text);
        void this.cardNotes.save(active.key, item.card.id, m.text, this.clock().getTime());
      }
      if (m.type === 'openTopic' && active.doc.get(m.id)) { void this.panel.show(m.id, { preserveFocus: true }); }
    });
    try {
      for (let item = session.current(); item; item = session.current()) {
        const q = item.question;
        const heading = `Question ${session.position + 1} of ${session.items.length}`;
        const title = `${heading} · ${topicTitle(q.topic)}`;
        if (q.kind === 'recall') {
          const next = await this.recall.review(session, q, item.card.id, heading, topicTitle(q.topic), active);
          if (next === 'stop') { break; }
          continue;
        }
        const choices = choicesFor(q, this.random);
        await this.card.whenDrawn(await this.card.showQuestion(heading, topicTitle(q.topic), q, active.doc));
        const started = Date.now();
        const asked = await this.ask(q, choices, title, () => { this.asked = { question: q, choices, phase: 'question' }; });
        if (asked.kind === 'control') {
          if (asked.control === 'stop') { break; }
          session.skip();
          continue;
        }
        const outcome = session.answer(asked.answer, Date.now() - started);
        const score = session.summary();
        await this.card.whenDrawn(await this.card.showFeedback(heading, topicTitle(q.topic), q, outcome, active.doc));
        const shown = () => { this.asked = { question: q, choices, phase: 'feedback' }; };
        const next = await this.feedback(q, outcome, `${score.right} of ${score.answered} right`, topicTitle(q.topic), !session.items[session.position + 1], shown);
        session.next(next === 'easy');
        if (next === 'read') { await this.panel.show(q.topic, { preserveFocus: true }); }
        if (next === 'stop') { break; }
      }
    } finally {
      listener.dispose();
    }
    const summary = session.stop();
    await this.showSummary(summary, topicTitle);
    return summary;
  }

  private async ask(q: Question, choices: readonly string[], title: string, onShow: () => void): Promise<Asked> {
    const buttons = [SKIP, STOP];
    const control = (r: { kind: string; button?: vscode.QuickInputButton }): Asked | undefined =>
      r.kind === 'cancelled' || (r.kind === 'button' && r.button === STOP) ? STOPPED : r.kind === 'button' ? SKIPPED : undefined;
    if (q.kind === 'typed') {
      const r = await input({ title, prompt: q.prompt, placeholder: 'Type your answer and press Enter (empty skips)', buttons, onShow });
      return control(r) ?? (r.kind === 'text' && r.text.trim() ? { kind: 'answer', answer: { kind: 'text', text: r.text } } : SKIPPED);
    }
    if (q.kind === 'order') { return this.askOrder(q.prompt, choices, title, onShow); }
    const many = q.kind === 'choice' && q.select === 'many';
    // Options are markdown the card draws; the box shows them as plain text, all alike.
    const label = (c: string) => q.kind === 'choice' ? boxText(c) : oneLine(c);
    const items: Array<PickItem<Choice> | vscode.QuickPickItem> = choices.map(c => ({ label: label(c), value: { answer: c } }));
    if (!many) {
      items.push({ label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(debug-step-over) Skip this question', value: { control: 'skip' } } as PickItem<Choice>,
        { label: '$(debug-stop) Stop the quiz', value: { control: 'stop' } } as PickItem<Choice>);
    }
    const prompt = q.markdown ? boxText(q.prompt) : q.prompt;
    const placeholder = many ? `${prompt} (select all that apply, then Enter)` : prompt;
    // Escape on the card stops the quiz, as it does in the box.
    const either = await this.recall.boxOrCard<Choice>({ title, placeholder, items, many, buttons, onShow }, m => m.type === 'stop');
    if ('card' in either) { return STOPPED; }
    const r = either.box;
    const c = control(r);
    if (c || r.kind !== 'items') { return c ?? STOPPED; }
    const picked = r.items.map(i => i.value).filter((v): v is Choice => v !== undefined);
    const first = picked[0];
    if (!first) { return SKIPPED; }
    if ('control' in first) { return { kind: 'control', control: first.control }; }
    const chosen = picked.flatMap(v => ('answer' in v ? [v.answer] : []));
    return { kind: 'answer', answer: { kind: 'options', chosen } };
  }

  /** Steps are picked one at a time, first to last; Undo takes the last one back. */
  private async askOrder(prompt: string, steps: readonly string[], title: string, onShow: () => void): Promise<Asked> {
    const UNDO: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('discard'), tooltip: 'Undo the last step' };
    const chosen: string[] = [];
    while (chosen.length < steps.length) {
      const left = steps.filter(s => !chosen.includes(s));
      const sofar = chosen.length ? ` · so far: ${chosen.map((s, i) => `${i + 1}. ${s}`).join('  ')}` : '';
      const r = await pick<string>({
        title: `${title} · step ${chosen.length + 1} of ${steps.length}`,
        placeholder: `${prompt}${sofar}`,
        items: left.map(s => ({ label: s, value: s })),
        buttons: chosen.length ? [UNDO, SKIP, STOP] : [SKIP, STOP],
        onShow,
      });
      if (r.kind === 'button' && r.button === UNDO) { chosen.pop(); continue; }
      if (r.kind === 'button') { return r.button === STOP ? STOPPED : SKIPPED; }
      if (r.kind !== 'items' || !r.items[0]?.value) { return STOPPED; }
      chosen.push(r.items[0].value);
    }
    return { kind: 'answer', answer: { kind: 'order', steps: chosen } };
  }

  private async feedback(q: Question, outcome: Outcome, score: string, topic: string, last: boolean, onShow: () => void): Promise<'next' | 'easy' | 'read' | 'stop'> {
    type Next = 'next' | 'easy' | 'read' | 'stop';
    const nextLabel = last ? '$(arrow-right) See the summary' : '$(arrow-right) Next question';
    const items: Array<PickItem<Next> | vscode.QuickPickItem> = [
      { label: nextLabel, detail: outcome.explanation, value: 'next' },
      ...(outcome.correct && outcome.almost === undefined ? [{ label: '$(star-full) That was easy', description: 'see it less often', value: 'easy' as const }] : []),
      { label: `$(book) Read “${topic}”`, description: 'opens beside, the quiz goes on', value: 'read' },
      { label: '$(debug-stop) Stop the quiz', value: 'stop' },
    ];
    if (!outcome.correct && q.kind !== 'choice') { // a choice lists every option with its reason below
      items.push({ label: 'Right answer', kind: vscode.QuickPickItemKind.Separator }, ...outcome.right.map((r, i) => ({ label: `$(pass) ${q.kind === 'order' ? `${i + 1}. ` : ''}${oneLine(r)}`, value: 'next' as const })));
    }
    if (q.kind === 'choice') {
      items.push({ label: 'Why', kind: vscode.QuickPickItemKind.Separator },
        ...q.options.map(o => ({ label: `${o.correct ? '$(pass)' : '$(circle-slash)'} ${boxText(o.text)}`, detail: o.why, value: 'next' as const })));
    }
    // A near miss counts (rated Hard) but says what was expected.
    const verdict = outcome.almost !== undefined ? `≈ Almost: ${oneLine(outcome.almost)}` : outcome.correct ? '✓ Right' : '✗ Not quite';
    const r = await pick<Next>({ title: `${verdict} · ${score}`, placeholder: `${verdict.replace(/^\S+ /, '')}: Enter for the next question`, items, matchOnDetail: true, onShow });
    if (r.kind === 'cancelled') { return 'stop'; }
    return r.kind === 'items' ? r.items[0]?.value ?? 'next' : 'next';
  }

  private async showSummary(s: Summary, topicTitle: (id: string) => string): Promise<void> {
    this.asked = undefined;
    const minutes = Math.floor(s.ms / 60000);
    const seconds = Math.round((s.ms % 60000) / 1000);
    const time = minutes ? `${minutes} min ${seconds} s` : `${seconds} s`;
    const headline = `${s.right} of ${s.answered} right${s.skipped ? `, ${s.skipped} skipped` : ''} · ${time}`;
    await this.card.showSummary(headline, s.revisit.map(id => ({ id, title: topicTitle(id) })));
    type Done = { topic: string } | 'again' | 'done';
    const items: Array<PickItem<Done> | vscode.QuickPickItem> = [];
    if (s.revisit.length) {
      items.push({ label: 'Topics to revisit', kind: vscode.QuickPickItemKind.Separator },
        ...s.revisit.map(t => ({ label: `$(book) ${topicTitle(t)}`, description: 'open', value: { topic: t } })));
    }
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: '$(debug-restart) Start another quiz', value: 'again' as const }, { label: '$(check) Done', value: 'done' as const });
    const r = await pick<Done>({
      title: `Quiz finished: ${headline}`, placeholder: s.revisit.length ? 'Open a topic to revisit, or finish' : 'Well done. Finish, or start another quiz', items,
      onShow: () => { this.summaryOpen = true; },
    });
    this.summaryOpen = false;
    const v = r.kind === 'items' ? r.items[0]?.value : undefined;
    if (v && typeof v === 'object') { await this.panel.show(v.topic); }
    if (v === 'again') { setTimeout(() => void vscode.commands.executeCommand('djangoPrep.startQuiz'), 0); }
  }
}
