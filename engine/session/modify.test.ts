import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { EQUIPMENT } from '../exercises/vocabulary';
import type { Exercise } from '../types';
import { SafetyInputError } from '../safety/errors';
import { adjustForFatigue, difficulty, easierAlternative, easierAlternatives, isEasier, jaccard } from './modify';

const byId = (id: string): Exercise => {
  const e = BUILTIN_EXERCISES.find((x) => x.id === id);
  if (e === undefined) throw new Error(`no ${id}`);
  return e;
};
const squat = { exerciseId: 'barbell-back-squat', sets: 3, repMin: 5, repMax: 5, loadKg: 100, restS: 180, targetRir: 2 };
const plates = (kg: number) => Math.floor(kg / 2.5) * 2.5;

describe('adjustForFatigue', () => {
  it('Squat 3×5 @100 kg, fatigue 7: no change', () => {
    const a = adjustForFatigue(squat, 7);
    expect(a.changed).toBe(false);
    expect(a.prescribed).toEqual(squat);
  });
  it('fatigue 8 (caution) cuts 10 %, 9 cuts 12.5 %, 10 cuts 15 %', () => {
    expect(adjustForFatigue(squat, 8).prescribed.loadKg).toBeCloseTo(90, 9);
    expect(adjustForFatigue(squat, 9).prescribed.loadKg).toBeCloseTo(87.5, 9);
    expect(adjustForFatigue(squat, 10).prescribed.loadKg).toBeCloseTo(85, 9);
    expect(adjustForFatigue(squat, 10).reason).toMatch(/15 %.*unrounded kg/);
  });
  it('rounds down with the caller\'s plates: 102.5 kg at fatigue 9 → 89.69 → 87.5 kg', () => {
    const a = adjustForFatigue({ ...squat, loadKg: 102.5 }, 9, undefined, plates);
    expect(a.prescribed.loadKg).toBe(87.5);
    expect(a.rounded).toBe(true);
  });
  it('body weight: no load to cut, stops at the bottom of the rep range', () => {
    const a = adjustForFatigue({ ...squat, exerciseId: 'push-up', loadKg: null, repMin: 8, repMax: 12 }, 9);
    expect(a.prescribed.repMax).toBe(8);
    expect(a.prescribed.loadKg).toBeNull();
  });
  it('rejects fatigue outside 1–10, naming the field', () => {
    expect(() => adjustForFatigue(squat, 11)).toThrow(SafetyInputError);
    expect(() => adjustForFatigue(squat, 0)).toThrow(/reportedFatigue/);
  });
});

describe('easierAlternative on the built-in library', () => {
  const gym = [...EQUIPMENT];
  it('barbell back squat, poor form → a machine-guided or goblet squat, never harder', () => {
    const alt = easierAlternative(byId('barbell-back-squat'), BUILTIN_EXERCISES, gym);
    expect(alt?.exercise.id).toBe('smith-machine-squat');
    expect(alt?.reason).toMatch(/same substitution group \(squat\)/);
    const ids = easierAlternatives(byId('barbell-back-squat'), BUILTIN_EXERCISES, gym).map((a) => a.exercise.id);
    expect(ids.slice(0, 4)).toEqual(['smith-machine-squat', 'dumbbell-goblet-squat', 'dumbbell-squat', 'kettlebell-goblet-squat']);
    expect(ids).not.toContain('barbell-front-squat');
    expect(ids).not.toContain('pistol-squat');
  });
  it('home gym with dumbbells only → goblet squat', () => {
    expect(easierAlternative(byId('barbell-back-squat'), BUILTIN_EXERCISES, ['dumbbell'])?.exercise.id).toBe('dumbbell-goblet-squat');
  });
  it('barbell bench press → machine chest press', () => {
    expect(easierAlternative(byId('barbell-bench-press'), BUILTIN_EXERCISES, gym)?.exercise.id).toBe('machine-chest-press');
  });
  it('respects exclusions and returns null when nothing easier is available', () => {
    expect(easierAlternative(byId('barbell-back-squat'), BUILTIN_EXERCISES, ['dumbbell'], ['dumbbell-goblet-squat'])?.exercise.id).toBe('dumbbell-squat');
    expect(easierAlternative(byId('machine-chest-press'), BUILTIN_EXERCISES, gym)).toBeNull();
  });
  it('for every built-in exercise, every alternative shares the pattern, uses available equipment and is strictly easier', () => {
    const equipment = ['dumbbell', 'cable', 'machine'] as const;
    for (const e of BUILTIN_EXERCISES) {
      for (const a of easierAlternatives(e, BUILTIN_EXERCISES, equipment)) {
        expect(a.exercise.pattern).toBe(e.pattern);
        expect([...equipment, 'body_only']).toContain(a.exercise.equipment);
        expect(isEasier(a.exercise, e)).toBe(true);
        expect(isEasier(e, a.exercise)).toBe(false);
        expect(a.sameGroup || jaccard(a.exercise.primaryMuscles, e.primaryMuscles) >= 0.5).toBe(true);
        expect(a.exercise.id).not.toBe(e.id);
      }
    }
  });
  it('orders difficulty as level, then equipment demand, then mechanic', () => {
    expect(difficulty(byId('barbell-back-squat'))).toEqual([0, 3, 1]);
    expect(difficulty(byId('machine-chest-press'))).toEqual([0, 0, 1]);
    expect(jaccard(['glutes', 'hamstrings'], ['hamstrings'])).toBe(0.5);
  });
});
