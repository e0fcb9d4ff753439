import { EngineInputError } from '../errors';

/**
 * The planner's typed error. Transports carry `{ reason, message, field }` (architecture.md).
 */

export type PlannerErrorReason =
  /** A request value is missing or out of range. */
  | 'invalid_input'
  /** Equipment, level or exclusions leave no exercise for an essential slot. */
  | 'no_exercise_for_slot';

/** Thrown by `generatePlan` for bad input. `field` names the offending request path, e.g. `weeks`. */
export class PlannerInputError extends EngineInputError {
  declare readonly reason: PlannerErrorReason;
  constructor(field: string, message: string, reason: PlannerErrorReason = 'invalid_input') {
    super(field, message, reason);
  }
}
