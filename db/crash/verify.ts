/**
 * Read-only queries of the crash test: what of each crash `seq` is stored (row counts per part),
 * the next free `seq`, and SQLite's own consistency checks. The names that carry `seq` are
 * described in db/crash/workload.ts.
 */
import type Database from 'better-sqlite3';
import { count, countDistinct, eq, like, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { auditLog, planSessions, planWeeks, plans, prescriptions, setLogs, workoutSessions } from '../schema';
import { CRASH_AUDIT_ENTITY, CRASH_PLAN_PREFIX, CRASH_WORKOUT_PREFIX, type CrashShape } from './workload';

/** Row counts stored for one `seq`, in the same fields as `CrashShape` (0 where a part is missing). */
export type CrashParts = { [K in keyof CrashShape]: number };

const emptyParts = (): CrashParts => ({ plans: 0, weeks: 0, sessions: 0, prescriptions: 0, workouts: 0, sets: 0, audits: 0 });

/** The integer after `prefix`, or null when `text` is not `prefix` + a non-negative integer. */
function seqAfter(prefix: string, text: string): number | null {
  const rest = text.slice(prefix.length);
  return text.startsWith(prefix) && /^\d+$/.test(rest) ? Number(rest) : null;
}

function partsFor(out: Map<number, CrashParts>, seq: number | null): CrashParts | null {
  if (seq === null) return null;
  let p = out.get(seq);
  if (!p) out.set(seq, (p = emptyParts()));
  return p;
}

function addPlans(db: Db, out: Map<number, CrashParts>): void {
  const rows = db.select({
    name: plans.name, weeks: countDistinct(planWeeks.id), sessions: countDistinct(planSessions.id), prescriptions: count(prescriptions.id),
  }).from(plans)
    .leftJoin(planWeeks, eq(planWeeks.planId, plans.id))
    .leftJoin(planSessions, eq(planSessions.planWeekId, planWeeks.id))
    .leftJoin(prescriptions, eq(prescriptions.planSessionId, planSessions.id))
    .where(like(plans.name, `${CRASH_PLAN_PREFIX}%`)).groupBy(plans.id).all();
  for (const r of rows) {
    const p = partsFor(out, seqAfter(CRASH_PLAN_PREFIX, r.name));
    if (!p) continue;
    p.plans += 1; p.weeks += r.weeks; p.sessions += r.sessions; p.prescriptions += r.prescriptions;
  }
}

function addWorkouts(db: Db, out: Map<number, CrashParts>): void {
  const rows = db.select({ name: workoutSessions.name, sets: count(setLogs.id) }).from(workoutSessions)
    .leftJoin(setLogs, eq(setLogs.workoutSessionId, workoutSessions.id))
    .where(like(workoutSessions.name, `${CRASH_WORKOUT_PREFIX}%`)).groupBy(workoutSessions.id).all();
  for (const r of rows) {
    const p = partsFor(out, seqAfter(CRASH_WORKOUT_PREFIX, r.name));
    if (!p) continue;
    p.workouts += 1; p.sets += r.sets;
  }
}

function addAudits(db: Db, out: Map<number, CrashParts>): void {
  const rows = db.select({ entityId: auditLog.entityId, n: count() }).from(auditLog)
    .where(eq(auditLog.entity, CRASH_AUDIT_ENTITY)).groupBy(auditLog.entityId).all();
  for (const r of rows) {
    const p = partsFor(out, seqAfter('', r.entityId));
    if (p) p.audits += r.n;
  }
}

/** Every crash `seq` with at least one stored row, with its row counts per part. */
export function crashParts(db: Db): Map<number, CrashParts> {
  const out = new Map<number, CrashParts>();
  addPlans(db, out);
  addWorkouts(db, out);
  addAudits(db, out);
  return out;
}

/** `max(CAST(substr(column, prefix length + 1) AS INTEGER))`: the largest seq after `prefix`. */
const maxAfter = (column: SQLiteColumn, prefix: string) =>
  sql<number | null>`max(CAST(substr(${column}, ${prefix.length + 1}) AS INTEGER))`;

/**
 * One more than the largest `seq` with any stored row (1 on an empty database). Three
 * aggregate scans without joins, so a writer's start-up stays short as the file grows.
 */
export function nextCrashSeq(db: Db): number {
  const plan = db.select({ m: maxAfter(plans.name, CRASH_PLAN_PREFIX) }).from(plans)
    .where(like(plans.name, `${CRASH_PLAN_PREFIX}%`)).get()?.m;
  const workout = db.select({ m: maxAfter(workoutSessions.name, CRASH_WORKOUT_PREFIX) }).from(workoutSessions)
    .where(like(workoutSessions.name, `${CRASH_WORKOUT_PREFIX}%`)).get()?.m;
  const audit = db.select({ m: maxAfter(auditLog.entityId, '') }).from(auditLog)
    .where(eq(auditLog.entity, CRASH_AUDIT_ENTITY)).get()?.m;
  return Math.max(plan ?? 0, workout ?? 0, audit ?? 0) + 1;
}

/** `PRAGMA integrity_check` rows: exactly `['ok']` for a sound file, else SQLite's messages. */
export function integrityCheck(sqlite: Database.Database): string[] {
  return (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
}

/** Number of rows `PRAGMA foreign_key_check` reports (0 when every reference resolves). */
export function foreignKeyViolations(sqlite: Database.Database): number {
  return (sqlite.pragma('foreign_key_check') as unknown[]).length;
}
