import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG_FORECAST, MEET_FORECAST, Z80, detrainingCut, fitForecastSpread, forecastE1rm, forecastLnSd } from './index';
import type { E1rmObservation } from './index';

/** Sessions every 3 days from 2023-01-02, e1RM rising 0.5 kg a session from 100 kg. */
function rising(n: number, stepKg = 0.5): E1rmObservation[] {
  return Array.from({ length: n }, (_, i) => ({ date: new Date(Date.UTC(2023, 0, 2 + 3 * i)).toISOString(), e1rmKg: 100 + stepKg * i }));
}
const daysAfter = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

describe('forecastE1rm', () => {
  it('follows a steady gain a few days ahead', () => {
    const h = rising(12);
    const f = forecastE1rm(h, daysAfter(h[11]!.date, 3))!;
    expect(f.layoff).toBe(false);
    expect(f.gainPerDay).toBeGreaterThan(0);
    expect(f.meanKg).toBeGreaterThan(104.5); // the last is 105.5; the 3 : 2 : 1 level alone gives ≈ 105.2 at its own day
    expect(f.meanKg).toBeLessThan(107.5);
    expect(f.lowKg).toBeLessThan(f.meanKg);
    expect(f.highKg).toBeGreaterThan(f.meanKg);
  });
  it('adds no gain after a layoff and applies the planner detraining cut instead', () => {
    const h = rising(12, 2); // a fast gainer
    const last = h[11]!;
    const f = forecastE1rm(h, daysAfter(last.date, 1000))!;
    expect(f.layoff).toBe(true);
    expect(f.gainPerDay).toBe(0);
    expect(f.meanKg).toBeLessThan(last.e1rmKg * (1 - detrainingCut(1000)) + 1e-9);
    expect(detrainingCut(1000)).toBe(0.2);
  });
  it('stays bounded and finite however far ahead, with a saturating interval', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 1, max: 40_000 }), (n, step, days) => {
      const h = rising(n, step).filter((p) => p.e1rmKg > 0);
      if (h.length === 0) return;
      for (const p of [LOG_FORECAST, MEET_FORECAST]) {
        const f = forecastE1rm(h, daysAfter(h[h.length - 1]!.date, days), p)!;
        const top = Math.max(...h.map((x) => x.e1rmKg));
        expect(Number.isFinite(f.meanKg)).toBe(true);
        expect(f.meanKg).toBeLessThan(top * Math.exp(p.maxGainPerDay * p.trendHorizonDays) + 1e-9);
        expect(f.lnSd).toBeLessThanOrEqual(forecastLnSd(p, p.spreadSaturationDays) + 1e-12);
      }
    }), { seed: 14, numRuns: 200 });
    const h = rising(10);
    const far = forecastE1rm(h, '2100-01-01T00:00:00Z')!;
    const farther = forecastE1rm(h, '2400-01-01T00:00:00Z')!;
    expect(farther.highKg).toBeCloseTo(far.highKg, 9);
  });
  it('ignores points after the date and answers null without any', () => {
    const h = rising(10);
    expect(forecastE1rm(h, '2022-01-01')).toBeNull();
    const mid = forecastE1rm(h, daysAfter(h[4]!.date, 1))!;
    expect(mid.points).toBe(5);
  });
  it('moves a meet forecast toward the best shown after a bad day', () => {
    const meets = [{ date: '2020-01-01', e1rmKg: 200 }, { date: '2020-07-01', e1rmKg: 180 }];
    const f = forecastE1rm(meets, '2021-01-01', { ...MEET_FORECAST, priorGainPerDay: 0 })!;
    expect(f.meanKg).toBeCloseTo(180 * Math.exp(MEET_FORECAST.bestBlend * Math.log(200 / 180)), 6);
  });
  it('rejects bad input', () => {
    expect(() => forecastE1rm(rising(2), 'soon')).toThrow(RangeError);
    expect(() => forecastE1rm([{ date: '2020-01-01', e1rmKg: 0 }], '2021-01-01')).toThrow(RangeError);
  });
});

describe('fitForecastSpread', () => {
  it('covers 80 % of the residuals it was fitted on, growing with the days ahead', () => {
    // Deterministic residuals: variance 0.001 + 0.0001·days, z on a fixed grid of distinct |z|.
    const zs = [-1.64, -1.15, -0.84, -0.52, -0.15, 0.05, 0.25, 0.6, 1.0, 1.4];
    const res = [1, 10, 30, 60].flatMap((days) => zs.map((z) => ({ days, lnError: z * Math.sqrt(0.001 + 0.0001 * days) })));
    const p = fitForecastSpread(res, LOG_FORECAST);
    const inside = res.filter((r) => Math.abs(r.lnError) <= Z80 * forecastLnSd(p, r.days) + 1e-12).length / res.length;
    expect(inside).toBeGreaterThanOrEqual(0.8);
    expect(inside).toBeLessThanOrEqual(0.85);
    expect(forecastLnSd(p, 60)).toBeGreaterThan(forecastLnSd(p, 1));
    expect(() => fitForecastSpread([], LOG_FORECAST)).toThrow(RangeError);
  });
});
