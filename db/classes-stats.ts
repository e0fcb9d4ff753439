/**
 * Read-only queries behind the post-class summary and the Today and Club dashboards (issue 12).
 * Instants are ISO-8601 UTC strings; loads in kg.
 */
import { and, asc, eq, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import type { Db } from './open';
import { classBookings, classHeartRates, classOccurrences, members, setLogs } from './schema';

export interface ClassSetRow { memberId: number; exerciseName: string; loadKg: number; reps: number; rir: number | null; performedAt: string }

/** Sets of the given members performed in `[fromIso, toIso]`. */
export function setsBetween(db: Db, memberIds: readonly number[], fromIso: string, toIso: string): ClassSetRow[] {
  if (memberIds.length === 0) return [];
  return db.select({ memberId: setLogs.memberId, exerciseName: setLogs.exerciseName, loadKg: setLogs.loadKg, reps: setLogs.reps, rir: setLogs.rir, performedAt: setLogs.performedAt })
    .from(setLogs).where(and(inArray(setLogs.memberId, [...memberIds]), gte(setLogs.performedAt, fromIso), lte(setLogs.performedAt, toIso)))
    .orderBy(asc(setLogs.performedAt)).all();
}

/**
 * Best Epley e1RM (kg) per member and exercise name before `beforeIso`, from sets of 1–10 reps
 * with RIR 0–3 or unknown: load × (1 + (reps + RIR) / 30), as `engine/e1rm/formulas.ts`.
 * Keys are `${memberId}|${exerciseName}`.
 */
export function bestE1rmBefore(db: Db, memberIds: readonly number[], beforeIso: string): Map<string, number> {
  if (memberIds.length === 0) return new Map();
  const e1rm = sql<number>`max(${setLogs.loadKg} * (1 + (${setLogs.reps} + coalesce(${setLogs.rir}, 0)) / 30.0))`;
  const rows = db.select({ m: setLogs.memberId, name: setLogs.exerciseName, best: e1rm }).from(setLogs)
    .where(and(inArray(setLogs.memberId, [...memberIds]), lt(setLogs.performedAt, beforeIso), sql`${setLogs.reps} BETWEEN 1 AND 10`,
      sql`(${setLogs.rir} IS NULL OR ${setLogs.rir} <= 3)`, sql`${setLogs.loadKg} > 0`))
    .groupBy(setLogs.memberId, setLogs.exerciseName).all();
  return new Map(rows.map((r) => [`${r.m}|${r.name}`, Math.round(r.best * 10) / 10]));
}

/** Highest bpm stored per member from classes before `beforeIso`. */
export function observedMaxBpm(db: Db, memberIds: readonly number[], beforeIso: string): Map<number, number> {
  if (memberIds.length === 0) return new Map();
  const rows = db.select({ m: classHeartRates.memberId, bpm: max(classHeartRates.bpm) }).from(classHeartRates)
    .where(and(inArray(classHeartRates.memberId, [...memberIds]), lt(classHeartRates.at, beforeIso))).groupBy(classHeartRates.memberId).all();
  return new Map(rows.filter((r) => r.bpm !== null).map((r) => [r.m, r.bpm!]));
}

/** Birth years of members (null when unknown). */
export function birthYears(db: Db, memberIds: readonly number[]): Map<number, number | null> {
  if (memberIds.length === 0) return new Map();
  return new Map(db.select({ id: members.id, y: members.birthYear }).from(members).where(inArray(members.id, [...memberIds])).all().map((r) => [r.id, r.y]));
}

/** The latest class check-in per member. */
export function lastCheckIns(db: Db): Map<number, string> {
  const rows = db.select({ m: classBookings.memberId, at: max(classBookings.checkedInAt) }).from(classBookings)
    .where(eq(classBookings.status, 'checked_in')).groupBy(classBookings.memberId).all();
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.m, r.at!]));
}

export interface EndedClassRow {
  id: number; weekStart: string; date: string; startMin: number; classTypeId: string; className: string; capacity: number; predicted: number | null;
  bookings: number; attended: number; walkIns: number; noShows: number; everWaitlisted: number;
}

/** Ended classes starting in `[fromIso, toIso)` with their booking figures. */
export function endedClasses(db: Db, fromIso: string, toIso: string): EndedClassRow[] {
  const o = classOccurrences;
  const n = (cond: string) => sql<number>`(SELECT count(*) FROM class_bookings b WHERE b.occurrence_id = "class_occurrences"."id" AND ${sql.raw(cond)})`;
  return db.select({
    id: o.id, weekStart: o.weekStart, date: o.date, startMin: o.startMin, classTypeId: o.classTypeId, className: o.className, capacity: o.capacity, predicted: o.predicted,
    bookings: n("b.walk_in = 0"),
    attended: n("b.status = 'checked_in'"),
    walkIns: n("b.status = 'checked_in' AND b.walk_in = 1"),
    noShows: n("b.status = 'no_show'"),
    everWaitlisted: n("(b.status = 'waitlisted' OR b.promoted_at IS NOT NULL)"),
  }).from(o).where(and(eq(o.status, 'ended'), gte(o.startsAt, fromIso), lt(o.startsAt, toIso))).orderBy(asc(o.startsAt)).all();
}
