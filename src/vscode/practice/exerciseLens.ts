// In a scaffolded practice file: CodeLenses to read its topic, check it, see its last result and
// compare it with the reference solution (a read-only document in a diff); Show Hint over a
// failed task.
import * as path from 'path';
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { ExerciseCatalog } from './exerciseCatalog';
import type { PracticeHints } from './practiceHints';

export const SOLUTION_SCHEME = 'djangoprep-solution';
/** The languages practice files are written in. */
const PRACTICE_LANGUAGES = ['python', 'dockerfile', 'yaml', 'dockercompose', 'nginx', 'shellscript'];

export class ExerciseLens extends Disposable implements vscode.CodeLensProvider, vscode.TextDocumentContentProvider {
  private readonly lensesChanged = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(private readonly catalog: ExerciseCatalog, private readonly topicTitle: (id: string) => Promise<string | undefined>, private readonly hints?: PracticeHints) {
    super();
  }

  /** Registers the providers; called just after activation, which does not need them. */
  start(): void {
    this._register(vscode.languages.registerCodeLensProvider(PRACTICE_LANGUAGES.map(language => ({ language })), this));
    this._register(vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, this));
    this._register(this.catalog.onDidChange(() => this.lensesChanged.fire()));
    if (this.hints) { this._register(this.hints.onDidChange(() => this.lensesChanged.fire())); }
    this._register(vscode.window.onDidChangeActiveTextEditor(e => void this.updateContext(e)));
    void this.updateContext(vscode.window.activeTextEditor);
  }

  /** `djangoPrep.practiceFileActive` shows Check and Compare in the editor title. */
  private async updateContext(editor: vscode.TextEditor | undefined): Promise<void> {
    const { exerciseIdOf } = await import('../../core/practice/exercises');
    const active = !!editor && PRACTICE_LANGUAGES.includes(editor.document.languageId) && exerciseIdOf(editor.document.getText(new vscode.Range(0, 0, 3, 0))) !== undefined;
    await vscode.commands.executeCommand('setContext', 'djangoPrep.practiceFileActive', active);
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { exerciseIdOf } = await import('../../core/practice/exercises');
    const id = exerciseIdOf(doc.getText(new vscode.Range(0, 0, 3, 0)));
    const exercise = id ? (await this.catalog.get()).exercises.find(e => e.id === id) : undefined;
    if (!exercise) { return []; }
    const top = new vscode.Range(0, 0, 0, 0);
    const title = await this.topicTitle(exercise.topic);
    const hints = this.hints && await this.hints.codeLenses(doc, exercise);
    return [
      new vscode.CodeLens(top, { title: `$(book) Read: ${title ?? exercise.topic}`, command: 'djangoPrep.readExerciseTopic', arguments: [exercise.topic], tooltip: 'Open the explanation of this topic beside the file' }),
      new vscode.CodeLens(top, { title: '$(beaker) Check', command: 'djangoPrep.checkPracticeFile', arguments: [doc.uri], tooltip: 'Run this file\'s checks; each task\'s result shows in the Testing view' }),
      ...(hints?.result ? [hints.result] : []),
      new vscode.CodeLens(top, { title: '$(diff) Compare with Solution', command: 'djangoPrep.showSolution', arguments: [doc.uri], tooltip: 'Diff your file against the reference solution' }),
      ...(hints?.hints ?? []),
    ];
  }

  /** `djangoprep-solution:/<id>/<file>`: the composed reference solution. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = uri.path.split('/')[1];
    const { exercises, templates } = await this.catalog.get();
    const exercise = exercises.find(e => e.id === id);
    if (!exercise) { return `# No reference solution for "${id}".\n`; }
    const { composeExercise } = await import('../../core/practice/exercises');
    return composeExercise(exercise.solution, exercise.id, templates, exercise.checks);
  }

  async showSolution(target?: vscode.Uri): Promise<boolean> {
    const doc = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
    const { exerciseIdOf } = await import('../../core/practice/exercises');
    const id = doc ? exerciseIdOf(doc.getText()) : undefined;
    const exercise = id ? (await this.catalog.get()).exercises.find(e => e.id === id) : undefined;
    if (!doc || !exercise) {
      void vscode.window.showInformationMessage('Django Prep: open a practice file (made with "Django Prep: New Practice File...") to compare it with its solution.');
      return false;
    }
    const solution = vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${exercise.id}/${exercise.file}` });
    await vscode.commands.executeCommand('vscode.diff', doc.uri, solution, `${path.basename(doc.uri.path)} ↔ Reference Solution`, { preview: true });
    return true;
  }
}
