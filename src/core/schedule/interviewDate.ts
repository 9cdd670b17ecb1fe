// The interview date: a calendar day ('YYYY-MM-DD') read in local time, parsed from what a
// person types, and the day arithmetic the plan and the scheduler's cap need. Days are counted
// on the calendar (UTC day numbers of local dates), so a daylight-saving change moves nothing.
import { dayLabelOf } from '../util/format';

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');

/** A day as 'YYYY-MM-DD'. */
export type Day = string;

export type DateInput =
  | { readonly kind: 'date'; readonly date: Day }
  | { readonly kind: 'clear' }
  | { readonly kind: 'invalid'; readonly message: string };

/** The local calendar day of an instant. */
export function dayOf(at: Date): Day {
  return format(at.getFullYear(), at.getMonth() + 1, at.getDate());
}

/** Local midnight at the start of `day`; undefined for anything but a real 'YYYY-MM-DD' date. */
export function startOfDay(day: Day): Date | undefined {
  const p = parts(day);
  return p && new Date(p.y, p.m - 1, p.d);
}

/** Calendar days from the local day of `from` to `day` (0: the same day, negative: past). */
export function daysUntil(from: Date, day: Day): number {
  const p = parts(day);
  if (!p) { return NaN; }
  return (Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(from.getFullYear(), from.getMonth(), from.getDate())) / DAY;
}

/** `day` moved by `n` calendar days. */
export function addDays(day: Day, n: number): Day {
  const p = parts(day);
  if (!p) { return day; }
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A saved value that is a real date, or undefined (anything else in storage is ignored). */
export function readDay(raw: unknown): Day | undefined {
  return typeof raw === 'string' && parts(raw) ? raw : undefined;
}

/** "Fri 12 Mar 2027". */
export function describeDay(day: Day): string {
  const start = startOfDay(day);
  if (!start) { return day; }
  return dayLabelOf(start.getDay(), start.getDate(), start.getMonth(), start.getFullYear());
}

/** "today", "tomorrow", "in 9 days", "3 days ago". */
export function describeDaysLeft(n: number): string {
  if (n === 0) { return 'today'; }
  if (n === 1) { return 'tomorrow'; }
  if (n === -1) { return 'yesterday'; }
  return n > 1 ? `in ${n} days` : `${-n} days ago`;
}

/**
 * What a person typed as the interview date. ISO 'YYYY-MM-DD' (or with slashes), "tomorrow",
 * "in 10 days", "in 3 weeks", "12 March 2027", "March 12", "12 Mar" (the next such day);
 * empty clears the date. The date must be a real one, after today.
 */
export function parseInterviewDate(text: string, now: Date): DateInput {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/,/g, '');
  if (!t) { return { kind: 'clear' }; }
  const day = readNatural(t, now);
  if (day === undefined) {
    return { kind: 'invalid', message: `“${text.trim()}” is not a date. Type it as YYYY-MM-DD, e.g. ${addDays(dayOf(now), 14)}, or “in 2 weeks”; leave it empty to clear the date.` };
  }
  if (day === null) {
    return { kind: 'invalid', message: `“${text.trim()}” is not a real calendar date. Check the day and month.` };
  }
  const left = daysUntil(now, day);
  if (left < 0) { return { kind: 'invalid', message: `${describeDay(day)} has passed. Enter a day after today.` }; }
  if (left === 0) { return { kind: 'invalid', message: 'That is today: there are no days left to plan. Enter a day after today.' }; }
  if (left > 3660) { return { kind: 'invalid', message: `${describeDay(day)} is more than ten years away. Enter a nearer date.` }; }
  return { kind: 'date', date: day };
}

/** A day, null for a date-like text that names no real day, undefined for text that is no date. */
function readNatural(t: string, now: Date): Day | null | undefined {
  const today = dayOf(now);
  const numeric = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (numeric) { return real(+numeric[1], +numeric[2], +numeric[3]); }
  if (t === 'today') { return today; }
  if (t === 'tomorrow') { return addDays(today, 1); }
  const relative = /^(?:in )?(\d{1,4}) (day|week|month)s?$/.exec(t);
  if (relative) {
    const n = +relative[1];
    if (relative[2] === 'day') { return addDays(today, n); }
    if (relative[2] === 'week') { return addDays(today, 7 * n); }
    const p = parts(today)!;
    const months = p.m - 1 + n;
    return real(p.y + Math.floor(months / 12), (months % 12) + 1, p.d) ?? lastOfMonth(p.y + Math.floor(months / 12), (months % 12) + 1);
  }
  // "12 march 2027", "march 12 2027", "12 mar", "mar 12"
  const named = /^(?:(\d{1,2}) ([a-z]+)|([a-z]+) (\d{1,2}))(?: (\d{4}))?$/.exec(t);
  if (named) {
    const month = monthOf(named[2] ?? named[3]);
    if (!month) { return undefined; }
    const d = +(named[1] ?? named[4]);
    if (named[5]) { return real(+named[5], month, d); }
    const p = parts(today)!;
    const thisYear = real(p.y, month, d);
    if (thisYear === null) { return real(p.y + 1, month, d); }
    return daysUntil(now, thisYear) > 0 ? thisYear : real(p.y + 1, month, d);
  }
  return undefined;
}

function monthOf(name: string): number | undefined {
  if (name.length < 3) { return undefined; }
  const i = MONTH_NAMES.findIndex(full => full.startsWith(name));
  return i < 0 ? undefined : i + 1;
}

/** The day if y-m-d is a real date, else null. */
function real(y: number, m: number, d: number): Day | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) { return null; }
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? format(y, m, d) : null;
}

function lastOfMonth(y: number, m: number): Day {
  const d = new Date(Date.UTC(y, m, 0));
  return format(y, m, d.getUTCDate());
}

function parts(day: string): { y: number; m: number; d: number } | undefined {
  const match = ISO.exec(day);
  if (!match) { return undefined; }
  const [y, m, d] = [+match[1], +match[2], +match[3]];
  return real(y, m, d) ? { y, m, d } : undefined;
}

function format(y: number, m: number, d: number): Day {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
