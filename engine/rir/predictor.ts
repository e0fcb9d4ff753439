/**
 * The RIR predictor (issue 14 item 1): two jobs, kept apart.
 * - BEFORE the set (`predictBefore`): the true RIR a set at a prescribed load, reps and target RIR
 *   will end with, from the member's earlier sets only.
 * - AFTER the set (`estimateAfter`): the true RIR of a done set from the member's report, with
 *   the learnt self-report bias taken off and the before-the-set prediction blended in.
 *
 * Before the set, four candidates, each an estimate a trainer could name:
 * - `target`: the prescription's target RIR;
 * - `last-report`: the member's last report on that exercise, at face value;
 * - `stopping-habit`: target + how far the member's reports on this exercise sit from the target
 *   (shrunk to their other lifts, then to the population), minus the learnt bias: a member who
 *   stops by feel ends near target − bias, whatever the load;
 * - `recent-sets`: reps to failure from the member's recent sets on the exercise (reps + report −
 *   bias, or the reps of a failure set), carried to this load and set position by an Epley-form
 *   curve with the exercise's Hoeger slope (engine/rir/population `populationLnK` of
 *   DEFAULT_POPULATION), then minus the prescribed reps: what a member who counts reps will have left.
 * Each candidate's squared error against the member's bias-corrected reports is tracked online, per
 * exercise and per member, shrunk to a population prior (`priorMse`, fitted on a training cohort);
 * the prediction is the blend with weights ∝ MSE^(−`weightPower`), and `source` names the
 * candidate with the largest weight (so with little data the blend falls back to the target or the
 * last report, the candidates whose prior errors are smallest).
 *
 * Bias (reported − true RIR) is learnt from failure sets: a set to failure shows the reps to failure,
 * and the earlier reported sets of that exercise in the same session (carried by the curve to its
 * load and position) give one bias sample each; the member's bias is the normal–normal posterior
 * of those samples around the population prior (`biasMean`, `biasSd`).
 *
 * Trend: none. The strength under `recent-sets` never grows with the time since the last set; after
 * a layoff of more than 14 days the planner's detraining cut applies (engine/e1rm `detrainingCut`:
 * −5 % to 56 days, −10 % to 182, −20 % beyond). Uncertainty grows with the gap and saturates at
 * 90 days (`GAP_VARIANCE_REPS2`).
 * Intervals: sd from the blend's own tracked error, scaled by a conformal factor fitted on the
 * training cohort's true RIRs (split conformal: the 80th percentile of |true − predicted| / sd),
 * separately for exercises with few sets (< `KNOWN_AFTER_SETS`) and known ones.
 */
import type { Exercise } from '../types';
import { detrainingCut, DETRAINING_AFTER_DAYS } from '../e1rm/forecast';
import { DEFAULT_POPULATION } from './defaults';
import { populationLnK } from './features';
import { RirInputError } from './errors';
import type { RirSet } from './types';

export type CandidateSource = 'target' | 'last-report' | 'stopping-habit' | 'recent-sets';
export const CANDIDATES: readonly CandidateSource[] = ['target', 'last-report', 'stopping-habit', 'recent-sets'];

/** Population part of the predictor, fitted on a training cohort (`fitPredictor` in ./predictor-fit). */
export interface PredictorParams {
  version: string;
  /** Prior of the member's self-report bias (reported − true RIR), reps. */
  biasMean: number;
  biasSd: number;
  /** sd of one failure-paired bias sample around the member's bias, reps. */
  biasSampleSd: number;
  /** sd of a report around true RIR + bias, reps. */
  reportSd: number;
  /** Prior mean of (report − target) of a member on an exercise, reps. */
  offsetMean: number;
  /** Prior reps to failure lost per set after the first at one load (fatigue), reps; each member's own is learnt. */
  repLossPerSet: number;
  /** Prior squared error of each candidate against bias-corrected reports, reps². */
  priorMse: Record<CandidateSource, number>;
  /** Prior squared error of the blend, reps². */
  blendPriorMse: number;
  /** Pseudo-count of the priors (sets). */
  priorCount: number;
  weightPower: number;
  /** Conformal factors: interval = prediction ± factor · sd. */
  intervalScale: { newExercise: number; known: number; after: number };
  /** Sets the parameters were fitted on (0: the published-figures default). */
  trainingSets: number;
}

/** Exercise sets from which an exercise counts as known for the interval factor. */
export const KNOWN_AFTER_SETS = 4;
/** Variance added for a gap since the exercise's last set, reps², reached at 90 days (assumption). */
export const GAP_VARIANCE_REPS2 = 1;
/** Smallest predictive variance before the set, reps² (readiness alone moves RTF by about ±0.5). */
export const MIN_VARIANCE_REPS2 = 0.3;
const MS_PER_DAY = 86_400_000;
/** Bias samples come from sets estimated to have ended 0.5–5 reps from failure. */
export const BIAS_SAMPLE_MAX_RIR = 5;
/**
 * Forgetting factors of the tracked errors and offsets, per set (exponential weights): an exercise
 * remembers about its last 7 sets, a member about their last 20, so a habit or a load that changed
 * stops counting (assumption, not fitted).
 */
export const EXERCISE_KEEP = 0.85;
export const MEMBER_KEEP = 0.95;
const RECENT_KEEP = 8;
const RECENT_USE = 4;
/** Recent sets older than this are not carried to a new load (days). */
const RECENT_MAX_DAYS = 120;
/** Load similarity width (ln units): a set at ±10 % load weighs e^(−½) of one at the same load. */
const LOAD_WIDTH = 0.1;

/**
 * Defaults before any fit: the bias prior of Halperin et al. 2022 (−0.95 ± 1), report noise 1 rep
 * (domain.md), a loss of 0.6 reps per set (assumption), candidate priors that trust the target most (assumptions); the
 * interval factors are those of a normal (1.2816). `fitPredictor` replaces all of them.
 */
export const DEFAULT_PREDICTOR: PredictorParams = Object.freeze({
  version: 'rir-predictor-published-1',
  biasMean: -0.95, biasSd: 1, biasSampleSd: 1.2, reportSd: 1, offsetMean: 0, repLossPerSet: 0.6,
  priorMse: { target: 2, 'last-report': 2.5, 'stopping-habit': 2.2, 'recent-sets': 4 },
  blendPriorMse: 2, priorCount: 4, weightPower: 2,
  intervalScale: { newExercise: 1.2816, known: 1.2816, after: 1.2816 },
  trainingSets: 0,
}) as PredictorParams;

interface PastSet { atMs: number; loadKg: number; reps: number; setIndex: number; report: number | null; failure: boolean; target: number | null; session: string }
interface Err { n: number; sse: number }
interface ExerciseMemory {
  recent: PastSet[];
  sets: number;
  lastAtMs: number | null;
  /** Count and sum of (report − target) on this exercise, over sets with a target. */
  offN: number; offSum: number;
  /** Count and sum of reports on this exercise, over sets without a target (imported history). */
  levN: number; levSum: number;
  lastReport: number | null;
  err: Record<CandidateSource, Err>;
  blend: Err;
}

/** A member's predictor state: JSON-safe; `observe` returns a new one. */
export interface PredictorState {
  v: 'rir-predictor-1';
  memberId: number;
  biasN: number; biasSum: number;
  /** Count and sum of per-set drops of reps + report at one load. */
  lossN: number; lossSum: number;
  offN: number; offSum: number;
  levN: number; levSum: number;
  err: Record<CandidateSource, Err>;
  blend: Err;
  exercises: Record<string, ExerciseMemory>;
  sets: number;
}

/** What is known before a set: the prescription (load kg, reps, target RIR or null) and when. */
export interface SetQuery {
  exercise: Exercise;
  loadKg: number;
  /** Reps prescribed (the set's reps when there is no prescription). */
  reps: number;
  targetRir: number | null;
  setIndex: number;
  at: string;
}

export interface BeforePrediction {
  /** Predicted true RIR at the end of the set, reps (≥ 0). */
  rir: number;
  low80: number;
  high80: number;
  sd: number;
  /** The candidate that weighs most in the blend. */
  source: CandidateSource;
  weights: Partial<Record<CandidateSource, number>>;
  candidates: Partial<Record<CandidateSource, number>>;
  /** Sets of this exercise the member's state has seen. */
  exerciseSets: number;
}

export interface AfterEstimate {
  rir: number;
  low80: number;
  high80: number;
  /** The learnt bias taken off the report, reps (reported − true). */
  biasReps: number;
  /** sd of the estimate before the conformal factor, reps. */
  sd: number;
  /** Weight of the report (vs the before-the-set prediction) in the estimate, 0–1. */
  reportWeight: number;
}

const zeroErr = (): Record<CandidateSource, Err> => ({ target: { n: 0, sse: 0 }, 'last-report': { n: 0, sse: 0 }, 'stopping-habit': { n: 0, sse: 0 }, 'recent-sets': { n: 0, sse: 0 } });

export function createPredictorState(memberId: number): PredictorState {
  return { v: 'rir-predictor-1', memberId, biasN: 0, biasSum: 0, lossN: 0, lossSum: 0, offN: 0, offSum: 0, levN: 0, levSum: 0, err: zeroErr(), blend: { n: 0, sse: 0 }, exercises: {}, sets: 0 };
}

function requireState(s: PredictorState): void {
  if (s === null || typeof s !== 'object' || s.v !== 'rir-predictor-1') throw new RirInputError('state', 'not a RIR predictor state (create one with createPredictorState)');
}

function timeMs(at: string, field: string): number {
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) throw new RirInputError(field, `must be an ISO-8601 time, got ${String(at)}`);
  return ms;
}

function checkQuery(q: SetQuery): number {
  if (!(q.loadKg > 0) || !Number.isFinite(q.loadKg)) throw new RirInputError('query.loadKg', `must be a load > 0 kg, got ${String(q.loadKg)}`);
  if (!(q.reps >= 0) || !Number.isFinite(q.reps)) throw new RirInputError('query.reps', `must be ≥ 0, got ${String(q.reps)}`);
  if (q.targetRir !== null && !(q.targetRir >= 0 && q.targetRir <= 10)) throw new RirInputError('query.targetRir', `must be within 0–10, got ${String(q.targetRir)}`);
  if (!Number.isInteger(q.setIndex) || q.setIndex < 1) throw new RirInputError('query.setIndex', `must be an integer ≥ 1, got ${String(q.setIndex)}`);
  return timeMs(q.at, 'query.at');
}

/** The member's bias posterior: mean and variance (reps, reps²). */
export function learntBias(state: PredictorState, p: PredictorParams): { mean: number; variance: number } {
  const prec = 1 / p.biasSd ** 2 + state.biasN / p.biasSampleSd ** 2;
  return { mean: (p.biasMean / p.biasSd ** 2 + state.biasSum / p.biasSampleSd ** 2) / prec, variance: 1 / prec };
}

const kOf = (exercise: Exercise): number => Math.exp(populationLnK(DEFAULT_POPULATION, exercise));

/** Fresh-set 1RM estimate (kg) from a set's reps to failure at its load and position. */
function oneRmFrom(k: number, loss: number, loadKg: number, rtf: number, setIndex: number): number {
  return loadKg * (1 + (rtf + loss * (setIndex - 1)) / k);
}

function rtfAt(k: number, loss: number, oneRmKg: number, loadKg: number, setIndex: number): number {
  return Math.max(0, k * (oneRmKg / loadKg - 1) - loss * (setIndex - 1));
}

/**
 * The member's reps lost per set at one load: the mean drop of reps + reported RIR from one set to
 * the next at the same load in a session (the bias cancels in the difference), shrunk to the prior.
 */
export function learntRepLoss(state: PredictorState, p: PredictorParams): number {
  return (p.priorCount * p.repLossPerSet + state.lossSum) / (p.priorCount + state.lossN);
}

function shrunkMse(prior: number, n0: number, e: Err): number {
  return (n0 * prior + e.sse) / (n0 + e.n);
}

interface Inner { candidates: Partial<Record<CandidateSource, number>>; mem: ExerciseMemory | undefined; gapDays: number }

function candidatesFor(state: PredictorState, p: PredictorParams, q: SetQuery, atMs: number): Inner {
  const mem = state.exercises[q.exercise.id];
  const bias = learntBias(state, p).mean;
  const out: Partial<Record<CandidateSource, number>> = {};
  const t = q.targetRir;
  if (t !== null) out.target = t;
  if (mem?.lastReport !== null && mem?.lastReport !== undefined) out['last-report'] = mem.lastReport;
  // Stopping habit: (report − target) on this exercise, shrunk to the member's other lifts, then the
  // population; without a target (imported history), the level of their reports instead. The two
  // are kept apart so that a history without prescriptions does not pass for offsets from a target.
  const n0 = p.priorCount;
  if (t !== null) {
    const memberOff = (n0 * p.offsetMean + state.offSum) / (n0 + state.offN);
    const exOff = mem === undefined ? memberOff : (n0 * memberOff + mem.offSum) / (n0 + mem.offN);
    out['stopping-habit'] = Math.max(0, t + exOff - bias);
  } else if (state.levN > 0) {
    const memberLev = (n0 * p.offsetMean + state.levSum) / (n0 + state.levN);
    const exLev = mem === undefined ? memberLev : (n0 * memberLev + mem.levSum) / (n0 + mem.levN);
    out['stopping-habit'] = Math.max(0, exLev - bias);
  }
  let gapDays = 0;
  if (mem !== undefined && mem.lastAtMs !== null && atMs > mem.lastAtMs) gapDays = (atMs - mem.lastAtMs) / MS_PER_DAY;
  if (mem !== undefined && mem.recent.length > 0) {
    const k = kOf(q.exercise);
    const loss = learntRepLoss(state, p);
    let wSum = 0; let rSum = 0;
    const recent = mem.recent.slice(-RECENT_USE);
    for (let i = recent.length - 1, rank = 0; i >= 0; i--, rank++) {
      const s = recent[i]!;
      const ageDays = Math.max(0, (atMs - s.atMs) / MS_PER_DAY);
      if (ageDays > RECENT_MAX_DAYS) continue;
      const rtf = s.failure ? s.reps : s.report === null ? null : s.reps + Math.max(0, s.report - bias);
      if (rtf === null) continue;
      // No gain with time; the planner's detraining cut after a layoff.
      const oneRm = oneRmFrom(k, loss, s.loadKg, rtf, s.setIndex) * (ageDays > DETRAINING_AFTER_DAYS ? 1 - detrainingCut(ageDays) : 1);
      const w = Math.pow(0.7, rank) * Math.exp(-0.5 * (Math.log(q.loadKg / s.loadKg) / LOAD_WIDTH) ** 2) + 1e-6;
      wSum += w; rSum += w * rtfAt(k, loss, oneRm, q.loadKg, q.setIndex);
    }
    if (wSum > 0) out['recent-sets'] = Math.max(0, rSum / wSum - q.reps);
  }
  return { candidates: out, mem, gapDays };
}

function blendOf(state: PredictorState, p: PredictorParams, inner: Inner) {
  const n0 = p.priorCount;
  const weights: Partial<Record<CandidateSource, number>> = {};
  let wSum = 0; let v = 0;
  let source: CandidateSource = 'target';
  let best = -1;
  for (const c of CANDIDATES) {
    const value = inner.candidates[c];
    if (value === undefined) continue;
    const memberMse = shrunkMse(p.priorMse[c], n0, state.err[c]);
    const mse = inner.mem === undefined ? memberMse : shrunkMse(memberMse, n0, inner.mem.err[c]);
    const w = Math.pow(Math.max(mse, 0.05), -p.weightPower);
    weights[c] = w; wSum += w; v += w * value;
    if (w > best) { best = w; source = c; }
  }
  for (const c of CANDIDATES) if (weights[c] !== undefined) weights[c] = (weights[c] ?? 0) / wSum;
  // The blend's own error: one pseudo-set of prior at each level, so the member's data (not the
  // training cohort's typical error) sets the interval once there are a few sets.
  const memberBlend = shrunkMse(p.blendPriorMse, 1, state.blend);
  const blendMse = inner.mem === undefined ? memberBlend : shrunkMse(memberBlend, 1, inner.mem.blend);
  return { value: wSum > 0 ? Math.max(0, v / wSum) : 0, weights, source, blendMse };
}

/** Before the set: the predicted true RIR of a set at the prescription, with an 80 % interval and its source. */
export function predictBefore(state: PredictorState, p: PredictorParams, q: SetQuery): BeforePrediction {
  requireState(state);
  const atMs = checkQuery(q);
  const inner = candidatesFor(state, p, q, atMs);
  if (Object.keys(inner.candidates).length === 0) {
    // Nothing at all (no target, no data): the population's typical offset around RIR 0.
    inner.candidates['stopping-habit'] = Math.max(0, p.offsetMean - p.biasMean);
  }
  const b = blendOf(state, p, inner);
  const gap = inner.gapDays > DETRAINING_AFTER_DAYS ? GAP_VARIANCE_REPS2 * Math.min(1, inner.gapDays / 90) : 0;
  // The tracked error is against reports, which carry their own noise: take it off (deconvolution),
  // keeping at least MIN_VARIANCE_REPS2.
  // The reports themselves carry the bias error (b − b̂), which the tracked error cannot see: add
  // the bias posterior's variance.
  const sd = Math.sqrt(Math.max(MIN_VARIANCE_REPS2, b.blendMse - p.reportSd ** 2) + learntBias(state, p).variance + gap);
  const exerciseSets = inner.mem?.sets ?? 0;
  const f = exerciseSets < KNOWN_AFTER_SETS ? p.intervalScale.newExercise : p.intervalScale.known;
  return {
    rir: b.value, sd, low80: Math.max(0, b.value - f * sd), high80: Math.max(0, b.value + f * sd),
    source: b.source, weights: b.weights, candidates: inner.candidates, exerciseSets,
  };
}

/** The member's report as a prediction of the report (before the set): true RIR + learnt bias, in 0–10. */
export function predictReport(state: PredictorState, p: PredictorParams, q: SetQuery): number {
  const before = predictBefore(state, p, q);
  return Math.min(10, Math.max(0, before.rir + learntBias(state, p).mean));
}

/** After the set: the true RIR from the member's report (bias taken off), blended with the before-the-set prediction. */
export function estimateAfter(state: PredictorState, p: PredictorParams, q: SetQuery, reportedRir: number, known?: BeforePrediction): AfterEstimate {
  if (!(reportedRir >= 0 && reportedRir <= 10)) throw new RirInputError('reportedRir', `must be within 0–10, got ${String(reportedRir)}`);
  const before = known ?? predictBefore(state, p, q);
  const bias = learntBias(state, p);
  const vq = p.reportSd ** 2 + bias.variance;
  // The before-the-set variance as tracked (blend error against reports, less the report noise):
  // self-calibrating on the member's own data, not scaled by the training cohort's factor.
  const vb = before.sd ** 2;
  const w = vb / (vb + vq);
  const rir = Math.max(0, w * (reportedRir - bias.mean) + (1 - w) * before.rir);
  const sd = Math.sqrt((vb * vq) / (vb + vq));
  return { rir, low80: Math.max(0, rir - p.intervalScale.after * sd), high80: Math.max(0, rir + p.intervalScale.after * sd), biasReps: bias.mean, sd, reportWeight: w };
}

/** The prescription of a logged set (what was asked for); null target when there was none. */
export interface SetPrescription { targetRir: number | null; prescribedReps: number }

function cloneState(s: PredictorState): PredictorState {
  return structuredClone(s);
}

function newMemory(): ExerciseMemory {
  return { recent: [], sets: 0, lastAtMs: null, offN: 0, offSum: 0, levN: 0, levSum: 0, lastReport: null, err: zeroErr(), blend: { n: 0, sse: 0 } };
}

/**
 * Learns one logged set into `state` IN PLACE (the bench and `observe` share it): scores every
 * candidate on the set's bias-corrected report, adds bias samples when the set went to failure,
 * and remembers the set. Sets of one member must come in time order.
 */
export function observeInPlace(state: PredictorState, p: PredictorParams, exercise: Exercise, set: RirSet, rx: SetPrescription, known?: BeforePrediction): void {
  const atMs = timeMs(set.performedAt, 'set.performedAt');
  if (set.memberId !== state.memberId) throw new RirInputError('set.memberId', `set of member ${String(set.memberId)} given to the state of member ${String(state.memberId)}`);
  if (!(set.loadKg > 0)) throw new RirInputError('set.loadKg', `must be > 0 kg, got ${String(set.loadKg)}`);
  const session = set.performedAt.slice(0, 10);
  const mem = state.exercises[exercise.id] ?? newMemory();
  state.exercises[exercise.id] = mem;
  const q: SetQuery = { exercise, loadKg: set.loadKg, reps: rx.prescribedReps, targetRir: rx.targetRir, setIndex: set.setIndex, at: set.performedAt };
  if (!set.toFailure && set.reportedRir !== null) {
    const before = known ?? predictBefore(state, p, q);
    const y = Math.max(0, set.reportedRir - learntBias(state, p).mean);
    const add = (e: Err, e2: number, keep: number): void => { e.n = keep * e.n + 1; e.sse = keep * e.sse + e2; };
    for (const c of CANDIDATES) {
      const v = before.candidates[c];
      if (v !== undefined) { add(state.err[c], (v - y) ** 2, MEMBER_KEEP); add(mem.err[c], (v - y) ** 2, EXERCISE_KEEP); }
    }
    add(state.blend, (before.rir - y) ** 2, MEMBER_KEEP);
    add(mem.blend, (before.rir - y) ** 2, EXERCISE_KEEP);
    if (rx.targetRir !== null) {
      const off = set.reportedRir - rx.targetRir;
      state.offN = MEMBER_KEEP * state.offN + 1; state.offSum = MEMBER_KEEP * state.offSum + off;
      mem.offN = EXERCISE_KEEP * mem.offN + 1; mem.offSum = EXERCISE_KEEP * mem.offSum + off;
    } else {
      state.levN = MEMBER_KEEP * state.levN + 1; state.levSum = MEMBER_KEEP * state.levSum + set.reportedRir;
      mem.levN = EXERCISE_KEEP * mem.levN + 1; mem.levSum = EXERCISE_KEEP * mem.levSum + set.reportedRir;
    }
    mem.lastReport = set.reportedRir;
    const prev = mem.recent[mem.recent.length - 1];
    if (prev !== undefined && prev.session === session && prev.report !== null && !prev.failure && prev.setIndex === set.setIndex - 1
      && Math.abs(Math.log(prev.loadKg / set.loadKg)) < 0.02) {
      const drop = prev.reps + prev.report - (set.reps + set.reportedRir);
      state.lossN++; state.lossSum += Math.min(4, Math.max(-2, drop));
    }
  }
  if (set.toFailure) {
    // Bias samples: each earlier reported set of this exercise in the session, against the failure set.
    const k = kOf(exercise);
    const loss = learntRepLoss(state, p);
    const oneRm = oneRmFrom(k, loss, set.loadKg, set.reps, set.setIndex);
    for (const s of mem.recent) {
      if (s.session !== session || s.failure || s.report === null) continue;
      if (Math.abs(Math.log(s.loadKg / set.loadKg)) > 0.15) continue;
      const trueRir = rtfAt(k, loss, oneRm, s.loadKg, s.setIndex) - s.reps;
      // Only sets that ended near failure: far from it reports are capped (0–10) and say little
      // (seen in sim2: week-1 sets 15 reps short of failure reported "10").
      if (trueRir < 0.5 || trueRir > BIAS_SAMPLE_MAX_RIR) continue;
      state.biasN++; state.biasSum += s.report - trueRir;
    }
  }
  mem.recent.push({ atMs, loadKg: set.loadKg, reps: set.reps, setIndex: set.setIndex, report: set.reportedRir, failure: set.toFailure, target: rx.targetRir, session });
  if (mem.recent.length > RECENT_KEEP) mem.recent.shift();
  mem.sets++;
  mem.lastAtMs = mem.lastAtMs === null ? atMs : Math.max(mem.lastAtMs, atMs);
  state.sets++;
}

/** Learns one logged set; returns a new state and never mutates `state`. */
export function observe(state: PredictorState, p: PredictorParams, exercise: Exercise, set: RirSet, rx: SetPrescription): PredictorState {
  requireState(state);
  const next = cloneState(state);
  observeInPlace(next, p, exercise, set, rx);
  return next;
}
