import { EngineInputError } from '../errors';

/** Typed input error of preference learning: `field` names the offending path, e.g. `formQuality`. */
export class PreferenceInputError extends EngineInputError {}
