/** Typed input error of the weekly review: `field` names the offending path, e.g. `weekStart`. */
export class WeeklyInputError extends Error {
  override readonly name = 'WeeklyInputError';
  readonly reason = 'invalid_input' as const;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
