/**
 * Small UTC date helpers for grouping sets into sessions and weeks.
 * Timestamps are ISO-8601 strings; a "session" is one UTC calendar day (YYYY-MM-DD).
 */

export const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch, or `null` when `iso` does not parse. */
export function parseTime(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Milliseconds since the epoch; throws `RangeError` naming `field` when `iso` does not parse. */
export function requireTime(iso: string, field: string): number {
  const ms = parseTime(iso);
  if (ms === null) throw new RangeError(`${field} must be an ISO-8601 time, got "${iso}"`);
  return ms;
}

/** The UTC calendar date (YYYY-MM-DD) of an epoch time. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday (YYYY-MM-DD, UTC) of the ISO week holding `ms`. */
export function mondayOf(ms: number): string {
  const day = new Date(ms).getUTCDay(); // 0 = Sunday
  const back = (day + 6) % 7;
  return utcDate(ms - back * MS_PER_DAY);
}

/** Whole days from `fromMs` to `toMs` (floored; negative when `toMs` is earlier). */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / MS_PER_DAY);
}
