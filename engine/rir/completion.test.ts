import { describe, expect, it } from 'vitest';
import { completionProbability, normalCdf } from './completion';

describe('completionProbability', () => {
  it('is the normal mass of the band [repMin + target − 1 − ½, repMax + target + 1 + ½]', () => {
    // 5 reps at RIR 2 ± 1: RTF 6–8, so the band is 7 ± 1.5, ±1.5 sd at sd 1.
    expect(completionProbability({ repsToFailure: 7, sd: 1 }, 5, 5, 2)).toBeCloseTo(normalCdf(1.5) - normalCdf(-1.5), 9);
    // 6–10 reps at RIR 2 ± 1: RTF 7–13.
    expect(completionProbability({ repsToFailure: 10, sd: 2 }, 6, 10, 2)).toBeCloseTo(normalCdf(3.5 / 2) - normalCdf(-3.5 / 2), 9);
    expect(normalCdf(1.5) - normalCdf(-1.5)).toBeCloseTo(0.8664, 4);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2816)).toBeCloseTo(0.9, 4);
  });
  it('falls as the model grows unsure and as its mean moves off the target', () => {
    const sure = completionProbability({ repsToFailure: 7, sd: 0.8 }, 5, 5, 2);
    const unsure = completionProbability({ repsToFailure: 7, sd: 4 }, 5, 5, 2);
    const off = completionProbability({ repsToFailure: 11, sd: 0.8 }, 5, 5, 2);
    expect(sure).toBeGreaterThan(0.9);
    expect(unsure).toBeLessThan(0.35);
    expect(off).toBeLessThan(0.01);
  });
  it('counts failing before the reps as a miss (target RIR 0 keeps only RIR 0–1)', () => {
    const p = completionProbability({ repsToFailure: 5, sd: 1 }, 5, 5, 0);
    expect(p).toBeCloseTo(normalCdf(1.5) - normalCdf(-0.5), 9);
  });
  it('rejects bad input naming the field', () => {
    expect(() => completionProbability({ repsToFailure: 7, sd: 0 }, 5, 5, 2)).toThrow(/sd/);
    expect(() => completionProbability({ repsToFailure: 7, sd: 1 }, 0, 5, 2)).toThrow(/repMin/);
    expect(() => completionProbability({ repsToFailure: 7, sd: 1 }, 6, 5, 2)).toThrow(/repMax/);
    expect(() => completionProbability({ repsToFailure: 7, sd: 1 }, 5, 5, -1)).toThrow(/targetRir/);
  });
});
