// Notes a reader types on recall cards, kept per document and card so they come back with the
// card next time. Bounded: the oldest notes go first past MAX_NOTES.

export interface SavedNote { readonly text: string; readonly at: number }
export type NotesBook = Readonly<Record<string, SavedNote>>;

/** Where the notes are kept (globalState), shared by the quiz and the mock interview. */
export const RECALL_NOTES_KEY = 'djangoPrep.recallNotes';
export const MAX_NOTES = 1000;
export const MAX_NOTE_LENGTH = 10_000;

export const noteKey = (docKey: string, cardId: string): string => `${docKey}\n${cardId}`;

/** Saved notes as read back from storage: anything malformed is dropped, never thrown on. */
export function parseNotes(raw: unknown): NotesBook {
  const out: Record<string, SavedNote> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) { return out; }
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const n = v as { text?: unknown; at?: unknown } | null;
    if (k === '__proto__' || typeof n !== 'object' || n === null) { continue; }
    if (typeof n.text === 'string' && n.text.length <= MAX_NOTE_LENGTH && Number.isFinite(n.at)) { out[k] = { text: n.text, at: n.at as number }; }
  }
  return out;
}

/** The book with `text` saved under `key` (an empty text removes it), the oldest dropped past the bound. */
export function withNote(book: NotesBook, key: string, text: string, at: number): NotesBook {
  const next: Record<string, SavedNote> = { ...book };
  delete next[key];
  const trimmed = text.slice(0, MAX_NOTE_LENGTH);
  if (trimmed.trim()) { next[key] = { text: trimmed, at }; }
  const keys = Object.keys(next);
  if (keys.length > MAX_NOTES) {
    keys.sort((a, b) => next[a].at - next[b].at).slice(0, keys.length - MAX_NOTES).forEach(k => { delete next[k]; });
  }
  return next;
}
