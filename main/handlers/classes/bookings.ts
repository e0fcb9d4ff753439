/**
 * Bookings and the FIFO waitlist (issue 12, part 2). Every write runs in one SQLite transaction
 * with its capacity check inside it: better-sqlite3 runs a transaction synchronously, so no
 * other booking can interleave between the count and the insert (no overbooking under races).
 * `promoteWaitlist` is the one promotion function, called from every path that frees a place.
 */
import {
  bookingWindowRefusal, cancellationKind, noShowsDue, placeFor, policyFor, promotionsDue, strikeRefusal,
  strikesOf, strikeWindowStart, type BookingPolicy,
} from '../../../engine/classes/policy';
import { recordAudit } from '../../../db/audit';
import {
  activeBooking, bookingsOf, countMemberStatus, getBooking, getOccurrence, insertBooking, insertNotification, placesTaken,
  updateBooking, updateOccurrence, waitlistHead, type BookingRow, type OccurrenceRow,
} from '../../../db/classes';
import { getMember } from '../../../db/members';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { BookingResult, BookingView } from '../../contract/classes-views';
import { actorOf, auditActor, type HandlerContext } from '../../host/context';
import { loadPolicy } from './policy-store';
import { utcToClubLocal } from '../../../engine/classes/club-time';
import type { BookingEnd } from '../../../engine/payments/ledger';
import { loadPaymentsPolicy, settleCredit, takeCredit } from '../../payments/credits';

/** Takes the booking's credit in its transaction; refuses (rolling the booking back) when the club requires one. */
function takeBookingCredit(tx: Db, bookingId: number, memberId: number, memberName: string, className: string, nowMs: number): void {
  const pp = loadPaymentsPolicy(tx);
  const today = utcToClubLocal(nowMs, clubNames(tx).timezone).date;
  const took = takeCredit(tx, memberId, bookingId, today, new Date(nowMs).toISOString(), pp);
  if (!took.taken && pp.requireCredit) throw new StudioError('conflict', `${memberName} cannot book ${className}: ${took.why}`, 'memberId');
}

/** What a booking's end means for its credit. */
function bookingEnd(wasStatus: string, newStatus: string, by: 'member' | 'studio'): BookingEnd {
  if (wasStatus === 'waitlisted') return 'cancelled_waitlist';
  if (by === 'studio') return 'cancelled_by_studio';
  return newStatus === 'late_cancelled' ? 'late_cancelled' : 'cancelled_on_time';
}
import { bookingViews, clubNames, clubTime, occurrenceView, ordinal } from './views';

export function requireOccurrence(db: Db, id: number): OccurrenceRow {
  const o = getOccurrence(db, id);
  if (!o) throw new StudioError('not_found', `there is no class with id ${id}`, 'occurrenceId');
  return o;
}

export function occurrencePolicy(db: Db, o: OccurrenceRow): BookingPolicy {
  return policyFor(loadPolicy(db), o.classTypeId);
}

function viewOf(db: Db, bookingId: number): BookingView {
  const b = getBooking(db, bookingId)!;
  return bookingViews(bookingsOf(db, b.occurrenceId)).find((v) => v.id === bookingId)!;
}

function result(db: Db, bookingId: number, message: string, promoted: BookingRow[]): BookingResult {
  const booking = viewOf(db, bookingId);
  const all = bookingViews(bookingsOf(db, booking.occurrenceId));
  return { booking, occurrence: occurrenceView(db, getOccurrence(db, booking.occurrenceId)!), message, promoted: promoted.map((p) => all.find((v) => v.id === p.id)!) };
}

/**
 * Moves members from the head of the waitlist into free places, as many as `promotionsDue`
 * allows (none after the late-cancel cutoff), and tells each of them in the studio. Call inside
 * the transaction that freed the place. Returns the promoted bookings.
 */
export function promoteWaitlist(tx: Db, occ: OccurrenceRow, p: BookingPolicy, nowMs: number, why: string): BookingRow[] {
  const promoted: BookingRow[] = [];
  const startsAtMs = Date.parse(occ.startsAt);
  const at = new Date(nowMs).toISOString();
  const tz = clubNames(tx).timezone;
  for (;;) {
    const head = waitlistHead(tx, occ.id);
    if (!head || promotionsDue(p, { capacity: occ.capacity, placesTaken: placesTaken(tx, occ.id), waiting: 1, startsAtMs, nowMs }) === 0) break;
    updateBooking(tx, head.id, { status: 'booked', promotedAt: at });
    const name = getMember(tx, head.memberId)?.name ?? `member ${head.memberId}`;
    insertNotification(tx, {
      createdAt: at, kind: 'waitlist_promoted', audience: 'member', memberId: head.memberId, occurrenceId: occ.id,
      message: `${name} moved from the waitlist into ${occ.className}, ${clubTime(occ.startsAt, tz)} (${why})`,
    });
    promoted.push({ ...head, status: 'booked', promotedAt: at });
  }
  return promoted;
}

/**
 * Runs `fn`; a refusal it throws (`conflict`: outside the window, strikes, a duplicate, a full
 * class) is written to the audit log as `${action}.refused` with its reason and field, then
 * rethrown, so refused bookings and check-ins leave a logged reason.
 */
export function loggingRefusals<T>(ctx: HandlerContext, action: string, occurrenceId: number, memberId: number | null, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof StudioError && e.reason === 'conflict') {
      const known = memberId !== null && getMember(ctx.store.db, memberId) !== null;
      recordAudit(ctx.store.db, { ...auditActor(ctx), action: `${action}.refused`, entity: 'class_occurrence', entityId: occurrenceId,
        after: { field: e.field ?? null, message: e.message }, subjectMemberId: known ? memberId : null });
    }
    throw e;
  }
}

/** Books a member, or puts them on the waitlist; refused outside the window or at the strike limit (logged). */
export function book(ctx: HandlerContext, input: { occurrenceId: number; memberId: number; source: string }): BookingResult {
  return loggingRefusals(ctx, 'classes.book', input.occurrenceId, input.memberId, () => bookNow(ctx, input));
}

function bookNow(ctx: HandlerContext, input: { occurrenceId: number; memberId: number; source: string }): BookingResult {
  const db = ctx.store.db;
  const occ = requireOccurrence(db, input.occurrenceId);
  if (occ.status === 'cancelled' || occ.status === 'ended') throw new StudioError('conflict', `${occ.className} on ${occ.date} is ${occ.status}`, 'occurrenceId');
  const member = getMember(db, input.memberId);
  if (!member) throw new StudioError('not_found', `there is no member with id ${input.memberId}`, 'memberId');
  const p = occurrencePolicy(db, occ);
  const nowMs = ctx.now().getTime();
  const outside = bookingWindowRefusal(p, Date.parse(occ.startsAt), nowMs);
  if (outside) throw new StudioError('conflict', `${member.name} cannot book ${occ.className}: ${outside.message}`, outside.field);
  const since = new Date(strikeWindowStart(p, nowMs)).toISOString();
  const strikes = strikesOf(p, { lateCancels: countMemberStatus(db, member.id, 'late_cancelled', since), noShows: countMemberStatus(db, member.id, 'no_show', since) });
  const struck = strikeRefusal(p, strikes);
  if (struck) throw new StudioError('conflict', `${member.name} cannot book: ${struck.message}`, struck.field);
  const at = ctx.now().toISOString();
  const row = db.transaction((tx) => {
    const existing = activeBooking(tx, occ.id, member.id);
    if (existing) throw new StudioError('conflict', `${member.name} is already ${existing.status === 'waitlisted' ? 'on the waitlist of' : 'booked into'} ${occ.className}`, 'memberId');
    const status = placeFor(occ.capacity, placesTaken(tx, occ.id));
    const b = insertBooking(tx, { occurrenceId: occ.id, memberId: member.id, status, queuedAt: at, source: input.source, createdBy: actorOf(ctx) });
    takeBookingCredit(tx, b.id, member.id, member.name, occ.className, nowMs);
    recordAudit(tx, { ...auditActor(ctx), action: 'classes.book', entity: 'class_booking', entityId: b.id, after: { occurrenceId: occ.id, status }, subjectMemberId: member.id });
    return b;
  });
  const view = viewOf(db, row.id);
  const message = row.status === 'booked' ? `${member.name} is booked into ${occ.className}`
    : `${occ.className} is full: ${member.name} is ${ordinal(view.waitlistPosition!)} on the waitlist`;
  return result(db, row.id, message, []);
}

/** Cancels a booking or waitlist entry; a member's cancel after the cutoff is late. Promotes. */
export function cancel(ctx: HandlerContext, input: { bookingId: number; by: 'member' | 'studio' }): BookingResult {
  const db = ctx.store.db;
  const b = getBooking(db, input.bookingId);
  if (!b) throw new StudioError('not_found', `there is no booking with id ${input.bookingId}`, 'bookingId');
  if (b.status === 'checked_in') throw new StudioError('conflict', 'the member is already checked in; the booking cannot be cancelled', 'bookingId');
  if (b.status !== 'booked' && b.status !== 'waitlisted') throw new StudioError('conflict', `the booking is already ${b.status.replace('_', ' ')}`, 'bookingId');
  const occ = requireOccurrence(db, b.occurrenceId);
  if (occ.status === 'ended') throw new StudioError('conflict', `${occ.className} has ended`, 'bookingId');
  const p = occurrencePolicy(db, occ);
  const nowMs = ctx.now().getTime();
  const status = b.status === 'waitlisted' || input.by === 'studio' ? 'cancelled' : cancellationKind(p, Date.parse(occ.startsAt), nowMs);
  let credit: 'refunded' | 'forfeited' | null = null;
  const promoted = db.transaction((tx) => {
    updateBooking(tx, b.id, { status, cancelledAt: new Date(nowMs).toISOString() });
    credit = settleCredit(tx, b.id, bookingEnd(b.status, status, input.by), new Date(nowMs).toISOString(), loadPaymentsPolicy(tx));
    recordAudit(tx, { ...auditActor(ctx), action: 'classes.cancel', entity: 'class_booking', entityId: b.id, before: { status: b.status }, after: { status, by: input.by }, subjectMemberId: b.memberId });
    return b.status === 'booked' ? promoteWaitlist(tx, occ, p, nowMs, input.by === 'studio' ? 'the studio cancelled a booking' : 'a member cancelled') : [];
  });
  const name = getMember(db, b.memberId)?.name ?? `member ${b.memberId}`;
  const late = status === 'late_cancelled' ? ` (late: less than ${p.cancelCutoffMin} min before the start, counted)` : '';
  const moved = promoted.length ? `; ${promoted.length} moved up from the waitlist` : '';
  const creditNote = credit === 'refunded' ? '; the credit is back' : credit === 'forfeited' ? '; the credit is spent (policy)' : '';
  return result(db, b.id, `${name}'s ${b.status === 'waitlisted' ? 'waitlist entry' : 'booking'} is cancelled${late}${creditNote}${moved}`, promoted);
}

/** Changes a class's places; raising promotes from the waitlist. */
export function setCapacity(ctx: HandlerContext, occurrenceId: number, capacity: number): void {
  const db = ctx.store.db;
  const occ = requireOccurrence(db, occurrenceId);
  if (occ.status === 'ended' || occ.status === 'cancelled') throw new StudioError('conflict', `${occ.className} is ${occ.status}`, 'occurrenceId');
  db.transaction((tx) => {
    const taken = placesTaken(tx, occ.id);
    if (capacity < taken) throw new StudioError('conflict', `${taken} members hold places; cancel bookings first or choose at least ${taken}`, 'capacity');
    updateOccurrence(tx, occ.id, { capacity });
    recordAudit(tx, { ...auditActor(ctx), action: 'classes.capacity', entity: 'class_occurrence', entityId: occ.id, before: { capacity: occ.capacity }, after: { capacity } });
    if (capacity > occ.capacity) promoteWaitlist(tx, { ...occ, capacity }, occurrencePolicy(tx, occ), ctx.now().getTime(), 'more places');
  });
}

/**
 * Releases booked members who have not checked in as no-shows (when the policy allows at
 * `nowMs`, or always with `force` at the end of a class), then calls the promotion function.
 * Call inside a transaction. Returns how many were released.
 */
export function releaseNoShows(tx: Db, occ: OccurrenceRow, nowMs: number, force = false): number {
  const p = occurrencePolicy(tx, occ);
  if (!force && !noShowsDue(p, Date.parse(occ.startsAt), nowMs)) return 0;
  const unchecked = bookingsOf(tx, occ.id).filter((b) => b.status === 'booked');
  const pp = loadPaymentsPolicy(tx);
  for (const b of unchecked) {
    updateBooking(tx, b.id, { status: 'no_show' });
    settleCredit(tx, b.id, 'no_show', new Date(nowMs).toISOString(), pp);
  }
  if (unchecked.length > 0) promoteWaitlist(tx, occ, p, nowMs, 'no-shows released');
  return unchecked.length;
}

