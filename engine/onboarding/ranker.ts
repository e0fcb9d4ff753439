/**
 * `ExerciseRanker`: how a starter template's slots are filled. The planner asks it, slot by
 * slot, to rank the slot's candidates (already filtered by every hard constraint: the member's
 * equipment, injuries and exclusions, level, the slot's movement pattern and the session's
 * time); the first ranked id wins, and an empty ranking falls back to the planner's own score.
 *
 * Default: `plannerRanker`, the planner's selection score (engine/planner/select.ts
 * `scoreCandidate`, with its weekly-balance weight: 3 in accessory slots, 0.3 otherwise, as
 * build.ts uses) plus the questionnaire's soft preferences: +40 for a preferred exercise,
 * −40 for a disliked one (40 is more than any kit or staple-name term of that score, less
 * than the +100 of usable history, so a disliked lift the member actually trains still wins).
 *
 * Plugging in the recommender (engine/recommend `scoreExercises(input): ScoredExercise[]`,
 * built on another branch): write an `ExerciseRanker` whose `rank` calls `scoreExercises` with
 * the slot as context, sorts by total score and returns the ids; pass it as
 * `OnboardingInput.ranker`. Nothing else changes: constraints stay enforced by the planner.
 */
import { scoreCandidate } from '../planner/select';
import type { SlotRankQuery } from '../planner/select';

/** The member's soft preferences from the questionnaire. */
export interface RankPreferences {
  preferredExerciseIds: readonly string[];
  dislikedExerciseIds: readonly string[];
}

export interface ExerciseRanker {
  /** Shown in the plan's notes, e.g. "planner selection". */
  readonly name: string;
  /** Exercise ids of `query.candidates`, best first (ids that are not candidates are ignored). */
  rank(query: SlotRankQuery, preferences: RankPreferences): readonly string[];
}

/** Points for a preferred (+) or disliked (−) exercise in `plannerRanker`. */
export const PREFERENCE_POINTS = 40;

export const plannerRanker: ExerciseRanker = {
  name: 'planner selection with questionnaire preferences',
  rank(query, preferences) {
    const preferred = new Set(preferences.preferredExerciseIds);
    const disliked = new Set(preferences.dislikedExerciseIds);
    const weight = query.slot.role === 'accessory' ? 3 : 0.3;
    const scored = query.candidates.map((e) => ({
      id: e.id,
      score: scoreCandidate(e, query.slot, weight, query.goal, query.history, query.week)
        + (preferred.has(e.id) ? PREFERENCE_POINTS : 0) - (disliked.has(e.id) ? PREFERENCE_POINTS : 0),
    }));
    scored.sort((a, b) => (b.score !== a.score ? b.score - a.score : a.id < b.id ? -1 : 1));
    return scored.map((s) => s.id);
  },
};
