/**
 * Validation of feedback on a recommendation (zod). `parseFeedback(unknown)` returns a typed
 * `Feedback` or throws `PreferenceInputError` naming the first offending field, e.g.
 * `formQuality: must be an integer from 1 to 10, got 11`.
 */
import { z } from 'zod';
import { PreferenceInputError } from './errors';
import type { Feedback } from './types';
import { FEEDBACK_ACTIONS } from './types';

/** Longest completion time accepted, s (4 h). */
export const MAX_COMPLETION_TIME_S = 14_400;
/** Longest note accepted, characters. */
export const MAX_NOTES_LENGTH = 2_000;

const rating = z.number().int().min(1).max(10);

const modifiedTo = z
  .object({
    loadKg: z.number().min(0).max(1_000).nullable(),
    sets: z.number().int().min(1).max(20),
    repMin: z.number().int().min(1).max(100),
    repMax: z.number().int().min(1).max(100),
    restS: z.number().int().min(0).max(1_800),
    exerciseId: z.string().min(1).max(200),
  })
  .partial()
  .strict();

export const FEEDBACK_SCHEMA = z
  .object({
    recommendationId: z.string().trim().min(1).max(200),
    action: z.enum(FEEDBACK_ACTIONS),
    difficulty: rating,
    effectiveness: rating,
    perceivedExertion: rating,
    formQuality: rating,
    completionTimeS: z.number().min(0).max(MAX_COMPLETION_TIME_S).optional(),
    notes: z.string().max(MAX_NOTES_LENGTH).optional(),
    modifiedTo: modifiedTo.optional(),
  })
  .strict();

const RATINGS = new Set(['difficulty', 'effectiveness', 'perceivedExertion', 'formQuality']);

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const got = valueAt(input, issue.path);
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  const leaf = String(issue.path[issue.path.length - 1] ?? '');
  if (RATINGS.has(leaf)) return `must be an integer from 1 to 10, got ${shown}`;
  if (leaf === 'action') return `must be one of ${FEEDBACK_ACTIONS.join(', ')}, got ${shown}`;
  if (leaf === 'completionTimeS') return `must be a number of seconds from 0 to ${String(MAX_COMPLETION_TIME_S)}, got ${shown}`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return `${issue.message}, got ${shown}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Parses feedback from untrusted input. Throws `PreferenceInputError` with `field` the dotted path
 * of the first problem (`feedback` for a non-object). A `modifiedTo` needs `action: 'modified'`,
 * and `modifiedTo.repMin` ≤ `modifiedTo.repMax` when both are given.
 */
export function parseFeedback(input: unknown): Feedback {
  const result = FEEDBACK_SCHEMA.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue === undefined) throw new PreferenceInputError('feedback', 'is not valid feedback');
    const path = issue.path.map(String).join('.');
    const field = path === '' ? 'feedback' : path;
    throw new PreferenceInputError(field, describe(issue, input));
  }
  const fb = result.data;
  if (fb.modifiedTo !== undefined && fb.action !== 'modified') {
    throw new PreferenceInputError('modifiedTo', `is only allowed with action "modified", got action "${fb.action}"`);
  }
  const m = fb.modifiedTo;
  if (m?.repMin !== undefined && m.repMax !== undefined && m.repMin > m.repMax) {
    throw new PreferenceInputError('modifiedTo.repMin', `must be ≤ repMax (${String(m.repMax)}), got ${String(m.repMin)}`);
  }
  return fb as Feedback;
}
