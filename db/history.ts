/** Training history: workout sessions and set logs. */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { SetRecord } from '../engine/types';
import type Database from 'better-sqlite3';
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
 * skipped, so re-importing adds nothing twice. `sqlite` is the store's connection (`store.sqlite`);
 * call inside a transaction on it.
 * Returns how many sets were stored and how many were already there.
 */
export function insertWorkouts(
  sqlite: Database.Database,
  workouts: ReadonlyArray<{ workout: WorkoutInsert; sets: readonly SetInsert[] }>,
): { stored: number; duplicates: number } {
  // Prepared statements on the connection (call inside a transaction of the same connection):
  // the query builder cost more than SQLite itself, over a second for 15,000 sets.
  const findWorkout = sqlite.prepare('SELECT id FROM workout_sessions WHERE member_id = ? AND started_at = ? AND name = ?').pluck();
  const addWorkout = sqlite.prepare(
    'INSERT INTO workout_sessions (member_id, started_at, name, duration_s, notes, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const addSet = sqlite.prepare(
    'INSERT INTO set_logs (workout_session_id, member_id, exercise_id, exercise_name, set_index, set_kind, load_kg, reps, rir, rpe, '
    + 'distance_m, duration_s, performed_at, source, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  let stored = 0;
  let duplicates = 0;
  for (const { workout: w, sets } of workouts) {
    const existing = findWorkout.get(w.memberId, w.startedAt, w.name) as number | undefined;
    const workoutId = existing ?? Number(addWorkout.run(w.memberId, w.startedAt, w.name, w.durationS, w.notes, w.source, w.importId).lastInsertRowid);
    for (const s of sets) {
      const res = addSet.run(workoutId, w.memberId, s.exerciseId, s.exerciseName, s.setIndex, s.setKind, s.loadKg, s.reps, s.rir, s.rpe,
        s.distanceM, s.durationS, s.performedAt, w.source, s.notes);
      if (res.changes > 0) stored += 1;
      else duplicates += 1;
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
