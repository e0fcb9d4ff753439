/** Progression per exercise and recommendations (issue 3 §1–2): features, inventory, rules, suggestions, confidence. */
export * from './types';
export { FEATURE_SESSIONS, RECOVERY_WINDOW_DAYS, latestRecovery, progressionFeatures, sessionsUpTo, setRir, setTarget, slope, summarise, trendPctPerWeek } from './features';
export type { ProgressionFeatures, Recovery, SessionSummary } from './features';
export { DEFAULT_INVENTORY, isLoadableWith, roundToInventory, takesInventoryLoad } from './inventory';
export { InventoryInputError, LoadInventorySchema, MachineStackSchema, validateInventory } from './inventory-schema';
export { RIR_HOLD_BAND, WORK_SET_FRACTION, autoregE1rm, baseLoad, dp, lp, rirRule, sessionSucceeded, workSets } from './rules';
export type { DpParams, DpState, LpParams, LpState, RirParams, RirState, RuleContext, RuleEvent, RuleNext, RuleOutcome } from './rules';
export { applyRule, deloadTrigger, withRuleState } from './deload';
export type { AppliedRule, DeloadParams, DeloadState, RuleKind, RuleSpec, RuleSpecState } from './deload';
export { CONFIDENCE_GOOD_FROM, CONFIDENCE_TOLERANCE_RIR, CONFIDENCE_WARN_BELOW, completionConfidence, confidenceBand, confidenceSentence, withConfidence } from './confidence';
export type { ConfidenceBasis, RepsPredictor } from './confidence';
export { FORM_FOCUS_BELOW, LAYOFF_DAYS, LONG_REST_S, REST_STEP_S, alternativesOf, chooseType, expectedOutcomeOf, factorsOf, riskOf } from './explain';
export { DEFAULT_FATIGUE_DELOAD, DEFAULT_MAX_REPS_FOR_E1RM, DEFAULT_RULE_TARGET_RIR, DEFAULT_UNLOGGED_RIR, defaultRule } from './defaults';
export { DEFAULT_TARGET_RIR, MODEL_WEIGHT, describeRule, suggestNext } from './suggest';
export type { SuggestInput, SuggestResult } from './suggest';
export {
  PLUS_BASELINE_FRACTION, PRODUCTIVE_RIR_MAX, PRODUCTIVE_RIR_MIN, addTallies, capacityZone, demonstratedE1rm, e1rmLeaving, emptyTally, impliedRir,
  plusWhenMade, repeatLast, tally, topSet, zoneShares,
} from './capacity';
export type { CapacityZone, LoadReps, ZoneTally } from './capacity';
