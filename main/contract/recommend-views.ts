/** Views of exercise recommendations (issue 15). Scores are points on the scales of engine/recommend. */
import type { ScoredExercise } from '../../engine/recommend/types';

export interface ExerciseSuggestionsView {
  memberId: number;
  context: { kind: 'slot' | 'swap'; exerciseId: string | null };
  /** Best first; `total` 0–100 with its six components and a reason. */
  suggestions: ScoredExercise[];
  /** Whether collaborative filtering was blended in, and why not when it was not. */
  cf: { on: boolean; modelVersion: string | null; reason: string };
  /**
   * Where the weekly working-set targets of the need score came from: the approved (or active) plan's
   * first non-deload week, the member's own last 8 weeks (no plan, ≥ 4 workouts), or the goal's minimum.
   */
  targets: { source: 'plan' | 'habit' | 'goal'; reason: string };
}

export interface RecommendTrainReport {
  /** null when there was too little data to train at all. */
  version: string | null;
  activated: boolean;
  reason: string;
  members: number;
  trainingSamples: number;
  heldOutSessions: number;
  ndcgAt5: number | null;
  recallAt10: number | null;
  popularityNdcgAt5: number | null;
  activeNdcgAt5: number | null;
  seconds: number;
}
