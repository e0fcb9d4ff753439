import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { Exercise } from '../types';
import { COMPONENT_MAX, RecommendInputError, scoreExercises, type RecommendInput, type RecommendSet } from './index';
import { MUSCLES } from '../exercises/vocabulary';
import type { FeedbackEntry } from '../preferences/types';

const LIB = BUILTIN_EXERCISES;
const NOW = '2026-03-10T12:00:00.000Z';
const byId = new Map(LIB.map((e) => [e.id, e]));
const ex = (id: string): Exercise => { const e = byId.get(id); if (!e) throw new Error(`fixture: no ${id}`); return e; };
const bench = LIB.find((e) => e.pattern === 'horizontal_push' && e.equipment === 'barbell')!;
const squat = LIB.find((e) => e.pattern === 'squat' && e.equipment === 'barbell')!;

function input(over: Partial<RecommendInput> = {}): RecommendInput {
  return {
    library: LIB,
    member: { goal: 'hypertrophy', level: 'intermediate', equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'pullup_bar', 'ez_bar'], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [] },
    history: [], context: { kind: 'slot' }, now: NOW, ...over,
  };
}
const sets = (id: string, hoursAgo: number, n: number, session = `s${hoursAgo}`): RecommendSet[] =>
  Array.from({ length: n }, () => ({ exerciseId: id, performedAt: new Date(Date.parse(NOW) - hoursAgo * 3_600_000).toISOString(), rir: 2, sessionKey: session }));

describe('scoreExercises', () => {
  it('fixture exercises exist', () => { expect(bench).toBeDefined(); expect(squat).toBeDefined(); ex(bench.id); });

  it('errors name the field', () => {
    const err = (i: RecommendInput) => { try { scoreExercises(i); } catch (e) { return e instanceof RecommendInputError ? e.field : 'other'; } return 'none'; };
    expect(err(input({ library: [] }))).toBe('library');
    expect(err(input({ context: { kind: 'swap', exerciseId: 'no-such' } }))).toBe('context.exerciseId');
    expect(err(input({ member: { ...input().member, excludedMuscles: [...MUSCLES] } }))).toBe('member.excludedMuscles');
    expect(err(input({ history: [{ exerciseId: 'nope', performedAt: NOW }] }))).toBe('history[0].exerciseId');
    expect(err(input({ member: { ...input().member, preferredExerciseIds: [bench.id, 'x'] } }))).toBe('member.preferredExerciseIds[1]');
    expect(err(input({ topN: 0 }))).toBe('topN');
    expect(err(input({ member: { ...input().member, equipment: [] }, context: { kind: 'slot', patterns: ['chest_fly'] } }))).toBe('member.equipment');
    expect(err(input({ context: { kind: 'swap', exerciseId: bench.id }, member: { ...input().member, excludedPatterns: ['horizontal_push'] } }))).toBe('member.excludedPatterns');
  });

  it('a swap keeps the movement pattern and never returns the exercise itself', () => {
    const r = scoreExercises(input({ context: { kind: 'swap', exerciseId: bench.id }, topN: 50 }));
    expect(r.length).toBeGreaterThan(0);
    for (const s of r) { expect(s.exerciseId).not.toBe(bench.id); expect(ex(s.exerciseId).pattern).toBe('horizontal_push'); }
    const loose = scoreExercises(input({ context: { kind: 'swap', exerciseId: bench.id, keepPattern: false }, topN: 50 }));
    expect(loose.some((s) => ex(s.exerciseId).pattern !== 'horizontal_push')).toBe(true);
  });

  it('musclesOfExerciseIds keeps a slot on the muscles of the session\'s exercises, and names an unknown id', () => {
    const r = scoreExercises(input({ context: { kind: 'slot', musclesOfExerciseIds: [bench.id] }, topN: 100 }));
    expect(r.length).toBeGreaterThan(3);
    for (const s of r) expect(ex(s.exerciseId).primaryMuscles.some((m) => bench.primaryMuscles.includes(m))).toBe(true);
    expect(() => scoreExercises(input({ context: { kind: 'slot', musclesOfExerciseIds: ['nope'] } }))).toThrow(/context.musclesOfExerciseIds\[0\]/);
  });

  it('recovery is low for muscles trained hard 24 h ago, back after 72 h', () => {
    const ctx = { kind: 'slot' as const, patterns: [squat.pattern], topN: 100 };
    const fresh = scoreExercises(input({ context: ctx, history: sets(squat.id, 24, 5), topN: 100 })).find((s) => s.exerciseId === squat.id)!;
    const later = scoreExercises(input({ context: ctx, history: sets(squat.id, 80, 5), topN: 100 })).find((s) => s.exerciseId === squat.id)!;
    expect(fresh.components.recovery).toBeLessThan(5);
    expect(later.components.recovery).toBe(20);
    expect(fresh.reason).toMatch(/trained hard 24 h ago/);
  });

  it('balance favours muscles below their weekly target', () => {
    const history = [...sets(bench.id, 100, 12, 'a'), ...sets(bench.id, 130, 12, 'b')];
    const r = scoreExercises(input({ history, topN: 200 }));
    const chest = r.find((s) => s.exerciseId === bench.id)!;
    const legs = r.find((s) => s.exerciseId === squat.id)!;
    expect(chest.components.balance).toBeLessThan(legs.components.balance);
  });

  it('disliked scores lower than preferred', () => {
    const m = input().member;
    const a = scoreExercises(input({ member: { ...m, preferredExerciseIds: [bench.id] }, context: { kind: 'swap', exerciseId: squat.id, keepPattern: false }, topN: 200 }));
    const like = scoreExercises(input({ member: { ...m, preferredExerciseIds: [squat.id] }, context: { kind: 'slot' }, topN: 200 })).find((s) => s.exerciseId === squat.id)!;
    const hate = scoreExercises(input({ member: { ...m, dislikedExerciseIds: [squat.id] }, context: { kind: 'slot' }, topN: 200 })).find((s) => s.exerciseId === squat.id)!;
    expect(a.length).toBeGreaterThan(0);
    // preferred: 2 (no evidence) + 6; disliked: 0
    expect(like.components.preference - hate.components.preference).toBe(8);
    expect(hate.reason).toMatch(/dislikes/);
  });

  it('what the member swapped out scores lower in preference, what they swapped in higher', () => {
    const other = LIB.find((e) => e.pattern === 'horizontal_push' && e.id !== bench.id)!;
    const entry = (action: 'accepted' | 'modified' | 'skipped', to?: string) => ({
      recommendationId: 'r', recommendation: { exerciseId: bench.id } as unknown as FeedbackEntry['recommendation'],
      feedback: { recommendationId: 'r', action, difficulty: 5, effectiveness: 5, perceivedExertion: 5, formQuality: 5, ...(to ? { modifiedTo: { exerciseId: to } } : {}) },
    });
    const pref = (feedback: FeedbackEntry[], id: string) => scoreExercises(input({ feedback, context: { kind: 'slot', patterns: ['horizontal_push'] }, topN: 100 }))
      .find((s) => s.exerciseId === id)!.components.preference;
    const swapped = [entry('modified', other.id), entry('modified', other.id)];
    expect(pref(swapped, bench.id)).toBeLessThan(pref([], bench.id));
    expect(pref(swapped, other.id)).toBeGreaterThan(pref([], other.id));
    expect(pref([entry('accepted'), entry('accepted')], bench.id)).toBeGreaterThan(pref([], bench.id));
  });

  it('habit: an exercise in every recent session of the slot\'s name outranks one done once, by the habit share', () => {
    const other = LIB.find((e) => e.pattern === 'horizontal_push' && e.id !== bench.id && e.equipment === 'dumbbell')!;
    // Four "Push" sessions a week apart (the latest 5 days ago): bench in all four, the other press only in the oldest.
    const named = (id: string, daysAgo: number) => sets(id, 24 * daysAgo, 3, `push-${daysAgo}`).map((x) => ({ ...x, sessionName: 'Push' }));
    const history = [5, 12, 19, 26].flatMap((d) => [...named(bench.id, d), ...(d === 26 ? named(other.id, d) : [])]);
    const run = (sessionName: string) => scoreExercises(input({ history, context: { kind: 'slot', patterns: ['horizontal_push'], sessionName }, topN: 100 }));
    const push = run('push');
    const pb = push.find((x) => x.exerciseId === bench.id)!; const po = push.find((x) => x.exerciseId === other.id)!;
    expect(push[0]!.exerciseId).toBe(bench.id);
    // bench: habit 1 → 14 + in the latest session 6 + kept 4 sessions 4 + 2 = 26 → capped at 20;
    // the other: habit share of the oldest of four, 0.343 / 2.533 → 14 × 0.135 = 1.9, + kept once 1 + 2.
    expect(pb.components.preference).toBe(20);
    expect(po.components.preference).toBeCloseTo(2 + 1 + 14 * (0.7 ** 3 / (1 + 0.7 + 0.49 + 0.343)), 0);
    // No habit from sessions of another name.
    const legs = run('Legs');
    expect(legs.find((x) => x.exerciseId === bench.id)!.components.preference).toBeCloseTo(2 + 6 * 4 / 6, 1);
  });

  it('CF is blended only from the third logged workout', () => {
    const affinity = new Map(LIB.map((e, i) => [e.id, i / LIB.length]));
    const run = (n: number) => scoreExercises(input({ history: Array.from({ length: n }, (_, i) => sets(squat.id, 100 + 24 * i, 1, `w${i}`)).flat(), collaborative: { affinity, modelVersion: 't' } }));
    expect(run(2).every((s) => s.cf === null && s.total === s.content)).toBe(true);
    const on = run(3);
    expect(on.every((s) => s.cf !== null && s.cf.weight === 0.4)).toBe(true);
    for (const s of on) expect(s.total).toBeCloseTo(0.6 * s.content + 0.4 * s.cf!.score, 0);
  });

  it('property: scores within bounds, constraints never violated, sorted', () => {
    const kit = ['barbell', 'dumbbell', 'cable', 'machine', 'kettlebell', 'bands', 'pullup_bar', 'ez_bar', 'smith_machine'] as const;
    fc.assert(fc.property(
      fc.subarray([...kit]), fc.subarray([...MUSCLES], { maxLength: 6 }), fc.constantFrom('beginner', 'intermediate', 'advanced' as const),
      fc.constantFrom('strength', 'hypertrophy', 'general_fitness', 'endurance' as const),
      fc.array(fc.record({ i: fc.nat(LIB.length - 1), h: fc.integer({ min: 0, max: 24 * 40 }), rir: fc.option(fc.integer({ min: 0, max: 6 })) }), { maxLength: 60 }),
      (equipment, excludedMuscles, level, goal, raw) => {
        const history = raw.map((r) => ({ exerciseId: LIB[r.i]!.id, performedAt: new Date(Date.parse(NOW) - r.h * 3_600_000).toISOString(), rir: r.rir }));
        let out;
        try {
          out = scoreExercises(input({ member: { goal, level, equipment, excludedMuscles, excludedPatterns: [], excludedExerciseIds: [] }, history, topN: 1000 }));
        } catch (e) { expect(e).toBeInstanceOf(RecommendInputError); return; }
        const member = { goal, level, equipment, excludedMuscles, excludedPatterns: [], excludedExerciseIds: [] };
        const top5 = scoreExercises(input({ member, history, topN: 5 })).map((r) => r.exerciseId);
        expect(top5).toEqual(out.slice(0, 5).map((r) => r.exerciseId));
        for (let k = 0; k < out.length; k++) {
          const s = out[k]!; const e = ex(s.exerciseId);
          expect(e.equipment === 'body_only' || (equipment as string[]).includes(e.equipment)).toBe(true);
          expect(e.primaryMuscles.some((m) => excludedMuscles.includes(m))).toBe(false);
          if (level === 'beginner') expect(e.level).not.toBe('advanced');
          expect(s.total).toBeGreaterThanOrEqual(0); expect(s.total).toBeLessThanOrEqual(100);
          for (const [key, max] of Object.entries(COMPONENT_MAX)) {
            const v = s.components[key as keyof typeof COMPONENT_MAX];
            expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(max);
          }
          if (k > 0) expect(out[k - 1]!.total).toBeGreaterThanOrEqual(s.total);
        }
      }), { seed: 15, numRuns: 60 });
  });
});
