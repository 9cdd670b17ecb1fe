import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { Topic } from '../../core/document/document';
import { escapeHtml, pageCsp } from '../../core/util/html';
import { FromWebview, PageTiming, parseFromWebview, parsePanelState, ToWebview, TopicView } from '../../core/messages';
import type { TopicRenderer } from '../../core/document/render';
import { Disposable, disposeAll } from '../disposable';
import type { DocumentStore } from '../documentStore';

export const TOPIC_VIEW_TYPE = 'djangoPrep.topic';
const LAST_TOPIC_KEY = 'djangoPrep.lastTopic';
/** Quiet time after the page drew a topic before the tab, tree and storage follow. */
const AFTER_DRAW_QUIET_MS = 100;
/** When the page does not report (hidden, or still loading), they follow after this anyway. */
const AFTER_DRAW_FALLBACK_MS = 400;

export interface ShowOptions {
  readonly concept?: string;
  readonly preserveFocus?: boolean;
  /** Open in the editor group beside the active one (next to a practice file). */
  readonly beside?: boolean;
}

export interface TopicActions {
  readonly quizCards?: number;
  readonly exercises?: number;
}

export interface RenderedEvent {
  /** Which message the page drew (see `revision`). */
  readonly rev: number;
  readonly topicId: string;
  readonly concept?: string;
  readonly scrolled: boolean;
  readonly timing?: PageTiming;
}

/**
 * The one webview panel that shows topics. It is created once; switching topics posts a
 * message to it instead of rebuilding its HTML.
 */
export class TopicPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private currentId: string | undefined;
  private currentConcept: string | undefined;
  /** The document the current topic came from. */
  private shownUri: string | undefined;
  private actions: ((topicId: string) => Promise<TopicActions>) | undefined;
  private views = new WeakMap<Topic, TopicView>();
  private renderer: Promise<{ renderer: TopicRenderer; toTopicView: typeof import('../../core/document/render').toTopicViewInSlices }> | undefined;
  private rejected = 0;
  private rev = 0;
  /** What follows a topic onto the screen: tab title, remembered topic, the `shown` event. */
  private afterDraw: { rev: number; topicId: string; apply: () => void; timer: ReturnType<typeof setTimeout> } | undefined;
  /** The last message for the page, sent again when a recreated page missed it. */
  private lastMessage: ToWebview | undefined;
  private readonly shown = this._register(new vscode.EventEmitter<Topic>());
  private readonly rendered = this._register(new vscode.EventEmitter<RenderedEvent>());
  /** A topic is on the page: drawn, or sent a moment ago when the page does not say (tree reveal, read marks). */
  readonly onDidShowTopic = this.shown.event;
  /** The webview reported that it finished drawing a topic. */
  readonly onDidRender = this.rendered.event;

  /** True while the tab title, the remembered topic and onDidShowTopic are still to follow the topic drawn. */
  get settling(): boolean { return this.afterDraw !== undefined; }

  constructor(private readonly extensionUri: vscode.Uri, private readonly store: DocumentStore, private readonly memento: vscode.Memento) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(TOPIC_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
    }));
    this._register(store.onDidChange(() => { void this.refresh(); }));
  }

  get currentTopicId(): string | undefined {
    return this.currentId;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get isVisible(): boolean {
    return this.panel?.visible ?? false;
  }

  /** Number of the newest message for the page; a `rendered` report with it means the page is current. */
  get revision(): number | undefined {
    return this.rev || undefined;
  }

  /** Messages from the webview that failed validation and were dropped. */
  get rejectedMessages(): number {
    return this.rejected;
  }

  async show(topicId: string, options: ShowOptions = {}): Promise<boolean> {
    const doc = await this.store.get();
    const topic = doc?.get(topicId);
    if (!doc || !topic || topic.kind !== 'topic') { return false; }
    // The reader moved on: the previous topic gets no title, read mark or selection, however
    // long this topic takes to render.
    this.cancelAfterDraw();
    this.setCurrent(topic, options.concept);
    const message = await this.showMessage(topic);
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(TOPIC_VIEW_TYPE, topic.title,
        { viewColumn: options.beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: options.preserveFocus }, this.webviewOptions());
      this.adopt(panel, message);
    } else {
      if (!this.panel.visible) { this.panel.reveal(options.beside ? vscode.ViewColumn.Beside : undefined, options.preserveFocus); }
      this.post(message);
    }
    this.whenDrawn(message.rev, topic);
    return true;
  }

  private setCurrent(topic: Topic, concept: string | undefined): void {
    this.currentId = topic.id;
    this.currentConcept = concept;
    this.shownUri = this.store.uri.toString();
  }

  /**
   * Retitles the tab, remembers the topic and fires `shown` (tree selection, read mark) once the
   * page has drawn it and no other topic followed for a moment. Each of these makes the
   * workbench work (tab layout, storage, tree); done at once they held the next topic's message
   * back, and when paging quickly only the topic the reader stops at needs them (npm run bench).
   */
  private whenDrawn(rev: number, topic: Topic): void {
    if (this.isDisposed || (this.lastMessage && rev < this.lastMessage.rev)) { return; } // a newer topic is on its way
    this.cancelAfterDraw();
    const apply = () => {
      if (this.afterDraw?.apply !== apply) { return; }
      clearTimeout(this.afterDraw.timer);
      this.afterDraw = undefined;
      if (this.panel && this.currentId === topic.id) { this.panel.title = topic.title; }
      void this.memento.update(LAST_TOPIC_KEY, topic.id);
      this.shown.fire(topic);
    };
    this.afterDraw = { rev, topicId: topic.id, apply, timer: setTimeout(apply, AFTER_DRAW_FALLBACK_MS) };
  }

  private cancelAfterDraw(): void {
    if (this.afterDraw) { clearTimeout(this.afterDraw.timer); }
    this.afterDraw = undefined;
  }

  /** The page drew `rev`: what follows the topic comes after a quiet moment. */
  private drawn(rev: number): void {
    const pending = this.afterDraw;
    if (!pending || rev < pending.rev) { return; }
    clearTimeout(pending.timer);
    pending.timer = setTimeout(pending.apply, AFTER_DRAW_QUIET_MS);
  }

  /**
   * After the document changed: re-render the open topic; if another document was opened,
   * start at its first topic; if the topic was deleted, say so.
   */
  private async refresh(): Promise<void> {
    if (!this.panel || !this.currentId) { return; }
    const doc = this.store.peek();
    const topic = doc?.get(this.currentId);
    if (topic?.kind === 'topic') {
      this.post(await this.showMessage(topic));
    } else if (doc?.topics.length && this.shownUri !== this.store.uri.toString()) {
      await this.show(doc.topics[0].id, { preserveFocus: true });
    } else {
      this.cancelAfterDraw(); // the topic is gone: no title, read mark or memory for it
      const where = this.store.label;
      const message: ToWebview = this.store.state === 'error'
        ? { type: 'missing', rev: ++this.rev, title: 'Document unavailable', message: `${where} could not be read (${this.store.error ?? 'unknown error'}). It may have been moved or deleted. Open it again, or pick another document in the Topics view.` }
        : doc?.topics.length
        ? { type: 'missing', rev: ++this.rev, title: 'Topic not found', message: `The topic "${this.currentId}" is no longer in ${where}. Pick another topic in the Topics view.` }
        : { type: 'missing', rev: ++this.rev, title: 'No topics', message: `${where} has no topics to show.` };
      this.panel.title = message.title;
      this.post(message);
    }
  }

  private async showMessage(topic: Topic): Promise<ToWebview> {
    // Numbered now, so a later call always carries a higher number however the awaits interleave.
    const rev = ++this.rev;
    // The renderer (markdown-it, highlight.js) loads with the first topic, not at activation.
    this.renderer ??= import('../../core/document/render').then(m => ({ renderer: new m.TopicRenderer(), toTopicView: m.toTopicViewInSlices }));
    const { renderer, toTopicView } = await this.renderer;
    const doc = this.store.peek()!;
    const actions = this.actions ? await this.actions(topic.id) : {};
    // Rendered views are kept per topic object: an edit makes new topic objects, so no stale text.
    let view = this.views.get(topic);
    if (!view) {
      // In slices: a 2 MB topic must not hold the extension host.
      view = await toTopicView(renderer, doc, topic, this.store.label);
      this.views.set(topic, view);
    }
    return { type: 'show', rev, topic: { ...view, ...actions }, concept: this.currentConcept };
  }

  /** Tells the page what a topic offers besides reading: quiz cards, practice exercises. */
  setActions(actions: (topicId: string) => Promise<TopicActions>): void {
    this.actions = actions;
  }

  private post(message: ToWebview): void {
    // A slower, older message must not replace a newer one on the page.
    if (this.lastMessage && message.rev < this.lastMessage.rev) { return; }
    this.lastMessage = message;
    void this.panel?.webview.postMessage(message);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableForms: false,
      enableFindWidget: true,
      // The page loads topic.css and topic.js; topics arrive as messages, so content/ is not needed.
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  /**
   * Restores the panel after a window reload, on the topic it showed. The workbench saves the
   * webview's own state lazily, so the topic this side last showed (a memento) wins.
   */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.webviewOptions();
    const doc = await this.store.get();
    const ids = [this.memento.get<string>(LAST_TOPIC_KEY), parsePanelState(state)?.topicId];
    const topic = ids.map(id => (id ? doc?.get(id) : undefined)).find(n => n?.kind === 'topic') ?? doc?.topics[0];
    if (this.panel || !topic || topic.kind !== 'topic') {
      panel.dispose();
      return;
    }
    this.setCurrent(topic, undefined);
    const message = await this.showMessage(topic);
    if (this.panel) { // a topic was opened meanwhile and created its own panel
      panel.dispose();
      return;
    }
    panel.title = topic.title;
    this.adopt(panel, message);
    this.whenDrawn(message.rev, topic);
  }

  private adopt(panel: vscode.WebviewPanel, initial: ToWebview): void {
    this.panel = panel;
    this.lastMessage = initial;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'topic-tab.svg');
    panel.webview.html = this.html(panel.webview, initial);
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage(raw => { if (panel === this.panel) { this.onMessage(raw); } }),
      panel.onDidDispose(() => { if (panel === this.panel) { this.releasePanel(); } }),
    ];
  }

  private releasePanel(): void {
    this.panel = undefined;
    // Closed right after a switch: remember that topic, but it was not seen, so not read.
    if (this.afterDraw) { void this.memento.update(LAST_TOPIC_KEY, this.afterDraw.topicId); }
    this.cancelAfterDraw();
    disposeAll(this.panelDisposables);
  }

  override dispose(): void {
    this.cancelAfterDraw();
    const panel = this.panel;
    this.releasePanel();
    panel?.dispose();
    super.dispose();
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.rejected++;
      return;
    }
    this.handle(message);
  }

  private handle(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        // The page (re)loaded, e.g. after being hidden: send what it missed.
        if (this.lastMessage && message.rev !== this.lastMessage.rev) { this.post(this.lastMessage); }
        break;
      case 'openTopic':
        void this.show(message.id, { concept: message.concept });
        break;
      case 'openExternal':
        void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        break;
      case 'navigate':
        void vscode.commands.executeCommand(message.direction === 'next' ? 'djangoPrep.nextTopic' : 'djangoPrep.previousTopic');
        break;
      case 'quiz':
        void vscode.commands.executeCommand('djangoPrep.quizTopic', message.topicId);
        break;
      case 'practice':
        void vscode.commands.executeCommand('djangoPrep.newPracticeFile', message.topicId);
        break;
      case 'rendered':
        this.drawn(message.rev);
        this.rendered.fire({ rev: message.rev, topicId: message.topicId, concept: message.concept, scrolled: message.scrolled, timing: message.timing });
        break;
    }
  }

  private html(webview: vscode.Webview, initial: ToWebview): string {
    const nonce = randomBytes(16).toString('base64');
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    const csp = pageCsp(webview.cspSource, nonce);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(media('topic.css'))}">
<title>Django Interview Prep</title>
</head>
<body data-initial="${escapeHtml(JSON.stringify(initial))}">
<header class="topbar">
  <nav class="nav" aria-label="Topic navigation">
    <button type="button" id="previous" class="nav-button" aria-keyshortcuts="p Alt+[">&#8249; <span class="nav-label">Previous</span></button>
    <span id="crumb" class="crumb"></span>
    <button type="button" id="next" class="nav-button" aria-keyshortcuts="n Alt+]"><span class="nav-label">Next</span> &#8250;</button>
  </nav>
</header>
<main id="main" tabindex="-1">
  <h1 id="title"></h1>
  <div class="meta-row"><p id="meta" class="meta"></p><div id="actions" class="actions"></div></div>
  <nav id="related" class="related" aria-label="Related topics" hidden></nav>
  <div id="notice" class="notice" role="status" hidden></div>
  <article id="content" aria-labelledby="title"></article>
</main>
<script nonce="${nonce}" src="${escapeHtml(media('topic.js'))}"></script>
</body>
</html>`;
  }
}
