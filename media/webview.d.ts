// Types for the webview script (media/topic.js), checked by `npm run typecheck`; not shipped.
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): { topicId?: string } | undefined;
  setState(state: { topicId: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
