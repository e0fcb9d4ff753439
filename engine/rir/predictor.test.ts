import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { Exercise } from '../types';
import { DEFAULT_SIM_EXERCISE_IDS, simulateCohort } from './simulate';
import { SIM2_EXERCISE_IDS, simulateCohort2 } from './sim2';
import { evaluatePredictor, fitPredictor, fromSim1, fromSim2 } from './predictor-eval';
import { DEFAULT_PREDICTOR, createPredictorState, estimateAfter, observe, predictBefore, type PredictorState } from './predictor';
import { RirInputError } from './errors';
import { SHIPPED_PREDICTOR } from './predictor-params';

const START = '2025-01-06T00:00:00Z';
const ex = (ids: readonly string[]): Exercise[] => ids.map((id) => BUILTIN_EXERCISES.find((e) => e.id === id)!);
const bench = BUILTIN_EXERCISES.find((e) => e.id === 'machine-chest-press')!;
const day = (d: number, minute = 0): string => new Date(Date.UTC(2025, 0, 6 + d, 17, minute)).toISOString();

describe('RIR predictor across simulators (fitted on one, scored on the other)', () => {
  const sim1 = fromSim1(simulateCohort({ seed: 5, members: 40, weeks: 6, exercises: ex(DEFAULT_SIM_EXERCISE_IDS), start: START }));
  const sim2 = fromSim2(simulateCohort2({ seed: 6, members: 40, weeks: 6, exercises: ex(SIM2_EXERCISE_IDS), start: START }));

  it('on sim2 after training on sim1: before the set beats target and last report, after the set beats face value', () => {
    const all = evaluatePredictor(sim2, fitPredictor(sim1, BUILTIN_EXERCISES), BUILTIN_EXERCISES);
    const f = all.afterWeek1;
    expect(f.sets).toBeGreaterThan(2000);
    expect(f.maeBefore).toBeLessThan(0.92 * f.bestBeforeBaseline);
    expect(f.maeAfter).toBeLessThan(0.9 * f.maeFaceValue);
    // First sets of an exercise: the prior from the member's other lifts is no worse than the target.
    expect(all.newExercise.maeBefore).toBeLessThanOrEqual(all.newExercise.maeTarget);
    expect(all.week1.maeBefore).toBeLessThanOrEqual(all.week1.bestBeforeBaseline);
  });

  it('on sim1 after training on sim2: ≥ 15 % below the best of target, last report and face value; week 1 below the target', () => {
    const f = evaluatePredictor(sim1, fitPredictor(sim2, BUILTIN_EXERCISES), BUILTIN_EXERCISES);
    expect(f.afterWeek1.maeBefore).toBeLessThan(0.85 * f.afterWeek1.bestBaseline);
    expect(f.week1.maeBefore).toBeLessThan(f.week1.maeTarget);
    expect(f.afterWeek1.maeAfter).toBeLessThan(0.85 * f.afterWeek1.maeFaceValue);
  });
});

function trained(): PredictorState {
  let s = createPredictorState(7);
  for (let session = 0; session < 6; session++) {
    for (let setIndex = 1; setIndex <= 3; setIndex++) {
      const last = setIndex === 3;
      s = observe(s, DEFAULT_PREDICTOR, bench, {
        memberId: 7, exerciseId: bench.id, performedAt: day(session * 3, setIndex * 3), loadKg: 60, reps: last ? 12 : 8,
        reportedRir: last ? null : 1, toFailure: last, setIndex,
      }, { targetRir: 2, prescribedReps: 8 });
    }
  }
  return s;
}

describe('RIR predictor trend, sources and inputs', () => {
  it('gains nothing after a layoff (detraining), and its uncertainty saturates', () => {
    const s = trained();
    const at = (d: number) => predictBefore(s, DEFAULT_PREDICTOR, { exercise: bench, loadKg: 60, reps: 8, targetRir: 2, setIndex: 1, at: day(d) });
    const soon = at(16); const layoff = at(15 + 100); const years = at(15 + 3000);
    expect(soon.candidates['recent-sets']).toBeDefined();
    // 100 days off: the detraining cut (−10 %) leaves fewer reps in reserve at the same load, never more.
    expect(layoff.candidates['recent-sets']!).toBeLessThan(soon.candidates['recent-sets']! - 1);
    // Years off: the old sets no longer speak for the lift; the prediction falls back and stays bounded.
    expect(years.candidates['recent-sets']).toBeUndefined();
    expect(years.rir).toBeLessThan(10);
    expect(layoff.sd).toBeGreaterThan(soon.sd);
    expect(years.sd).toBeCloseTo(at(15 + 400).sd, 10);
    expect(Number.isFinite(years.high80)).toBe(true);
  });

  it('learns the bias from failure sets and takes it off a report', () => {
    const s = trained();
    // Failure at 12 reps after sets of 8 reported at 1 RIR: true RIR ≈ 3.4, so the member under-reports.
    const q = { exercise: bench, loadKg: 60, reps: 8, targetRir: 2, setIndex: 1, at: day(16) };
    const a = estimateAfter(s, DEFAULT_PREDICTOR, q, 1);
    const before = predictBefore(s, DEFAULT_PREDICTOR, q);
    expect(a.biasReps).toBeLessThan(-1.5);
    expect(a.reportWeight).toBeGreaterThan(0.2);
    // The report enters corrected: what it says, minus the bias (not its face value 1).
    const reportPart = (a.rir - (1 - a.reportWeight) * before.rir) / a.reportWeight;
    expect(reportPart).toBeCloseTo(1 - a.biasReps, 6);
  });

  it('says where a prediction comes from: the target for a new member, the member\'s data once it disagrees with the target', () => {
    const fresh = predictBefore(createPredictorState(7), DEFAULT_PREDICTOR, { exercise: bench, loadKg: 60, reps: 8, targetRir: 2, setIndex: 1, at: day(0) });
    expect(fresh.source).toBe('target');
    expect(fresh.rir).toBeGreaterThanOrEqual(2); // the target, pulled towards target − the population bias
    expect(fresh.rir).toBeLessThan(2 - DEFAULT_PREDICTOR.biasMean);
    const later = predictBefore(trained(), DEFAULT_PREDICTOR, { exercise: bench, loadKg: 60, reps: 8, targetRir: 2, setIndex: 1, at: day(16) });
    expect(later.source).not.toBe('target');
    expect(later.rir).toBeGreaterThan(2.5);
  });

  it('does not read an imported history without targets as offsets from a target', () => {
    let s = createPredictorState(3);
    for (let i = 0; i < 6; i++) {
      s = observe(s, DEFAULT_PREDICTOR, bench, { memberId: 3, exerciseId: bench.id, performedAt: day(i * 2), loadKg: 50, reps: 8, reportedRir: 4, toFailure: false, setIndex: 1 },
        { targetRir: null, prescribedReps: 8 });
    }
    const q = { exercise: bench, loadKg: 50, reps: 8, setIndex: 1, at: day(14) };
    const withTarget = predictBefore(s, DEFAULT_PREDICTOR, { ...q, targetRir: 1 });
    const without = predictBefore(s, DEFAULT_PREDICTOR, { ...q, targetRir: null });
    // Reports of 4 with no target: the level of their reports (≈ 4 − bias) …
    expect(without.candidates['stopping-habit']!).toBeGreaterThan(4);
    // … but not "4 above whatever target comes next".
    expect(withTarget.candidates['stopping-habit']).toBeCloseTo(1 + DEFAULT_PREDICTOR.offsetMean - DEFAULT_PREDICTOR.biasMean, 6);
  });

  it('names the field of bad input', () => {
    expect(() => predictBefore(createPredictorState(1), DEFAULT_PREDICTOR, { exercise: bench, loadKg: 0, reps: 8, targetRir: 2, setIndex: 1, at: day(0) }))
      .toThrow(RirInputError);
    expect(() => predictBefore(createPredictorState(1), DEFAULT_PREDICTOR, { exercise: bench, loadKg: 50, reps: 8, targetRir: 2, setIndex: 1, at: 'soon' }))
      .toThrow(/query\.at/);
  });
});

describe('sim2', () => {
  it('is deterministic and has a skewed bias (long tail of under-reporting)', () => {
    const a = simulateCohort2({ seed: 9, members: 200, weeks: 2, exercises: ex(SIM2_EXERCISE_IDS), start: START });
    const b = simulateCohort2({ seed: 9, members: 200, weeks: 2, exercises: ex(SIM2_EXERCISE_IDS), start: START });
    expect(b.members[3]!.sets).toEqual(a.members[3]!.sets);
    const biases = a.members.map((m) => m.parameters.reportBias).sort((x, y) => x - y);
    const mean = biases.reduce((s, x) => s + x, 0) / biases.length;
    expect(mean).toBeLessThan(biases[100]! - 0.1); // mean below the median: skewed to under-reporting
    expect(a.members.some((m) => m.parameters.stopping === 'count')).toBe(true);
    expect(a.members.some((m) => m.parameters.stopping === 'feel')).toBe(true);
  });
});

describe('shipped parameters', () => {
  it('are the fit on the bench\'s sim1 cohort (seed 20251401, 150 members × 6 weeks)', () => {
    const sim1 = fromSim1(simulateCohort({ seed: 20_251_401, members: 150, weeks: 6, exercises: ex(DEFAULT_SIM_EXERCISE_IDS), start: START }));
    const p = fitPredictor(sim1, BUILTIN_EXERCISES);
    expect(p.trainingSets).toBe(SHIPPED_PREDICTOR.trainingSets);
    for (const k of ['biasMean', 'biasSd', 'biasSampleSd', 'reportSd', 'offsetMean', 'repLossPerSet', 'blendPriorMse', 'priorCount', 'weightPower'] as const) {
      expect(p[k], k).toBeCloseTo(SHIPPED_PREDICTOR[k], 3);
    }
    expect(p.intervalScale.known).toBeCloseTo(SHIPPED_PREDICTOR.intervalScale.known, 3);
    expect(p.priorMse.target).toBeCloseTo(SHIPPED_PREDICTOR.priorMse.target, 3);
  });
});
