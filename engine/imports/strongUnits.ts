/**
 * Which weight unit a Strong export is written in.
 *
 * Order of authority: an explicit option from the caller, then a `Weight Unit` column, then
 * detection from the numbers, then the kg default. 1 lb = 0.45359237 kg exactly (International
 * Yard and Pound Agreement, 1959; `KG_PER_LB` in engine/units/convert).
 */
import type { WeightUnit } from '../types';
import { KG_PER_LB } from '../units/convert';

export type UnitSource = 'option' | 'column' | 'detected' | 'default';

export interface UnitDecision {
  unit: WeightUnit;
  source: UnitSource;
  /** One sentence for a trainer: why this unit was chosen. */
  reason: string;
}

/** Grid of loadable kg increments used by detection: 0.25 kg (the smallest common change plates). */
export const DETECTION_GRID_KG = 0.25;
/** How close (kg, or raw units for the raw check) a value must be to the grid to count as on it. */
export const DETECTION_TOLERANCE = 0.01;
/** Share of non-zero weights that must convert onto the kg grid to call the file lb. */
export const DETECTION_MIN_SHARE = 0.5;

/** `kg`, `kgs` → kg; `lb`, `lbs` → lb (case-insensitive); anything else → `null`. */
export function parseWeightUnitCell(text: string): WeightUnit | null {
  const t = text.trim().toLowerCase();
  if (t === 'kg' || t === 'kgs') return 'kg';
  if (t === 'lb' || t === 'lbs') return 'lb';
  return null;
}

function onGrid(value: number): boolean {
  const steps = value / DETECTION_GRID_KG;
  return Math.abs(steps - Math.round(steps)) * DETECTION_GRID_KG <= DETECTION_TOLERANCE;
}

function percent(part: number, whole: number): string {
  return `${String(Math.round((100 * part) / whole))}%`;
}

/**
 * Guesses the unit of a file with no unit column from its raw weights.
 *
 * Strong stores loads in kg and converts on export, so a file exported in lb from plates entered
 * in kg is full of values like 44.09245243697551 (= 20 kg exactly). Rule: lb when more than half
 * of the non-zero weights × 0.45359237 land within 0.01 kg of a multiple of 0.25 kg while fewer
 * than half of the raw values are themselves on a 0.25 grid; otherwise kg. A file with no non-zero
 * weight gives the kg default. Known blind spot: a lb file whose loads were all typed in lb (45,
 * 135, 225) reads as kg; the reason text tells the trainer to pass the unit explicitly then.
 */
export function detectWeightUnit(weights: readonly number[]): UnitDecision {
  const nonZero = weights.filter((w) => w > 0);
  if (nonZero.length === 0) {
    return { unit: 'kg', source: 'default', reason: 'No non-zero weights to detect a unit from: read as kg.' };
  }
  const asLbOnGrid = nonZero.filter((w) => onGrid(w * KG_PER_LB)).length;
  const rawOnGrid = nonZero.filter((w) => onGrid(w)).length;
  const n = nonZero.length;
  const isLb = asLbOnGrid / n > DETECTION_MIN_SHARE && rawOnGrid / n < DETECTION_MIN_SHARE;
  const detail = `${String(asLbOnGrid)} of ${String(n)} non-zero weights (${percent(asLbOnGrid, n)}) `
    + `land on a 0.25 kg step when read as lb, and ${percent(rawOnGrid, n)} are on a 0.25 step as written`;
  if (isLb) {
    return {
      unit: 'lb',
      source: 'detected',
      reason: `Detected lb: ${detail}, the mark of kg plates exported in pounds.`,
    };
  }
  return {
    unit: 'kg',
    source: 'detected',
    reason: `Detected kg: ${detail}. If this file is in pounds, import it again with the unit set to lb.`,
  };
}

/** Unit from the `Weight Unit` cells that were filled in (already parsed). */
export function unitFromColumn(units: readonly WeightUnit[]): UnitDecision | null {
  if (units.length === 0) return null;
  const lb = units.filter((u) => u === 'lb').length;
  const kg = units.length - lb;
  const unit: WeightUnit = lb > kg ? 'lb' : 'kg';
  const mixed = lb > 0 && kg > 0
    ? ` (${String(kg)} rows kg, ${String(lb)} rows lb; each row is converted by its own unit)`
    : '';
  return { unit, source: 'column', reason: `The file's Weight Unit column says ${unit}${mixed}.` };
}

/** Applies the order of authority described in the module comment. */
export function decideUnit(
  option: WeightUnit | undefined,
  columnUnits: readonly WeightUnit[] | null,
  rawWeights: readonly number[],
): UnitDecision {
  if (option !== undefined) {
    return { unit: option, source: 'option', reason: `Unit ${option} was chosen for this import.` };
  }
  const fromColumn = columnUnits === null ? null : unitFromColumn(columnUnits);
  return fromColumn ?? detectWeightUnit(rawWeights);
}
