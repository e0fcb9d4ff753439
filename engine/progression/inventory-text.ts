/**
 * The inventory as staff type it, in kg or lb (the UI's edge; stored values stay kg):
 * - a list of masses: `2–10 by 1, 12–50 by 2` or `4, 6, 8, 12` (ranges inclusive; `-` or `–`);
 * - plates: `25 × 6, 20 × 4, 1.25` (mass × pairs; a mass alone: as many pairs as needed).
 * Parse errors are `InventoryInputError` naming the field given by the caller.
 */
import type { WeightUnit } from '../types';
import { kgToUnit, unitToKg } from '../units/convert';
import { InventoryInputError } from './inventory-schema';

/** Largest count of masses a range may expand to. */
const MAX_LIST = 200;
/** The pairs assumed for a plate without a count when other plates have one (the schema's bound). */
export const UNCOUNTED_PAIRS = 50;

const shown = (kg: number, unit: WeightUnit): number => Math.round(kgToUnit(kg, unit) * 1000) / 1000;
const num = (v: number): string => String(v);

/** `kgs` in `unit`, equally spaced runs of 3 or more written as ranges. */
export function formatMassList(kgs: readonly number[], unit: WeightUnit): string {
  const v = [...kgs].map((k) => shown(k, unit)).sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < v.length) {
    let j = i + 1;
    const step = j < v.length ? Math.round((v[j]! - v[i]!) * 1000) / 1000 : 0;
    while (j + 1 < v.length && Math.abs(v[j + 1]! - v[j]! - step) < 1e-6) j += 1;
    if (j - i >= 2 && step > 0) { parts.push(`${num(v[i]!)}–${num(v[j]!)} by ${num(step)}`); i = j + 1; } else { parts.push(num(v[i]!)); i += 1; }
  }
  return parts.join(', ');
}

function number(text: string, field: string): number {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InventoryInputError(field, `"${text.trim()}" is not a positive number`);
  return n;
}

/** Parses a mass list typed in `unit` into kg (sorted, duplicates dropped). */
export function parseMassList(text: string, unit: WeightUnit, field: string): number[] {
  const out: number[] = [];
  for (const raw of text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s !== '')) {
    const m = /^([\d.]+)\s*[-–]\s*([\d.]+)(?:\s*by\s*([\d.]+))?$/i.exec(raw);
    if (m) {
      const [from, to, step] = [number(m[1]!, field), number(m[2]!, field), number(m[3] ?? '1', field)];
      if (to < from) throw new InventoryInputError(field, `"${raw}": the range goes down`);
      if ((to - from) / step + 1 > MAX_LIST) throw new InventoryInputError(field, `"${raw}" makes more than ${String(MAX_LIST)} masses`);
      for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 1000) / 1000);
    } else out.push(number(raw, field));
  }
  const unique = [...new Set(out)].sort((a, b) => a - b);
  if (unique.length > MAX_LIST) throw new InventoryInputError(field, `more than ${String(MAX_LIST)} masses`);
  return unique.map((v) => unitToKg(v, unit));
}

/** Plates as typed: `25 × 6, 20 × 4` (pairs), in `unit`. */
export function formatPlates(plateKg: readonly number[], platePairs: readonly number[] | undefined, unit: WeightUnit): string {
  return plateKg.map((kg, i) => {
    const n = platePairs?.[i];
    return n === undefined || n >= UNCOUNTED_PAIRS ? num(shown(kg, unit)) : `${num(shown(kg, unit))} × ${String(n)}`;
  }).join(', ');
}

/** Parses plates typed in `unit`: kg masses and, when any plate has a count, the pairs of each. */
export function parsePlates(text: string, unit: WeightUnit, field: string): { plateKg: number[]; platePairs?: number[] } {
  const items = text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s !== '').map((raw) => {
    const m = /^([\d.]+)\s*(?:[×x*]\s*(\d+))?$/i.exec(raw);
    if (!m) throw new InventoryInputError(field, `"${raw}" is not a plate: write the mass, optionally × pairs (e.g. 20 × 4)`);
    const pairs = m[2] === undefined ? undefined : Number(m[2]);
    if (pairs !== undefined && pairs > UNCOUNTED_PAIRS) throw new InventoryInputError(field, `"${raw}": at most ${String(UNCOUNTED_PAIRS)} pairs`);
    return { kg: unitToKg(number(m[1]!, field), unit), pairs };
  });
  if (items.length === 0) throw new InventoryInputError(field, 'give at least one plate');
  const counted = items.some((p) => p.pairs !== undefined);
  return counted
    ? { plateKg: items.map((p) => p.kg), platePairs: items.map((p) => p.pairs ?? UNCOUNTED_PAIRS) }
    : { plateKg: items.map((p) => p.kg) };
}
