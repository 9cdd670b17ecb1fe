// The typed protocol between the quiz card webview and the extension, with no other import so
// the page script (media/card.js) can type itself from it. Messages from the page are untrusted.

/** One rendered card. `html` fields come from the markdown renderer (raw HTML off, links allowlisted). */
export interface CardView {
  readonly phase: 'question' | 'answer' | 'summary';
  /** "Question 2 of 10" or "Quiz finished". */
  readonly heading: string;
  /** Topic title, or the score for a summary. */
  readonly sub: string;
  /** The question kind (choice, recall, ...). */
  readonly kind?: string;
  readonly promptHtml: string;
  /** What to do now, in words (keys included). */
  readonly hint: string;
  /** After an answer: right, wrong, or the reader's own rating of a recall card. */
  readonly verdict?: { readonly tone: 'right' | 'wrong' | 'rated'; readonly text: string };
  readonly answerHtml?: string;
  readonly explanationHtml?: string;
  readonly options?: ReadonlyArray<{ readonly html: string; readonly correct: boolean; readonly why: string }>;
  /** Recall cards: the page offers a notes box and the keys Space and 1-4. */
  readonly recall?: boolean;
  /** Notes the reader typed for this card, shown back with the answer. */
  readonly notes?: string;
  readonly revisit?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

export type ToCard = { readonly type: 'card'; readonly rev: number; readonly card: CardView };

export type FromCard =
  | { readonly type: 'reveal'; readonly rev: number }
  | { readonly type: 'rate'; readonly rev: number; readonly rating: 1 | 2 | 3 | 4 }
  | { readonly type: 'notes'; readonly rev: number; readonly text: string }
  | { readonly type: 'stop' }
  | { readonly type: 'openTopic'; readonly id: string }
  | { readonly type: 'drawn'; readonly rev: number };

const MAX_NOTES = 10_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRev = (v: unknown): v is number => Number.isSafeInteger(v);

/** Messages from the card page are untrusted: anything not exactly one of these is dropped. */
export function parseFromCard(raw: unknown): FromCard | undefined {
  if (!isObject(raw)) { return undefined; }
  switch (raw.type) {
    case 'reveal': case 'drawn':
      return isRev(raw.rev) ? { type: raw.type, rev: raw.rev } : undefined;
    case 'rate':
      return isRev(raw.rev) && (raw.rating === 1 || raw.rating === 2 || raw.rating === 3 || raw.rating === 4) ? { type: 'rate', rev: raw.rev, rating: raw.rating } : undefined;
    case 'notes':
      return isRev(raw.rev) && typeof raw.text === 'string' && raw.text.length <= MAX_NOTES ? { type: 'notes', rev: raw.rev, text: raw.text } : undefined;
    case 'stop':
      return { type: 'stop' };
    case 'openTopic':
      return typeof raw.id === 'string' && raw.id.length > 0 && raw.id.length <= 300 ? { type: 'openTopic', id: raw.id } : undefined;
    default:
      return undefined;
  }
}
