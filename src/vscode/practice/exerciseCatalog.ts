// Exercises bundled under content/exercises/, plus the user's own from djangoPrep.templatesFolder
// (same layout; an exercise there replaces a bundled one with the same id). In Restricted Mode
// only the bundled ones are read: a user's templates become code in the workspace.
import * as vscode from 'vscode';
import type { Exercise, Templates } from '../../core/practice/exercises';
import { Disposable } from '../disposable';
import { restrictedSetting } from '../restrictedSettings';
import { settingUri } from '../settingUri';

export const EXERCISES_DIR = ['content', 'exercises'];

export interface Catalog {
  readonly exercises: readonly Exercise[];
  readonly templates: Templates;
  /** Exercises left out, with why. */
  readonly problems: readonly string[];
}

const decoder = new TextDecoder();

export class ExerciseCatalog extends Disposable {
  private loading: Promise<Catalog> | undefined;
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: (line: string) => void) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('djangoPrep.templatesFolder')) { this.reload(); }
    }));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()));
  }

  private reload(): void {
    this.loading = undefined;
    this.changed.fire();
  }

  get(): Promise<Catalog> {
    this.loading ??= this.load();
    return this.loading;
  }

  async forTopic(topic: string): Promise<Exercise[]> {
    return (await this.get()).exercises.filter(e => e.topic === topic);
  }

  private async load(): Promise<Catalog> {
    const { exerciseProblems, printableName, templateFileProblem } = await import('../../core/practice/exercises');
    const bundled = vscode.Uri.joinPath(this.extensionUri, ...EXERCISES_DIR);
    const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
    /** A user's template file, read only when it is a plain file of a sane size inside its folder. */
    const readTemplate = async (dir: vscode.Uri, file: string, origin: Exercise['origin']) => {
      const uri = vscode.Uri.joinPath(dir, file);
      if (origin === 'user') {
        const stat = await vscode.workspace.fs.stat(uri);
        const problem = templateFileProblem(file, { symlink: (stat.type & vscode.FileType.SymbolicLink) !== 0, isFile: (stat.type & vscode.FileType.File) !== 0, size: stat.size });
        if (problem) { throw new Error(problem); }
      }
      return read(uri);
    };
    const templates = { django: await read(vscode.Uri.joinPath(bundled, '_django.py')), runner: await read(vscode.Uri.joinPath(bundled, '_runner.py')), services: await read(vscode.Uri.joinPath(bundled, '_services.py')) };
    const problems: string[] = [];
    const byId = new Map<string, Exercise>();
    const scan = async (root: vscode.Uri, origin: Exercise['origin']) => {
      let entries: Array<[string, vscode.FileType]>;
      try { entries = await vscode.workspace.fs.readDirectory(root); } catch (e) {
        if (origin === 'user') { problems.push(`templates folder ${root.fsPath || root.toString()} cannot be read: ${e instanceof Error ? e.message : String(e)}`); }
        return;
      }
      for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
        if (name.startsWith('_') || name.startsWith('.')) { continue; }
        if (type & vscode.FileType.SymbolicLink) {
          if (origin === 'user') { problems.push(`user exercise ${printableName(name)}: the folder is a symbolic link; templates must be folders inside the templates folder`); }
          continue;
        }
        if (type !== vscode.FileType.Directory) { continue; }
        const dir = vscode.Uri.joinPath(root, name);
        try {
          const meta: unknown = JSON.parse(await readTemplate(dir, 'exercise.json', origin));
          const found = exerciseProblems(meta, name);
          if (found.length) { problems.push(...found.map(f => `${origin} exercise ${printableName(name)}: ${f}`)); continue; }
          const m = meta as Omit<Exercise, 'starter' | 'solution' | 'origin'>;
          if (m.check && m.check !== 'python') {
            // A native file: starter/<file> and solution/<file>, the project skeleton from the bundled _project/.
            const project = await Promise.all((m.files ?? []).map(async f => ({ path: f, content: await read(vscode.Uri.joinPath(bundled, '_project', ...f.split('/'))) })));
            byId.set(m.id, { ...m, starter: await readTemplate(dir, `starter/${m.file}`, origin), solution: await readTemplate(dir, `solution/${m.file}`, origin), checks: '', project, origin });
            continue;
          }
          // checks.py is optional: a template may keep its checks in both files instead.
          const checks = await readTemplate(dir, 'checks.py', origin).catch((e: unknown) => { if ((e as { code?: unknown }).code === 'FileNotFound') { return ''; } throw e; });
          byId.set(m.id, { ...m, starter: await readTemplate(dir, 'starter.py', origin), solution: await readTemplate(dir, 'solution.py', origin), checks, origin });
        } catch (e) {
          problems.push(`${origin} exercise ${printableName(name)}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    };
    await scan(bundled, 'bundled');
    const own = vscode.workspace.isTrusted ? settingUri(restrictedSetting('templatesFolder', '')) : undefined;
    if (own) { await scan(own, 'user'); }
    problems.forEach(p => this.log(p));
    if (own && problems.some(p => p.startsWith('user') || p.startsWith('templates folder'))) {
      void vscode.window.showWarningMessage(`Django Prep: some of your practice templates were skipped (${problems.length}). Details are in the "Django Interview Prep" output.`);
    }
    return { exercises: [...byId.values()], templates, problems };
  }
}
