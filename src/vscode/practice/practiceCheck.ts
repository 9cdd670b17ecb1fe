// "Check Practice File": run the exercise with the user's Python as a Task (a pseudoterminal
// shows the output), read "N of M tasks pass", tell the user and record it in progress.
import { spawn } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckProblem, CheckResult } from '../../core/exercises';
import { GUIDE_KEY } from '../../core/progress';
import type { ProgressStore } from '../progress/progressStore';
import type { ExerciseCatalog } from './exerciseCatalog';
import { restrictedSetting } from '../restrictedSettings';

export const TASK_TYPE = 'djangoPrep';

export interface CheckOutcome {
  readonly file: string;
  readonly python: string;
  readonly result?: CheckResult;
  /** Why there is no result (or the interpreter cannot run it), as diagnosed: kept typed to the message. */
  readonly problem?: CheckProblem;
}

export class PracticeCheck {
  private readonly finished = new vscode.EventEmitter<CheckOutcome>();
  readonly onDidCheck = this.finished.event;

  constructor(private readonly catalog: ExerciseCatalog, private readonly progress: ProgressStore) {}

  dispose(): void {
    this.finished.dispose();
  }

  async check(target?: vscode.Uri): Promise<CheckOutcome | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Django Prep: checking a practice file runs it with Python, which Restricted Mode does not allow. Trust this workspace to check it; reading, quizzes and scaffolding work as they are.', 'Manage Workspace Trust')
        .then(c => { if (c) { void vscode.commands.executeCommand('workbench.trust.manage'); } });
      return undefined;
    }
    const doc = target ? await vscode.workspace.openTextDocument(target) : vscode.window.activeTextEditor?.document;
    const { exerciseIdOf } = await import('../../core/exercises');
    const id = doc ? exerciseIdOf(doc.getText()) : undefined;
    if (!doc || !id) {
      void vscode.window.showInformationMessage('Django Prep: open a practice file (made with "Django Prep: New Practice File...") to check it.');
      return undefined;
    }
    if (doc.isUntitled || doc.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('Django Prep: save the practice file to a folder first; the check runs it from disk.');
      return undefined;
    }
    if (doc.isDirty) { await doc.save(); }
    const exercise = (await this.catalog.get()).exercises.find(e => e.id === id);
    const python = await pythonFor(doc.uri);
    const outcome = await this.runAsTask(doc.uri.fsPath, python);
    await this.report(outcome, exercise?.requires ?? []);
    if (outcome.result && exercise) {
      await this.progress.recordPractice(GUIDE_KEY, exercise.topic, outcome.result.passed, outcome.result.total);
    }
    this.finished.fire(outcome);
    return outcome;
  }

  /** Runs `python file` in a Task whose terminal shows the output; no shell is involved. */
  private async runAsTask(file: string, python: string): Promise<CheckOutcome> {
    const { diagnoseRun, parseCheckOutput } = await import('../../core/exercises');
    return new Promise<CheckOutcome>(resolve => {
      const write = new vscode.EventEmitter<string>();
      const close = new vscode.EventEmitter<number>();
      const terminal: vscode.Pseudoterminal = {
        onDidWrite: write.event,
        onDidClose: close.event,
        open: () => {
          write.fire(`\x1b[2m$ ${python} ${path.basename(file)}\x1b[0m\r\n`);
          let output = '';
          let spawnError: string | undefined;
          const child = spawn(python, [file], { cwd: path.dirname(file), env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1' } });
          const onData = (d: Buffer) => { const s = d.toString('utf8'); output += s; write.fire(s.replace(/\r?\n/g, '\r\n')); };
          child.stdout.on('data', onData);
          child.stderr.on('data', onData);
          child.on('error', e => { spawnError = e.message; });
          child.on('close', code => {
            const problem = diagnoseRun(code, output, spawnError);
            const result = parseCheckOutput(output);
            if (!result) { write.fire('\r\n\x1b[1mThe check did not finish: see the error above.\x1b[0m\r\n'); }
            close.fire(code ?? 1);
            write.dispose();
            close.dispose();
            resolve({ file, python, result, problem: problem && problem.kind !== 'crashed' ? problem : result ? undefined : { kind: 'crashed', detail: problem?.detail ?? '' } });
          });
        },
        close: () => undefined,
      };
      const task = new vscode.Task({ type: TASK_TYPE, file }, vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) ?? vscode.TaskScope.Workspace,
        `Check ${path.basename(file)}`, 'Django Prep', new vscode.CustomExecution(async () => terminal));
      task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true, showReuseMessage: false };
      void vscode.tasks.executeTask(task).then(undefined, e => resolve({ file, python, problem: { kind: 'crashed', detail: e instanceof Error ? e.message : String(e) } }));
    });
  }

  private async report(o: CheckOutcome, requires: readonly string[]): Promise<void> {
    const name = path.basename(o.file);
    if (o.problem?.kind === 'no-python') {
      void vscode.window.showErrorMessage(`Django Prep: Python was not found at "${o.python}". Install Python 3, or set "djangoPrep.pythonPath" to your interpreter.`, 'Open Settings')
        .then(c => { if (c) { void vscode.commands.executeCommand('workbench.action.openSettings', 'djangoPrep.pythonPath'); } });
      return;
    }
    if (o.problem?.kind === 'missing-package') {
      const { pip, apt } = (await import('../../core/exercises')).installNames(requires);
      void vscode.window.showErrorMessage(`Django Prep: ${name} needs ${o.problem.detail}, which ${o.python} does not have. Install with "${o.python} -m pip install ${pip.join(' ')}" (or on Debian/Ubuntu "sudo apt install ${apt.join(' ')}"), or point "djangoPrep.pythonPath" at a Python that has it.`);
      return;
    }
    if (!o.result) {
      void vscode.window.showErrorMessage(`Django Prep: ${name} stopped before its checks finished (${o.problem?.detail || 'no summary'}). The terminal shows the error.`);
      return;
    }
    const { passed, total } = o.result;
    const message = `Django Prep: ${passed} of ${total} tasks pass in ${name}.`;
    if (passed === total) {
      void vscode.window.showInformationMessage(`${message} Well done.`, 'Compare with Solution')
        .then(c => { if (c) { void vscode.commands.executeCommand('djangoPrep.showSolution', vscode.Uri.file(o.file)); } });
    } else {
      const failing = o.result.tasks.find(t => !t.ok);
      void vscode.window.showWarningMessage(`${message}${failing ? ` Next: task ${failing.number}, ${failing.title}.` : ''}`, 'Check Again', 'Show Solution')
        .then(c => {
          if (c === 'Check Again') { void vscode.commands.executeCommand('djangoPrep.checkPracticeFile', vscode.Uri.file(o.file)); }
          if (c === 'Show Solution') { void vscode.commands.executeCommand('djangoPrep.showSolution', vscode.Uri.file(o.file)); }
        });
    }
  }
}

/** djangoPrep.pythonPath, else the Python extension's interpreter for this file, else python3. */
export async function pythonFor(file: vscode.Uri): Promise<string> {
  const setting = restrictedSetting('pythonPath', '', file).trim();
  if (setting) { return setting; }
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (ext) {
    try {
      const api = ext.isActive ? ext.exports : await ext.activate();
      const env = api?.environments?.getActiveEnvironmentPath?.(file);
      const details = env?.path ? undefined : await api?.settings?.getExecutionDetails?.(file);
      const found = env?.path ?? details?.execCommand?.[0];
      if (found) { return found; }
    } catch { /* fall back to python3 */ }
  }
  return 'python3';
}

/** The parts of the Python extension's exported API this uses. */
interface PythonExtensionApi {
  environments?: { getActiveEnvironmentPath?(resource?: vscode.Uri): { path?: string } | undefined };
  settings?: { getExecutionDetails?(resource?: vscode.Uri): Promise<{ execCommand?: string[] }> | { execCommand?: string[] } };
}
