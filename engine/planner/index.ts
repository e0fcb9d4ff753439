/** Planner: `generatePlan` and the tables it is built from. */
export { generatePlan } from './generate';
export { PlannerInputError } from './errors';
export type { PlannerErrorReason } from './errors';
export type { PlanRequest } from './request';
export { DAYS_RANGE, MINUTES_RANGE, WEEKS_RANGE, resolveRequest } from './request';
export { chooseSplit } from './splits';
export type { SessionTemplate, Slot, SlotRole, SplitChoice } from './splits';
export {
  DELOAD, START_RIR, TRACKED_MUSCLES, WEEKLY_SET_TARGETS, baseDose, deloadSets, endRir, exerciseSeconds, rirForWeek,
} from './dose';
export type { Dose } from './dose';
export { LAYOFF_DAYS, layoffCut, loadBasis, priorE1rm, workingLoad } from './loads';
export type { LoadBasis } from './loads';
export { isEligible, isEquipmentAllowed } from './select';
