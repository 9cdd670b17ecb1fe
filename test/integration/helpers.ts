// What the integration suites share: waiting for the extension, and answering quick picks.
import * as vscode from 'vscode';

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
