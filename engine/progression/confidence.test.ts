import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendationConfidence } from './confidence';

const c = (interactions: number, acceptanceRate: number | null, familiarTimeOfDay: boolean, energy: number | null) =>
  recommendationConfidence({ interactions, acceptanceRate, familiarTimeOfDay, energy });

describe('recommendationConfidence (specification formula)', () => {
  it('is the base 0.7 for a new member', () => expect(c(0, null, false, null)).toBeCloseTo(0.7, 12));
  it('adds 0.02 per interaction up to 0.2', () => {
    expect(c(5, null, false, null)).toBeCloseTo(0.8, 12);
    expect(c(10, null, false, null)).toBeCloseTo(0.9, 12);
    expect(c(50, null, false, null)).toBeCloseTo(0.9, 12);
  });
  it('adds 0.1 for a familiar time of day and acceptance × 0.2', () => {
    expect(c(0, 0.5, true, null)).toBeCloseTo(0.9, 12);
    expect(c(0, 0, false, null)).toBeCloseTo(0.7, 12);
  });
  it('takes 0.1 off when energy is below 4, not at 4', () => {
    expect(c(0, null, false, 3)).toBeCloseTo(0.6, 12);
    expect(c(0, null, false, 4)).toBeCloseTo(0.7, 12);
  });
  it('clamps at 1.0 (0.7 + 0.2 + 0.1 + 0.2 = 1.2)', () => expect(c(10, 1, true, 9)).toBe(1));
  it('rejects out-of-range input naming the field', () => {
    expect(() => c(-1, null, false, null)).toThrow('history.interactions');
    expect(() => c(0, 1.5, false, null)).toThrow('history.acceptanceRate');
    expect(() => c(0, null, false, 0)).toThrow('energy');
  });
  it('always lies within 0.3–1.0', () => {
    fc.assert(fc.property(
      fc.nat(1000), fc.option(fc.double({ min: 0, max: 1, noNaN: true })), fc.boolean(), fc.option(fc.integer({ min: 1, max: 10 })),
      (i, a, t, e) => {
        const v = c(i, a, t, e);
        expect(v).toBeGreaterThanOrEqual(0.3);
        expect(v).toBeLessThanOrEqual(1);
      },
    ));
  });
});
