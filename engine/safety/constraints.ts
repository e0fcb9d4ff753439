/**
 * Safety constraints: the limits every recommendation and plan change is clamped to.
 *
 * Defaults come from the product specification's safety table, quoted in domain.md
 * ("Safety defaults (from the product's own specification)"):
 * | field                             | default | meaning                                                |
 * |-----------------------------------|---------|--------------------------------------------------------|
 * | maxLoadIncreaseFraction           | 0.10    | one step adds at most +10 % of the original load       |
 * | minRepsFraction                   | 0.80    | reps kept ≥ ceil(80 % of planned) when reps are cut    |
 * | minRestS                          | 30      | rest between sets ≥ 30 s                               |
 * | maxWeeklyVolumeIncreaseFraction   | 0.15    | a week's volume grows at most +15 %                    |
 * | cautionFatigue                    | 8       | fatigue (1–10) from which loads may not go up          |
 * | reduceLoadBelowForm               | 6       | form rating (1–10) below which the load is cut         |
 *
 * Our own documented choices (not in the specification), also configurable:
 * - `formLoadReductionFraction` 0.10: how much "reduce" means when form is poor (the same 10 %
 *   as Starting Strength's reset to 90 %, domain.md "Progression and deload rules in use").
 * - `maxLoadFromNoneKg` 2.5: when the original has no load (null or 0 kg, body weight), a +10 %
 *   step is undefined, so the first external load is capped at 2.5 kg (a pair of 1.25 kg plates,
 *   the smallest plate step in domain.md).
 * - `layoffDays` 14 and `e1rmDropFraction` 0.10: thresholds of the dangerous situations in
 *   issue 3 ("a layoff of 14 days or more", "an e1RM drop of more than 10 %").
 */
import { z } from 'zod';
import { SafetyInputError } from './errors';

export interface SafetyConstraints {
  /** Largest load increase in one step, as a fraction of the original load (0.10 = +10 %). */
  maxLoadIncreaseFraction: number;
  /** Smallest share of the planned reps kept (0.80 → reps ≥ ceil(0.8 × planned)). */
  minRepsFraction: number;
  /** Shortest rest between sets, s. */
  minRestS: number;
  /** Largest weekly volume increase, as a fraction (0.15 = +15 %). */
  maxWeeklyVolumeIncreaseFraction: number;
  /** Fatigue (1–10, 10 worst) at and above which no load increase is allowed. */
  cautionFatigue: number;
  /** Form rating (1–10) below which the load is reduced. */
  reduceLoadBelowForm: number;
  /** Fraction the load is cut by when form is below `reduceLoadBelowForm`. */
  formLoadReductionFraction: number;
  /** Cap (kg) on the suggested load when the original has no load (null or 0). */
  maxLoadFromNoneKg: number;
  /** Days since the exercise was last done from which a layoff re-entry applies. */
  layoffDays: number;
  /** e1RM drop (fraction of the previous best) above which a deload is forced. */
  e1rmDropFraction: number;
}

/** The product specification's defaults (domain.md) plus our documented choices above. */
export const DEFAULT_CONSTRAINTS: Readonly<SafetyConstraints> = Object.freeze({
  maxLoadIncreaseFraction: 0.1,
  minRepsFraction: 0.8,
  minRestS: 30,
  maxWeeklyVolumeIncreaseFraction: 0.15,
  cautionFatigue: 8,
  reduceLoadBelowForm: 6,
  formLoadReductionFraction: 0.1,
  maxLoadFromNoneKg: 2.5,
  layoffDays: 14,
  e1rmDropFraction: 0.1,
});

const fraction = (max: number) => z.number({ error: 'expected a number' }).finite().min(0, { error: 'must be ≥ 0' })
  .max(max, { error: `must be ≤ ${String(max)}` });
const rating = z.number({ error: 'expected a number' }).min(1, { error: 'must be in 1–10' }).max(10, { error: 'must be in 1–10' });

/** zod schema of a full constraints object; every field is required and range-checked. */
export const SafetyConstraintsSchema = z.object({
  maxLoadIncreaseFraction: fraction(1),
  minRepsFraction: fraction(1),
  minRestS: z.number({ error: 'expected a number' }).finite().min(0, { error: 'must be ≥ 0 s' }).max(3600, { error: 'must be ≤ 3600 s' }),
  maxWeeklyVolumeIncreaseFraction: fraction(2),
  cautionFatigue: rating,
  reduceLoadBelowForm: rating,
  formLoadReductionFraction: fraction(0.5),
  maxLoadFromNoneKg: z.number({ error: 'expected a number' }).finite().min(0, { error: 'must be ≥ 0 kg' }),
  layoffDays: z.number({ error: 'expected a number' }).int({ error: 'must be a whole number of days' }).min(1, { error: 'must be ≥ 1' }),
  e1rmDropFraction: fraction(1),
}).strict();

/**
 * Validates a constraints object (e.g. from a club's settings). Fields left out take the
 * defaults; unknown fields are rejected.
 * @throws SafetyInputError whose `field` is `constraints.<name>` of the first bad field.
 */
export function validateConstraints(input: unknown): SafetyConstraints {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SafetyInputError('constraints', 'expected an object');
  }
  const parsed = SafetyConstraintsSchema.safeParse({ ...DEFAULT_CONSTRAINTS, ...input });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? '' : `.${issue.path.map(String).join('.')}`;
  throw new SafetyInputError(`constraints${path}`, issue?.message ?? 'invalid');
}

/** Float slack for comparisons against limits (kg, reps). */
export const SAFETY_EPS = 1e-9;

/** Fewest reps that may be kept of `plannedReps`: ceil(minRepsFraction × planned), at least 1. */
export function minRepsKept(plannedReps: number, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): number {
  return Math.max(1, Math.ceil(constraints.minRepsFraction * plannedReps - SAFETY_EPS));
}

/**
 * Highest load (kg) one step may reach from `originalKg`: original × (1 + maxLoadIncreaseFraction),
 * or `maxLoadFromNoneKg` when the original has no load (null or ≤ 0).
 */
export function maxStepLoadKg(originalKg: number | null, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): number {
  if (originalKg === null || originalKg <= 0) return constraints.maxLoadFromNoneKg;
  return originalKg * (1 + constraints.maxLoadIncreaseFraction);
}
