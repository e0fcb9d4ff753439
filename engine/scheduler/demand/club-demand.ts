/**
 * The demand a real club's optimizer uses (issue 5, part 2): one table of predicted attendance per
 * class type × weekday × hour for the week being planned, from whatever history the club has.
 * Pure; data in, table out.
 *
 * Sources, best first, combined:
 * 1. **Occupancy counts** (hourly entries, ≥ `MIN_OCCUPANCY_WEEKS` weeks): the seasonal model
 *    (`model.ts`, outage days dropped by `clean.ts`) forecasts the week's entries per hour; a
 *    class type's demand is its assumed share of them (`class-demand.ts`; the share is an
 *    assumption the manager sets per class type, not a measurement).
 *    With a year of counts before the planned week (`YEAR_ALIGNED_MIN_DAYS` of data before it, the
 *    earliest at least 364 days earlier), the year-aligned forecast (`yearly.ts`, options chosen on
 *    the club's own earlier weeks) replaces the seasonal model: under the rolling-origin
 *    evaluation (`npm run bench -- demand`, README "Models") it beats "same week last year" on
 *    every MSU gym, where the seasonal model loses to it. Its sd is the 95 % split-conformal
 *    half-width / 1.96 (rolling.ts), calibrated on the club's earlier 8-week windows.
 * 2. Without occupancy counts: a flat prior of `FLAT_PRIOR_FILL` × the class's capacity (our
 *    assumption, stated in `source`).
 * 3. **Class attendance records** then calibrate the above per class type: demand observed per
 *    class is max(attended, booked + waitlisted) — attendance alone is censored at capacity. The
 *    type's level is scaled by the ratio observed / predicted at the observed slots, and a slot
 *    seen `n` times is pulled toward its own mean with weight n / (n + `SLOT_SHRINK`).
 *    Ratio and shrinkage are our choice (empirical-Bayes style partial pooling), not fitted.
 * Attendance is NOT capped here: `score.ts` caps it at room and class capacity per class.
 */
import type { DemandEstimate, DemandFn, WeeklyWindow } from '../types';
import { addDays, monthOf, weekNumber } from './calendar';
import { classDemand } from './class-demand';
import { dayTotals, dropOutageDays, fitOutageFilter } from './clean';
import { fitDemand } from './model';
import type { HourlyCount } from './parse';
import { calibrationScores, conformalQuantile } from './rolling';
import { fitYearlySelected, YEAR_DAYS } from './yearly';

/** Least weeks of hourly counts before the occupancy model is used (our choice). */
export const MIN_OCCUPANCY_WEEKS = 4;
/** Assumed fill of a class with no history at all (fraction of capacity; our choice). */
export const FLAT_PRIOR_FILL = 0.5;
/** Pseudo-observations of the type-level prediction when blending a slot's own records (our choice). */
export const SLOT_SHRINK = 2;

/** Days of counts before the planned week needed for the year-aligned forecast (our choice: 40 weeks). */
export const YEAR_ALIGNED_MIN_DAYS = 280;

/** One held class: what was booked, attended and waitlisted (people). */
export interface AttendanceRecord {
  date: string;
  classTypeId: string;
  /** 0 = Monday. */
  weekday: number;
  startMin: number;
  capacity: number;
  booked: number;
  attended: number;
  waitlisted: number;
}

export interface DemandClassType { id: string; maxCapacity: number; demandShare: number }

export interface DemandTableInput {
  classTypes: DemandClassType[];
  openingHours: WeeklyWindow[];
  occupancy: HourlyCount[];
  attendance: AttendanceRecord[];
  /** Monday of the planned week (ISO). */
  weekStart: string;
}

/** Predicted attendance keyed `${classTypeId}|${weekday}|${hour}` (people; mean and sd). */
export type DemandTable = Record<string, DemandEstimate>;

export interface DemandTableResult {
  table: DemandTable;
  /** Where the numbers come from, in words for the manager. */
  source: string;
}

export const demandKey = (classTypeId: string, weekday: number, hour: number): string => `${classTypeId}|${weekday}|${hour}`;

/** The DemandFn over a stored table; slots the table lacks predict 0 people. */
export function demandFromTable(table: DemandTable): DemandFn {
  return (ct, weekday, hour) => table[demandKey(ct, weekday, hour)] ?? { mean: 0, sd: 0 };
}

function openHours(openingHours: WeeklyWindow[]): Array<[number, number]> {
  const out = new Set<string>();
  for (const w of openingHours) {
    for (let h = Math.floor(w.startMin / 60); h * 60 < w.endMin; h++) out.add(`${w.weekday}|${h}`);
  }
  return [...out].map((k) => k.split('|').map(Number) as [number, number]);
}

/** The occupancy history the model uses: outage days dropped; its days and weeks. */
function usableOccupancy(occupancy: readonly HourlyCount[]): { rows: HourlyCount[]; days: string[]; weeks: number } {
  const rows = dropOutageDays(occupancy).rows;
  const days = [...new Set(rows.map((r) => r.date))].sort();
  return { rows, days, weeks: days.length / 7 };
}

/** True when the counts before `weekStart` are enough for the year-aligned forecast (see the header). */
function yearAligned(occ: { days: string[] }, weekStart: string): boolean {
  const before = occ.days.filter((d) => d < weekStart);
  return before.length >= YEAR_ALIGNED_MIN_DAYS && before[0]! <= addDays(weekStart, -YEAR_DAYS);
}

/** Club entries per weekday × hour of the planned week by the year-aligned forecast, mean and sd. */
function yearAlignedClub(occupancy: readonly HourlyCount[], weekStart: string): (weekday: number, hour: number) => DemandEstimate {
  // Outages judged by nearby same-weekday days (clean.ts fitOutageFilter), so that a quiet summer is kept.
  const before = occupancy.filter((r) => r.date < weekStart);
  const isOutage = fitOutageFilter(before, weekStart);
  const totals = dayTotals(before);
  const train = before.filter((r) => !isOutage(r.date, totals.get(r.date) ?? 0));
  const forecaster = (t: readonly HourlyCount[], cut: string) => fitYearlySelected(t, cut).forecast;
  const f = forecaster(train, weekStart);
  const q = conformalQuantile(calibrationScores(train, weekStart, forecaster, {
    origins: 1, spacingDays: 61, horizonWeeks: 8, calibrationOrigins: 4, outageMinShare: 0.2, level: 0.95,
  }), 0.95);
  return (weekday, hour) => {
    const mean = f(addDays(weekStart, weekday), hour);
    const half = Number.isFinite(q) ? q * Math.sqrt(mean + 1) : mean;
    return { mean, sd: half / 1.96 };
  };
}

/** Attendance records that calibrate a class type (types with at least 3 records). */
function calibrationRecords(classTypes: readonly DemandClassType[], attendance: readonly AttendanceRecord[]): number {
  return classTypes.reduce((n, ct) => {
    const k = attendance.filter((r) => r.classTypeId === ct.id).length;
    return n + (k >= 3 ? k : 0);
  }, 0);
}

/**
 * Where the predictions of `buildDemandTable` come from, in words, without fitting the model
 * (cheap enough for every view of the club setup). `weekStart`: the planned week's Monday;
 * without it, the day after the last count.
 */
export function describeDemand(input: Pick<DemandTableInput, 'classTypes' | 'occupancy' | 'attendance'> & { weekStart?: string }): string {
  const occ = usableOccupancy(input.occupancy);
  // Without a planned week (the club setup view): the week after the last count.
  const lastDay = occ.days[occ.days.length - 1];
  const weekStart = input.weekStart ?? (lastDay === undefined ? undefined : addDays(lastDay, 1));
  const base = weekStart !== undefined && yearAligned(occ, weekStart)
    ? `year-aligned occupancy forecast (the same weeks of earlier years, scaled to this year's level) on ${Math.round(occ.days.filter((d) => d < weekStart).length / 7)} weeks of hourly counts (${occ.days[0]} to ${occ.days.filter((d) => d < weekStart).pop()}) × an assumed share per class type`
    : occ.weeks >= MIN_OCCUPANCY_WEEKS
    ? `seasonal occupancy model on ${Math.round(occ.weeks)} weeks of hourly counts (${occ.days[0]} to ${occ.days[occ.days.length - 1]}) × an assumed share per class type`
    : `no occupancy history: assumed ${Math.round(FLAT_PRIOR_FILL * 100)} % of each class's capacity`;
  const calibrated = calibrationRecords(input.classTypes, input.attendance);
  return calibrated > 0 ? `${base}, calibrated on ${calibrated} class attendance records` : base;
}

/** Builds the table for one week; see the header for the method. */
export function buildDemandTable(input: DemandTableInput): DemandTableResult {
  const hours = openHours(input.openingHours);
  const occ = usableOccupancy(input.occupancy);
  const base = new Map<string, DemandEstimate>();
  if (yearAligned(occ, input.weekStart)) {
    const club = yearAlignedClub(input.occupancy, input.weekStart);
    for (const ct of input.classTypes) {
      const share = ct.demandShare;
      for (const [d, h] of hours) {
        const c = club(d, h);
        base.set(demandKey(ct.id, d, h), { mean: share * c.mean, sd: Math.sqrt(share * share * c.sd * c.sd + share * (1 - share) * c.mean) });
      }
    }
  } else if (occ.weeks >= MIN_OCCUPANCY_WEEKS) {
    const model = fitDemand(occ.rows);
    const shares = Object.fromEntries(input.classTypes.map((c) => [c.id, c.demandShare]));
    // Uncapped here: a capacity far above any class (the cap is applied per room in score.ts).
    const fn = classDemand(model, shares, 1e6, { week: weekNumber(input.weekStart), month: monthOf(addDays(input.weekStart, 3)) });
    for (const ct of input.classTypes) {
      for (const [d, h] of hours) {
        const f = fn(ct.id, d, h);
        base.set(demandKey(ct.id, d, h), { mean: f.mean, sd: f.sd });
      }
    }
  } else {
    for (const ct of input.classTypes) {
      const mean = FLAT_PRIOR_FILL * ct.maxCapacity;
      for (const [d, h] of hours) base.set(demandKey(ct.id, d, h), { mean, sd: 0.3 * mean });
    }
  }

  const table: DemandTable = {};
  for (const ct of input.classTypes) {
    const records = input.attendance.filter((r) => r.classTypeId === ct.id);
    const predictedAt = (r: AttendanceRecord) => base.get(demandKey(ct.id, r.weekday, Math.floor(r.startMin / 60)))?.mean ?? 0;
    const observed = (r: AttendanceRecord) => Math.max(r.attended, r.booked + r.waitlisted);
    const sumObs = records.reduce((a, r) => a + observed(r), 0);
    const sumPred = records.reduce((a, r) => a + predictedAt(r), 0);
    const ratio = records.length >= 3 && sumPred > 0 ? sumObs / sumPred : 1;
    const bySlot = new Map<string, number[]>();
    for (const r of records) {
      const k = demandKey(ct.id, r.weekday, Math.floor(r.startMin / 60));
      (bySlot.get(k) ?? bySlot.set(k, []).get(k)!).push(observed(r));
    }
    for (const [d, h] of hours) {
      const k = demandKey(ct.id, d, h);
      const b = base.get(k) ?? { mean: 0, sd: 0 };
      let mean = b.mean * ratio;
      const seen = bySlot.get(k);
      if (seen && seen.length > 0) {
        const n = seen.length;
        mean = (n * (seen.reduce((a, x) => a + x, 0) / n) + SLOT_SHRINK * mean) / (n + SLOT_SHRINK);
      }
      table[k] = { mean, sd: b.mean > 0 ? b.sd * (mean / b.mean) : 0.3 * mean };
    }
  }
  return { table, source: describeDemand(input) };
}
