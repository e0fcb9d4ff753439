/**
 * Dates and times of workout-app exports, read with `date-fns` (and its locales), never with a
 * pattern per app.
 *
 * Shapes read (after no-break and narrow no-break spaces become plain spaces):
 * - zone-less wall clock: `2020-09-29 07:10:22`, `2020-09-29T07:10`, `2024-01-15 6:05:03 PM`
 *   (Strong), `2015-08-22` (FitNotes: a date with no time of day, read as 00:00);
 * - with a UTC offset: `2025-12-17 03:24:30 +0000` (Fitbod), ISO-8601 with `Z` or `±hh:mm`;
 * - a day, an abbreviated or full month name in a supported language and a time:
 *   `13 Jan 2026, 18:43` (Hevy), `12 Nis 2024, 18:30` (Turkish), `12 März 2024, 18:30` (German),
 *   also French, Spanish, Italian and Chinese month names.
 *
 * Zone-less times are the lifter's wall clock; they are kept as they are and *read as club time*
 * (the caller says so in its report). Times with an offset are converted to the club's zone
 * (`timeZone`, an IANA name such as `Europe/Berlin`) with `Intl.DateTimeFormat`. The result is
 * always a zone-less ISO local date-time in the club's zone, `YYYY-MM-DDTHH:mm:ss`.
 *
 * Caveat: `date-fns` builds a `Date` in the process's zone; only its wall-clock fields are used,
 * so a zone-less time that does not exist in the process's zone (a DST gap) may move by an hour.
 * The studio's processes run in UTC, where there are no gaps.
 */
import { isValid, parse, parseISO } from 'date-fns';
import { de, enUS, es, fr, it, tr, zhCN } from 'date-fns/locale';
import type { Locale } from 'date-fns';

/** A date read from a cell. */
export interface ExportDate {
  /** Local ISO date-time in the club's zone, `2020-09-29T07:10:22`. */
  iso: string;
  /** True when the text carried a UTC offset (converted to the club's zone). */
  zoned: boolean;
  /** True when the text had no time of day (read as 00:00). */
  dateOnly: boolean;
}

/** Languages whose month names are read, in the order they are tried. */
export const DATE_LOCALES: ReadonlyArray<{ code: string; locale: Locale }> = [
  { code: 'en', locale: enUS }, { code: 'de', locale: de }, { code: 'fr', locale: fr }, { code: 'es', locale: es },
  { code: 'it', locale: it }, { code: 'tr', locale: tr }, { code: 'zh', locale: zhCN },
];

interface Pattern { format: string; zoned: boolean; dateOnly: boolean; named: boolean }

const PATTERNS: readonly Pattern[] = [
  ...['yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm', "yyyy-MM-dd'T'HH:mm",
    'yyyy-MM-dd h:mm:ss a', 'yyyy-MM-dd h:mm a'].map((format) => ({ format, zoned: false, dateOnly: false, named: false })),
  ...['yyyy-MM-dd HH:mm:ss xx', 'yyyy-MM-dd HH:mm:ss xxx', 'yyyy-MM-dd HH:mm xx']
    .map((format) => ({ format, zoned: true, dateOnly: false, named: false })),
  { format: 'yyyy-MM-dd', zoned: false, dateOnly: true, named: false },
  ...['d MMM yyyy, HH:mm', 'd MMMM yyyy, HH:mm', 'd MMM yyyy HH:mm', 'MMM d, yyyy, HH:mm', 'd MMM yyyy, h:mm a', 'MMM d, yyyy, h:mm a']
    .map((format) => ({ format, zoned: false, dateOnly: false, named: true })),
];

const REFERENCE = new Date(2000, 0, 1);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function wallClock(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant (ms since the epoch) as a local ISO date-time in `timeZone`. Throws `RangeError` for an unknown zone. */
export function instantInZone(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** True for an IANA zone name `Intl` knows, e.g. `Europe/Berlin`, `UTC`. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    instantInZone(0, timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads dates of one file. Keeps the pattern (and locale) that matched last, since a file uses
 * one, and caches each distinct text (a workout's date repeats on all its rows).
 */
export class DateReader {
  private readonly cache = new Map<string, ExportDate | null>();
  private last: { pattern: Pattern; locale: Locale } | null = null;

  constructor(private readonly timeZone: string = 'UTC') {}

  read(text: string): ExportDate | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const result = this.readUncached(text);
    if (this.cache.size < 100_000) this.cache.set(text, result);
    return result;
  }

  private readUncached(raw: string): ExportDate | null {
    const text = raw.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
    if (text === '') return null;
    if (this.last !== null) {
      const hit = this.tryPattern(text, this.last.pattern, this.last.locale);
      if (hit !== null) return hit;
    }
    for (const pattern of PATTERNS) {
      for (const { locale } of pattern.named ? DATE_LOCALES : DATE_LOCALES.slice(0, 1)) {
        const hit = this.tryPattern(text, pattern, locale);
        if (hit !== null) {
          this.last = { pattern, locale };
          return hit;
        }
      }
    }
    if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(text) && text.includes('T')) {
      const d = parseISO(text);
      if (isValid(d)) return { iso: instantInZone(d.getTime(), this.timeZone), zoned: true, dateOnly: false };
    }
    return null;
  }

  private tryPattern(text: string, pattern: Pattern, locale: Locale): ExportDate | null {
    const d = parse(text, pattern.format, REFERENCE, { locale });
    if (!isValid(d)) return null;
    const iso = pattern.zoned ? instantInZone(d.getTime(), this.timeZone) : wallClock(d);
    return { iso, zoned: pattern.zoned, dateOnly: pattern.dateOnly };
  }
}

/** Seconds between two local ISO date-times (`b − a`), both read as the same zone. */
export function secondsBetween(a: string, b: string): number {
  return (Date.parse(`${b}Z`) - Date.parse(`${a}Z`)) / 1000;
}
