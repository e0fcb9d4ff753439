/**
 * The member RIR model: a hierarchical Bayesian model updated online by an (iterated) extended
 * Kalman filter (filter.ts). Curve RTF(load) = k · (1RM / load − 1) · (1 − setFatigue)^(setIndex−1):
 * Epley's form (Epley 1985, k = 30) with a member-and-exercise slope k (Hoeger et al. 1990 spreads).
 *
 * Observations of one set:
 * - to failure: reps = RTF + readiness noise (failureNoiseSd); a RIR reported on it is a direct
 *   reading of the bias (reported = 0 + bias + report noise) — failure sets identify the bias;
 * - a reported RIR: reps + reportedRir = RTF + bias + noise (report noise ⊕ readiness noise), so a
 *   report teaches the curve only net of the learnt bias (Halperin et al. 2022: bias ≈ −0.95);
 *   report noise grows with the RIR reported (Zourdos lab: |error| 0.7 at 1 RIR vs 1.0 at 4 RIR);
 * - neither: RTF ≥ reps, used as a censored observation (filter.ts `atLeastUpdate`).
 * Predictions propagate the Gaussian exactly through the curve (lognormal moments), then add the
 * readiness noise: 80 % interval = mean ± 1.2816 · sd_total.
 */
import type { Exercise } from '../types';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { biasSentence } from './bias';
import { RirInputError } from './errors';
import {
  type FilterData, I_G, applyHint, cloneFilter, curveUpdate, atLeastUpdate, dim, ensureExercise,
  gapEffect, linearUpdate, newExercisePrior, newFilter, propagate, slotOf, I_BIAS,
} from './filter';
import type {
  MemberRirState, PopulationModel, RepsPrediction, RirModelApi, RirPrediction, RirQuery, RirSet,
} from './types';
import { requireKnownExercise, requireLoad, requireSetIndex, requireTimeMs, validateSet } from './validate';

export { RirInputError } from './errors';

/** z of the 10th/90th percentile: the 80 % central interval. */
export const Z80 = 1.2816;
const MS_PER_DAY = 86_400_000;

function filterOf(state: MemberRirState): FilterData {
  const d = state.data as FilterData | null;
  if (d === null || typeof d !== 'object' || d.v !== 1 || !Array.isArray(d.mean)) {
    throw new RirInputError('state.data', 'not a RIR member state (create one with createMemberState)');
  }
  return d;
}

/**
 * A new member state from the population prior. `hints` (exerciseId → e1RM kg, e.g. from the
 * e1RM history) each enter as a pseudo-observation of ln 1RM with sd 10 % (filter.ts HINT_LN_SD);
 * ids of the built-in library apply at once (and inform the member's other lifts), others when the
 * exercise is first seen.
 */
export function createMemberState(memberId: number, population: PopulationModel, hints?: Record<string, number>): MemberRirState {
  const f = newFilter(population);
  for (const [id, kg] of Object.entries(hints ?? {})) {
    requireLoad(kg, `hints.${id}`);
    const exercise = BUILTIN_EXERCISES.find((e) => e.id === id);
    if (exercise === undefined) { f.pendingHints[id] = kg; continue; }
    const slot = ensureExercise(f, population, exercise);
    applyHint(f, slot, kg);
  }
  return { memberId, populationVersion: population.version, data: f, sets: 0, updatedAt: null };
}

/**
 * What a logged set without a RIR is taken to have left in reserve: 2 ± 1.5 reps. An
 * assumption, not a measured figure: typical working sets are prescribed at RIR 0–4 (Helms et
 * al. 2018; domain.md's RIR 3 → 0 mesocycles), and the wide sd keeps such sets from outweighing
 * reported RIRs and failure sets.
 */
export const UNREPORTED_RIR = { mean: 2, sd: 1.5 } as const;

/** sd of a reported RIR: `reportNoiseSd` × (0.75 + 0.1 · RIR), capped at RIR 5 (Zourdos lab figures). */
export function reportSd(population: PopulationModel, rir: number): number {
  return population.reportNoiseSd * (0.75 + 0.1 * Math.min(rir, 5));
}

function fatigueFactor(population: PopulationModel, setIndex: number): number {
  return Math.pow(1 - population.setFatigue, setIndex - 1);
}

/** Learns one set into a mutable filter (shared with the refit). Returns innovations for noise fits. */
export function learnSet(f: FilterData, population: PopulationModel, exercise: Exercise, set: RirSet, atMs: number) {
  propagate(f, population, atMs);
  const slot = ensureExercise(f, population, exercise);
  const o = { slot, loadKg: set.loadKg, fatigue: fatigueFactor(population, set.setIndex), withBias: false };
  const fail2 = population.failureNoiseSd ** 2;
  let failure: { nu: number; s: number } | null = null;
  let report: { nu: number; s: number } | null = null;
  if (set.toFailure) {
    failure = curveUpdate(f, o, set.reps, fail2);
    if (set.reportedRir !== null) {
      const nu = set.reportedRir - (f.mean[I_BIAS] ?? 0);
      linearUpdate(f, [I_BIAS], [1], nu, reportSd(population, set.reportedRir) ** 2);
    }
  } else if (set.reportedRir !== null) {
    const r = reportSd(population, set.reportedRir) ** 2 + fail2;
    report = curveUpdate(f, { ...o, withBias: true }, set.reps + set.reportedRir, r);
    // The member did the reps, so RTF ≥ reps whatever they report: without this bound, reports
    // alone let the curve and the bias trade off and drift together (bias +5 on a demo member).
    // Applied only when the curve predicts fewer reps than were done (α ≥ 0), so it corrects a
    // violation without nudging every set upwards.
    atLeastUpdate(f, o, set.reps, fail2, 0);
  } else {
    // Unreported and not to failure: a weak observation that the set ended a typical distance
    // from failure (UNREPORTED_RIR). A one-sided "RTF ≥ reps" update alone lets the curve run
    // away over hundreds of such sets (seen on the real Strong export: +455 reps).
    curveUpdate(f, o, set.reps + UNREPORTED_RIR.mean, fail2 + UNREPORTED_RIR.sd ** 2);
    atLeastUpdate(f, o, set.reps, fail2);
  }
  const j = (slot - 4) / 2;
  f.counts[j] = (f.counts[j] ?? 0) + 1;
  return { failure, report };
}

/** Learns from one set; returns a new state and never mutates `state`. */
export function updateWithSet(
  state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[], set: RirSet,
): MemberRirState {
  const atMs = validateSet(set, state.memberId, exercise, library);
  const f = cloneFilter(filterOf(state));
  learnSet(f, population, exercise, set, atMs);
  const later = state.updatedAt === null || Date.parse(state.updatedAt) < atMs;
  return {
    memberId: state.memberId, populationVersion: state.populationVersion, data: f,
    sets: state.sets + 1, updatedAt: later ? set.performedAt : state.updatedAt,
  };
}

/** Mean, covariance of (ln 1RM, lnK) of an exercise at time `atMs` (without changing the state). */
function curveAt(f: FilterData, population: PopulationModel, exercise: Exercise, atMs: number | null) {
  const d = dim(f);
  const slot = slotOf(f, exercise.id);
  const c = (i: number, j: number): number => f.cov[i * d + j] ?? 0;
  let b = slot >= 0
    ? { meanM: f.mean[slot] ?? 0, meanK: f.mean[slot + 1] ?? 0, varM: c(slot, slot), varK: c(slot + 1, slot + 1),
      covMK: c(slot, slot + 1), covMG: c(slot, I_G), covKG: c(slot + 1, I_G) }
    : newExercisePrior(f, population, exercise);
  if (slot < 0 && f.pendingHints[exercise.id] !== undefined) {
    const probe = cloneFilter(f);
    ensureExercise(probe, population, exercise);
    return curveAt(probe, population, exercise, atMs);
  }
  const gapDays = atMs !== null && f.lastMs !== null && atMs > f.lastMs ? (atMs - f.lastMs) / MS_PER_DAY : 0;
  if (gapDays > 0) {
    // Bounded as filter.ts `propagate`: the gain over ≤ 28 days, none after a layoff (detraining
    // instead), and variance that saturates; never an unbounded extrapolation.
    const { trendDays: dt, driftDays, lnShift } = gapEffect(gapDays);
    const vg = c(I_G, I_G);
    b = { ...b, meanM: b.meanM + (f.mean[I_G] ?? 0) * dt + lnShift,
      varM: b.varM + 2 * dt * b.covMG + dt * dt * vg + population.lnOneRmDriftPerDay ** 2 * driftDays,
      covMK: b.covMK + dt * b.covKG };
  }
  return b;
}

/** Where a curve comes from: own sets or an e1RM hint, the member's other lifts, or the population. */
function sourceOf(f: FilterData, exerciseId: string): RepsPrediction['source'] {
  const j = f.exercises.indexOf(exerciseId);
  if (j >= 0 && ((f.counts[j] ?? 0) > 0 || f.hinted[j] === true)) return 'member';
  if (f.pendingHints[exerciseId] !== undefined) return 'member';
  return f.counts.some((n) => n > 0) || f.hinted.some(Boolean) ? 'similar' : 'population';
}

/**
 * Exact mean and variance of k·(M/L − 1) for Gaussian (ln M, ln k) (lognormal moments):
 * A = e^{lnK+lnM}/L, B = e^{lnK}; RTF = A − B.
 */
function curveMoments(b: ReturnType<typeof newExercisePrior>, loadKg: number): { mean: number; variance: number } {
  const muA = b.meanK + b.meanM;
  const vA = b.varK + b.varM + 2 * b.covMK;
  const eA = Math.exp(muA + vA / 2) / loadKg;
  const eB = Math.exp(b.meanK + b.varK / 2);
  const varA = eA * eA * Math.expm1(vA);
  const varB = eB * eB * Math.expm1(b.varK);
  const covAB = eA * eB * Math.expm1(b.varK + b.covMK);
  return { mean: eA - eB, variance: Math.max(0, varA + varB - 2 * covAB) };
}

function checkQuery(state: MemberRirState, exercise: Exercise, library: readonly Exercise[], memberId: number, exerciseId: string): void {
  if (memberId !== state.memberId) {
    throw new RirInputError('query.memberId', `member ${String(memberId)} asked of the state of member ${String(state.memberId)}`);
  }
  if (exerciseId !== exercise.id) throw new RirInputError('query.exerciseId', `"${exerciseId}" does not match exercise "${exercise.id}"`);
  requireKnownExercise(exercise, library, 'query.exerciseId');
}

/** Reps to failure at a load, with sd (curve uncertainty ⊕ readiness noise) and the 80 % interval. */
export function predictReps(
  state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[], query: RirQuery,
): RepsPrediction {
  checkQuery(state, exercise, library, query.memberId, query.exerciseId);
  requireLoad(query.loadKg, 'query.loadKg');
  const setIndex = requireSetIndex(query.setIndex, 'query.setIndex');
  const atMs = query.at === undefined ? null : requireTimeMs(query.at, 'query.at');
  const f = filterOf(state);
  const fatigue = fatigueFactor(population, setIndex);
  const m = curveMoments(curveAt(f, population, exercise, atMs), query.loadKg);
  return toPrediction(f, population, exercise.id, fatigue * m.mean, fatigue * fatigue * m.variance);
}

function toPrediction(f: FilterData, population: PopulationModel, exerciseId: string, mean: number, variance: number): RepsPrediction {
  const sd = Math.sqrt(variance + population.failureNoiseSd ** 2);
  const rtf = Math.max(0, mean);
  const j = f.exercises.indexOf(exerciseId);
  return {
    repsToFailure: rtf,
    sd,
    low80: Math.max(0, mean - Z80 * sd),
    high80: Math.max(rtf, mean + Z80 * sd),
    source: sourceOf(f, exerciseId),
    memberSets: j >= 0 ? (f.counts[j] ?? 0) : 0,
  };
}

/** RIR after `reps` reps: RTF − reps, the interval shifted alike, each clipped at 0. */
export function rirAfter(prediction: RepsPrediction, reps: number): RirPrediction {
  if (!Number.isFinite(reps) || reps < 0) throw new RirInputError('reps', `reps must be a finite number ≥ 0, got ${String(reps)}`);
  // RIR cannot be below 0: a predicted RTF under `reps` means failure before the last rep.
  return {
    rir: Math.max(0, prediction.repsToFailure - reps),
    low80: Math.max(0, prediction.low80 - reps),
    high80: Math.max(0, prediction.high80 - reps),
  };
}

/**
 * The load where the predicted RTF equals reps + rir. Closed form for the Epley-form curve:
 * fatigue · (E[A₀]/L − E[B]) = target ⇒ L = fatigue · E[A₀] / (target + fatigue · E[B]),
 * with E[A₀] = e^{μ_{lnK+lnM} + σ²/2} and E[B] = e^{μ_lnK + σ²_lnK/2}. Null when no load fits.
 */
export function loadForTarget(
  state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[],
  target: { reps: number; rir: number; setIndex?: number; at?: string },
): { loadKg: number; prediction: RepsPrediction } | null {
  requireKnownExercise(exercise, library, 'exercise.id');
  if (!Number.isFinite(target.reps) || target.reps < 0) throw new RirInputError('target.reps', `must be ≥ 0, got ${String(target.reps)}`);
  if (!Number.isFinite(target.rir) || target.rir < 0 || target.rir > 10) throw new RirInputError('target.rir', `RIR must be within 0–10, got ${String(target.rir)}`);
  const setIndex = requireSetIndex(target.setIndex, 'target.setIndex');
  const atMs = target.at === undefined ? null : requireTimeMs(target.at, 'target.at');
  const f = filterOf(state);
  const b = curveAt(f, population, exercise, atMs);
  const fatigue = fatigueFactor(population, setIndex);
  const eA0 = Math.exp(b.meanK + b.meanM + (b.varK + b.varM + 2 * b.covMK) / 2);
  const eB = Math.exp(b.meanK + b.varK / 2);
  const loadKg = (fatigue * eA0) / (target.reps + target.rir + fatigue * eB);
  if (!Number.isFinite(loadKg) || loadKg <= 0) return null;
  const query: RirQuery = { memberId: state.memberId, exerciseId: exercise.id, loadKg, setIndex };
  if (target.at !== undefined) query.at = target.at;
  return { loadKg, prediction: predictReps(state, population, exercise, library, query) };
}

/** The learnt self-report bias (reported − true RIR): mean, sd and a sentence for trainers. */
export function describeBias(state: MemberRirState): { meanReps: number; sd: number; sentence: string } {
  const f = filterOf(state);
  const meanReps = f.mean[I_BIAS] ?? 0;
  const sd = Math.sqrt(f.cov[0] ?? 0);
  return { meanReps, sd, sentence: biasSentence(meanReps, sd, f.biasPriorSd) };
}

/** The model as one object, for callers that take the `RirModelApi` contract. */
export const rirModel: RirModelApi = {
  createMemberState, updateWithSet, predictReps, rirAfter, loadForTarget, describeBias,
};
