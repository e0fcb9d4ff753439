/**
 * The conflict rules of member sync, as pure functions (the server applies them in db/sync.ts;
 * the property tests check them against shuffled, duplicated and replayed deliveries).
 *
 * - Set logs are append-only: an edit is a new version with the same `logId`; the current
 *   version is the one with the greatest (HLC, op id). Versions that arrive late are kept in
 *   history but never replace a newer one, so every delivery order ends in the same state.
 * - The member's editable fields merge per field: last writer wins by HLC; equal stamps (only
 *   possible from one node) fall back to the op id. Staff edits in the studio are stamped by the
 *   studio's own clock and take part the same way.
 * - The approved plan belongs to the studio: no operation kind can change it.
 * - A booking made offline into a class that filled meanwhile goes on the waitlist (the booking
 *   code decides; `bookingMessage` says so to the member).
 */
import { compareHlc } from './hlc';

export interface Stamp { hlc: string; opId: string }

/** Whether `a` is later than `b` (HLC first, then op id; deterministic across nodes). */
export function isLater(a: Stamp, b: Stamp): boolean {
  const c = compareHlc(a.hlc, b.hlc);
  return c !== 0 ? c > 0 : a.opId > b.opId;
}

/** The current version among `versions` (null when empty). */
export function currentVersion<T extends Stamp>(versions: readonly T[]): T | null {
  let best: T | null = null;
  for (const v of versions) if (!best || isLater(v, best)) best = v;
  return best;
}

/** Per-field LWW: which of `incoming`'s fields win over the stored `clocks` (field → stamp). */
export function winningFields<F extends string>(clocks: Partial<Record<F, Stamp>>, fields: readonly F[], incoming: Stamp): F[] {
  return fields.filter((f) => {
    const held = clocks[f];
    return !held || isLater(incoming, held);
  });
}

/** The member-facing line for an offline booking's outcome. */
export function bookingMessage(className: string, status: 'booked' | 'waitlisted', waitlistPosition: number | null): string {
  if (status === 'booked') return `You are booked into ${className}.`;
  return `${className} filled up before your booking reached the studio: you are number ${waitlistPosition ?? '?'} on the waitlist.`;
}
