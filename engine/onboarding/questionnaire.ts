/**
 * The front-desk questionnaire of a new member: strict, bounded zod schema and its parser.
 *
 * Shape (every answer bounded; unknown keys refused):
 * - `goal`: strength | hypertrophy | general_fitness | endurance
 * - `experience`: beginner | intermediate | advanced (the planner's level)
 * - `daysPerWeek` 2–6, `sessionMinutes` 20–180 (the planner's ranges)
 * - `equipment`: `{ access: 'club' }` (the club's kit) or `{ access: 'home', equipment: [...] }`
 * - `injuries`: muscles and movement patterns to keep out (hard constraints), with a note
 * - `excludedExerciseIds` (hard), `preferredExerciseIds` / `dislikedExerciseIds` (soft, ranked)
 * - `template`: a starter template key to override the one chosen from days per week
 * - `bodyMassKg` 25–300 or null, `sex` female | male | null: for the strength-standards prior
 */
import { z } from 'zod';
import { EQUIPMENT, GOALS, LEVELS, MUSCLES, PATTERNS } from '../exercises/vocabulary';
import { OnboardingInputError } from './errors';

export const TEMPLATE_KEYS = ['full_body_3', 'upper_lower_4', 'push_pull_legs_5'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

const ExerciseIds = z.array(z.string().min(1).max(120)).max(200);

export const QuestionnaireSchema = z.object({
  goal: z.enum(GOALS),
  experience: z.enum(LEVELS),
  daysPerWeek: z.number().int('must be a whole number').min(2, 'must be 2–6 days').max(6, 'must be 2–6 days'),
  sessionMinutes: z.number().int('must be a whole number').min(20, 'must be 20–180 minutes').max(180, 'must be 20–180 minutes'),
  equipment: z.discriminatedUnion('access', [
    z.object({ access: z.literal('club') }).strict(),
    z.object({ access: z.literal('home'), equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length) }).strict(),
  ]),
  injuries: z.object({
    muscles: z.array(z.enum(MUSCLES)).max(MUSCLES.length).default([]),
    patterns: z.array(z.enum(PATTERNS)).max(PATTERNS.length).default([]),
    note: z.string().max(500).default(''),
  }).strict().default({ muscles: [], patterns: [], note: '' }),
  excludedExerciseIds: ExerciseIds.default([]),
  preferredExerciseIds: ExerciseIds.default([]),
  dislikedExerciseIds: ExerciseIds.default([]),
  template: z.enum(TEMPLATE_KEYS).optional(),
  bodyMassKg: z.number().min(25, 'must be 25–300 kg').max(300, 'must be 25–300 kg').nullable().default(null),
  sex: z.enum(['female', 'male']).nullable().default(null),
}).strict();

export type Questionnaire = z.output<typeof QuestionnaireSchema>;
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;

/** `questionnaire.daysPerWeek` from a zod issue path. */
export function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].join('.');
}

/**
 * Validate answers. Returns the parsed questionnaire (defaults applied).
 * Throws `OnboardingInputError` naming the first bad field, e.g. `questionnaire.daysPerWeek: must be 2–6 days`.
 */
export function parseQuestionnaire(input: unknown): Questionnaire {
  const r = QuestionnaireSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OnboardingInputError(fieldOf('questionnaire', issue.path), issue.message);
  }
  const q = r.data;
  const both = q.preferredExerciseIds.find((id) => q.dislikedExerciseIds.includes(id));
  if (both !== undefined) throw new OnboardingInputError('questionnaire.dislikedExerciseIds', `"${both}" is also listed as preferred`);
  return q;
}
