/**
 * The member's Gaussian state and its extended-Kalman-filter steps (internal, mutable for speed;
 * model.ts copies before it calls in, so the public API never mutates).
 *
 * State vector: [bias, u, s, g, (ln 1RM_e, lnK_e) for each exercise seen]
 * - bias: self-report bias, reported − true RIR (reps); prior N(biasMean, biasSd²) (Halperin 2022).
 * - u: the member's lnK deviation shared by all their exercises; lnK_e = popLnK(e) + u + v_e,
 *   Var u + Var v_e = lnKSd², split by `MEMBER_LNK_SHARE`.
 * - s: ln 1RM (kg) of the reference lift; ln 1RM_e = s + lnStrengthRatio(e) + w_e (strength.ts).
 * - g: ln strength gain per day, shared by the member's lifts; each ln 1RM_e moves by g·Δt and
 *   diffuses by lnOneRmDriftPerDay²·Δt, both bounded as the e1RM forecaster's (`gapEffect`):
 *   the gain accrues over at most 28 days and not at all after a layoff (> 14 days, when the
 *   planner's detraining cut applies instead), and the diffusion stops growing after 90 days.
 * A new exercise is appended with its prior conditioned on u, s (exact for this linear-Gaussian
 * hierarchy), so the joint covariance keeps every bias–exercise–exercise correlation: a failure
 * set on one lift corrects reports on others.
 */
import { DETRAINING_AFTER_DAYS, LOG_FORECAST, detrainingCut } from '../e1rm/forecast';
import type { Exercise } from '../types';
import { populationLnK } from './features';
import { LN_RATIO_SD, REFERENCE_LN_ONE_RM, REFERENCE_LN_ONE_RM_SD, lnStrengthRatio } from './strength';
import type { PopulationModel } from './types';

export const I_BIAS = 0;
export const I_U = 1;
export const I_S = 2;
export const I_G = 3;
const BASE = 4;
/** Share of the between-member lnK variance that is the member's own (shared across lifts). */
export const MEMBER_LNK_SHARE = 0.5;
/**
 * Prior of the daily ln strength gain: ≈ +0.35 %/week ± 0.7 %/week. An assumption (not a
 * domain.md figure): newcomers usually gain, some lose; the data of a few weeks correct it.
 */
export const GAIN_MEAN_PER_DAY = 0.0005;
export const GAIN_SD_PER_DAY = 0.001;
/** Sd of an e1RM hint on the log scale (domain.md: e1RM errors ≈ 3–7 kg on ≈ 80 kg, ≈ 5–10 %). */
export const HINT_LN_SD = 0.1;
const MS_PER_DAY = 86_400_000;

export interface FilterData {
  v: 1;
  mean: number[];
  /** Row-major d × d covariance. */
  cov: number[];
  exercises: string[];
  /** Sets learnt from per exercise. */
  counts: number[];
  /** Exercise has had an e1RM hint. */
  hinted: boolean[];
  /** Time (epoch ms) the state is propagated to; null before the first set. */
  lastMs: number | null;
  /** The bias prior sd (for "not enough data yet"). */
  biasPriorSd: number;
  /** e1RM hints (kg) for exercises not yet in the state. */
  pendingHints: Record<string, number>;
}

export function dim(f: FilterData): number { return f.mean.length; }
const at = (a: readonly number[], i: number): number => a[i] ?? 0;

export function newFilter(pop: PopulationModel): FilterData {
  const uVar = pop.lnKSd * pop.lnKSd * MEMBER_LNK_SHARE;
  const diag = [pop.biasSd ** 2, uVar, REFERENCE_LN_ONE_RM_SD ** 2, GAIN_SD_PER_DAY ** 2];
  const cov = new Array<number>(16).fill(0);
  diag.forEach((v, i) => { cov[i * 4 + i] = v; });
  return {
    v: 1, mean: [pop.biasMean, 0, REFERENCE_LN_ONE_RM, GAIN_MEAN_PER_DAY], cov, exercises: [],
    counts: [], hinted: [], lastMs: null, biasPriorSd: pop.biasSd, pendingHints: {},
  };
}

export function cloneFilter(f: FilterData): FilterData {
  return {
    ...f, mean: f.mean.slice(), cov: f.cov.slice(), exercises: f.exercises.slice(),
    counts: f.counts.slice(), hinted: f.hinted.slice(), pendingHints: { ...f.pendingHints },
  };
}

/** Index of exercise `id`'s ln 1RM in the state (its lnK follows), or −1. */
export function slotOf(f: FilterData, id: string): number {
  const j = f.exercises.indexOf(id);
  return j < 0 ? -1 : BASE + 2 * j;
}

/** Prior mean and covariance entries of an exercise not in the state (conditioned on u, s). */
export function newExercisePrior(f: FilterData, pop: PopulationModel, exercise: Exercise) {
  const d = dim(f);
  const vVar = pop.lnKSd * pop.lnKSd * (1 - MEMBER_LNK_SHARE);
  return {
    meanM: at(f.mean, I_S) + lnStrengthRatio(exercise),
    meanK: populationLnK(pop, exercise) + at(f.mean, I_U),
    varM: at(f.cov, I_S * d + I_S) + LN_RATIO_SD ** 2,
    varK: at(f.cov, I_U * d + I_U) + vVar,
    covMK: at(f.cov, I_S * d + I_U),
    covMG: at(f.cov, I_S * d + I_G),
    covKG: at(f.cov, I_U * d + I_G),
  };
}

/** Appends `exercise` to the state (no-op if present); applies a pending e1RM hint. Returns its slot. */
export function ensureExercise(f: FilterData, pop: PopulationModel, exercise: Exercise): number {
  const existing = slotOf(f, exercise.id);
  if (existing >= 0) return existing;
  const d = dim(f);
  const p = newExercisePrior(f, pop, exercise);
  const n = d + 2;
  const cov = new Array<number>(n * n).fill(0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) cov[i * n + j] = at(f.cov, i * d + j);
    const cM = at(f.cov, i * d + I_S);
    const cK = at(f.cov, i * d + I_U);
    cov[i * n + d] = cM; cov[d * n + i] = cM;
    cov[i * n + d + 1] = cK; cov[(d + 1) * n + i] = cK;
  }
  cov[d * n + d] = p.varM;
  cov[(d + 1) * n + d + 1] = p.varK;
  cov[d * n + d + 1] = p.covMK; cov[(d + 1) * n + d] = p.covMK;
  f.cov = cov;
  f.mean.push(p.meanM, p.meanK);
  f.exercises.push(exercise.id);
  f.counts.push(0);
  f.hinted.push(false);
  const hint = f.pendingHints[exercise.id];
  if (hint !== undefined) {
    delete f.pendingHints[exercise.id];
    applyHint(f, d, hint);
  }
  return d;
}

/** A pseudo-observation ln 1RM_e = ln(hint) with sd HINT_LN_SD (an e1RM from the logs). */
export function applyHint(f: FilterData, slot: number, oneRmKg: number): void {
  const y = Math.log(oneRmKg) - at(f.mean, slot);
  linearUpdate(f, [slot], [1], y, HINT_LN_SD ** 2);
  f.hinted[(slot - BASE) / 2] = true;
}

/** Days over which the learnt gain accrues at most (the forecaster's training-log horizon). */
export const TREND_HORIZON_DAYS = LOG_FORECAST.trendHorizonDays;
/** Days after which the random-walk variance of ln 1RM stops growing. */
export const DRIFT_SATURATION_DAYS = LOG_FORECAST.spreadSaturationDays;

/**
 * What a gap of `dtDays` since the last set does to ln 1RM: the days the gain g accrues over
 * (0 after a layoff of more than 14 days), the days of random-walk variance (saturating) and
 * the ln detraining shift (ln(1 − cut), engine/e1rm `detrainingCut`, the planner's assumption).
 */
export function gapEffect(dtDays: number): { trendDays: number; driftDays: number; lnShift: number } {
  const layoff = dtDays > DETRAINING_AFTER_DAYS;
  return {
    trendDays: layoff ? 0 : Math.min(dtDays, TREND_HORIZON_DAYS),
    driftDays: Math.min(dtDays, DRIFT_SATURATION_DAYS),
    lnShift: layoff ? Math.log(1 - detrainingCut(dtDays)) : 0,
  };
}

/**
 * Time update to `toMs`: ln 1RM_e += g·τ + shift for every lift (and s), plus random-walk
 * variance lnOneRmDriftPerDay²·δ, with τ, δ, shift from `gapEffect`. P ← F P Fᵀ + Q in O(d²).
 * Out-of-order times do not move back.
 */
export function propagate(f: FilterData, pop: PopulationModel, toMs: number): void {
  if (f.lastMs === null || toMs <= f.lastMs) {
    if (f.lastMs === null) f.lastMs = toMs;
    return;
  }
  const gap = gapEffect((toMs - f.lastMs) / MS_PER_DAY);
  const dt = gap.trendDays;
  f.lastMs = toMs;
  const d = dim(f);
  const a = new Array<number>(d).fill(0);
  a[I_S] = 1;
  for (let i = BASE; i < d; i += 2) a[i] = 1;
  const g = at(f.mean, I_G);
  const colG = new Array<number>(d);
  for (let i = 0; i < d; i++) colG[i] = at(f.cov, i * d + I_G);
  const vg = at(colG, I_G);
  for (let i = 0; i < d; i++) {
    const ai = at(a, i);
    if (ai) f.mean[i] = at(f.mean, i) + g * dt + gap.lnShift;
    for (let j = 0; j < d; j++) {
      const aj = at(a, j);
      if (!ai && !aj) continue;
      f.cov[i * d + j] = at(f.cov, i * d + j) + dt * (ai * at(colG, j) + aj * at(colG, i)) + dt * dt * ai * aj * vg;
    }
  }
  const q = pop.lnOneRmDriftPerDay ** 2 * gap.driftDays;
  for (let i = 0; i < d; i++) if (at(a, i)) f.cov[i * d + i] = at(f.cov, i * d + i) + q;
}

/** P Hᵀ for a sparse H (indices, values). */
function pht(f: FilterData, idx: readonly number[], h: readonly number[]): number[] {
  const d = dim(f);
  const out = new Array<number>(d).fill(0);
  for (let k = 0; k < idx.length; k++) {
    const c = at(idx, k);
    const hk = at(h, k);
    for (let i = 0; i < d; i++) out[i] = at(out, i) + at(f.cov, i * d + c) * hk;
  }
  return out;
}

function hDot(idx: readonly number[], h: readonly number[], v: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += at(h, k) * at(v, at(idx, k));
  return s;
}

/** P ← P − shrink · (PHᵀ)(PHᵀ)ᵀ / S, kept symmetric with a small diagonal floor. */
function shrinkCov(f: FilterData, ph: readonly number[], S: number, shrink: number): void {
  const d = dim(f);
  const c = shrink / S;
  for (let i = 0; i < d; i++) {
    const pi = at(ph, i) * c;
    for (let j = i; j < d; j++) {
      const v = at(f.cov, i * d + j) - pi * at(ph, j);
      f.cov[i * d + j] = v;
      f.cov[j * d + i] = v;
    }
    if (at(f.cov, i * d + i) < 1e-10) f.cov[i * d + i] = 1e-10;
  }
}

/** Kalman update with a linear scalar observation: innovation `nu`, noise variance `r`. */
export function linearUpdate(f: FilterData, idx: number[], h: number[], nu: number, r: number): void {
  const ph = pht(f, idx, h);
  const S = hDot(idx, h, ph) + r;
  for (let i = 0; i < f.mean.length; i++) f.mean[i] = at(f.mean, i) + (at(ph, i) / S) * nu;
  shrinkCov(f, ph, S, 1);
}

/** The set's observation model: RTF·fatigue (+ bias for a report) and its gradient. */
export interface Observation { slot: number; loadKg: number; fatigue: number; withBias: boolean }

function observe(x: readonly number[], o: Observation): { value: number; idx: number[]; h: number[] } {
  const lnM = at(x, o.slot);
  const k = Math.exp(at(x, o.slot + 1));
  const ratio = Math.exp(lnM) / o.loadKg;
  const rtf = o.fatigue * k * (ratio - 1);
  const idx = [o.slot, o.slot + 1];
  const h = [o.fatigue * k * ratio, rtf];
  if (o.withBias) { idx.push(I_BIAS); h.push(1); }
  return { value: rtf + (o.withBias ? at(x, I_BIAS) : 0), idx, h };
}

/**
 * Iterated EKF update for y = observe(x) + noise(r): relinearises at the running estimate
 * (3 passes) and updates the covariance once with the last Jacobian. Returns the innovation and
 * its predicted variance at the prior mean (for noise estimation in the refit).
 */
export function curveUpdate(f: FilterData, o: Observation, y: number, r: number): { nu: number; s: number } {
  const x0 = f.mean;
  let x = x0;
  let first: { nu: number; s: number } | null = null;
  let ph: number[] = [];
  let S = 1;
  for (let iter = 0; iter < 3; iter++) {
    const ob = observe(x, o);
    ph = pht(f, ob.idx, ob.h);
    S = hDot(ob.idx, ob.h, ph) + r;
    let lin = y - ob.value;
    for (let k = 0; k < ob.idx.length; k++) lin -= at(ob.h, k) * (at(x0, at(ob.idx, k)) - at(x, at(ob.idx, k)));
    if (first === null) first = { nu: lin, s: S };
    const next = x0.map((m, i) => m + (at(ph, i) / S) * lin);
    if (!next.every(Number.isFinite)) break;
    x = next;
  }
  f.mean = x.slice();
  shrinkCov(f, ph, S, 1);
  return first ?? { nu: 0, s: S };
}

/** Standard normal pdf and upper tail (erfc, Numerical Recipes erfcc: |rel err| < 1.2e-7). */
function phi(z: number): number { return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI); }
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851584 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * A set neither reported nor taken to failure still says RTF ≥ reps. Assumed-density update:
 * the Gaussian of z = RTF + readiness noise is truncated at `reps`, and the state is moved by the
 * moments of the truncated z (Bayesian censored observation, moment-matched). Skipped when
 * the constraint is already near certain (α < `minAlpha`, default −2.5).
 */
export function atLeastUpdate(f: FilterData, o: Observation, reps: number, r: number, minAlpha = -2.5): void {
  const ob = observe(f.mean, o);
  const ph = pht(f, ob.idx, ob.h);
  const S = hDot(ob.idx, ob.h, ph) + r;
  const s = Math.sqrt(S);
  const alpha = Math.min(6, (reps - ob.value) / s);
  if (alpha < minAlpha) return;
  const lambda = phi(alpha) / Math.max(upperTail(alpha), 1e-300);
  const shift = s * lambda;
  for (let i = 0; i < f.mean.length; i++) f.mean[i] = at(f.mean, i) + (at(ph, i) / S) * shift;
  shrinkCov(f, ph, S, Math.min(0.999, Math.max(0, lambda * lambda - alpha * lambda)));
}
