// Commands for practice files: scaffold, check, show a hint, compare with the solution, read the topic.
import * as vscode from 'vscode';
import type { StudyNode } from '../../core/document/document';
import type { DocumentStore } from '../documentStore';
import type { ExerciseLens } from './exerciseLens';
import type { PracticeScaffold, ScaffoldOptions } from './practiceScaffold';
import type { TopicPanel } from '../topics/topicPanel';

/** The Testing view's side of a check (PracticeTests), named by shape to keep this adapter shallow. */
interface CheckRunner {
  checkFile(uri: vscode.Uri): Promise<unknown>;
  isPracticeFile(doc: vscode.TextDocument): Promise<boolean>;
}

/** Show Hint (PracticeHints), by shape like the runner. */
interface HintGiver { command(...args: unknown[]): Promise<unknown> }

export function registerPracticeCommands(scaffold: PracticeScaffold, tests: CheckRunner, lens: ExerciseLens, store: DocumentStore, panel: TopicPanel, hints: HintGiver): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('djangoPrep.newPracticeFile', (arg?: string | StudyNode | ScaffoldOptions) => {
      if (typeof arg === 'string') { return scaffold.create({ topic: arg }); }
      if (arg && 'kind' in arg) { return scaffold.create({ topic: arg.kind === 'concept' ? arg.topic.id : arg.kind === 'topic' ? arg.id : undefined }); }
      return scaffold.create(arg ?? {});
    }),
    vscode.commands.registerCommand('djangoPrep.checkPracticeFile', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const doc = target ? await vscode.workspace.openTextDocument(target) : undefined;
      if (doc && (doc.isUntitled || doc.uri.scheme !== 'file')) {
        void vscode.window.showInformationMessage('Django Prep: save the practice file to a folder first; the check runs it from disk.');
        return undefined;
      }
      const outcome = doc ? await tests.checkFile(doc.uri) : undefined;
      if (!outcome && (!doc || !(await tests.isPracticeFile(doc)))) {
        void vscode.window.showInformationMessage('Django Prep: open a practice file (made with "Django Prep: New Practice File...") to check it.');
      }
      return outcome;
    }),
    vscode.commands.registerCommand('djangoPrep.showSolution', (uri?: vscode.Uri) => lens.showSolution(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('djangoPrep.showHint', (...args: unknown[]) => hints.command(...args)),
    // Exercises belong to the bundled guide: switch back to it if notes of the user's are open.
    vscode.commands.registerCommand('djangoPrep.readExerciseTopic', async (topicId: string) => {
      if (!store.isBundled) { await store.open(store.bundledUri); }
      return panel.show(topicId, { beside: true, preserveFocus: true });
    }),
  ];
}
