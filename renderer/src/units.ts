/** Loads are stored in kg; the screen shows them in the chosen unit. */
import type { WeightUnit } from '../../engine/exercises/vocabulary';

export const KG_PER_LB = 0.45359237;

export function fromKg(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB;
}

export function toKg(value: number, unit: WeightUnit): number {
  return unit === 'kg' ? value : value * KG_PER_LB;
}

/** A number with at most one decimal, without a trailing `.0`. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** `82.5 kg`, `181.9 lb`, or `BW` for body-weight work. */
export function formatLoad(kg: number | null, unit: WeightUnit): string {
  if (kg === null) return 'BW';
  return `${round1(fromKg(kg, unit))} ${unit}`;
}

export function formatTonnage(kg: number, unit: WeightUnit): string {
  return `${Math.round(fromKg(kg, unit)).toLocaleString()} ${unit}`;
}
