import { describe, expect, it } from 'vitest';
import { completionConfidence, confidenceBand, confidenceSentence, withConfidence } from './confidence';
import { prescribed } from './testkit';
import type { RepsPredictor } from './confidence';

const at = (repsToFailure: number, sd: number, memberSets = 0, source: 'member' | 'similar' | 'population' = 'population'): RepsPredictor =>
  () => ({ repsToFailure, sd, memberSets, source });

describe('completionConfidence: P(completes within ±1 RIR of the target)', () => {
  const rx = prescribed(100, 3, 8, 10); // 8–10 reps
  it('is high when the model is sure the target lands, and falls as its uncertainty grows', () => {
    // target RIR 2 ± 1 → reps to failure in [9, 13]; centred at 11
    const sure = completionConfidence(rx, 2, at(11, 0.8, 30, 'member'))!.probability;
    const unsure = completionConfidence(rx, 2, at(11, 6, 0))!.probability;
    expect(sure).toBeGreaterThan(0.95);
    expect(unsure).toBeLessThan(0.4);
    expect(confidenceBand(sure)).toBe('high');
    expect(confidenceBand(unsure)).toBe('low');
  });
  it('is low when the load is too heavy for the range (the member fails before 8 reps)', () => {
    expect(completionConfidence(rx, 2, at(5, 1, 20, 'member'))!.probability).toBeLessThan(0.01);
  });
  it('is null for body weight or without a prediction, and names the basis in the tooltip sentence', () => {
    expect(completionConfidence(prescribed(null), 2, at(11, 1))).toBeNull();
    expect(completionConfidence(rx, 2, () => null)).toBeNull();
    const b = completionConfidence(rx, 2, at(11, 2, 14, 'member'))!;
    expect(confidenceSentence(b)).toMatch(/^\d+ % chance the member completes this within ±1 RIR of the target \(RIR 2\), from 14 of the member's sets/);
    expect(confidenceSentence(null)).toMatch(/No confidence/);
  });
  it('withConfidence recomputes at the final load and target', () => {
    const predict: RepsPredictor = (kg) => ({ repsToFailure: 1100 / kg, sd: 1, memberSets: 8, source: 'member' });
    const rec: Parameters<typeof withConfidence>[0] = { suggested: rx, confidence: 0.99, confidenceBasis: null };
    const heavy = withConfidence({ ...rec, suggested: { ...rx, loadKg: 200 } }, predict, 2); // 5.5 reps to failure
    const right = withConfidence(rec, predict, 2); // 11 reps to failure
    expect(heavy.confidence).toBeLessThan(0.05);
    expect(right.confidence).toBeGreaterThan(0.8);
    expect(right.confidenceBasis?.repsToFailure).toBeCloseTo(11, 9);
  });
  it('bands: warning below 0.5, success from 0.7', () => {
    expect([0.49, 0.5, 0.69, 0.7].map(confidenceBand)).toEqual(['low', 'medium', 'medium', 'high']);
  });
});
