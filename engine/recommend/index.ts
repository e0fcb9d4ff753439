/**
 * Exercise recommendations (issue 15): the content scorer with hard constraints, and the
 * collaborative-filtering side (implicit ALS). Public API:
 *
 *   scoreExercises(input: RecommendInput): ScoredExercise[]
 *
 * `input.library` is the exercise library, `input.member` the member's goal, level, equipment,
 * exclusions and preferred / disliked ids, `input.history` their logged sets, `input.context`
 * a slot (`{ kind: 'slot', patterns?, muscles? }`) or a swap (`{ kind: 'swap', exerciseId, keepPattern? }`),
 * `input.now` the time (ISO-8601), `input.topN` how many (default 5). Each result has
 * `exerciseId`, `total` 0–100, `components` (balance 0–30, recovery 0–20, preference 0–20,
 * goal 0–15, experience 0–10, novelty 0–5), `cf` (null while CF is off) and a one-line `reason`.
 * Errors: `RecommendInputError` with `field` (see `scoreExercises`).
 */
export type * from './types';
export { RecommendInputError } from './errors';
export {
  CF_MIN_WORKOUTS, CF_WEIGHT, COMPONENT_MAX, DEFAULT_TOP_N, EXPERIENCE_POINTS, LIFTING_CATEGORIES, MAX_TOP_N, SAME_SESSION_POINTS,
  goalPoints, scoreExercises,
} from './score';
export {
  HABIT_DECAY, HABIT_SESSIONS, HARD_SET_MAX_RIR, KEEP_WINDOW_DAYS, RECOVERY_CLEAR_H, RECOVERY_FULL_FATIGUE_H, SECONDARY_WEIGHT, TRAINED_HARD_SETS,
  fatigueWeight, readHistory, sessionNameKey,
} from './history';
export { HABIT_TARGET_MIN_WORKOUTS, habitualWeeklySets, planWeeklySets } from './targets';
export {
  ALS_DEFAULTS, affinityPercentiles, decayedCount, foldIn, implicitRow, predictAll, solveSpd, trainAls,
} from './als';
export type { AlsModel, AlsOptions, AlsTraining, ImplicitRow } from './als';
