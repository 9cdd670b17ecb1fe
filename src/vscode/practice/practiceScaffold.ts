// "New Practice File...": pick an exercise, write its starter into the practice folder (never
// overwriting silently, never through a symbolic link), open it. In Restricted Mode the folder
// comes from the user's settings only and stays inside the workspace unless the user agrees.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { StudyDocument } from '../../core/document/document';
import type { Exercise } from '../../core/practice/exercises';
import type { ExerciseOutcome } from '../../core/practice/hints';
import type { ExerciseCatalog } from './exerciseCatalog';
import { pick, PickItem, showPick } from '../quickInput';
import { restrictedSetting } from '../restrictedSettings';
import { settingUri } from '../settingUri';

export const DEFAULT_PRACTICE_FOLDER = 'interview-practice';
/** The editor language of each kind of practice file (nginx is contributed by this extension). */
const LANGUAGE = { python: 'python', dockerfile: 'dockerfile', compose: 'yaml', nginx: 'nginx', 'nginx-serve': 'nginx', git: 'shellscript' } as const;

export interface ScaffoldOptions {
  /** Offer only this topic's exercises. */
  readonly topic?: string;
  /** Skip the picker (tests, links). */
  readonly exercise?: string;
  /** What to do when the file exists; asked when absent. */
  readonly ifExists?: 'open' | 'copy' | 'overwrite';
}

/** What the picker shows of past attempts, and who hears of a fresh starter (its hints start again). */
export interface ScaffoldHooks {
  outcome(exercise: Exercise): Promise<ExerciseOutcome | undefined>;
  forget(uri: vscode.Uri): Promise<void>;
}

export class PracticeScaffold {
  constructor(private readonly catalog: ExerciseCatalog, private readonly guide: () => Promise<StudyDocument | undefined>, private readonly hooks?: ScaffoldHooks) {}

  /** Returns the file written or opened, or undefined when the user backed out. */
  async create(options: ScaffoldOptions = {}): Promise<vscode.Uri | undefined> {
    const { exercises, templates } = await this.catalog.get();
    const offered = options.topic ? exercises.filter(e => e.topic === options.topic) : exercises;
    if (!offered.length) {
      void vscode.window.showInformationMessage(options.topic
        ? 'Django Prep: this topic has no practice exercise yet. Pick one from all exercises with "Django Prep: New Practice File...".'
        : 'Django Prep: no practice exercises were found.');
      return undefined;
    }
    const exercise = options.exercise ? offered.find(e => e.id === options.exercise) : await this.choose(offered, options.topic !== undefined);
    if (!exercise) { return undefined; }
    const { composeExercise, checkKind } = await import('../../core/practice/exercises');
    const content = composeExercise(exercise.starter, exercise.id, templates, exercise.checks);
    const folder = await this.targetFolder();
    if (folder === 'untitled') {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE[checkKind(exercise)], content });
      await vscode.window.showTextDocument(doc);
      return doc.uri;
    }
    if (!folder) { return undefined; }
    if (!vscode.workspace.isTrusted && !(await insideWorkspaceOrAgreed(folder))) { return undefined; }
    if (checkKind(exercise) !== 'python') { return this.createNative(folder, exercise, content, options.ifExists); }
    const target = await this.resolveTarget(folder, exercise.file, options.ifExists);
    if (!target) { return undefined; }
    if (target.write && await isSymlink(target.uri)) {
      void vscode.window.showErrorMessage(`Django Prep: ${path.basename(target.uri.path)} in ${folder.fsPath || folder.toString()} is a symbolic link, so the practice file "${exercise.title}" was not written through it. Remove the link or pick another folder.`);
      return undefined;
    }
    if (target.write) {
      try {
        await vscode.workspace.fs.createDirectory(folder);
        await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(content));
        await this.hooks?.forget(target.uri);
      } catch (e) {
        void vscode.window.showErrorMessage(`Django Prep: could not write ${target.uri.fsPath || target.uri.toString()}: ${e instanceof Error ? e.message : String(e)}. Set "djangoPrep.practiceFolder" to a folder you can write to.`, 'Open Settings')
          .then(c => { if (c) { void vscode.commands.executeCommand('workbench.action.openSettings', 'djangoPrep.practiceFolder'); } });
        return undefined;
      }
    }
    await vscode.window.showTextDocument(target.uri, { preview: false });
    // The generated setup and runner are marked regions: fold them so the TODOs come first.
    if (target.write) { await vscode.commands.executeCommand('editor.foldAllMarkerRegions'); }
    return target.uri;
  }

  /**
   * A native exercise gets its own folder, <practice folder>/<id>/, with the file in its real name
   * (Dockerfile, compose.yaml, conf.d/default.conf) and the project files it refers to. Project
   * files already there are kept; a numbered copy is a numbered folder.
   */
  private async createNative(folder: vscode.Uri, exercise: Exercise, content: string, preset?: ScaffoldOptions['ifExists']): Promise<vscode.Uri | undefined> {
    const fileIn = (dir: vscode.Uri) => vscode.Uri.joinPath(dir, ...exercise.file.split('/'));
    let dir = vscode.Uri.joinPath(folder, exercise.id);
    const existing = await this.resolveTarget(dir, exercise.file, preset);
    if (!existing) { return undefined; }
    let write = existing.write;
    if (write && existing.uri.path !== fileIn(dir).path) {
      // "Create a Numbered Copy": the next free <id>-N folder.
      const names = new Set((await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n));
      const { numberedCopyName } = await import('../../core/practice/exercises');
      dir = vscode.Uri.joinPath(folder, numberedCopyName(exercise.id, n => names.has(n)));
      write = true;
    }
    const target = fileIn(dir);
    if (write) {
      try {
        for (const f of [...(exercise.project ?? []), { path: exercise.file, content }]) {
          const uri = vscode.Uri.joinPath(dir, ...f.path.split('/'));
          if (await isSymlink(uri)) { throw new Error(`${f.path} is a symbolic link; nothing is written through it`); }
          if (f.path !== exercise.file && await exists(uri)) { continue; }
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
          await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(f.content));
        }
        await this.hooks?.forget(target);
      } catch (e) {
        void vscode.window.showErrorMessage(`Django Prep: could not write "${exercise.title}" into ${dir.fsPath || dir.toString()}: ${e instanceof Error ? e.message : String(e)}.`);
        return undefined;
      }
    }
    await vscode.window.showTextDocument(target, { preview: false });
    return target;
  }

  private async choose(exercises: readonly Exercise[], oneTopic: boolean): Promise<Exercise | undefined> {
    if (oneTopic && exercises.length === 1) { return exercises[0]; }
    const guide = await this.guide();
    const topicOf = (id: string) => { const n = guide?.get(id); return n?.kind === 'topic' ? n : undefined; };
    // Grouped by difficulty (warm-up, interview, senior, then unrated templates), each in the
    // guide's reading order; exercises on unknown topics last in their group.
    const sorted = [...exercises].sort((a, b) => (topicOf(a.topic)?.index ?? 1e9) - (topicOf(b.topic)?.index ?? 1e9) || a.title.localeCompare(b.title));
    const { byDifficulty, isPassed, resultLabel } = await import('../../core/practice/hints');
    const outcomes = new Map(await Promise.all(sorted.map(async e => [e, await this.hooks?.outcome(e)] as const)));
    const items: Array<PickItem<Exercise> | vscode.QuickPickItem> = [];
    for (const group of byDifficulty(sorted)) {
      items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
      for (const e of group.items) {
        const topic = topicOf(e.topic);
        const outcome = outcomes.get(e);
        const where = topic ? `${topic.section ? `${topic.section.title} › ` : ''}${topic.title}: ` : '';
        items.push({
          label: `$(${isPassed(outcome) ? 'pass-filled' : 'beaker'}) ${e.title}`,
          description: [e.file, e.origin === 'user' ? 'yours' : '', outcome ? resultLabel(outcome) : ''].filter(Boolean).join(' · '),
          detail: `${where}${e.description}`, value: e,
        });
      }
    }
    const r = await pick<Exercise>({ title: 'Django Prep: New Practice File', placeholder: 'Pick an exercise to scaffold into your workspace', items, matchOnDetail: true });
    return r.kind === 'items' ? r.items[0]?.value : undefined;
  }

  /** The configured folder; with no workspace, ask for one or offer an untitled document. */
  private async targetFolder(): Promise<vscode.Uri | 'untitled' | undefined> {
    const setting = restrictedSetting('practiceFolder', DEFAULT_PRACTICE_FOLDER).trim() || DEFAULT_PRACTICE_FOLDER;
    // A URI, an absolute path, or a path in the workspace; a relative one without a workspace is asked for.
    const configured = settingUri(setting);
    if (configured) { return configured; }
    const choice = await showPick<'folder' | 'untitled'>([
      { label: '$(folder) Choose a Folder...', value: 'folder' },
      { label: '$(new-file) Open as an Untitled File', description: 'save it wherever you like', value: 'untitled' },
    ], { title: 'Django Prep: New Practice File', placeholder: 'No folder is open. Where should the practice file go?' });
    if (choice?.value === 'untitled') { return 'untitled'; }
    if (choice?.value !== 'folder') { return undefined; }
    return (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Put Practice Files Here' }))?.[0];
  }

  /** Never overwrites silently: an existing file is opened, copied beside, or replaced after a confirmation. */
  private async resolveTarget(folder: vscode.Uri, file: string, preset?: ScaffoldOptions['ifExists']): Promise<{ uri: vscode.Uri; write: boolean } | undefined> {
    const uri = vscode.Uri.joinPath(folder, file);
    if (!(await exists(uri))) { return { uri, write: true }; }
    let how = preset;
    if (!how) {
      const choice = await showPick<'open' | 'copy' | 'overwrite'>([
        { label: '$(go-to-file) Open the Existing File', description: 'keep your work', value: 'open' },
        { label: '$(copy) Create a Numbered Copy', description: 'start again beside it', value: 'copy' },
        { label: '$(warning) Overwrite...', description: 'replace it with a fresh starter', value: 'overwrite' },
      ], { title: `${file} already exists`, placeholder: `${file} is already in ${vscode.workspace.asRelativePath(folder)}. What should happen?` });
      how = choice?.value;
    }
    if (how === 'open') { return { uri, write: false }; }
    if (how === 'copy') {
      const { numberedCopyName } = await import('../../core/practice/exercises');
      const names = new Set((await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n));
      return { uri: vscode.Uri.joinPath(folder, numberedCopyName(file, n => names.has(n))), write: true };
    }
    if (how === 'overwrite') {
      if (preset === 'overwrite') { return { uri, write: true }; }
      const ok = await vscode.window.showWarningMessage(`Replace ${file} with a fresh starter?`, { modal: true, detail: 'Your changes in that file will be lost.' }, 'Overwrite');
      return ok === 'Overwrite' ? { uri, write: true } : undefined;
    }
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A link (even a dangling one) where the file would go: writing would follow it elsewhere. */
async function isSymlink(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme !== 'file') { return false; }
  try { return (await fs.promises.lstat(uri.fsPath)).isSymbolicLink(); } catch { return false; }
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended. */
async function realPath(p: string): Promise<string> {
  const rest: string[] = [];
  for (let dir = p; ; dir = path.dirname(dir)) {
    try { return path.join(await fs.promises.realpath(dir), ...rest.reverse()); } catch {
      if (path.dirname(dir) === dir) { return p; }
      rest.push(path.basename(dir));
    }
  }
}

/**
 * Restricted Mode: the folder (links resolved) must be inside the workspace; anywhere else is
 * asked for, with the place shown.
 */
async function insideWorkspaceOrAgreed(folder: vscode.Uri): Promise<boolean> {
  const { isInside } = await import('../../core/util/settingPath');
  const roots = vscode.workspace.workspaceFolders ?? [];
  for (const root of roots) {
    if (root.uri.scheme === 'file' && folder.scheme === 'file') {
      if (isInside(await realPath(root.uri.fsPath), await realPath(folder.fsPath))) { return true; }
    } else if (root.uri.scheme === folder.scheme && root.uri.authority === folder.authority && isInside(root.uri.path, folder.path)) {
      return true;
    }
  }
  const where = folder.scheme === 'file' ? folder.fsPath : folder.toString();
  const choice = await vscode.window.showWarningMessage(`Write the practice file outside this workspace, in ${where}?`, {
    modal: true,
    detail: 'This workspace is not trusted (Restricted Mode), so practice files stay inside it unless you agree. The folder comes from "djangoPrep.practiceFolder" in your user settings.',
  }, 'Write There');
  return choice === 'Write There';
}
