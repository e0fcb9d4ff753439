/** Training history: workout sessions and set logs. */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { SetRecord } from '../engine/types';
import type { Db } from './open';
import { setLogs, workoutSessions } from './schema';

export interface WorkoutInsert {
  memberId: number;
  startedAt: string;
  name: string;
  durationS: number | null;
  notes: string;
  source: string;
  importId: number | null;
}

export interface SetInsert {
  exerciseId: string | null;
  exerciseName: string;
  setIndex: number;
  setKind: string;
  loadKg: number;
  reps: number;
  rir: number | null;
  rpe: number | null;
  distanceM: number | null;
  durationS: number | null;
  performedAt: string;
  notes: string;
}

/**
 * Inserts workouts with their sets. A workout that already exists (same member, start and
 * name) is reused, and a set already stored (same workout, exercise name and set index) is
 * skipped, so re-importing adds nothing twice. Call inside a transaction.
 * Returns how many sets were stored and how many were already there.
 */
export function insertWorkouts(
  db: Db,
  workouts: ReadonlyArray<{ workout: WorkoutInsert; sets: readonly SetInsert[] }>,
): { stored: number; duplicates: number } {
  let stored = 0;
  let duplicates = 0;
  for (const { workout, sets } of workouts) {
    const existing = db.select({ id: workoutSessions.id }).from(workoutSessions).where(and(
      eq(workoutSessions.memberId, workout.memberId), eq(workoutSessions.startedAt, workout.startedAt), eq(workoutSessions.name, workout.name),
    )).get();
    const workoutId = existing?.id ?? db.insert(workoutSessions).values(workout).returning({ id: workoutSessions.id }).get().id;
    // One statement per chunk of sets (16 columns × 500 rows stays under SQLite's variable limit).
    for (let i = 0; i < sets.length; i += 500) {
      const chunk = sets.slice(i, i + 500).map((s) => ({ ...s, workoutSessionId: workoutId, memberId: workout.memberId, source: workout.source }));
      const res = db.insert(setLogs).values(chunk).onConflictDoNothing().run();
      stored += res.changes;
      duplicates += chunk.length - res.changes;
    }
  }
  return { stored, duplicates };
}

/** The member's matched sets as engine records, oldest first. */
export function memberSetRecords(db: Db, memberId: number): SetRecord[] {
  return db.select({
    exerciseId: setLogs.exerciseId, performedAt: setLogs.performedAt, loadKg: setLogs.loadKg,
    reps: setLogs.reps, rir: setLogs.rir, rpe: setLogs.rpe,
  }).from(setLogs)
    .where(and(eq(setLogs.memberId, memberId), isNotNull(setLogs.exerciseId), sql`${setLogs.setKind} != 'warmup'`))
    .orderBy(setLogs.performedAt, setLogs.id).all()
    .map((r) => ({ ...r, exerciseId: r.exerciseId! }));
}

export function recentSets(db: Db, memberId: number, limit: number) {
  return db.select({
    id: setLogs.id, performedAt: setLogs.performedAt, exerciseId: setLogs.exerciseId, exerciseName: setLogs.exerciseName,
    setIndex: setLogs.setIndex, loadKg: setLogs.loadKg, reps: setLogs.reps, rir: setLogs.rir, rpe: setLogs.rpe, source: setLogs.source,
  }).from(setLogs).where(eq(setLogs.memberId, memberId))
    .orderBy(desc(setLogs.performedAt), desc(setLogs.id)).limit(limit).all();
}

/** Sets per exercise for one member, most trained first. */
export function exerciseCounts(db: Db, memberId: number): Array<{ exerciseId: string; sets: number }> {
  return db.select({ exerciseId: setLogs.exerciseId, sets: sql<number>`count(*)` }).from(setLogs)
    .where(and(eq(setLogs.memberId, memberId), isNotNull(setLogs.exerciseId)))
    .groupBy(setLogs.exerciseId).orderBy(desc(sql`count(*)`)).all()
    .map((r) => ({ exerciseId: r.exerciseId!, sets: r.sets }));
}
