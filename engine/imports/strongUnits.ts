/**
 * Which weight unit an export is written in.
 *
 * Order of authority: an explicit option from the caller, then a per-row `Weight Unit` column,
 * then a unit in the weight column's header (`Weight (kg)`, `weight_lbs`), then detection from
 * the numbers, then the kg default. 1 lb = 0.45359237 kg exactly (International
 * Yard and Pound Agreement, 1959; `KG_PER_LB` in engine/units/convert).
 */
import type { WeightUnit } from '../types';
import { KG_PER_LB } from '../units/convert';

export type UnitSource = 'option' | 'column' | 'header' | 'detected' | 'default';

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

/** Barbell loads typical of pounds: a 45 lb bar plus pairs of 45 or 25 lb plates (95, 135, 185, 225, 315…). */
export const LB_BARBELL_LOADS: ReadonlySet<number> = new Set([45, 95, 135, 185, 225, 275, 315, 365, 405, 455, 495]);
/** Barbell loads typical of kilograms: a 20 kg bar plus pairs of 10, 20 or 25 kg plates (40, 60, 100, 140…). */
export const KG_BARBELL_LOADS: ReadonlySet<number> = new Set([20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220]);
/** Lb is called from barbell loads when the pound loads are at least this many times the kg ones (and ≥ 20 sets). */
export const BARBELL_LB_RATIO = 3;

/**
 * Guesses the unit of a file with no unit column from its raw weights, by plate arithmetic.
 *
 * Rule 1, kg plates exported in lb: some apps (Strong) store loads in kg and convert on export,
 * so a file exported in lb from plates entered in kg is full of values like 44.09245243697551
 * (= 20 kg exactly). Lb when more than half of the non-zero weights × 0.45359237 land within
 * 0.01 kg of a multiple of 0.25 kg while fewer than half of the raw values are themselves on a
 * 0.25 grid.
 * Rule 2, loads typed in lb: among barbell sets (`barbellWeights`), loads of a 45 lb bar with
 * 45/25 lb plate pairs (`LB_BARBELL_LOADS`) outnumber those of a 20 kg bar with 10/20/25 kg pairs
 * (`KG_BARBELL_LOADS`) at least 3 to 1, over at least 20 sets.
 * Otherwise kg. A file with no non-zero weight gives the kg default. The reason says which
 * rule decided, with its counts, and how to override.
 */
export function detectWeightUnit(weights: readonly number[], barbellWeights: readonly number[] = []): UnitDecision {
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
  const lbLoads = barbellWeights.filter((w) => LB_BARBELL_LOADS.has(w)).length;
  const kgLoads = barbellWeights.filter((w) => KG_BARBELL_LOADS.has(w)).length;
  const barbell = `${String(lbLoads)} barbell sets at pound loads (45, 95, 135, 185, 225…) against ${String(kgLoads)} at kilogram loads (20, 40, 60, 100…)`;
  if (lbLoads >= 20 && lbLoads >= BARBELL_LB_RATIO * kgLoads) {
    return {
      unit: 'lb',
      source: 'detected',
      reason: `Detected lb: ${barbell}, the mark of a 45 lb bar and 45/25 lb plates. If this file is in kg, import it again with the unit set to kg.`,
    };
  }
  return {
    unit: 'kg',
    source: 'detected',
    reason: `Detected kg: ${detail}; ${barbell}. If this file is in pounds, import it again with the unit set to lb.`,
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
  header: { unit: WeightUnit; label: string } | null = null,
  barbellWeights: readonly number[] = [],
): UnitDecision {
  if (option !== undefined) {
    return { unit: option, source: 'option', reason: `Unit ${option} was chosen for this import.` };
  }
  const fromColumn = columnUnits === null ? null : unitFromColumn(columnUnits);
  if (fromColumn !== null) return fromColumn;
  if (header !== null) {
    return { unit: header.unit, source: 'header', reason: `The file's "${header.label}" column header says ${header.unit}.` };
  }
  return detectWeightUnit(rawWeights, barbellWeights);
}
