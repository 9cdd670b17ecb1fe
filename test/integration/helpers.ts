// What the integration suites share: waiting for the extension, and answering quick picks.
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import type { Summary } from '../../src/core/quiz';

export const EXTENSION_ID = 'django-interview-prep.django-interview-prep';

/** The extension's API once it has activated and read its document: how every suite starts. */
export async function activated(): Promise<DjangoPrepApi> {
  const api = await vscode.extensions.getExtension<DjangoPrepApi>(EXTENSION_ID)!.activate();
  await api.ready;
  return api;
}

/** Answers the one question of the quiz `done` with the box's first choice, then closes the summary. */
export async function answerOneFromTheBox(api: DjangoPrepApi, done: Thenable<Summary | undefined>): Promise<Summary | undefined> {
  await waitFor(() => api.quiz.asked?.phase === 'question', 'the question still asked');
  await new Promise(r => setTimeout(r, 300));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(() => api.quiz.asked?.phase === 'feedback', 'the feedback');
  await new Promise(r => setTimeout(r, 300));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(() => api.quiz.summaryOpen, 'the summary');
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return done;
}

/** Polls until `probe` gives something other than undefined or false. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) { return v as T; }
    if (Date.now() > deadline) { throw new Error(`timed out waiting for ${what}`); }
    await new Promise(r => setTimeout(r, 50));
  }
}

/**
 * Accepts the QuickPick item `index` rows down, once the box is up: what a keyboard user does.
 * With `settled` (the promise of the command that opens the box), it tries again until that
 * settles: on a loaded machine the box may not be up yet after the first wait.
 */
export async function accept(index = 0, settled?: Thenable<unknown>): Promise<void> {
  let done = false;
  settled?.then(() => { done = true; }, () => { done = true; });
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise(r => setTimeout(r, 300));
    for (let i = 0; i < index; i++) { await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    if (!settled) { return; }
    for (let t = 0; t < 10 && !done; t++) { await new Promise(r => setTimeout(r, 100)); }
    if (done) { return; }
  }
}
