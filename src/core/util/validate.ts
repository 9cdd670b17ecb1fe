// Checks for data read from storage, files and webview messages: one copy for every parser.

/** A plain object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keys an ordinary object already answers to (`__proto__`, `constructor`, `toString`...): as
 * ids they would reach the prototype, so parsers drop them. Real ids are slugs, URIs and `q:...`.
 */
export const isUnsafeKey = (k: string): boolean => k in Object.prototype;
