// Composition root: build the pieces, register them, return a small API. Nothing is read or
// parsed here; the document loads the first time the tree or a command needs it.
import * as vscode from 'vscode';
import { registerCommands, revealsPending } from './vscode/topics/topicCommands';
import type { Scheduler, SchedulerSource } from './core/schedule/scheduler';
import { DashboardPanel } from './vscode/progress/dashboardPanel';
import { registerDocumentList } from './vscode/documentList';
import { DocumentStore } from './vscode/documentStore';
import { registerNavigationCommands } from './vscode/topics/navigation';
import { registerFilterCommands, TopicFilter } from './vscode/topics/treeFilter';
import { ContextKey } from './vscode/contextKey';
import { ExerciseCatalog } from './vscode/practice/exerciseCatalog';
import { ExerciseLens } from './vscode/practice/exerciseLens';
import { PracticeCheck } from './vscode/practice/practiceCheck';
import { registerPracticeCommands } from './vscode/practice/practiceCommands';
import { PracticeScaffold } from './vscode/practice/practiceScaffold';
import { PracticeTests } from './vscode/practice/practiceTests';
import { PracticeHints } from './vscode/practice/practiceHints';
import { GUIDE_KEY } from './core/study/progress';
import { PythonInterpreter } from './vscode/practice/pythonInterpreter';
import { registerProgressCommands } from './vscode/progress/progressCommands';
import { ProgressStore } from './vscode/progress/progressStore';
import { AnswerFeedback } from './vscode/feedback/answerFeedback';
import { Interviewer } from './vscode/feedback/interviewer';
import { QuestionBank } from './vscode/quiz/questionBank';
import { registerQuizCommands } from './vscode/quiz/quizCommands';
import { QuizFlow } from './vscode/quiz/quizFlow';
import { ScheduleConfig } from './vscode/quiz/scheduleConfig';
import { DueStatus } from './vscode/progress/statusBar';
import { StudyDeck } from './vscode/quiz/studyDeck';
import { TopicPanel } from './vscode/topics/topicPanel';
import { TopicProgress } from './vscode/progress/topicProgress';
import { createTopicTree, TopicTreeProvider } from './vscode/topics/topicTree';
import type { StudyNode } from './core/document/document';
import { InterviewDate } from './vscode/interview/interviewDate';
import { InterviewPlan } from './vscode/interview/interviewPlan';
import { askAboutPassedDate, registerInterviewCommands } from './vscode/interview/interviewCommands';
import { readinessSection } from './vscode/interview/readinessSection';
import { registerExportCommands } from './vscode/export/exportCommands';
import { MockInterviewFlow } from './vscode/interview/mockInterviewFlow';
import { registerMockInterviewCommands } from './vscode/interview/mockInterviewCommands';
import { ReportPanel } from './vscode/interview/reportPanel';
import { CardsPanel } from './vscode/topics/cardsPanel';
import { Draws, parseSeed } from './core/util/draws';
import { openBox, OpenBox } from './vscode/quickInput';

export interface DjangoPrepApi {
  readonly store: DocumentStore;
  readonly panel: TopicPanel;
  readonly tree: TopicTreeProvider;
  readonly treeView: vscode.TreeView<StudyNode>;
  readonly progress: ProgressStore;
  readonly decks: StudyDeck;
  readonly quiz: QuizFlow;
  readonly topicProgress: TopicProgress;
  readonly dueStatus: DueStatus;
  readonly dashboard: DashboardPanel;
  readonly exercises: ExerciseCatalog;
  readonly practice: PracticeCheck;
  /** The interview date and today's plan toward it. */
  readonly interview: InterviewPlan;
  readonly mockInterview: MockInterviewFlow;
  /** Grades typed answers (the benchmark times it in the extension host). */
  readonly feedback: AnswerFeedback;
  readonly mockReport: ReportPanel;
  /** Show Cards in This Document. */
  readonly cardsPanel: CardsPanel;
  readonly practiceTests: PracticeTests;
  /** Show Hint: the hints shown per practice file. */
  readonly hints: PracticeHints;
  /**
   * Where quizzes and mock interviews draw at random: Math.random, or seeded from
   * DJANGO_PREP_SEED (tests replay a run's draws; a test may reseed it).
   */
  readonly draws: Draws;
  /** The quick pick or input box this extension has on screen, and whether its rows are there (tests wait on it). */
  readonly box: () => OpenBox | undefined;
  /** True while what follows an open topic (tab title, read mark, tree selection) is still to come. */
  readonly settling: () => boolean;
  /** Resolves once saved progress has been read. */
  readonly ready: Promise<void>;
  /** Milliseconds spent in `activate()`. */
  readonly activationMs: number;
  /** Milliseconds from the start of `activate()` until saved progress was read (undefined before). */
  readonly readyMs: () => number | undefined;
}

export function activate(context: vscode.ExtensionContext): DjangoPrepApi {
  const start = performance.now();
  // The output channel is created on the first line logged (content problems), not at activation.
  let channel: vscode.OutputChannel | undefined;
  const log = (line: string) => { (channel ??= vscode.window.createOutputChannel('Django Interview Prep')).appendLine(line); };
  // Unset for users: Math.random. A test run sets it to replay the same quiz and interview draws.
  const seed = parseSeed(typeof process === 'object' ? process.env.DJANGO_PREP_SEED : undefined);
  const draws = new Draws(seed);
  if (seed !== undefined) { log(`Quiz and mock interview draws seeded with ${seed} (DJANGO_PREP_SEED).`); }
  const store = new DocumentStore(context);
  const panel = new TopicPanel(context.extensionUri, store, context.workspaceState);
  const { provider, view } = createTopicTree(store);
  const progress = new ProgressStore(context);
  const decks = new StudyDeck(store, new QuestionBank(context.extensionUri, log));
  // One scheduler for quizzes, figures and the dashboard, built when first needed (not at activation).
  // Its retention and maximum interval come from the settings, and follow them from the next review.
  const schedule = new ScheduleConfig();
  let scheduling: Promise<Scheduler> | undefined;
  const scheduler: SchedulerSource = () => scheduling ??= import('./core/schedule/scheduler').then(m => new m.Scheduler({ settings: schedule.settings }));
  // With an interview date the plan may allow more new cards a day than the setting.
  const interview = new InterviewPlan(new InterviewDate(progress.durableState), decks, progress, scheduler, () => schedule.settings.newCardsPerDay);
  // Typed answers are graded offline; the AI interviewer only after the reader opts in.
  const interviewer = new Interviewer();
  const feedback = new AnswerFeedback(interviewer);
  const quiz = new QuizFlow(decks, progress, scheduler, panel, context.extensionUri, progress.durableState,
    () => ({ ...schedule.settings, newCardsPerDay: interview.newCardsToday(schedule.settings.newCardsPerDay) }), feedback, undefined, draws.random);
  const topicProgress = new TopicProgress(decks, progress, scheduler);
  const mockReport = new ReportPanel(context.extensionUri, panel, () => void vscode.commands.executeCommand('djangoPrep.startMockInterview'));
  const mockInterview = new MockInterviewFlow(decks, progress, scheduler, panel, mockReport, context.extensionUri, progress.durableState, feedback, undefined, draws.random);
  const cardsPanel = new CardsPanel(context.extensionUri, decks, store);
  const dueStatus = new DueStatus(decks, progress);
  const dashboard = new DashboardPanel(context.extensionUri, decks, progress, topicProgress, scheduler);
  provider.setStats(topicProgress);
  dueStatus.showPlan(interview);
  dashboard.addSection(readinessSection(interview, progress));
  const exercises = new ExerciseCatalog(context.extensionUri, log);
  const guide = async () => store.isBundled ? store.get() : undefined;
  // Hints shown per file (workspace state), recorded with the next check's result.
  const hints = new PracticeHints(exercises, context.workspaceState, topic => progress.document(GUIDE_KEY).practised[topic], progress.onDidChange);
  const scaffold = new PracticeScaffold(exercises, guide, hints);
  const python = new PythonInterpreter();
  const practice = new PracticeCheck(exercises, progress, python, (uri, id) => hints.taken(uri, id));
  hints.follow(practice);
  const practiceTests = new PracticeTests(practice);
  const lens = new ExerciseLens(exercises, async id => { const n = (await guide())?.get(id); return n?.kind === 'topic' ? n.title : undefined; }, hints);
  // Which topics have exercises: known once the catalog is read (on first need, not at activation).
  let practiceTopics = new Set<string>();
  const practiceChanged = new vscode.EventEmitter<void>();
  const readCatalog = () => exercises.get().then(c => { practiceTopics = new Set(c.exercises.map(e => e.topic)); practiceChanged.fire(); });
  const hasExercises = (id: string) => store.isBundled && practiceTopics.has(id);
  provider.setPracticeTopics(hasExercises, practiceChanged.event);
  const filter = new TopicFilter(id => topicProgress.get(id), hasExercises);
  provider.setFilter(filter);
  const guideKey = new ContextKey<boolean>('djangoPrep.guideActive');
  panel.setActions(async id => ({
    quizCards: (await decks.current())?.deck.filter(c => c.topic === id).length ?? 0,
    exercises: store.isBundled ? (await exercises.forTopic(id)).length : 0,
  }));
  context.subscriptions.push(
    { dispose: () => channel?.dispose() }, schedule, store, panel, provider, view, progress, quiz, topicProgress, dueStatus, dashboard, exercises, python, hints, practice, practiceTests, lens, practiceChanged,
    interview, interview.dates, ...registerInterviewCommands(interview), ...registerExportCommands(decks),
    interview.onDidChange(() => void dashboard.refresh()),
    schedule.onDidChange(() => void interview.update()),
    ...registerCommands(store, panel, view),
    ...registerQuizCommands(quiz),
    mockReport, mockInterview, ...registerMockInterviewCommands(mockInterview),
    vscode.commands.registerCommand('djangoPrep.chooseInterviewerModel', () => interviewer.choose()),
    cardsPanel, vscode.commands.registerCommand('djangoPrep.showCards', () => cardsPanel.show()),
    ...registerProgressCommands(progress, dashboard),
    ...registerPracticeCommands(scaffold, practiceTests, lens, store, panel, hints),
    ...registerNavigationCommands(store),
    ...registerDocumentList(store, context.extensionUri),
    ...registerFilterCommands(filter, view),
    filter,
    schedule.onDidChange(settings => void scheduling?.then(s => s.configure(settings))),
    exercises.onDidChange(() => void readCatalog()),
    practice.onDidCheck(() => void topicProgress.schedule()),
    panel.onDidShowTopic(topic => void progress.markRead(decks.key, topic.id)),
    store.onDidChange(() => {
      dueStatus.update();
      void interview.update();
      void topicProgress.schedule();
      guideKey.set(store.isBundled);
      if (store.isBundled) { void readCatalog(); }
    }),
  );
  // What no command needs at once starts a tick later, keeping activation short. A returning user
  // (activated by workspaceContains or onStartupFinished, see package.json) gets the practice
  // files' CodeLenses, Testing view items and gutter buttons from here, with nothing opened.
  const later = setTimeout(() => { lens.start(); filter.start(); void practiceTests.start(); }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(later) });
  // Saved progress is read after activation returns: the status bar can wait a tick.
  let readyMs: number | undefined;
  const ready = Promise.resolve().then(() => progress.load()).then(() => {
    readyMs = performance.now() - start;
    dueStatus.update();
    if (store.peek()) { void topicProgress.schedule(); }
    void interview.start().then(() => askAboutPassedDate(interview));
  });
  return { store, panel, tree: provider, treeView: view, progress, decks, quiz, topicProgress, dueStatus, dashboard, exercises, practice, practiceTests, hints, interview, mockInterview, mockReport, cardsPanel, feedback, draws, box: () => openBox.current, settling: () => panel.settling || revealsPending(), ready, activationMs: performance.now() - start, readyMs: () => readyMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
