/**
 * The credit ledger and grace rules (issue 16). Pure: data in, decisions out.
 *
 * - A pack sale's credits are usable only once the sale is confirmed (`paid`: by Stripe or
 *   recorded by hand); a queued or awaiting sale gives nothing yet.
 * - A booking takes its credit from an active membership first (unlimited), else from the oldest
 *   confirmed pack with credits left; the booking records which, so a refund returns that one.
 * - Cancelling before the cutoff (or a waitlist entry, or by the studio) returns the credit; a
 *   late cancel or a no-show returns it only when the policy says they do not forfeit.
 */
import type { PaymentsPolicy } from './policy';

export type MembershipStatus = 'active' | 'frozen' | 'past_due' | 'cancelled';
export interface MembershipFacts { id: number; status: MembershipStatus; renewalDate: string; frozenUntil: string | null }
export interface PackFacts { saleId: number; saleStatus: 'queued' | 'awaiting_payment' | 'paid' | 'expired' | 'mismatch'; paidAt: string | null; balance: number }

export type CreditSource = { source: 'membership'; membershipId: number } | { source: 'pack'; saleId: number };
export type Access = { ok: true } | { ok: false; why: string };

const DAY = 86_400_000;

/** Whether a membership lets its member book on club-local date `today` (YYYY-MM-DD). */
export function membershipAccess(m: MembershipFacts, today: string, p: PaymentsPolicy): Access {
  switch (m.status) {
    case 'active':
      return { ok: true };
    case 'cancelled':
      return { ok: false, why: 'the membership is cancelled' };
    case 'frozen':
      return m.frozenUntil !== null && today >= m.frozenUntil ? { ok: true } : { ok: false, why: `the membership is frozen until ${m.frozenUntil ?? 'further notice'}` };
    case 'past_due': {
      const graceEnds = new Date(Date.parse(`${m.renewalDate}T00:00:00Z`) + p.pastDueGraceDays * DAY).toISOString().slice(0, 10);
      return today < graceEnds ? { ok: true } : { ok: false, why: `the membership is past due since ${m.renewalDate}; the ${p.pastDueGraceDays}-day grace ended on ${graceEnds}` };
    }
  }
}

/** A pack usable now: confirmed and with credits left. */
export function packUsable(pack: PackFacts): boolean {
  return pack.saleStatus === 'paid' && pack.balance > 0;
}

/**
 * The credit a new booking spends, or why there is none: a membership with access first, then
 * the oldest confirmed pack with credits (by paid time, then sale id).
 */
export function chooseCredit(memberships: readonly MembershipFacts[], packs: readonly PackFacts[], today: string, p: PaymentsPolicy):
  { ok: true; credit: CreditSource } | { ok: false; why: string } {
  const m = memberships.find((x) => membershipAccess(x, today, p).ok);
  if (m) return { ok: true, credit: { source: 'membership', membershipId: m.id } };
  const usable = packs.filter(packUsable).sort((a, b) => (a.paidAt ?? '').localeCompare(b.paidAt ?? '') || a.saleId - b.saleId);
  if (usable[0]) return { ok: true, credit: { source: 'pack', saleId: usable[0].saleId } };
  const pending = packs.filter((x) => (x.saleStatus === 'queued' || x.saleStatus === 'awaiting_payment') && x.balance === 0).length;
  const reasons = memberships.map((x) => membershipAccess(x, today, p)).filter((a): a is { ok: false; why: string } => !a.ok).map((a) => a.why);
  if (pending > 0) reasons.push(`${pending} pack sale${pending > 1 ? 's are' : ' is'} waiting for payment (usable once confirmed or recorded by hand)`);
  return { ok: false, why: reasons.length ? reasons.join('; ') : 'no membership and no class-pack credit' };
}

/** How a booking ended, for its credit. */
export type BookingEnd = 'cancelled_on_time' | 'cancelled_waitlist' | 'cancelled_by_studio' | 'late_cancelled' | 'no_show';

/** Whether the credit of a booking that ended `how` goes back to its source. */
export function refundsCredit(how: BookingEnd, p: PaymentsPolicy): boolean {
  if (how === 'late_cancelled') return !p.lateCancelForfeits;
  if (how === 'no_show') return !p.noShowForfeits;
  return true;
}

/** A pack's balance from its ledger entries (deltas). */
export function balanceOf(deltas: readonly number[]): number {
  return deltas.reduce((a, b) => a + b, 0);
}
