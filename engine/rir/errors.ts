import { EngineInputError } from '../errors';

/** Bad input to the RIR model (a RIR outside 0–10, a load ≤ 0, an unknown exercise, ...), e.g. `set.reportedRir`. */
export class RirInputError extends EngineInputError {}
