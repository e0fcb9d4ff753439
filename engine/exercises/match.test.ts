import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../types';
import { mapFreeExerciseDb } from './free-exercise-db';
import { BUILTIN_EXERCISES } from './library';
import { createExerciseMatcher, movementSimilarity } from './match';

const DATA = path.resolve(process.cwd(), '../shared/data');

/** The 29 exercise names of a real Strong export, and the built-in each must map to. */
const STRONG_NAMES: Readonly<Record<string, string>> = {
  'Bench Press (Barbell)': 'barbell-bench-press',
  'Overhead Press (Barbell)': 'barbell-overhead-press',
  'Chin Up': 'chin-up',
  'Lateral Raise (Dumbbell)': 'dumbbell-lateral-raise',
  'Chest Fly': 'machine-chest-fly',
  'Chest Press (Machine)': 'machine-chest-press',
  'Seated Row (Cable)': 'cable-seated-row',
  'Lat Pulldown (Machine)': 'machine-lat-pulldown',
  'Reverse Fly (Machine)': 'machine-reverse-fly',
  'Bicep Curl (Dumbbell)': 'dumbbell-curl',
  'T Bar Row': 't-bar-row',
  'Lat Pulldown (Single Arm)': 'cable-single-arm-lat-pulldown',
  'Bicep Curl (Barbell)': 'barbell-curl',
  'Triceps Pushdown (Cable - Straight Bar)': 'cable-straight-bar-pushdown',
  'Push Up': 'push-up',
  'Leg Extension (Machine)': 'machine-leg-extension',
  'Lying Leg Curl (Machine)': 'machine-lying-leg-curl',
  'Deadlift (Barbell)': 'barbell-deadlift',
  'Triceps Extension (Dumbbell)': 'dumbbell-overhead-triceps-extension',
  'Triceps Extension': 'machine-triceps-extension',
  'Hack Squat': 'machine-hack-squat',
  'Seated Row (Machine)': 'machine-seated-row',
  'Sumo Deadlift (Barbell)': 'barbell-sumo-deadlift',
  'Seated Overhead Press (Dumbbell)': 'seated-dumbbell-overhead-press',
  'Bent Over Row (Barbell)': 'barbell-bent-over-row',
  'Bent Over One Arm Row (Dumbbell)': 'dumbbell-one-arm-row',
  'Lat Pulldown (Cable)': 'cable-lat-pulldown',
  'Overhead Press (Smith Machine)': 'smith-machine-overhead-press',
  'Overhead Press (Dumbbell)': 'dumbbell-overhead-press',
};

const imported = (): Exercise[] => {
  const json: unknown = JSON.parse(readFileSync(path.join(DATA, 'free-exercise-db/exercises.json'), 'utf8'));
  return mapFreeExerciseDb(json).exercises;
};

describe('createExerciseMatcher on the built-in library', () => {
  const match = createExerciseMatcher(BUILTIN_EXERCISES);

  it.each(Object.entries(STRONG_NAMES))('maps Strong\'s "%s" to %s by an exact alias', (name, id) => {
    expect(match(name)).toEqual({ exerciseId: id, exerciseName: expect.any(String), method: 'alias', score: 1 });
  });

  it('covers every exercise name in the real Strong export', () => {
    const csv = readFileSync(path.join(DATA, 'logs/strong-export-dericmei/strong.csv'), 'utf8');
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    const column = rows[0]?.indexOf('运动名称') ?? -1;
    const names = new Set(rows.slice(1).map((r) => r[column] ?? ''));
    expect([...names].sort()).toEqual(Object.keys(STRONG_NAMES).sort());
  });

  it('returns null for nonsense and for empty names', () => {
    for (const name of ['Zzzz Qqqq', 'Banana Split', 'Hello World', '', '   ', '()', '(Barbell)']) expect(match(name)).toBeNull();
  });

  it('reports exact for the name itself, ignoring case and spacing', () => {
    expect(match('  barbell   BENCH press ')).toMatchObject({ exerciseId: 'barbell-bench-press', method: 'exact', score: 1 });
  });

  it.each([
    ['Chin-Up', 'chin-up'], ['Chinups', 'chin-up'], ['chin up', 'chin-up'], ['Pull-ups', 'pull-up'],
    ['Biceps Curl (Dumbbell)', 'dumbbell-curl'], ['Bicep Curls (Barbell)', 'barbell-curl'],
    ['Barbell Bench Press', 'barbell-bench-press'], ['bench press - barbell', 'barbell-bench-press'],
    ['Push-Ups', 'push-up'], ['Lateral Raises (Dumbbell)', 'dumbbell-lateral-raise'], ['Lat Pull Down (Cable)', 'cable-lat-pulldown'],
    ['Skull Crushers (EZ Bar)', 'ez-bar-skullcrusher'], ["Farmers Walk", 'dumbbell-farmers-carry'], ['DB RDL', 'dumbbell-romanian-deadlift'],
  ])('normalises "%s" to %s', (name, id) => {
    expect(match(name)).toMatchObject({ exerciseId: id, method: expect.stringMatching(/^(exact|alias|normalized)$/) });
  });

  it('finds typos and reworded names with a fuzzy score below the exact ones', () => {
    const typo = match('Incline Bench Pres (Dumbell)');
    expect(typo).toMatchObject({ exerciseId: 'dumbbell-incline-bench-press', method: 'fuzzy' });
    expect(typo?.score).toBeGreaterThan(0.5);
    expect(typo?.score).toBeLessThan(0.95);
    expect(match('Reverse Grip Lat Pulldown (Cable)')).toMatchObject({ exerciseId: 'cable-underhand-lat-pulldown', method: 'fuzzy' });
  });

  it('requires the stated equipment to agree for a fuzzy match', () => {
    expect(match('Hammer Curls Seated (Dumbbell)')).toMatchObject({ exerciseId: 'dumbbell-hammer-curl' });
    expect(match('Hammer Curls Seated (Cable)')).toMatchObject({ exerciseId: 'cable-rope-hammer-curl' });
    expect(match('Straight Arm Pulldown (Kettlebell)')).toBeNull();
    const kettle = match('Goblet Squats Heavy (Kettlebell)');
    expect(kettle?.exerciseId).toBe('kettlebell-goblet-squat');
  });

  it('maps every built-in name and alias back to its own exercise', () => {
    for (const e of BUILTIN_EXERCISES) {
      for (const label of [e.name, ...e.aliases]) expect(match(label)?.exerciseId, label).toBe(e.id);
    }
  });

  it('never throws and keeps scores in [0, 1] for any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (name) => {
      const m = match(name);
      if (m !== null) {
        expect(m.score).toBeGreaterThan(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
    }));
  });
});

describe('createExerciseMatcher with the 873 imported exercises added', () => {
  const library = [...imported(), ...BUILTIN_EXERCISES];
  const match = createExerciseMatcher(library);

  it.each(Object.entries(STRONG_NAMES))('still maps "%s" to the built-in %s', (name, id) => {
    expect(match(name)?.exerciseId).toBe(id);
  });

  it('prefers a built-in over an imported exercise with the same name', () => {
    const twin: Exercise = { ...BUILTIN_EXERCISES[0]!, id: 'fedb-twin', source: 'free-exercise-db', sourceId: 'Twin' };
    const m = createExerciseMatcher([twin, ...BUILTIN_EXERCISES]);
    expect(m(twin.name)?.exerciseId).toBe(BUILTIN_EXERCISES[0]!.id);
    expect(m(twin.name.toUpperCase().replace(/ /g, '-'))?.exerciseId).toBe(BUILTIN_EXERCISES[0]!.id);
  });

  it('reaches imported exercises the built-in library lacks', () => {
    expect(match('Zercher Squats')).toMatchObject({ exerciseId: 'fedb-zercher-squats', method: 'exact' });
    expect(match('zercher squat')).toMatchObject({ exerciseId: 'fedb-zercher-squats', method: 'normalized' });
    expect(match('Zzzz Qqqq')).toBeNull();
  });
});

describe('movementSimilarity', () => {
  it('is 1 for the same words, 0 for disjoint ones, and symmetric', () => {
    expect(movementSimilarity(['bench', 'press'], ['press', 'bench'])).toBe(1);
    expect(movementSimilarity(['zzzz'], ['bench', 'press'])).toBe(0);
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 4 }), fc.array(fc.string(), { maxLength: 4 }), (a, b) => {
      const s = movementSimilarity(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(Math.abs(s - movementSimilarity(b, a))).toBeLessThan(1e-12);
    }));
  });
});
