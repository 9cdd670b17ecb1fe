// The Python that practice checks run: djangoPrep.pythonPath when set (an explicit choice for
// this extension, as the Python tool extensions' own `<tool>.interpreter` settings are), else the
// interpreter selected in the Python extension, read through its official API facade
// (@vscode/python-extension), else python3. Says when that choice changes, and asks the chosen
// interpreter which of the practice packages it lacks (never in Restricted Mode: that runs it).
import { PythonExtension, PVSC_EXTENSION_ID } from '@vscode/python-extension';
import * as vscode from 'vscode';
import type { PythonFacts } from '../../core/practice/pythonPackages';
import { Disposable } from '../disposable';
import { restrictedSetting } from '../restrictedSettings';

export interface ChosenPython {
  readonly path: string;
  readonly source: 'setting' | 'python-extension' | 'default';
}

export const DEFAULT_PYTHON = 'python3';

/** Packages an interpreter lacks, what to tell the user, and the command that installs them into it. */
export interface MissingPackages {
  readonly python: string;
  /** Import names: django, rest_framework... */
  readonly missing: readonly string[];
  readonly message: string;
  /** `<python> -m pip install ...` (into a new virtual environment when the system manages that Python). */
  readonly command: string;
}

export class PythonInterpreter extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** The setting, the Python extension's selection, or the extension itself (installed, enabled) changed. */
  readonly onDidChange = this.changed.event;
  private connecting: Promise<PythonExtension | undefined> | undefined;
  private readonly probes = new Map<string, Promise<PythonFacts | { readonly error: string }>>();

  constructor() {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('djangoPrep.pythonPath')) { this.fire(); } }));
    // The Python extension installed, enabled or removed while the window is open.
    let present = !!vscode.extensions.getExtension(PVSC_EXTENSION_ID);
    this._register(vscode.extensions.onDidChange(() => {
      const now = !!vscode.extensions.getExtension(PVSC_EXTENSION_ID);
      if (now !== present) { present = now; this.connecting = undefined; this.fire(); }
    }));
  }

  private fire(): void {
    this.probes.clear();
    this.changed.fire();
  }

  /**
   * The Python extension's API, once: activating it if it is installed, and from then on following
   * its interpreter changes. Undefined when it is not installed or fails.
   */
  connect(): Promise<PythonExtension | undefined> {
    this.connecting ??= (async () => {
      if (!vscode.extensions.getExtension(PVSC_EXTENSION_ID)) { return undefined; }
      try {
        const api = await PythonExtension.api();
        this._register(api.environments.onDidChangeActiveEnvironmentPath(() => this.fire()));
        return api;
      } catch { return undefined; }
    })();
    return this.connecting;
  }

  /** The interpreter for checks of `file`. */
  async pythonFor(file?: vscode.Uri): Promise<ChosenPython> {
    const setting = restrictedSetting('pythonPath', '', file).trim();
    if (setting) { return { path: setting, source: 'setting' }; }
    const api = await this.connect();
    if (api) {
      try {
        const active = api.environments.getActiveEnvironmentPath(file);
        const resolved = await api.environments.resolveEnvironment(active);
        const found = resolved?.executable.uri?.fsPath ?? active?.path;
        if (found) { return { path: found, source: 'python-extension' }; }
      } catch { /* fall back to python3 */ }
    }
    return { path: DEFAULT_PYTHON, source: 'default' };
  }

  /** What `python` says about itself and `modules` (asked once until the interpreter changes). Runs it. */
  async probe(python: string, modules: readonly string[]): Promise<PythonFacts | { readonly error: string }> {
    const key = `${python}\0${[...modules].sort().join(',')}`;
    let answer = this.probes.get(key);
    if (!answer) {
      answer = import('../../core/practice/pythonPackages').then(m => m.probePython(python, modules));
      this.probes.set(key, answer);
    }
    return answer;
  }

  /** What `python` lacks of `modules`, with the message and install command; undefined when nothing (or it does not run). */
  async missing(python: string, modules: readonly string[]): Promise<MissingPackages | undefined> {
    if (!modules.length) { return undefined; }
    const facts = await this.probe(python, modules);
    if ('error' in facts || !facts.missing.length) { return undefined; }
    const { missingPackagesMessage, pipCommand } = await import('../../core/practice/pythonPackages');
    return {
      python, missing: facts.missing, message: missingPackagesMessage(python, facts),
      command: pipCommand(facts.externallyManaged ? '.venv/bin/python' : python, facts.missing),
    };
  }

  /** Forgets what interpreters said (after a check found a package missing, or one installed since). */
  forgetProbes(): void { this.probes.clear(); }
}
