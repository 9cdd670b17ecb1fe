// The editor's Python, in the real extension host: with djangoPrep.pythonPath empty, checks use the
// interpreter selected in the Python extension, read through @vscode/python-extension. The window
// has a stand-in for that extension (test/fixtures/fake-python-extension) whose selection is
// changed with its API's own updateActiveEnvironmentPath(). A change re-runs discovery; a
// virtual environment without Django gets the missing-packages message, naming its own pip.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PythonExtension } from '@vscode/python-extension';
import type { DjangoPrepApi } from '../../src/extension';
import type { CheckOutcome } from '../../src/vscode/practice/practiceCheck';
import type { Discovery } from '../../src/vscode/practice/practiceTests';
import { activated, waitFor } from './helpers';

const SYSTEM_PYTHON = '/usr/bin/python3';

/** The next `event` that satisfies `accept`, or an error naming `what` after `ms`. */
function next<T>(event: vscode.Event<T>, accept: (e: T) => boolean, what: string, ms = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, ms);
    const sub = event(e => { if (accept(e)) { clearTimeout(timer); sub.dispose(); resolve(e); } });
  });
}

suite('The editor\'s Python (the Python extension\'s interpreter)', () => {
  let api: DjangoPrepApi;
  let python: PythonExtension;
  let practiceFile: vscode.Uri;
  let venvPython: string;
  let before: string | undefined;
  const config = () => vscode.workspace.getConfiguration('djangoPrep');

  suiteSetup(async function () {
    this.timeout(120000);
    api = await activated();
    const ext = vscode.extensions.getExtension<PythonExtension>('ms-python.python');
    assert.ok(ext, 'the stand-in for the Python extension is installed in this window');
    python = ext.isActive ? ext.exports : await ext.activate();
    // A real virtual environment without Django or DRF (Debian's python3, no pip needed).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'djp-venv-'));
    const made = spawnSync(SYSTEM_PYTHON, ['-m', 'venv', '--without-pip', path.join(dir, 'venv')], { encoding: 'utf8' });
    assert.strictEqual(made.status, 0, made.stderr);
    venvPython = path.join(dir, 'venv', 'bin', 'python');
    await python.environments.updateActiveEnvironmentPath(SYSTEM_PYTHON);
    // The workspace names Debian's Python for the other suites: empty here, so the Python extension's counts.
    before = config().inspect<string>('pythonPath')?.workspaceValue;
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
    practiceFile = (await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise: 'drf-crud', ifExists: 'overwrite' }))!;
    assert.ok(practiceFile, 'drf-crud scaffolded');
    await api.practiceTests.discover();
  });

  suiteTeardown(async () => {
    await python?.environments.updateActiveEnvironmentPath(SYSTEM_PYTHON);
    await config().update('pythonPath', before, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('with djangoPrep.pythonPath empty, checks use the interpreter selected in the Python extension', async () => {
    assert.deepStrictEqual(await api.practice.interpreter.pythonFor(practiceFile), { path: SYSTEM_PYTHON, source: 'python-extension' });
    await config().update('pythonPath', '/opt/my/python', vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepStrictEqual(await api.practice.interpreter.pythonFor(practiceFile), { path: '/opt/my/python', source: 'setting' }, 'the setting, when set, is the explicit choice');
    } finally {
      await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('selecting a Python without Django re-runs discovery, which says what it lacks and how to install it there', async () => {
    const item = () => api.practiceTests.controller.items.get(practiceFile.toString());
    assert.strictEqual(item()?.error, undefined, 'Debian\'s Python has Django and DRF');
    const discovered = next<Discovery>(api.practiceTests.onDidDiscover, d => d.missing.length > 0, 'a discovery after the interpreter changed');
    const notified = next(api.practiceTests.onDidFindMissingPackages, m => m.python === venvPython, 'the notification');
    await python.environments.updateActiveEnvironmentPath(venvPython);
    const discovery = await discovered;
    assert.ok(discovery.files.some(f => f.toString() === practiceFile.toString()), 'the practice file is listed again');
    // On the file, in the Testing view: what its exercise needs.
    const own = `${venvPython} lacks Django and Django REST framework (modules django and rest_framework), which the practice checks import. `
      + `Install them into that Python: ${venvPython} -m pip install django djangorestframework`;
    assert.strictEqual(item()?.error, own);
    // In one notification for that interpreter: what all the practice files need (earlier suites left others).
    const told = await notified;
    assert.ok(['django', 'rest_framework'].every(m => told.missing.includes(m)), told.message);
    assert.match(told.command, new RegExp(`^${venvPython.replace(/[.]/g, '\\.')} -m pip install ([\\w-]+ )*django ([\\w-]+ )*djangorestframework\\b`));
    assert.ok(told.message.endsWith(`Install them into that Python: ${told.command}`), told.message);
    assert.doesNotMatch(told.message, /sudo\s+(\S+\s+)?pip/);
    assert.ok(discovery.missing.includes(told));
  });

  test('a check with that Python stops on the missing packages and says the same', async () => {
    const outcome = await vscode.commands.executeCommand<CheckOutcome>('djangoPrep.checkPracticeFile', practiceFile);
    assert.strictEqual(outcome?.python, venvPython);
    assert.strictEqual(outcome.report.problem?.kind, 'missing-package');
    assert.ok(outcome.report.tasks.length > 0 && outcome.report.tasks.every(t => t.status === 'errored'), 'no task is judged without Django');
    for (const t of outcome.report.tasks) { assert.match(t.message ?? '', new RegExp(`${venvPython.replace(/[.]/g, '\\.')} -m pip install django djangorestframework`)); }
    assert.strictEqual(outcome.missing?.command, `${venvPython} -m pip install django djangorestframework`);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('selecting one that has them re-runs discovery and clears the message', async () => {
    const discovered = next<Discovery>(api.practiceTests.onDidDiscover, d => d.missing.length === 0, 'a discovery with nothing missing');
    await python.environments.updateActiveEnvironmentPath(SYSTEM_PYTHON);
    await discovered;
    await waitFor(() => api.practiceTests.controller.items.get(practiceFile.toString())?.error === undefined, 'the error gone from the item');
  });
});
