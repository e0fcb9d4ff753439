/**
 * `npm run bench -- rir`, issue 14 item 1: the RIR predictor (engine/rir/predictor) on two
 * SIMULATED cohorts that differ on every axis (engine/rir/simulate = sim1, engine/rir/sim2 = sim2),
 * fitted on one and scored on the other, both directions (engine/rir/predictor-eval), and on the
 * real RPE log (bench/rir-real `hevyRpeCheck`, parameters fitted on sim1).
 * Figures per cohort (the cohort scored; the fit is on the other one): `<cohort>_mae_week1_reps`,
 * `<cohort>_mae_after_week1_reps` (before the set), `<cohort>_best_baseline_{week1,after_week1}_reps`
 * (best of target, last report, face value), `<cohort>_coverage80` (after week 1) and the
 * after-the-set estimate `<cohort>_after_set_mae_reps` beside `<cohort>_face_value_mae_reps`.
 */
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import type { Exercise } from '../engine/types';
import { evaluatePredictor, fitPredictor, fromSim1, fromSim2 } from '../engine/rir/predictor-eval';
import type { CohortFigures, EvalCohort, PhaseFigures } from '../engine/rir/predictor-eval';
import { DEFAULT_SIM_EXERCISE_IDS, simulateCohort } from '../engine/rir/simulate';
import { SIM2_EXERCISE_IDS, simulateCohort2 } from '../engine/rir/sim2';
import { hevyRpeCheck } from './rir-real';
import { round } from './stats';

const START = '2025-01-06T00:00:00Z';
export const SIM1_SEED = 20_251_401;
export const SIM2_SEED = 20_251_402;

const exercisesOf = (ids: readonly string[]): Exercise[] => ids.map((id) => {
  const e = BUILTIN_EXERCISES.find((x) => x.id === id);
  if (e === undefined) throw new Error(`simulated exercise ${id} is not built in`);
  return e;
});

export function predictorCohorts(members = 150): { sim1: EvalCohort; sim2: EvalCohort } {
  return {
    sim1: fromSim1(simulateCohort({ seed: SIM1_SEED, members, weeks: 6, exercises: exercisesOf(DEFAULT_SIM_EXERCISE_IDS), start: START })),
    sim2: fromSim2(simulateCohort2({ seed: SIM2_SEED, members, weeks: 6, exercises: exercisesOf(SIM2_EXERCISE_IDS), start: START })),
  };
}

const c2 = (v: number): string => v.toFixed(2);
const verdict = (ok: boolean): string => (ok ? 'MET' : 'MISSED');

function printPhase(log: (l: string) => void, name: string, f: PhaseFigures): void {
  const src = Object.entries(f.sources).map(([k, v]) => `${k} ${Math.round(100 * (v ?? 0))} %`).join(', ');
  log(`  ${name.padEnd(12)} sets ${String(f.sets).padStart(6)}  before-the-set ${c2(f.maeBefore)}  | target ${c2(f.maeTarget)}  last report ${c2(f.maeLastReport)}  face value ${c2(f.maeFaceValue)}  | cover80 ${c2(f.coverage80)}  | after-the-set ${c2(f.maeAfter)} (cover80 ${c2(f.coverage80After)})`);
  log(`  ${''.padEnd(12)} sources: ${src}`);
}

function printTargets(log: (l: string) => void, f: CohortFigures): void {
  const a = f.afterWeek1; const w = f.week1;
  const gain = 100 * (1 - a.maeBefore / a.bestBaseline);
  const gainBefore = 100 * (1 - a.maeBefore / a.bestBeforeBaseline);
  log(`  targets: after week 1 ≥ 15 % below the best baseline (${a.bestBaselineName} ${c2(a.bestBaseline)}): ${c2(gain)} % ${verdict(gain >= 15)}` +
    ` (vs the best before-the-set baseline ${c2(a.bestBeforeBaseline)}: ${c2(gainBefore)} % ${verdict(gainBefore >= 15)})`);
  log(`           week 1 no worse than the best baseline (${w.bestBaselineName} ${c2(w.bestBaseline)}): ${c2(w.maeBefore)} ${verdict(w.maeBefore <= w.bestBaseline)}` +
    ` (vs before-the-set baselines ${c2(w.bestBeforeBaseline)}: ${verdict(w.maeBefore <= w.bestBeforeBaseline)})`);
  log(`           80 % coverage in 0.75–0.85: after week 1 ${c2(a.coverage80)} ${verdict(a.coverage80 >= 0.75 && a.coverage80 <= 0.85)}, week 1 ${c2(w.coverage80)} ${verdict(w.coverage80 >= 0.75 && w.coverage80 <= 0.85)}`);
  const afterGain = 100 * (1 - a.maeAfter / a.maeFaceValue);
  log(`           after the set ≥ 15 % below face value ${c2(a.maeFaceValue)}: ${c2(a.maeAfter)} (${c2(afterGain)} %) ${verdict(afterGain >= 15)};` +
    ` week 1 after the set no worse than face value ${c2(w.maeFaceValue)}: ${c2(w.maeAfter)} ${verdict(w.maeAfter <= w.maeFaceValue)}`);
}

function figures(prefix: string, f: CohortFigures): Record<string, number> {
  const a = f.afterWeek1; const w = f.week1;
  return {
    [`${prefix}_mae_week1_reps`]: round(w.maeBefore, 3),
    [`${prefix}_best_baseline_week1_reps`]: round(w.bestBaseline, 3),
    [`${prefix}_best_before_baseline_week1_reps`]: round(w.bestBeforeBaseline, 3),
    [`${prefix}_mae_after_week1_reps`]: round(a.maeBefore, 3),
    [`${prefix}_best_baseline_after_week1_reps`]: round(a.bestBaseline, 3),
    [`${prefix}_best_before_baseline_after_week1_reps`]: round(a.bestBeforeBaseline, 3),
    [`${prefix}_target_mae_after_week1_reps`]: round(a.maeTarget, 3),
    [`${prefix}_last_report_mae_after_week1_reps`]: round(a.maeLastReport, 3),
    [`${prefix}_face_value_mae_reps`]: round(a.maeFaceValue, 3),
    [`${prefix}_coverage80`]: round(a.coverage80, 3),
    [`${prefix}_coverage80_week1`]: round(w.coverage80, 3),
    [`${prefix}_after_set_mae_reps`]: round(a.maeAfter, 3),
    [`${prefix}_after_set_coverage80`]: round(a.coverage80After, 3),
    [`${prefix}_mae_new_exercise_reps`]: round(f.newExercise.maeBefore, 3),
    [`${prefix}_target_mae_new_exercise_reps`]: round(f.newExercise.maeTarget, 3),
    [`${prefix}_after_set_mae_week1_reps`]: round(w.maeAfter, 3),
    [`${prefix}_face_value_mae_week1_reps`]: round(w.maeFaceValue, 3),
  };
}

export function rirPredictorBench(log: (line: string) => void): Record<string, number> {
  const { sim1, sim2 } = predictorCohorts();
  const fit1 = fitPredictor(sim1, BUILTIN_EXERCISES);
  const fit2 = fitPredictor(sim2, BUILTIN_EXERCISES);
  const out: Record<string, number> = {};
  log('\nRIR predictor (issue 14), SIMULATED; each cohort scored with the parameters fitted on the other one;');
  log('online: every reported set predicted from the member\'s earlier sets (MAE in reps vs the true RIR)');
  for (const [name, cohort, params] of [['sim1', sim1, fit2], ['sim2', sim2, fit1]] as const) {
    const f = evaluatePredictor(cohort, params, BUILTIN_EXERCISES);
    log(`${name} (${String(cohort.members.length)} members), fitted on the other cohort (${params.version}):`);
    printPhase(log, 'week 1', f.week1);
    printPhase(log, 'after week 1', f.afterWeek1);
    printPhase(log, 'new exercise', f.newExercise);
    log(`  targets: first sets of an exercise at least as good as the target ${c2(f.newExercise.maeTarget)}: ${c2(f.newExercise.maeBefore)} ${verdict(f.newExercise.maeBefore <= f.newExercise.maeTarget)}`);
    printTargets(log, f);
    Object.assign(out, figures(name, f));
  }
  const real = hevyRpeCheck(fit1);
  log(`\nReal RPE log (Hevy, StvrvDimitris; parameters fitted on sim1, nothing fitted on the log): ${String(real.sets)} of ${String(real.reportedSets)} reported sets scored`);
  log(`  predictor ${c2(real.predictorMae)}  | last report on the exercise ${c2(real.lastReportMae)}  previous set in the session ${c2(real.prevSetMae)}  ` +
    `${verdict(real.predictorMae < real.lastReportMae && real.predictorMae < real.prevSetMae)} (below both)`);
  log(`  sources: ${Object.entries(real.sources).map(([k, v]) => `${k} ${Math.round(100 * v)} %`).join(', ')}`);
  out.real_rpe_mae = round(real.predictorMae, 3);
  out.real_rpe_last_report_mae = round(real.lastReportMae, 3);
  out.real_rpe_prev_set_mae = round(real.prevSetMae, 3);
  out.real_rpe_sets = real.sets;
  return out;
}
