import * as vscode from 'vscode';
import type { StudyDocument } from '../core/document/document';
import { ContextKey } from './contextKey';
import { Disposable } from './disposable';

export type DocumentState = 'loading' | 'ready' | 'empty' | 'error';

const ACTIVE_DOCUMENT_KEY = 'djangoPrep.activeDocument';
export const BUNDLED_GUIDE = ['content', 'guide', 'django-interview-prep.md'];

/**
 * The active study document: the bundled guide unless the user opened another one.
 * It is read through `workspace.fs` (so remote and virtual files work) and parsed on first use.
 */
export class DocumentStore extends Disposable {
  private loading: Promise<StudyDocument | undefined> | undefined;
  private current: StudyDocument | undefined;
  private activeUri: vscode.Uri;
  private lastError: string | undefined;
  private lastState: DocumentState = 'loading';
  /** Counts loads, so a load that finishes after a newer one started gives way to it. */
  private generation = 0;
  private readonly stateKey = new ContextKey<DocumentState>('djangoPrep.documentState');
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires after the document was (re)loaded, successfully or not. */
  readonly onDidChange = this.changed.event;

  private watcher: vscode.Disposable | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly debounceMs = 300) {
    super();
    const saved = context.workspaceState.get<string>(ACTIVE_DOCUMENT_KEY);
    this.activeUri = saved ? vscode.Uri.parse(saved) : this.bundledUri;
    // Follow the document live: unsaved edits in an editor, saves, and changes from outside.
    const isActive = (uri: vscode.Uri) => uri.toString() === this.activeUri.toString();
    this._register(vscode.workspace.onDidChangeTextDocument(e => { if (isActive(e.document.uri) && e.contentChanges.length) { this.scheduleReload(); } }));
    this._register(vscode.workspace.onDidCloseTextDocument(d => { if (isActive(d.uri) && d.isDirty) { this.scheduleReload(); } }));
    this._register({ dispose: () => { this.watcher?.dispose(); if (this.debounce) { clearTimeout(this.debounce); } } });
  }

  /** Reloads once typing pauses, rather than on every keystroke. */
  private scheduleReload(): void {
    if (this.debounce) { clearTimeout(this.debounce); }
    this.debounce = setTimeout(() => { this.debounce = undefined; void this.reload(); }, this.debounceMs);
  }

  /** Watches the active file on disk (the bundled guide does not change). */
  private watch(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    if (this.isBundled) { return; }
    const dir = vscode.Uri.joinPath(this.activeUri, '..');
    const name = this.activeUri.path.split('/').pop() ?? '';
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
    const changed = () => this.scheduleReload();
    this.watcher = vscode.Disposable.from(w, w.onDidChange(changed), w.onDidCreate(changed), w.onDidDelete(changed));
  }

  get bundledUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, ...BUNDLED_GUIDE);
  }

  get uri(): vscode.Uri {
    return this.activeUri;
  }

  get isBundled(): boolean {
    return this.activeUri.toString() === this.bundledUri.toString();
  }

  get state(): DocumentState {
    return this.lastState;
  }

  /** Why the last load failed, for messages. */
  get error(): string | undefined {
    return this.lastError;
  }

  /** The name shown for the document when it has no `#` title. */
  get label(): string {
    return this.current?.title ?? this.activeUri.path.split('/').pop() ?? 'Study document';
  }

  /** The parsed document, loading it on first call; undefined when it cannot be read. */
  get(): Promise<StudyDocument | undefined> {
    if (!this.loading) { this.watch(); }
    return this.loading ?? this.reload();
  }

  /** The document if it is already loaded, without starting a load. */
  peek(): StudyDocument | undefined {
    return this.current;
  }

  open(uri: vscode.Uri): Promise<StudyDocument | undefined> {
    this.activeUri = uri;
    this.watch();
    const loading = this.reload();
    void this.context.workspaceState.update(ACTIVE_DOCUMENT_KEY, this.isBundled ? undefined : uri.toString());
    return loading;
  }

  reload(): Promise<StudyDocument | undefined> {
    const generation = ++this.generation;
    const loading = this.load(generation);
    this.loading = loading;
    return loading;
  }

  private setState(state: DocumentState): void {
    this.lastState = state;
    this.stateKey.set(state);
  }

  private async load(generation: number): Promise<StudyDocument | undefined> {
    const uri = this.activeUri;
    this.setState('loading');
    let doc: StudyDocument | undefined;
    try {
      // An editor's text (maybe unsaved) wins over the file on disk.
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      // The parser (markdown-it) loads with the first document, not at activation.
      const { parseDocumentInSlices } = await import('../core/document/document');
      // In slices, so a large document does not freeze the editor; an edit meanwhile stops it.
      doc = await parseDocumentInSlices(text, undefined, () => generation !== this.generation || this.isDisposed);
      this.lastError = undefined;
    } catch (e) {
      if (generation !== this.generation) { return this.loading; }
      if (this.isDisposed) { return undefined; }
      this.lastError = e instanceof Error ? e.message : String(e);
    }
    if (generation !== this.generation) {
      return this.loading; // a newer load started meanwhile (never this one's own promise); it wins
    }
    this.current = doc;
    this.setState(!doc ? 'error' : doc.topics.length === 0 ? 'empty' : 'ready');
    this.changed.fire();
    return doc;
  }
}
