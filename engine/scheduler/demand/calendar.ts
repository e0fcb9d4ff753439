/**
 * Calendar arithmetic for demand series, on plain `YYYY-MM-DD` days (the club's local calendar;
 * computed in UTC so no time zone or daylight-saving shift can move a day).
 *
 * Weekday convention of the demand module: 0 = Monday … 6 = Sunday (ISO 8601 order).
 * Months are 1–12. "Week number" is a continuous count of weeks since Monday 1970-01-05,
 * fractional within a week (days / 7), used as the trend's time axis.
 */

const DAY_MS = 86_400_000;
/** Monday 1970-01-05, 00:00 UTC, in ms: the origin of `weekNumber`. */
const EPOCH_MONDAY_MS = Date.UTC(1970, 0, 5);

function dayMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Weekday of a `YYYY-MM-DD` day, 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (((dayIndex(date) + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3)
}

/** Month of a `YYYY-MM-DD` day, 1–12. */
export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** Weeks (fractional, days / 7) from Monday 1970-01-05 to `date`. */
export function weekNumber(date: string): number {
  return (dayMs(date) - EPOCH_MONDAY_MS) / DAY_MS / 7;
}

/** The day `days` calendar days after `date` (negative: before), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(dayMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** The `YYYY-MM-DD` day at a (fractional) week number; inverse of `weekNumber` to the day. */
export function dateOfWeek(week: number): string {
  return new Date(EPOCH_MONDAY_MS + Math.floor(week * 7 + 1e-9) * DAY_MS).toISOString().slice(0, 10);
}

const DAY_INDEX = new Map<string, number>();

/** Whole days from 1970-01-01 to `date` (memoised: evaluations look the same days up many times). */
export function dayIndex(date: string): number {
  let i = DAY_INDEX.get(date);
  if (i === undefined) {
    i = Math.round(dayMs(date) / DAY_MS);
    if (DAY_INDEX.size < 100_000) DAY_INDEX.set(date, i);
  }
  return i;
}
