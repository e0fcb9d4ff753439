import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { EQUIPMENT, GOALS, LEVELS, MUSCLES, PATTERNS } from '../exercises/vocabulary';
import type { Exercise, MemberProfile, PlanDraft, SetRecord } from '../types';
import { isLoadable, loadGrid } from '../units/index';
import { FIXTURE_LIBRARY, member } from './fixtures';
import { PlannerInputError, generatePlan } from './index';

const NOW = '2024-06-03T12:00:00Z';

const memberArb: fc.Arbitrary<MemberProfile> = fc.record({
  goal: fc.constantFrom(...GOALS),
  level: fc.constantFrom(...LEVELS),
  daysPerWeek: fc.integer({ min: 2, max: 6 }),
  sessionMinutes: fc.integer({ min: 20, max: 120 }),
  equipment: fc.subarray([...EQUIPMENT]),
  excludedMuscles: fc.subarray([...MUSCLES], { maxLength: 3 }),
  excludedPatterns: fc.subarray([...PATTERNS], { maxLength: 3 }),
  preferredUnit: fc.constantFrom('kg' as const, 'lb' as const),
  bodyMassKg: fc.option(fc.integer({ min: 45, max: 140 }), { nil: null }),
}).map((m) => member(m));

function historyArb(library: readonly Exercise[]): fc.Arbitrary<SetRecord[]> {
  return fc.array(fc.record({
    exerciseId: fc.constantFrom(...library.map((e) => e.id)),
    performedAt: fc.integer({ min: 1, max: 400 }).map((d) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString()),
    loadKg: fc.integer({ min: 0, max: 200 }),
    reps: fc.integer({ min: 1, max: 20 }),
    rir: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    rpe: fc.constant(null),
  }), { maxLength: 40 });
}

/** Checks every invariant of a generated plan; independent of the planner's own filters. */
function checkPlan(plan: PlanDraft, m: MemberProfile, library: readonly Exercise[], weeks: number): void {
  const byId = new Map(library.map((e) => [e.id, e]));
  expect(plan.weeks).toHaveLength(weeks);
  const hasDeload = weeks >= 3;
  plan.weeks.forEach((w, i) => expect(w.isDeload).toBe(hasDeload && i === weeks - 1));
  const working = plan.weeks.filter((w) => !w.isDeload);
  for (let i = 1; i < working.length; i += 1) expect(working[i]!.targetRir).toBeLessThanOrEqual(working[i - 1]!.targetRir);
  for (const w of plan.weeks) {
    expect(w.sessions).toHaveLength(m.daysPerWeek);
    const templateOf = new Map<string, string>();
    for (const s of w.sessions) {
      expect(s.estimatedMinutes).toBeLessThanOrEqual(m.sessionMinutes + 1);
      expect(s.prescriptions.length).toBeGreaterThan(0);
      for (const p of s.prescriptions) {
        const e = byId.get(p.exerciseId)!;
        expect(e).toBeDefined();
        expect(e.equipment === 'body_only' || m.equipment.includes(e.equipment)).toBe(true);
        expect(m.level === 'beginner' && e.level === 'advanced').toBe(false);
        expect(e.primaryMuscles.some((x) => m.excludedMuscles.includes(x))).toBe(false);
        expect(m.excludedPatterns).not.toContain(e.pattern);
        expect(p.reason.length).toBeGreaterThan(0);
        expect(p.isCalibration && w.week !== 1).toBe(false);
        if (w.isDeload) expect(p.targetRir).toBe(4);
        if (loadGrid(e.equipment, m.preferredUnit) === null) expect(p.loadKg).toBeNull();
        else expect(isLoadable(p.loadKg!, e.equipment, m.preferredUnit)).toBe(true);
        const owner = templateOf.get(p.exerciseId);
        if (owner !== undefined && owner !== s.name) expect(plan.notes.some((n) => n.includes('is repeated'))).toBe(true);
        templateOf.set(p.exerciseId, s.name);
      }
    }
  }
  // RIR never rises across working weeks, exercise by exercise (same day, same order)
  const first = working[0]!;
  first.sessions.forEach((s, d) => s.prescriptions.forEach((_, o) => {
    const rirs = working.map((w) => w.sessions[d]!.prescriptions[o]!.targetRir);
    for (let i = 1; i < rirs.length; i += 1) expect(rirs[i]!).toBeLessThanOrEqual(rirs[i - 1]!);
  }));
}

function property(library: readonly Exercise[], runs: number): void {
  fc.assert(fc.property(memberArb, fc.integer({ min: 1, max: 12 }), historyArb(library), (m, weeks, history) => {
    let plan: PlanDraft;
    try {
      plan = generatePlan({ member: m, library, history, weeks, now: NOW });
    } catch (err) {
      // valid input can only fail because exclusions/equipment empty an essential slot
      expect(err).toBeInstanceOf(PlannerInputError);
      expect((err as PlannerInputError).reason).toBe('no_exercise_for_slot');
      return;
    }
    checkPlan(plan, m, library, weeks);
  }), { numRuns: runs, seed: 20240603 });
}

describe('planner invariants (fast-check)', () => {
  it('hold on the inline fixture library', () => property(FIXTURE_LIBRARY, 150));
  it('hold on the built-in library', () => property(BUILTIN_EXERCISES, 150));
  it('usually succeed on the built-in library for members with a normal gym', () => {
    fc.assert(fc.property(memberArb, (m) => {
      const gym = { ...m, equipment: [...EQUIPMENT], excludedMuscles: [], excludedPatterns: [] };
      expect(() => generatePlan({ member: gym, library: BUILTIN_EXERCISES, history: [], weeks: 4, now: NOW })).not.toThrow();
    }), { numRuns: 60, seed: 7 });
  });
});

describe('built-in library', () => {
  it('gives a full-gym hypertrophy member a sensible full-body week', () => {
    const m = member({ equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'pullup_bar'] });
    const plan = generatePlan({ member: m, library: BUILTIN_EXERCISES, history: [], weeks: 4, now: NOW });
    const a = plan.weeks[0]!.sessions[0]!.prescriptions.map((p) => p.exerciseId);
    expect(a.slice(0, 3)).toEqual(['barbell-back-squat', 'barbell-bench-press', 'barbell-bent-over-row']);
  });
});
