// Types for the webview script (media/topic.js), checked by `npm run typecheck`; not shipped.
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): { topicId?: string; rev?: number } | undefined;
  setState(state: { topicId: string; rev?: number }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
