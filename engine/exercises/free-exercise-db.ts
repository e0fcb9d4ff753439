/**
 * Maps free-exercise-db records (yuhonas/free-exercise-db, `dist/exercises.json`, Unlicense)
 * to the engine's `Exercise` shape. Pure: the caller reads the file and passes the parsed JSON.
 *
 * Source record: `{ id, name, force, level, mechanic, equipment, primaryMuscles,
 * secondaryMuscles, instructions, category, images }`, muscles and equipment in lower case
 * with spaces (`lower back`, `body only`, `e-z curl bar`).
 */
import { z } from 'zod';
import type { Equipment, Exercise, Muscle } from '../types';
import { inferEquipment, inferMechanic, inferPattern } from './infer';
import { MUSCLES } from './vocabulary';

/** Source equipment names → our vocabulary. */
const EQUIPMENT_MAP: Readonly<Record<string, Equipment>> = {
  'barbell': 'barbell',
  'dumbbell': 'dumbbell',
  'kettlebells': 'kettlebell',
  'cable': 'cable',
  'machine': 'machine',
  'bands': 'bands',
  'body only': 'body_only',
  'e-z curl bar': 'ez_bar',
  'medicine ball': 'medicine_ball',
  'exercise ball': 'exercise_ball',
  'foam roll': 'foam_roll',
  'other': 'other',
};

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

const MUSCLE_NAMES: ReadonlyMap<string, Muscle> = new Map(MUSCLES.map((m) => [m, m]));

/** `lower back` → `lower_back`; an unknown name is an issue that quotes the source value. */
const muscle = z.string({ error: 'expected a muscle name (string)' }).transform((name, ctx) => {
  const found = MUSCLE_NAMES.get(name.trim().toLowerCase().replace(/\s+/g, '_'));
  if (found !== undefined) return found;
  ctx.issues.push({ code: 'custom', message: `unknown muscle ${quoted(name)}`, input: name });
  return z.NEVER;
});

const RecordSchema = z.object({
  id: z.string({ error: 'expected a non-empty string' }).trim().min(1, { error: 'expected a non-empty string' }),
  name: z.string({ error: 'expected a non-empty string' }).trim().min(1, { error: 'expected a non-empty string' }),
  force: z.enum(['push', 'pull', 'static'], { error: (iss) => `unknown force ${quoted(iss.input)}` }).nullish(),
  level: z.enum(['beginner', 'intermediate', 'expert'], { error: (iss) => `unknown level ${quoted(iss.input)}` }),
  mechanic: z.enum(['compound', 'isolation'], { error: (iss) => `unknown mechanic ${quoted(iss.input)}` }).nullish(),
  equipment: z
    .string({ error: (iss) => `unknown equipment ${quoted(iss.input)}` })
    .refine((value) => value in EQUIPMENT_MAP, { error: (iss) => `unknown equipment ${quoted(iss.input)}` })
    .nullish(),
  primaryMuscles: z.array(muscle, { error: 'expected an array of muscle names' })
    .min(1, { error: 'expected at least one primary muscle' }),
  secondaryMuscles: z.array(muscle, { error: 'expected an array of muscle names' }).default([]),
  instructions: z.array(z.string({ error: 'expected a string' }), { error: 'expected an array of strings' }).default([]),
  category: z.string({ error: 'expected a non-empty string' }).trim().min(1, { error: 'expected a non-empty string' }),
  images: z.array(z.string()).optional(),
});

type SourceRecord = z.infer<typeof RecordSchema>;

/** One record that could not be mapped: its position, what we could read of it, and why. */
export interface RejectedRecord {
  /** 0-based position in the source array. */
  index: number;
  sourceId: string | null;
  name: string | null;
  /** Names the field, e.g. `primaryMuscles.0: unknown muscle "biceps brachii"`. */
  reason: string;
}

export interface FreeExerciseDbImport {
  exercises: Exercise[];
  rejected: RejectedRecord[];
}

/** `3_4_Sit-Up` → `3-4-sit-up`: lower case, accents stripped, non-alphanumeric runs → `-`. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function stringField(raw: unknown, key: 'id' | 'name'): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value: unknown = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function toExercise(record: SourceRecord): Exercise {
  const source = record.equipment == null ? null : (EQUIPMENT_MAP[record.equipment] ?? null);
  const mechanic = record.mechanic ?? inferMechanic(record.name, record.secondaryMuscles);
  const force = record.force ?? 'static';
  const { pattern, substitutionGroup } = inferPattern({
    name: record.name, category: record.category, primaryMuscles: record.primaryMuscles, force, mechanic,
  });
  return {
    id: `fedb-${slugify(record.id)}`,
    name: record.name,
    aliases: [record.name],
    primaryMuscles: [...new Set(record.primaryMuscles)],
    secondaryMuscles: [...new Set(record.secondaryMuscles)].filter((m) => !record.primaryMuscles.includes(m)),
    equipment: inferEquipment(record.name, source),
    level: record.level === 'expert' ? 'advanced' : record.level,
    mechanic,
    force,
    pattern,
    substitutionGroup,
    category: record.category.toLowerCase(),
    source: 'free-exercise-db',
    sourceId: record.id,
    instructions: record.instructions.map((s) => s.trim()).filter((s) => s.length > 0),
  };
}

/**
 * Maps a parsed free-exercise-db `exercises.json` to engine exercises.
 *
 * - Input: the parsed JSON (an array of records). Each record is validated with zod; any
 *   record that fails, or whose id slug repeats an earlier record's, goes to `rejected` with
 *   its 0-based index and a reason that names the field. No record is dropped silently:
 *   `exercises.length + rejected.length === json.length`.
 * - Mapping: muscles to snake_case vocabulary; level `expert` → `advanced`; equipment through
 *   `EQUIPMENT_MAP`, then `inferEquipment` (missing → read from the name, else `other`);
 *   missing mechanic → `inferMechanic`; missing force → `static`; pattern and substitution
 *   group → `inferPattern`. id `fedb-<slug of source id>`, `sourceId` the original id,
 *   `aliases` `[name]`, `source` `free-exercise-db`.
 * @throws Error when the top level is not an array.
 */
export function mapFreeExerciseDb(json: unknown): FreeExerciseDbImport {
  if (!Array.isArray(json)) {
    const got = json === null ? 'null' : typeof json;
    throw new Error(`free-exercise-db: expected the top level to be an array of exercise records, got ${got}`);
  }
  const exercises: Exercise[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Map<string, string>();
  json.forEach((raw: unknown, index) => {
    const reject = (reason: string): void => {
      rejected.push({ index, sourceId: stringField(raw, 'id'), name: stringField(raw, 'name'), reason });
    };
    const parsed = RecordSchema.safeParse(raw);
    if (!parsed.success) {
      reject(parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'record'}: ${i.message}`).join('; '));
      return;
    }
    const exercise = toExercise(parsed.data);
    const earlier = seen.get(exercise.id);
    if (earlier !== undefined) {
      reject(`id: ${quoted(parsed.data.id)} gives id ${exercise.id}, already used by source id ${quoted(earlier)}`);
      return;
    }
    if (exercise.id === 'fedb-') {
      reject(`id: ${quoted(parsed.data.id)} has no letters or digits to build an id from`);
      return;
    }
    seen.set(exercise.id, parsed.data.id);
    exercises.push(exercise);
  });
  return { exercises, rejected };
}
