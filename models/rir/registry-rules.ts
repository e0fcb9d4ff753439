/**
 * The registry's decisions as pure functions: whether a candidate may replace the active model,
 * and which model a rollback returns to. Reasons are sentences a trainer or admin can read.
 */
import { RegistryError, type RegistryEntry, type RegistryFile } from './registry-schema';

export interface ActivationVerdict {
  activate: boolean;
  reason: string;
}

const reps = (v: number) => `${Number(v.toFixed(3))} reps`;

/**
 * A candidate replaces the active model only if it was validated (finite MAE and coverage on
 * ≥ 1 held-out set) and its held-out MAE is lower than the active model's on the same held-out
 * sets. `activeMaeOnSameSet` is the active model re-scored on the candidate's held-out sets;
 * without it, the stored MAEs are compared when both held-out ids match (or both are unnamed).
 */
export function decideActivation(
  candidate: RegistryEntry,
  active: RegistryEntry | null,
  activeMaeOnSameSet?: number,
): ActivationVerdict {
  const v = candidate.validation;
  if (candidate.status === 'active') return { activate: false, reason: `${candidate.version} is already the active model` };
  if (v.maeReps === null || v.coverage80 === null) {
    return { activate: false, reason: `not validated: held-out ${v.maeReps === null ? 'MAE' : '80 % coverage'} is not a finite number` };
  }
  if (v.heldOutSets < 1) return { activate: false, reason: 'not validated: no held-out sets' };
  const summary = `held-out MAE ${reps(v.maeReps)} on ${v.heldOutSets} sets, 80 % coverage ${Math.round(v.coverage80 * 100)} %`;
  if (!active) return { activate: true, reason: `first validated model (${summary})` };

  let baseline: number | null;
  if (activeMaeOnSameSet !== undefined) {
    if (!Number.isFinite(activeMaeOnSameSet) || activeMaeOnSameSet < 0) {
      throw new RegistryError('invalid_input', 'activeMaeOnSameSet', `expected a finite number ≥ 0, got ${activeMaeOnSameSet}`);
    }
    baseline = activeMaeOnSameSet;
  } else {
    const a = active.validation.heldOutId;
    const c = v.heldOutId;
    if (a !== c) {
      return {
        activate: false,
        reason: `held-out sets differ (${c ?? 'unnamed'} vs active ${a ?? 'unnamed'}): score ${active.version} on the candidate's held-out sets and pass activeMaeOnSameSet`,
      };
    }
    baseline = active.validation.maeReps;
  }
  if (baseline === null) return { activate: true, reason: `${summary}; active ${active.version} has no finite held-out MAE` };
  if (v.maeReps < baseline) {
    return { activate: true, reason: `${summary}: lower than active ${active.version}'s ${reps(baseline)}` };
  }
  return {
    activate: false,
    reason: `held-out MAE ${reps(v.maeReps)} is not lower than active ${active.version}'s ${reps(baseline)} on the same held-out sets`,
  };
}

/**
 * The model a rollback returns to: the one that was active when the current model was last
 * activated (not rolled back to). Rolling back twice thus steps back twice: A → B → C, rollback
 * gives B, rollback again gives A.
 */
export function findRollbackTarget(reg: RegistryFile): { from: string; to: string | null } {
  const current = reg.entries.find((e) => e.status === 'active');
  if (!current) throw new RegistryError('nothing_to_roll_back', 'active', 'no model is active');
  for (let i = reg.history.length - 1; i >= 0; i--) {
    const h = reg.history[i]!;
    if (h.action !== 'activate' || h.to !== current.version) continue;
    // Activated over the published-figures default: rolling back returns to it (to: null).
    return { from: current.version, to: h.from };
  }
  throw new RegistryError('nothing_to_roll_back', 'active', `${current.version} has no earlier active model to roll back to`);
}
