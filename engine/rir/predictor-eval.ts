/**
 * Fitting and evaluating the RIR predictor (./predictor) on SIMULATED cohorts, against the true RIR
 * the simulators kept hidden. Pure: cohorts in, parameters and figures out.
 *
 * Protocol (online, like the studio): each member's sets are replayed in time order; every set is
 * predicted BEFORE it from all of the member's earlier sets (earlier sets of the same session too),
 * then learnt. Scored: sets not logged as failure (on those the truth, 0, is given away), i.e. every
 * set with a report. `week1` = sets of training week 1, `afterWeek1` = weeks 2+.
 * Baselines on the same sets:
 * - `target`: the prescription's target RIR;
 * - `lastReport`: the member's last report on that exercise (the target when there is none yet);
 * - `faceValue`: the set's own report at face value (an AFTER-the-set baseline: it needs the set done).
 * The before-the-set prediction is compared with the best of all three (the rule, though
 * face value uses information it does not have); the after-the-set estimate with face value.
 */
import type { Exercise } from '../types';
import type { SimulatedCohort } from './simulate';
import type { Sim2Cohort } from './sim2';
import type { RirSet } from './types';
import {
  CANDIDATES, DEFAULT_PREDICTOR, KNOWN_AFTER_SETS, createPredictorState, estimateAfter, observeInPlace, predictBefore,
  type CandidateSource, type PredictorParams, type SetQuery,
} from './predictor';

export interface EvalSetTruth { rir: number; targetRir: number; prescribedReps: number; week: number }
export interface EvalMember { memberId: number; sets: RirSet[]; truth: EvalSetTruth[] }
export interface EvalCohort { name: string; members: EvalMember[] }

export function fromSim1(c: SimulatedCohort, name = 'sim1'): EvalCohort {
  return { name, members: c.members.map((m) => ({ memberId: m.memberId, sets: m.sets, truth: m.truth.map((t) => ({ rir: t.rir, targetRir: t.targetRir, prescribedReps: t.prescribedReps, week: t.week })) })) };
}

export function fromSim2(c: Sim2Cohort, name = 'sim2'): EvalCohort {
  return { name, members: c.members.map((m) => ({ memberId: m.memberId, sets: m.sets, truth: m.truth })) };
}

export interface ScoredSet {
  week: number;
  truth: number;
  before: number; low80: number; high80: number; sd: number; exerciseSets: number; source: CandidateSource;
  candidates: Partial<Record<CandidateSource, number>>;
  after: number; afterLow80: number; afterHigh80: number; afterSd: number;
  target: number; lastReport: number; faceValue: number;
  /** The member's true bias proxy: report − true RIR of this set. */
  reportError: number;
}

function byId(library: readonly Exercise[]): (id: string) => Exercise {
  const m = new Map(library.map((e) => [e.id, e]));
  return (id) => {
    const e = m.get(id);
    if (e === undefined) throw new RangeError(`exercise "${id}" is not in the library`);
    return e;
  };
}

/** Replays every member and scores each reported set (see the module docstring). */
export function replayCohort(cohort: EvalCohort, p: PredictorParams, library: readonly Exercise[]): ScoredSet[] {
  const ex = byId(library);
  const out: ScoredSet[] = [];
  for (const m of cohort.members) {
    const state = createPredictorState(m.memberId);
    const lastReport = new Map<string, number>();
    m.sets.forEach((set, i) => {
      const t = m.truth[i]!;
      const exercise = ex(set.exerciseId);
      const q: SetQuery = { exercise, loadKg: set.loadKg, reps: t.prescribedReps, targetRir: t.targetRir, setIndex: set.setIndex, at: set.performedAt };
      let b: ReturnType<typeof predictBefore> | undefined;
      if (!set.toFailure && set.reportedRir !== null) {
        b = predictBefore(state, p, q);
        const a = estimateAfter(state, p, q, set.reportedRir, b);
        out.push({
          week: t.week, truth: t.rir, before: b.rir, low80: b.low80, high80: b.high80, sd: b.sd, exerciseSets: b.exerciseSets, source: b.source,
          candidates: b.candidates, after: a.rir, afterLow80: a.low80, afterHigh80: a.high80, afterSd: a.sd,
          target: t.targetRir, lastReport: lastReport.get(set.exerciseId) ?? t.targetRir, faceValue: set.reportedRir,
          reportError: set.reportedRir - t.rir,
        });
        lastReport.set(set.exerciseId, set.reportedRir);
      }
      observeInPlace(state, p, exercise, set, { targetRir: t.targetRir, prescribedReps: t.prescribedReps }, b);
    });
  }
  return out;
}

export interface PhaseFigures {
  sets: number;
  maeBefore: number;
  maeTarget: number;
  maeLastReport: number;
  maeFaceValue: number;
  /** Best of target, last report and face value. */
  bestBaseline: number;
  bestBaselineName: 'target' | 'lastReport' | 'faceValue';
  /** Best of the before-the-set baselines only (target, last report). */
  bestBeforeBaseline: number;
  coverage80: number;
  maeAfter: number;
  coverage80After: number;
  /** Share of predictions by source. */
  sources: Partial<Record<CandidateSource, number>>;
}

const mae = (rows: readonly ScoredSet[], f: (r: ScoredSet) => number): number => rows.reduce((s, r) => s + Math.abs(f(r) - r.truth), 0) / rows.length;

export function phaseFigures(rows: readonly ScoredSet[]): PhaseFigures {
  const maeTarget = mae(rows, (r) => r.target);
  const maeLastReport = mae(rows, (r) => r.lastReport);
  const maeFaceValue = mae(rows, (r) => r.faceValue);
  const named: Array<[PhaseFigures['bestBaselineName'], number]> = [['target', maeTarget], ['lastReport', maeLastReport], ['faceValue', maeFaceValue]];
  named.sort((a, b) => a[1] - b[1]);
  const sources: Partial<Record<CandidateSource, number>> = {};
  for (const c of CANDIDATES) {
    const n = rows.filter((r) => r.source === c).length;
    if (n > 0) sources[c] = n / rows.length;
  }
  return {
    sets: rows.length, maeBefore: mae(rows, (r) => r.before), maeTarget, maeLastReport, maeFaceValue,
    bestBaseline: named[0]![1], bestBaselineName: named[0]![0], bestBeforeBaseline: Math.min(maeTarget, maeLastReport),
    coverage80: rows.filter((r) => r.truth >= r.low80 - 1e-9 && r.truth <= r.high80 + 1e-9).length / rows.length,
    maeAfter: mae(rows, (r) => r.after),
    coverage80After: rows.filter((r) => r.truth >= r.afterLow80 - 1e-9 && r.truth <= r.afterHigh80 + 1e-9).length / rows.length,
    sources,
  };
}

/**
 * `newExercise`: every set predicted while the member had fewer than `KNOWN_AFTER_SETS` sets of that
 * exercise (its first session or so): the prior from their other lifts and the population.
 */
export interface CohortFigures { cohort: string; week1: PhaseFigures; afterWeek1: PhaseFigures; newExercise: PhaseFigures }

export function evaluatePredictor(cohort: EvalCohort, p: PredictorParams, library: readonly Exercise[]): CohortFigures {
  const rows = replayCohort(cohort, p, library);
  const w1 = rows.filter((r) => r.week === 1);
  const later = rows.filter((r) => r.week > 1);
  if (w1.length === 0 || later.length === 0) throw new RangeError(`cohort ${cohort.name} has no scored sets in week 1 or after it`);
  const fresh = rows.filter((r) => r.exerciseSets < KNOWN_AFTER_SETS);
  return { cohort: cohort.name, week1: phaseFigures(w1), afterWeek1: phaseFigures(later), newExercise: phaseFigures(fresh) };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}

/** Variance of xs. */
function variance(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
}

/**
 * Fits the predictor's population part on a TRAINING cohort (truth used, as a supervised fit on
 * simulated members): bias prior and report noise from (report − true RIR); candidate priors from
 * their squared errors on the bias-corrected reports; the prior rep loss per set, weight power, prior count and bias-sample sd by a
 * small grid on the training MAE after week 1 (week 1 no worse than the target there); the interval
 * factors by split conformal on the training replay. Nothing of the evaluation cohort is used.
 */
export function fitPredictor(train: EvalCohort, library: readonly Exercise[]): PredictorParams {
  // 1. Bias and report noise from the truth.
  const memberBias: number[] = []; const within: number[] = []; let setsN = 0;
  const offsets: number[] = [];
  for (const m of train.members) {
    const errs: number[] = [];
    m.sets.forEach((s, i) => {
      setsN++;
      if (s.reportedRir === null || s.toFailure) return;
      offsets.push(s.reportedRir - m.truth[i]!.targetRir);
      // Bias and noise from sets near failure only: far from it reports are capped at 10 and say little.
      if (m.truth[i]!.rir > 5) return;
      errs.push(s.reportedRir - m.truth[i]!.rir);
    });
    if (errs.length < 5) continue;
    const mean = errs.reduce((a, b) => a + b, 0) / errs.length;
    memberBias.push(mean);
    for (const e of errs) within.push(e - mean);
  }
  const biasMean = memberBias.reduce((a, b) => a + b, 0) / memberBias.length;
  let p: PredictorParams = {
    ...DEFAULT_PREDICTOR, version: `rir-predictor-fit-${train.name}`,
    biasMean, biasSd: Math.sqrt(variance(memberBias)), reportSd: Math.sqrt(variance(within)),
    offsetMean: offsets.reduce((a, b) => a + b, 0) / offsets.length, trainingSets: setsN,
  };
  // 2. Bias-sample noise and candidate priors from one replay.
  const rows0 = replayCohort(train, p, library);
  const priorMse = { ...p.priorMse };
  for (const c of CANDIDATES) {
    const e = rows0.filter((r) => r.candidates[c] !== undefined).map((r) => ((r.candidates[c] ?? 0) - r.truth) ** 2);
    if (e.length > 0) priorMse[c] = e.reduce((a, b) => a + b, 0) / e.length + p.reportSd ** 2;
  }
  p = { ...p, priorMse, blendPriorMse: mae(rows0, (r) => r.before) ** 2 * 1.5 + p.reportSd ** 2 };
  // 3. Grid on training MAE after week 1.
  let best = p; let bestScore = Number.POSITIVE_INFINITY;
  for (const repLossPerSet of [0.4, 0.9]) {
    for (const weightPower of [1, 2]) {
      for (const priorCount of [2, 6]) {
        for (const biasSampleSd of [0.8, 1.6]) {
          const q = { ...p, repLossPerSet, weightPower, priorCount, biasSampleSd };
          const rows = replayCohort(train, q, library);
          const later = rows.filter((r) => r.week > 1);
          const w1 = rows.filter((r) => r.week === 1);
          const penalty = Math.max(0, mae(w1, (r) => r.before) - mae(w1, (r) => r.target));
          const score = mae(later, (r) => r.before) + penalty;
          if (score < bestScore) { bestScore = score; best = q; }
        }
      }
    }
  }
  // 4. Split conformal factors on the training replay.
  const rows = replayCohort(train, best, library);
  const ratio = (r: ScoredSet): number => Math.abs(r.truth - r.before) / Math.max(r.sd, 1e-6);
  const fresh = rows.filter((r) => r.exerciseSets < KNOWN_AFTER_SETS).map(ratio);
  const known = rows.filter((r) => r.exerciseSets >= KNOWN_AFTER_SETS).map(ratio);
  const withBefore: PredictorParams = { ...best, intervalScale: { newExercise: quantile(fresh, 0.8), known: quantile(known, 0.8), after: best.intervalScale.after } };
  const rowsA = replayCohort(train, withBefore, library);
  // After-the-set: the estimate's sd is recomputed from the ratio with factor 1 (half-width / factor).
  const afterRatio = rowsA.map((r) => Math.abs(r.truth - r.after) / Math.max(r.afterSd, 1e-6));
  return { ...withBefore, intervalScale: { ...withBefore.intervalScale, after: quantile(afterRatio, 0.8) } };
}
