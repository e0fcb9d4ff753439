import { EngineInputError } from '../errors';

/** Onboarding's input error: `field` names the questionnaire or assessment path, e.g. `questionnaire.daysPerWeek`. */
export class OnboardingInputError extends EngineInputError {}
