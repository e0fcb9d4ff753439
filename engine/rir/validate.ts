/** Input checks of the RIR model; each failure throws `RirInputError` naming the field. */
import type { Exercise } from '../types';
import { RirInputError } from './errors';
import type { RirSet } from './types';

const libraryIds = new WeakMap<readonly Exercise[], Set<string>>();

/** Throws unless `exercise` is in `library` (by id). Memoised per library array. */
export function requireKnownExercise(exercise: Exercise, library: readonly Exercise[], field = 'exercise.id'): void {
  let ids = libraryIds.get(library);
  if (ids === undefined) {
    ids = new Set(library.map((e) => e.id));
    libraryIds.set(library, ids);
  }
  if (!ids.has(exercise.id)) throw new RirInputError(field, `unknown exercise "${exercise.id}" (not in the library)`);
}

export function requireLoad(loadKg: number, field: string): void {
  if (typeof loadKg !== 'number' || !Number.isFinite(loadKg) || loadKg <= 0) {
    throw new RirInputError(field, `load must be a finite number > 0 kg, got ${String(loadKg)}`);
  }
}

export function requireTimeMs(iso: string, field: string): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RirInputError(field, `must be an ISO-8601 time, got "${String(iso)}"`);
  return ms;
}

export function requireSetIndex(setIndex: number | undefined, field: string): number {
  const i = setIndex ?? 1;
  if (!Number.isInteger(i) || i < 1) throw new RirInputError(field, `must be an integer ≥ 1, got ${String(setIndex)}`);
  return i;
}

/** Checks one set against the member and exercise it is learnt for. */
export function validateSet(set: RirSet, memberId: number, exercise: Exercise, library: readonly Exercise[]): number {
  if (set.memberId !== memberId) {
    throw new RirInputError('set.memberId', `set of member ${String(set.memberId)} given to the state of member ${String(memberId)}`);
  }
  if (set.exerciseId !== exercise.id) {
    throw new RirInputError('set.exerciseId', `"${set.exerciseId}" does not match exercise "${exercise.id}"`);
  }
  requireKnownExercise(exercise, library, 'set.exerciseId');
  requireLoad(set.loadKg, 'set.loadKg');
  if (typeof set.reps !== 'number' || !Number.isFinite(set.reps) || set.reps < 0) {
    throw new RirInputError('set.reps', `reps must be a finite number ≥ 0, got ${String(set.reps)}`);
  }
  const rir = set.reportedRir;
  if (rir !== null && (typeof rir !== 'number' || !Number.isFinite(rir) || rir < 0 || rir > 10)) {
    throw new RirInputError('set.reportedRir', `RIR must be within 0–10, got ${String(rir)}`);
  }
  requireSetIndex(set.setIndex, 'set.setIndex');
  return requireTimeMs(set.performedAt, 'set.performedAt');
}
