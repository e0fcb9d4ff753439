/** The club setup at the host: its view, saving with an audit entry, and undo through the audit log. */
import { DEFAULT_WEIGHTS } from '../../engine/scheduler/types';
import { listAudit, recordAudit } from '../../db/audit';
import type { Db } from '../../db/open';
import { clubSetupUpdatedAt, countAttendance, countOccupancy, readClubSetup, writeClubSetup } from '../../db/schedule';
import type { ClubSetup, ClubSetupView } from '../contract/schedule-views';
import type { HandlerContext } from '../host/context';
import { demandSourceOf, staffId } from './store';

export function setupView(db: Db, setup: ClubSetup | null): ClubSetupView {
  const s = setup ?? { rooms: [], classTypes: [], trainers: [], openingHours: [], slotMin: 60, trainerGapMin: 15, timezone: 'UTC', weights: { ...DEFAULT_WEIGHTS } };
  return {
    ...s,
    demandSource: demandSourceOf(db, s),
    occupancyHours: countOccupancy(db),
    attendanceRecords: countAttendance(db),
    updatedAt: clubSetupUpdatedAt(db),
    canUndo: setupToUndo(db) !== null,
  };
}

export const SETUP_UNDO = 'schedule.setup.undo';

/**
 * The setup change an undo would revert: walking the audit log newest first, each undo cancels
 * the change before it; the first change left over is the one. Its `before` is what returns
 * (null when there was no setup before it).
 */
export function setupToUndo(db: Db): { id: number; before: ClubSetup | null } | null {
  let pending = 0;
  for (const e of listAudit(db, { entity: 'club_setup', limit: 1000 })) {
    if (e.action === SETUP_UNDO) pending++;
    else if (pending > 0) pending--;
    else return e.before === null ? null : { id: e.id, before: e.before as ClubSetup };
  }
  return null;
}

export function saveSetup(ctx: HandlerContext, setup: ClubSetup, action: string): void {
  const before = readClubSetup(ctx.store.db);
  ctx.store.db.transaction((tx) => {
    writeClubSetup(tx, setup, staffId(ctx));
    recordAudit(tx, { actorStaffId: staffId(ctx), action, entity: 'club_setup', entityId: 'club', before, after: setup });
  });
}
