import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { habitualWeeklySets, planWeeklySets, HABIT_TARGET_MIN_WORKOUTS, type RecommendSet } from './index';

const byId = new Map(BUILTIN_EXERCISES.map((e) => [e.id, e]));
const bench = BUILTIN_EXERCISES.find((e) => e.pattern === 'horizontal_push' && e.equipment === 'barbell' && e.secondaryMuscles.length > 0)!;
const squat = BUILTIN_EXERCISES.find((e) => e.pattern === 'squat' && e.equipment === 'barbell')!;
const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const DAY = 86_400_000;

/** `n` working sets of `id` in workout `key`, `daysAgo` days before NOW. */
const workout = (id: string, daysAgo: number, n: number, key = `w${daysAgo}`, isWarmup = false): RecommendSet[] =>
  Array.from({ length: n }, () => ({ exerciseId: id, performedAt: new Date(NOW - daysAgo * DAY).toISOString(), sessionKey: key, isWarmup }));

describe('habitualWeeklySets', () => {
  it('averages working sets per week over the window: primary 1, secondary 0.5, warm-ups and older sets left out', () => {
    expect(bench, 'fixture: a barbell horizontal push with secondary muscles in the built-in library').toBeDefined();
    expect(squat, 'fixture: a barbell squat in the built-in library').toBeDefined();
    // 8 workouts over 8 weeks (one a week, the first 55 days ago), 3 bench sets each, plus warm-ups and one old workout.
    const history = [
      ...Array.from({ length: 8 }, (_, i) => workout(bench.id, 55 - 7 * i, 3)).flat(),
      ...Array.from({ length: 8 }, (_, i) => workout(bench.id, 55 - 7 * i, 2, `w${55 - 7 * i}`, true)).flat(),
      ...workout(squat.id, 80, 10),
    ];
    const t = habitualWeeklySets(history, byId, NOW)!;
    expect(t).not.toBeNull();
    // 24 sets in 55/7 = 7.86 weeks since the first one.
    for (const m of bench.primaryMuscles) expect(t[m]).toBeCloseTo(24 / (55 / 7), 6);
    for (const m of bench.secondaryMuscles) if (!bench.primaryMuscles.includes(m)) expect(t[m]).toBeCloseTo(12 / (55 / 7), 6);
    for (const m of squat.primaryMuscles) if (!bench.primaryMuscles.includes(m) && !bench.secondaryMuscles.includes(m)) expect(t[m]).toBeUndefined();
  });

  it('a member who started 2 weeks ago is divided by 2 weeks, not 8; one week is the least', () => {
    const two = [...workout(squat.id, 14, 4), ...workout(squat.id, 10, 4), ...workout(squat.id, 7, 4), ...workout(squat.id, 3, 4)];
    expect(habitualWeeklySets(two, byId, NOW)![squat.primaryMuscles[0]!]).toBeCloseTo(16 / 2, 6);
    const days = [...workout(squat.id, 3, 4), ...workout(squat.id, 2, 4), ...workout(squat.id, 1, 4), ...workout(squat.id, 0.5, 4)];
    expect(habitualWeeklySets(days, byId, NOW)![squat.primaryMuscles[0]!]).toBeCloseTo(16, 6);
  });

  it(`needs ${HABIT_TARGET_MIN_WORKOUTS} workouts in the window; rejects a window that is not positive`, () => {
    const three = [...workout(squat.id, 9, 5), ...workout(squat.id, 6, 5), ...workout(squat.id, 3, 5)];
    expect(habitualWeeklySets(three, byId, NOW)).toBeNull();
    expect(habitualWeeklySets([...three, ...workout(squat.id, 1, 5)], byId, NOW)).not.toBeNull();
    expect(() => habitualWeeklySets(three, byId, NOW, 0)).toThrow(/weeks/);
  });
});

describe('planWeeklySets', () => {
  it('sums prescribed sets per muscle, secondary at half, and is null for an empty week', () => {
    const t = planWeeklySets([{ exerciseId: bench.id, sets: 4 }, { exerciseId: squat.id, sets: 3 }, { exerciseId: 'not-in-library', sets: 9 }], byId)!;
    const m = bench.primaryMuscles[0]!;
    const expected = 4 + (squat.primaryMuscles.includes(m) ? 3 : squat.secondaryMuscles.includes(m) ? 1.5 : 0);
    expect(t[m]).toBeCloseTo(expected, 6);
    expect(planWeeklySets([], byId)).toBeNull();
    expect(planWeeklySets([{ exerciseId: bench.id, sets: 0 }], byId)).toBeNull();
  });
});
