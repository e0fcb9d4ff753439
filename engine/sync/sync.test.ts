import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HybridClock, HlcError, compareHlc, packHlc, parseHlc } from './hlc';
import { emptyLocalState, mergeLog, type LocalLog } from './client';
import { isLater, winningFields } from './rules';
import { validateOp } from './ops';

describe('the hybrid logical clock', () => {
  it('never runs backwards when the wall clock does, and orders as text', () => {
    let wall = 1_000_000;
    const c = new HybridClock('phoneA', () => wall);
    const a = c.tick();
    wall -= 5000;
    const b = c.tick();
    expect(compareHlc(b, a)).toBe(1);
    expect(parseHlc(b)).toEqual({ ms: 1_000_000, counter: 1, node: 'phoneA' });
  });
  it('stamps after every stamp it received', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 30 }), (events) => {
      let wall = 5000;
      const c = new HybridClock('studio', () => wall);
      let prev = c.tick();
      for (const [remoteMs, counter] of events) {
        const remote = packHlc({ ms: remoteMs, counter, node: 'phone' });
        const next = c.receive(remote);
        expect(compareHlc(next, remote)).toBe(1);
        expect(compareHlc(next, prev)).toBe(1);
        prev = next;
        wall += 1;
      }
    }), { seed: 11 });
  });
  it('refuses a remote clock a day ahead and malformed stamps', () => {
    const c = new HybridClock('studio', () => 0);
    expect(() => c.receive(packHlc({ ms: 2 * 86_400_000, counter: 0, node: 'x' }))).toThrow(HlcError);
    expect(() => c.receive('nonsense')).toThrow(HlcError);
  });
});

const log = (logId: string, opId: string, hlc: string, reps: number): LocalLog => ({
  logId, opId, hlc, reps, sessionId: '01J00000000000000000000000', planSessionId: null, prescriptionId: null, exerciseId: 'squat',
  setNumber: 1, loadKg: 100, rir: 2, note: '', performedAt: '2026-12-01T10:00:00.000Z', voided: false, deviceName: null, pending: false,
});

describe('the conflict rules', () => {
  it('set-log versions converge to the same current version in every delivery order', () => {
    const versions = fc.uniqueArray(fc.record({
      logId: fc.constantFrom('L1', 'L2', 'L3'), opId: fc.stringMatching(/^[0-9A-Z]{26}$/),
      ms: fc.integer({ min: 0, max: 20 }), node: fc.constantFrom('a', 'b', 'studio'), reps: fc.integer({ min: 0, max: 20 }),
    }), { selector: (v) => v.opId, minLength: 2, maxLength: 20 });
    fc.assert(fc.property(versions, fc.infiniteStream(fc.nat()), (vs, rnd) => {
      const all = vs.map((v) => log(v.logId, v.opId, packHlc({ ms: v.ms, counter: 0, node: v.node }), v.reps));
      const shuffled = [...all, ...all.slice(0, 3)].map((v) => ({ v, k: rnd.next().value })).sort((x, y) => x.k - y.k).map((x) => x.v);
      const a = emptyLocalState().logs, b = emptyLocalState().logs;
      for (const v of all) mergeLog(a, v);
      for (const v of shuffled) mergeLog(b, v);
      expect(b).toEqual(a);
      expect(Object.keys(a).sort()).toEqual([...new Set(all.map((v) => v.logId))].sort());
    }), { seed: 7, numRuns: 200 });
  });
  it('per-field LWW: a later stamp wins each field, ties break on the op id', () => {
    const held = { preferredUnit: { hlc: packHlc({ ms: 10, counter: 0, node: 'a' }), opId: 'B' } };
    expect(winningFields(held, ['preferredUnit', 'bodyMassKg'], { hlc: packHlc({ ms: 9, counter: 0, node: 'b' }), opId: 'Z' })).toEqual(['bodyMassKg']);
    expect(winningFields(held, ['preferredUnit'], { hlc: held.preferredUnit.hlc, opId: 'C' })).toEqual(['preferredUnit']);
    expect(isLater({ hlc: held.preferredUnit.hlc, opId: 'A' }, held.preferredUnit)).toBe(false);
  });
  it('validates each op on its own, with a reason', () => {
    const bad = validateOp({ id: '01J00000000000000000000000', hlc: packHlc({ ms: 1, counter: 0, node: 'a' }), kind: 'set.log', payload: { reps: -1 } });
    expect(bad.ok).toBe(false);
    expect(validateOp({ id: '01J00000000000000000000000', hlc: packHlc({ ms: 1, counter: 0, node: 'a' }), kind: 'plan.approve', payload: {} }))
      .toEqual({ ok: false, reason: 'unknown operation kind "plan.approve"' });
  });
});
