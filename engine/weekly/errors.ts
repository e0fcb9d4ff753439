import { EngineInputError } from '../errors';

/** Typed input error of the weekly review: `field` names the offending path, e.g. `weekStart`. */
export class WeeklyInputError extends EngineInputError {}
