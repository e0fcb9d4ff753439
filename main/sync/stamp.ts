/** Staff edits in the studio take part in the per-field LWW merge of the member's editable fields. */
import type { Db } from '../../db/open';
import { putFieldClock } from '../../db/sync';
import type { HybridClock } from '../../engine/sync/hlc';
import { MEMBER_EDITABLE_FIELDS } from '../../engine/sync/ops';

/** Stamps staff edits of the member's editable fields with the studio's clock (they then win over older phone edits). */
export function stampStaffEdit(tx: Db, memberId: number, fields: readonly string[], clock: HybridClock, opId: string): void {
  const editable = fields.filter((f) => (MEMBER_EDITABLE_FIELDS as readonly string[]).includes(f));
  if (editable.length === 0) return;
  const hlc = clock.tick();
  for (const f of editable) putFieldClock(tx, memberId, f, hlc, opId);
}
