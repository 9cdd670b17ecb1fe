// Show Hint: the next hint of a task, asked for on a failed task in the Testing view (its message
// and its context menu), from the CodeLens over the task, or from the palette (the task at the
// cursor). A notification shows it with Next Hint, so the code stays in view. What each file has
// been shown is kept in workspace state: the next request continues after a reload, and the
// check records how many hints were taken with the practice result.
import * as vscode from 'vscode';
import type { Exercise } from '../../core/practice/exercises';
import type { ExerciseOutcome, HintRecord, HintStep, HintsShown } from '../../core/practice/hints';
import type { CheckReport, TaskAnchor } from '../../core/practice/tasks';
import type { PracticeResult } from '../../core/study/progress';
import { Disposable } from '../disposable';
import { showPick } from '../quickInput';

const STATE_KEY = 'djangoPrep.hintsShown';

/** What one request showed, for the CodeLens, the tests and the API. */
export interface HintShown { readonly file: string; readonly task: number; readonly step: HintStep }

/** The pieces it reads, named by shape to keep the adapters shallow. */
interface Catalog { get(): Promise<{ readonly exercises: readonly Exercise[] }> }
interface Checks { readonly onDidCheck: vscode.Event<{ readonly file: string; readonly report: CheckReport }> }

export class PracticeHints extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** A hint shown, a check finished or a result recorded: the CodeLenses change. */
  readonly onDidChange = this.changed.event;
  private readonly shownEmitter = this._register(new vscode.EventEmitter<HintShown>());
  readonly onDidShow = this.shownEmitter.event;
  /** Each file's last verdict per task in this session (file URI -> task -> status). */
  private readonly verdicts = new Map<string, Map<number, string>>();
  /** The request being answered: the next waits for it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly catalog: Catalog,
    private readonly state: vscode.Memento,
    private readonly practised: (topic: string) => PracticeResult | undefined,
    resultsChanged: vscode.Event<void>,
  ) {
    super();
    this._register(resultsChanged(() => this.changed.fire()));
  }

  /** Listens to the checks (built after this, since they ask it for the hints taken). */
  follow(checks: Checks): void {
    this._register(checks.onDidCheck(o => {
      this.verdicts.set(vscode.Uri.file(o.file).toString(), new Map(o.report.tasks.map(t => [t.number, t.status])));
      this.changed.fire();
    }));
  }

  private async records(): Promise<Record<string, HintRecord>> {
    const { parseHintRecords } = await import('../../core/practice/hints');
    return parseHintRecords(this.state.get<unknown>(STATE_KEY));
  }

  /** The hints a file of this exercise has been shown, per task. */
  async shown(uri: vscode.Uri, exerciseId: string): Promise<HintsShown> {
    const r = (await this.records())[uri.toString()];
    return r?.exercise === exerciseId ? r.shown : {};
  }

  /** How many hints a file has been shown in all: recorded with its next practice result. */
  async taken(uri: vscode.Uri, exerciseId: string): Promise<number> {
    const { hintsTaken } = await import('../../core/practice/hints');
    return hintsTaken(await this.shown(uri, exerciseId));
  }

  /** A fresh starter was written there: its hints start again. */
  async forget(uri: vscode.Uri): Promise<void> {
    const all = await this.records();
    if (!all[uri.toString()]) { return; }
    delete all[uri.toString()];
    await this.state.update(STATE_KEY, all);
    this.changed.fire();
  }

  /** An exercise's last result, with the hints taken, as the picker and the CodeLens tell it. */
  async outcome(exercise: Exercise): Promise<ExerciseOutcome | undefined> {
    const { exerciseOutcome } = await import('../../core/practice/hints');
    const { exercises } = await this.catalog.get();
    return exerciseOutcome(this.practised(exercise.topic), exercise.id, exercises.filter(e => e.topic === exercise.topic).length === 1);
  }

  /**
   * The CodeLenses of a practice file: its result beside Check (when it has one), and Show Hint
   * over each task that failed its last check or has hints taken and has not passed since.
   * Every task offering a hint from the start would invite a hint before a first try.
   */
  async codeLenses(doc: vscode.TextDocument, exercise: Exercise): Promise<{ result?: vscode.CodeLens; hints: vscode.CodeLens[] }> {
    const { hintsOf, hintLensTitle, isPassed, resultLabel } = await import('../../core/practice/hints');
    const { checkKind } = await import('../../core/practice/exercises');
    const { tasksOf } = await import('../../core/practice/runCheck');
    const anchors = tasksOf(checkKind(exercise), doc.getText());
    const outcome = await this.outcome(exercise);
    const top = new vscode.Range(0, 0, 0, 0);
    const result = outcome && new vscode.CodeLens(top, {
      title: `$(${isPassed(outcome) ? 'pass-filled' : 'circle-large-outline'}) ${resultLabel(outcome).replace(/^./, c => c.toUpperCase())}`,
      command: '', tooltip: 'The last check of this exercise, and the hints taken before it',
    });
    const shown = await this.shown(doc.uri, exercise.id);
    const verdicts = this.verdicts.get(doc.uri.toString());
    const offered = anchors.filter(a => {
      const verdict = verdicts?.get(a.number);
      return hintsOf(exercise, a.number).length > 0 && verdict !== 'passed' && (verdict === 'failed' || (shown[String(a.number)] ?? 0) > 0);
    });
    const hints = offered.map(a => {
      const title = hintLensTitle(hintsOf(exercise, a.number).length, shown[String(a.number)] ?? 0);
      // Tasks that share a TODO line get a lens each, so each says which task it is for.
      const shared = offered.some(b => b !== a && b.line === a.line);
      return new vscode.CodeLens(new vscode.Range(a.line, 0, a.line, 0), {
        title: `$(lightbulb) ${shared ? `Task ${a.number}: ` : ''}${title}`, command: 'djangoPrep.showHint', arguments: [doc.uri, a.number],
        tooltip: `Task ${a.number}, ${a.title}: the next hint, each more detailed than the last`,
      });
    });
    return { result, hints };
  }

  /**
   * The command: its argument is what the caller had. A CodeLens passes (uri, task); the Testing
   * view's message menus pass { test, message }, its item menu the TestItem; the palette nothing
   * (the task at the cursor in the active practice file).
   */
  async command(...args: unknown[]): Promise<HintShown | undefined> {
    const target = targetOf(args) ?? (vscode.window.activeTextEditor && { uri: vscode.window.activeTextEditor.document.uri, line: vscode.window.activeTextEditor.selection.active.line });
    if (!target) {
      void vscode.window.showInformationMessage('Django Prep: open a practice file (made with "Django Prep: New Practice File...") to get a hint for one of its tasks.');
      return undefined;
    }
    return this.show(target.uri, target.task, target.line);
  }

  /** Shows the next hint of `task` (else of the task at `line`, else one picked); one request at a time, so a quick second click counts once more, not twice the same. */
  show(uri: vscode.Uri, task?: number, line?: number): Promise<HintShown | undefined> {
    const next = () => this.showNow(uri, task, line);
    const shown = this.queue.then(next, next);
    this.queue = shown.then(() => undefined, () => undefined);
    return shown;
  }

  private async showNow(uri: vscode.Uri, task?: number, line?: number): Promise<HintShown | undefined> {
    let doc: vscode.TextDocument;
    try { doc = await vscode.workspace.openTextDocument(uri); } catch {
      void vscode.window.showInformationMessage(`Django Prep: ${uri.fsPath || uri.toString()} cannot be opened, so there is no hint for it.`);
      return undefined;
    }
    const { exerciseIdOf, checkKind } = await import('../../core/practice/exercises');
    const id = exerciseIdOf(doc.getText(new vscode.Range(0, 0, 3, 0)));
    const exercise = id ? (await this.catalog.get()).exercises.find(e => e.id === id) : undefined;
    if (!exercise) {
      void vscode.window.showInformationMessage('Django Prep: hints are for practice files made with "Django Prep: New Practice File...", and this file is not one (or its exercise is no longer there).');
      return undefined;
    }
    const { tasksOf } = await import('../../core/practice/runCheck');
    const anchors = tasksOf(checkKind(exercise), doc.getText());
    const number = task ?? await this.chooseTask(doc.uri, exercise, anchors, line);
    if (number === undefined) { return undefined; }
    const { hintsOf, nextHint, withHintShown } = await import('../../core/practice/hints');
    const hints = hintsOf(exercise, number);
    const all = await this.records();
    const record = all[uri.toString()]?.exercise === exercise.id ? all[uri.toString()] : { exercise: exercise.id, shown: {} };
    const step = nextHint(hints, record.shown[String(number)] ?? 0);
    if (step.kind === 'hint') {
      all[uri.toString()] = { exercise: exercise.id, shown: withHintShown(record.shown, number, hints.length) };
      await this.state.update(STATE_KEY, all);
      this.changed.fire();
    }
    this.tell(uri, number, step);
    const shown = { file: uri.toString(), task: number, step };
    this.shownEmitter.fire(shown);
    return shown;
  }

  /** Non-modal, so the code stays in view; Next Hint asks for the next, the last offers the solution. */
  private tell(uri: vscode.Uri, task: number, step: HintStep): void {
    const solution = 'Compare with Solution';
    const next = 'Next Hint';
    const [text, buttons] = step.kind === 'hint'
      ? [`Django Prep: Task ${task}, hint ${step.number} of ${step.of}${step.number === step.of && step.of > 1 ? ' (the last)' : ''}: ${step.text}`, step.number < step.of ? [next] : [solution]]
      : step.kind === 'all-shown'
        ? [`Django Prep: all ${step.of === 1 ? 'the hints' : `${step.of} hints`} for task ${task} are shown. The last one: ${step.last}`, [solution]]
        : [`Django Prep: task ${task} has no hints in this exercise. Its failure message in the Testing view says what was expected.`, [solution]];
    void vscode.window.showInformationMessage(text, ...buttons).then(c => {
      if (c === next) { void vscode.commands.executeCommand('djangoPrep.showHint', uri, task); }
      if (c === solution) { void vscode.commands.executeCommand('djangoPrep.showSolution', uri); }
    });
  }

  /** The task at the cursor: the one whose TODO is nearest above it; else the failing ones to pick from. */
  private async chooseTask(uri: vscode.Uri, exercise: Exercise, anchors: readonly TaskAnchor[], line?: number): Promise<number | undefined> {
    const { hintsOf } = await import('../../core/practice/hints');
    const withHints = anchors.filter(a => hintsOf(exercise, a.number).length);
    const above = line === undefined ? [] : withHints.filter(a => a.line <= line);
    const nearest = above.length ? above.filter(a => a.line === Math.max(...above.map(b => b.line))) : [];
    if (nearest.length === 1) { return nearest[0].number; }
    const verdicts = this.verdicts.get(uri.toString());
    const failing = (a: TaskAnchor) => verdicts?.get(a.number) === 'failed' ? 0 : 1;
    const candidates = (nearest.length ? nearest : withHints).slice().sort((a, b) => failing(a) - failing(b) || a.number - b.number);
    if (candidates.length === 1) { return candidates[0].number; }
    if (!candidates.length) {
      void vscode.window.showInformationMessage(`Django Prep: "${exercise.title}" has no hints.`);
      return undefined;
    }
    const picked = await showPick<number>(candidates.map(a => ({ label: `Task ${a.number}: ${a.title}`, description: verdicts?.get(a.number), value: a.number })), {
      title: 'Django Prep: Show Hint', placeholder: 'Which task would you like a hint for?',
    });
    return picked?.value;
  }
}

/** The file and task a menu or CodeLens passed, if any. */
function targetOf(args: readonly unknown[]): { uri: vscode.Uri; task?: number; line?: number } | undefined {
  const [a, b] = args;
  if (a instanceof vscode.Uri) { return { uri: a, task: typeof b === 'number' && Number.isInteger(b) && b > 0 ? b : undefined }; }
  if (typeof a !== 'object' || a === null) { return undefined; }
  const item = ('test' in a ? (a as { test?: unknown }).test : a) as Partial<vscode.TestItem> | undefined;
  if (item && typeof item.id === 'string' && item.uri instanceof vscode.Uri) {
    const m = /#task-(\d+)$/.exec(item.id);
    return { uri: item.uri, task: m ? Number(m[1]) : undefined };
  }
  // The message of a task whose item is gone (the file changed): the task at its line.
  const location = (a as { message?: Partial<vscode.TestMessage> }).message?.location;
  return location?.uri instanceof vscode.Uri ? { uri: location.uri, line: location.range.start.line } : undefined;
}
