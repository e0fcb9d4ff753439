/** The studio itself: info, settings, backups and restore, and the audit log with its CSV export. */
import { stringify } from 'csv-stringify/sync';
import { countAudit, listAudit, recordAudit, type AuditFilter } from '../../../db/audit';
import { BackupError, checkBackup, restoreInto } from '../../../db/backup';
import { countExercises } from '../../../db/exercises';
import { countMembers } from '../../../db/members';
import { putSetting } from '../../../db/settings';
import { revokeAllSessions } from '../../../db/sessions';
import { readSessionPolicy } from '../../auth/policy';
import { SESSION_POLICY_KEY, sessionPolicy } from '../../auth/sessions';
import { StudioError } from '../../contract/errors';
import type { AuditEntry, StudioSettingsView } from '../../contract/index';
import { auditBy, type HandlerContext } from '../../host/context';
import { BACKUP_KEEP_KEY, backupFolder, backupKeep, backupPath, listBackups, makeBackup, pruneBackups } from '../../host/backups';
import type { PartialHandlers } from '../../host/registry';

function settingsView(ctx: HandlerContext): StudioSettingsView {
  return { policy: sessionPolicy(ctx.store.db), backupKeep: backupKeep(ctx.store) };
}

/** The rows of an audit CSV: one line per entry, before/after as JSON text. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return stringify(entries.map((e) => ({
    id: e.id, at: e.at, actor: e.actor?.name ?? '', role: e.actor?.role ?? '', via: e.via ?? '', action: e.action,
    entity: e.entity, entity_id: e.entityId,
    before: e.before === null ? '' : JSON.stringify(e.before), after: e.after === null ? '' : JSON.stringify(e.after),
  })), { header: true, columns: ['id', 'at', 'actor', 'role', 'via', 'action', 'entity', 'entity_id', 'before', 'after'] });
}

const AUDIT_EXPORT_MAX = 100_000;

export const systemHandlers: PartialHandlers = {
  'system/info': (_input, { store, caller, version }) => ({
    version,
    dbPath: store.path,
    schemaVersion: store.schemaVersion,
    exerciseCount: countExercises(store.db),
    memberCount: countMembers(store.db),
    me: caller.staff,
  }),

  'system/settings': (_input, ctx) => settingsView(ctx),

  'system/set-settings': ({ policy, backupKeep: keep }, ctx) => {
    const before = settingsView(ctx);
    ctx.store.db.transaction((tx) => {
      if (policy) {
        const wanted = { ...before.policy, ...policy };
        if (wanted.lockMinutes > wanted.idleMinutes) throw new StudioError('invalid_input', `policy.lockMinutes: the screen must lock (${wanted.lockMinutes} min) before the session ends unused (${wanted.idleMinutes} min)`, 'policy.lockMinutes');
        if (wanted.idleMinutes > wanted.absoluteHours * 60) throw new StudioError('invalid_input', `policy.idleMinutes: ${wanted.idleMinutes} min unused is longer than a whole session (${wanted.absoluteHours} h)`, 'policy.idleMinutes');
        const merged = readSessionPolicy(wanted);
        putSetting(tx, SESSION_POLICY_KEY, merged, ctx.caller.staff?.id ?? null);
      }
      if (keep !== undefined) putSetting(tx, BACKUP_KEEP_KEY, keep, ctx.caller.staff?.id ?? null);
      recordAudit(tx, auditBy(ctx, { action: 'settings.update', entity: 'settings', entityId: 'studio', before, after: { policy: policy ?? null, backupKeep: keep ?? null } }));
    });
    if (keep !== undefined) pruneBackups(ctx.store.path, keep);
    return settingsView(ctx);
  },

  'system/backup': async (_input, ctx) => {
    const made = await makeBackup(ctx.store, 'manual', ctx.now());
    recordAudit(ctx.store.db, auditBy(ctx, { action: 'system.backup', entity: 'backup', entityId: made.fileName, after: made }));
    return made;
  },

  'system/backups': (_input, ctx) => ({ folder: backupFolder(ctx.store.path), keep: backupKeep(ctx.store), backups: listBackups(ctx.store.path) }),

  'system/restore': async ({ fileName }, ctx) => {
    const source = backupPath(ctx.store.path, fileName);
    const restored = listBackups(ctx.store.path).find((b) => b.fileName === fileName);
    if (!source || !restored) throw new StudioError('not_found', `there is no backup "${fileName}" in the backup folder`, 'fileName');
    try {
      checkBackup(source);
    } catch (err) {
      if (err instanceof BackupError) throw new StudioError('conflict', `${fileName} cannot be restored: ${err.message}`, 'fileName');
      throw err;
    }
    const safetyBackup = await makeBackup(ctx.store, 'before-restore', ctx.now());
    const schemaVersion = await restoreInto(ctx.store.sqlite, ctx.store.path, source);
    const at = ctx.now().toISOString();
    // Sessions in the copy may have been ended since it was made: none of them stays valid.
    ctx.store.db.transaction((tx) => {
      revokeAllSessions(tx, at, 'database restored');
      recordAudit(tx, auditBy(ctx, { action: 'system.restore', entity: 'backup', entityId: fileName, after: { restored, safetyBackup, schemaVersion } }));
    });
    return { restored, safetyBackup, schemaVersion };
  },

  'audit/list': ({ limit, offset, ...filter }, { store }) => ({
    entries: listAudit(store.db, { ...filter, limit, offset }),
    total: countAudit(store.db, filter),
  }),

  'audit/export': (filter, ctx) => {
    const total = countAudit(ctx.store.db, filter);
    if (total > AUDIT_EXPORT_MAX) throw new StudioError('too_large', `${total} entries match; narrow the dates to at most ${AUDIT_EXPORT_MAX}`, 'from');
    const entries = listAudit(ctx.store.db, { ...(filter as Omit<AuditFilter, 'limit'>), limit: AUDIT_EXPORT_MAX });
    recordAudit(ctx.store.db, auditBy(ctx, { action: 'audit.export', entity: 'audit', entityId: 'csv', after: { filter, rows: entries.length } }));
    return { fileName: `audit-${ctx.now().toISOString().slice(0, 10)}.csv`, mediaType: 'text/csv' as const, content: auditCsv(entries) };
  },
};

