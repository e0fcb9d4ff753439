/**
 * Booking credits (issue 16): a booking takes its credit inside the booking's own transaction and
 * records where it came from (a membership, or a pack sale); when the booking ends, the credit
 * goes back to exactly that pack, or stays spent, as the payments policy says.
 */
import { chooseCredit, refundsCredit, type BookingEnd, type MembershipFacts } from '../../engine/payments/ledger';
import { readPaymentsPolicy, type PaymentsPolicy } from '../../engine/payments/policy';
import { getBookingCredit, insertCredit, membershipsOf, packsOf, putBookingCredit, setBookingCreditState } from '../../db/payments';
import { getSetting, putSetting } from '../../db/settings';
import type { Db } from '../../db/open';

export const PAYMENTS_POLICY_KEY = 'payments.policy';

export function loadPaymentsPolicy(db: Db): PaymentsPolicy {
  return readPaymentsPolicy(getSetting(db, PAYMENTS_POLICY_KEY));
}

export function savePaymentsPolicy(db: Db, p: PaymentsPolicy, staffId: number | null): void {
  putSetting(db, PAYMENTS_POLICY_KEY, p, staffId);
}

export type TakeResult = { taken: true; source: 'membership' | 'pack'; saleId: number | null } | { taken: false; why: string };

/**
 * Takes a credit for `bookingId` (call inside the booking's transaction). Without a credit it
 * takes nothing and says why; the caller refuses the booking when the policy requires a credit.
 */
export function takeCredit(tx: Db, memberId: number, bookingId: number, today: string, atIso: string, p: PaymentsPolicy): TakeResult {
  const ms: MembershipFacts[] = membershipsOf(tx, memberId).map((m) => ({ id: m.id, status: m.status, renewalDate: m.renewalDate, frozenUntil: m.frozenUntil }));
  const choice = chooseCredit(ms, packsOf(tx, memberId), today, p);
  if (!choice.ok) return { taken: false, why: choice.why };
  if (choice.credit.source === 'membership') {
    putBookingCredit(tx, { bookingId, memberId, source: 'membership', membershipId: choice.credit.membershipId, saleId: null, state: 'held' });
    return { taken: true, source: 'membership', saleId: null };
  }
  insertCredit(tx, { memberId, saleId: choice.credit.saleId, bookingId, reason: 'booking', delta: -1, at: atIso });
  putBookingCredit(tx, { bookingId, memberId, source: 'pack', saleId: choice.credit.saleId, membershipId: null, state: 'held' });
  return { taken: true, source: 'pack', saleId: choice.credit.saleId };
}

/** Settles the credit of a booking that ended `how`: returned to its pack, or kept spent. No-op without one. */
export function settleCredit(tx: Db, bookingId: number, how: BookingEnd, atIso: string, p: PaymentsPolicy): 'refunded' | 'forfeited' | null {
  const held = getBookingCredit(tx, bookingId);
  if (!held || held.state !== 'held') return null;
  if (!refundsCredit(how, p)) { setBookingCreditState(tx, bookingId, 'forfeited'); return 'forfeited'; }
  if (held.source === 'pack' && held.saleId !== null) insertCredit(tx, { memberId: held.memberId, saleId: held.saleId, bookingId, reason: 'refund', delta: 1, at: atIso });
  setBookingCreditState(tx, bookingId, 'refunded');
  return 'refunded';
}
