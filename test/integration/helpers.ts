// What the integration suites share: waiting for the extension, for its boxes, and answering them;
// practice files' Testing view items, their runs and their text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { seededRandom } from '../../src/core/util/draws';
import type { DjangoPrepApi } from '../../src/extension';
import type { Summary } from '../../src/core/cards/quiz';
import type { TaskReport } from '../../src/vscode/practice/practiceTests';

export const EXTENSION_ID = 'django-interview-prep.django-interview-prep';

let testSeed = 0;
/** Called by index.ts before each test with that test's seed. */
export function setTestSeed(seed: number): void { testSeed = seed; }
/** A seeded random source for a test's own draws (the same in a replay of the run). */
export function testRandom(): () => number { return seededRandom(testSeed ^ 0x5eed); }

/** The extension's API once it has activated and read its document: how every suite starts. */
export async function activated(): Promise<DjangoPrepApi> {
  const api = await vscode.extensions.getExtension<DjangoPrepApi>(EXTENSION_ID)!.activate();
  await api.ready;
  return api;
}

/** Answers the one question of the quiz `done` with the box's first choice, then closes the summary. */
export async function answerOneFromTheBox(api: DjangoPrepApi, done: Thenable<Summary | undefined>): Promise<Summary | undefined> {
  // `asked` is set once the box's rows are on screen (the workbench reported its active row).
  await waitFor(() => api.quiz.asked?.phase === 'question', 'the question still asked');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await waitFor(() => api.quiz.asked?.phase === 'feedback', 'the feedback');
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
 * Waits for the extension's box titled `title` (a prefix, or a pattern) to be on screen with
 * its rows, then moves `index` rows down and accepts: what a keyboard user does once the box
 * is there. The commands reach the workbench after the box (one channel, in order).
 */
export async function accept(title: string | RegExp, index = 0): Promise<void> {
  const api = vscode.extensions.getExtension<DjangoPrepApi>(EXTENSION_ID)!.exports;
  const matches = (t: string) => typeof title === 'string' ? t.startsWith(title) : title.test(t);
  await waitFor(() => { const b = api.box(); return b && b.ready && matches(b.title); }, `the box "${String(title)}"`);
  for (let i = 0; i < index; i++) { await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Notes with one open question and its three written key points: the typed-answer suites grade against it. */
export const SELECT_RELATED_NOTES = `# Notes

## ORM

### Queries

#### Interview questions

##### When do you use select_related?

It follows foreign keys with a SQL JOIN, so the related rows come back in the same query. It
only works for single-valued relations.

Key points:
- Follows foreign keys with a JOIN (also: \`select_related\` join)
- One query instead of many (also: same query, single query)
- Only single-valued relations (also: ForeignKey, OneToOne)
`;

/** A practice file's item in the Testing view, once discovery has listed it. */
export async function practiceItem(api: DjangoPrepApi, uri: vscode.Uri): Promise<vscode.TestItem> {
  await api.practiceTests.controller.resolveHandler!(undefined);
  return waitFor(() => api.practiceTests.controller.items.get(uri.toString()), `the test item of ${uri.fsPath}`);
}

/** Runs through the controller's own Run profile, as the Testing view does; returns what it reported. */
export async function runPracticeTests(api: DjangoPrepApi, include: vscode.TestItem[]): Promise<TaskReport[]> {
  const reports: TaskReport[] = [];
  const sub = api.practiceTests.onDidReport(r => reports.push(r));
  try {
    await api.practiceTests.runProfile.runHandler(new vscode.TestRunRequest(include), new vscode.CancellationTokenSource().token);
  } finally { sub.dispose(); }
  return reports;
}

/** Edits the file as a user does, in its open document, and saves it. */
export async function setText(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

/** The reference solution of a bundled exercise, as *Show Reference Solution* reads it. */
export async function solutionText(exercise: string, file: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'djangoprep-solution', path: `/${exercise}/${file}` }))).getText();
}
