/**
 * Shapes of exercise recommendation (issue 15): what the scorer is given and what it returns.
 * Pure data, JSON-safe apart from the read-only arrays. Times are ISO-8601 (UTC), ages in h or days
 * as named, scores are points on the scales written beside each component.
 */
import type { FeedbackEntry, PreferenceProfile } from '../preferences/types';
import type { Equipment, Exercise, Goal, Level, Muscle, Pattern } from '../types';

/** What the scorer needs to know of the member (a subset of the planner's `MemberProfile`, plus tastes). */
export interface RecommendMember {
  goal: Goal;
  /** Training experience; a beginner is never offered an `advanced` exercise (as in the planner). */
  level: Level;
  /** Equipment available (the club's, or the member's home gym). `body_only` is always allowed. */
  equipment: readonly Equipment[];
  /** Muscles that must not be trained as a primary mover (injury, doctor's advice). */
  excludedMuscles: readonly Muscle[];
  /** Movement patterns to avoid, e.g. `hinge` for a disc injury. */
  excludedPatterns: readonly Pattern[];
  /** Single exercises to avoid. Every id must be in the library. */
  excludedExerciseIds: readonly string[];
  /** Exercises the member asked for (onboarding questionnaire). Ids must be in the library. */
  preferredExerciseIds?: readonly string[];
  /** Exercises the member dislikes. Ids must be in the library. */
  dislikedExerciseIds?: readonly string[];
}

/** One logged set. Warm-ups and sets with RIR above `HARD_SET_MAX_RIR` are not hard sets. */
export interface RecommendSet {
  /** A library id (unmatched imports must be left out by the caller). */
  exerciseId: string;
  /** ISO-8601 time the set was performed. */
  performedAt: string;
  /** Reps in reserve when known; null or absent = unknown (counted as hard). */
  rir?: number | null;
  isWarmup?: boolean;
  /**
   * The session (workout) the set belongs to, any string unique per session. When absent the
   * calendar day (UTC) of `performedAt` stands for it.
   */
  sessionKey?: string;
  /** The workout's name as logged or planned, e.g. `Push Day` (see `SlotContext.sessionName`). */
  sessionName?: string;
}

/** Filling a slot of a session: any exercise of the given patterns and/or hitting the given muscles. */
export interface SlotContext {
  kind: 'slot';
  /** Movement patterns the slot accepts (any of); empty or absent = any pattern. */
  patterns?: readonly Pattern[];
  /** Target muscles (an exercise qualifies when one of its primary muscles is among them); empty or absent = any. */
  muscles?: readonly Muscle[];
  /**
   * More target muscles: the primary muscles of these exercises (e.g. those already in the session
   * being filled, so "Add exercise" to a push day stays on push muscles). Ids must be in the library.
   */
  musclesOfExerciseIds?: readonly string[];
  /** Exercises already in the session or plan; never suggested again. Unknown ids are an error. */
  excludeExerciseIds?: readonly string[];
  /**
   * The name of the session being filled (e.g. `Push Day`): exercises of the member's latest
   * session of that name (case and spaces ignored) earn `SAME_SESSION_POINTS` of preference, as
   * what the member keeps doing in that session.
   */
  sessionName?: string;
}

/** Swapping one exercise out. */
export interface SwapContext {
  kind: 'swap';
  /** The exercise being swapped out; must be in the library. */
  exerciseId: string;
  /**
   * true (the default): only exercises of the same movement pattern. false: any exercise that
   * shares a primary muscle with the one swapped out.
   */
  keepPattern?: boolean;
  excludeExerciseIds?: readonly string[];
}

export type RecommendContext = SlotContext | SwapContext;

/**
 * The collaborative-filtering side (see ./als and ./blend): the member's ALS affinity for each
 * exercise, already turned into a 0–1 percentile over the library, and how many workouts they
 * have logged. Absent or null: content score only.
 */
export interface CollaborativeSignal {
  /** exerciseId → 0–1 (1 = the member's most likely exercise). Missing ids count as 0. */
  affinity: ReadonlyMap<string, number>;
  /** Which model produced it, for the reason text and the audit. */
  modelVersion: string;
}

/** Everything `scoreExercises` reads. Pure: nothing else, and no clock (`now` is given). */
export interface RecommendInput {
  /** The exercise library (built-in + imported). Must not be empty; ids unique. */
  library: readonly Exercise[];
  member: RecommendMember;
  /** The member's logged sets, any order. Only the last 30 days count for balance and recovery. */
  history: readonly RecommendSet[];
  context: RecommendContext;
  /** The time of the decision, ISO-8601. */
  now: string;
  /** How many to return (default 5, 1–1000). */
  topN?: number;
  /**
   * Weekly hard-set targets per muscle from the member's plan. Muscles absent fall back to the
   * planner's minimum for the goal (`WEEKLY_SET_TARGETS`) on its tracked muscles.
   */
  weeklySetTargets?: Partial<Record<Muscle, number>>;
  /** The member's learnt preference profile (engine/preferences), or null for a new member. */
  preferenceProfile?: PreferenceProfile | null;
  /** The member's feedback on progression recommendations: what they kept and what they swapped out. */
  feedback?: readonly FeedbackEntry[];
  /** Exercises the safety layer blocks for this member now (e.g. pain reported on them); never suggested. */
  safetyBlockedExerciseIds?: readonly string[];
  /** The ALS side, blended once the member has `CF_MIN_WORKOUTS` workouts. */
  collaborative?: CollaborativeSignal | null;
}

/** The six content components, each on its own scale (the maxima are `COMPONENT_MAX`). */
export interface ScoreComponents {
  /** 0–30: how far the exercise's muscles are below their weekly hard-set targets (7 and 30 days). */
  balance: number;
  /** 0–20: how recovered its muscles are (48–72 h model, see ./recovery). */
  recovery: number;
  /** 0–20: the member's stated and shown taste (preferred / disliked, kept vs swapped out, sessions done). */
  preference: number;
  /** 0–15: fit to the goal (mechanic, kit, category). */
  goal: number;
  /** 0–10: level match. */
  experience: number;
  /** 0–5: not done lately, weighted by the profile's taste for variety. */
  novelty: number;
}

export interface ScoredExercise {
  exerciseId: string;
  exerciseName: string;
  /** 0–100, rounded to 0.1: the content sum, or its blend with the CF score (see `cf`). */
  total: number;
  /** The content score (sum of the components), 0–100. */
  content: number;
  components: ScoreComponents;
  /** The CF side: its 0–100 score and blend weight; null when CF is off for this member. */
  cf: { score: number; weight: number } | null;
  /** One line a trainer can read: the strongest reasons. */
  reason: string;
}
