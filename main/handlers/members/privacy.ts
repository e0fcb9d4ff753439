/**
 * A member's data rights (GDPR Art. 15, 17 and 20): export everything held about them, and
 * erase it on request. Managers only; both are audited (the erasure entry names no personal data).
 */
import { stringify } from 'csv-stringify/sync';
import { listAudit, recordAudit } from '../../../db/audit';
import { eraseMember, memberData } from '../../../db/privacy';
import { StudioError } from '../../contract/errors';
import type { ExportFile } from '../../contract/index';
import { auditBy } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';

const csv = (rows: readonly object[], columns: string[]) => stringify(rows.map((r) => r as Record<string, unknown>), { header: true, columns });

export const privacyHandlers: PartialHandlers = {
  'members/export': ({ memberId }, ctx) => {
    const data = memberData(ctx.store.db, memberId);
    if (!data) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
    const audit = listAudit(ctx.store.db, { entity: 'member', entityId: String(memberId), limit: 10_000 });
    recordAudit(ctx.store.db, auditBy(ctx, { action: 'member.export', entity: 'member', entityId: memberId, subjectMemberId: memberId }));
    const stem = `member-${memberId}-${ctx.now().toISOString().slice(0, 10)}`;
    const files: ExportFile[] = [
      { fileName: `${stem}.json`, mediaType: 'application/json', content: JSON.stringify({ exportedAt: ctx.now().toISOString(), units: { load: 'kg', duration: 's' }, ...data, auditLog: audit }, null, 2) },
      { fileName: `${stem}-sets.csv`, mediaType: 'text/csv', content: csv(data.setLogs, ['performedAt', 'exerciseName', 'exerciseId', 'setIndex', 'setKind', 'loadKg', 'reps', 'rir', 'rpe', 'distanceM', 'durationS', 'source', 'notes']) },
      { fileName: `${stem}-sessions.csv`, mediaType: 'text/csv', content: csv(data.workoutSessions, ['startedAt', 'name', 'durationS', 'source', 'notes']) },
      { fileName: `${stem}-plans.csv`, mediaType: 'text/csv', content: csv(data.plans.flatMap((p) => p.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions.map((r) => ({
        plan: p.name, status: p.status, week: w.week, day: s.day, session: s.name, order: r.order, exerciseId: r.exerciseId,
        sets: r.sets, repMin: r.repMin, repMax: r.repMax, targetRir: r.targetRir, loadKg: r.loadKg, restS: r.restS,
      }))))), ['plan', 'status', 'week', 'day', 'session', 'order', 'exerciseId', 'sets', 'repMin', 'repMax', 'targetRir', 'loadKg', 'restS']) },
      { fileName: `${stem}-checkins.csv`, mediaType: 'text/csv', content: csv(data.checkIns, ['at', 'sleep', 'fatigue', 'soreness', 'energy', 'painReported', 'painNote', 'illness']) },
    ];
    return files;
  },

  'members/erase': ({ memberId, confirmName }, ctx) => {
    return ctx.store.db.transaction((tx) => {
      const data = memberData(tx, memberId);
      if (!data) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
      if (data.member.name.trim().toLowerCase() !== confirmName.trim().toLowerCase()) {
        throw new StudioError('invalid_input', "the name typed does not match the member's name", 'confirmName');
      }
      const { removed, auditEntriesSealed, paymentsKept } = eraseMember(tx, memberId, ctx.now().toISOString());
      recordAudit(tx, auditBy(ctx, { action: 'member.erase', entity: 'member', entityId: memberId, after: { removed, auditEntriesSealed, paymentsKept } }));
      return { memberId, removed, auditEntriesSealed, paymentsKept };
    });
  },
};
