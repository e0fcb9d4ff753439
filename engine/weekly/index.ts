/** The weekly review (issue 3, part 5): analysis of a member's week and the adjustment diff. */
export type * from './types';
export { ADJUSTABLE_FIELDS } from './types';
export { WeeklyInputError } from './errors';
export { DEFAULT_TREND_WEEKS, HARD_SET_MAX_RIR, SECONDARY_MUSCLE_WEIGHT, analyzeWeek, slopePct } from './analyze';
export { checkInRecovery } from './recovery';
export { proposeAdjustments } from './adjust';
export type { AdjustOptions } from './adjust';
export { easierAlternative } from './alternative';
export { acceptLines, editLine, finalPlanWeek, pendingLines, rejectLines } from './review';
