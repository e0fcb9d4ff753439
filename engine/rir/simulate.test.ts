import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { Exercise } from '../types';
import { isLoadable } from '../units/loadable';
import {
  DEFAULT_SIM_EXERCISE_IDS, SIM_PARAMETERS, oneRmAt, reportNoiseSd, simulateCohort, simulatedRepsAt80, targetRirForWeek,
} from './simulate';
import type { SimulatedCohort } from './simulate';

const EXERCISES: Exercise[] = DEFAULT_SIM_EXERCISE_IDS.map((id) => {
  const e = BUILTIN_EXERCISES.find((x) => x.id === id);
  if (e === undefined) throw new Error(id);
  return e;
});
const START = '2025-01-06T00:00:00Z';
const cohort = (seed: number, members = 20, weeks = 6): SimulatedCohort => simulateCohort({ seed, members, weeks, exercises: EXERCISES, start: START });
const big = cohort(11, 400, 6);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};

describe('simulateCohort (SIMULATED data)', () => {
  it('is deterministic: the same seed gives the same cohort, another seed another', () => {
    expect(cohort(3)).toEqual(cohort(3));
    expect(cohort(4).members[0]?.sets).not.toEqual(cohort(3).members[0]?.sets);
  });

  it('labels everything simulated and keeps the truth out of the logged sets', () => {
    expect(big.simulated).toBe(true);
    expect(big.members.every((m) => m.simulated)).toBe(true);
    const keys = ['exerciseId', 'loadKg', 'memberId', 'performedAt', 'reportedRir', 'reps', 'setIndex', 'toFailure'];
    for (const set of big.members[0]?.sets ?? []) expect(Object.keys(set).sort()).toEqual(keys);
    for (const m of big.members.slice(0, 20)) expect(m.truth).toHaveLength(m.sets.length);
  });

  it('gives each exercise Hoeger-like mean reps at 80 % 1RM (leg curl 7 … leg press 19)', () => {
    const expected: Record<string, number> = {
      'machine-leg-press': 19, 'barbell-bench-press': 12, 'cable-lat-pulldown': 12, 'machine-leg-extension': 11.5,
      'barbell-curl': 11.5, 'machine-lying-leg-curl': 7, 'barbell-back-squat': 8,
    };
    for (const [id, reps] of Object.entries(expected)) {
      const at80 = big.members.map((m) => (m.parameters.exercises[id]?.k ?? Number.NaN) / 4);
      expect(Math.abs(mean(at80) - reps) / reps, id).toBeLessThan(0.08);
      expect(sd(at80) / mean(at80), id).toBeGreaterThan(0.15);
    }
    const ex = (id: string): Exercise => EXERCISES.find((e) => e.id === id) as Exercise;
    expect(simulatedRepsAt80(ex('machine-lying-leg-curl'))).toBeLessThan(simulatedRepsAt80(ex('barbell-bench-press')));
    expect(simulatedRepsAt80(ex('barbell-bench-press'))).toBeLessThan(simulatedRepsAt80(ex('machine-leg-press')));
  });

  it('draws a per-person report bias near −0.95 reps (Halperin 2022) with sd ≈ 1', () => {
    const bias = big.members.map((m) => m.parameters.reportBias);
    expect(mean(bias)).toBeGreaterThan(-1.1);
    expect(mean(bias)).toBeLessThan(-0.8);
    expect(sd(bias)).toBeGreaterThan(0.85);
    expect(sd(bias)).toBeLessThan(1.15);
  });

  it('reports RIR with ≈ 1 rep of noise around true RIR + bias, larger above RIR 3', () => {
    const errors: number[] = [];
    const near: number[] = [];
    const far: number[] = [];
    for (const m of big.members) {
      m.sets.forEach((s, i) => {
        const t = m.truth[i];
        if (t === undefined || s.reportedRir === null || t.week < 2 || t.rir > 6) return;
        const err = s.reportedRir - t.rir;
        errors.push(err);
        const noise = Math.abs(err - m.parameters.reportBias);
        if (t.rir >= 1 && t.rir <= 2) near.push(noise);
        if (t.rir >= 4) far.push(noise);
      });
    }
    expect(mean(errors)).toBeGreaterThan(-1.2);
    expect(mean(errors)).toBeLessThan(-0.7);
    const residual = big.members.flatMap((m) => m.sets.flatMap((s, i) => {
      const t = m.truth[i];
      return t !== undefined && s.reportedRir !== null && t.week >= 2 && t.rir >= 1 && t.rir <= 4 ? [s.reportedRir - t.rir - m.parameters.reportBias] : [];
    }));
    expect(sd(residual)).toBeGreaterThan(0.8);
    expect(sd(residual)).toBeLessThan(1.3);
    expect(mean(far)).toBeGreaterThan(mean(near));
    expect(reportNoiseSd(1)).toBeLessThan(reportNoiseSd(4));
  });

  it('logs failure sets with true RIR 0, calibrates every exercise in week 1, and about failureShare later', () => {
    const later: boolean[] = [];
    for (const m of big.members.slice(0, 100)) {
      const week1Failures = new Set<string>();
      m.sets.forEach((s, i) => {
        const t = m.truth[i];
        if (t === undefined) return;
        expect(t.rir).toBeGreaterThanOrEqual(0);
        expect(s.reps).toBe(t.repsToFailure - t.rir);
        if (s.toFailure) {
          expect(t.rir).toBe(0);
          expect(s.reportedRir).toBeNull();
          if (t.week === 1) week1Failures.add(s.exerciseId);
        }
        if (t.week >= 2) later.push(s.toFailure);
      });
      expect(week1Failures.size).toBe(EXERCISES.length);
    }
    const share = later.filter(Boolean).length / later.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.3);
  });

  it('prescribes loadable loads, 3–4 sets, reps within the range + 5, RIR 3 → 1 over the block', () => {
    for (const m of big.members.slice(0, 50)) {
      for (const s of m.sets) {
        const e = EXERCISES.find((x) => x.id === s.exerciseId) as Exercise;
        expect(isLoadable(s.loadKg, e.equipment, 'kg')).toBe(true);
        expect(s.setIndex).toBeLessThanOrEqual(4);
        expect(s.reps).toBeGreaterThanOrEqual(1);
        expect(s.reps).toBeLessThanOrEqual(s.toFailure ? 200 : 17);
      }
    }
    expect([1, 2, 3, 4, 5, 6].map((w) => targetRirForWeek(w, 6))).toEqual([3, 3, 2, 2, 1, 1]);
    const week5 = big.members.flatMap((m) => m.truth.filter((t) => t.week === 5).map((t) => t.rir));
    expect(mean(week5)).toBeGreaterThan(1);
    expect(mean(week5)).toBeLessThan(3.5);
  });

  it('gains strength 0.5–1.5 %/week with diminishing returns', () => {
    const g = SIM_PARAMETERS.weeklyGain;
    const weekly = [1, 2, 6, 12].map((w) => oneRmAt(100, 0.01, w) - oneRmAt(100, 0.01, w - 1));
    expect(weekly[0]).toBeGreaterThan(weekly[3] ?? 0);
    expect(oneRmAt(100, g[0], 1)).toBeGreaterThan(100.4);
    expect(oneRmAt(100, g[1], 1)).toBeLessThan(101.6);
    const gains = big.members.map((m) => m.parameters.weeklyGain);
    expect(Math.min(...gains)).toBeGreaterThanOrEqual(g[0]);
    expect(Math.max(...gains)).toBeLessThanOrEqual(g[1]);
  });

  it('rejects an empty exercise list and a bad start', () => {
    expect(() => simulateCohort({ seed: 1, members: 1, weeks: 1, exercises: [], start: START })).toThrow(/exercises/);
    expect(() => simulateCohort({ seed: 1, members: 1, weeks: 1, exercises: EXERCISES, start: 'soon' })).toThrow(/start/);
  });
});
