/** Typed input error of preference learning: `field` names the offending path, e.g. `formQuality`. */
export class PreferenceInputError extends Error {
  override readonly name = 'PreferenceInputError';
  readonly reason = 'invalid_input' as const;

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
