/**
 * Weight-unit conversion and display.
 *
 * The engine stores every load in kg. Members see loads in their preferred unit.
 * 1 lb = 0.45359237 kg exactly (International Yard and Pound Agreement, 1959).
 */
import type { WeightUnit } from '../types';

/** Kilograms in one avoirdupois pound, exact by definition. */
export const KG_PER_LB = 0.45359237;

/** kg → lb. Throws `RangeError` for a non-finite input. */
export function kgToLb(kg: number): number {
  assertFinite(kg, 'kg');
  return kg / KG_PER_LB;
}

/** lb → kg. Throws `RangeError` for a non-finite input. */
export function lbToKg(lb: number): number {
  assertFinite(lb, 'lb');
  return lb * KG_PER_LB;
}

/** A load in kg expressed in `unit` (no rounding). */
export function kgToUnit(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kgToLb(kg);
}

/** A load given in `unit` expressed in kg (no rounding). */
export function unitToKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : lbToKg(value);
}

/**
 * A load for people: `formatLoad(102.5, 'kg')` → `"102.5 kg"`, `formatLoad(61.2349, 'lb')` → `"135 lb"`.
 * kg shows up to 2 decimals (1.25 kg plates), lb up to 1 decimal; trailing zeros are dropped.
 * `decimals` overrides that, e.g. 0 for an e1RM (`"102 kg"`).
 * `null` (body-weight work) → `"body weight"`.
 */
export function formatLoad(kg: number | null, unit: WeightUnit, decimals: number = unit === 'kg' ? 2 : 1): string {
  if (kg === null) return 'body weight';
  const value = kgToUnit(kg, unit);
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // `+ 0` turns a possible -0 into 0.
  return `${String(rounded + 0)} ${unit}`;
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
}
