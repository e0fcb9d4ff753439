/**
 * Applies a Stripe fact exactly once (issue 16): the fact's key (an event id, or
 * `obj_<id>_<status>` for an object read directly) is recorded in the same SQLite transaction as
 * its effect, and a key recorded before means no effect at all. The effect follows the engine's
 * decision: a sale marked paid (and, for a pack, its credits added once: the ledger's unique
 * index makes a second purchase entry impossible), expired, a membership's status, or a
 * mismatch flagged for a manager.
 */
import type Stripe from 'stripe';
import { decide, type Decision, type StripeFact } from '../../engine/payments/reconcile';
import {
  getProduct, getSale, insertCredit, insertMembership, insertMismatch, membershipBySubscription, putSync, recordEvent, saleByOpId, setEventEffect, saleByStripeObject,
  updateMembership, updateSale, type SaleRow,
} from '../../db/payments';
import type { Db } from '../../db/open';

export interface FactKey { id: string; type: string; created: number; via: 'events' | 'webhook' | 'objects' }

/** Reduces a Checkout Session, a subscription or an event's object to a fact. */
export function factOf(type: string, obj: Record<string, unknown>): StripeFact {
  const meta = (obj.metadata ?? {}) as Record<string, string>;
  const opId = meta.op_id ?? (obj.client_reference_id as string | null) ?? null;
  if (obj.object === 'checkout.session') {
    const objectId = obj.id as string;
    if (type.endsWith('.expired') || obj.status === 'expired') return { kind: 'payment_expired', objectId, opId };
    if (obj.status === 'complete') {
      return { kind: 'payment_completed', objectId, opId, amountMinor: Number(obj.amount_total ?? 0), currency: String(obj.currency ?? ''), paid: obj.payment_status === 'paid' || obj.payment_status === 'no_payment_required' };
    }
    return { kind: 'other', type: `${type} (session ${String(obj.status)})` };
  }
  if (obj.object === 'subscription') {
    return { kind: 'subscription', objectId: obj.id as string, opId, status: String(obj.status), periodEnd: (obj.current_period_end as number | undefined) ?? null };
  }
  return { kind: 'other', type };
}

function saleFor(tx: Db, fact: StripeFact, obj: Record<string, unknown>): SaleRow | null {
  if (fact.kind === 'other' || fact.kind === 'subscription') return null;
  return (fact.opId ? saleByOpId(tx, fact.opId) : null) ?? saleByStripeObject(tx, fact.objectId)
    ?? (typeof obj.payment_link === 'string' ? saleByStripeObject(tx, obj.payment_link) : null);
}

const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Marks a sale paid and gives what it bought: pack credits (once) or a membership. */
export function settleSale(tx: Db, sale: SaleRow, atIso: string, subscriptionId: string | null): void {
  updateSale(tx, sale.id, { status: 'paid', paidAt: atIso, receiptNo: `R-${sale.id.toString().padStart(6, '0')}` });
  const product = getProduct(tx, sale.productId)!;
  if (product.kind === 'membership') {
    insertMembership(tx, { memberId: sale.memberId, productId: product.id, saleId: sale.id, status: 'active', startDate: atIso.slice(0, 10),
      renewalDate: addMonths(atIso, product.intervalMonths ?? 1), frozenUntil: null, stripeSubscriptionId: subscriptionId, cancelledAt: null });
  } else {
    insertCredit(tx, { memberId: sale.memberId, saleId: sale.id, bookingId: null, reason: 'purchase', delta: product.credits ?? 1, at: atIso });
  }
}

function effect(tx: Db, d: Decision, obj: Record<string, unknown>, atIso: string): string {
  switch (d.action) {
    case 'nothing':
      return `nothing: ${d.why}`;
    case 'mark_paid':
      settleSale(tx, getSale(tx, d.saleId)!, atIso, typeof obj.subscription === 'string' ? obj.subscription : null);
      return `sale ${d.saleId} paid`;
    case 'mark_expired':
      updateSale(tx, d.saleId, { status: 'expired' });
      return `sale ${d.saleId} expired`;
    case 'membership_status': {
      const m = membershipBySubscription(tx, d.subscriptionId);
      if (!m) return `nothing: subscription ${d.subscriptionId} has no membership here yet`;
      if (m.status === 'frozen' && d.status === 'active') return `membership ${m.id} stays frozen`;
      updateMembership(tx, m.id, { status: d.status, ...(d.renewalUnix ? { renewalDate: new Date(d.renewalUnix * 1000).toISOString().slice(0, 10) } : {}),
        ...(d.status === 'cancelled' ? { cancelledAt: atIso } : {}) });
      return `membership ${m.id} ${d.status}`;
    }
    case 'mismatch':
      insertMismatch(tx, { kind: d.kind, saleId: d.saleId, stripeObjectId: d.objectId, message: d.message, createdAt: atIso });
      if (d.saleId !== null) updateSale(tx, d.saleId, { status: 'mismatch' });
      return `mismatch ${d.kind}`;
  }
}

/**
 * Applies one fact in one transaction; returns false when its key was applied before. With
 * `advanceCursor` (the events list), the cursor moves to this event in the same transaction.
 */
export function applyFact(db: Db, key: FactKey, obj: Record<string, unknown>, now: Date, advanceCursor: boolean): boolean {
  const atIso = now.toISOString();
  return db.transaction((tx) => {
    const fact = factOf(key.type, obj);
    const sale = saleFor(tx, fact, obj);
    const d = decide(fact, sale ? { id: sale.id, status: sale.status, amountMinor: sale.amountMinor, currency: sale.currency, method: sale.method } : null);
    const fresh = recordEvent(tx, { id: key.id, type: key.type, created: key.created, via: key.via, effect: 'pending', processedAt: atIso });
    if (advanceCursor) putSync(tx, { cursorEventId: key.id, cursorCreated: key.created });
    if (!fresh) return false;
    const what = effect(tx, d, obj, atIso);
    setEventEffect(tx, key.id, what);
    return true;
  });
}

/** An SDK event as a fact key and object. */
export function eventParts(e: Stripe.Event, via: FactKey['via']): { key: FactKey; obj: Record<string, unknown> } {
  return { key: { id: e.id, type: e.type, created: e.created, via }, obj: e.data.object as unknown as Record<string, unknown> };
}
