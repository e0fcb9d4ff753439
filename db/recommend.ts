/** Reads for exercise recommendations: a member's matched sets with their session, and every member's sessions (for ALS). */
import { and, asc, count, eq, gte, isNotNull, max } from 'drizzle-orm';
import type { Db } from './open';
import { setLogs, workoutSessions } from './schema';

export interface RecommendSetRow {
  exerciseId: string;
  performedAt: string;
  rir: number | null;
  setKind: string;
  sessionId: number;
  sessionName: string;
}

/** The member's sets matched to an exercise since `sinceIso` (inclusive), oldest first. */
export function memberRecommendSets(db: Db, memberId: number, sinceIso: string): RecommendSetRow[] {
  return db.select({
    exerciseId: setLogs.exerciseId, performedAt: setLogs.performedAt, rir: setLogs.rir, setKind: setLogs.setKind,
    sessionId: setLogs.workoutSessionId, sessionName: workoutSessions.name,
  }).from(setLogs).innerJoin(workoutSessions, eq(workoutSessions.id, setLogs.workoutSessionId))
    .where(and(eq(setLogs.memberId, memberId), isNotNull(setLogs.exerciseId), gte(setLogs.performedAt, sinceIso)))
    .orderBy(asc(setLogs.performedAt), asc(setLogs.id)).all()
    .map((r) => ({ ...r, exerciseId: r.exerciseId! }));
}

export interface SessionExerciseRow { memberId: number; sessionId: number; startedAt: string; sessionName: string; exerciseId: string }

/** One row per (session, exercise) over every member, in member and time order. */
export function allSessionExercises(db: Db): SessionExerciseRow[] {
  return db.selectDistinct({
    memberId: setLogs.memberId, sessionId: setLogs.workoutSessionId, startedAt: workoutSessions.startedAt, sessionName: workoutSessions.name, exerciseId: setLogs.exerciseId,
  }).from(setLogs).innerJoin(workoutSessions, eq(workoutSessions.id, setLogs.workoutSessionId))
    .where(isNotNull(setLogs.exerciseId))
    .orderBy(asc(setLogs.memberId), asc(workoutSessions.startedAt), asc(setLogs.workoutSessionId)).all()
    .map((r) => ({ ...r, exerciseId: r.exerciseId! }));
}

/**
 * What ALS trains on, in one string: the number of matched sets and the largest set id
 * ("<count>:<max id>"). It changes when a set is logged, imported or deleted, so the nightly job
 * (main/host/recommend-nightly.ts) can skip a night with nothing new.
 */
export function recommendDataFingerprint(db: Db): string {
  const r = db.select({ n: count(), top: max(setLogs.id) }).from(setLogs).where(isNotNull(setLogs.exerciseId)).get();
  return `${r?.n ?? 0}:${r?.top ?? 0}`;
}
