/**
 * One export row, any app: from raw cells to a draft (values read, unit not yet applied), then
 * from a draft to a set or a rejection once the file's weight unit is known.
 */
import type { WeightUnit } from '../types';
import { KG_PER_LB } from '../units/convert';
import type { CsvRecord } from './csv';
import type { DateReader } from './dates';
import { secondsBetween } from './dates';
import type { FormatSpec, HeaderMapping, ImportField } from './formats';
import type { ImportIssue, ImportRejectedRow, ImportedSetRow } from './types';
import { parseWeightUnitCell } from './strongUnits';
import type { SetKind, SetOrderValue } from './strongValues';
import {
  METRES_PER_KM, METRES_PER_MILE, metresPerDistanceUnit, parseDecimal, parseDuration, parseSetOrder,
} from './strongValues';

/** A row whose cells are read but whose weight is still in the file's unit. */
export interface RowDraft {
  line: number;
  startedAt: string;
  zoned: boolean;
  dateOnly: boolean;
  workoutName: string;
  durationS: number | null;
  /** The duration cell when it could not be read (for a warning), else null. */
  unreadDuration: string | null;
  exerciseName: string;
  order: SetOrderValue;
  weightRaw: number;
  /** The row's own weight-unit cell, when the file has one and it is filled in. */
  weightUnit: WeightUnit | null;
  reps: number;
  distanceRaw: number | null;
  /** Metres per distance unit from the row's unit cell or the column's header, when stated. */
  metresPerDistance: number | null;
  seconds: number | null;
  notes: string | null;
  workoutNotes: string | null;
  rpe: number | null;
}

export interface ReadContext {
  mapping: HeaderMapping;
  spec: FormatSpec;
  headerCount: number;
  /** Decimal commas are read only in semicolon files, where they cannot be delimiters. */
  allowDecimalComma: boolean;
  dates: DateReader;
}

/** Hevy's `set_type` values → the studio's set kinds. */
export const HEVY_SET_TYPES: Readonly<Record<string, SetKind>> = {
  normal: 'working', warmup: 'warmup', 'warm-up': 'warmup', warm_up: 'warmup', dropset: 'drop', drop: 'drop', failure: 'failure',
};

/** Reads cells by field name and collects every problem of the row. */
class RowReader {
  readonly errors: ImportIssue[] = [];

  constructor(private readonly record: CsvRecord, private readonly ctx: ReadContext) {}

  cell(field: ImportField): string {
    const index = this.ctx.mapping.columns[field];
    return index === undefined ? '' : (this.record.fields[index] ?? '').trim();
  }

  label(field: ImportField): string {
    return this.ctx.mapping.labels[field] ?? field;
  }

  fail(field: ImportField, message: string): void {
    this.errors.push({ line: this.record.line, field, message });
  }

  /** A number ≥ 0 (or any sign when `allowNegative`); empty → `empty`; unreadable → error + `empty`. */
  number<T>(field: ImportField, empty: T, opts: { integer?: boolean; allowNegative?: boolean } = {}): number | T {
    const text = this.cell(field);
    if (text === '') return empty;
    const value = parseDecimal(text, this.ctx.allowDecimalComma);
    const column = this.label(field);
    if (value === null) this.fail(field, `${column} "${text}" is not a number`);
    else if (value < 0 && opts.allowNegative !== true) this.fail(field, `${column} ${text} is negative`);
    else if (opts.integer === true && !Number.isInteger(value)) this.fail(field, `${column} ${text} is not a whole number`);
    else return value;
    return empty;
  }
}

function readOrder(r: RowReader, ctx: ReadContext): SetOrderValue | null {
  let order: SetOrderValue | null = { kind: 'set', setOrder: null, setKind: 'working' };
  if (ctx.mapping.columns.setOrder !== undefined) {
    const text = r.cell('setOrder');
    order = text === '' && ctx.spec.format !== 'strong' ? order : parseSetOrder(text);
    if (order === null) r.fail('setOrder', `${r.label('setOrder')} "${text}" is not a number${ctx.spec.format === 'strong' ? ' or W, D, F' : ''}`);
    else if (order.kind === 'set' && order.setOrder !== null && ctx.spec.setOrderBase === 0) {
      order = { ...order, setOrder: order.setOrder + 1 };
    }
  }
  if (order === null || order.kind === 'rest-timer') return order;
  if (ctx.mapping.columns.setType !== undefined) {
    const text = r.cell('setType');
    const kind = text === '' ? 'working' : HEVY_SET_TYPES[text.toLowerCase()];
    if (kind === undefined) {
      r.fail('setType', `${r.label('setType')} "${text}" is not one of normal, warmup, dropset, failure`);
      return null;
    }
    order = { ...order, setKind: kind };
  }
  if (ctx.mapping.columns.isWarmup !== undefined) {
    const text = r.cell('isWarmup').toLowerCase();
    if (text !== '' && text !== 'true' && text !== 'false') {
      r.fail('isWarmup', `${r.label('isWarmup')} "${r.cell('isWarmup')}" is not true or false`);
      return null;
    }
    if (text === 'true') order = { ...order, setKind: 'warmup' };
  }
  return order;
}

/**
 * Reads one data record. Returns the draft and the row's errors; the draft is null when any error
 * was found (every error of the row is still reported, not only the first).
 */
export function readRow(record: CsvRecord, ctx: ReadContext): { draft: RowDraft | null; errors: ImportIssue[] } {
  if (record.fields.length !== ctx.headerCount) {
    const message = `expected ${String(ctx.headerCount)} fields like the header, found ${String(record.fields.length)}`;
    return { draft: null, errors: [{ line: record.line, field: 'row', message }] };
  }
  const r = new RowReader(record, ctx);
  const dateText = r.cell('date');
  const started = ctx.dates.read(dateText);
  if (started === null) r.fail('date', `${r.label('date')} "${dateText}" is not a date like 2020-09-29 07:10:22 or 13 Jan 2026, 18:43`);
  const exerciseName = r.cell('exerciseName');
  if (exerciseName === '') r.fail('exerciseName', `${r.label('exerciseName')} is empty`);
  const order = readOrder(r, ctx);
  // Rest-timer rows carry no set values; a row with an unreadable order is still checked in full.
  const values = order?.kind === 'rest-timer' ? null : readSetValues(r, ctx);
  if (r.errors.length > 0 || started === null || order === null) return { draft: null, errors: r.errors };
  const { durationS, unreadDuration } = readDuration(r, ctx, started.iso);
  const draft: RowDraft = {
    line: record.line,
    startedAt: started.iso,
    zoned: started.zoned,
    dateOnly: started.dateOnly,
    workoutName: r.cell('workoutName') || (ctx.spec.defaultWorkoutName ?? ''),
    durationS,
    unreadDuration,
    exerciseName,
    order,
    ...(values ?? EMPTY_VALUES),
    notes: r.cell('notes') || null,
    workoutNotes: r.cell('workoutNotes') || null,
  };
  return { draft, errors: [] };
}

function readDuration(r: RowReader, ctx: ReadContext, startedAt: string): { durationS: number | null; unreadDuration: string | null } {
  if (ctx.mapping.columns.endDate !== undefined) {
    const end = ctx.dates.read(r.cell('endDate'));
    const s = end === null ? null : secondsBetween(startedAt, end.iso);
    return { durationS: s !== null && s >= 0 ? s : null, unreadDuration: null };
  }
  const text = r.cell('duration');
  const durationS = parseDuration(text);
  return { durationS, unreadDuration: durationS === null && text !== '' ? text : null };
}

type SetValues = Pick<RowDraft,
  'weightRaw' | 'weightUnit' | 'reps' | 'distanceRaw' | 'metresPerDistance' | 'seconds' | 'rpe'>;

const EMPTY_VALUES: SetValues = {
  weightRaw: 0, weightUnit: null, reps: 0, distanceRaw: null, metresPerDistance: null, seconds: null, rpe: null,
};

/** The numeric cells of a set row (rest-timer rows skip these). */
function readSetValues(r: RowReader, ctx: ReadContext): SetValues {
  const weightRaw = r.number('weight', 0, { allowNegative: true });
  const unitText = r.cell('weightUnit');
  const weightUnit = unitText === '' ? null : parseWeightUnitCell(unitText);
  if (unitText !== '' && weightUnit === null) r.fail('weightUnit', `${r.label('weightUnit')} "${unitText}" is not kg or lbs`);
  const reps = r.number('reps', 0, { integer: true });
  const distanceRaw = r.number('distance', null);
  const distanceUnitText = r.cell('distanceUnit');
  let metresPerDistance = distanceUnitText === '' ? null : metresPerDistanceUnit(distanceUnitText);
  if (distanceUnitText !== '' && metresPerDistance === null) {
    r.fail('distanceUnit', `${r.label('distanceUnit')} "${distanceUnitText}" is not km, mi, m, yd or ft`);
  }
  metresPerDistance ??= ctx.mapping.units.distance?.metresPerDistance ?? null;
  const seconds = readSeconds(r);
  const rpeRaw = r.number('rpe', null);
  if (rpeRaw !== null && rpeRaw > 10) r.fail('rpe', `${r.label('rpe')} ${String(rpeRaw)} is above 10`);
  // Apps write 0 or nothing for an unrated set; RPE is rated on a 1–10 scale.
  const rpe = rpeRaw === null || rpeRaw === 0 ? null : rpeRaw;
  return { weightRaw, weightUnit, reps, distanceRaw, metresPerDistance, seconds, rpe };
}

/** A set's time: seconds (`60`, `0.0`) or a clock (`0:05:00`, FitNotes). */
function readSeconds(r: RowReader): number | null {
  const text = r.cell('seconds');
  if (text.includes(':')) {
    const s = parseDuration(text);
    if (s === null) r.fail('seconds', `${r.label('seconds')} "${text}" is not a time like 0:05:00`);
    return s;
  }
  return r.number('seconds', null);
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
 * A draft becomes a usable set or a rejection (rest-timer rows are the caller's to skip).
 * Distances with no stated unit are read as km in kg files and miles in lb files (Strong shows
 * distances in the unit system of the profile; an assumption, no real export had such distances).
 */
export function finalizeRow(d: RowDraft, units: UnitApplication): { row: ImportedSetRow } | { rejected: ImportRejectedRow } {
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
  const rirSource = setKind === 'failure' ? 'failure' : d.rpe === null ? null : 'rpe';
  const rir = rirSource === 'failure' ? 0 : d.rpe === null ? null : 10 - d.rpe;
  return {
    row: {
      line: d.line, startedAt: d.startedAt, workoutName: d.workoutName, durationS: d.durationS,
      exerciseName: d.exerciseName, setOrder, setKind, loadKg, reps: d.reps, distanceM, seconds,
      notes: d.notes, workoutNotes: d.workoutNotes, rpe: d.rpe, rir, rirSource,
    },
  };
}
