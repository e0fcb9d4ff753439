import { describe, expect, it } from 'vitest';
import { DEFAULT_ZONE_BANDS, heartLimits, karvonenTarget, reserveFraction, validateZoneBands, zoneOfFraction, zoneRanges } from './zones';

describe('zones by heart-rate reserve (Karvonen)', () => {
  it('works the textbook example: rest 60, age 40 → Tanaka max 180, 70 % → 144 bpm', () => {
    const limits = heartLimits({ restingBpm: 60, observedMaxBpm: null, ageYears: 40 })!;
    expect(limits).toEqual({ restBpm: 60, restSource: 'member', maxBpm: 180, maxSource: 'tanaka' });
    expect(karvonenTarget(limits, 0.7)).toBeCloseTo(144, 10);
    expect(reserveFraction(limits, 144)).toBeCloseTo(0.7, 10);
  });

  it('prefers the observed maximum over Tanaka', () => {
    const limits = heartLimits({ restingBpm: 50, observedMaxBpm: 200, ageYears: 40 })!;
    expect(limits.maxBpm).toBe(200);
    expect(limits.maxSource).toBe('observed');
    // 50 + 0.8 × 150 = 170
    expect(karvonenTarget(limits, 0.8)).toBe(170);
  });

  it('assumes 60 bpm at rest when none is known, and gives no zones without max or age', () => {
    expect(heartLimits({ restingBpm: null, observedMaxBpm: null, ageYears: 30 })).toMatchObject({ restBpm: 60, restSource: 'default', maxBpm: 187 });
    expect(heartLimits({ restingBpm: 60, observedMaxBpm: null, ageYears: null })).toBeNull();
    expect(heartLimits({ restingBpm: 190, observedMaxBpm: 180, ageYears: null })).toBeNull();
  });

  it('puts a heart rate in the zone whose lower bound it reaches (Myzone bands)', () => {
    expect(zoneOfFraction(0.49)).toBe(0);
    expect(zoneOfFraction(0.5)).toBe(1);
    expect(zoneOfFraction(0.75)).toBe(3);
    expect(zoneOfFraction(0.9)).toBe(5);
    expect(zoneOfFraction(1.1)).toBe(5);
    expect(zoneOfFraction(0.65, [0.6, 0.8])).toBe(1);
  });

  it('lists the bpm range of each zone for rest 60 / max 180', () => {
    const ranges = zoneRanges({ restBpm: 60, restSource: 'member', maxBpm: 180, maxSource: 'tanaka' }, DEFAULT_ZONE_BANDS);
    expect(ranges).toEqual([
      { zone: 1, fromBpm: 120, toBpm: 132 }, { zone: 2, fromBpm: 132, toBpm: 144 }, { zone: 3, fromBpm: 144, toBpm: 156 },
      { zone: 4, fromBpm: 156, toBpm: 168 }, { zone: 5, fromBpm: 168, toBpm: 180 },
    ]);
  });

  it('refuses bands that are not increasing fractions', () => {
    expect(() => validateZoneBands([0.5, 0.6, 0.7])).not.toThrow();
    expect(() => validateZoneBands([])).toThrow(/1–8/);
    expect(() => validateZoneBands([0.5, 0.5])).toThrow(/bands\[1\]: must be above/);
    expect(() => validateZoneBands([0.5, 1.2])).toThrow(/bands\[1\]/);
    expect(() => validateZoneBands([0, 0.5])).toThrow(/bands\[0\]/);
  });
});
