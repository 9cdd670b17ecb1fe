// The Testing view: every practice file (Python, Dockerfile, nginx, Compose) is a test item with
// its tasks as children, each at the line it starts. Running a task, a file or all of them runs
// the file's real check once (PracticeCheck.run) and marks each task passed or failed with its
// message at the line. Check Practice File and the CodeLens come through here too, so every
// check shows in the Testing view. Nothing runs in Restricted Mode; the items say why.
import * as path from 'path';
import * as vscode from 'vscode';
import { HINT_MESSAGE_CONTEXT } from '../../core/practice/hints';
import type { TaskAnchor, TaskResult } from '../../core/practice/tasks';
import { Disposable } from '../disposable';
import { restrictedSetting } from '../restrictedSettings';
import { settingUri } from '../settingUri';
import { type CheckOutcome, type PracticeCheck, type PracticeFile, UNTRUSTED } from './practiceCheck';
import { DEFAULT_PRACTICE_FOLDER } from './practiceScaffold';
import type { MissingPackages } from './pythonInterpreter';

/** What a run reported for one task: the same calls the Testing view got, for tests and the API. */
export interface TaskReport {
  readonly file: string;
  readonly task?: number;
  readonly state: 'passed' | 'failed' | 'errored' | 'skipped';
  readonly message?: string;
  /** 0-based line of the message. */
  readonly line?: number;
  /** The failed task's message offers Show Hint (its exercise has hints for it). */
  readonly hint?: boolean;
}

/** What one discovery found: the practice files listed, and what their interpreters lack. */
export interface Discovery {
  readonly files: readonly vscode.Uri[];
  readonly missing: readonly MissingPackages[];
}

export class PracticeTests extends Disposable {
  private readonly reported = this._register(new vscode.EventEmitter<TaskReport>());
  /** Every verdict given to the Testing view, as it is given. */
  readonly onDidReport = this.reported.event;
  private readonly discovered = this._register(new vscode.EventEmitter<Discovery>());
  /** Each discovery of the practice files, once its items (and what the interpreter lacks) are set. */
  readonly onDidDiscover = this.discovered.event;
  private readonly missingFound = this._register(new vscode.EventEmitter<MissingPackages>());
  /** A notification about missing packages, as it is shown. */
  readonly onDidFindMissingPackages = this.missingFound.event;
  /** Which practice file each item stands for. */
  private readonly files = new WeakMap<vscode.TestItem, PracticeFile>();
  private discovering: Promise<void> | undefined;
  /** Per Python file's item: what its interpreter lacks, shown as the item's error. */
  private readonly packageProblems = new Map<string, string>();
  /** The interpreters and missing packages already told about in a notification this session. */
  private readonly told = new Set<string>();
  private parts: { readonly controller: vscode.TestController; readonly runProfile: vscode.TestRunProfile } | undefined;

  constructor(private readonly check: PracticeCheck) {
    super();
  }

  /** The Testing view's controller, created on first use (start() just after activation), not in activate(). */
  get controller(): vscode.TestController { return (this.parts ??= this.create()).controller; }
  get runProfile(): vscode.TestRunProfile { return (this.parts ??= this.create()).runProfile; }

  private create(): NonNullable<PracticeTests['parts']> {
    const controller = this._register(vscode.tests.createTestController('djangoPrep.practice', 'Django Prep Practice'));
    controller.resolveHandler = item => (item ? Promise.resolve() : this.discover());
    controller.refreshHandler = () => this.discover();
    const runProfile = this._register(controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.execute(request, token).then(() => undefined), true));
    this._register(vscode.workspace.onDidOpenTextDocument(doc => void this.update(doc)));
    this._register(vscode.workspace.onDidChangeTextDocument(e => void this.update(e.document)));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.discover()));
    // Another interpreter may lack other packages: list the files again and say what it lacks.
    this._register(this.check.interpreter.onDidChange(() => void this.discover()));
    return { controller, runProfile };
  }

  /**
   * Called just after activation: the controller, then the practice files listed at once, so a
   * returning user's Testing view, gutter buttons and CodeLenses need nothing opened first.
   */
  start(): Promise<void> {
    return this.discover();
  }

  /**
   * Items for the practice folder's files and any open practice file. Files not open are read
   * from disk, not opened as documents (which would wake language servers for each at startup).
   */
  discover(): Promise<void> {
    // One discovery at a time; one asked for meanwhile runs once the current one ends.
    const next = () => this.discoverOnce();
    this.discovering = (this.discovering ?? Promise.resolve()).then(next, next);
    return this.discovering;
  }

  private async discoverOnce(): Promise<void> {
    const setting = restrictedSetting('practiceFolder', DEFAULT_PRACTICE_FOLDER).trim() || DEFAULT_PRACTICE_FOLDER;
    const folder = settingUri(setting);
    const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
    const items: vscode.TestItem[] = [];
    if (folder && await exists(folder)) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), '**/{node_modules,.git,__pycache__,.venv}/**', 2000).then(undefined, () => [] as vscode.Uri[]);
      const { kindOfFile } = await import('../../core/practice/tasks');
      for (const uri of found.filter(u => kindOfFile(u.path) && !open.has(u.toString()))) {
        const text = await readSmall(uri);
        const item = text === undefined ? undefined : await this.updateFrom(uri, text);
        if (item) { items.push(item); }
      }
    }
    for (const doc of open.values()) { const item = await this.update(doc); if (item) { items.push(item); } }
    const missing = await this.checkPackages(items);
    this.discovered.fire({ files: items.map(i => i.uri!), missing });
  }

  /** Adds, refreshes or removes the item of one document. */
  update(doc: vscode.TextDocument): Promise<vscode.TestItem | undefined> {
    return this.updateFrom(doc.uri, doc.getText());
  }

  private async updateFrom(uri: vscode.Uri, text: string): Promise<vscode.TestItem | undefined> {
    if (uri.scheme !== 'file') { return undefined; }
    const id = uri.toString();
    const found = await this.check.identifyText(uri, text.slice(0, 600));
    if (!found) { this.controller.items.delete(id); return undefined; }
    const { tasksOf } = await import('../../core/practice/runCheck');
    let item = this.controller.items.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, found.exercise?.title ?? path.basename(uri.fsPath), uri);
      this.controller.items.add(item);
    }
    item.description = vscode.workspace.asRelativePath(uri);
    item.range = new vscode.Range(0, 0, 0, 0);
    item.error = vscode.workspace.isTrusted ? this.packageProblems.get(id) : UNTRUSTED;
    item.children.replace(tasksOf(found.kind, text).map(t => this.taskItem(item!, uri, t)));
    this.files.set(item, found);
    return item;
  }

  /**
   * Asks each Python file's interpreter for the packages its exercise needs (never in Restricted
   * Mode, which runs nothing). What is missing becomes the item's error, and a notification says
   * once per interpreter how to install it there.
   */
  private async checkPackages(items: readonly vscode.TestItem[]): Promise<MissingPackages[]> {
    const python = items.filter(i => this.files.get(i)?.kind === 'python');
    if (!vscode.workspace.isTrusted || !python.length) { return []; }
    this.check.interpreter.forgetProbes(); // packages may have been installed since the last time
    const needed = new Map<string, Set<string>>();
    for (const item of python) {
      const chosen = (await this.check.interpreter.pythonFor(item.uri)).path;
      const requires = this.files.get(item)?.exercise?.requires ?? [];
      const missing = await this.check.interpreter.missing(chosen, requires);
      if (missing) { this.packageProblems.set(item.id, missing.message); } else { this.packageProblems.delete(item.id); }
      item.error = this.packageProblems.get(item.id);
      needed.set(chosen, new Set([...(needed.get(chosen) ?? []), ...requires]));
    }
    // One notification per interpreter, for everything its files need.
    const found = new Map<string, MissingPackages>();
    for (const [chosen, modules] of needed) {
      const missing = await this.check.interpreter.missing(chosen, [...modules].sort());
      if (missing) { found.set(`${chosen}\0${missing.missing.join(',')}`, missing); }
    }
    for (const [key, m] of found) {
      if (this.told.has(key)) { continue; }
      this.told.add(key);
      this.missingFound.fire(m);
      void vscode.window.showWarningMessage(`Django Prep: ${m.message}`, 'Copy Install Command')
        .then(c => { if (c) { void vscode.env.clipboard.writeText(m.command); } });
    }
    return [...found.values()];
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
        // What this run found about the interpreter replaces what discovery last found.
        if (outcome.kind === 'python') {
          if (outcome.missing) { this.packageProblems.set(file.id, outcome.missing.message); } else { this.packageProblems.delete(file.id); }
        }
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
    const task = r?.number ?? taskNumber(item.id);
    // The message menus (package.json, testing/message/*) offer Show Hint on this value.
    const hint = state === 'failed' && task !== undefined && !!this.files.get(item.parent ?? item)?.exercise?.hints?.[String(task)]?.length;
    if (state === 'passed') { run.passed(item); }
    else if (state === 'failed') { run.failed(item, Object.assign(m ?? new vscode.TestMessage('failed'), hint ? { contextValue: HINT_MESSAGE_CONTEXT } : {})); }
    else if (state === 'errored') { run.errored(item, m ?? new vscode.TestMessage('could not be checked')); }
    else { run.skipped(item); }
    this.reported.fire({ file: item.uri?.fsPath ?? '', task, state, message, line: state === 'passed' ? undefined : line, ...(hint ? { hint } : {}) });
  }
}

function* iterate(items: vscode.TestItemCollection): Generator<vscode.TestItem> {
  const all: vscode.TestItem[] = [];
  items.forEach(i => all.push(i));
  yield* all;
}

const taskNumber = (id: string) => { const m = /#task-(\d+)$/.exec(id); return m ? Number(m[1]) : undefined; };

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}

/** A practice file's text, when it is a file of a sane size (a practice file is a few KB). */
async function readSmall(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > 1024 * 1024) { return undefined; }
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch { return undefined; }
}
