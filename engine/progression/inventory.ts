/**
 * What a member can actually load, and rounding to it (implements `RoundToInventory`, types.ts).
 *
 * Source: domain.md "Progression and deload rules in use": round loads to what the member can
 * load (plates of 1.25 / 2.5 / 5 / 10 / 15 / 20 / 25 kg, dumbbell steps of 1–2.5 kg, machine
 * stack steps); Liftosaur rounds to the lifter's own plate inventory in the same spirit.
 *
 * Loadable values per equipment (all masses in kg; the arithmetic runs in the inventory's unit
 * so that lb plates add up exactly):
 * | equipment                      | loadable                                                      |
 * |--------------------------------|---------------------------------------------------------------|
 * | barbell, ez_bar, smith_machine | bar + 2 × (a multiset of plates, at most `platePairs[i]` of plate i), by dynamic programming |
 * | dumbbell                       | one of `dumbbellKg`                                           |
 * | kettlebell                     | one of `kettlebellKg`                                         |
 * | machine, cable                 | min + k × step, k = 0, 1, 2, … (≤ maxKg): the machine's own stack (`machineStacks[exerciseId]`) or the default |
 * The bar is `barKgByEquipment[equipment]` when given, else `barKg`. When the plates cannot reach
 * a load, the heaviest loadable one is the answer.
 * | anything else                  | body weight: `null`                                           |
 * Below the lightest loadable value the answer is that value (the empty bar, the lightest bell);
 * above the heaviest dumbbell or bell it is the heaviest one. Ties round down.
 */
import type { Equipment, WeightUnit } from '../types';
import { kgToUnit, unitToKg } from '../units/convert';
import type { LoadInventory, RoundToInventory } from './types';

const BAR_EQUIPMENT: ReadonlySet<Equipment> = new Set(['barbell', 'ez_bar', 'smith_machine']);
const STACK_EQUIPMENT: ReadonlySet<Equipment> = new Set(['machine', 'cable']);
/** Resolution of the plate arithmetic, in the inventory unit (1/1000 kg or lb). */
const MILLI = 1000;
/** Largest dynamic-programming table; beyond it plates are taken greedily (still loadable). */
const MAX_DP_CELLS = 200_000;
const EPS = 1e-6;

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + EPS; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/**
 * A typical commercial-gym inventory in `unit`, masses in kg.
 * kg: 20 kg bar; plate pairs 25/20/15/10/5/2.5/1.25; dumbbells 2–10 by 1 then 12–50 by 2;
 *     stack from 5 in 5 kg steps; kettlebells 4–48 (the usual 4 kg, then 2 kg steps up to 16).
 * lb: 45 lb bar; plate pairs 45/35/25/10/5/2.5; dumbbells 5–100 by 5; stack from 10 in 10 lb
 *     steps; kettlebells 10–50 by 5 then 53/62/70/80/88/97/106 lb (the kg bells sold in lb).
 */
export function DEFAULT_INVENTORY(unit: WeightUnit): LoadInventory {
  const kg = (values: number[]) => values.map((v) => unitToKg(v, unit));
  if (unit === 'kg') {
    return {
      unit, barKg: 20, plateKg: [25, 20, 15, 10, 5, 2.5, 1.25], dumbbellKg: [...range(2, 10, 1), ...range(12, 50, 2)],
      stackStepKg: 5, stackMinKg: 5, kettlebellKg: [4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 36, 40, 48],
    };
  }
  return {
    unit, barKg: unitToKg(45, unit), plateKg: kg([45, 35, 25, 10, 5, 2.5]), dumbbellKg: kg(range(5, 100, 5)),
    stackStepKg: unitToKg(10, unit), stackMinKg: unitToKg(10, unit),
    kettlebellKg: kg([...range(10, 50, 5), 53, 62, 70, 80, 88, 97, 106]),
  };
}

/** Mass in the inventory unit, in integer thousandths. */
function milli(kg: number, unit: WeightUnit): number {
  return Math.round(kgToUnit(kg, unit) * MILLI);
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Per-side plate sums (thousandths of the unit) just below and just above `sideMilli`.
 * `pairs[i]` bounds how many of plate i go on each side (absent or non-finite: unbounded).
 */
function plateSums(plates: readonly number[], sideMilli: number, pairs?: readonly number[]): { down: number; up: number | null } {
  const items = plates.map((p, i) => ({ p, n: pairs?.[i] ?? Number.POSITIVE_INFINITY })).filter((x) => x.p > 0 && x.n > 0);
  if (items.length === 0) return { down: 0, up: null };
  const g = items.map((x) => x.p).reduce(gcd);
  const limit = Math.ceil(sideMilli / g) + Math.max(...items.map((x) => x.p / g));
  if (limit > MAX_DP_CELLS) return greedy(items, sideMilli);
  const reach = new Uint8Array(limit + 1);
  reach[0] = 1;
  for (const { p, n } of items) {
    const c = p / g;
    if (!Number.isFinite(n)) {
      for (let v = c; v <= limit; v += 1) if (reach[v - c] === 1) reach[v] = 1;
    } else {
      // bounded: n copies, each a 0/1 item (n is small: pairs of plates on a rack)
      for (let k = 0; k < n; k += 1) for (let v = limit; v >= c; v -= 1) if (reach[v - c] === 1) reach[v] = 1;
    }
  }
  const target = sideMilli / g;
  let down = Math.min(limit, Math.floor(target + EPS));
  while (down > 0 && reach[down] !== 1) down -= 1;
  let up: number | null = Math.ceil(target - EPS);
  while (up <= limit && reach[up] !== 1) up += 1;
  if (up > limit) up = null;
  return { down: down * g, up: up === null ? null : up * g };
}

/** Largest plates first, without going over: loadable, not always the closest. */
function greedy(items: ReadonlyArray<{ p: number; n: number }>, sideMilli: number): { down: number; up: number | null } {
  let left = sideMilli;
  for (const { p, n } of [...items].sort((a, b) => b.p - a.p)) for (let k = 0; k < n && p <= left; k += 1) left -= p;
  return { down: sideMilli - left, up: null };
}

function pick(kg: number, down: number, up: number | null, direction: 'down' | 'nearest' | 'up'): number {
  if (up === null || direction === 'down') return down;
  if (direction === 'up') return up;
  return up - kg < kg - down - EPS ? up : down;
}

function fromList(kg: number, list: readonly number[], direction: 'down' | 'nearest' | 'up'): number | null {
  if (list.length === 0) return null;
  const sorted = [...list].sort((a, b) => a - b);
  const lightest = sorted[0]!;
  const heaviest = sorted[sorted.length - 1]!;
  if (kg <= lightest) return lightest;
  if (kg >= heaviest) return heaviest;
  let down = lightest;
  for (const v of sorted) if (v <= kg + EPS) down = v;
  const up = sorted.find((v) => v >= kg - EPS) ?? heaviest;
  return pick(kg, down, up, direction);
}

function barLoad(kg: number, equipment: Equipment, inv: LoadInventory, direction: 'down' | 'nearest' | 'up'): number {
  const unit = inv.unit;
  const barKg = inv.barKgByEquipment?.[equipment as 'barbell' | 'ez_bar' | 'smith_machine'] ?? inv.barKg;
  const bar = milli(barKg, unit);
  const target = milli(kg, unit);
  if (target <= bar) return unitToKg(bar / MILLI, unit);
  const side = (target - bar) / 2;
  const sums = plateSums(inv.plateKg.map((p) => milli(p, unit)), side, inv.platePairs);
  const total = pick(side, sums.down, sums.up, direction);
  return unitToKg((bar + 2 * total) / MILLI, unit);
}

function stackLoad(kg: number, inv: LoadInventory, direction: 'down' | 'nearest' | 'up', exerciseId: string | undefined): number {
  const own = exerciseId === undefined ? undefined : inv.machineStacks?.[exerciseId];
  const min = kgToUnit(own?.minKg ?? inv.stackMinKg, inv.unit);
  const step = kgToUnit(own?.stepKg ?? inv.stackStepKg, inv.unit);
  const steps = step > 0 ? (kgToUnit(kg, inv.unit) - min) / step : 0;
  let k: number;
  if (direction === 'down') k = Math.floor(steps + EPS);
  else if (direction === 'up') k = Math.ceil(steps - EPS);
  else k = Math.round(steps - EPS); // ties round down
  k = Math.max(0, k);
  if (own?.maxKg !== undefined && step > 0) k = Math.min(k, Math.max(0, Math.floor((kgToUnit(own.maxKg, inv.unit) - min) / step + EPS)));
  return unitToKg(min + k * step, inv.unit);
}

/**
 * Round `kg` to a load the member can put together for `equipment` (default: nearest);
 * `exerciseId` picks the machine's own stack (`machineStacks`) for machine and cable work.
 * Returns kg, or `null` for body-weight equipment or an empty dumbbell/bell list.
 * Throws `RangeError` when `kg` is negative or not finite.
 */
export const roundToInventory: RoundToInventory = (kg, equipment, inventory, direction = 'nearest', exerciseId) => {
  if (!Number.isFinite(kg) || kg < 0) throw new RangeError(`kg must be a finite number ≥ 0, got ${String(kg)}`);
  if (BAR_EQUIPMENT.has(equipment)) return barLoad(kg, equipment, inventory, direction);
  if (STACK_EQUIPMENT.has(equipment)) return stackLoad(kg, inventory, direction, exerciseId);
  if (equipment === 'dumbbell') return fromList(kg, inventory.dumbbellKg, direction);
  if (equipment === 'kettlebell') return fromList(kg, inventory.kettlebellKg, direction);
  return null;
};

/** True when `kg` is exactly loadable (within float slack) for `equipment` with `inventory`. */
export function isLoadableWith(kg: number, equipment: Equipment, inventory: LoadInventory, exerciseId?: string): boolean {
  if (!Number.isFinite(kg) || kg < 0) return false;
  const rounded = roundToInventory(kg, equipment, inventory, 'nearest', exerciseId);
  return rounded !== null && Math.abs(rounded - kg) < 1e-6;
}

/** True when `equipment` takes an external load from the inventory. */
export function takesInventoryLoad(equipment: Equipment): boolean {
  return BAR_EQUIPMENT.has(equipment) || STACK_EQUIPMENT.has(equipment) || equipment === 'dumbbell' || equipment === 'kettlebell';
}
