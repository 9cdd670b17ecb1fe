// The scheduling settings (desired retention, maximum interval, new cards per day) as read from
// settings.json: any value in, a usable value out. Out-of-range numbers are clamped, not thrown,
// and each correction is described so the adapter can say so once.

export interface ScheduleSettings {
  /** FSRS request_retention: the recall probability a card is scheduled to fall to, 0.7..0.99. */
  readonly desiredRetention: number;
  /** Longest interval in days, a whole number of at least 1. */
  readonly maximumInterval: number;
  /** Never-reviewed cards a quiz introduces per day; 0 is no limit. */
  readonly newCardsPerDay: number;
}

export const DEFAULT_SCHEDULE: ScheduleSettings = { desiredRetention: 0.9, maximumInterval: 36500, newCardsPerDay: 20 };

export const RETENTION_RANGE = { min: 0.7, max: 0.99 } as const;

export interface ParsedSettings {
  readonly settings: ScheduleSettings;
  /** One line per value that was corrected, naming the setting and what is used instead. */
  readonly problems: readonly string[];
}

/** The raw values of `djangoPrep.desiredRetention`, `maximumInterval` and `newCardsPerDay`. */
export interface RawSettings {
  readonly desiredRetention?: unknown;
  readonly maximumInterval?: unknown;
  readonly newCardsPerDay?: unknown;
}

export function parseScheduleSettings(raw: RawSettings): ParsedSettings {
  const problems: string[] = [];
  const number = (key: keyof ScheduleSettings, v: unknown, min: number, max: number, whole: boolean): number => {
    const fallback = DEFAULT_SCHEDULE[key];
    if (v === undefined || v === null) { return fallback; }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push(`djangoPrep.${key} is ${JSON.stringify(v)}, not a number: using ${fallback}.`);
      return fallback;
    }
    let n = whole ? Math.round(v) : v;
    n = Math.min(max, Math.max(min, n));
    if (n !== v) {
      const range = max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      problems.push(`djangoPrep.${key} is ${v}, outside ${range}${whole ? ' (a whole number)' : ''}: using ${n}.`);
    }
    return n;
  };
  const settings: ScheduleSettings = {
    desiredRetention: number('desiredRetention', raw.desiredRetention, RETENTION_RANGE.min, RETENTION_RANGE.max, false),
    maximumInterval: number('maximumInterval', raw.maximumInterval, 1, 36500, true),
    newCardsPerDay: number('newCardsPerDay', raw.newCardsPerDay, 0, Infinity, true),
  };
  return { settings, problems };
}
