/** The club setup at the host: its view, saving with an audit entry, and undo through the audit log. */
import { DEFAULT_WEIGHTS } from '../../../engine/scheduler/types';
import { auditActions, auditBefore, recordAudit } from '../../../db/audit';
import type { Db } from '../../../db/open';
import { clubSetupUpdatedAt, countAttendance, countOccupancy, readClubSetup, writeClubSetup } from '../../../db/schedule';
import type { ClubSetup, ClubSetupView } from '../../contract/schedule-views';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import { demandSourceOf } from './store';

export function setupView(db: Db, setup: ClubSetup | null): ClubSetupView {
  const s = setup ?? { rooms: [], classTypes: [], trainers: [], openingHours: [], slotMin: 60, trainerGapMin: 15, timezone: 'UTC', weights: { ...DEFAULT_WEIGHTS } };
  return {
    ...s,
    demandSource: demandSourceOf(db, s),
    occupancyHours: countOccupancy(db),
    attendanceRecords: countAttendance(db),
    updatedAt: clubSetupUpdatedAt(db),
    canUndo: entryToUndo(db) !== null,
  };
}

export const SETUP_UNDO = 'schedule.setup.undo';

/**
 * The audit entry of the setup change an undo would revert: walking the log newest first (ids
 * and actions only), each undo cancels the change before it; the first change left over is the
 * one. Null when there is none, or when there was no setup before it.
 */
function entryToUndo(db: Db): number | null {
  let pending = 0;
  for (const e of auditActions(db, 'club_setup', 1000)) {
    if (e.action === SETUP_UNDO) pending++;
    else if (pending > 0) pending--;
    else return e.hasBefore ? e.id : null;
  }
  return null;
}

/** The setup an undo would restore, or null. */
export function setupToUndo(db: Db): ClubSetup | null {
  const id = entryToUndo(db);
  return id === null ? null : (auditBefore(db, id) as ClubSetup);
}

export function saveSetup(ctx: HandlerContext, setup: ClubSetup, action: string): void {
  const before = readClubSetup(ctx.store.db);
  ctx.store.db.transaction((tx) => {
    writeClubSetup(tx, setup, actorOf(ctx));
    recordAudit(tx, { ...auditActor(ctx), action, entity: 'club_setup', entityId: 'club', before, after: setup });
  });
}
