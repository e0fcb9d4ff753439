/**
 * Where an exercise's load comes from, and the load for a given reps-to-failure.
 *
 * 1. History: `estimateE1rm` (recency-weighted Epley e1RM of the last 3 sessions).
 *    Layoff: when the exercise was last done more than 14 days before `now`, the e1RM is cut
 *    by 5 % (15–56 days), 10 % (57–182 days) or 20 % (longer), and week 1 calibrates.
 *    This is a conservative assumption, not a measured decay: strength is largely kept for
 *    about 3 weeks of detraining and falls slowly after (McMaster et al. 2013, Sports Med
 *    43:1337; Mujika & Padilla 2000, Sports Med 30:79), and domain.md lists a layoff of two
 *    weeks or more as a situation that needs an override with a stated reason.
 * 2. No usable history, body mass known: a conservative e1RM prior = body mass × pattern ratio
 *    × level factor × equipment factor. Beginner ratios (squat 0.6, deadlift-type hinge 0.75,
 *    bench 0.45 × body mass) sit at about half the 5th percentile of raw female lifters in
 *    `openpowerlifting/opl_raw_sbd_percentiles_by_sex_weightclass.csv` (F 63 kg: squat 65,
 *    bench 37.5, deadlift 85 kg) and far below the gym-app medians in domain.md (squat 93,
 *    bench 77, deadlift ≈ 110 kg), as domain.md asks of a cold start. Week 1 calibrates.
 * 3. Neither: the grid minimum (empty bar, lightest dumbbell or bell, lowest stack step).
 * Body-weight equipment always gets `null` load.
 */
import { parseTime, requireTime } from '../e1rm/dates';
import { detrainingCut } from '../e1rm/forecast';
import { estimateE1rm } from '../e1rm/estimate';
import type { E1rmEstimate } from '../e1rm/estimate';
import { loadForRepsToFailure } from '../e1rm/formulas';
import type { Equipment, Exercise, Level, MemberProfile, Pattern, SetRecord } from '../types';
import { isLoadedEquipment } from '../units/loadable';
import { roundLoad } from './round';

/**
 * A learnt per-member load model (the RIR model, engine/rir): it answers with the load at
 * which the member has a given number of reps to failure on an exercise, or null when it has
 * not learnt that exercise from sets with a logged RIR or taken to failure.
 */
export interface LoadModel {
  /** Unrounded load in kg at which the member has `repsToFailure` reps to failure, or null. */
  loadFor(exerciseId: string, repsToFailure: number): number | null;
  /** A short label for reasons, e.g. "RIR model, 24 sets with RIR", or null when it has not learnt this exercise. */
  describe(exerciseId: string): string | null;
  /** The predicted reps to failure at `loadKg`, to choose between the loadable steps around the model's load. */
  repsToFailureAt(exerciseId: string, loadKg: number): number | null;
}

/** Largest gap, in reps to failure, between the target and the model's prediction at the chosen step. */
export const MODEL_MAX_MISS_REPS = 3;

export type LoadBasis =
  | { kind: 'model'; model: LoadModel; label: string; fallback: LoadBasis }
  | { kind: 'bodyweight'; loggedSets: number }
  | { kind: 'history'; e1rmKg: number; rawE1rmKg: number; sessions: number; daysSinceLast: number; layoffCut: number }
  | { kind: 'prior'; e1rmKg: number; bodyMassKg: number }
  | { kind: 'given'; e1rmKg: number; given: GivenE1rm }
  | { kind: 'minimum' };

/**
 * An e1RM from outside the planner's own estimate, e.g. onboarding's baseline test, a
 * strength-standards prior, or onboarding's demonstrated e1RM from the member's log
 * (`source: 'history'`, engine/onboarding/demonstrated.ts). `e1rmKg` is what loads are computed
 * from (already any safety fraction applied). 'assessment' and 'standards' are used only where
 * the member has no usable history; 'history' also replaces the planner's own history estimate
 * when that has no layoff cut (a layoff keeps the planner's cut and calibration).
 */
export interface GivenE1rm {
  e1rmKg: number;
  source: 'assessment' | 'standards' | 'history';
  /** The reason's opening, e.g. "Baseline test 60 kg × 5 @ RIR 2: e1RM 74–82 kg, start at 90 %". */
  label: string;
}

/** Days since the last session above which the e1RM is cut and week 1 calibrates. */
export const LAYOFF_DAYS = 14;

/** The e1RM cut (fraction) for a gap of `days` since the exercise was last done (engine/e1rm `detrainingCut`, shared with the forecaster and the RIR model). */
export function layoffCut(days: number): number {
  return detrainingCut(days);
}

/** Beginner e1RM prior as a fraction of body mass, barbell-equivalent, by pattern. */
export const PRIOR_RATIO: Readonly<Record<Pattern, number>> = {
  squat: 0.6, hinge: 0.75, lunge: 0.35, horizontal_push: 0.45, vertical_push: 0.3,
  horizontal_pull: 0.4, vertical_pull: 0.45, elbow_flexion: 0.2, elbow_extension: 0.2,
  shoulder_raise: 0.08, chest_fly: 0.15, rear_delt: 0.06, knee_extension: 0.35, knee_flexion: 0.25,
  hip_extension: 0.6, hip_abduction: 0.3, hip_adduction: 0.3, calf_raise: 0.5, core_flexion: 0.1,
  core_stability: 0.1, core_rotation: 0.1, shrug: 0.5, carry: 0.4, conditioning: 0.1, mobility: 0.05, other: 0.1,
};

/** Level factor on the prior. */
export const PRIOR_LEVEL_FACTOR: Readonly<Record<Level, number>> = { beginner: 1, intermediate: 1.3, advanced: 1.6 };

/** Equipment factor on the prior: dumbbells and bells are per hand; stacks differ by machine. */
export const PRIOR_EQUIPMENT_FACTOR: Readonly<Partial<Record<Equipment, number>>> = {
  barbell: 1, smith_machine: 1, ez_bar: 1, dumbbell: 0.4, kettlebell: 0.4, machine: 0.8, cable: 0.6,
};

/** Conservative e1RM prior in kg (see the header). */
export function priorE1rm(exercise: Exercise, level: Level, bodyMassKg: number): number {
  return bodyMassKg * PRIOR_RATIO[exercise.pattern] * PRIOR_LEVEL_FACTOR[level]
    * (PRIOR_EQUIPMENT_FACTOR[exercise.equipment] ?? 1);
}

/**
 * The load basis of one exercise for one member at `now` (ISO). `history` may be the member's
 * whole log or just this exercise's sets; `estimate` may pass an `estimateE1rm` result already
 * computed for the same inputs. Throws `RangeError` when `now` does not parse.
 */
export function loadBasis(
  exercise: Exercise, member: MemberProfile, history: readonly SetRecord[], now: string,
  estimate?: E1rmEstimate | null,
): LoadBasis {
  if (!isLoadedEquipment(exercise.equipment)) {
    const nowMs = requireTime(now, 'now');
    const loggedSets = history.filter((s) => {
      const ms = parseTime(s.performedAt);
      return s.exerciseId === exercise.id && ms !== null && ms <= nowMs;
    }).length;
    return { kind: 'bodyweight', loggedSets };
  }
  const est = estimate !== undefined ? estimate : estimateE1rm(history, exercise.id, now);
  if (est !== null) {
    const cut = layoffCut(est.daysSinceLast);
    return {
      kind: 'history', e1rmKg: est.e1rmKg * (1 - cut), rawE1rmKg: est.e1rmKg, sessions: est.sessions,
      daysSinceLast: est.daysSinceLast, layoffCut: cut,
    };
  }
  if (member.bodyMassKg !== null) {
    return { kind: 'prior', e1rmKg: priorE1rm(exercise, member.level, member.bodyMassKg), bodyMassKg: member.bodyMassKg };
  }
  return { kind: 'minimum' };
}

/**
 * Working load (kg) for `repsToFailure` = mid-range reps + target RIR: e1RM × 1/(1 + r/30)
 * (inverse Epley), rounded down to the member's inventory (or the unit's grid, round.ts). `null` for body weight.
 */
export function workingLoad(basis: LoadBasis, exercise: Exercise, member: MemberProfile, repsToFailure: number): number | null {
  switch (basis.kind) {
    case 'model':
      return modelStep(basis, exercise, member, repsToFailure) ?? workingLoad(basis.fallback, exercise, member, repsToFailure);
    case 'bodyweight':
      return null;
    case 'minimum':
      return roundLoad(0, exercise, member, 'up');
    case 'history':
    case 'prior':
    case 'given':
      return roundLoad(loadForRepsToFailure(basis.e1rmKg, repsToFailure), exercise, member, 'down');
  }
}

/**
 * The model's load for `repsToFailure`: of the loadable steps below and above the model's
 * load, the one whose predicted reps to failure is closest to the target (the lighter on a
 * tie), since a coarse stack or a 5 lb dumbbell step can move a light lift by several reps.
 * Null when the model has no load, or when no step comes within MODEL_MAX_MISS_REPS of the
 * target (a steep learnt curve on a light lift): the caller then uses the fallback basis.
 */
export function modelStep(basis: Extract<LoadBasis, { kind: 'model' }>, exercise: Exercise, member: Pick<MemberProfile, 'preferredUnit' | 'inventory'>, repsToFailure: number): number | null {
  const kg = basis.model.loadFor(exercise.id, repsToFailure);
  if (kg === null) return null;
  const down = roundLoad(kg, exercise, member, 'down');
  const up = roundLoad(kg, exercise, member, 'up');
  const miss = (load: number | null) => (load === null ? Number.POSITIVE_INFINITY
    : Math.abs((basis.model.repsToFailureAt(exercise.id, load) ?? Number.POSITIVE_INFINITY) - repsToFailure));
  const best = miss(up) < miss(down) ? up : down;
  return miss(best) <= MODEL_MAX_MISS_REPS ? best : null;
}

/** True when week 1 of this basis is a calibration week. */
export function needsCalibration(basis: LoadBasis): boolean {
  switch (basis.kind) {
    case 'model':
      return false;
    case 'bodyweight':
      return basis.loggedSets === 0;
    case 'history':
      return basis.layoffCut > 0;
    default:
      return true;
  }
}
