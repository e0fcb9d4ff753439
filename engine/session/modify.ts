/**
 * Session modifications in real time (issue 3 part 4): a fatigue load cut (fatigue.ts) and an
 * easier alternative when form breaks down (alternative.ts).
 */
export { FATIGUE_CUT_AT_CAUTION, FATIGUE_CUT_AT_MAX, adjustForFatigue, fatigueLoadCut } from './fatigue';
export type { FatigueAdjustment } from './fatigue';
export { MIN_MUSCLE_SIMILARITY, difficulty, easierAlternative, easierAlternatives, equipmentDemand, isEasier, jaccard } from './alternative';
export type { EasierAlternative } from './alternative';
