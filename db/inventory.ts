/**
 * Where inventories are stored: the club's in the settings table (key `inventory.club`, a
 * `LoadInventory` JSON, kg) and a member's home-gym override in `members.home_inventory`
 * (migration 0012; null: the club's). Values are validated by the engine on read and write
 * (engine/progression/inventory-schema.ts); this module only reads and writes them.
 */
import { eq } from 'drizzle-orm';
import type { Db } from './open';
import { members, settings } from './schema';
import { getSetting, putSetting } from './settings';

export const CLUB_INVENTORY_KEY = 'inventory.club';

/** The stored club inventory (unvalidated JSON), or null when none was saved. */
export function storedClubInventory(db: Db): unknown {
  return getSetting(db, CLUB_INVENTORY_KEY);
}

/** Saves (or, with null, forgets) the club inventory. Call inside a transaction with the audit entry. */
export function putClubInventory(db: Db, value: unknown, staffId: number | null): void {
  if (value === null) db.delete(settings).where(eq(settings.key, CLUB_INVENTORY_KEY)).run();
  else putSetting(db, CLUB_INVENTORY_KEY, value, staffId);
}

/** The member's stored home-gym inventory (unvalidated JSON), or null. `undefined` when there is no such member. */
export function storedMemberInventory(db: Db, memberId: number): unknown {
  const row = db.select({ v: members.homeInventory }).from(members).where(eq(members.id, memberId)).get();
  return row === undefined ? undefined : (row.v ?? null);
}

/** Sets (or, with null, clears) the member's home-gym inventory. */
export function putMemberInventory(db: Db, memberId: number, value: unknown): void {
  db.update(members).set({ homeInventory: value }).where(eq(members.id, memberId)).run();
}
