import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { Exercise } from '../types';
import { evaluateCohort, latestSessionE1rm, nscaRepsAt } from './evaluate';
import { rirModel } from './model';
import { DEFAULT_POPULATION } from './population';
import { DEFAULT_SIM_EXERCISE_IDS, simulateCohort } from './simulate';
import type { MemberRirState, RirModelApi, RirSet } from './types';

const EXERCISES: Exercise[] = DEFAULT_SIM_EXERCISE_IDS.map((id) => BUILTIN_EXERCISES.find((x) => x.id === id) as Exercise);
const tiny = simulateCohort({ seed: 5, members: 12, weeks: 5, exercises: EXERCISES, start: '2025-01-06T00:00:00Z' });

/** A stub model: RTF is always 10; its state counts the sets and remembers the newest time seen. */
const constantModel: RirModelApi = {
  createMemberState: (memberId) => ({ memberId, populationVersion: 'stub', data: null, sets: 0, updatedAt: null }),
  updateWithSet: (state, _p, _e, _l, set): MemberRirState => ({ ...state, sets: state.sets + 1, updatedAt: set.performedAt }),
  predictReps: (state, _p, _e, _l, query) => {
    if (state.updatedAt !== null && query.at !== undefined && state.updatedAt >= query.at) throw new Error('prediction saw its own future');
    return { repsToFailure: 10, sd: 1, low80: 9, high80: 11, source: 'member', memberSets: state.sets };
  },
  rirAfter: (p, reps) => ({ rir: p.repsToFailure - reps, low80: p.low80 - reps, high80: p.high80 - reps }),
  loadForTarget: () => null,
  describeBias: () => ({ meanReps: 0, sd: 1, sentence: '' }),
};

describe('nscaRepsAt', () => {
  it('reads the NSCA table (domain.md) and interpolates between its rows', () => {
    expect(nscaRepsAt(100)).toBe(1);
    expect(nscaRepsAt(80)).toBe(8);
    expect(nscaRepsAt(65)).toBe(15);
    expect(nscaRepsAt(81.5)).toBeCloseTo(7.5, 6);
    expect(nscaRepsAt(60)).toBeCloseTo(19, 6);
    for (let p = 50; p < 100; p += 0.5) expect(nscaRepsAt(p)).toBeGreaterThanOrEqual(nscaRepsAt(p + 0.5));
  });
});

describe('latestSessionE1rm', () => {
  const set = (day: string, loadKg: number, reps: number, reportedRir: number | null, toFailure = false): RirSet => ({
    memberId: 1, exerciseId: 'barbell-bench-press', performedAt: `${day}T18:00:00Z`, loadKg, reps, reportedRir, toFailure, setIndex: 1,
  });
  it('uses the latest session, prefers sets of ≤ 10 reps at RIR ≤ 3, and counts failure as RIR 0', () => {
    const sets = [set('2025-01-01', 100, 5, 0), set('2025-01-03', 60, 8, 2), set('2025-01-03', 50, 20, null, true)];
    expect(latestSessionE1rm(sets, 'barbell-bench-press')).toBeCloseTo(60 * (1 + 10 / 30), 6);
    expect(latestSessionE1rm([set('2025-01-03', 50, 20, null, true)], 'barbell-bench-press')).toBeCloseTo(50 * (1 + 20 / 30), 6);
    expect(latestSessionE1rm(sets, 'barbell-curl')).toBeNull();
  });
});

describe('evaluateCohort (SIMULATED cohort)', () => {
  it('returns finite figures for every method with the real model, labelled simulated', () => {
    const ev = evaluateCohort({ cohort: tiny, library: BUILTIN_EXERCISES, model: rirModel, population: DEFAULT_POPULATION });
    expect(ev.simulated).toBe(true);
    expect(ev.heldOutSets).toBeGreaterThan(100);
    for (const m of ev.methods) {
      expect(m.sets, m.key).toBeGreaterThan(50);
      expect(Number.isFinite(m.maeReps), m.key).toBe(true);
    }
    expect(ev.coverage80).toBeGreaterThanOrEqual(0);
    expect(ev.coverage80).toBeLessThanOrEqual(1);
    expect(ev.calibration.reduce((s, r) => s + r.sets, 0)).toBe(ev.heldOutSets);
    const mae = (key: string): number => ev.methods.find((m) => m.key === key)?.maeReps ?? Number.NaN;
    // Knowing the true curve beats the population table; only readiness and set noise remain.
    expect(mae('oracle')).toBeLessThan(mae('population'));
    expect(mae('oracle')).toBeGreaterThan(0.3);
  });

  it('scores the self-report baseline at about the simulated report error (bias −0.95, noise ≈ 1)', () => {
    const ev = evaluateCohort({ cohort: simulateCohort({ seed: 8, members: 60, weeks: 5, exercises: EXERCISES, start: '2025-01-06T00:00:00Z' }), library: BUILTIN_EXERCISES, model: constantModel, population: DEFAULT_POPULATION });
    const b = ev.methods.find((m) => m.key === 'selfReport');
    // E|N(−0.95, √(1² + 1²))| ≈ 1.37 reps; rounding and clipping at 0 move it a little.
    expect(b?.maeReps).toBeGreaterThan(1.1);
    expect(b?.maeReps).toBeLessThan(1.65);
    expect(b?.meanErrorReps).toBeGreaterThan(-1.25);
    expect(b?.meanErrorReps).toBeLessThan(-0.65);
  });

  it('predicts held-out sets only from earlier weeks and scores them by hand-checkable MAE', () => {
    const ev = evaluateCohort({ cohort: tiny, library: BUILTIN_EXERCISES, model: constantModel, population: DEFAULT_POPULATION });
    const errors: number[] = [];
    for (const m of tiny.members) {
      m.sets.forEach((s, i) => {
        const t = m.truth[i];
        if (t !== undefined && t.week === 2 && !s.toFailure) errors.push(Math.abs(10 - s.reps - t.rir));
      });
    }
    const week1 = ev.methods.find((x) => x.key === 'week1');
    expect(week1?.sets).toBe(errors.length);
    expect(week1?.maeReps).toBeCloseTo(errors.reduce((s, e) => s + e, 0) / errors.length, 9);
  });

  it('rejects held-out weeks outside the cohort', () => {
    expect(() => evaluateCohort({ cohort: tiny, library: BUILTIN_EXERCISES, model: constantModel, population: DEFAULT_POPULATION, lateWeek: 9 })).toThrow(/lateWeek/);
  });
});
