// Types for the webview scripts (media/*.js), checked by `npm run typecheck`; not shipped.
// What a page sends and keeps is typed by the protocol in src/core/messages.ts.
interface VsCodeApi<Message, State> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

/** The topic page: posts FromWebview, keeps the topic and the last message it drew. */
type TopicPageApi = VsCodeApi<import('../src/core/messages').FromWebview, import('../src/core/messages').PanelState>;
/** The progress dashboard: posts FromDashboard, keeps nothing. */
type DashboardPageApi = VsCodeApi<import('../src/core/messages').FromDashboard, never>;

/** The quiz card: posts FromCard, keeps nothing. */
type CardPageApi = VsCodeApi<import('../src/core/messages').FromCard, never>;

/** The mock interview report: posts FromReport, keeps nothing. */
type ReportPageApi = VsCodeApi<import('../src/core/messages').FromReport, never>;

/** The cards in this document: posts FromCards, keeps nothing. */
type CardsPageApi = VsCodeApi<import('../src/core/messages').FromCards, never>;

/** Each page says which it is (`/** @type {TopicPageApi} *\/`); without that the API is `never`. */
declare function acquireVsCodeApi<Api extends TopicPageApi | DashboardPageApi | CardPageApi | ReportPageApi | CardsPageApi = never>(): Api;
