/** Onboarding a new member: questionnaire, starter templates, baseline test, first plan. */
export { OnboardingInputError } from './errors';
export { QuestionnaireSchema, TEMPLATE_KEYS, parseQuestionnaire } from './questionnaire';
export type { Questionnaire, QuestionnaireInput, TemplateKey } from './questionnaire';
export { STARTER_TEMPLATES, templateForDays, templateSplit } from './templates';
export type { StarterTemplate } from './templates';
export { PREFERENCE_POINTS, plannerRanker } from './ranker';
export type { ExerciseRanker, RankPreferences } from './ranker';
export { AssessmentSchema, KEY_LIFTS, KEY_LIFT_DEFAULTS, RIR_ERROR_REPS, START_FRACTION, TRANSFER_FRACTION, assessLifts } from './assessment';
export { MAX_DEMONSTRATED_REPS, UNLOGGED_RIR, demonstratedE1rms, demonstratedRepsToFailure, transferDemonstrated } from './demonstrated';
export type { DemonstratedE1rm } from './demonstrated';
export type { AssessedLift, Assessment, KeyLift } from './assessment';
export { GYM_PERCENTILE, PRIOR_START_FRACTION, parseStrengthStandards, standardKg, standardsPrior } from './standards';
export type { StrengthStandards } from './standards';
export { CLUB_EQUIPMENT, onboardPlan, onboardingRequest, profileFrom, sourcesOf } from './onboard';
export type { ExerciseSource, NumberSource, OnboardingInput, OnboardingPlan, OnboardingRequest } from './onboard';
