/**
 * The safety check of a manual prescription edit (a trainer typing a new load, reps or rest
 * into a draft plan). The README promises that safety sees every plan change: the edit is
 * measured against the prescription it replaces with the same clamps as a recommendation
 * (clamp.ts): load step ≤ +10 % (≤ 2.5 kg from body weight), reps ≥ 80 % of the planned range,
 * rest ≥ 30 s. An edit that swaps the exercise has no step to measure and is checked against
 * itself (only the reps and rest floors can bind), as a new line in plan.ts. Weekly volume is
 * a property of the whole week, not of one line, and is left to the weekly plan change.
 * Lowering a load, adding reps or rest never breaks a rule.
 */
import type { Prescribed } from '../progression/types';
import { clampPrescribed, validatePrescribed } from './clamp';
import { DEFAULT_CONSTRAINTS, type SafetyConstraints } from './constraints';
import type { Override } from './types';

/** The prescription field a refused rule is about, for the form to point at. */
export const EDIT_RULE_FIELD: Readonly<Partial<Record<keyof SafetyConstraints, keyof Prescribed>>> = {
  maxLoadIncreaseFraction: 'loadKg', minRepsFraction: 'repMin', minRestS: 'restS',
};

/**
 * The rules the edit from `before` to `after` would break, one override each (empty: allowed).
 * @throws SafetyInputError when either prescription is out of range (field named, e.g. `after.repMax`).
 */
export function manualEditViolations(before: Prescribed, after: Prescribed, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): Override[] {
  validatePrescribed(before, 'before');
  validatePrescribed(after, 'after');
  const original = after.exerciseId === before.exerciseId ? before : after;
  return clampPrescribed(original, after, { fatigue: null, form: null }, constraints).overrides;
}
