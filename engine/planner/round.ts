/**
 * The planner's rounding of a load: to the member's inventory when the member profile carries one
 * (the club's or their home gym's, engine/progression/inventory.ts, with the machine's own stack),
 * else to the standard grid of the member's unit (engine/units/loadable.ts).
 * Returns kg, or `null` for body-weight equipment. Throws `RangeError` for a negative or non-finite kg.
 */
import { roundToInventory } from '../progression/inventory';
import type { Exercise, MemberProfile } from '../types';
import { roundToLoadable, type RoundDirection } from '../units/loadable';

export function roundLoad(kg: number, exercise: Pick<Exercise, 'id' | 'equipment'>, member: Pick<MemberProfile, 'preferredUnit' | 'inventory'>, direction: RoundDirection): number | null {
  if (member.inventory !== undefined) return roundToInventory(kg, exercise.equipment, member.inventory, direction, exercise.id);
  return roundToLoadable(kg, exercise.equipment, member.preferredUnit, direction);
}
