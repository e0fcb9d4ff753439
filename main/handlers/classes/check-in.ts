/**
 * Front-desk check-in (issue 12, part 2): by member (search) or by the code of the member's
 * card (its QR code holds the code; a scanner types it into the check-in box). A booked or
 * waitlisted member with a free place is checked in; a member without a booking comes in as a
 * walk-in when a place is free; a second check-in is refused with the time of the first.
 * Check-in opens `CHECK_IN_OPENS_MIN` before the start and closes at the end.
 */
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { recordAudit } from '../../../db/audit';
import { activeBooking, bookingsOf, cardOf, insertBooking, memberByCard, placesTaken, putCard, updateBooking } from '../../../db/classes';
import { getMember } from '../../../db/members';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { BookingResult, MemberCardView } from '../../contract/classes-views';
import { actorOf, auditActor, type HandlerContext } from '../../host/context';
import { loggingRefusals, requireOccurrence } from './bookings';
import { bookingViews, clubNames, clubTime, occurrenceView } from './views';

/** Check-in opens this many minutes before a class starts (ours). */
export const CHECK_IN_OPENS_MIN = 60;
/** Prefix of card codes, so a scanned code is recognisable. */
export const CARD_PREFIX = 'TSM1-';

/** The member's card, issued on first use (a random code; `reissue` replaces it). */
export async function memberCard(db: Db, memberId: number, reissue: boolean): Promise<MemberCardView> {
  const member = getMember(db, memberId);
  if (!member) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
  let card = cardOf(db, memberId);
  if (!card || reissue) {
    putCard(db, memberId, `${CARD_PREFIX}${memberId}-${randomBytes(9).toString('base64url')}`);
    card = cardOf(db, memberId)!;
  }
  const qrSvg = await QRCode.toString(card.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { memberId, memberName: member.name, code: card.code, qrSvg };
}

function memberOfInput(db: Db, input: { memberId?: number; code?: string }): number {
  if (input.memberId !== undefined) {
    if (!getMember(db, input.memberId)) throw new StudioError('not_found', `there is no member with id ${input.memberId}`, 'memberId');
    return input.memberId;
  }
  const id = memberByCard(db, input.code!.trim());
  if (id === null) throw new StudioError('not_found', 'this card code is not known (an old card, or not a member card)', 'code');
  return id;
}

/** Checks a member in; a refusal (duplicate, full, outside check-in) is logged (see `loggingRefusals`). */
export function checkIn(ctx: HandlerContext, input: { occurrenceId: number; memberId?: number; code?: string; walkIn: boolean }): BookingResult {
  const memberId = input.memberId ?? (input.code ? memberByCard(ctx.store.db, input.code.trim()) : null);
  return loggingRefusals(ctx, 'classes.check-in', input.occurrenceId, memberId, () => checkInNow(ctx, input));
}

function checkInNow(ctx: HandlerContext, input: { occurrenceId: number; memberId?: number; code?: string; walkIn: boolean }): BookingResult {
  const db = ctx.store.db;
  const occ = requireOccurrence(db, input.occurrenceId);
  if (occ.status === 'cancelled' || occ.status === 'ended') throw new StudioError('conflict', `${occ.className} is ${occ.status}`, 'occurrenceId');
  const memberId = memberOfInput(db, input);
  const name = getMember(db, memberId)!.name;
  const now = ctx.now();
  const tz = clubNames(db).timezone;
  if (now.getTime() < Date.parse(occ.startsAt) - CHECK_IN_OPENS_MIN * 60_000) {
    throw new StudioError('conflict', `check-in for ${occ.className} opens ${CHECK_IN_OPENS_MIN} min before it starts (${clubTime(occ.startsAt, tz)})`, 'occurrenceId');
  }
  if (now.getTime() >= Date.parse(occ.endsAt)) throw new StudioError('conflict', `${occ.className} is over`, 'occurrenceId');
  const at = now.toISOString();
  const id = db.transaction((tx) => {
    const existing = activeBooking(tx, occ.id, memberId) ?? bookingsOf(tx, occ.id).find((b) => b.memberId === memberId && b.status === 'no_show') ?? null;
    if (existing?.status === 'checked_in') {
      throw new StudioError('conflict', `${name} is already checked in (at ${clubTime(existing.checkedInAt!, tz).slice(-5)})`, input.code ? 'code' : 'memberId');
    }
    const free = placesTaken(tx, occ.id) < occ.capacity;
    if (existing?.status === 'booked') {
      updateBooking(tx, existing.id, { status: 'checked_in', checkedInAt: at, checkedInBy: actorOf(ctx) });
      return existing.id;
    }
    if (!free) throw new StudioError('conflict', `${occ.className} is full (${occ.capacity} places)${existing?.status === 'waitlisted' ? `; ${name} is on the waitlist` : ''}`, 'occurrenceId');
    if (existing) {
      updateBooking(tx, existing.id, { status: 'checked_in', checkedInAt: at, checkedInBy: actorOf(ctx), ...(existing.status === 'waitlisted' ? { promotedAt: at } : {}) });
      return existing.id;
    }
    if (!input.walkIn) throw new StudioError('conflict', `${name} has no booking for ${occ.className}; check them in as a walk-in`, 'walkIn');
    const b = insertBooking(tx, { occurrenceId: occ.id, memberId, status: 'checked_in', queuedAt: at, checkedInAt: at, walkIn: true, source: 'front_desk', createdBy: actorOf(ctx), checkedInBy: actorOf(ctx) });
    recordAudit(tx, { ...auditActor(ctx), action: 'classes.walk-in', entity: 'class_booking', entityId: b.id, after: { occurrenceId: occ.id }, subjectMemberId: memberId });
    return b.id;
  });
  const all = bookingViews(bookingsOf(db, occ.id));
  const booking = all.find((b) => b.id === id)!;
  return { booking, occurrence: occurrenceView(db, occ), message: `${name} is checked in${booking.walkIn ? ' (walk-in)' : ''}`, promoted: [] };
}
