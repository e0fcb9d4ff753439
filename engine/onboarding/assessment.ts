/**
 * The optional baseline assessment: a submaximal test of 5 key lifts (load × reps at a stated
 * RIR), turned into e1RM estimates with their uncertainty and starting e1RMs.
 *
 * Formula: Epley with reps to failure r = reps + RIR (engine/e1rm `epley1rm`; domain.md "e1RM
 * formulas"): e1RM = load × (1 + r/30). Inputs capped at 10 reps and RIR 0–3 (Reynolds et al.
 * 2006; domain.md), so the test is at least moderately hard.
 * Uncertainty (the range shown): the formula's ±10 % (Hutchins & Gearhart 2010, 10–13 % total
 * error; engine/e1rm `E1RM_ERROR_FRACTION`) widened by a misjudged RIR of ±1 rep (Halperin et al.
 * 2022: people under-predict reps to failure by 0.95 reps on average):
 *   low = load × (1 + (r − 1)/30) × 0.9,  high = load × (1 + (r + 1)/30) × 1.1.
 * Starting e1RM: the point estimate itself (`START_FRACTION` = 1). Week 1 already targets RIR 3
 * (engine/planner `START_RIR`), about 10 % below the load of the same reps to failure by Epley;
 * an earlier 90 % "training max" (Wendler 2011, 5/3/1) stacked on top of that left about 4–5
 * more reps in reserve at 10–13 reps to failure — double conservatism. A one-rep optimistic RIR in the test still leaves
 * about 2 reps in reserve in week 1, and people tend to *under*-predict their reps left
 * (Halperin et al. 2022), which errs light; week 1 calibrates.
 * Transfer: an exercise of the same movement pattern that was not tested gets the test's
 * starting e1RM × equipment factor ratio (engine/planner `PRIOR_EQUIPMENT_FACTOR`, e.g. a
 * dumbbell press per hand = 0.4 of the barbell) × `TRANSFER_FRACTION` (0.8, the priors' starting
 * fraction: the ratio is population knowledge, the lift was not tested), labelled as transferred.
 */
import { z } from 'zod';
import { epley1rm } from '../e1rm/formulas';
import { E1RM_ERROR_FRACTION } from '../e1rm/estimate';
import { PRIOR_EQUIPMENT_FACTOR } from '../planner/loads';
import type { Exercise, Pattern } from '../types';
import { OnboardingInputError } from './errors';
import { fieldOf } from './questionnaire';

export const KEY_LIFTS = ['squat', 'bench_press', 'deadlift', 'overhead_press', 'row'] as const;
export type KeyLift = (typeof KEY_LIFTS)[number];

/** The default exercise and the pattern of each key lift. */
export const KEY_LIFT_DEFAULTS: Readonly<Record<KeyLift, { exerciseId: string; pattern: Pattern; label: string }>> = {
  squat: { exerciseId: 'barbell-back-squat', pattern: 'squat', label: 'Squat' },
  bench_press: { exerciseId: 'barbell-bench-press', pattern: 'horizontal_push', label: 'Bench press' },
  deadlift: { exerciseId: 'barbell-deadlift', pattern: 'hinge', label: 'Deadlift' },
  overhead_press: { exerciseId: 'barbell-overhead-press', pattern: 'vertical_push', label: 'Overhead press' },
  row: { exerciseId: 'barbell-bent-over-row', pattern: 'horizontal_pull', label: 'Row' },
};

/** Fraction of the point e1RM that loads start from: 1, since week 1's RIR 3 is the margin (see the header). */
export const START_FRACTION = 1;
/** Fraction on a transferred (untested, undemonstrated) e1RM; equal to standards.ts `PRIOR_START_FRACTION`. */
export const TRANSFER_FRACTION = 0.8;
/** RIR misjudgement, reps, that widens the range (Halperin et al. 2022). */
export const RIR_ERROR_REPS = 1;

export const AssessmentSchema = z.object({
  tests: z.array(z.object({
    lift: z.enum(KEY_LIFTS),
    /** The exercise tested; default the lift's barbell staple. */
    exerciseId: z.string().min(1).max(120).optional(),
    loadKg: z.number().positive('must be above 0 kg').max(500, 'must be at most 500 kg'),
    reps: z.number().int('must be a whole number').min(1, 'must be 1–10 reps').max(10, 'must be 1–10 reps (e1RM is unreliable above 10)'),
    rir: z.number().int('must be a whole number').min(0, 'must be RIR 0–3').max(3, 'must be RIR 0–3 (reported RIR is unreliable above 3)'),
  }).strict()).min(1, 'give at least one test').max(KEY_LIFTS.length),
}).strict();

export type Assessment = z.output<typeof AssessmentSchema>;

export interface AssessedLift {
  lift: KeyLift;
  exerciseId: string;
  exerciseName: string;
  pattern: Pattern;
  loadKg: number;
  reps: number;
  rir: number;
  /** Point estimate, kg. */
  e1rmKg: number;
  lowKg: number;
  highKg: number;
  /** START_FRACTION × e1rmKg: what the plan's loads come from. */
  startE1rmKg: number;
}

/**
 * Validate and estimate. Throws `OnboardingInputError` naming the field (`assessment.tests.0.reps`),
 * for a lift tested twice, or an exercise id that is not in `library`.
 */
export function assessLifts(input: unknown, library: readonly Exercise[]): AssessedLift[] {
  const r = AssessmentSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OnboardingInputError(fieldOf('assessment', issue.path), issue.message);
  }
  const byId = new Map(library.map((e) => [e.id, e]));
  const seen = new Set<KeyLift>();
  return r.data.tests.map((t, i) => {
    if (seen.has(t.lift)) throw new OnboardingInputError(`assessment.tests.${String(i)}.lift`, `${t.lift} is tested twice`);
    seen.add(t.lift);
    const id = t.exerciseId ?? KEY_LIFT_DEFAULTS[t.lift].exerciseId;
    const exercise = byId.get(id);
    if (!exercise) throw new OnboardingInputError(`assessment.tests.${String(i)}.exerciseId`, `there is no exercise "${id}" in the library`);
    const r2f = t.reps + t.rir;
    const e1rmKg = epley1rm(t.loadKg, r2f);
    return {
      lift: t.lift, exerciseId: id, exerciseName: exercise.name, pattern: exercise.pattern,
      loadKg: t.loadKg, reps: t.reps, rir: t.rir, e1rmKg,
      lowKg: t.loadKg * (1 + Math.max(1, r2f - RIR_ERROR_REPS) / 30) * (1 - E1RM_ERROR_FRACTION),
      highKg: epley1rm(t.loadKg, r2f + RIR_ERROR_REPS) * (1 + E1RM_ERROR_FRACTION),
      startE1rmKg: e1rmKg * START_FRACTION,
    };
  });
}

/** Equipment factor of the planner's prior (1 for barbell-like kit and anything unlisted). */
export function equipmentFactor(e: Exercise): number {
  return PRIOR_EQUIPMENT_FACTOR[e.equipment] ?? 1;
}

/** The starting e1RM the test of `lift` gives `exercise` (same pattern, `TRANSFER_FRACTION` applied), kg, or null. */
export function transferE1rm(lift: AssessedLift, tested: Exercise, exercise: Exercise): number | null {
  if (exercise.pattern !== lift.pattern) return null;
  return lift.startE1rmKg * (equipmentFactor(exercise) / equipmentFactor(tested)) * TRANSFER_FRACTION;
}
