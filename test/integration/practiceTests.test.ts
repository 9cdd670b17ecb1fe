// Practice files in the Testing view, in the real extension host: native files scaffolded in
// their own language, their tasks listed by the TestController and run through its run
// profile, each task's verdict and message at its line; a Python exercise the same way; a
// check that hangs stopped at the time limit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DjangoPrepApi } from '../../src/extension';
import { waitFor, activated, practiceItem, runPracticeTests, setText, solutionText } from './helpers';

let api: DjangoPrepApi;
const practice = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'interview-practice');

async function scaffold(exercise: string): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri>('djangoPrep.newPracticeFile', { exercise, ifExists: 'overwrite' });
  assert.ok(uri, `${exercise} scaffolded`);
  return uri;
}

const fileItem = (uri: vscode.Uri) => practiceItem(api, uri);
const runTests = (include: vscode.TestItem[]) => runPracticeTests(api, include);

const children = (item: vscode.TestItem) => { const all: vscode.TestItem[] = []; item.children.forEach(c => all.push(c)); return all.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true })); };

const lineOf = (uri: vscode.Uri, re: RegExp) => fs.readFileSync(uri.fsPath, 'utf8').split('\n').findIndex(l => re.test(l));

suite('Practice in the Testing view', () => {
  suiteSetup(async () => {
    api = await activated();
    await vscode.commands.executeCommand('djangoPrep.openBundledGuide');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('djangoPrep').update('checkTimeLimit', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('the Dockerfile exercise is a real Dockerfile beside its project; each task runs and fails at its line, then passes', async () => {
    const uri = await scaffold('dockerfile');
    assert.strictEqual(path.relative(practice().fsPath, uri.fsPath), path.join('dockerfile', 'Dockerfile'));
    for (const f of ['manage.py', 'requirements.txt', 'config/wsgi.py']) { assert.ok(fs.existsSync(path.join(practice().fsPath, 'dockerfile', f)), f); }
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(doc.languageId, 'dockerfile');

    const item = await fileItem(uri);
    const tasks = children(item);
    assert.deepStrictEqual(tasks.map(t => t.label.split(':')[0]), ['Task 1', 'Task 2', 'Task 3', 'Task 4', 'Task 5', 'Task 6']);
    assert.strictEqual(tasks[0].range?.start.line, lineOf(uri, /^# TODO 1:/), 'a task sits at its TODO line');

    const reports = await runTests([item]);
    assert.deepStrictEqual(reports.map(r => [r.task, r.state]), [1, 2, 3, 4, 5, 6].map(n => [n, 'failed']));
    const pinned = reports.find(r => r.task === 1)!;
    assert.match(pinned.message ?? '', /the tag "latest" moves to new releases/);
    assert.strictEqual(pinned.line, lineOf(uri, /^FROM python:latest/), 'the message is at the FROM line');
    const secrets = reports.find(r => r.task === 4)!;
    assert.strictEqual(secrets.line, lineOf(uri, /^ENV DJANGO_SECRET_KEY/));
    await waitFor(() => api.progress.document('guide').practised['deployment/docker-and-docker-compose']?.total === 6 ? true : undefined, 'the result in progress');

    // The reference solution, then one task alone: only that task is run and reported.
    const solution = await solutionText('dockerfile', 'Dockerfile');
    await setText(uri, solution);
    const one = children(await fileItem(uri))[0];
    assert.deepStrictEqual((await runTests([one])).map(r => [r.task, r.state]), [[1, 'passed']]);
    assert.deepStrictEqual((await runTests([await fileItem(uri)])).map(r => r.state), Array(6).fill('passed'));
  });

  test('a Dockerfile that does not parse fails every task at the error\'s line, and shows in Problems', async () => {
    const uri = vscode.Uri.joinPath(practice(), 'dockerfile', 'Dockerfile');
    const text = fs.readFileSync(uri.fsPath, 'utf8').replace('WORKDIR /app', 'WORKDIRR /app');
    await setText(uri, text);
    const reports = await runTests([await fileItem(uri)]);
    const line = text.split('\n').findIndex(l => l.startsWith('WORKDIRR'));
    assert.ok(reports.length === 6 && reports.every(r => r.state === 'failed' && r.line === line && /WORKDIRR/i.test(r.message ?? '')), JSON.stringify(reports[0]));
    const problems = vscode.languages.getDiagnostics(uri);
    assert.ok(problems.some(d => d.range.start.line === line && d.source === 'dockerfile-utils'), JSON.stringify(problems));
  });

  test('the nginx exercise opens as nginx; nginx -t runs for real and a config it rejects fails at the line', async () => {
    const uri = await scaffold('nginx-reverse-proxy');
    assert.strictEqual(path.relative(practice().fsPath, uri.fsPath), path.join('nginx-reverse-proxy', 'conf.d', 'default.conf'));
    assert.strictEqual((await vscode.workspace.openTextDocument(uri)).languageId, 'nginx');
    const reports = await runTests([await fileItem(uri)]);
    assert.deepStrictEqual(reports.map(r => r.state), ['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'passed'], JSON.stringify(reports));
    const text = fs.readFileSync(uri.fsPath, 'utf8').replace('listen 80;', 'listen 80;\n    proxy_buffering maybe;');
    await setText(uri, text);
    const rejected = (await runTests([await fileItem(uri)])).find(r => r.task === 7)!;
    assert.strictEqual(rejected.state, 'failed');
    assert.match(rejected.message ?? '', /nginx -t rejects it: line \d+: .*proxy_buffering/);
    assert.strictEqual(rejected.line, text.split('\n').findIndex(l => l.includes('proxy_buffering')));
  });

  test('compose.yaml opens as YAML (dockercompose); a YAML syntax error fails every task at its line', async () => {
    const uri = await scaffold('docker-compose');
    // VS Code calls compose files "dockercompose" (YAML with Compose's name); plain yaml elsewhere.
    assert.ok(['dockercompose', 'yaml'].includes((await vscode.workspace.openTextDocument(uri)).languageId));
    const ok = await runTests([await fileItem(uri)]);
    assert.ok(ok.length === 6 && ok.some(r => r.state === 'failed'), JSON.stringify(ok));
    await setText(uri, fs.readFileSync(uri.fsPath, 'utf8').replace('\nservices:\n', '\nservices: [oops\n'));
    const broken = await runTests([await fileItem(uri)]);
    assert.ok(broken.every(r => r.state === 'failed' && /^compose\.yaml line \d+: /.test(r.message ?? '')), JSON.stringify(broken[0]));
  });

  test('a Python exercise: tasks from its @task lines, a failing task\'s message at its line', async () => {
    const uri = await scaffold('decorators');
    const item = await fileItem(uri);
    const tasks = children(item);
    assert.ok(tasks.length >= 4, `${tasks.length} tasks`);
    const reports = await runTests([item]);
    assert.strictEqual(reports.length, tasks.length);
    const failed = reports.find(r => r.state === 'failed')!;
    assert.ok(failed, 'the starter fails a task');
    assert.ok(failed.message, 'with a reason');
    assert.strictEqual(failed.line, tasks.find(t => t.label.startsWith(`Task ${failed.task}:`))!.range!.start.line, 'at the task\'s line');
  });

  test('a Python file that hangs is stopped at the time limit and its task fails, never a stuck run', async () => {
    await vscode.workspace.getConfiguration('djangoPrep').update('checkTimeLimit', 3, vscode.ConfigurationTarget.Workspace);
    const uri = await scaffold('decorators');
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    await setText(uri, text.replace(/^if __name__ == "__main__":/m, 'import time as _t\nwhile True:\n    _t.sleep(0.1)\n\nif __name__ == "__main__":'));
    const reports = await runTests([await fileItem(uri)]);
    assert.ok(reports.length >= 4 && reports.every(r => r.state === 'failed'), JSON.stringify(reports));
    assert.match(reports[0].message ?? '', /did not finish within the time limit \(3 s\)/);
  });
});
