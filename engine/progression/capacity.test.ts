import { describe, expect, it } from 'vitest';
import { capacityZone, demonstratedE1rm, e1rmLeaving, emptyTally, impliedRir, plusWhenMade, repeatLast, tally, topSet, zoneShares } from './capacity';
import { rirRule } from './rules';
import { progressionFeatures } from './features';
import { session, sets } from './testkit';

const round25 = (kg: number) => Math.round(kg / 2.5) * 2.5;
const up25 = (kg: number) => Math.ceil(kg / 2.5 - 1e-9) * 2.5;

describe('impliedRir: inverse Epley at the demonstrated e1RM', () => {
  it('100 kg × 5 for a lifter of e1RM 100 × (1 + 8/30) leaves 3 reps', () => {
    expect(impliedRir(100, 5, 100 * (1 + 8 / 30))).toBeCloseTo(3, 9);
  });
  it('is negative when the reps exceed the reps to failure', () => {
    expect(impliedRir(100, 10, 120)).toBeCloseTo(-4, 9);
  });
  it('inverts e1rmLeaving', () => {
    expect(impliedRir(82.5, 7, e1rmLeaving({ loadKg: 82.5, reps: 7 }, 2.5))).toBeCloseTo(2.5, 9);
  });
  it('names the bad argument', () => {
    expect(() => impliedRir(0, 5, 100)).toThrow(/loadKg/);
    expect(() => impliedRir(100, 0, 100)).toThrow(/reps/);
    expect(() => impliedRir(100, 5, Number.NaN)).toThrow(/e1rmKg/);
  });
});

describe('capacityZone', () => {
  it('0–4 in zone, < 0 too hard, > 4 too easy (edges in zone)', () => {
    expect([-0.01, 0, 2, 4, 4.01].map(capacityZone)).toEqual(['too_hard', 'in_zone', 'in_zone', 'in_zone', 'too_easy']);
  });
});

describe('demonstratedE1rm and topSet', () => {
  it('best usable set; > 10 reps left out; reported RIR added to reps', () => {
    const s = session(10, [...sets(1, 60, 15), ...sets(1, 100, 5), ...sets(1, 90, 6, { rir: 3 })]);
    expect(demonstratedE1rm(s)).toBeCloseTo(90 * (1 + 9 / 30), 9);
    expect(topSet(s)).toEqual({ loadKg: 100, reps: 5 });
    expect(demonstratedE1rm(session(10, sets(2, 60, 15)))).toBeNull();
  });
});

describe('baselines', () => {
  it('repeat last: the top set, most reps at the top load', () => {
    expect(repeatLast(session(10, [...sets(1, 100, 3), ...sets(1, 100, 5), ...sets(1, 80, 8)]))).toEqual({ loadKg: 100, reps: 5 });
  });
  it('+2.5 % when all reps were made, else repeat', () => {
    const last = session(10, sets(3, 100, 5));
    expect(plusWhenMade(last, null, round25, up25)).toEqual({ loadKg: 102.5, reps: 5 });
    expect(plusWhenMade(last, { loadKg: 100, reps: 5 }, round25, up25)).toEqual({ loadKg: 102.5, reps: 5 });
    const missed = session(10, sets(3, 100, [5, 5, 4]));
    expect(plusWhenMade(missed, { loadKg: 100, reps: 5 }, round25, up25)).toEqual({ loadKg: 100, reps: 5 });
    // 2.5 % of 40 kg rounds back to 40: one loadable step up instead
    expect(plusWhenMade(session(10, sets(3, 40, 8)), null, round25, up25)).toEqual({ loadKg: 42.5, reps: 8 });
  });
});

describe('tally: blocked suggestions are counted as blocked, in no zone', () => {
  it('shares are of all prescriptions, blocked included', () => {
    const t = emptyTally();
    const e1 = 100 * (1 + 8 / 30); // 100 × 8 to failure
    tally(t, { loadKg: 100, reps: 6 }, e1); // RIR 2: in zone
    tally(t, { loadKg: 100, reps: 10 }, e1); // −2: too hard
    tally(t, { loadKg: 80, reps: 5 }, e1); // 30 × (1.333 − 1) + … > 4: too easy
    tally(t, null, e1); // blocked
    expect(t).toMatchObject({ judged: 3, inZone: 1, tooHard: 1, tooEasy: 1, blocked: 1 });
    expect(zoneShares(t)).toMatchObject({ inZone: 0.25, tooHard: 0.25, tooEasy: 0.25, blocked: 0.25 });
  });
});

describe('rirRule: unlogged RIR and e1RM smoothing', () => {
  const now = '2024-03-20T12:00:00Z';
  const ctx = { current: { loadKg: 100, repMin: 6, repMax: 6, sets: 3, targetRir: 2 }, features: progressionFeatures([], [], now) };
  const last = session(18, sets(3, 100, 6));
  it('by default reads an unlogged set as the target RIR (repeats the reps to failure)', () => {
    expect(rirRule({ targetRir: 2, repMin: 6, repMax: 6 }, null, last, ctx).next.loadKg).toBeCloseTo(100, 9);
  });
  it('unloggedRir 0 reads it as failure: the load that leaves 2 reps at 6', () => {
    const out = rirRule({ targetRir: 2, repMin: 6, repMax: 6, unloggedRir: 0 }, null, last, ctx);
    expect(out.next.loadKg).toBeCloseTo((100 * (1 + 6 / 30)) / (1 + 8 / 30), 9);
    expect(out.event).toBe('reset');
  });
  it('maxRepsForE1rm 15 lets 12-rep work sets count instead of a lighter back-off set', () => {
    const session12 = session(18, [...sets(2, 25, 12), ...sets(1, 22.5, 8)]);
    const p = { targetRir: 2, repMin: 10, repMax: 10, unloggedRir: 0 };
    expect(rirRule(p, null, session12, ctx).state.e1rmKg).toBeCloseTo(22.5 * (1 + 8 / 30), 9);
    expect(rirRule({ ...p, maxRepsForE1rm: 15 }, null, session12, ctx).state.e1rmKg).toBeCloseTo(25 * (1 + 12 / 30), 9);
    expect(() => rirRule({ ...p, maxRepsForE1rm: 16 }, null, session12, ctx)).toThrow(/maxRepsForE1rm/);
  });
  it('e1rmWeight blends the newest e1RM with the stored one', () => {
    const e = 100 * (1 + 6 / 30);
    const out = rirRule({ targetRir: 0, repMin: 6, repMax: 6, unloggedRir: 0, e1rmWeight: 0.5 }, { e1rmKg: e + 20 }, last, ctx);
    expect(out.state.e1rmKg).toBeCloseTo(e + 10, 9);
    expect(() => rirRule({ targetRir: 0, repMin: 6, repMax: 6, e1rmWeight: 0 }, null, last, ctx)).toThrow(/e1rmWeight/);
  });
});
