import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { accept, waitFor, activated } from './helpers';
import type { CheckOutcome } from '../../src/vscode/practice/practiceCheck';
import type { TaskReport } from '../../src/vscode/practice/practiceTests';

let api: DjangoPrepApi;


const folder = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'interview-practice');
const exists = (uri: vscode.Uri) => fs.existsSync(uri.fsPath);


suite('Practice files', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    fs.rmSync(folder().fsPath, { recursive: true, force: true });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the palette command offers every exercise grouped by section and writes the one picked', async () => {
    const catalog = await api.exercises.get();
    assert.ok(catalog.exercises.length >= 22, `${catalog.exercises.length} exercises`);
    assert.deepStrictEqual(catalog.problems, []);
    const made = vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile');
    await accept('Django Prep: New Practice File');
    const uri = await made;
    assert.ok(uri && exists(uri), 'a file was written');
    assert.strictEqual(path.dirname(uri.fsPath), folder().fsPath, 'into djangoPrep.practiceFolder');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath, 'and opened');
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^# Django Interview Prep: .*\n# Exercise id: [a-z-]+\n/);
  });

  test('the tree action scaffolds its topic\'s exercise; again, it never overwrites: open, numbered copy, or confirm', async () => {
    const doc = (await api.store.get())!;
    const topic = doc.get('django/signals')!;
    const first = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', topic);
    assert.ok(first && path.basename(first.fsPath) === 'signals_on_commit.py', String(first?.fsPath));
    const mine = fs.readFileSync(first.fsPath, 'utf8') + '\n# my work in progress\n';
    fs.writeFileSync(first.fsPath, mine);

    const again = vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', topic);
    await accept(/already exists$/); // Open the Existing File
    assert.strictEqual((await again)?.fsPath, first.fsPath);
    assert.strictEqual(fs.readFileSync(first.fsPath, 'utf8'), mine, 'nothing overwritten');

    const copy = vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', topic);
    await accept(/already exists$/, 1); // Create a Numbered Copy
    assert.strictEqual(path.basename((await copy)!.fsPath), 'signals_on_commit-2.py');
    assert.strictEqual(fs.readFileSync(first.fsPath, 'utf8'), mine);

    const cancelled = vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', topic);
    await waitFor(() => /already exists$/.test(api.box()?.title ?? ''), 'the box asking what to do');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await cancelled, undefined);
    assert.strictEqual(fs.readFileSync(first.fsPath, 'utf8'), mine, 'backing out changes nothing');
  });

  test('checking reports each task to the Testing view, says N of M and records it; the solution passes', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'signals_on_commit.py');
    const reports: TaskReport[] = [];
    const sub = api.practiceTests.onDidReport(r => reports.push(r));
    const outcome = await Promise.resolve(vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', uri)).finally(() => sub.dispose());
    assert.ok(outcome && outcome.total >= 4 && outcome.passed < outcome.total, JSON.stringify(outcome?.report));
    assert.deepStrictEqual(reports.map(r => r.task), outcome.report.tasks.map(t => t.number), 'every task reported to the Testing view');
    assert.ok(reports.some(r => r.state === 'failed' && r.message && r.line !== undefined), 'a failed task with its message at a line');
    await waitFor(() => api.progress.document('guide').practised['django/signals']?.total === outcome.total ? true : undefined, 'the result in progress');

    // The reference solution, as the diff shows it, passes everything.
    const diffShown = await vscode.commands.executeCommand<boolean>('djangoPrep.showSolution', uri);
    assert.strictEqual(diffShown, true);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
    assert.ok(tab.input instanceof vscode.TabInputTextDiff, 'a diff is open');
    const diff = tab.input as vscode.TabInputTextDiff;
    assert.strictEqual(diff.original.fsPath, uri.fsPath);
    assert.strictEqual(diff.modified.scheme, 'djangoprep-solution');
    const solution = (await vscode.workspace.openTextDocument(diff.modified)).getText();
    fs.writeFileSync(uri.fsPath, solution);
    const solved = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', uri);
    assert.ok(solved && solved.passed === solved.total, JSON.stringify(solved?.report));
    await waitFor(() => api.progress.document('guide').practised['django/signals']?.passed === solved.total ? true : undefined, 'the solved result in progress');
    await api.topicProgress.compute();
    const item = api.tree.getTreeItem((await api.store.get())!.get('django/signals')!);
    assert.match(String(item.description), new RegExp(`${solved.total}/${solved.total} tasks`));
  });

  test('a Python without Django gets an outcome naming the package to install', async () => {
    // Debian's python3 with -S: no site-packages, so no Django, like a bare interpreter.
    const bare = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'djp-python-')), 'python3');
    fs.writeFileSync(bare, '#!/bin/sh\nexec /usr/bin/python3 -S "$@"\n', { mode: 0o755 });
    const config = vscode.workspace.getConfiguration('djangoPrep');
    const before = config.inspect<string>('pythonPath')?.workspaceValue;
    await config.update('pythonPath', bare, vscode.ConfigurationTarget.Workspace);
    try {
      const outcome = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', vscode.Uri.joinPath(folder(), 'signals_on_commit-2.py'));
      assert.strictEqual(outcome?.report.problem?.kind, 'missing-package');
      assert.ok(outcome.report.tasks.every(t => t.status === 'errored'), 'no task is judged without Django');
      // Debian's Python is system-managed (PEP 668): pip refuses there, so a virtual environment or apt.
      assert.match(outcome.report.problem.detail, new RegExp(`^${bare.replace(/[.]/g, '\\.')} lacks Django \\(the module django\\)`));
      assert.match(outcome.report.problem.detail, /-m venv \.venv.*\.venv\/bin\/python -m pip install django\b/);
      assert.doesNotMatch(outcome.report.problem.detail, /sudo\s+(\S+\s+)?pip/);
    } finally {
      await config.update('pythonPath', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a templates folder of the user\'s adds exercises and replaces a bundled one with the same id', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-templates-'));
    const write = (id: string, topic: string, title: string) => {
      fs.mkdirSync(path.join(own, id));
      fs.writeFileSync(path.join(own, id, 'exercise.json'), JSON.stringify({ id, title, topic, description: 'Mine.', file: `${id.replace(/-/g, '_')}.py`, requires: [] }));
      const body = `# Django Interview Prep: ${title}\n# Topic: mine\n# {{task-runner}}\n# TODO 1: make it true\nDONE = False\n@task(1, "done")\ndef check():\n    assert DONE\n`;
      fs.writeFileSync(path.join(own, id, 'starter.py'), body);
      fs.writeFileSync(path.join(own, id, 'solution.py'), body.replace('DONE = False', 'DONE = True'));
    };
    write('decorators', 'python/decorators', 'My decorators drill');
    write('my-own-drill', 'django/signals', 'My own drill');
    fs.mkdirSync(path.join(own, 'broken'));
    fs.writeFileSync(path.join(own, 'broken', 'exercise.json'), '{ "id": "broken", "file": "../escape.py" }');
    await vscode.workspace.getConfiguration('djangoPrep').update('templatesFolder', own, vscode.ConfigurationTarget.Workspace);
    try {
      const catalog = await waitFor(async () => { const c = await api.exercises.get(); return c.exercises.some(e => e.id === 'my-own-drill') ? c : undefined; }, 'the user templates');
      const decorators = catalog.exercises.find(e => e.id === 'decorators')!;
      assert.deepStrictEqual([decorators.title, decorators.origin], ['My decorators drill', 'user']);
      assert.ok(catalog.problems.some(p => /broken/.test(p)), 'an invalid one is skipped and reported');
      const made = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise: 'my-own-drill' });
      assert.match(fs.readFileSync(made.fsPath, 'utf8'), /^# Django Interview Prep: My own drill\n# Exercise id: my-own-drill\n/);
      assert.ok(!fs.existsSync(path.join(folder().fsPath, '..', 'escape.py')));
    } finally {
      await vscode.workspace.getConfiguration('djangoPrep').update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a missing interpreter gets a clear outcome instead of a crash', async () => {
    const config = vscode.workspace.getConfiguration('djangoPrep');
    const before = config.inspect<string>('pythonPath')?.workspaceValue;
    await config.update('pythonPath', '/nonexistent/python3', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = vscode.Uri.joinPath(folder(), 'signals_on_commit-2.py');
      const outcome = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', uri);
      assert.strictEqual(outcome?.python, '/nonexistent/python3');
      assert.strictEqual(outcome?.report.problem?.kind, 'no-python');
      assert.ok(outcome.report.tasks.every(t => t.status === 'errored'));
    } finally {
      await config.update('pythonPath', before, vscode.ConfigurationTarget.Workspace);
    }
  });
});
