/**
 * Reliability of the completion probability (`engine/rir/completion.ts`) on a SIMULATED cohort
 * (engine/rir/simulate, its own seed; the published-figures population, not fitted on it).
 * Every set from week 2 on, not taken to failure, is predicted before it is done from the
 * member's earlier sets (`predictReps` at its load, set index and time); the probability that the
 * member completes the simulator's dose (isolation 8–12 reps, else 6–10, as simulate.ts
 * `doseFor`) within ±1 RIR of the week's target is compared with what happened: the set's true
 * reps to failure inside [repMin + max(0, target − 1), repMax + target + 1].
 * Baseline: a constant equal to the cohort's observed rate (the best constant, known only after
 * the fact). Scores: Brier (mean squared error of the probability), and per decile of predicted
 * probability the mean predicted and the observed share. The old confidence formula does not
 * depend on the set at all, so it is not scored here.
 */
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { completionProbability } from '../engine/rir/completion';
import { DEFAULT_POPULATION } from '../engine/rir/defaults';
import { rirModel } from '../engine/rir/model';
import { DEFAULT_SIM_EXERCISE_IDS, simulateCohort } from '../engine/rir/simulate';
import type { Exercise } from '../engine/types';
import { round } from './stats';

const SEED = 14_014;

export interface ReliabilityRow { from: number; to: number; sets: number; meanPredicted: number; observed: number }
export interface Reliability { sets: number; brier: number; baselineBrier: number; observedRate: number; rows: ReliabilityRow[] }

function exercises(): Exercise[] {
  return DEFAULT_SIM_EXERCISE_IDS.map((id) => {
    const e = BUILTIN_EXERCISES.find((x) => x.id === id);
    if (e === undefined) throw new Error(`simulated exercise ${id} is not built in`);
    return e;
  });
}

export function completionReliability(members = 120, weeks = 6): Reliability {
  const lib = exercises();
  const byId = new Map(lib.map((e) => [e.id, e]));
  const cohort = simulateCohort({ seed: SEED, members, weeks, exercises: lib, start: '2025-01-06T00:00:00Z', firstMemberId: 500_001 });
  const pairs: { p: number; hit: number }[] = [];
  for (const m of cohort.members) {
    let state = rirModel.createMemberState(m.memberId, DEFAULT_POPULATION);
    m.sets.forEach((set, i) => {
      const truth = m.truth[i]!;
      const exercise = byId.get(set.exerciseId)!;
      if (truth.week >= 2 && !set.toFailure) {
        const [repMin, repMax] = exercise.mechanic === 'isolation' ? [8, 12] : [6, 10];
        const pred = rirModel.predictReps(state, DEFAULT_POPULATION, exercise, BUILTIN_EXERCISES, { memberId: m.memberId, exerciseId: set.exerciseId, loadKg: set.loadKg, setIndex: set.setIndex, at: set.performedAt });
        const p = completionProbability(pred, repMin, repMax, truth.targetRir);
        const low = repMin + Math.max(0, truth.targetRir - 1);
        const hit = truth.repsToFailure >= low && truth.repsToFailure <= repMax + truth.targetRir + 1 ? 1 : 0;
        pairs.push({ p, hit });
      }
      state = rirModel.updateWithSet(state, DEFAULT_POPULATION, exercise, BUILTIN_EXERCISES, set);
    });
  }
  const n = pairs.length;
  const rate = pairs.reduce((s, x) => s + x.hit, 0) / n;
  const brier = pairs.reduce((s, x) => s + (x.p - x.hit) ** 2, 0) / n;
  const baselineBrier = pairs.reduce((s, x) => s + (rate - x.hit) ** 2, 0) / n;
  const rows: ReliabilityRow[] = [];
  for (let d = 0; d < 10; d++) {
    const inBin = pairs.filter((x) => Math.min(9, Math.floor(x.p * 10)) === d);
    if (inBin.length === 0) continue;
    rows.push({ from: d * 10, to: d * 10 + 10, sets: inBin.length, meanPredicted: inBin.reduce((s, x) => s + x.p, 0) / inBin.length, observed: inBin.reduce((s, x) => s + x.hit, 0) / inBin.length });
  }
  return { sets: n, brier, baselineBrier, observedRate: rate, rows };
}

export function reliabilityFigures(log: (line: string) => void): Record<string, number> {
  const r = completionReliability();
  log(`Confidence = P(completes the dose within ±1 RIR of target), SIMULATED cohort (seed ${String(SEED)}), ${String(r.sets)} sets from week 2:`);
  log(`  Brier ${round(r.brier, 4)} vs constant ${round(r.observedRate, 3)} (the observed rate) ${round(r.baselineBrier, 4)}`);
  log(`  ${'predicted'.padEnd(10)} ${'sets'.padStart(6)} ${'mean pred'.padStart(10)} ${'observed'.padStart(9)}`);
  const out: Record<string, number> = { confidence_brier: round(r.brier, 4), confidence_constant_brier: round(r.baselineBrier, 4), confidence_sets: r.sets };
  for (const row of r.rows) {
    log(`  ${`${String(row.from)}–${String(row.to)} %`.padEnd(10)} ${String(row.sets).padStart(6)} ${round(row.meanPredicted, 3).toFixed(3).padStart(10)} ${round(row.observed, 3).toFixed(3).padStart(9)}`);
    out[`reliability_${String(row.from)}_${String(row.to)}_predicted`] = round(row.meanPredicted, 3);
    out[`reliability_${String(row.from)}_${String(row.to)}_observed`] = round(row.observed, 3);
    out[`reliability_${String(row.from)}_${String(row.to)}_sets`] = row.sets;
  }
  return out;
}
