import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemoMember } from './history';
import { generateDemoClub, mulberry32 } from './history';

const NOW = '2024-06-01T12:00:00Z';
const STRONG_NAMES = new Set([
  'Squat (Barbell)', 'Bench Press (Barbell)', 'Deadlift (Barbell)', 'Overhead Press (Barbell)', 'Bent Over Row (Barbell)',
  'Lat Pulldown (Cable)', 'Romanian Deadlift (Barbell)', 'Leg Press', 'Bicep Curl (Dumbbell)', 'Lateral Raise (Dumbbell)',
]);

/** Least-squares slope of e1RM (Epley on reps + reported RIR, each exercise scaled by its mean) per day. */
function e1rmSlopePerDay(member: DemoMember): number {
  const byExercise = new Map<string, Array<{ day: number; e1rm: number }>>();
  for (const set of member.sets) {
    const e1rm = set.loadKg * (1 + (set.reps + (set.rir ?? 0)) / 30);
    const day = Date.parse(set.performedAt) / 86_400_000;
    const list = byExercise.get(set.exerciseName) ?? [];
    list.push({ day, e1rm });
    byExercise.set(set.exerciseName, list);
  }
  const points = [...byExercise.values()].flatMap((list) => {
    const mean = list.reduce((s, p) => s + p.e1rm, 0) / list.length;
    return list.map((p) => ({ x: p.day, y: p.e1rm / mean }));
  });
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxy / sxx;
}

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});

describe('generateDemoClub', () => {
  it('gives the same club for the same seed and a different one for another seed', () => {
    const a = generateDemoClub({ seed: 7, now: NOW });
    expect(generateDemoClub({ seed: 7, now: NOW })).toEqual(a);
    const b = generateDemoClub({ seed: 8, now: NOW });
    expect(b).not.toEqual(a);
    expect(b.map((m) => m.name)).not.toEqual(a.map((m) => m.name));
  });

  it('makes 6 clearly-demo members by default, with plausible profiles', () => {
    const club = generateDemoClub({ seed: 1, now: NOW });
    expect(club).toHaveLength(6);
    expect(new Set(club.map((m) => m.name)).size).toBe(6);
    for (const m of club) {
      expect(m.isDemo).toBe(true);
      expect(m.demoId).toMatch(/^demo-1-\d+$/);
      expect(m.daysPerWeek).toBeGreaterThanOrEqual(2);
      expect(m.daysPerWeek).toBeLessThanOrEqual(5);
      expect(m.bodyMassKg).toBeGreaterThanOrEqual(45);
      expect(m.historyWeeks).toBeGreaterThanOrEqual(8);
      expect(m.historyWeeks).toBeLessThanOrEqual(16);
      expect(m.equipment).toContain('barbell');
    }
    expect(generateDemoClub({ seed: 1, now: NOW, members: 20 })).toHaveLength(20);
  });

  it('keeps every set plausible: Strong names, 2.5 kg loads, before now, in order, in the history window', () => {
    const nowMs = Date.parse(NOW);
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), (seed, members) => {
      for (const m of generateDemoClub({ seed, now: NOW, members })) {
        const earliest = nowMs - (m.historyWeeks * 7 + 1) * 86_400_000;
        const times = m.sets.map((s) => Date.parse(s.performedAt));
        const bad = m.sets.filter((set, i) => {
          const t = times[i] ?? Number.NaN;
          return !STRONG_NAMES.has(set.exerciseName)
            || !(set.loadKg > 0 && Number.isInteger(set.loadKg / 2.5))
            || !(Number.isInteger(set.reps) && set.reps >= 1 && set.reps <= 20)
            || !(set.rir === null || (Number.isInteger(set.rir) && set.rir >= 0 && set.rir <= 5))
            || !(t < nowMs && t >= earliest)
            || (i > 0 && !(t > (times[i - 1] ?? Infinity)));
        });
        expect(m.sets.length).toBeGreaterThan(0);
        expect(bad).toEqual([]);
      }
    }), { numRuns: 40 });
  });

  it('builds sessions of 3–5 exercises with 3–4 sets each', () => {
    for (const m of generateDemoClub({ seed: 3, now: NOW, members: 10 })) {
      const sessions = new Map<string, Map<string, number>>();
      for (const set of m.sets) {
        const day = set.performedAt.slice(0, 10);
        const perExercise = sessions.get(day) ?? new Map<string, number>();
        perExercise.set(set.exerciseName, (perExercise.get(set.exerciseName) ?? 0) + 1);
        sessions.set(day, perExercise);
      }
      for (const perExercise of sessions.values()) {
        expect(perExercise.size).toBeGreaterThanOrEqual(3);
        expect(perExercise.size).toBeLessThanOrEqual(5);
        for (const count of perExercise.values()) expect([3, 4]).toContain(count);
      }
    }
  });

  it('shows rising e1RM for most members', () => {
    const club = [1, 2, 3, 4, 5].flatMap((seed) => generateDemoClub({ seed, now: NOW, members: 8 }));
    const rising = club.filter((m) => e1rmSlopePerDay(m) > 0).length;
    expect(rising / club.length).toBeGreaterThan(0.75);
  });

  it('rejects bad options', () => {
    expect(() => generateDemoClub({ seed: Number.NaN, now: NOW })).toThrow(RangeError);
    expect(() => generateDemoClub({ seed: 1, now: 'yesterday' })).toThrow(RangeError);
    expect(() => generateDemoClub({ seed: 1, now: NOW, members: 0 })).toThrow(RangeError);
    expect(() => generateDemoClub({ seed: 1, now: NOW, members: 2.5 })).toThrow(RangeError);
  });
});
