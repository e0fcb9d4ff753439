import { describe, expect, it } from 'vitest';
import { applyRule, withRuleState } from './deload';
import type { RuleSpec } from './deload';
import { progressionFeatures } from './features';
import type { RuleContext } from './rules';
import { dp, lp, rirRule } from './rules';
import { checkIn, session, sets } from './testkit';
import type { CheckIn, ExerciseSession } from './types';

const now = '2024-03-20T12:00:00Z';
function ctx(loadKg: number | null, setsN = 3, repMin = 5, repMax = repMin, extra: { checkIns?: CheckIn[]; sessions?: ExerciseSession[]; weekOfBlock?: number; targetRir?: number } = {}): RuleContext {
  return {
    current: { loadKg, repMin, repMax, sets: setsN, targetRir: extra.targetRir ?? null },
    features: progressionFeatures(extra.sessions ?? [], extra.checkIns ?? [], now),
    weekOfBlock: extra.weekOfBlock ?? null,
  };
}

describe('lp: linear progression with a failure rule', () => {
  it('Squat 3×5 100 kg, all sets done, lp(+2.5 kg) → 102.5 kg', () => {
    const out = lp({ incrementKg: 2.5 }, null, session(18, sets(3, 100, 5)), ctx(100));
    expect(out.next).toEqual({ loadKg: 102.5, repMin: 5, repMax: 5, sets: 3 });
    expect(out.event).toBe('progress');
  });
  it('needs 2 successes when successesNeeded is 2', () => {
    const a = lp({ incrementKg: 2.5, successesNeeded: 2 }, null, session(18, sets(3, 100, 5)), ctx(100));
    expect([a.next.loadKg, a.event, a.state]).toEqual([100, 'hold', { successes: 1, failures: 0 }]);
    const b = lp({ incrementKg: 2.5, successesNeeded: 2 }, a.state, session(19, sets(3, 100, 5)), ctx(100));
    expect([b.next.loadKg, b.event]).toEqual([102.5, 'progress']);
  });
  it('a missed rep holds the load; 3 failures → 90 % (Starting Strength)', () => {
    let state = null as null | { successes: number; failures: number };
    const events: string[] = [];
    let load = 0;
    for (const day of [14, 16, 18]) {
      const out = lp({ incrementKg: 2.5 }, state, session(day, sets(3, 100, [5, 5, 4])), ctx(100));
      state = out.state;
      events.push(out.event);
      load = out.next.loadKg!;
    }
    expect(events).toEqual(['hold', 'hold', 'reset']);
    expect(load).toBeCloseTo(90, 9);
    expect(state).toEqual({ successes: 0, failures: 0 });
  });
  it('a session below the prescribed load is a failure; warm-up sets do not count', () => {
    expect(lp({ incrementKg: 2.5 }, null, session(18, sets(3, 97.5, 5)), ctx(100)).event).toBe('hold');
    const withWarmup = session(18, [...sets(2, 60, 5), ...sets(3, 100, 5)]);
    expect(lp({ incrementKg: 2.5 }, null, withWarmup, ctx(100)).event).toBe('progress');
  });
  it('uses the last top load when the prescription has none', () => {
    expect(lp({ incrementKg: 5 }, null, session(18, sets(3, 80, 5)), ctx(null)).next.loadKg).toBe(85);
  });
  it('rejects a bad parameter naming it', () => {
    expect(() => lp({ incrementKg: -1 }, null, null, ctx(100))).toThrow('lp.incrementKg');
    expect(() => lp({ incrementKg: 1, resetFraction: 2 }, null, null, ctx(100))).toThrow('lp.resetFraction');
  });
});

describe('dp: double progression', () => {
  const p = { incrementKg: 2, repMin: 10, repMax: 15 };
  it('3×10 hit → aim for 11 at the same load', () => {
    const out = dp(p, null, session(18, sets(3, 20, 10)), ctx(20, 3, 10, 15));
    expect(out.next).toEqual({ loadKg: 20, repMin: 11, repMax: 15, sets: 3 });
    expect(out.event).toBe('progress');
  });
  it('15 reps on every set → +2 kg and back to 10', () => {
    const out = dp(p, { targetReps: 15, failures: 0 }, session(18, sets(3, 20, 15)), ctx(20, 3, 15, 15));
    expect(out.next).toEqual({ loadKg: 22, repMin: 10, repMax: 15, sets: 3 });
    expect(out.state).toEqual({ targetReps: 10, failures: 0 });
  });
  it('a set short of the target holds; 3 short sessions reset to 90 % at 10 reps', () => {
    let state = { targetReps: 12, failures: 0 };
    const events: string[] = [];
    for (const day of [14, 16, 18]) {
      const out = dp(p, state, session(day, sets(3, 20, [12, 11, 10])), ctx(20, 3, 12, 15));
      state = out.state;
      events.push(out.event);
      if (day === 18) expect(out.next.loadKg).toBeCloseTo(18, 9);
    }
    expect(events).toEqual(['hold', 'hold', 'reset']);
  });
  it('jumps the target to what was done: 13 on all sets at target 11 → 13', () => {
    expect(dp(p, { targetReps: 11, failures: 0 }, session(18, sets(3, 20, 13)), ctx(20, 3, 11, 15)).next.repMin).toBe(13);
  });
});

describe('rir: autoregulation (Helms et al. 2018)', () => {
  it('3×5 100 kg @ RIR 3, target RIR 1 → the load that leaves 1 RIR at 5 reps', () => {
    const out = rirRule({ targetRir: 1, repMin: 5, repMax: 5 }, null, session(18, sets(3, 100, 5, { rir: 3 })), ctx(100));
    // e1RM = 100 × (1 + 8/30) = 126.67; load = e1RM / (1 + 6/30) = 105.56
    expect(out.next.loadKg).toBeCloseTo(126.6667 / 1.2, 3);
    expect(out.event).toBe('progress');
  });
  it('RPE 10 on the last set (RIR 0) at target RIR 2 → lighter, a reset', () => {
    const out = rirRule({ targetRir: 2, repMin: 5, repMax: 5 }, null, session(18, sets(3, 100, 5, { rpe: 10 })), ctx(100));
    expect(out.next.loadKg).toBeLessThan(100);
    expect(out.event).toBe('reset');
  });
  it('without RIR the set is taken at the target RIR: same reps → hold', () => {
    const out = rirRule({ targetRir: 2, repMin: 5, repMax: 5 }, null, session(18, sets(3, 100, 5)), ctx(100));
    expect(out.next.loadKg).toBeCloseTo(100, 9);
    expect(out.event).toBe('hold');
  });
  it('keeps the last e1RM in its state when a session has no usable set', () => {
    const out = rirRule({ targetRir: 2, repMin: 5, repMax: 5 }, { e1rmKg: 120 }, session(18, sets(3, 100, 20)), ctx(100));
    expect(out.next.loadKg).toBeCloseTo(120 / (1 + 7 / 30), 9);
  });
});

describe('deload triggers', () => {
  const spec: RuleSpec = { kind: 'lp', params: { incrementKg: 2.5 }, deload: { failedSessions: 2, fatigueAtLeast: 8, blockWeeks: 5 } };
  it('fatigue 8 in the check-in → deload at 90 % with half the sets, then back', () => {
    const done = session(18, sets(4, 100, 5));
    const a = applyRule(spec, done, ctx(100, 4, 5, 5, { checkIns: [checkIn(20, { fatigue: 8 })] }));
    expect(a.outcome.event).toBe('deload');
    expect(a.outcome.next).toEqual({ loadKg: 90, repMin: 5, repMax: 5, sets: 2 });
    expect(a.outcome.state.deloadState.deloadedFrom?.loadKg).toBe(102.5);
    const b = applyRule(withRuleState(spec, a.outcome.state), session(19, sets(2, 90, 5)), ctx(90, 2));
    expect(b.outcome.event).toBe('hold');
    expect(b.outcome.next.loadKg).toBe(102.5);
    expect(b.outcome.state.deloadState.deloadedFrom).toBeNull();
  });
  it('the end of the block deloads', () => {
    expect(applyRule(spec, session(18, sets(3, 100, 5)), ctx(100, 3, 5, 5, { weekOfBlock: 5 })).outcome.event).toBe('deload');
    expect(applyRule(spec, session(18, sets(3, 100, 5)), ctx(100, 3, 5, 5, { weekOfBlock: 4 })).outcome.event).toBe('progress');
  });
  it('N failed sessions in a row deload before the lp reset', () => {
    const a = applyRule(spec, session(16, sets(3, 100, 4)), ctx(100));
    expect(a.outcome.event).toBe('hold');
    const b = applyRule(withRuleState(spec, a.outcome.state), session(18, sets(3, 100, 4)), ctx(100));
    expect(b.outcome.event).toBe('deload');
    expect(b.trigger).toBe('2 failed sessions in a row');
  });
  it('no deload params: never deloads', () => {
    const plain: RuleSpec = { kind: 'lp', params: { incrementKg: 2.5 } };
    expect(applyRule(plain, session(18, sets(3, 100, 5)), ctx(100, 3, 5, 5, { checkIns: [checkIn(20, { fatigue: 10 })] })).outcome.event).toBe('progress');
  });
});
