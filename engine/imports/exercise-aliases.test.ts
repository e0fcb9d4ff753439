import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { createExerciseMatcher } from '../exercises/match';
import { APP_EXERCISE_ALIASES, LOCALIZED_EXERCISE_ALIASES, appExerciseAlias } from './exercise-aliases';

const ids = new Set(BUILTIN_EXERCISES.map((e) => e.id));

describe('exercise aliases per app and language', () => {
  it('point only at built-in exercises', () => {
    const all = [...Object.values(APP_EXERCISE_ALIASES), ...Object.values(LOCALIZED_EXERCISE_ALIASES)].flatMap((t) => Object.values(t ?? {}));
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reach names the matcher does not, per app and per language', () => {
    const matcher = createExerciseMatcher(BUILTIN_EXERCISES);
    expect(matcher('Barbell Shoulder Press')).toBeNull();
    expect(appExerciseAlias('fitbod', 'Barbell Shoulder Press')).toBe('barbell-overhead-press');
    expect(appExerciseAlias('hevy', 'iso-lateral row (machine) ')).toBe('machine-seated-row');
    expect(appExerciseAlias('strong', 'Bankdrücken (Langhantel)')).toBe('barbell-bench-press');
    expect(appExerciseAlias('strong', 'Développé couché (Barre)')).toBe('barbell-bench-press');
    expect(appExerciseAlias('strong', 'Barbell Shoulder Press')).toBeNull();
  });
});
