/**
 * Typed errors with a machine-readable `reason`, carried across transports as
 * `{ ok: false, error: { reason, message, field?, errorId? } }` and rebuilt by the client.
 */
export const ERROR_REASONS = [
  'invalid_input', 'not_found', 'forbidden', 'unauthorized', 'wrong_secret', 'locked', 'rate_limited', 'too_large',
  'conflict', 'plan_locked', 'import_failed', 'unknown_operation', 'cancelled', 'internal',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/**
 * `unauthorized`: no session (none given, or it has ended: sign in again). `wrong_secret`: a
 * password or PIN typed into a form was wrong (the session, if any, goes on; `field` names it).
 * `errorId` is set on `internal` errors: the log holds the details under the same id, the
 * caller sees only the id and a message for people.
 */
export interface ErrorPayload { reason: ErrorReason; message: string; field?: string; errorId?: string }

export class StudioError extends Error {
  readonly reason: ErrorReason;
  readonly field: string | undefined;
  readonly errorId: string | undefined;
  constructor(reason: ErrorReason, message: string, field?: string, errorId?: string) {
    super(message);
    this.name = 'StudioError';
    this.reason = reason;
    this.field = field;
    this.errorId = errorId;
  }
  toPayload(): ErrorPayload {
    return {
      reason: this.reason, message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.errorId === undefined ? {} : { errorId: this.errorId }),
    };
  }
  static fromPayload(p: ErrorPayload): StudioError {
    return new StudioError(p.reason, p.message, p.field, p.errorId);
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** A progress event of long work: `fraction` 0–1 and a line for people. */
export interface ProgressEvent { fraction: number; message: string }
