/**
 * Typed errors with a machine-readable `reason`, carried across transports as
 * `{ ok: false, error: { reason, message, field? } }` and rebuilt by the client.
 */
export const ERROR_REASONS = [
  'invalid_input', 'not_found', 'forbidden', 'conflict', 'plan_locked', 'import_failed',
  'unknown_operation', 'cancelled', 'internal',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ErrorPayload { reason: ErrorReason; message: string; field?: string }

export class StudioError extends Error {
  readonly reason: ErrorReason;
  readonly field: string | undefined;
  constructor(reason: ErrorReason, message: string, field?: string) {
    super(message);
    this.name = 'StudioError';
    this.reason = reason;
    this.field = field;
  }
  toPayload(): ErrorPayload {
    return this.field === undefined
      ? { reason: this.reason, message: this.message }
      : { reason: this.reason, message: this.message, field: this.field };
  }
  static fromPayload(p: ErrorPayload): StudioError {
    return new StudioError(p.reason, p.message, p.field);
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A progress event of long work: `fraction` 0–1 and a line for people. */
export interface ProgressEvent { fraction: number; message: string }
