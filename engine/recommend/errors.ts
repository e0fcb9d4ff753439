import { EngineInputError } from '../errors';

/** Typed input error of the recommender: `field` names the offending path, e.g. `context.exerciseId`. */
export class RecommendInputError extends EngineInputError {}
