// Words and numbers as the pages say them: one copy for the dashboard, the study history,
// readiness and the mock interview report.

/** 0.756 -> "76%". */
export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** 1 day, 2 days, 1,200 reviews. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 3 Jun 2024" (English, as the rest of the extension): weekday 0 is Sunday, month 0 January. */
export function dayLabelOf(weekday: number, date: number, month: number, year: number): string {
  return `${WEEKDAYS[weekday]} ${date} ${MONTHS[month]} ${year}`;
}

/** "Jun" for month 5. */
export const monthName = (month: number): string => MONTHS[month];
