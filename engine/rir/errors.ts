/** Typed input errors of the RIR model: the message and `field` name what was wrong. */

/** Bad input to the RIR model (a RIR outside 0–10, a load ≤ 0, an unknown exercise, ...). */
export class RirInputError extends Error {
  readonly reason = 'bad-input' as const;
  constructor(
    /** The offending field, e.g. `set.reportedRir`, `query.loadKg`, `exercise.id`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'RirInputError';
  }
}
