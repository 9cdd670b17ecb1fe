// Past mock interviews, kept with the progress (so synced, exported and imported with it).
// Compact, bounded, checked entry by entry when read, and merged by id: two windows that each
// finished a session both keep theirs.
import type { MockAnswer, MockResult } from './mockInterview';
import type { PointsCovered } from '../cards/questions';
import { isObject } from '../util/validate';

/** The newest sessions kept; older ones go first. */
export const MAX_MOCK_HISTORY = 200;
/** Questions kept per session: a 45-minute session asks about fifteen. */
export const MAX_MOCK_QUESTIONS = 100;

/**
 * One question: [card id, topic id, rating (0 = skipped, 1-4), seconds on it, 1 when a follow-up],
 * then, for a typed answer that was graded, [key points covered, key points in all].
 */
export type MockQuestionRecord = [string, string, number, number, number] | [string, string, number, number, number, number, number];

export interface MockRecord {
  /** Unique per session (start time and a random part). */
  readonly id: string;
  /** The document's progress key. */
  readonly doc: string;
  /** Start (ms). */
  readonly at: number;
  /** Planned length in minutes. */
  readonly minutes: number;
  /** What it covered, in words ("whole document", a section's title, "weakest topics"). */
  readonly focus: string;
  /** Time spent (ms, pauses excluded). */
  readonly ms: number;
  readonly questions: MockQuestionRecord[];
}

export function mockRecord(result: MockResult, doc: string, focus: string, id: string): MockRecord {
  return {
    id, doc, at: result.startedAt, minutes: Math.round(result.lengthMs / 60_000), focus: focus.slice(0, 200), ms: Math.max(0, Math.round(result.ms)),
    questions: result.answers.slice(0, MAX_MOCK_QUESTIONS).map((a): MockQuestionRecord => {
      const q: MockQuestionRecord = [a.cardId.slice(0, 300), a.topic, a.rating ?? 0, Math.round(a.ms / 1000), a.followUp ? 1 : 0];
      const p = answerPoints(a);
      return p ? [...q, p.covered, p.total] : q;
    }),
  };
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function isQuestion(v: unknown): v is MockQuestionRecord {
  return Array.isArray(v) && (v.length === 5 || (v.length === 7 && isCount(v[6], 50) && v[6] > 0 && isCount(v[5], v[6])))
    && isText(v[0], 300) && isText(v[1], 300) && isCount(v[2], 4) && isCount(v[3], 86_400) && (v[4] === 0 || v[4] === 1);
}

/** Saved history: anything malformed is dropped and counted, never thrown on. */
export function parseMockHistory(raw: unknown, notAfter: number): { history: MockRecord[]; dropped: number } {
  if (!Array.isArray(raw)) { return { history: [], dropped: raw === undefined ? 0 : 1 }; }
  let dropped = 0;
  const history: MockRecord[] = [];
  for (const r of raw.slice(-MAX_MOCK_HISTORY * 2)) {
    if (isObject(r) && isText(r.id, 100) && isText(r.doc, 4096) && isCount(r.at, notAfter) && isCount(r.minutes, 600) && typeof r.focus === 'string' && r.focus.length <= 200
      && isCount(r.ms, 86_400_000) && Array.isArray(r.questions) && r.questions.length <= MAX_MOCK_QUESTIONS && r.questions.every(isQuestion)) {
      history.push({ id: r.id, doc: r.doc, at: r.at, minutes: r.minutes, focus: r.focus, ms: r.ms, questions: (r.questions as MockQuestionRecord[]).map(q => [...q] as MockQuestionRecord) });
    } else { dropped++; }
  }
  return { history: mergeMockHistory(history, []), dropped };
}

/** Both copies' sessions, once each, oldest first, the newest MAX_MOCK_HISTORY kept. */
export function mergeMockHistory(a: readonly MockRecord[] | undefined, b: readonly MockRecord[] | undefined): MockRecord[] {
  const byId = new Map<string, MockRecord>();
  for (const r of [...(a ?? []), ...(b ?? [])]) { if (!byId.has(r.id)) { byId.set(r.id, r); } }
  return [...byId.values()].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).slice(-MAX_MOCK_HISTORY);
}

export interface MockFigures {
  readonly asked: number;
  readonly answered: number;
  readonly skipped: number;
  /** Mean rating of the answered questions (1-4), undefined when none was answered. */
  readonly average: number | undefined;
  /** Share of answered questions rated Good or Easy (0..1), undefined when none was answered. */
  readonly good: number | undefined;
  /** Mean share of key points covered by the typed answers that were graded (0..1); absent when none was. */
  readonly coverage?: number;
}

/** Figures over ratings (0 = skipped) and, where answers were graded, their key points. */
export function mockFigures(ratings: readonly number[], points: ReadonlyArray<PointsCovered | undefined> = []): MockFigures {
  const answered = ratings.filter(r => r > 0);
  const graded = points.filter((p): p is PointsCovered => p !== undefined && p.total > 0);
  return {
    asked: ratings.length,
    answered: answered.length,
    skipped: ratings.length - answered.length,
    average: answered.length ? answered.reduce((s, r) => s + r, 0) / answered.length : undefined,
    good: answered.length ? answered.filter(r => r >= 3).length / answered.length : undefined,
    ...(graded.length ? { coverage: graded.reduce((s, p) => s + p.covered / p.total, 0) / graded.length } : {}),
  };
}

/** A saved question's key points, when its answer was graded. */
export const recordPoints = (q: MockQuestionRecord): PointsCovered | undefined => q.length === 7 ? { covered: q[5], total: q[6] } : undefined;

/** An answer's key points, when it was typed and graded against at least one. */
export const answerPoints = (a: MockAnswer): PointsCovered | undefined =>
  a.coverage && a.coverage.total > 0 ? { covered: a.coverage.covered, total: a.coverage.total } : undefined;

/** The last `count` sessions on `doc`, oldest first, with their figures: the trend over time. */
export function mockTrend(history: readonly MockRecord[] | undefined, doc: string, count = 10): Array<MockFigures & { readonly at: number; readonly id: string; readonly minutes: number }> {
  return (history ?? []).filter(r => r.doc === doc).slice(-count).map(r => ({ id: r.id, at: r.at, minutes: r.minutes, ...mockFigures(r.questions.map(q => q[2]), r.questions.map(recordPoints)) }));
}
