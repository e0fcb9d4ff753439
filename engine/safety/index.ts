/** The safety layer: constraints, assessment of dangerous situations, and the pass every recommendation and plan change goes through. */
export {
  DEFAULT_CONSTRAINTS, SAFETY_EPS, SafetyConstraintsSchema, maxStepLoadKg, minRepsKept, validateConstraints,
} from './constraints';
export type { SafetyConstraints } from './constraints';
export { SafetyInputError } from './errors';
export {
  E1RM_DROP_WINDOW, LAYOFF_CUT_FORMER, LAYOFF_MIN_CUT, RESTING_TACHYCARDIA_BPM, STANDARD_CUT, TANAKA_MARGIN_BPM, assessSafety, currentFormRating,
  layoffCut, sessionBestE1rm, tanakaHrMax, validateContext,
} from './assess';
export type { LayoffCut, SafetyOptions } from './assess';
export { clampPrescribed, validatePrescribed } from './clamp';
export type { ClampLimits, Clamped } from './clamp';
export { DELOAD_SET_SHARE, SAFETY_FACTOR_PREFIX, SAFETY_MARK, applySafety } from './apply';
export { applySafetyToPlanChange, volumeWithinLimit, weeklyPlanVolume } from './plan';
export type { PlanChangeDecision, WeeklyVolume } from './plan';
export { SITUATION_KINDS } from './types';
export type {
  HeartRateReadings, Override, OverrideKind, SafetyContext, SafetyDecision, SafetySituation, SafetyStatus,
  SituationAction, SituationKind,
} from './types';
export { EDIT_RULE_FIELD, manualEditViolations } from './edit';
