/**
 * One Strong export row: from raw cells to a draft (values read, unit not yet applied), then from
 * a draft to a set or a rejection once the file's weight unit is known.
 */
import type { WeightUnit } from '../types';
import { KG_PER_LB } from '../units/convert';
import type { CsvRecord } from './csv';
import type { ColumnMap, StrongField } from './strongHeaders';
import { STRONG_HEADER_ALIASES } from './strongHeaders';
import type { StrongImportIssue, StrongRejectedRow, StrongSetRow } from './strongTypes';
import { parseWeightUnitCell } from './strongUnits';
import type { SetOrderValue } from './strongValues';
import {
  METRES_PER_KM, METRES_PER_MILE, metresPerDistanceUnit, parseDecimal, parseDuration, parseSetOrder, parseStrongDate,
} from './strongValues';

/** A row whose cells are read but whose weight is still in the file's unit. */
export interface RowDraft {
  line: number;
  startedAt: string;
  workoutName: string;
  durationS: number | null;
  /** The duration cell when it could not be read (for a warning), else null. */
  unreadDuration: string | null;
  exerciseName: string;
  order: SetOrderValue;
  weightRaw: number;
  /** The row's own `Weight Unit` cell, when the file has one and it is filled in. */
  weightUnit: WeightUnit | null;
  reps: number;
  distanceRaw: number | null;
  /** Metres per unit from the row's `Distance Unit` cell, when present. */
  metresPerDistance: number | null;
  seconds: number | null;
  notes: string | null;
  workoutNotes: string | null;
  rpe: number | null;
}

export interface ReadContext {
  columns: ColumnMap;
  headerCount: number;
  /** Decimal commas are read only in semicolon files, where they cannot be delimiters. */
  allowDecimalComma: boolean;
}

/** Reads cells by field name and collects every problem of the row. */
class RowReader {
  readonly errors: StrongImportIssue[] = [];

  constructor(private readonly record: CsvRecord, private readonly ctx: ReadContext) {}

  cell(field: StrongField): string {
    const index = this.ctx.columns[field];
    return index === undefined ? '' : (this.record.fields[index] ?? '').trim();
  }

  fail(field: StrongField, message: string): void {
    this.errors.push({ line: this.record.line, field, message });
  }

  /** A number ≥ 0 (or any sign when `allowNegative`); empty → `empty`; unreadable → error + `empty`. */
  number<T>(field: StrongField, empty: T, opts: { integer?: boolean; allowNegative?: boolean } = {}): number | T {
    const text = this.cell(field);
    if (text === '') return empty;
    const value = parseDecimal(text, this.ctx.allowDecimalComma);
    const column = STRONG_HEADER_ALIASES[field][0] ?? field;
    if (value === null) this.fail(field, `${column} "${text}" is not a number`);
    else if (value < 0 && opts.allowNegative !== true) this.fail(field, `${column} ${text} is negative`);
    else if (opts.integer === true && !Number.isInteger(value)) this.fail(field, `${column} ${text} is not a whole number`);
    else return value;
    return empty;
  }
}

/**
 * Reads one data record. Returns the draft and the row's errors; the draft is null when any error
 * was found (every error of the row is still reported, not only the first).
 */
export function readRow(record: CsvRecord, ctx: ReadContext): { draft: RowDraft | null; errors: StrongImportIssue[] } {
  if (record.fields.length !== ctx.headerCount) {
    const message = `expected ${String(ctx.headerCount)} fields like the header, found ${String(record.fields.length)}`;
    return { draft: null, errors: [{ line: record.line, field: 'row', message }] };
  }
  const r = new RowReader(record, ctx);
  const dateText = r.cell('date');
  const startedAt = parseStrongDate(dateText);
  if (startedAt === null) r.fail('date', `date "${dateText}" is not a date like 2020-09-29 07:10:22`);
  const exerciseName = r.cell('exerciseName');
  if (exerciseName === '') r.fail('exerciseName', 'exercise name is empty');
  const orderText = r.cell('setOrder');
  const order = parseSetOrder(orderText);
  if (order === null) r.fail('setOrder', `set order "${orderText}" is not a number or W, D, F`);
  // Rest-timer rows carry no set values; a row with an unreadable order is still checked in full.
  const values = order?.kind === 'rest-timer' ? null : readSetValues(r);
  if (r.errors.length > 0 || startedAt === null || order === null) return { draft: null, errors: r.errors };
  const durationText = r.cell('duration');
  const durationS = parseDuration(durationText);
  const draft: RowDraft = {
    line: record.line,
    startedAt,
    workoutName: r.cell('workoutName'),
    durationS,
    unreadDuration: durationS === null && durationText !== '' ? durationText : null,
    exerciseName,
    order,
    ...(values ?? EMPTY_VALUES),
    notes: r.cell('notes') || null,
    workoutNotes: r.cell('workoutNotes') || null,
  };
  return { draft, errors: [] };
}

type SetValues = Pick<RowDraft,
  'weightRaw' | 'weightUnit' | 'reps' | 'distanceRaw' | 'metresPerDistance' | 'seconds' | 'rpe'>;

const EMPTY_VALUES: SetValues = {
  weightRaw: 0, weightUnit: null, reps: 0, distanceRaw: null, metresPerDistance: null, seconds: null, rpe: null,
};

/** The numeric cells of a set row (rest-timer rows skip these). */
function readSetValues(r: RowReader): SetValues {
  const weightRaw = r.number('weight', 0, { allowNegative: true });
  const unitText = r.cell('weightUnit');
  const weightUnit = unitText === '' ? null : parseWeightUnitCell(unitText);
  if (unitText !== '' && weightUnit === null) r.fail('weightUnit', `weight unit "${unitText}" is not kg or lbs`);
  const reps = r.number('reps', 0, { integer: true });
  const distanceRaw = r.number('distance', null);
  const distanceUnitText = r.cell('distanceUnit');
  const metresPerDistance = distanceUnitText === '' ? null : metresPerDistanceUnit(distanceUnitText);
  if (distanceUnitText !== '' && metresPerDistance === null) {
    r.fail('distanceUnit', `distance unit "${distanceUnitText}" is not km, mi, m, yd or ft`);
  }
  const seconds = r.number('seconds', null);
  const rpeRaw = r.number('rpe', null);
  if (rpeRaw !== null && rpeRaw > 10) r.fail('rpe', `RPE ${String(rpeRaw)} is above 10`);
  // Strong writes 0 or nothing for an unrated set; RPE is rated on a 1–10 scale.
  const rpe = rpeRaw === null || rpeRaw === 0 ? null : rpeRaw;
  return { weightRaw, weightUnit, reps, distanceRaw, metresPerDistance, seconds, rpe };
}

/** How the file's unit applies to rows: `option` forces it on every row. */
export interface UnitApplication {
  unit: WeightUnit;
  forced: boolean;
}

/** Rounds to 1 mg (1e-6 kg) so 44.09245243697551 lb reads as 20 kg, not 20.000000000000004. */
function roundKg(kg: number): number {
  return Math.round(kg * 1e6) / 1e6;
}

/**
 * A draft becomes a usable set or a rejection. Distances with no `Distance Unit` column are read
 * as km in kg files and miles in lb files (Strong shows distances in the unit system of the
 * profile; this is an assumption, as the real export available had no distances).
 */
export function finalizeRow(d: RowDraft, units: UnitApplication): { row: StrongSetRow } | { rejected: StrongRejectedRow } {
  if (d.order.kind === 'rest-timer') {
    return { rejected: { line: d.line, field: 'setOrder', reason: 'rest timer between sets, not a set' } };
  }
  const unit = units.forced ? units.unit : (d.weightUnit ?? units.unit);
  const loadKg = roundKg(unit === 'lb' ? d.weightRaw * KG_PER_LB : d.weightRaw);
  if (loadKg < 0) {
    return { rejected: { line: d.line, field: 'weight', reason: `negative load ${String(d.weightRaw)} ${unit} (assisted exercise?)` } };
  }
  const seconds = d.seconds === 0 ? null : d.seconds;
  const metres = d.metresPerDistance ?? (units.unit === 'lb' ? METRES_PER_MILE : METRES_PER_KM);
  const distanceM = d.distanceRaw === null || d.distanceRaw === 0 ? null : d.distanceRaw * metres;
  if (d.reps === 0 && seconds === null && distanceM === null) {
    return { rejected: { line: d.line, field: 'reps', reason: '0 reps with no time or distance' } };
  }
  const { setOrder, setKind } = d.order;
  const rir = setKind === 'failure' ? 0 : d.rpe === null ? null : 10 - d.rpe;
  return {
    row: {
      line: d.line, startedAt: d.startedAt, workoutName: d.workoutName, durationS: d.durationS,
      exerciseName: d.exerciseName, setOrder, setKind, loadKg, reps: d.reps, distanceM, seconds,
      notes: d.notes, workoutNotes: d.workoutNotes, rpe: d.rpe, rir,
    },
  };
}
