// The Testing view: every practice file (Python, Dockerfile, nginx, Compose) is a test item with
// its tasks as children, each at the line it starts. Running a task, a file or all of them runs
// the file's real check once (PracticeCheck.run) and marks each task passed or failed with its
// message at the line. Check Practice File and the CodeLens come through here too, so every
// check shows in the Testing view. Nothing runs in Restricted Mode; the items say why.
import * as path from 'path';
import * as vscode from 'vscode';
import type { TaskAnchor, TaskResult } from '../../core/practice/tasks';
import { Disposable } from '../disposable';
import { restrictedSetting } from '../restrictedSettings';
import { settingUri } from '../settingUri';
import { type CheckOutcome, type PracticeCheck, UNTRUSTED } from './practiceCheck';
import { DEFAULT_PRACTICE_FOLDER } from './practiceScaffold';

/** What a run reported for one task: the same calls the Testing view got, for tests and the API. */
export interface TaskReport {
  readonly file: string;
  readonly task?: number;
  readonly state: 'passed' | 'failed' | 'errored' | 'skipped';
  readonly message?: string;
  /** 0-based line of the message. */
  readonly line?: number;
}

export class PracticeTests extends Disposable {
  readonly controller: vscode.TestController;
  readonly runProfile: vscode.TestRunProfile;
  private readonly reported = this._register(new vscode.EventEmitter<TaskReport>());
  /** Every verdict given to the Testing view, as it is given. */
  readonly onDidReport = this.reported.event;

  constructor(private readonly check: PracticeCheck) {
    super();
    this.controller = this._register(vscode.tests.createTestController('djangoPrep.practice', 'Django Prep Practice'));
    this.controller.resolveHandler = item => (item ? Promise.resolve() : this.discover());
    this.controller.refreshHandler = () => this.discover();
    this.runProfile = this._register(this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.execute(request, token).then(() => undefined), true));
    this._register(vscode.workspace.onDidOpenTextDocument(doc => void this.update(doc)));
    this._register(vscode.workspace.onDidChangeTextDocument(e => void this.update(e.document)));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.controller.items.forEach(i => { i.error = undefined; })));
  }

  /** Items for the practice folder's files and any open practice file. */
  async discover(): Promise<void> {
    const setting = restrictedSetting('practiceFolder', DEFAULT_PRACTICE_FOLDER).trim() || DEFAULT_PRACTICE_FOLDER;
    const folder = settingUri(setting);
    if (folder) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), '**/{node_modules,.git,__pycache__,.venv}/**', 2000).then(undefined, () => [] as vscode.Uri[]);
      const { kindOfFile } = await import('../../core/practice/tasks');
      for (const uri of found.filter(u => kindOfFile(u.path))) {
        try { await this.update(await vscode.workspace.openTextDocument(uri)); } catch { /* unreadable: not listed */ }
      }
    }
    for (const doc of vscode.workspace.textDocuments) { await this.update(doc); }
  }

  /** Adds, refreshes or removes the item of one document. */
  async update(doc: vscode.TextDocument): Promise<vscode.TestItem | undefined> {
    if (doc.uri.scheme !== 'file') { return undefined; }
    const id = doc.uri.toString();
    const found = await this.check.identify(doc);
    if (!found) { this.controller.items.delete(id); return undefined; }
    const { tasksOf } = await import('../../core/practice/runCheck');
    let item = this.controller.items.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, found.exercise?.title ?? path.basename(doc.uri.fsPath), doc.uri);
      this.controller.items.add(item);
    }
    item.description = vscode.workspace.asRelativePath(doc.uri);
    item.range = new vscode.Range(0, 0, 0, 0);
    item.error = vscode.workspace.isTrusted ? undefined : UNTRUSTED;
    item.children.replace(tasksOf(found.kind, doc.getText()).map(t => this.taskItem(item!, doc.uri, t)));
    return item;
  }

  private taskItem(parent: vscode.TestItem, uri: vscode.Uri, t: TaskAnchor): vscode.TestItem {
    const child = this.controller.createTestItem(`${parent.id}#task-${t.number}`, `Task ${t.number}: ${t.title}`, uri);
    child.range = new vscode.Range(t.line, 0, t.line, 0);
    child.sortText = String(t.number).padStart(4, '0');
    return child;
  }

  async isPracticeFile(doc: vscode.TextDocument): Promise<boolean> {
    return (await this.check.identify(doc)) !== undefined;
  }

  /** Check Practice File and the CodeLens: the same run, shown in the Testing view. */
  async checkFile(uri: vscode.Uri): Promise<CheckOutcome | undefined> {
    const item = await this.update(await vscode.workspace.openTextDocument(uri));
    if (!item) { return undefined; }
    const outcomes = await this.execute(new vscode.TestRunRequest([item]), new vscode.CancellationTokenSource().token);
    const outcome = outcomes[0];
    if (outcome) { await this.check.notify(outcome); }
    return outcome;
  }

  /** Runs each requested file once and reports its tasks. Returns what each file's run found. */
  async execute(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<CheckOutcome[]> {
    if (!request.include) { await this.discover(); }
    const roots = new Map<string, { file: vscode.TestItem; tasks: Set<string> | 'all' }>();
    const excluded = new Set((request.exclude ?? []).map(i => i.id));
    for (const item of request.include ?? [...iterate(this.controller.items)]) {
      if (excluded.has(item.id)) { continue; }
      const file = item.parent ?? item;
      const entry = roots.get(file.id) ?? { file, tasks: new Set<string>() };
      entry.tasks = item.parent && entry.tasks !== 'all' ? entry.tasks.add(item.id) : 'all';
      roots.set(file.id, entry);
    }
    const run = this.controller.createTestRun(request, 'Django Prep: practice checks', true);
    const outcomes: CheckOutcome[] = [];
    try {
      for (const { file, tasks } of roots.values()) {
        if (token.isCancellationRequested) { break; }
        const wanted = [...iterate(file.children)].filter(c => tasks === 'all' || tasks.has(c.id));
        if (!vscode.workspace.isTrusted) {
          for (const t of wanted.length ? wanted : [file]) { this.give(run, t, 'errored', UNTRUSTED); }
          void vscode.window.showWarningMessage(`Django Prep: ${UNTRUSTED}`, 'Manage Workspace Trust')
            .then(c => { if (c) { void vscode.commands.executeCommand('workbench.trust.manage'); } });
          continue;
        }
        wanted.forEach(t => run.started(t));
        run.appendOutput(`\x1b[2m── ${file.label} (${file.description ?? ''})\x1b[0m\r\n`, undefined, file);
        const outcome = await this.check.run(file.uri!, { token, onOutput: s => run.appendOutput(s.replace(/\r?\n/g, '\r\n'), undefined, file) });
        if (!outcome) { this.give(run, file, 'errored', 'This is no longer a practice file (its "# Exercise id:" line is gone).'); continue; }
        outcomes.push(outcome);
        // The file may have changed since it was listed: list its tasks again from what ran.
        const doc = await vscode.workspace.openTextDocument(file.uri!);
        await this.update(doc);
        if (outcome.report.output && outcome.kind !== 'python' && outcome.kind !== 'nginx') { run.appendOutput(`${outcome.report.output.replace(/\n/g, '\r\n')}\r\n`, undefined, file); }
        const results = new Map(outcome.report.tasks.map(t => [`${file.id}#task-${t.number}`, t]));
        for (const child of iterate(file.children)) {
          if (tasks !== 'all' && !tasks.has(child.id)) { continue; }
          const r = results.get(child.id);
          if (!r) { this.give(run, child, 'errored', 'The check did not report this task.'); continue; }
          this.give(run, child, r.status, r.message, r.line ?? child.range?.start.line, r);
        }
        // The Python runner prints its own summary line.
        if (outcome.kind !== 'python' || outcome.report.problem) { run.appendOutput(`${outcome.passed} of ${outcome.total} tasks pass\r\n`, undefined, file); }
        run.appendOutput('\r\n', undefined, file);
      }
    } finally {
      run.end();
    }
    return outcomes;
  }

  private give(run: vscode.TestRun, item: vscode.TestItem, state: TaskReport['state'], message?: string, line?: number, r?: TaskResult): void {
    const at = line !== undefined && item.uri ? new vscode.Location(item.uri, new vscode.Range(line, 0, line, 1000)) : undefined;
    // Shown at that line, "line N: " (or "Dockerfile line N: ") would only repeat where it is.
    const text = message && at ? message.replace(new RegExp(`^(?:[\\w.]+ )?line ${(line ?? 0) + 1}: `), '') : message;
    const m = text ? Object.assign(new vscode.TestMessage(text), { location: at }) : undefined;
    if (state === 'passed') { run.passed(item); }
    else if (state === 'failed') { run.failed(item, m ?? new vscode.TestMessage('failed')); }
    else if (state === 'errored') { run.errored(item, m ?? new vscode.TestMessage('could not be checked')); }
    else { run.skipped(item); }
    this.reported.fire({ file: item.uri?.fsPath ?? '', task: r?.number ?? taskNumber(item.id), state, message, line: state === 'passed' ? undefined : line });
  }
}

function* iterate(items: vscode.TestItemCollection): Generator<vscode.TestItem> {
  const all: vscode.TestItem[] = [];
  items.forEach(i => all.push(i));
  yield* all;
}

const taskNumber = (id: string) => { const m = /#task-(\d+)$/.exec(id); return m ? Number(m[1]) : undefined; };
