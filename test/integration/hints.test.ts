// Show Hint in the real extension host: a failed task in the Testing view offers it (its
// message carries the value package.json's testing/message menus match), the command called as
// those menus, the task's CodeLens and the palette call it reveals the task's hints one after
// another, then says all are shown; the next check records the hints taken with the practice
// result, which the CodeLens and the picker's outcome then tell ("passed with N hints").
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { HINT_MESSAGE_CONTEXT, resultLabel } from '../../src/core/practice/hints';
import type { Exercise } from '../../src/core/practice/exercises';
import type { CheckOutcome } from '../../src/vscode/practice/practiceCheck';
import type { HintShown } from '../../src/vscode/practice/practiceHints';
import { activated, practiceItem, runPracticeTests, setText, solutionText, waitFor } from './helpers';

let api: DjangoPrepApi;
/** A native exercise: its check runs in the extension host in well under a second, and its starter fails all six tasks. */
const EXERCISE = 'dockerfile';
const TOPIC = 'deployment/docker-and-docker-compose';

async function scaffold(): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise: EXERCISE, ifExists: 'overwrite' });
  assert.ok(uri, `${EXERCISE} scaffolded`);
  return uri;
}

async function taskItems(uri: vscode.Uri): Promise<{ file: vscode.TestItem; tasks: vscode.TestItem[] }> {
  const file = await practiceItem(api, uri);
  const tasks: vscode.TestItem[] = [];
  file.children.forEach(c => tasks.push(c));
  return { file, tasks: tasks.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })) };
}

const runTests = (include: vscode.TestItem[]) => runPracticeTests(api, include);

const hint = (...args: unknown[]) => vscode.commands.executeCommand<HintShown | undefined>('djangoPrep.showHint', ...args);
const lensTitles = async (uri: vscode.Uri) => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [])
  .map(l => ({ line: l.range.start.line, title: l.command?.title ?? '' }));

suite('Show Hint', () => {
  let exercise: Exercise;

  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    exercise = (await api.exercises.get()).exercises.find(e => e.id === EXERCISE)!;
    assert.ok(exercise?.hints?.['1']?.length && exercise.hints['2']?.length, `${EXERCISE} has hints for tasks 1 and 2`);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a failed task offers a hint; each request reveals the next one, then says all are shown', async () => {
    const uri = await scaffold();
    const { file } = await taskItems(uri);
    const reports = await runTests([file]);
    const failed = reports.filter(r => r.state === 'failed');
    assert.ok(failed.length >= 2, JSON.stringify(reports));
    assert.ok(failed.every(r => r.hint === true), `every failed task's message offers Show Hint (contextValue ${HINT_MESSAGE_CONTEXT})`);
    // Only now, after a failed check, does the CodeLens over a task offer a hint.
    const hints1 = exercise.hints!['1'];
    const { tasks } = await taskItems(uri);
    await waitFor(async () => (await lensTitles(uri)).some(l => l.line === tasks[0].range!.start.line && l.title.includes(`Show Hint (1 of ${hints1.length})`)), 'the hint CodeLens over task 1');

    // As the Testing view's message menus call it: { test, message }.
    const message = Object.assign(new vscode.TestMessage(failed[0].message ?? 'failed'), { contextValue: HINT_MESSAGE_CONTEXT });
    const first = await hint({ test: tasks[0], message });
    assert.deepStrictEqual(first, { file: uri.toString(), task: 1, step: { kind: 'hint', text: hints1[0], number: 1, of: hints1.length } });
    // As the CodeLens calls it (the file and the task): the next hint, more detailed.
    for (let n = 2; n <= hints1.length; n++) {
      const next = await hint(uri, 1);
      assert.deepStrictEqual(next?.step, { kind: 'hint', text: hints1[n - 1], number: n, of: hints1.length }, `hint ${n}`);
    }
    const done = await hint(uri, 1);
    assert.deepStrictEqual(done?.step, { kind: 'all-shown', of: hints1.length, last: hints1[hints1.length - 1] });
    assert.ok((await lensTitles(uri)).some(l => /Hints? Shown/.test(l.title)), 'the CodeLens says all are shown');

    // As the Testing view's row menu calls it (the TestItem), for another task.
    const second = await hint(tasks[1]);
    assert.deepStrictEqual(second?.step, { kind: 'hint', text: exercise.hints!['2'][0], number: 1, of: exercise.hints!['2'].length });
    assert.strictEqual(await api.hints.taken(uri, EXERCISE), hints1.length + 1);
  });

  test('from the palette, the task at the cursor', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'interview-practice', EXERCISE, exercise.file);
    const { tasks } = await taskItems(uri);
    const task3 = tasks[2];
    const editor = await vscode.window.showTextDocument(uri);
    const line = task3.range!.start.line;
    assert.ok(tasks.every(t => t === task3 || t.range!.start.line !== line), 'task 3 has a TODO line of its own');
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const shown = await hint();
    assert.strictEqual(shown?.task, 3, JSON.stringify(shown));
    assert.strictEqual(shown?.step.kind, 'hint');
  });

  test('the hints taken are recorded with the practice result, and told once it passes', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'interview-practice', EXERCISE, exercise.file);
    const taken = await api.hints.taken(uri, EXERCISE);
    assert.ok(taken >= 3, `${taken} hints taken so far`);
    const failing = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', uri);
    assert.ok(failing && failing.passed < failing.total && failing.hints === taken, JSON.stringify({ passed: failing?.passed, hints: failing?.hints }));
    const recorded = await waitFor(() => api.progress.document('guide').practised[TOPIC]?.exercises?.[EXERCISE], 'the result in progress');
    assert.deepStrictEqual(recorded, { passed: failing.passed, total: failing.total, hints: taken });

    // Solved with the reference solution: "passed with N hints" in the CodeLens and the picker.
    // In its open document, as a user edits it (the palette test opened it in an editor).
    await setText(uri, await solutionText(EXERCISE, exercise.file));
    const solved = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', uri);
    assert.ok(solved && solved.passed === solved.total, JSON.stringify(solved?.report.tasks));
    await waitFor(() => api.progress.document('guide').practised[TOPIC]?.exercises?.[EXERCISE]?.passed === solved.total ? true : undefined, 'the passed result in progress');
    assert.deepStrictEqual(await api.hints.outcome(exercise), { passed: solved.total, total: solved.total, hints: taken });
    assert.strictEqual(resultLabel({ passed: solved.total, total: solved.total, hints: taken }), `passed with ${taken} hints`);
    await waitFor(async () => (await lensTitles(uri)).some(l => l.line === 0 && l.title.includes(`Passed with ${taken} hints`)), 'the result CodeLens');
    assert.ok(!(await lensTitles(uri)).some(l => l.title.includes('Show Hint')), 'no hint is offered on passed tasks');
  });

  test('a fresh starter starts the hints again', async () => {
    const uri = await scaffold();
    assert.strictEqual(await api.hints.taken(uri, EXERCISE), 0);
    const shown = await hint(uri, 1);
    assert.strictEqual(shown?.step.kind === 'hint' && shown.step.number, 1);
  });
});
