/** Test builders for progression: sessions, sets, check-ins, prescriptions. Synthetic data only. */
import { ex } from '../planner/fixtures';
import type { Exercise } from '../types';
import type { CheckIn, ExerciseSession, LoggedSet, Prescribed } from './types';

export const SQUAT: Exercise = ex('barbell-back-squat', 'squat', 'barbell', ['quadriceps']);
export const DB_PRESS: Exercise = ex('dumbbell-bench-press', 'horizontal_push', 'dumbbell', ['chest']);
export const PUSHUP: Exercise = ex('push-up', 'horizontal_push', 'body_only', ['chest']);

/** `n` sets of `reps` at `loadKg`, with optional target, RIR, RPE and form. */
export function sets(n: number, loadKg: number, reps: number | number[], opts: Partial<Omit<LoggedSet, 'loadKg' | 'reps'>> = {}): LoggedSet[] {
  return Array.from({ length: n }, (_, i) => ({
    loadKg, reps: Array.isArray(reps) ? (reps[i] ?? reps[reps.length - 1]!) : reps,
    rir: opts.rir ?? null, rpe: opts.rpe ?? null, targetReps: opts.targetReps === undefined ? null : opts.targetReps, form: opts.form ?? null,
  }));
}

/** A session on day `day` of March 2024 (UTC, 10:00). */
export function session(day: number, setList: LoggedSet[], exerciseId = SQUAT.id): ExerciseSession {
  return { performedAt: `2024-03-${String(day).padStart(2, '0')}T10:00:00Z`, exerciseId, sets: setList };
}

export function checkIn(day: number, v: Partial<CheckIn> = {}): CheckIn {
  return {
    at: `2024-03-${String(day).padStart(2, '0')}T08:00:00Z`, sleep: v.sleep ?? 7, fatigue: v.fatigue ?? 4, soreness: v.soreness ?? 3,
    energy: v.energy ?? 7, painReported: v.painReported ?? false, illness: v.illness ?? false,
  };
}

export function prescribed(loadKg: number | null, sets = 3, repMin = 5, repMax = repMin, over: Partial<Prescribed> = {}): Prescribed {
  return { exerciseId: SQUAT.id, sets, repMin, repMax, loadKg, restS: 180, targetRir: null, ...over };
}
