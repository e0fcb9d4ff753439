/**
 * Queries and mutations of member phones and sync (issue 11): devices, pairing codes, the
 * exactly-once op record, the change sequence, set-log versions and their links, phone
 * sessions, per-field clocks. Callers put writes that belong together in one `db.transaction`.
 * Instants are ISO-8601 UTC strings; loads kg.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, max, or } from 'drizzle-orm';
import type { Db } from './open';
import {
  memberDevices, memberFieldClocks, pairingCodes, phoneSessions, planSessions, planWeeks, plans, prescriptions, setLogLinks, setLogs,
  setLogVersions, syncChanges, syncOps, workoutSessions,
} from './schema';

export type DeviceRow = typeof memberDevices.$inferSelect;
export type SyncOpRow = typeof syncOps.$inferSelect;
export type SetLogLinkRow = typeof setLogLinks.$inferSelect;
export type PhoneSessionRow = typeof phoneSessions.$inferSelect;
export type SetLogVersionRow = typeof setLogVersions.$inferSelect;

// ─── Devices and pairing ───────────────────────────────────────────────────────────────────

export function insertDevice(db: Db, row: typeof memberDevices.$inferInsert): DeviceRow {
  return db.insert(memberDevices).values(row).returning().get();
}
export function deviceByTokenHash(db: Db, tokenHash: string): DeviceRow | null {
  return db.select().from(memberDevices).where(eq(memberDevices.tokenHash, tokenHash)).get() ?? null;
}
export function getDevice(db: Db, id: number): DeviceRow | null {
  return db.select().from(memberDevices).where(eq(memberDevices.id, id)).get() ?? null;
}
export function memberDeviceRows(db: Db, memberId: number): DeviceRow[] {
  return db.select().from(memberDevices).where(eq(memberDevices.memberId, memberId)).orderBy(desc(memberDevices.id)).all();
}
export function updateDevice(db: Db, id: number, patch: Partial<typeof memberDevices.$inferInsert>): void {
  db.update(memberDevices).set(patch).where(eq(memberDevices.id, id)).run();
}
export function insertPairingCode(db: Db, row: typeof pairingCodes.$inferInsert): number {
  return db.insert(pairingCodes).values(row).returning({ id: pairingCodes.id }).get().id;
}
export function pairingCodeByHash(db: Db, codeHash: string) {
  return db.select().from(pairingCodes).where(eq(pairingCodes.codeHash, codeHash)).get() ?? null;
}
export function markPairingCodeUsed(db: Db, id: number, usedAt: string, deviceId: number): boolean {
  return db.update(pairingCodes).set({ usedAt, deviceId }).where(and(eq(pairingCodes.id, id), isNull(pairingCodes.usedAt))).run().changes === 1;
}

// ─── The exactly-once record ───────────────────────────────────────────────────────────────

export function syncOpsByIds(db: Db, ids: readonly string[]): Map<string, SyncOpRow> {
  const out = new Map<string, SyncOpRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of db.select().from(syncOps).where(inArray(syncOps.opId, ids.slice(i, i + 500))).all()) out.set(r.opId, r);
  }
  return out;
}
export function insertSyncOp(db: Db, row: SyncOpRow): void {
  db.insert(syncOps).values(row).run();
}
export function rejectedOps(db: Db, memberId: number, afterSeq: number, limit = 200) {
  return db.select({ id: syncOps.opId, kind: syncOps.kind, reason: syncOps.reason, at: syncOps.receivedAt }).from(syncChanges)
    .innerJoin(syncOps, eq(syncOps.opId, syncChanges.ref))
    .where(and(eq(syncChanges.memberId, memberId), eq(syncChanges.kind, 'rejected'), gt(syncChanges.seq, afterSeq)))
    .orderBy(asc(syncChanges.seq)).limit(limit).all();
}
/** Per device: ops applied and rejected. */
export function opCountsByDevice(db: Db, memberId: number): Map<number, { applied: number; rejected: number }> {
  const rows = db.select({ deviceId: syncOps.deviceId, status: syncOps.status, n: count() }).from(syncOps)
    .where(eq(syncOps.memberId, memberId)).groupBy(syncOps.deviceId, syncOps.status).all();
  const out = new Map<number, { applied: number; rejected: number }>();
  for (const r of rows) {
    const c = out.get(r.deviceId) ?? { applied: 0, rejected: 0 };
    c[r.status] = r.n;
    out.set(r.deviceId, c);
  }
  return out;
}
export function recentRejections(db: Db, memberId: number, limit = 20): SyncOpRow[] {
  return db.select().from(syncOps).where(and(eq(syncOps.memberId, memberId), eq(syncOps.status, 'rejected'))).orderBy(desc(syncOps.receivedAt)).limit(limit).all();
}

// ─── The change sequence ───────────────────────────────────────────────────────────────────

export function latestSeq(db: Db): number {
  return db.select({ s: max(syncChanges.seq) }).from(syncChanges).get()?.s ?? 0;
}
/** The kinds of change after `cursor` that concern `memberId` (their own or everyone's). */
export function changedKinds(db: Db, memberId: number, cursor: number): Set<string> {
  const rows = db.selectDistinct({ kind: syncChanges.kind }).from(syncChanges)
    .where(and(gt(syncChanges.seq, cursor), or(eq(syncChanges.memberId, memberId), isNull(syncChanges.memberId)))).all();
  return new Set(rows.map((r) => r.kind));
}
/** The latest change about the member (for the staff page's live refresh). */
export function latestMemberSeq(db: Db, memberId: number): number {
  return db.select({ s: max(syncChanges.seq) }).from(syncChanges).where(eq(syncChanges.memberId, memberId)).get()?.s ?? 0;
}

// ─── Set-log versions, links, phone sessions ───────────────────────────────────────────────

export function insertLogVersion(db: Db, row: SetLogVersionRow): void {
  db.insert(setLogVersions).values(row).run();
}
/** Versions stored after `cursor` (all when 0), with the device names. */
export function logVersionsSince(db: Db, memberId: number, cursor: number) {
  return db.select({ opId: setLogVersions.opId, hlc: setLogVersions.hlc, payload: setLogVersions.payload, deviceName: memberDevices.name })
    .from(syncChanges).innerJoin(setLogVersions, eq(setLogVersions.opId, syncChanges.ref))
    .leftJoin(memberDevices, eq(memberDevices.id, setLogVersions.deviceId))
    .where(and(eq(syncChanges.memberId, memberId), eq(syncChanges.kind, 'log'), gt(syncChanges.seq, cursor)))
    .orderBy(asc(syncChanges.seq)).all();
}
export function logVersionCount(db: Db, logId: string): number {
  return db.select({ n: count() }).from(setLogVersions).where(eq(setLogVersions.logId, logId)).get()?.n ?? 0;
}
export function getLink(db: Db, logId: string): SetLogLinkRow | null {
  return db.select().from(setLogLinks).where(eq(setLogLinks.logId, logId)).get() ?? null;
}
export function upsertLink(db: Db, row: SetLogLinkRow): void {
  const { logId, ...rest } = row;
  db.insert(setLogLinks).values(row).onConflictDoUpdate({ target: setLogLinks.logId, set: rest }).run();
}
export function memberLinks(db: Db, memberId: number): SetLogLinkRow[] {
  return db.select().from(setLogLinks).where(eq(setLogLinks.memberId, memberId)).all();
}
export function getPhoneSession(db: Db, sessionId: string): PhoneSessionRow | null {
  return db.select().from(phoneSessions).where(eq(phoneSessions.sessionId, sessionId)).get() ?? null;
}
export function insertPhoneSession(db: Db, row: PhoneSessionRow): void {
  db.insert(phoneSessions).values(row).run();
}
export function updatePhoneSession(db: Db, sessionId: string, patch: Partial<PhoneSessionRow>): void {
  db.update(phoneSessions).set(patch).where(eq(phoneSessions.sessionId, sessionId)).run();
}
/** A workout session row for a phone session; a clash on (member, start, name) is resolved by a suffix. */
export function insertPhoneWorkout(db: Db, row: { memberId: number; startedAt: string; name: string; suffix: string }): number {
  const clash = db.select({ id: workoutSessions.id }).from(workoutSessions).where(and(
    eq(workoutSessions.memberId, row.memberId), eq(workoutSessions.startedAt, row.startedAt), eq(workoutSessions.name, row.name))).get();
  const name = clash ? `${row.name} (${row.suffix})` : row.name;
  return db.insert(workoutSessions).values({ memberId: row.memberId, startedAt: row.startedAt, name, durationS: null, notes: '', source: 'phone', importId: null })
    .returning({ id: workoutSessions.id }).get().id;
}
export function updateWorkout(db: Db, id: number, patch: Partial<typeof workoutSessions.$inferInsert>): void {
  db.update(workoutSessions).set(patch).where(eq(workoutSessions.id, id)).run();
}
export function nextSetIndex(db: Db, workoutSessionId: number, exerciseName: string): number {
  const r = db.select({ m: max(setLogs.setIndex) }).from(setLogs).where(and(eq(setLogs.workoutSessionId, workoutSessionId), eq(setLogs.exerciseName, exerciseName))).get();
  return (r?.m ?? 0) + 1;
}
export function insertSetLog(db: Db, row: typeof setLogs.$inferInsert): number {
  return db.insert(setLogs).values(row).returning({ id: setLogs.id }).get().id;
}
export function updateSetLog(db: Db, id: number, patch: Partial<typeof setLogs.$inferInsert>): void {
  db.update(setLogs).set(patch).where(eq(setLogs.id, id)).run();
}
export function deleteSetLog(db: Db, id: number): void {
  db.delete(setLogs).where(eq(setLogs.id, id)).run();
}

/** Phone-logged sets of a member with their link to the plan (for the staff member page). */
export function linkedSets(db: Db, memberId: number, limit: number) {
  return db.select({
    logId: setLogLinks.logId, setLogId: setLogLinks.setLogId, setNumber: setLogLinks.setNumber, prescriptionId: setLogLinks.prescriptionId,
    planSessionId: setLogLinks.planSessionId, exerciseId: setLogs.exerciseId, exerciseName: setLogs.exerciseName, loadKg: setLogs.loadKg,
    reps: setLogs.reps, rir: setLogs.rir, performedAt: setLogs.performedAt, notes: setLogs.notes,
    presSets: prescriptions.sets, presRepMin: prescriptions.repMin, presRepMax: prescriptions.repMax, presLoadKg: prescriptions.loadKg,
    presRir: prescriptions.targetRir, sessionName: planSessions.name, week: planWeeks.week,
  }).from(setLogLinks).innerJoin(setLogs, eq(setLogs.id, setLogLinks.setLogId))
    .leftJoin(prescriptions, eq(prescriptions.id, setLogLinks.prescriptionId))
    .leftJoin(planSessions, eq(planSessions.id, setLogLinks.planSessionId))
    .leftJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId))
    .where(eq(setLogLinks.memberId, memberId)).orderBy(desc(setLogs.performedAt)).limit(limit).all();
}

/** The plan a prescription belongs to, with its member and status (null: no such prescription). */
export function prescriptionOwner(db: Db, prescriptionId: number) {
  return db.select({ planSessionId: prescriptions.planSessionId, exerciseId: prescriptions.exerciseId, memberId: plans.memberId, status: plans.status })
    .from(prescriptions).innerJoin(planSessions, eq(planSessions.id, prescriptions.planSessionId))
    .innerJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId)).innerJoin(plans, eq(plans.id, planWeeks.planId))
    .where(eq(prescriptions.id, prescriptionId)).get() ?? null;
}
export function planSessionOwner(db: Db, planSessionId: number) {
  return db.select({ name: planSessions.name, memberId: plans.memberId, status: plans.status }).from(planSessions)
    .innerJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId)).innerJoin(plans, eq(plans.id, planWeeks.planId))
    .where(eq(planSessions.id, planSessionId)).get() ?? null;
}

// ─── Per-field clocks ──────────────────────────────────────────────────────────────────────

export function fieldClocks(db: Db, memberId: number): Record<string, { hlc: string; opId: string }> {
  const rows = db.select().from(memberFieldClocks).where(eq(memberFieldClocks.memberId, memberId)).all();
  return Object.fromEntries(rows.map((r) => [r.field, { hlc: r.hlc, opId: r.opId }]));
}
export function putFieldClock(db: Db, memberId: number, field: string, hlc: string, opId: string): void {
  db.insert(memberFieldClocks).values({ memberId, field, hlc, opId })
    .onConflictDoUpdate({ target: [memberFieldClocks.memberId, memberFieldClocks.field], set: { hlc, opId } }).run();
}

