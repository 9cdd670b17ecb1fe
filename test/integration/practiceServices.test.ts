// Practice on real services, through the Testing view's own Run profile in the real extension
// host: a PostgreSQL exercise (the check starts a throwaway cluster on a free port and stops it)
// and a git exercise (the check builds a throwaway repository and runs the learner's script in
// it). The starter fails its tasks with a message each; the reference solution passes them all;
// nothing the check started is left running.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { activated, practiceItem, runPracticeTests, setText, solutionText } from './helpers';

let api: DjangoPrepApi;
/** The practice files these tests made, removed after: other suites list the workspace's files. */
const made: vscode.Uri[] = [];

const fileItem = (uri: vscode.Uri) => practiceItem(api, uri);
/** Runs the file's tasks as the Testing view's Run does; the reports of its tasks. */
const run = async (item: vscode.TestItem) => (await runPracticeTests(api, [item])).filter(r => r.task !== undefined);

/** Processes whose command line names `what` (a postgres or git the check started). */
const running = (what: RegExp) => (spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).stdout || '').split('\n').filter(l => what.test(l));

suite('Practice on real services', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of made) { await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined); }
  });

  for (const { exercise, service, leftover } of [
    { exercise: 'lost-update-race', service: 'PostgreSQL', leftover: /djprep-postgresql/ },
    { exercise: 'git-repair-history', service: 'git', leftover: /djprep-git/ },
  ]) {
    test(`the Testing view runs a ${service} task: the starter fails, the solution passes, nothing is left running`, async function () {
      this.timeout(240_000);
      const meta = (await api.exercises.get()).exercises.find(e => e.id === exercise);
      assert.ok(meta, `${exercise} is bundled`);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise, ifExists: 'overwrite' });
      made.push(uri);
      const item = await fileItem(uri);
      const starter = await run(item);
      assert.ok(starter.length >= 2, JSON.stringify(starter));
      const failed = starter.filter(r => r.state === 'failed');
      assert.ok(failed.length >= 1 && failed.every(r => r.message), `the starter fails with a message: ${JSON.stringify(starter)}`);
      assert.ok(!starter.some(r => r.state === 'errored'), `every tool was found: ${JSON.stringify(starter)}`);
      await setText(uri, await solutionText(exercise, meta.file));
      const solved = await run(await fileItem(uri));
      assert.deepStrictEqual(solved.map(r => r.state), solved.map(() => 'passed'), JSON.stringify(solved));
      assert.deepStrictEqual(running(leftover), [], 'nothing the check started is still running');
    });
  }
});
