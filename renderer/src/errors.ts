/**
 * Reads a failure as the contract's error payload. Duck-typed rather than `instanceof
 * StudioError`: errors that cross Electron's contextBridge arrive as copies, not as instances
 * of the renderer's own StudioError class.
 */
import { ERROR_REASONS, type ErrorPayload } from '../../main/contract/errors';

export function studioErrorOf(error: unknown): ErrorPayload | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { reason?: unknown; message?: unknown; field?: unknown };
  if (typeof e.reason !== 'string' || !(ERROR_REASONS as readonly string[]).includes(e.reason)) return null;
  const field = typeof e.field === 'string' && e.field ? e.field : undefined;
  let message = typeof e.message === 'string' ? e.message : String(error);
  // Messages often start with the field's path ("patch.daysPerWeek: too big"); the UI names the field itself.
  if (field && message.startsWith(`${field}: `)) message = message.slice(field.length + 2);
  return { reason: e.reason as ErrorPayload['reason'], message, ...(field ? { field } : {}) };
}

/** The field a failure names, with its message, for highlighting that field of a form. */
export function fieldErrorOf(error: unknown): { field: string; message: string } | null {
  const e = studioErrorOf(error);
  return e?.field ? { field: e.field, message: e.message } : null;
}
