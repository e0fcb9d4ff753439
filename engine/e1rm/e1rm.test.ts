import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SetRecord } from '../types';
import {
  brzycki1rm, e1rmSeries, epley1rm, epleyFraction, estimateE1rm, isUsableForE1rm,
  loadForRepsToFailure, mondayOf, repsToFailure, weeklyVolume,
} from './index';

function set(exerciseId: string, performedAt: string, loadKg: number, reps: number, rir: number | null = null, rpe: number | null = null): SetRecord {
  return { exerciseId, performedAt, loadKg, reps, rir, rpe };
}

describe('formulas', () => {
  it('Epley and Brzycki match their published forms', () => {
    expect(epley1rm(100, 10)).toBeCloseTo(133.333, 3);
    expect(epley1rm(100, 1)).toBeCloseTo(103.333, 3);
    expect(brzycki1rm(100, 10)).toBeCloseTo(133.333, 3);
    expect(brzycki1rm(100, 1)).toBe(100);
    expect(brzycki1rm(100, 5)).toBeCloseTo(112.5, 6);
  });
  it('inverse Epley returns the load', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 400, noNaN: true }), fc.integer({ min: 1, max: 30 }), (w, r) => {
      expect(loadForRepsToFailure(epley1rm(w, r), r)).toBeCloseTo(w, 6);
    }));
    expect(epleyFraction(12)).toBeCloseTo(0.7143, 4);
  });
  it('rejects bad input', () => {
    expect(() => epley1rm(-1, 5)).toThrow(RangeError);
    expect(() => epley1rm(100, 0)).toThrow(RangeError);
    expect(() => brzycki1rm(100, 37)).toThrow(RangeError);
  });
  it('reps to failure adds RIR, from rir or 10 − RPE; unknown RIR counts as failure', () => {
    expect(repsToFailure(set('x', '2024-01-01T10:00:00Z', 80, 8, 2))).toBe(10);
    expect(repsToFailure(set('x', '2024-01-01T10:00:00Z', 80, 8, null, 8.5))).toBe(9.5);
    expect(repsToFailure(set('x', '2024-01-01T10:00:00Z', 80, 8))).toBe(8);
  });
  it('caps inputs at 10 reps and RIR 0–3 (Reynolds et al. 2006)', () => {
    expect(isUsableForE1rm(set('x', 't', 80, 10, 3))).toBe(true);
    expect(isUsableForE1rm(set('x', 't', 80, 11, 0))).toBe(false);
    expect(isUsableForE1rm(set('x', 't', 80, 8, 4))).toBe(false);
    expect(isUsableForE1rm(set('x', 't', 80, 8, null, 6))).toBe(false);
    expect(isUsableForE1rm(set('x', 't', 0, 8))).toBe(false);
    expect(isUsableForE1rm(set('x', 't', 80, 0))).toBe(false);
  });
});

describe('estimateE1rm', () => {
  const now = '2024-03-10T12:00:00Z';
  it('returns null without usable sets', () => {
    expect(estimateE1rm([], 'bench', now)).toBeNull();
    expect(estimateE1rm([set('bench', '2024-03-01T10:00:00Z', 60, 15)], 'bench', now)).toBeNull();
    expect(estimateE1rm([set('squat', '2024-03-01T10:00:00Z', 60, 5)], 'bench', now)).toBeNull();
  });
  it('uses the best set per session and a 3:2:1 recency-weighted mean of the last 3 sessions', () => {
    const h = [
      set('bench', '2024-02-01T10:00:00Z', 100, 5, 0), // old session, ignored (4th newest)
      set('bench', '2024-02-20T10:00:00Z', 75, 9, 3), // 75 × 1.4 = 105
      set('bench', '2024-02-27T10:00:00Z', 75, 10, 2), // 75 × 1.4 = 105
      set('bench', '2024-02-27T10:05:00Z', 60, 10, 2), // weaker set same day
      set('bench', '2024-03-05T10:00:00Z', 80, 9, 3), // 80 × 1.4 = 112
      set('bench', '2024-03-06T10:00:00Z', 40, 20, null), // unusable, but counts as last performed
    ];
    const e = estimateE1rm(h, 'bench', now)!;
    expect(e.sessions).toBe(3);
    expect(e.e1rmKg).toBeCloseTo((3 * 112 + 2 * 105 + 1 * 105) / 6, 6);
    expect(e.lowKg).toBeCloseTo(e.e1rmKg * 0.9, 6);
    expect(e.highKg).toBeCloseTo(e.e1rmKg * 1.1, 6);
    expect(e.lastPerformedAt).toBe('2024-03-06T10:00:00Z');
    expect(e.daysSinceLast).toBe(4);
  });
  it('ignores sets after now and input order', () => {
    const h = [
      set('bench', '2024-03-01T10:00:00Z', 80, 5, 1),
      set('bench', '2024-04-01T10:00:00Z', 200, 5, 1),
    ];
    const a = estimateE1rm(h, 'bench', now)!;
    const b = estimateE1rm([...h].reverse(), 'bench', now)!;
    expect(a).toEqual(b);
    expect(a.sessions).toBe(1);
    expect(a.e1rmKg).toBeCloseTo(80 * (1 + 6 / 30), 6);
  });
  it('throws on an unparseable now', () => {
    expect(() => estimateE1rm([], 'bench', 'yesterday')).toThrow(RangeError);
  });
});

describe('e1rmSeries and weeklyVolume', () => {
  const h = [
    set('bench', '2024-03-04T10:00:00Z', 80, 5, 1), // Monday
    set('bench', '2024-03-04T10:10:00Z', 85, 3, 1),
    set('squat', '2024-03-06T10:00:00Z', 100, 5, 2),
    set('bench', '2024-03-10T23:00:00Z', 70, 8), // Sunday, same week
    set('pushup', '2024-03-11T10:00:00Z', 0, 20), // next Monday, body weight
  ];
  it('gives one point per session, best set, ascending', () => {
    expect(e1rmSeries([...h].reverse(), 'bench')).toEqual([
      { date: '2024-03-04', e1rmKg: 96.3 }, // max(80 × 1.2 = 96, 85 × 1.1333 = 96.33)
      { date: '2024-03-10', e1rmKg: 88.7 }, // 70 × (1 + 8/30), RIR unknown → failure
    ]);
  });
  it('sums sets and tonnage per Monday-started week', () => {
    expect(mondayOf(Date.parse('2024-03-10T23:00:00Z'))).toBe('2024-03-04');
    expect(weeklyVolume(h)).toEqual([
      { weekStart: '2024-03-04', sets: 4, tonnageKg: 400 + 255 + 500 + 560 },
      { weekStart: '2024-03-11', sets: 1, tonnageKg: 0 },
    ]);
  });
});
