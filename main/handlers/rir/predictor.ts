/**
 * The RIR predictor (engine/rir/predictor) over a member's logged sets: replayed in time order
 * from the database on demand (no stored state: it is a few microseconds a set). Logged sets carry
 * no prescription, so they enter with no target and their own reps as the prescribed reps.
 */
import { SHIPPED_PREDICTOR } from '../../../engine/rir/predictor-params';
import { createPredictorState, observeInPlace, type PredictorState } from '../../../engine/rir/predictor';
import type { Exercise } from '../../../engine/types';
import { setsToLearn } from '../../../db/rir';
import type { Db } from '../../../db/open';
import { toRirSet } from './learn';

/** The member's predictor state from every learnable set (shipped parameters). */
export function memberPredictorState(db: Db, memberId: number, library: readonly Exercise[]): PredictorState {
  const byId = new Map(library.map((e) => [e.id, e]));
  const state = createPredictorState(memberId);
  for (const s of setsToLearn(db, memberId, { at: null, id: null })) {
    const exercise = byId.get(s.exerciseId);
    if (!exercise) continue;
    observeInPlace(state, SHIPPED_PREDICTOR, exercise, toRirSet(s), { targetRir: null, prescribedReps: s.reps });
  }
  return state;
}
