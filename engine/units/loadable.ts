/**
 * Rounding a computed load to one the member can actually put on the bar, pick off the rack
 * or pin in the stack.
 *
 * Source: domain.md "Progression and deload rules in use": round loads to what the member can
 * load (plates of 1.25 / 2.5 / 5 / 10 / 15 / 20 / 25 kg, dumbbell steps, machine stack steps);
 * Liftosaur rounds to the lifter's own plate inventory in the same spirit.
 *
 * Grids (minimum, step), in the member's unit:
 * | equipment                       | kg          | lb          | why                                              |
 * |---------------------------------|-------------|-------------|--------------------------------------------------|
 * | barbell, ez_bar, smith_machine  | 20, 2.5     | 45, 5       | 20 kg / 45 lb bar + pairs of 1.25 kg / 2.5 lb plates |
 * | dumbbell                        | 2, 2        | 5, 5        | common fixed-dumbbell racks                      |
 * | kettlebell                      | 4, 4        | 10, 5       | competition bells step 4 kg; lb bells step 5 lb  |
 * | cable, machine                  | 5, 5        | 10, 10      | typical selectorised stack plates                |
 * | everything else                 | —           | —           | body weight: no external load (`null`)           |
 * Plates of 1.25 (2.5 lb) up to 25 kg (45 lb) in pairs make every multiple of 2.5 kg (5 lb) above
 * the bar, so the plate list reduces to a step.
 */
import type { Equipment, WeightUnit } from '../types';
import { kgToUnit, unitToKg } from './convert';

/** A load grid in the member's unit: loads are `minimum + k × step`, k = 0, 1, 2, ... */
export interface LoadGrid {
  minimum: number;
  step: number;
  unit: WeightUnit;
}

export type RoundDirection = 'nearest' | 'down' | 'up';

type GridSpec = Readonly<Record<WeightUnit, { minimum: number; step: number }>>;

const BAR: GridSpec = { kg: { minimum: 20, step: 2.5 }, lb: { minimum: 45, step: 5 } };
const DUMBBELL: GridSpec = { kg: { minimum: 2, step: 2 }, lb: { minimum: 5, step: 5 } };
const KETTLEBELL: GridSpec = { kg: { minimum: 4, step: 4 }, lb: { minimum: 10, step: 5 } };
const STACK: GridSpec = { kg: { minimum: 5, step: 5 }, lb: { minimum: 10, step: 10 } };

const GRIDS: Readonly<Partial<Record<Equipment, GridSpec>>> = {
  barbell: BAR,
  ez_bar: BAR,
  smith_machine: BAR,
  dumbbell: DUMBBELL,
  kettlebell: KETTLEBELL,
  cable: STACK,
  machine: STACK,
};

/** Float slack when a value already sits on the grid (e.g. 135 lb → kg → lb). */
const EPS = 1e-6;

/** The grid for `equipment` in `unit`, or `null` when the exercise carries no external load. */
export function loadGrid(equipment: Equipment, unit: WeightUnit): LoadGrid | null {
  const spec = GRIDS[equipment];
  if (spec === undefined) return null;
  return { ...spec[unit], unit };
}

/** True when `equipment` takes an external load (bar, dumbbell, bell, stack). */
export function isLoadedEquipment(equipment: Equipment): boolean {
  return GRIDS[equipment] !== undefined;
}

/**
 * Round `kg` to the nearest loadable value (or down / up) for `equipment`, on the grid of `unit`.
 * Returns kg (a 135 lb load comes back as 61.23…kg), never below the grid's minimum (the empty
 * bar, the lightest dumbbell, the first stack plate), or `null` for body-weight equipment.
 * Throws `RangeError` when `kg` is negative or not finite.
 */
export function roundToLoadable(
  kg: number,
  equipment: Equipment,
  unit: WeightUnit,
  direction: RoundDirection = 'nearest',
): number | null {
  if (!Number.isFinite(kg) || kg < 0) throw new RangeError(`kg must be a finite number ≥ 0, got ${String(kg)}`);
  const grid = loadGrid(equipment, unit);
  if (grid === null) return null;
  const steps = (kgToUnit(kg, unit) - grid.minimum) / grid.step;
  let k: number;
  if (direction === 'down') k = Math.floor(steps + EPS);
  else if (direction === 'up') k = Math.ceil(steps - EPS);
  else k = Math.round(steps);
  return unitToKg(grid.minimum + Math.max(0, k) * grid.step, unit);
}

/** True when `kg` is a loadable value for `equipment` in `unit` (within float slack). */
export function isLoadable(kg: number, equipment: Equipment, unit: WeightUnit): boolean {
  const grid = loadGrid(equipment, unit);
  if (grid === null) return false;
  const steps = (kgToUnit(kg, unit) - grid.minimum) / grid.step;
  return steps > -EPS && Math.abs(steps - Math.round(steps)) < EPS;
}
