// The typed protocol between the webviews (topic page, progress dashboard) and the extension.
// The page scripts in media/ import these types too. Everything that arrives from a webview
// is untrusted: it is checked here and anything else is dropped.
import { isObject } from './util/validate';

/** A topic as the webview shows it. */
export interface TopicView {
  readonly id: string;
  readonly title: string;
  /** Section title, or the document title for a topic at the root. */
  readonly crumb: string;
  readonly html: string;
  readonly minutes: number;
  readonly related: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** How many collapsible interview questions the page has. */
  readonly questions: number;
  /** Quiz cards for this topic; the page offers "Quiz this topic" when there are any. */
  readonly quizCards?: number;
  /** Practice exercises for this topic; the page offers "Practise" when there are any. */
  readonly exercises?: number;
  readonly previous?: { readonly id: string; readonly title: string };
  readonly next?: { readonly id: string; readonly title: string };
}

/**
 * Extension -> webview. `rev` numbers every message: a page recreated after being hidden
 * (messages to a hidden webview are dropped) reports the last one it drew.
 */
export type ToWebview =
  | { readonly type: 'show'; readonly rev: number; readonly topic: TopicView; readonly concept?: string }
  | { readonly type: 'missing'; readonly rev: number; readonly title: string; readonly message: string };

/** Webview -> extension. */
export type FromWebview =
  | { readonly type: 'ready'; readonly rev?: number }
  | { readonly type: 'openTopic'; readonly id: string; readonly concept?: string }
  | { readonly type: 'openExternal'; readonly href: string }
  | { readonly type: 'navigate'; readonly direction: 'next' | 'previous' }
  | { readonly type: 'quiz'; readonly topicId: string }
  | { readonly type: 'practice'; readonly topicId: string }
  | { readonly type: 'rendered'; readonly rev: number; readonly topicId: string; readonly concept?: string; readonly scrolled: boolean; readonly timing?: PageTiming };

/** When the page got a topic and when it had drawn it (epoch milliseconds, for the benchmark). */
export interface PageTiming { readonly received: number; readonly drawn: number }

const MAX_ID = 300;
const MAX_HREF = 2048;

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const optionalId = (v: unknown): v is string | undefined => v === undefined || isId(v);

const optionalTiming = (v: unknown): v is PageTiming | undefined =>
  v === undefined || (isObject(v) && Number.isFinite(v.received) && Number.isFinite(v.drawn));

export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isObject(raw)) { return undefined; }
  switch (raw.type) {
    case 'ready':
      return raw.rev === undefined || Number.isSafeInteger(raw.rev) ? { type: 'ready', rev: raw.rev as number | undefined } : undefined;
    case 'openTopic':
      return isId(raw.id) && optionalId(raw.concept) ? { type: 'openTopic', id: raw.id, concept: raw.concept } : undefined;
    case 'openExternal':
      return typeof raw.href === 'string' && raw.href.length <= MAX_HREF && /^(https?:\/\/|mailto:)/i.test(raw.href)
        ? { type: 'openExternal', href: raw.href } : undefined;
    case 'navigate':
      return raw.direction === 'next' || raw.direction === 'previous' ? { type: 'navigate', direction: raw.direction } : undefined;
    case 'quiz':
    case 'practice':
      return isId(raw.topicId) ? { type: raw.type, topicId: raw.topicId } : undefined;
    case 'rendered':
      return Number.isSafeInteger(raw.rev) && isId(raw.topicId) && optionalId(raw.concept) && typeof raw.scrolled === 'boolean' && optionalTiming(raw.timing)
        ? { type: 'rendered', rev: raw.rev as number, topicId: raw.topicId, concept: raw.concept, scrolled: raw.scrolled, timing: raw.timing && { received: raw.timing.received, drawn: raw.timing.drawn } } : undefined;
    default:
      return undefined;
  }
}

/** State the webview keeps through `setState`, read back by the serializer after a reload. */
export interface PanelState {
  readonly topicId: string;
  /** The last message the page drew (the page's own use; the serializer ignores it). */
  readonly rev?: number;
}

export function parsePanelState(raw: unknown): PanelState | undefined {
  return isObject(raw) && isId(raw.topicId) ? { topicId: raw.topicId } : undefined;
}

/** The commands the dashboard's buttons may run. */
export const DASHBOARD_COMMANDS = ['djangoPrep.startQuiz', 'djangoPrep.exportProgress', 'djangoPrep.importProgress', 'djangoPrep.resetProgress', 'djangoPrep.setInterviewDate'] as const;
export type DashboardCommand = typeof DASHBOARD_COMMANDS[number];

/** Dashboard webview -> extension. */
export type FromDashboard = { readonly type: 'run'; readonly command: DashboardCommand };

const isDashboardCommand = (v: unknown): v is DashboardCommand => (DASHBOARD_COMMANDS as readonly unknown[]).includes(v);

export function parseFromDashboard(raw: unknown): FromDashboard | undefined {
  return isObject(raw) && raw.type === 'run' && isDashboardCommand(raw.command) ? { type: 'run', command: raw.command } : undefined;
}

// The quiz card page (media/card.js).

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
  /** After an answer: right or wrong (a recall card is rated by the reader instead). */
  readonly verdict?: { readonly tone: 'right' | 'wrong'; readonly text: string };
  readonly answerHtml?: string;
  readonly explanationHtml?: string;
  readonly options?: ReadonlyArray<{ readonly html: string; readonly correct: boolean; readonly why: string }>;
  /** Recall cards: the page offers a notes box and the keys Space and 1-4. */
  readonly recall?: boolean;
  /** Notes the reader typed for this card, shown back with the answer. */
  readonly notes?: string;
  readonly revisit?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** A mock interview: the clocks (the page ticks them on by itself) and its Pause/Skip/Stop/Done. */
  readonly interview?: InterviewClock;
  /** A recall card answered in writing: which key points the answer covered, and the rating it suggests. */
  readonly coverage?: CoverageView;
}

/** Feedback on a typed answer, as the card draws it. */
export interface CoverageView {
  /** "3 of 5 key points". */
  readonly label: string;
  readonly points: ReadonlyArray<{ readonly html: string; readonly covered: boolean }>;
  /** The reader's answer, escaped, with the words that matched a point in `<mark>`. */
  readonly answerHtml: string;
  /** Pre-selected on the card: Enter takes it, 1-4 choose another. */
  readonly suggested: 1 | 2 | 3 | 4;
  /** Who graded: "Offline grader" or the language model's name. */
  readonly grader: string;
  /** What the grade is worth, or why the model's grade was not used. */
  readonly note: string;
  /** A language model's feedback, one or two sentences. */
  readonly feedback?: string;
  /** A language model's follow-up question (asked next in a mock interview). */
  readonly followUp?: string;
}

/** The mock interview's clocks as of the moment the card was posted (milliseconds). */
export interface InterviewClock {
  readonly elapsedMs: number;
  readonly lengthMs: number;
  readonly questionMs: number;
  readonly questionLimitMs: number;
  /** False while paused: the clocks stand still. */
  readonly running: boolean;
  readonly followUp?: boolean;
}

export type ToCard = { readonly type: 'card'; readonly rev: number; readonly card: CardView };

export type FromCard =
  | { readonly type: 'reveal'; readonly rev: number }
  | { readonly type: 'rate'; readonly rev: number; readonly rating: 1 | 2 | 3 | 4 }
  | { readonly type: 'notes'; readonly rev: number; readonly text: string }
  | { readonly type: 'stop' }
  | { readonly type: 'openTopic'; readonly id: string }
  | { readonly type: 'drawn'; readonly rev: number; readonly timing?: PageTiming }
  /** Mock interview controls (Done is `reveal`, Stop is `stop`). */
  | { readonly type: 'interview'; readonly rev: number; readonly action: InterviewAction };

export type InterviewAction = 'pause' | 'resume' | 'skip';
const INTERVIEW_ACTIONS: readonly unknown[] = ['pause', 'resume', 'skip'] satisfies InterviewAction[];

const MAX_NOTES = 10_000;
const isRev = (v: unknown): v is number => Number.isSafeInteger(v);

/** Messages from the card page are untrusted: anything not exactly one of these is dropped. */
export function parseFromCard(raw: unknown): FromCard | undefined {
  if (!isObject(raw)) { return undefined; }
  switch (raw.type) {
    case 'reveal':
      return isRev(raw.rev) ? { type: raw.type, rev: raw.rev } : undefined;
    case 'drawn':
      return isRev(raw.rev) && optionalTiming(raw.timing) ? { type: 'drawn', rev: raw.rev, timing: raw.timing && { received: raw.timing.received, drawn: raw.timing.drawn } } : undefined;
    case 'rate':
      return isRev(raw.rev) && (raw.rating === 1 || raw.rating === 2 || raw.rating === 3 || raw.rating === 4) ? { type: 'rate', rev: raw.rev, rating: raw.rating } : undefined;
    case 'notes':
      return isRev(raw.rev) && typeof raw.text === 'string' && raw.text.length <= MAX_NOTES ? { type: 'notes', rev: raw.rev, text: raw.text } : undefined;
    case 'stop':
      return { type: 'stop' };
    case 'openTopic':
      return typeof raw.id === 'string' && raw.id.length > 0 && raw.id.length <= 300 ? { type: 'openTopic', id: raw.id } : undefined;
    case 'interview':
      return isRev(raw.rev) && INTERVIEW_ACTIONS.includes(raw.action) ? { type: 'interview', rev: raw.rev, action: raw.action as InterviewAction } : undefined;
    default:
      return undefined;
  }
}

// The mock interview report page (media/report.js).

/** Report webview -> extension: open a topic to revisit, copy the report, start another. */
export type FromReport =
  | { readonly type: 'openTopic'; readonly id: string }
  | { readonly type: 'copy' }
  | { readonly type: 'again' };

export function parseFromReport(raw: unknown): FromReport | undefined {
  if (!isObject(raw)) { return undefined; }
  if (raw.type === 'openTopic') { return isId(raw.id) ? { type: 'openTopic', id: raw.id } : undefined; }
  return raw.type === 'copy' || raw.type === 'again' ? { type: raw.type } : undefined;
}

// The cards-in-this-document page (media/cards.js).

/** Cards webview -> extension: open the document at a line. */
export type FromCards = { readonly type: 'openLine'; readonly line: number };

export function parseFromCards(raw: unknown): FromCards | undefined {
  if (!isObject(raw) || raw.type !== 'openLine') { return undefined; }
  return Number.isSafeInteger(raw.line) && (raw.line as number) >= 0 ? { type: 'openLine', line: raw.line as number } : undefined;
}
