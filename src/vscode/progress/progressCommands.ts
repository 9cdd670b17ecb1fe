// Commands over progress: show, reset, export and import it.
import * as vscode from 'vscode';
import type { ProgressStore } from './progressStore';

export function registerProgressCommands(progress: ProgressStore, dashboard: { show(): Promise<void> }): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('djangoPrep.showProgress', () => dashboard.show()),
    vscode.commands.registerCommand('djangoPrep.resetProgress', async () => {
      const ok = await vscode.window.showWarningMessage('Reset all Django Prep progress?', {
        modal: true, detail: 'Topics read, practice results and the review schedule of every document are deleted, on every machine that syncs settings. Export first to keep a copy.',
      }, 'Reset Progress');
      if (ok !== 'Reset Progress') { return false; }
      await progress.reset();
      return true;
    }),
    vscode.commands.registerCommand('djangoPrep.exportProgress', async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
        title: 'Export Django Prep Progress', saveLabel: 'Export', filters: { JSON: ['json'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'django-prep-progress.json') : undefined,
      });
      if (!uri) { return undefined; }
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(await progress.exportText()));
      if (!target) { void vscode.window.showInformationMessage(`Django Prep: progress exported to ${uri.fsPath || uri.toString()}.`); }
      return uri;
    }),
    vscode.commands.registerCommand('djangoPrep.importProgress', async (source?: vscode.Uri, mode?: 'merge' | 'replace') => {
      const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({ title: 'Import Django Prep Progress', openLabel: 'Import', filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
      if (!uri) { return undefined; }
      const where = uri.fsPath || uri.toString();
      let text: string;
      try {
        // A file far larger than any progress is refused before it is read.
        const tooLarge = (await import('../../core/study/progressImport')).importSizeProblem((await vscode.workspace.fs.stat(uri)).size);
        if (tooLarge) {
          void vscode.window.showErrorMessage(`Django Prep: ${where} was not imported: ${tooLarge}. Nothing was changed.`);
          return false;
        }
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch (e) {
        void vscode.window.showErrorMessage(`Django Prep: ${where} could not be read (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
        return false;
      }
      const how = mode ?? (await vscode.window.showQuickPick([
        { label: 'Merge', description: 'keep the later of each item from both', value: 'merge' as const },
        { label: 'Replace', description: 'use only the imported progress', value: 'replace' as const },
      ], { title: 'Import Django Prep Progress', placeHolder: 'Merge with your current progress, or replace it?' }))?.value;
      if (!how) { return undefined; }
      const result = await progress.import(text, how);
      if ('problem' in result) {
        void vscode.window.showErrorMessage(`Django Prep: ${where} is not Django Prep progress: ${result.problem}. Nothing was changed.`);
        return false;
      }
      if (result.logProblem) {
        void vscode.window.showWarningMessage(`Django Prep: progress imported; its review history was not (${result.logProblem}).`);
      } else if (result.dropped) {
        void vscode.window.showWarningMessage(`Django Prep: progress imported; ${result.dropped} entries that made no sense (wrong types, impossible dates or numbers, reserved names) were skipped.`);
      } else if (!source) { void vscode.window.showInformationMessage('Django Prep: progress imported.'); }
      return true;
    }),
  ];
}
