import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Prescribed } from '../progression/types';
import { applySafety } from './apply';
import { DEFAULT_CONSTRAINTS, SAFETY_EPS } from './constraints';
import { applySafetyToPlanChange, volumeWithinLimit, weeklyPlanVolume } from './plan';
import { contextArb, prescribedArb, recommendationArb } from './testkit';
import type { SafetyContext } from './types';

const k = DEFAULT_CONSTRAINTS;
const RUNS = { numRuns: 1000 };
const minReps = (planned: number) => Math.ceil(0.8 * planned - 1e-9);

function keepsConstraints(original: Prescribed, p: Prescribed, ctx: SafetyContext): void {
  const base = original.loadKg;
  const cap = base === null || base <= 0 ? k.maxLoadFromNoneKg : base * 1.1;
  const load = p.loadKg ?? 0;
  expect(load).toBeLessThanOrEqual(cap + SAFETY_EPS);
  expect(p.repMin).toBeGreaterThanOrEqual(minReps(original.repMin));
  expect(p.repMax).toBeGreaterThanOrEqual(minReps(original.repMax));
  expect(p.repMax).toBeGreaterThanOrEqual(p.repMin);
  expect(p.restS).toBeGreaterThanOrEqual(30);
  if ((ctx.checkIn?.fatigue ?? 0) >= 8) expect(load).toBeLessThanOrEqual((base ?? 0) + SAFETY_EPS);
}

describe('applySafety: for any recommendation and context', () => {
  it('never breaks a constraint, in the suggestion or any alternative', () => {
    fc.assert(fc.property(recommendationArb, contextArb, (rec, ctx) => {
      const d = applySafety(rec, ctx);
      if (d.recommendation === null) return;
      keepsConstraints(rec.original, d.recommendation.suggested, ctx);
      for (const alt of d.recommendation.alternatives) keepsConstraints(rec.original, alt.suggested, ctx);
    }), RUNS);
  });

  it('blocks when pain or illness is reported', () => {
    fc.assert(fc.property(recommendationArb, contextArb, (rec, ctx) => {
      const d = applySafety(rec, ctx);
      if (ctx.checkIn?.painReported === true || ctx.checkIn?.illness === true) {
        expect(d.status).toBe('blocked');
        expect(d.recommendation).toBeNull();
        expect(d.overrides.some((o) => o.kind === 'pain' || o.kind === 'illness')).toBe(true);
      }
    }), RUNS);
  });

  it('is idempotent: applying twice gives the same recommendation as once', () => {
    fc.assert(fc.property(recommendationArb, contextArb, (rec, ctx) => {
      const once = applySafety(rec, ctx);
      if (once.recommendation === null) return;
      const twice = applySafety(once.recommendation, ctx);
      expect(twice.recommendation).toEqual(once.recommendation);
      if (once.status === 'replaced') expect(twice.status).toBe('replaced');
    }), RUNS);
  });

  it('states a reason for every override and is JSON-loggable as is', () => {
    fc.assert(fc.property(recommendationArb, contextArb, (rec, ctx) => {
      const d = applySafety(rec, ctx);
      for (const o of d.overrides) {
        expect(o.reason.length).toBeGreaterThan(10);
        expect(JSON.parse(JSON.stringify(o))).toEqual(o);
        if (o.kind === 'constraint') expect(o.constraint).toBeDefined();
      }
      expect(d.status === 'pass').toBe(d.overrides.length === 0);
    }), RUNS);
  });

  it('never raises the risk it was given, nor the load above the progression suggestion when replacing', () => {
    fc.assert(fc.property(recommendationArb, contextArb, (rec, ctx) => {
      const d = applySafety(rec, ctx);
      if (d.recommendation === null) return;
      const order = ['low', 'medium', 'high'];
      expect(order.indexOf(d.recommendation.risk)).toBeGreaterThanOrEqual(order.indexOf(rec.risk));
      if (d.status === 'replaced') expect(d.recommendation.suggested.loadKg ?? 0).toBeLessThanOrEqual((rec.original.loadKg ?? 0) + SAFETY_EPS);
    }), RUNS);
  });
});

describe('applySafetyToPlanChange: for any weekly diff', () => {
  const week = fc.array(prescribedArb.chain((p) => fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ ...p, exerciseId: id }))), { maxLength: 6 });
  it('keeps the weekly volume within +15 % and every line within the step limits', () => {
    fc.assert(fc.property(week, week, contextArb, (before, after, ctx) => {
      const d = applySafetyToPlanChange(before, after, ctx);
      expect(volumeWithinLimit(weeklyPlanVolume(before), weeklyPlanVolume(d.after), k)).toBe(true);
      for (const p of d.after) {
        expect(p.restS).toBeGreaterThanOrEqual(30);
        expect(p.repMax).toBeGreaterThanOrEqual(p.repMin);
      }
      for (const o of d.overrides) expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    }), RUNS);
  });
});
