/**
 * Parsers for the cell values of app exports (Strong, Hevy, Fitbod, FitNotes): durations, numbers, set orders and
 * distance units. Each returns `null` for text it cannot read; callers decide what that means.
 */

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
  m: 1, meters: 1, metres: 1, meter: 1, metre: 1, 'mètres': 1, metros: 1, metri: 1, km: METRES_PER_KM, kilometers: METRES_PER_KM, kilometres: METRES_PER_KM,
  mi: METRES_PER_MILE, mile: METRES_PER_MILE, miles: METRES_PER_MILE, yd: 0.9144, yards: 0.9144, ft: 0.3048, feet: 0.3048,
};

/** `km` / `mi` / ... → metres per unit; `null` for an unknown unit. Case-insensitive. */
export function metresPerDistanceUnit(text: string): number | null {
  return METRES_PER_DISTANCE_UNIT[text.trim().toLowerCase()] ?? null;
}
