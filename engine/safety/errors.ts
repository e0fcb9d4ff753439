import { EngineInputError } from '../errors';

/** Bad input to the safety layer: a constraint, check-in or prescription out of range (e.g. `constraints.minRestS`). */
export class SafetyInputError extends EngineInputError {}
