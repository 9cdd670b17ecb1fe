// Checking a practice file: the one run that the Testing view, Check Practice File and the
// CodeLens share. It runs the file's real checker (Python, the Dockerfile libraries, nginx -t,
// the Compose schema), shows tool problems in the Problems panel, records the result in
// progress, and tells the user in a notification when a command asked for it.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Exercise } from '../../core/practice/exercises';
import type { CheckKind, CheckReport, FileDiagnostic } from '../../core/practice/tasks';
import { GUIDE_KEY } from '../../core/study/progress';
import type { ProgressStore } from '../progress/progressStore';
import type { ExerciseCatalog } from './exerciseCatalog';
import { DEFAULT_PYTHON, type MissingPackages, type PythonInterpreter } from './pythonInterpreter';

export interface CheckOutcome {
  readonly file: string;
  readonly kind: CheckKind;
  /** The interpreter, for Python files. */
  readonly python?: string;
  readonly report: CheckReport;
  readonly passed: number;
  readonly total: number;
  readonly exercise?: Exercise;
  /** The packages the interpreter lacks, when that stopped the run. */
  readonly missing?: MissingPackages;
  /** Hints this file had been shown when it was checked. */
  readonly hints?: number;
}

/** A practice file: its exercise id, how it is checked, and its exercise when the catalog has it. */
export interface PracticeFile { readonly id: string; readonly kind: CheckKind; readonly exercise?: Exercise }

export const UNTRUSTED = 'Checking a practice file runs it with Python, nginx or bash and git, which Restricted Mode does not allow. Trust this workspace to check it; reading, quizzes and scaffolding work as they are.';

export class PracticeCheck {
  private readonly finished = new vscode.EventEmitter<CheckOutcome>();
  readonly onDidCheck = this.finished.event;
  private readonly problems = vscode.languages.createDiagnosticCollection('djangoPrep.practice');

  constructor(
    private readonly catalog: ExerciseCatalog, private readonly progress: ProgressStore, readonly interpreter: PythonInterpreter,
    /** Hints the file has been shown (Show Hint), recorded with the result. */
    private readonly hintsTaken: (uri: vscode.Uri, exerciseId: string) => Promise<number> = () => Promise.resolve(0),
  ) {}

  dispose(): void {
    this.finished.dispose();
    this.problems.dispose();
  }

  /** The practice file's exercise and kind, or undefined when the document is not one. */
  identify(doc: vscode.TextDocument): Promise<PracticeFile | undefined> {
    return this.identifyText(doc.uri, doc.getText(new vscode.Range(0, 0, 3, 0)));
  }

  /** The same from a file's path and first lines, for a file not open in the editor. */
  async identifyText(uri: vscode.Uri, head: string): Promise<PracticeFile | undefined> {
    const { exerciseIdOf, checkKind } = await import('../../core/practice/exercises');
    const id = exerciseIdOf(head);
    if (!id) { return undefined; }
    const { kindOfFile } = await import('../../core/practice/tasks');
    const exercise = (await this.catalog.get()).exercises.find(e => e.id === id);
    const kind = exercise ? checkKind(exercise) : kindOfFile(uri.path);
    return kind ? { id, kind, exercise } : undefined;
  }

  /** Runs the file's checks once (saving it first). Undefined when it is not a practice file on disk. */
  async run(uri: vscode.Uri, o: { onOutput?: (s: string) => void; token?: vscode.CancellationToken } = {}): Promise<CheckOutcome | undefined> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const found = await this.identify(doc);
    if (!found || doc.isUntitled || doc.uri.scheme !== 'file') { return undefined; }
    if (doc.isDirty) { await doc.save(); }
    const { runCheck } = await import('../../core/practice/runCheck');
    const { passedCount } = await import('../../core/practice/tasks');
    const python = found.kind === 'python' ? (await this.interpreter.pythonFor(doc.uri)).path : undefined;
    const seconds = vscode.workspace.getConfiguration('djangoPrep', doc.uri).get<number>('checkTimeLimit', 60);
    const abort = new AbortController();
    const sub = o.token?.onCancellationRequested(() => abort.abort());
    let report: CheckReport;
    try {
      report = await runCheck(found.kind, doc.uri.fsPath, doc.getText(), {
        python: python ?? DEFAULT_PYTHON, timeLimitMs: Math.max(1, seconds) * 1000, onOutput: o.onOutput, signal: abort.signal,
        shownName: path.basename(doc.uri.fsPath),
      });
    } finally { sub?.dispose(); }
    // Stopped on a missing module: every package the exercise needs that this Python lacks, and how
    // to install them into it, in place of "lacks the package X".
    let missing: MissingPackages | undefined;
    if (report.problem?.kind === 'missing-package' && python) {
      this.interpreter.forgetProbes();
      const named = /^[a-z_][a-z0-9_]*$/.test(report.problem.detail) ? [report.problem.detail] : [];
      missing = await this.interpreter.missing(python, [...new Set([...(found.exercise?.requires ?? []), ...named])]);
      if (!missing && named.length) {
        // The interpreter would not say (it failed to start the second time): go by the module Python named.
        const { missingPackagesMessage, pipCommand } = await import('../../core/practice/pythonPackages');
        missing = { python, missing: named, message: missingPackagesMessage(python, { missing: named, externallyManaged: false }), command: pipCommand(python, named) };
      }
      const message = missing?.message;
      if (message) { report = { ...report, problem: { kind: 'missing-package', detail: message }, tasks: report.tasks.map(t => (t.status === 'errored' ? { ...t, message } : t)) }; }
    }
    this.problems.set(doc.uri, report.diagnostics.map(toDiagnostic));
    const hints = found.exercise ? await this.hintsTaken(doc.uri, found.exercise.id) : 0;
    const outcome: CheckOutcome = { file: doc.uri.fsPath, kind: found.kind, python, report, passed: passedCount(report), total: report.tasks.length, exercise: found.exercise, missing, hints };
    const judged = !report.tasks.some(t => t.status === 'errored') || outcome.passed > 0;
    if (found.exercise && outcome.total && judged && !o.token?.isCancellationRequested) {
      await this.progress.recordPractice(GUIDE_KEY, found.exercise.topic, outcome.passed, outcome.total, { id: found.exercise.id, hints });
    }
    this.finished.fire(outcome);
    return outcome;
  }

  /** Says in a notification what a command-started check found. */
  async notify(o: CheckOutcome): Promise<void> {
    const name = path.basename(o.file);
    const problem = o.report.problem;
    if (problem?.kind === 'no-python') {
      void vscode.window.showErrorMessage(`Django Prep: Python was not found at "${o.python ?? DEFAULT_PYTHON}". Install Python 3, or set "djangoPrep.pythonPath" to your interpreter.`, 'Open Settings')
        .then(c => { if (c) { void vscode.commands.executeCommand('workbench.action.openSettings', 'djangoPrep.pythonPath'); } });
      return;
    }
    if (problem?.kind === 'missing-package') {
      const install = o.missing?.command;
      void vscode.window.showErrorMessage(`Django Prep: ${name} could not be checked: ${problem.detail}`, ...(install ? ['Copy Install Command'] : []), 'Open Settings')
        .then(c => {
          if (c === 'Copy Install Command' && install) { void vscode.env.clipboard.writeText(install); }
          if (c === 'Open Settings') { void vscode.commands.executeCommand('workbench.action.openSettings', 'djangoPrep.pythonPath'); }
        });
      return;
    }
    if (problem?.kind === 'no-nginx') {
      void vscode.window.showWarningMessage(`Django Prep: nginx is not installed, so ${name} was checked by the exercise's rules only (${o.passed} of ${o.total} pass). To check it with nginx -t: sudo apt install nginx (Debian/Ubuntu) or brew install nginx (macOS).`);
      return;
    }
    const message = `Django Prep: ${o.passed} of ${o.total} tasks pass in ${name}.`;
    if (o.total && o.passed === o.total) {
      const hints = o.hints ? ` (with ${o.hints === 1 ? '1 hint' : `${o.hints} hints`})` : '';
      void vscode.window.showInformationMessage(`${message.replace(/\.$/, hints)}. Well done.`, 'Compare with Solution')
        .then(c => { if (c) { void vscode.commands.executeCommand('djangoPrep.showSolution', vscode.Uri.file(o.file)); } });
      return;
    }
    // A server or tool a task needs is missing (PostgreSQL, Redis): say what to install, not "next task".
    const errored = o.report.tasks.filter(t => t.status === 'errored');
    if (errored.length && !problem) {
      const tasks = errored.map(t => t.number).join(', ');
      void vscode.window.showWarningMessage(`${message} Task${errored.length === 1 ? '' : 's'} ${tasks} could not run: ${errored[0].message ?? 'a tool is missing'}`, 'Check Again')
        .then(c => { if (c) { void vscode.commands.executeCommand('djangoPrep.checkPracticeFile', vscode.Uri.file(o.file)); } });
      return;
    }
    const failing = o.report.tasks.find(t => t.status !== 'passed');
    const why = problem && problem.kind !== 'syntax' ? ` The run stopped: ${problem.detail}.` : failing ? ` Next: task ${failing.number}, ${failing.title}.` : '';
    void vscode.window.showWarningMessage(`${message}${why} The Testing view shows each task.`, 'Check Again', 'Show Solution')
      .then(c => {
        if (c === 'Check Again') { void vscode.commands.executeCommand('djangoPrep.checkPracticeFile', vscode.Uri.file(o.file)); }
        if (c === 'Show Solution') { void vscode.commands.executeCommand('djangoPrep.showSolution', vscode.Uri.file(o.file)); }
      });
  }
}

function toDiagnostic(d: FileDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(d.line, d.column, d.endLine, d.endColumn), d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = d.source;
  return diagnostic;
}
