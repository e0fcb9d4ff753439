/**
 * Shapes of the safety layer (issue 3, part 3). JSON-safe except the optional rounding
 * function in the context. Loads in kg, rest in s, heart rates in bpm, times ISO-8601.
 */
import type { CheckIn, ExerciseSession, Recommendation } from '../progression/types';
import type { SafetyConstraints } from './constraints';

/** Heart-rate readings, all optional; red flags are only checked for what is supplied. */
export interface HeartRateReadings {
  /** Age in years, for Tanaka's HRmax = 208 − 0.7 × age when no observed max is known. */
  ageYears?: number | null;
  /** Resting heart rate today, bpm. */
  restingBpm?: number | null;
  /** The member's highest observed heart rate, bpm (preferred over Tanaka, domain.md). */
  observedMaxBpm?: number | null;
  /** Highest heart rate reached in the session so far, bpm. */
  sessionPeakBpm?: number | null;
}

/** What the safety layer knows about the member and the exercise when it checks a recommendation. */
export interface SafetyContext {
  /** The time of the decision, ISO-8601 (no clock is read). */
  now: string;
  /** The member's check-in for this session, or null when none was given. */
  checkIn: CheckIn | null;
  /** Past sessions; only those of the recommendation's exercise and at or before `now` are used. */
  history: ExerciseSession[];
  /** Latest form rating (1–10) for this exercise; when absent, the lowest rating of the latest session. */
  formRating?: number | null;
  heartRate?: HeartRateReadings | null;
  /**
   * Rounds a clamped load down to a loadable one (e.g. the progression's inventory rounding).
   * Must be idempotent and never return more than it was given; a result above the input is
   * ignored. Without it, clamped loads stay unrounded kg.
   */
  roundDownKg?: (kg: number) => number | null;
}

export const SITUATION_KINDS = ['pain', 'illness', 'layoff', 'failed_at_rpe10', 'e1rm_drop', 'heart_rate'] as const;
export type SituationKind = (typeof SITUATION_KINDS)[number];

/** What a dangerous situation does to a recommendation: block it, or replace it with a lighter one. */
export type SituationAction = 'block' | 'replace';

/** One dangerous situation found by `assessSafety`. */
export interface SafetySituation {
  kind: SituationKind;
  action: SituationAction;
  /** Why, for a trainer: what was seen and what it means. */
  reason: string;
  /** For `replace`: the fraction the original load is cut by (0.1 = −10 %). 0 for `block`. */
  loadCut: number;
  /** For `block`: what the trainer is offered instead. */
  suggestions: ('change_exercise' | 'rest' | 'see_a_clinician')[];
  /** The numbers behind the finding (JSON-safe), e.g. `{ daysSinceLast: 21 }`. */
  evidence: Record<string, number | string | boolean | null>;
}

export type OverrideKind = SituationKind | 'constraint';

/** One change the safety layer made, loggable as is (the host writes each to the audit log). */
export interface Override {
  kind: OverrideKind;
  /** For `kind: 'constraint'`: which constraint was applied. */
  constraint?: keyof SafetyConstraints;
  reason: string;
  before: unknown;
  after: unknown;
}

export type SafetyStatus = 'pass' | 'adjusted' | 'replaced' | 'blocked';

export interface SafetyDecision {
  /** pass: unchanged; adjusted: clamped by constraints; replaced: a situation swapped it for a lighter one; blocked: not to be done. */
  status: SafetyStatus;
  /** The safe recommendation; null when blocked. */
  recommendation: Recommendation | null;
  overrides: Override[];
}
