/**
 * The club inventory (Settings) and a member's home-gym override, and `memberInventory`, the one
 * place every rounding path gets what a member can load: their override, else the club's, else
 * `DEFAULT_INVENTORY` of their unit. A stored value that no longer validates is logged and
 * skipped (the next source is used), as the safety constraints are.
 */
import { DEFAULT_INVENTORY, validateInventory } from '../../../engine/progression/index';
import type { LoadInventory } from '../../../engine/progression/types';
import { recordAudit } from '../../../db/audit';
import { CLUB_INVENTORY_KEY, putClubInventory, putMemberInventory, storedClubInventory, storedMemberInventory } from '../../../db/inventory';
import type { Db } from '../../../db/open';
import { requireMember } from '../members/handlers';
import type { ClubInventoryView, InventorySource, MemberInventoryView } from '../../contract/inventory';
import { auditActor, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';

function validOrNull(value: unknown, what: string): LoadInventory | null {
  if (value === null || value === undefined) return null;
  try {
    return validateInventory(value);
  } catch (err) {
    console.error(`[studio] the stored ${what} inventory is invalid and is not used: ${(err as Error).message}`);
    return null;
  }
}

/** The club's saved inventory, or null. */
export function clubInventory(db: Db): LoadInventory | null {
  return validOrNull(storedClubInventory(db), 'club');
}

/** What `member` can load and where it comes from (see the header). */
export function memberInventory(db: Db, member: { id: number; preferredUnit: 'kg' | 'lb' }): { inventory: LoadInventory; source: InventorySource } {
  const own = validOrNull(storedMemberInventory(db, member.id), `member ${String(member.id)}'s`);
  if (own) return { inventory: own, source: 'member' };
  const club = clubInventory(db);
  if (club) return { inventory: club, source: 'club' };
  return { inventory: DEFAULT_INVENTORY(member.preferredUnit), source: 'default' };
}

function clubView(db: Db): ClubInventoryView {
  const club = clubInventory(db);
  return { inventory: club ?? DEFAULT_INVENTORY('kg'), stored: club !== null };
}

function memberView(ctx: HandlerContext, memberId: number): MemberInventoryView {
  const db = ctx.store.db;
  const member = requireMember(ctx, memberId);
  const { inventory, source } = memberInventory(db, member);
  return { memberId, override: validOrNull(storedMemberInventory(db, memberId), `member ${String(memberId)}'s`), effective: inventory, source };
}

export const inventoryHandlers: PartialHandlers = {
  'inventory/club': (_input, ctx) => clubView(ctx.store.db),
  'inventory/set-club': ({ inventory }, ctx) => {
    const db = ctx.store.db;
    const before = clubInventory(db);
    const after = inventory === null ? null : validateInventory(inventory);
    db.transaction((tx) => {
      putClubInventory(tx, after, ctx.caller.staff?.id ?? null);
      recordAudit(tx, { ...auditActor(ctx), action: 'inventory.club', entity: 'settings', entityId: CLUB_INVENTORY_KEY, before, after });
    });
    return clubView(db);
  },
  'inventory/member': ({ memberId }, ctx) => memberView(ctx, memberId),
  'inventory/set-member': ({ memberId, inventory }, ctx) => {
    const db = ctx.store.db;
    requireMember(ctx, memberId);
    const before = storedMemberInventory(db, memberId) ?? null;
    const after = inventory === null ? null : validateInventory(inventory);
    db.transaction((tx) => {
      putMemberInventory(tx, memberId, after);
      recordAudit(tx, { ...auditActor(ctx), action: 'inventory.member', entity: 'member', entityId: String(memberId), before, after, subjectMemberId: memberId });
    });
    return memberView(ctx, memberId);
  },
};
