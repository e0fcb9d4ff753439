/**
 * The RIR model as the planner's `LoadModel`: for an exercise on which the member has at
 * least `MIN_SETS_WITH_RIR` sets with a logged RIR (or taken to failure), the load is the one
 * at which the model predicts the asked reps to failure.
 */
import { rirModel } from '../../../engine/rir/model';
import type { MemberRirState, PopulationModel } from '../../../engine/rir/types';
import type { LoadModel } from '../../../engine/planner/loads';
import type { Exercise } from '../../../engine/types';

export const MIN_SETS_WITH_RIR = 6;

export function rirLoadModel(
  state: MemberRirState, population: PopulationModel, library: readonly Exercise[], setsWithRir: ReadonlyMap<string, number>,
): LoadModel {
  const byId = new Map(library.map((e) => [e.id, e]));
  const learnt = (id: string) => (setsWithRir.get(id) ?? 0) >= MIN_SETS_WITH_RIR && byId.has(id);
  return {
    describe: (id) => (learnt(id) ? `RIR model, ${String(setsWithRir.get(id))} sets with RIR` : null),
    repsToFailureAt: (id, loadKg) => {
      if (!learnt(id) || loadKg <= 0) return null;
      return rirModel.predictReps(state, population, byId.get(id)!, library, { memberId: state.memberId, exerciseId: id, loadKg, setIndex: 1 }).repsToFailure;
    },
    loadFor: (id, repsToFailure) => {
      if (!learnt(id)) return null;
      const out = rirModel.loadForTarget(state, population, byId.get(id)!, library, { reps: repsToFailure, rir: 0 });
      return out && Number.isFinite(out.loadKg) && out.loadKg > 0 ? out.loadKg : null;
    },
  };
}
