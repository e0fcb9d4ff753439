/** Storage of the RIR model: each member's learnt state and the predictions made before sets. */
import { and, asc, desc, eq, gt, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from './open';
import { exercises, rirMemberStates, rirPredictions, setLogs } from './schema';

export type RirStateRow = typeof rirMemberStates.$inferSelect;
export type RirPredictionInsert = typeof rirPredictions.$inferInsert;
export type RirPredictionRow = typeof rirPredictions.$inferSelect & { exerciseName: string; loadKg: number; reps: number };

export function getRirState(db: Db, memberId: number): RirStateRow | null {
  return db.select().from(rirMemberStates).where(eq(rirMemberStates.memberId, memberId)).get() ?? null;
}

export function saveRirState(db: Db, row: Omit<RirStateRow, 'updatedAt'>): void {
  const values = { ...row, updatedAt: new Date().toISOString() };
  db.insert(rirMemberStates).values(values)
    .onConflictDoUpdate({ target: rirMemberStates.memberId, set: values }).run();
}

export function deleteRirState(db: Db, memberId: number): void {
  db.delete(rirPredictions).where(eq(rirPredictions.memberId, memberId)).run();
  db.delete(rirMemberStates).where(eq(rirMemberStates.memberId, memberId)).run();
}

/** A matched, non-warm-up set as the RIR model learns from it. */
export interface LearnableSet {
  id: number;
  memberId: number;
  exerciseId: string;
  performedAt: string;
  loadKg: number;
  reps: number;
  rir: number | null;
  setIndex: number;
  setKind: string;
}

const learnable = {
  id: setLogs.id, memberId: setLogs.memberId, exerciseId: setLogs.exerciseId, performedAt: setLogs.performedAt,
  loadKg: setLogs.loadKg, reps: setLogs.reps, rir: setLogs.rir, setIndex: setLogs.setIndex, setKind: setLogs.setKind,
};

/**
 * The member's sets after (`afterAt`, `afterId`) in time order, oldest first: matched to an
 * exercise, with a load, not warm-ups.
 */
export function setsToLearn(db: Db, memberId: number, after: { at: string | null; id: number | null }): LearnableSet[] {
  const since = after.at === null ? undefined
    : or(gt(setLogs.performedAt, after.at), and(eq(setLogs.performedAt, after.at), gt(setLogs.id, after.id ?? 0)));
  return db.select(learnable).from(setLogs)
    .where(and(eq(setLogs.memberId, memberId), isNotNull(setLogs.exerciseId), gt(setLogs.loadKg, 0), gt(setLogs.reps, 0),
      sql`${setLogs.setKind} != 'warmup'`, since))
    .orderBy(asc(setLogs.performedAt), asc(setLogs.id)).all()
    .map((r) => ({ ...r, exerciseId: r.exerciseId! }));
}

/** Every member's learnable sets, for the population refit. */
export function allLearnableSets(db: Db): LearnableSet[] {
  return db.select(learnable).from(setLogs)
    .where(and(isNotNull(setLogs.exerciseId), gt(setLogs.loadKg, 0), gt(setLogs.reps, 0), sql`${setLogs.setKind} != 'warmup'`))
    .orderBy(asc(setLogs.memberId), asc(setLogs.performedAt), asc(setLogs.id)).all()
    .map((r) => ({ ...r, exerciseId: r.exerciseId! }));
}

export function insertRirPredictions(db: Db, rows: readonly RirPredictionInsert[]): void {
  for (let i = 0; i < rows.length; i += 400) {
    db.insert(rirPredictions).values(rows.slice(i, i + 400)).onConflictDoNothing().run();
  }
}

/** Predictions made before the member's sets, newest first. */
export function memberRirPredictions(db: Db, memberId: number, limit: number): RirPredictionRow[] {
  return db.select({ p: rirPredictions, exerciseName: exercises.name, loadKg: setLogs.loadKg, reps: setLogs.reps })
    .from(rirPredictions)
    .innerJoin(exercises, eq(exercises.id, rirPredictions.exerciseId))
    .innerJoin(setLogs, eq(setLogs.id, rirPredictions.setLogId))
    .where(eq(rirPredictions.memberId, memberId))
    .orderBy(desc(rirPredictions.performedAt), desc(rirPredictions.id)).limit(limit).all()
    .map((r) => ({ ...r.p, exerciseName: r.exerciseName, loadKg: r.loadKg, reps: r.reps }));
}

/** Sets with a logged RIR (or taken to failure) per exercise, for one member. */
export function setsWithRirByExercise(db: Db, memberId: number): Map<string, number> {
  const rows = db.select({ exerciseId: rirPredictions.exerciseId, n: sql<number>`count(*)` }).from(rirPredictions)
    .where(eq(rirPredictions.memberId, memberId)).groupBy(rirPredictions.exerciseId).all();
  return new Map(rows.map((r) => [r.exerciseId, r.n]));
}
