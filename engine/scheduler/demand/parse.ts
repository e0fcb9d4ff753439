/**
 * Readers for club occupancy history, text in → hourly entry series out. Pure: no file access.
 *
 * Two real formats are read (see `../shared/data/occupancy/`):
 * - IsItBusy hourly counts (CharmingZh/IsItBusy, MSU gyms Circle/East/West, GPL-3.0):
 *   `Date,6,7,…,23` then one row per calendar day, `YYYY-MM-DD,n6,…,n23`; each cell is the number
 *   of entries counted in that clock hour. Days whose cells are all zero are the gym closed or the
 *   collector down: they are skipped and listed in `closedDays`, never fed to a model as zeros.
 * - Card-reader swipes (mgerlach-klick/gym-heatmap, EPL-1.0): `DeviceName,Direction,AlarmDateTime`
 *   with `Direction` In/Out and a local time `M/D/YYYY H:MM`. Each `In` is one entry; `Out` is
 *   ignored (entries, not occupancy, are what the model predicts).
 *
 * Conventions used through the demand module: `date` is `YYYY-MM-DD` (local calendar day of the
 * club), `hour` 0–23 is the clock hour the entries started in, `count` is entries per hour.
 */
import { readDelimited, stripBom } from '../../imports/csv';

/** One observed hour: `count` entries (persons/hour) at `date` (YYYY-MM-DD), clock `hour` 0–23. */
export interface HourlyCount {
  date: string;
  hour: number;
  count: number;
}

/** A line that could not be read, with its 1-based line number in the file. */
export interface DemandParseProblem {
  line: number;
  message: string;
}

/** A parsed history: open-day hours sorted by date then hour, the days skipped as closed, problems. */
export interface HourlySeries {
  rows: HourlyCount[];
  /** Days seen in the file with no entries at all (closed or not recorded), YYYY-MM-DD. */
  closedDays: string[];
  problems: DemandParseProblem[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

function readHourHeader(fields: readonly string[]): number[] | string {
  const hours = fields.slice(1).map((f) => Number(f.trim()));
  const bad = hours.findIndex((h) => !Number.isInteger(h) || h < 0 || h > 23);
  if (hours.length === 0) return 'the header names no hour columns';
  if (bad >= 0) return `header column ${bad + 2} ("${fields[bad + 1] ?? ''}") is not an hour 0–23`;
  return hours;
}

/**
 * Parses an IsItBusy-style hourly table (`Date,6,…,23`). Returns every hour of every day that has
 * at least one entry (zeros inside an open day are kept: they are real quiet hours), lists the
 * all-zero days in `closedDays`, and reports rows with a bad date or a non-count cell as problems.
 */
export function parseHourlyCountsCsv(text: string): HourlySeries {
  const { records, problems: csvProblems } = readDelimited(stripBom(text), ',');
  const problems: DemandParseProblem[] = [...csvProblems];
  const rows: HourlyCount[] = [];
  const closedDays: string[] = [];
  const header = records[0];
  if (header === undefined) return { rows, closedDays, problems: [...problems, { line: 1, message: 'empty file' }] };
  const hours = readHourHeader(header.fields);
  if (typeof hours === 'string') return { rows, closedDays, problems: [...problems, { line: header.line, message: hours }] };
  for (const record of records.slice(1)) {
    const date = (record.fields[0] ?? '').trim();
    if (!isIsoDate(date)) { problems.push({ line: record.line, message: `"${date}" is not a date YYYY-MM-DD` }); continue; }
    const counts = hours.map((_, i) => Number((record.fields[i + 1] ?? '').trim()));
    const bad = counts.findIndex((c) => !Number.isFinite(c) || c < 0);
    if (bad >= 0 || record.fields.length !== hours.length + 1) {
      problems.push({ line: record.line, message: `${date}: expected ${hours.length} non-negative counts` });
      continue;
    }
    if (counts.every((c) => c === 0)) { closedDays.push(date); continue; }
    hours.forEach((hour, i) => rows.push({ date, hour, count: counts[i] ?? 0 }));
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.hour - b.hour);
  return { rows, closedDays, problems };
}

const SWIPE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})/;

function swipeDateHour(text: string): { date: string; hour: number } | null {
  const m = SWIPE_TIME.exec(text.trim());
  if (m === null) return null;
  const date = `${m[3]}-${(m[1] ?? '').padStart(2, '0')}-${(m[2] ?? '').padStart(2, '0')}`;
  const hour = Number(m[4]);
  return isIsoDate(date) && hour <= 23 ? { date, hour } : null;
}

/**
 * Parses a card-reader swipe log (`DeviceName,Direction,AlarmDateTime`, time `M/D/YYYY H:MM`) into
 * hourly entries: the number of `In` swipes per date and clock hour. Every day with at least one
 * `In` contributes every hour in the club's observed span (earliest to latest `In` hour over the
 * whole log), with 0 for hours without swipes; days with no `In` are listed in `closedDays`
 * (only between the first and last swipe day). Returns the hourly series and `events`, the `In` count.
 */
export function parseSwipeLog(text: string): HourlySeries & { events: number } {
  const { records, problems: csvProblems } = readDelimited(stripBom(text), ',');
  const problems: DemandParseProblem[] = [...csvProblems];
  const perDay = new Map<string, Map<number, number>>();
  let events = 0;
  for (const record of records.slice(1)) {
    const direction = (record.fields[1] ?? '').trim().toLowerCase();
    if (direction === 'out') continue;
    const at = swipeDateHour(record.fields[2] ?? '');
    if (direction !== 'in' || at === null) {
      problems.push({ line: record.line, message: `expected Direction In/Out and a time M/D/YYYY H:MM` });
      continue;
    }
    const day = perDay.get(at.date) ?? new Map<number, number>();
    day.set(at.hour, (day.get(at.hour) ?? 0) + 1);
    perDay.set(at.date, day);
    events++;
  }
  const allHours = [...perDay.values()].flatMap((d) => [...d.keys()]);
  if (allHours.length === 0) return { rows: [], closedDays: [], problems, events };
  const first = Math.min(...allHours);
  const last = Math.max(...allHours);
  const rows: HourlyCount[] = [];
  const days = [...perDay.keys()].sort();
  for (const date of days) {
    const day = perDay.get(date);
    for (let hour = first; hour <= last; hour++) rows.push({ date, hour, count: day?.get(hour) ?? 0 });
  }
  return { rows, closedDays: missingDays(days), problems, events };
}

/** Calendar days strictly between the first and last of `sortedDays` that are not in it. */
function missingDays(sortedDays: readonly string[]): string[] {
  const have = new Set(sortedDays);
  const out: string[] = [];
  const start = sortedDays[0];
  const end = sortedDays[sortedDays.length - 1];
  if (start === undefined || end === undefined) return out;
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (!have.has(d)) out.push(d);
  }
  return out;
}
