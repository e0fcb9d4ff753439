/** System, staff and audit handlers. */
import { backupDatabase } from '../../../db/open';
import { countExercises } from '../../../db/exercises';
import { countMembers } from '../../../db/members';
import { createStaff, listStaff } from '../../../db/staff';
import { listAudit, recordAudit } from '../../../db/audit';
import { StudioError } from '../../contract/errors';
import type { PartialHandlers } from '../../host/registry';

export const systemHandlers: PartialHandlers = {
  'system/info': (_input, { store, caller, version }) => ({
    version,
    dbPath: store.path,
    schemaVersion: store.schemaVersion,
    exerciseCount: countExercises(store.db),
    memberCount: countMembers(store.db),
    staff: listStaff(store.db),
    actingStaff: caller.staff,
  }),
  'system/backup': ({ path }, { store }) => {
    try {
      return { path, bytes: backupDatabase(store.sqlite, path) };
    } catch (err) {
      throw new StudioError('conflict', `backup failed: ${(err as Error).message}`, 'path');
    }
  },
  'staff/list': (_input, { store }) => listStaff(store.db),
  'staff/create': ({ name, role }, { store, caller }) =>
    store.db.transaction((tx) => {
      const row = createStaff(tx, name, role);
      recordAudit(tx, { actorStaffId: caller.staff?.id ?? null, action: 'staff.create', entity: 'staff', entityId: row.id, after: row });
      return row;
    }),
  'audit/list': ({ entity, entityId, limit }, { store }) => listAudit(store.db, { entity, entityId, limit }),
};
