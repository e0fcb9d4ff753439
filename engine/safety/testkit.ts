/** Builders and fast-check arbitraries shared by the safety tests (test-only). */
import fc from 'fast-check';
import type { CheckIn, ExerciseSession, LoggedSet, Prescribed, Recommendation } from '../progression/types';
import type { SafetyContext } from './types';

export const NOW = '2024-06-15T10:00:00Z';

export function prescribed(over: Partial<Prescribed> = {}): Prescribed {
  return { exerciseId: 'barbell-back-squat', sets: 3, repMin: 5, repMax: 5, loadKg: 100, restS: 180, targetRir: 2, ...over };
}

export function recommendation(original: Prescribed, suggested: Partial<Prescribed>, over: Partial<Recommendation> = {}): Recommendation {
  return {
    memberId: 1, exerciseId: original.exerciseId, type: 'increase_weight', original,
    suggested: { ...original, ...suggested }, confidence: null, confidenceBasis: null, reasoning: 'Linear progression: 3 of 3 sessions completed.',
    factors: [{ name: 'completion_rate', value: 1, note: '3 of 3 sessions completed' }], expectedOutcome: 'Complete 3×5.',
    risk: 'low', alternatives: [],
    sources: { rule: { name: 'lp', loadKg: suggested.loadKg ?? original.loadKg, reps: original.repMin }, model: null, blendedLoadKg: null },
    ...over,
  };
}

export function checkIn(over: Partial<CheckIn> = {}): CheckIn {
  return { at: NOW, sleep: 7, fatigue: 4, soreness: 3, energy: 7, painReported: false, illness: false, ...over };
}

export function set(loadKg: number, reps: number, over: Partial<LoggedSet> = {}): LoggedSet {
  return { loadKg, reps, rir: 2, rpe: null, targetReps: 5, form: null, ...over };
}

export function session(daysBeforeNow: number, sets: LoggedSet[], exerciseId = 'barbell-back-squat'): ExerciseSession {
  return { performedAt: new Date(Date.parse(NOW) - daysBeforeNow * 86_400_000).toISOString(), exerciseId, sets };
}

export function context(over: Partial<SafetyContext> = {}): SafetyContext {
  return { now: NOW, checkIn: checkIn(), history: [session(3, [set(100, 5)])], ...over };
}

const TYPES = ['increase_weight', 'decrease_weight', 'adjust_reps', 'modify_rest', 'change_exercise', 'add_warmup', 'suggest_form_focus', 'deload'] as const;
const load = fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0, max: 400, noNaN: true, noDefaultInfinity: true }));

export const prescribedArb: fc.Arbitrary<Prescribed> = fc.record({
  sets: fc.integer({ min: 1, max: 10 }), repMin: fc.integer({ min: 1, max: 30 }), span: fc.integer({ min: 0, max: 10 }),
  loadKg: load, restS: fc.integer({ min: 0, max: 600 }), targetRir: fc.option(fc.integer({ min: 0, max: 5 })),
}).map(({ span, ...p }) => ({ exerciseId: 'barbell-back-squat', ...p, repMax: p.repMin + span }));

export const recommendationArb: fc.Arbitrary<Recommendation> = fc.record({
  original: prescribedArb, suggested: prescribedArb, type: fc.constantFrom(...TYPES), risk: fc.constantFrom('low', 'medium', 'high' as const),
  alternatives: fc.array(fc.record({ type: fc.constantFrom(...TYPES), suggested: prescribedArb, reasoning: fc.constant('alt') }), { maxLength: 2 }),
}).map(({ original, suggested, type, risk, alternatives }) => recommendation(original, suggested, { type, risk, alternatives }));

const setArb: fc.Arbitrary<LoggedSet> = fc.record({
  loadKg: fc.double({ min: 0, max: 300, noNaN: true, noDefaultInfinity: true }), reps: fc.integer({ min: 0, max: 20 }),
  rir: fc.option(fc.integer({ min: 0, max: 5 })), rpe: fc.option(fc.constantFrom(6, 7, 8, 9, 9.5, 10)),
  targetReps: fc.option(fc.integer({ min: 1, max: 15 })), form: fc.option(fc.integer({ min: 1, max: 10 })),
});

/** True about 1 time in 10. */
const rareFlag = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);

export const contextArb: fc.Arbitrary<SafetyContext> = fc.record({
  checkIn: fc.option(fc.record({
    at: fc.constant(NOW), sleep: fc.integer({ min: 1, max: 10 }), fatigue: fc.integer({ min: 1, max: 10 }),
    soreness: fc.integer({ min: 1, max: 10 }), energy: fc.integer({ min: 1, max: 10 }),
    // About 1 check-in in 10 reports pain, 1 in 10 illness: each blocks, so with fc.boolean() most
    // runs blocked and the property tests asserted nothing (issue 14).
    painReported: rareFlag, illness: rareFlag,
  })),
  history: fc.array(fc.record({ days: fc.integer({ min: 0, max: 120 }), sets: fc.array(setArb, { minLength: 1, maxLength: 4 }) })
    .map(({ days, sets }) => session(days, sets)), { maxLength: 8 }),
  formRating: fc.option(fc.integer({ min: 1, max: 10 })),
  heartRate: fc.option(fc.record({
    ageYears: fc.option(fc.integer({ min: 16, max: 90 })), restingBpm: fc.option(fc.integer({ min: 40, max: 120 })),
    observedMaxBpm: fc.option(fc.integer({ min: 150, max: 210 })), sessionPeakBpm: fc.option(fc.integer({ min: 80, max: 220 })),
  })),
  rounding: fc.boolean(),
}).map(({ rounding, ...c }) => ({ now: NOW, ...c, ...(rounding ? { roundDownKg: (kg: number) => Math.floor(kg / 2.5 + 1e-9) * 2.5 } : {}) }));
