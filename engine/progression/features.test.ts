import { describe, expect, it } from 'vitest';
import { progressionFeatures } from './features';
import { checkIn, session, sets } from './testkit';

const now = '2024-03-20T12:00:00Z';

describe('progressionFeatures', () => {
  it('knows nothing without sessions or check-ins', () => {
    expect(progressionFeatures([], [], now)).toEqual({
      sessions: 0, e1rmKg: null, e1rmTrendPctPerWeek: null, volumeTrendPctPerWeek: null, rirTrendPerSession: null,
      lastRir: null, completionRate: null, daysSinceLast: null, recovery: null, last: null,
    });
  });

  it('Squat 3×5 climbing 2.5 kg a week: e1RM trend is the least squares slope over the mean', () => {
    // days 1, 8, 15 at 100, 102.5, 105 kg × 5 @ RIR 1 → e1RM = w × 1.2
    const h = [session(15, sets(3, 105, 5, { rir: 1 })), session(1, sets(3, 100, 5, { rir: 1 })), session(8, sets(3, 102.5, 5, { rir: 1 }))];
    const f = progressionFeatures(h, [], now);
    expect(f.sessions).toBe(3);
    expect(f.e1rmKg).toBeCloseTo(126, 6);
    expect(f.e1rmTrendPctPerWeek).toBeCloseTo((3 * 100) / 123, 6); // 3 kg/week over mean 123 kg
    expect(f.volumeTrendPctPerWeek).toBeCloseTo((37.5 * 100) / 1537.5, 6);
    expect(f.rirTrendPerSession).toBe(0);
    expect(f.daysSinceLast).toBe(5);
  });

  it('uses only the last 6 sessions and ignores sessions after now', () => {
    const h = Array.from({ length: 9 }, (_, i) => session(i + 1, sets(1, 100, 5, { targetReps: 5 })));
    h.push(session(25, sets(1, 200, 5)));
    const f = progressionFeatures(h, [], now);
    expect(f.sessions).toBe(6);
    expect(f.last?.performedAt).toBe('2024-03-09T10:00:00Z');
  });

  it('converts RPE to RIR (RIR = 10 − RPE) and follows the RIR trend', () => {
    const h = [session(1, sets(2, 80, 8, { rpe: 7 })), session(3, sets(2, 80, 8, { rpe: 8 })), session(5, sets(2, 80, 8, { rir: 1 }))];
    const f = progressionFeatures(h, [], now);
    expect(f.lastRir).toBe(1);
    expect(f.rirTrendPerSession).toBeCloseTo(-1, 9); // 3 → 2 → 1
  });

  it('counts sets that met targetReps', () => {
    const f = progressionFeatures([session(10, sets(3, 100, [5, 5, 3], { targetReps: 5 }))], [], now);
    expect(f.completionRate).toBeCloseTo(2 / 3, 9);
    expect(f.last?.fadedLate).toBe(true);
  });

  it('without targetReps the previous session’s reps are the target, unless the load went up', () => {
    const h = [session(1, sets(3, 100, 5)), session(3, sets(3, 100, [5, 5, 4])), session(5, sets(3, 102.5, 3))];
    const f = progressionFeatures(h, [], now);
    // session 1: no previous → no target; session 3: 2 of 3 met; session 5: heavier → no target
    expect(f.completionRate).toBeCloseTo(2 / 3, 9);
  });

  it('takes the newest check-in of the last 2 days as recovery', () => {
    const f = progressionFeatures([], [checkIn(19, { fatigue: 6 }), checkIn(20, { fatigue: 9 }), checkIn(21, { fatigue: 1 })], now);
    expect(f.recovery?.fatigue).toBe(9);
    expect(progressionFeatures([], [checkIn(17)], now).recovery).toBeNull();
  });

  it('names the field of an out-of-range check-in and an unparseable now', () => {
    expect(() => progressionFeatures([], [checkIn(20, { energy: 11 })], now)).toThrow('checkIns[0].energy');
    expect(() => progressionFeatures([], [], 'soon')).toThrow(RangeError);
  });

  it('keeps e1RM inputs capped: a 15-rep set gives no e1RM', () => {
    const f = progressionFeatures([session(1, sets(1, 60, 15))], [], now);
    expect(f.e1rmKg).toBeNull();
    expect(f.last?.volumeKg).toBe(900);
  });
});
