/**
 * The booking policy of classes (issue 12, part 2): when booking opens and closes, the cancel
 * cutoff after which a cancellation is late, when unchecked bookings become no-shows, and how
 * late cancels and no-shows are counted against a member. One default with per-class-type
 * overrides, stored as the setting `classes.policy` and validated here on read.
 *
 * Times are minutes (or days where named so) relative to the class's start instant; instants
 * are epoch milliseconds. All functions are pure.
 */
import { z } from 'zod';

export const BookingPolicySchema = z.object({
  /** Booking opens this many days before the class starts. */
  bookingOpensDays: z.number().int().min(0, 'must be 0–60 days').max(60, 'must be 0–60 days'),
  /** Booking closes this many minutes before the start (0: at the start; walk-ins still check in). */
  bookingClosesMin: z.number().int().min(0, 'must be 0–1440 min').max(1440, 'must be 0–1440 min'),
  /** A cancellation later than this many minutes before the start is a late cancel; waitlist promotion also stops then. */
  cancelCutoffMin: z.number().int().min(0, 'must be 0–2880 min').max(2880, 'must be 0–2880 min'),
  /** Minutes after the start when unchecked bookings are released as no-shows. */
  noShowReleaseMin: z.number().int().min(0, 'must be 0–240 min').max(240, 'must be 0–240 min'),
  /** Whether late cancels count as strikes (no-shows always do). */
  lateCancelCounts: z.boolean(),
  /** Strikes are counted over this many days before the booking. */
  strikeWindowDays: z.number().int().min(1, 'must be 1–365 days').max(365, 'must be 1–365 days'),
  /** Booking is refused at this many strikes in the window; 0 never refuses. */
  maxStrikes: z.number().int().min(0, 'must be 0–100').max(100, 'must be 0–100'),
  /** The heart-rate zone (1–5) the class aims for; the summary's "time in target zone" is time at or above it. */
  targetZone: z.number().int().min(1, 'must be zone 1–5').max(5, 'must be zone 1–5'),
}).strict();

export type BookingPolicy = z.infer<typeof BookingPolicySchema>;

export const ClassPolicySchema = z.object({
  default: BookingPolicySchema,
  /** Overrides per class type id; missing fields take the default. */
  byClassType: z.record(z.string().min(1).max(60), BookingPolicySchema.partial()).refine((r) => Object.keys(r).length <= 200, 'at most 200 class types'),
}).strict();

export type ClassPolicy = z.infer<typeof ClassPolicySchema>;

/** Our defaults (a common studio policy; not from a source): 7 days ahead, 2 h cutoff, 10 min no-show release, 3 strikes in 30 days. */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  bookingOpensDays: 7,
  bookingClosesMin: 0,
  cancelCutoffMin: 120,
  noShowReleaseMin: 10,
  lateCancelCounts: true,
  strikeWindowDays: 30,
  maxStrikes: 3,
  targetZone: 3,
};

export const DEFAULT_CLASS_POLICY: ClassPolicy = { default: DEFAULT_BOOKING_POLICY, byClassType: {} };

/** The stored policy, or the default where it is missing or invalid. */
export function readClassPolicy(stored: unknown): ClassPolicy {
  const parsed = ClassPolicySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_CLASS_POLICY;
}

/** The policy of one class type: the default with that type's overrides. */
export function policyFor(policy: ClassPolicy, classTypeId: string): BookingPolicy {
  const o = policy.byClassType[classTypeId] ?? {};
  const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { ...policy.default, ...clean };
}

const MIN = 60_000;
const DAY = 86_400_000;

/** Why a booking is refused: a machine reason, a message naming the policy field, and that field. */
export interface Refusal { reason: 'outside_window' | 'too_many_strikes' | 'class_over'; message: string; field: keyof BookingPolicy | 'occurrenceId' }

/**
 * Whether a booking made at `nowMs` for a class starting at `startsAtMs` is inside the window
 * `[start − bookingOpensDays, start − bookingClosesMin)`; null when it is.
 */
export function bookingWindowRefusal(p: BookingPolicy, startsAtMs: number, nowMs: number): Refusal | null {
  const opens = startsAtMs - p.bookingOpensDays * DAY;
  const closes = startsAtMs - p.bookingClosesMin * MIN;
  if (nowMs < opens) {
    return { reason: 'outside_window', field: 'bookingOpensDays', message: `booking opens ${p.bookingOpensDays} days before the class (bookingOpensDays), on ${new Date(opens).toISOString()}` };
  }
  if (nowMs >= closes) {
    return { reason: 'outside_window', field: 'bookingClosesMin', message: p.bookingClosesMin === 0 ? 'booking closed when the class started (bookingClosesMin 0)' : `booking closed ${p.bookingClosesMin} min before the class (bookingClosesMin)` };
  }
  return null;
}

/** Refuses a member with `strikes` late cancels/no-shows in the window; null when allowed. */
export function strikeRefusal(p: BookingPolicy, strikes: number): Refusal | null {
  if (p.maxStrikes === 0 || strikes < p.maxStrikes) return null;
  return { reason: 'too_many_strikes', field: 'maxStrikes', message: `${strikes} late cancels or no-shows in the last ${p.strikeWindowDays} days reach the limit of ${p.maxStrikes} (maxStrikes)` };
}

/** The strikes of a member: no-shows plus late cancels when those count. */
export function strikesOf(p: BookingPolicy, counts: { lateCancels: number; noShows: number }): number {
  return counts.noShows + (p.lateCancelCounts ? counts.lateCancels : 0);
}

/** Start of the strike-counting window for a booking at `nowMs` (epoch ms). */
export function strikeWindowStart(p: BookingPolicy, nowMs: number): number {
  return nowMs - p.strikeWindowDays * DAY;
}

/** Whether `nowMs` is before the cancel cutoff (start − cancelCutoffMin). */
export function beforeCutoff(p: BookingPolicy, startsAtMs: number, nowMs: number): boolean {
  return nowMs < startsAtMs - p.cancelCutoffMin * MIN;
}

/** What a cancellation at `nowMs` of a place (not a waitlist entry) is: on time or late. */
export function cancellationKind(p: BookingPolicy, startsAtMs: number, nowMs: number): 'cancelled' | 'late_cancelled' {
  return beforeCutoff(p, startsAtMs, nowMs) ? 'cancelled' : 'late_cancelled';
}

/** Whether unchecked bookings of a class are due to be released as no-shows at `nowMs`. */
export function noShowsDue(p: BookingPolicy, startsAtMs: number, nowMs: number): boolean {
  return nowMs >= startsAtMs + p.noShowReleaseMin * MIN;
}

/** A new booking takes a place when one is free, else joins the waitlist. */
export function placeFor(capacity: number, placesTaken: number): 'booked' | 'waitlisted' {
  return placesTaken < capacity ? 'booked' : 'waitlisted';
}

/**
 * How many waitlisted members to promote when places may have freed: none after the cutoff
 * (a place freed that late stays free for walk-ins), else as many as there are free places
 * and waiting members. The caller promotes that many from the head of the FIFO waitlist.
 */
export function promotionsDue(p: BookingPolicy, c: { capacity: number; placesTaken: number; waiting: number; startsAtMs: number; nowMs: number }): number {
  if (!beforeCutoff(p, c.startsAtMs, c.nowMs)) return 0;
  return Math.max(0, Math.min(c.capacity - c.placesTaken, c.waiting));
}
