/**
 * Reconciliation decisions (issue 16): what one Stripe fact (an event, or an object read when the
 * event cursor is too old) means for the studio's own sale. Pure; the reconciler applies the
 * decision and records the event id in the same transaction. Disagreements become mismatches for
 * a manager; nothing here resolves one silently.
 */

export type LocalSaleStatus = 'queued' | 'awaiting_payment' | 'paid' | 'expired' | 'mismatch';
export interface LocalSale { id: number; status: LocalSaleStatus; amountMinor: number; currency: string; method: 'checkout' | 'payment_link' | 'cash' | 'terminal' }

/** A Stripe fact about a one-off payment or a subscription, reduced to what we decide on. */
export type StripeFact =
  | { kind: 'payment_completed'; objectId: string; opId: string | null; amountMinor: number; currency: string; paid: boolean }
  | { kind: 'payment_expired'; objectId: string; opId: string | null }
  | { kind: 'subscription'; objectId: string; opId: string | null; status: string; periodEnd: number | null }
  | { kind: 'other'; type: string };

export type Decision =
  | { action: 'mark_paid'; saleId: number }
  | { action: 'mark_expired'; saleId: number }
  | { action: 'membership_status'; subscriptionId: string; status: 'active' | 'past_due' | 'cancelled'; renewalUnix: number | null }
  | { action: 'mismatch'; kind: 'paid_in_stripe_not_here' | 'recorded_here_failed_there' | 'amount_differs'; saleId: number | null; objectId: string; message: string }
  | { action: 'nothing'; why: string };

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;

/** Maps a Stripe subscription status onto ours (incomplete and unpaid are past due). */
export function membershipStatusOf(stripeStatus: string): 'active' | 'past_due' | 'cancelled' {
  if (stripeStatus === 'active' || stripeStatus === 'trialing') return 'active';
  if (stripeStatus === 'canceled' || stripeStatus === 'incomplete_expired') return 'cancelled';
  return 'past_due';
}

export function decide(fact: StripeFact, sale: LocalSale | null): Decision {
  switch (fact.kind) {
    case 'other':
      return { action: 'nothing', why: `event type ${fact.type} is not used` };
    case 'subscription':
      return { action: 'membership_status', subscriptionId: fact.objectId, status: membershipStatusOf(fact.status), renewalUnix: fact.periodEnd };
    case 'payment_completed': {
      if (!fact.paid) return { action: 'nothing', why: 'completed but not paid yet (an asynchronous method)' };
      if (!sale) {
        return { action: 'mismatch', kind: 'paid_in_stripe_not_here', saleId: null, objectId: fact.objectId,
          message: `Stripe took ${money(fact.amountMinor, fact.currency)} (${fact.objectId}${fact.opId ? `, op ${fact.opId}` : ''}) for a sale the studio does not know` };
      }
      if (sale.status === 'paid') return { action: 'nothing', why: 'the sale is already paid' };
      if (sale.status === 'mismatch') return { action: 'nothing', why: 'the sale is already flagged for a manager' };
      if (fact.amountMinor !== sale.amountMinor || fact.currency !== sale.currency) {
        return { action: 'mismatch', kind: 'amount_differs', saleId: sale.id, objectId: fact.objectId,
          message: `Stripe took ${money(fact.amountMinor, fact.currency)} for sale ${sale.id}, which is ${money(sale.amountMinor, sale.currency)} here` };
      }
      if (sale.status === 'expired') {
        return { action: 'mismatch', kind: 'paid_in_stripe_not_here', saleId: sale.id, objectId: fact.objectId,
          message: `Stripe reports sale ${sale.id} paid (${fact.objectId}) but the studio had it expired` };
      }
      return { action: 'mark_paid', saleId: sale.id };
    }
    case 'payment_expired': {
      if (!sale) return { action: 'nothing', why: 'an expired session of no sale here' };
      if (sale.status === 'paid') {
        return { action: 'mismatch', kind: 'recorded_here_failed_there', saleId: sale.id, objectId: fact.objectId,
          message: `sale ${sale.id} is paid here but its Stripe session ${fact.objectId} expired unpaid` };
      }
      if (sale.status === 'expired' || sale.status === 'mismatch') return { action: 'nothing', why: `the sale is already ${sale.status}` };
      return { action: 'mark_expired', saleId: sale.id };
    }
  }
}

const THIRTY_DAYS_S = 30 * 86_400;

/** Whether the event cursor (unix seconds of the newest applied event) is older than Stripe keeps events. */
export function cursorExpired(cursorCreated: number | null, nowMs: number): boolean {
  return cursorCreated !== null && nowMs / 1000 - cursorCreated > THIRTY_DAYS_S;
}

/** The idempotency key of a create, derived from our operation id and what is created. */
export function idempotencyKey(what: 'sale' | 'customer' | 'product' | 'price' | 'subscription', opId: string): string {
  return `studio-${what}-${opId}`;
}
