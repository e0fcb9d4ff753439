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
import { dropOutageDays } from './clean';
import { fitDemand } from './model';
import type { HourlyCount } from './parse';

/** Least weeks of hourly counts before the occupancy model is used (our choice). */
export const MIN_OCCUPANCY_WEEKS = 4;
/** Assumed fill of a class with no history at all (fraction of capacity; our choice). */
export const FLAT_PRIOR_FILL = 0.5;
/** Pseudo-observations of the type-level prediction when blending a slot's own records (our choice). */
export const SLOT_SHRINK = 2;

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

/** Attendance records that calibrate a class type (types with at least 3 records). */
function calibrationRecords(classTypes: readonly DemandClassType[], attendance: readonly AttendanceRecord[]): number {
  return classTypes.reduce((n, ct) => {
    const k = attendance.filter((r) => r.classTypeId === ct.id).length;
    return n + (k >= 3 ? k : 0);
  }, 0);
}

/**
 * Where the predictions of `buildDemandTable` come from, in words, without fitting the model
 * (cheap enough for every view of the club setup).
 */
export function describeDemand(input: Pick<DemandTableInput, 'classTypes' | 'occupancy' | 'attendance'>): string {
  const occ = usableOccupancy(input.occupancy);
  const base = occ.weeks >= MIN_OCCUPANCY_WEEKS
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
  if (occ.weeks >= MIN_OCCUPANCY_WEEKS) {
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
