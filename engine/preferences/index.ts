/** Preference learning (issue 3, part 6): feedback, signals, the EMA profile and member insights. */
export type * from './types';
export { FEEDBACK_ACTIONS, PREFERENCE_DIMENSIONS } from './types';
export { PreferenceInputError } from './errors';
export { FEEDBACK_SCHEMA, MAX_COMPLETION_TIME_S, MAX_NOTES_LENGTH, parseFeedback } from './feedback';
export { extractSignals } from './signals';
export { DEFAULT_LEARNING_RATE, NEUTRAL, emaConfidence, emaStep, initialProfile, learnProfile, updateProfile } from './profile';
export type { ProfileUpdate } from './profile';
export { expectedOutcomeMet, memberInsights, muscleAreas, preferenceSummary } from './insights';
