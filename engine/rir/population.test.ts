import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES as LIB } from '../exercises/library';
import type { Exercise } from '../types';
import { DEFAULT_POPULATION as POP, exerciseFeatures, fitPopulation, populationLnK } from './population';
import { normal, seeded, syntheticSets } from './testkit';
import type { RirSet } from './types';

const ex = (id: string): Exercise => {
  const e = LIB.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return e;
};

describe('exerciseFeatures', () => {
  it('gives indicators and interactions in the order asked', () => {
    expect(exerciseFeatures(ex('machine-leg-press'), ['pattern:squat', 'equipment:barbell', 'pattern:squat&equipment:machine', 'nonsense:x']))
      .toEqual([1, 0, 1, 0]);
  });
});

describe('fitPopulation', () => {
  it('recovers per-exercise lnK and the bias mean from synthetic members (seeded)', () => {
    const rand = seeded(2024);
    const trueK: Record<string, number> = { 'barbell-bench-press': 36, 'barbell-back-squat': 24, 'machine-leg-press': 60, 'machine-lying-leg-curl': 20 };
    const sets: RirSet[] = [];
    for (let m = 1; m <= 60; m++) {
      const lifts = Object.entries(trueK).map(([exerciseId, k]) => ({
        exerciseId, oneRmKg: 60 + 60 * rand(), k: k * Math.exp(0.15 * normal(rand)),
      }));
      sets.push(...syntheticSets({ memberId: m, lifts, bias: -1.5 + 0.5 * normal(rand), sessions: 8, failureEvery: 2, rand }));
    }
    const progress: number[] = [];
    const fit = fitPopulation({ sets, exercises: LIB }, { onProgress: (f) => progress.push(f) });
    for (const [id, k] of Object.entries(trueK)) {
      expect(Math.abs(populationLnK(fit, ex(id)) - Math.log(k))).toBeLessThan(0.1);
    }
    expect(fit.biasMean).toBeGreaterThan(-1.8);
    expect(fit.biasMean).toBeLessThan(-1.2);
    expect(fit.trainingSamples).toBe(sets.length);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Exercises without data stay near the published map (the ridge shrinks towards it).
    expect(Math.abs(populationLnK(fit, ex('barbell-curl')) - populationLnK(POP, ex('barbell-curl')))).toBeLessThan(0.3);
  });
});
