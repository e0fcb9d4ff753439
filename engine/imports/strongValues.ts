/**
 * Parsers for the cell values of Strong app exports: dates, durations, numbers, set orders and
 * distance units. Each returns `null` for text it cannot read; callers decide what that means.
 */

/**
 * `2020-09-29 07:10:22` → `2020-09-29T07:10:22`.
 *
 * Strong writes the phone's local wall-clock time with no zone, so the result is an ISO-8601
 * *local* date-time with no offset: the zone is unknown and is not invented here. Also accepted:
 * a `T` separator, missing seconds, and the 12-hour form of newer exports
 * (`2024-01-15 6:05:03 PM`, with a space, no-break space or narrow no-break space before AM/PM).
 * Returns `null` for any other shape or an impossible calendar date or time.
 */
export function parseStrongDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[\s\u00a0\u202f]*([AaPp])\.?[Mm]\.?)?$/
    .exec(text.trim());
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, ampm] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  let hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const HOURS = '(?:h|hr|hrs|hour|hours|小时)';
const MINUTES = '(?:m|min|mins|minute|minutes|分钟|分)';
const SECONDS = '(?:s|sec|secs|second|seconds|秒)';
const UNIT_DURATION = new RegExp(
  `^(?:(\\d+)\\s*${HOURS})?\\s*(?:(\\d+)\\s*${MINUTES})?\\s*(?:(\\d+)\\s*${SECONDS})?$`, 'i',
);

/**
 * A workout duration in whole seconds.
 *
 * Accepted: `1小时13分钟`, `57分钟`, `2小时` (Chinese Strong); `1h 13m`, `73m`, `45s`, `1h`
 * (English Strong); `1:13:00` (h:mm:ss) and `13:05` (m:ss); a bare number, read as seconds
 * (as some converters write it). Returns `null` for empty or unreadable text.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Math.round(Number(t));
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock !== null) {
    const [, a, b, c] = clock;
    return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c);
  }
  const m = UNIT_DURATION.exec(t);
  if (m === null) return null;
  const [, h, mi, s] = m;
  if (h === undefined && mi === undefined && s === undefined) return null;
  return Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0);
}

/**
 * A decimal number from a cell: `44.09245243697551`, `5`, `13.0`, `-2.5`, `1e3`. With a semicolon
 * delimiter a decimal comma (`20,5`) is accepted too, as European spreadsheets write it.
 * Empty text is the caller's business; anything else unreadable → `null`.
 */
export function parseDecimal(text: string, allowDecimalComma: boolean): number | null {
  let t = text.trim();
  if (allowDecimalComma && /^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

export const SET_KINDS = ['working', 'warmup', 'drop', 'failure'] as const;
export type SetKind = (typeof SET_KINDS)[number];

/** What a `Set Order` cell says. */
export type SetOrderValue =
  | { kind: 'set'; setOrder: number | null; setKind: SetKind }
  | { kind: 'rest-timer' };

/**
 * `1`, `2`, ... → a working set with that order. Strong marks special sets with a letter instead of
 * a number: `W` warm-up, `D` drop set, `F` set to failure (so 0 reps in reserve); those have no
 * order (`null`). `Rest Timer` rows (newer exports log rests between sets) are their own kind.
 * Returns `null` for anything else (including a negative or fractional order).
 */
export function parseSetOrder(text: string): SetOrderValue | null {
  const t = text.trim();
  if (/^rest timer$/i.test(t)) return { kind: 'rest-timer' };
  if (/^\d+(?:\.0+)?$/.test(t)) return { kind: 'set', setOrder: Number(t), setKind: 'working' };
  const letter = t.toUpperCase();
  if (letter === 'W') return { kind: 'set', setOrder: null, setKind: 'warmup' };
  if (letter === 'D') return { kind: 'set', setOrder: null, setKind: 'drop' };
  if (letter === 'F') return { kind: 'set', setOrder: null, setKind: 'failure' };
  return null;
}

/**
 * Metres per distance unit, exact by definition: 1 mi = 1609.344 m, 1 yd = 0.9144 m,
 * 1 ft = 0.3048 m (International Yard and Pound Agreement, 1959).
 */
export const METRES_PER_MILE = 1609.344;
export const METRES_PER_KM = 1000;
export const METRES_PER_DISTANCE_UNIT: Readonly<Record<string, number>> = {
  m: 1, km: METRES_PER_KM, mi: METRES_PER_MILE, mile: METRES_PER_MILE, miles: METRES_PER_MILE, yd: 0.9144, ft: 0.3048,
};

/** `km` / `mi` / ... → metres per unit; `null` for an unknown unit. Case-insensitive. */
export function metresPerDistanceUnit(text: string): number | null {
  return METRES_PER_DISTANCE_UNIT[text.trim().toLowerCase()] ?? null;
}
