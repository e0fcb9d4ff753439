import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapFreeExerciseDb, slugify } from './free-exercise-db';
import { EQUIPMENT, FORCES, LEVELS, MECHANICS, MUSCLES, PATTERNS } from './vocabulary';

const DATA = path.resolve(process.cwd(), '../shared/data/free-exercise-db/exercises.json');
const realRecords = (): unknown[] => JSON.parse(readFileSync(DATA, 'utf8')) as unknown[];

/** A valid record in the source format, to break one field at a time. */
const good = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'Test_Press', name: 'Test Press', force: 'push', level: 'beginner', mechanic: 'compound',
  equipment: 'barbell', primaryMuscles: ['chest'], secondaryMuscles: ['triceps'],
  instructions: ['Press it.'], category: 'strength', images: [], ...over,
});

describe('mapFreeExerciseDb on the real free-exercise-db (873 records)', () => {
  const result = mapFreeExerciseDb(realRecords());
  const byId = new Map(result.exercises.map((e) => [e.sourceId, e]));

  it('maps every record and rejects none', () => {
    expect(result.rejected).toEqual([]);
    expect(result.exercises).toHaveLength(873);
  });

  it('gives unique fedb- ids and keeps the source id and name', () => {
    expect(new Set(result.exercises.map((e) => e.id)).size).toBe(873);
    for (const e of result.exercises) {
      expect(e.id).toBe(`fedb-${slugify(e.sourceId ?? '')}`);
      expect(e.source).toBe('free-exercise-db');
      expect(e.aliases).toEqual([e.name]);
    }
    expect(byId.get('3_4_Sit-Up')?.id).toBe('fedb-3-4-sit-up');
  });

  it('keeps every field within the vocabularies', () => {
    for (const e of result.exercises) {
      for (const m of [...e.primaryMuscles, ...e.secondaryMuscles]) expect(MUSCLES).toContain(m);
      expect(EQUIPMENT).toContain(e.equipment);
      expect(LEVELS).toContain(e.level);
      expect(MECHANICS).toContain(e.mechanic);
      expect(FORCES).toContain(e.force);
      expect(PATTERNS).toContain(e.pattern);
      expect(e.substitutionGroup).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('maps muscles, levels and equipment to our names', () => {
    const deadlift = byId.get('Barbell_Deadlift');
    expect(deadlift?.primaryMuscles).toEqual(['lower_back']);
    expect(result.exercises.filter((e) => e.level === 'advanced')).toHaveLength(57);
    expect(byId.get('3_4_Sit-Up')?.equipment).toBe('body_only');
    expect(byId.get('EZ-Bar_Curl')?.equipment).toBe('ez_bar');
    expect(byId.get('Goblet_Squat')?.equipment).toBe('kettlebell');
    expect(byId.get('Smith_Machine_Bench_Press')?.equipment).toBe('smith_machine');
    expect(byId.get('Pullups')?.equipment).toBe('pullup_bar');
  });

  it('infers missing equipment, mechanic and force', () => {
    expect(byId.get('Bodyweight_Walking_Lunge')?.equipment).toBe('body_only');
    expect(byId.get('Inverted_Row')?.equipment).toBe('pullup_bar');
    expect(byId.get('Adductor_Groin')?.equipment).toBe('other');
    expect(byId.get('Running_Treadmill')?.mechanic).toBe('compound');
    expect(byId.get('Farmers_Walk')?.force).toBe('static');
    expect(result.exercises.filter((e) => e.force === 'static')).toHaveLength(104 + 29);
  });

  it('puts well-known lifts in the pattern and group a planner expects', () => {
    const expectations: Array<[string, string, string]> = [
      ['Barbell_Bench_Press_-_Medium_Grip', 'horizontal_push', 'bench-press'],
      ['Barbell_Squat', 'squat', 'squat'],
      ['Romanian_Deadlift', 'hinge', 'romanian-deadlift'],
      ['Pullups', 'vertical_pull', 'pull-up'],
      ['Seated_Cable_Rows', 'horizontal_pull', 'seated-row'],
      ['Side_Lateral_Raise', 'shoulder_raise', 'lateral-raise'],
      ['Lying_Leg_Curls', 'knee_flexion', 'leg-curl'],
      ['Leg_Extensions', 'knee_extension', 'leg-extension'],
      ['Triceps_Pushdown', 'elbow_extension', 'triceps-pushdown'],
      ['Hammer_Curls', 'elbow_flexion', 'hammer-curl'],
      ['Barbell_Hip_Thrust', 'hip_extension', 'hip-thrust'],
      ['Farmers_Walk', 'carry', 'loaded-carry'],
      ['Plank', 'core_stability', 'plank'],
      ['Hamstring_Stretch', 'mobility', 'stretch-hamstrings'],
      ['Rowing_Stationary', 'conditioning', 'conditioning'],
    ];
    for (const [sourceId, pattern, group] of expectations) {
      const e = byId.get(sourceId);
      expect(e, sourceId).toBeDefined();
      expect([e?.pattern, e?.substitutionGroup], sourceId).toEqual([pattern, group]);
    }
  });
});

describe('mapFreeExerciseDb on bad input', () => {
  it('throws when the top level is not an array', () => {
    expect(() => mapFreeExerciseDb({ exercises: [] })).toThrow(/top level.*array/);
    expect(() => mapFreeExerciseDb(null)).toThrow(/array/);
    expect(() => mapFreeExerciseDb('[]')).toThrow(/array/);
  });

  it('rejects each unusable record with a reason naming the field', () => {
    const records: unknown[] = [
      good(),
      good({ id: 'Bad_Muscle', primaryMuscles: ['biceps brachii'] }),
      good({ id: 'No_Primary', primaryMuscles: [] }),
      good({ id: 'Bad_Level', level: 'elite' }),
      good({ id: 'Bad_Equipment', equipment: 'rowing boat' }),
      good({ id: 'Bad_Force', force: 'twist' }),
      good({ id: 'Bad_Mechanic', mechanic: 3 }),
      good({ id: '', name: 'No Id' }),
      good({ id: 'No_Name', name: undefined }),
      good({ id: 'No_Category', category: '' }),
      good({ id: 'Bad_Instructions', instructions: 'do it' }),
      'not a record',
      good(),
      good({ id: '!!!' }),
    ];
    const { exercises, rejected } = mapFreeExerciseDb(records);
    expect(exercises.map((e) => e.id)).toEqual(['fedb-test-press']);
    const reasons = Object.fromEntries(rejected.map((r) => [r.index, r.reason]));
    expect(reasons[1]).toMatch(/^primaryMuscles\.0: unknown muscle "biceps brachii"/);
    expect(reasons[2]).toMatch(/^primaryMuscles: /);
    expect(reasons[3]).toMatch(/^level: unknown level "elite"/);
    expect(reasons[4]).toMatch(/^equipment: unknown equipment "rowing boat"/);
    expect(reasons[5]).toMatch(/^force: /);
    expect(reasons[6]).toMatch(/^mechanic: /);
    expect(reasons[7]).toMatch(/^id: /);
    expect(reasons[8]).toMatch(/^name: /);
    expect(reasons[9]).toMatch(/^category: /);
    expect(reasons[10]).toMatch(/^instructions: /);
    expect(reasons[11]).toMatch(/^record: /);
    expect(reasons[12]).toMatch(/^id: .*already used/);
    expect(reasons[13]).toMatch(/^id: /);
    expect(rejected.find((r) => r.index === 8)).toMatchObject({ sourceId: 'No_Name', name: null });
    expect(rejected.find((r) => r.index === 7)).toMatchObject({ sourceId: null, name: 'No Id' });
  });

  it('accepts nulls the real data has, and fills them in', () => {
    const { exercises, rejected } = mapFreeExerciseDb([
      good({ id: 'Nulls', name: 'Cable Curl Thing', force: null, mechanic: null, equipment: null, secondaryMuscles: [] }),
    ]);
    expect(rejected).toEqual([]);
    expect(exercises[0]).toMatchObject({ force: 'static', mechanic: 'isolation', equipment: 'cable' });
  });

  it('accounts for every record of any input: mapped or rejected, never both, never lost', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.record({
        id: fc.oneof(fc.string(), fc.constant(null)), name: fc.string(), force: fc.constantFrom('push', 'pull', null, 'x'),
        level: fc.constantFrom('beginner', 'expert', 'pro'), mechanic: fc.constantFrom('compound', null),
        equipment: fc.constantFrom('barbell', 'body only', null, 'boat'),
        primaryMuscles: fc.array(fc.constantFrom('chest', 'lower back', 'wings'), { maxLength: 2 }),
        secondaryMuscles: fc.array(fc.constantFrom('triceps', 'middle back'), { maxLength: 2 }),
        instructions: fc.array(fc.string(), { maxLength: 2 }), category: fc.constantFrom('strength', 'stretching', ''),
      }),
    );
    fc.assert(fc.property(fc.array(junk, { maxLength: 20 }), (records) => {
      const { exercises, rejected } = mapFreeExerciseDb(records);
      const indexes = rejected.map((r) => r.index);
      expect(exercises.length + rejected.length).toBe(records.length);
      expect(new Set(indexes).size).toBe(indexes.length);
      for (const r of rejected) expect(r.reason).toMatch(/^[A-Za-z.0-9]+: /);
      for (const e of exercises) expect(e.id).toMatch(/^fedb-[a-z0-9]+(-[a-z0-9]+)*$/);
    }));
  });
});
