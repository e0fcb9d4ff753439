/**
 * What the club and a member can load (issue 14 §6): the club inventory in Settings and a
 * member's home-gym override. Inputs are the strict, bounded `LoadInventorySchema` (kg); a bad
 * field is named (e.g. `inventory.plateKg.2`). Every rounding path (plans, recommendations,
 * session adjustments, the weekly review) uses the member's override, else the club's, else
 * the default of the member's unit.
 */
import { z } from 'zod';
import { COACHES, MANAGERS, op } from './op';
import { MemberId } from './schemas';
import { LoadInventorySchema } from '../../engine/progression/inventory-schema';
import type { LoadInventory } from '../../engine/progression/types';

/** Where an inventory in use came from. */
export type InventorySource = 'member' | 'club' | 'default';

export interface ClubInventoryView {
  /** The club's inventory, or the kg default when none is saved (`stored` false). */
  inventory: LoadInventory;
  stored: boolean;
}

export interface MemberInventoryView {
  memberId: number;
  /** The member's home-gym inventory, or null (they train with the club's). */
  override: LoadInventory | null;
  /** What their loads round to, and where it comes from. */
  effective: LoadInventory;
  source: InventorySource;
}

export const inventoryContract = {
  'inventory/club': op<ClubInventoryView>()({
    input: z.object({}).strict(),
    access: COACHES,
    summary: "The club's load inventory: plates with counts, bars, dumbbells, kettlebells, machine stacks (kg).",
  }),
  'inventory/set-club': op<ClubInventoryView>()({
    input: z.object({ inventory: LoadInventorySchema.nullable() }).strict(),
    access: MANAGERS,
    summary: "Save the club's load inventory (null: back to the default); audited.",
  }),
  'inventory/member': op<MemberInventoryView>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: COACHES,
    ownedBy: 'memberId',
    summary: "A member's home-gym inventory override and the inventory their loads round to.",
  }),
  'inventory/set-member': op<MemberInventoryView>()({
    input: z.object({ memberId: MemberId, inventory: LoadInventorySchema.nullable() }).strict(),
    access: COACHES,
    ownedBy: 'memberId',
    summary: "Set or clear (null) a member's home-gym inventory; audited.",
  }),
};
