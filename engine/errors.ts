/**
 * The engine's one input error: every capability throws a subclass naming the offending field
 * (e.g. `weeks`, `set.reportedRir`, `constraints.minRestS`). The host turns any of them into an
 * `invalid_input` envelope with that field, so handlers need no per-capability translation.
 */
export class EngineInputError extends Error {
  readonly field: string;
  readonly reason: string;
  constructor(field: string, message: string, reason = 'invalid_input') {
    super(`${field}: ${message}`);
    this.name = new.target.name;
    this.field = field;
    this.reason = reason;
  }
}
