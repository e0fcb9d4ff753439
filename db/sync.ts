/**
 * Queries and mutations of member phones and sync (issue 11): devices, pairing codes, the
 * exactly-once op record, the change sequence, set-log versions and their links, phone
 * sessions, per-field clocks. Callers put writes that belong together in one `db.transaction`.
 * Instants are ISO-8601 UTC strings; loads kg.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, max, or } from 'drizzle-orm';
import type Database from 'better-sqlite3';
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


// ─── The hot path of a push: prepared once per connection ──────────────────────────────────
// Building each statement through drizzle's query builder and preparing it anew cost about
// 1.5 ms per op; these are prepared once per connection and reused (see `npm run bench -- sync`).

type Client = Database.Database;
const prepared = new WeakMap<Client, Map<string, Database.Statement>>();

function clientOf(db: Db): Client {
  const d = db as unknown as { $client?: Client; session?: { client: Client } };
  const c = d.$client ?? d.session?.client;
  if (!c) throw new Error('no better-sqlite3 connection behind this database handle');
  return c;
}

function st(db: Db, text: string): Database.Statement {
  const client = clientOf(db);
  let map = prepared.get(client);
  if (!map) prepared.set(client, (map = new Map()));
  let s = map.get(text);
  if (!s) map.set(text, (s = client.prepare(text)));
  return s;
}

/** Runs `fn` in a transaction (a savepoint when one is open already); a throw rolls it back. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return clientOf(db).transaction(fn)();
}

export function fastExerciseName(db: Db, id: string): string | null {
  return (st(db, 'SELECT name FROM exercises WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}
export function fastPrescriptionOwner(db: Db, id: number): { planSessionId: number; memberId: number } | null {
  return (st(db, `SELECT p.plan_session_id AS planSessionId, pl.member_id AS memberId FROM prescriptions p JOIN plan_sessions s ON s.id = p.plan_session_id
    JOIN plan_weeks w ON w.id = s.plan_week_id JOIN plans pl ON pl.id = w.plan_id WHERE p.id = ?`).get(id) as { planSessionId: number; memberId: number } | undefined) ?? null;
}
export function fastPlanSessionOwner(db: Db, id: number): { name: string; memberId: number } | null {
  return (st(db, `SELECT s.name AS name, pl.member_id AS memberId FROM plan_sessions s JOIN plan_weeks w ON w.id = s.plan_week_id JOIN plans pl ON pl.id = w.plan_id WHERE s.id = ?`)
    .get(id) as { name: string; memberId: number } | undefined) ?? null;
}
export function fastSyncOps(db: Db, ids: readonly string[]): Map<string, SyncOpRow> {
  const out = new Map<string, SyncOpRow>();
  const q = st(db, `SELECT op_id AS opId, device_id AS deviceId, member_id AS memberId, kind, hlc, status, reason, message, received_at AS receivedAt FROM sync_ops WHERE op_id = ?`);
  for (const id of ids) {
    const r = q.get(id) as SyncOpRow | undefined;
    if (r) out.set(id, r);
  }
  return out;
}
export function fastInsertSyncOp(db: Db, r: SyncOpRow): void {
  st(db, 'INSERT INTO sync_ops (op_id, device_id, member_id, kind, hlc, status, reason, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(r.opId, r.deviceId, r.memberId, r.kind, r.hlc, r.status, r.reason, r.message, r.receivedAt);
}
export function fastGetLink(db: Db, logId: string): SetLogLinkRow | null {
  return (st(db, `SELECT log_id AS logId, member_id AS memberId, set_log_id AS setLogId, current_op_id AS currentOpId, current_hlc AS currentHlc,
    plan_session_id AS planSessionId, prescription_id AS prescriptionId, set_number AS setNumber FROM set_log_links WHERE log_id = ?`).get(logId) as SetLogLinkRow | undefined) ?? null;
}
export function fastUpsertLink(db: Db, r: SetLogLinkRow): void {
  st(db, `INSERT INTO set_log_links (log_id, member_id, set_log_id, current_op_id, current_hlc, plan_session_id, prescription_id, set_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (log_id) DO UPDATE SET set_log_id = excluded.set_log_id, current_op_id = excluded.current_op_id, current_hlc = excluded.current_hlc,
    plan_session_id = excluded.plan_session_id, prescription_id = excluded.prescription_id, set_number = excluded.set_number`)
    .run(r.logId, r.memberId, r.setLogId, r.currentOpId, r.currentHlc, r.planSessionId, r.prescriptionId, r.setNumber);
}
export function fastInsertLogVersion(db: Db, r: SetLogVersionRow): void {
  st(db, 'INSERT INTO set_log_versions (op_id, log_id, member_id, device_id, hlc, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.opId, r.logId, r.memberId, r.deviceId, r.hlc, JSON.stringify(r.payload), r.receivedAt);
}
export function fastGetPhoneSession(db: Db, sessionId: string): PhoneSessionRow | null {
  return (st(db, `SELECT session_id AS sessionId, member_id AS memberId, workout_session_id AS workoutSessionId, plan_session_id AS planSessionId,
    started_at AS startedAt, finished_at AS finishedAt FROM phone_sessions WHERE session_id = ?`).get(sessionId) as PhoneSessionRow | undefined) ?? null;
}
export function fastNextSetIndex(db: Db, workoutSessionId: number, exerciseName: string): number {
  const r = st(db, 'SELECT max(set_index) AS m FROM set_logs WHERE workout_session_id = ? AND exercise_name = ?').get(workoutSessionId, exerciseName) as { m: number | null };
  return (r.m ?? 0) + 1;
}
export interface PhoneSetFields { exerciseId: string; exerciseName: string; loadKg: number; reps: number; rir: number | null; performedAt: string; notes: string }
export function fastInsertPhoneSet(db: Db, f: PhoneSetFields & { workoutSessionId: number; memberId: number; setIndex: number }): number {
  return Number(st(db, `INSERT INTO set_logs (workout_session_id, member_id, exercise_id, exercise_name, set_index, set_kind, load_kg, reps, rir, performed_at, source, notes)
    VALUES (?, ?, ?, ?, ?, 'working', ?, ?, ?, ?, 'phone', ?)`).run(f.workoutSessionId, f.memberId, f.exerciseId, f.exerciseName, f.setIndex, f.loadKg, f.reps, f.rir, f.performedAt, f.notes).lastInsertRowid);
}
export function fastUpdatePhoneSet(db: Db, id: number, f: PhoneSetFields): void {
  st(db, 'UPDATE set_logs SET exercise_id = ?, exercise_name = ?, load_kg = ?, reps = ?, rir = ?, performed_at = ?, notes = ? WHERE id = ?')
    .run(f.exerciseId, f.exerciseName, f.loadKg, f.reps, f.rir, f.performedAt, f.notes, id);
}
export function fastTouchDevice(db: Db, id: number, at: string, pending: number): void {
  st(db, 'UPDATE member_devices SET last_seen_at = ?, pending_ops = ? WHERE id = ?').run(at, pending, id);
}
/** Kinds of change after `cursor` for the member, and whether the timetable (everyone's) changed. */
export function fastChangedKinds(db: Db, memberId: number, cursor: number): Set<string> {
  const kinds = new Set<string>();
  const q = st(db, 'SELECT 1 AS x FROM sync_changes WHERE member_id = ? AND kind = ? AND seq > ? LIMIT 1');
  for (const k of ['plan', 'bookings', 'member', 'log', 'rejected']) if (q.get(memberId, k, cursor)) kinds.add(k);
  if (st(db, "SELECT 1 AS x FROM sync_changes WHERE member_id IS NULL AND kind = 'timetable' AND seq > ? LIMIT 1").get(cursor)) kinds.add('timetable');
  return kinds;
}
/** The newest change of `kind` about the member (0: none). */
export function fastLatestKindSeq(db: Db, memberId: number, kind: string): number {
  return (st(db, 'SELECT max(seq) AS s FROM sync_changes WHERE member_id = ? AND kind = ?').get(memberId, kind) as { s: number | null }).s ?? 0;
}
export function fastLatestSeq(db: Db): number {
  return (st(db, 'SELECT max(seq) AS s FROM sync_changes').get() as { s: number | null }).s ?? 0;
}
export function fastDeviceByTokenHash(db: Db, tokenHash: string): DeviceRow | null {
  return (st(db, `SELECT id, member_id AS memberId, name, token_hash AS tokenHash, created_at AS createdAt, expires_at AS expiresAt, last_seen_at AS lastSeenAt,
    last_address AS lastAddress, pending_ops AS pendingOps, paired_by AS pairedBy, revoked_at AS revokedAt, revoked_by AS revokedBy FROM member_devices WHERE token_hash = ?`)
    .get(tokenHash) as DeviceRow | undefined) ?? null;
}
export function fastSeen(db: Db, id: number, at: string, address: string | null): void {
  st(db, 'UPDATE member_devices SET last_seen_at = ?, last_address = ? WHERE id = ?').run(at, address, id);
}
export function fastSetting(db: Db, key: string): unknown {
  const r = st(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? JSON.parse(r.value) as unknown : null;
}
export function fastMember(db: Db, id: number): { id: number; name: string; preferredUnit: 'kg' | 'lb'; bodyMassKg: number | null; nickname: string | null } | null {
  return (st(db, 'SELECT id, name, preferred_unit AS preferredUnit, body_mass_kg AS bodyMassKg, nickname FROM members WHERE id = ?').get(id) as never) ?? null;
}
/** Set-log versions after `cursor`; those pushed by `exceptDeviceId` left out (the phone has them). */
export function fastLogVersionsSince(db: Db, memberId: number, cursor: number, exceptDeviceId: number | null) {
  const rows = st(db, `SELECT v.op_id AS opId, v.hlc AS hlc, v.payload AS payload, d.name AS deviceName FROM sync_changes c
    JOIN set_log_versions v ON v.op_id = c.ref LEFT JOIN member_devices d ON d.id = v.device_id
    WHERE c.member_id = ? AND c.kind = 'log' AND c.seq > ? AND (? IS NULL OR v.device_id IS NULL OR v.device_id != ?) ORDER BY c.seq`)
    .all(memberId, cursor, exceptDeviceId, exceptDeviceId) as Array<{ opId: string; hlc: string; payload: string; deviceName: string | null }>;
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
}
export function fastRejectedOps(db: Db, memberId: number, cursor: number) {
  return st(db, `SELECT o.op_id AS id, o.kind AS kind, o.reason AS reason, o.received_at AS at FROM sync_changes c JOIN sync_ops o ON o.op_id = c.ref
    WHERE c.member_id = ? AND c.kind = 'rejected' AND c.seq > ? ORDER BY c.seq LIMIT 200`).all(memberId, cursor) as Array<{ id: string; kind: string; reason: string | null; at: string }>;
}
