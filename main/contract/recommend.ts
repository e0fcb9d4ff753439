/**
 * Exercise recommendations (issue 15): scored suggestions for a slot or a swap, and the ALS model's
 * training (in a worker; activated only if it beats popularity and the active model on held-out
 * sessions). Spread into `contract` in index.ts.
 */
import { z } from 'zod';
import { COACHES, MANAGERS, op } from './op';
import { MemberId } from './schemas';
import { MUSCLES, PATTERNS } from '../../engine/exercises/vocabulary';
import type * as R from './recommend-views';

const ExerciseId = z.string().trim().min(1).max(120);
const Exclude = z.array(ExerciseId).max(100).optional();

export const RecommendContextSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('slot'),
    patterns: z.array(z.enum(PATTERNS)).max(PATTERNS.length).optional(),
    muscles: z.array(z.enum(MUSCLES)).max(MUSCLES.length).optional(),
    sessionName: z.string().trim().min(1).max(120).optional(),
    musclesOfExerciseIds: Exclude,
    excludeExerciseIds: Exclude,
  }).strict(),
  z.object({ kind: z.literal('swap'), exerciseId: ExerciseId, keepPattern: z.boolean().optional(), excludeExerciseIds: Exclude }).strict(),
]);

export const recommendContract = {
  'recommend/exercises': op<R.ExerciseSuggestionsView>()({
    input: z.object({ memberId: MemberId, context: RecommendContextSchema, topN: z.number().int().min(1).max(20).default(5) }).strict(),
    access: COACHES,
    ownedBy: 'memberId',
    summary: "The best exercises for a slot or a swap, scored 0–100 with each component and a reason; CF blended once the member has 3 workouts and a model is active.",
  }),
  'recommend/train': op<R.RecommendTrainReport>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: "Train the exercise ALS model on every member's sessions; it is activated only if it beats popularity and the active model on held-out sessions.",
    reportsProgress: true,
    runsInWorker: true,
  }),
};
