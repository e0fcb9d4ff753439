/** Typed input error of the safety layer. Transports carry `{ reason, message, field }`. */

/** Bad input to the safety layer: a constraint, check-in or prescription out of range. */
export class SafetyInputError extends Error {
  override readonly name = 'SafetyInputError';
  readonly reason = 'invalid_input' as const;

  constructor(
    /** The offending field, e.g. `constraints.minRestS`, `context.checkIn.fatigue`, `rec.original.loadKg`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
