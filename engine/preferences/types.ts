/**
 * Shapes of preference learning (issue 3, part 6): feedback on a recommendation, the signals read
 * from it, the member's preference profile and the insights shown to a trainer.
 * Pure data, JSON-safe. Ratings are 1–10, preference dimensions 0–1 (0.5 = neutral), times in s.
 */
import type { Muscle } from '../types';
import type { Prescribed, Recommendation } from '../progression/types';

export const FEEDBACK_ACTIONS = ['accepted', 'modified', 'skipped'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/** What the member actually did instead, when `action` is `modified` (any subset of fields). */
export type ModifiedPrescription = Partial<Pick<Prescribed, 'loadKg' | 'sets' | 'repMin' | 'repMax' | 'restS' | 'exerciseId'>>;

/** A member's feedback on one recommendation. Ratings are integers 1–10 (10 = most). */
export interface Feedback {
  recommendationId: string;
  action: FeedbackAction;
  /** How hard the recommended work felt to do (1 easy – 10 very hard). */
  difficulty: number;
  /** How useful the member found the change (1 useless – 10 very useful). */
  effectiveness: number;
  /** Perceived exertion of the session's work on this exercise, RPE-like (1–10). */
  perceivedExertion: number;
  /** Form quality as rated by the trainer or the member (1 poor – 10 perfect). */
  formQuality: number;
  /** Time to complete the exercise, s (0–14,400). */
  completionTimeS?: number;
  notes?: string;
  /** With `action: 'modified'`: the values the member used in place of the suggestion. */
  modifiedTo?: ModifiedPrescription;
}

/** The dimensions of taste a profile learns, each 0–1 with 0.5 neutral. */
export const PREFERENCE_DIMENSIONS = [
  'preferredIntensity', 'volumeTolerance', 'restPreference', 'exerciseVariety', 'progressionRate', 'formFocus',
] as const;
export type PreferenceDimension = (typeof PREFERENCE_DIMENSIONS)[number];

/** One piece of evidence: pull `dimension` towards `target` (0–1), with the rule that said so. */
export interface PreferenceSignal {
  dimension: PreferenceDimension;
  target: number;
  /** The mapping rule's id, e.g. `increase_accepted_easy` (see ./signals). */
  rule: string;
  note: string;
}

export interface ActionRates {
  accepted: number;
  modified: number;
  skipped: number;
}

/**
 * A member's learnt preferences. `dimensions` and `rates` are exponential moving averages; each
 * confidence is the weight the evidence has against the prior, 1 − (1 − α)^n after n updates.
 */
export interface PreferenceProfile {
  memberId: number;
  dimensions: Record<PreferenceDimension, number>;
  /** EMA of the action indicators (they always sum to 1). */
  rates: ActionRates;
  confidence: Record<PreferenceDimension | 'rates', number>;
  /** Signals seen per dimension, and feedback seen in total. */
  evidence: Record<PreferenceDimension, number>;
  counts: ActionRates & { total: number };
  learningRate: number;
}

/** Feedback joined with the recommendation it answers (recommendations carry no id themselves). */
export interface FeedbackEntry {
  recommendationId: string;
  recommendation: Recommendation;
  feedback: Feedback;
}

/** Whether an accepted recommendation's expected outcome was met (see `expectedOutcomeMet`). */
export interface RecommendationOutcome {
  recommendationId: string;
  met: boolean;
}

/** An exercise's e1RM trend as the weekly analysis computes it. */
export interface ExerciseTrend {
  exerciseId: string;
  primaryMuscles: Muscle[];
  /** Change of e1RM per week, % of its mean; null with fewer than 2 weeks of data. */
  e1rmChangePctPerWeek: number | null;
}

/** One week's planned and done sessions. */
export interface WeekAdherence {
  weekStart: string;
  planned: number;
  done: number;
}

export interface InsightInput {
  profile: PreferenceProfile;
  entries: FeedbackEntry[];
  outcomes: RecommendationOutcome[];
  trends: ExerciseTrend[];
  adherence: WeekAdherence[];
}

export interface MuscleArea {
  muscle: Muscle;
  e1rmChangePctPerWeek: number;
  exercises: number;
}

export interface MemberInsights {
  memberId: number;
  /** Sentences a trainer can read, most certain first. */
  summary: string[];
  /** Share of feedback that accepted the recommendation; null without feedback. */
  acceptanceRate: number | null;
  improvement: { e1rmChangePctPerWeek: number | null; sentence: string };
  consistency: { adherence: number | null; weeksOnPlan: number; weeks: number; sentence: string };
  weakAreas: MuscleArea[];
  strongAreas: MuscleArea[];
  /** Share of accepted recommendations with a known outcome whose expected outcome was met. */
  recommendationAccuracy: number | null;
  nextFocusAreas: string[];
}
