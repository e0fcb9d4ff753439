/**
 * Reconciliation without webhooks (issue 16). The studio sits behind the club's router, so it
 * pulls: `GET /v1/events?ending_before=<cursor>` (the SDK's auto-pagination then runs oldest
 * first), applying each event exactly once with the cursor moved in the same transaction. When
 * the cursor is older than Stripe keeps events (30 days), it warns and lists the Checkout
 * Sessions themselves since then instead. Finally it re-reads every sale still awaiting payment
 * (its session, or the sessions of its payment link): an event the list could not show (listed
 * out of order behind the cursor) still cannot lose a payment.
 */
import type Stripe from 'stripe';
import { cursorExpired } from '../../engine/payments/reconcile';
import { getSync, putSync, salesWithStatus } from '../../db/payments';
import type { Db } from '../../db/open';
import { applyFact, eventParts } from './apply';

export interface SyncReport {
  events: number;
  applied: number;
  duplicates: number;
  objectsChecked: number;
  warning: string | null;
  cursor: string | null;
}

async function listSince(db: Db, stripe: Stripe, cursor: string | null, now: () => Date, r: SyncReport): Promise<void> {
  const onEvent = (e: Stripe.Event) => {
    r.events++;
    const { key, obj } = eventParts(e, 'events');
    if (applyFact(db, key, obj, now(), true)) r.applied++; else r.duplicates++;
  };
  if (cursor) {
    for await (const e of stripe.events.list({ ending_before: cursor, limit: 100 })) onEvent(e);
    return;
  }
  // First sync: everything Stripe still has, oldest first.
  const all: Stripe.Event[] = [];
  for await (const e of stripe.events.list({ limit: 100 })) all.push(e);
  for (const e of all.reverse()) onEvent(e);
}

/** One session read directly, applied under the key `obj_<id>_<status>`. */
function applySession(db: Db, s: Stripe.Checkout.Session, now: () => Date, r: SyncReport): void {
  r.objectsChecked++;
  if (s.status === 'open') return;
  const key = { id: `obj_${s.id}_${s.status}`, type: `checkout.session.${s.status === 'complete' ? 'completed' : s.status}`, created: s.created, via: 'objects' as const };
  if (applyFact(db, key, s as unknown as Record<string, unknown>, now(), false)) r.applied++; else r.duplicates++;
}

async function sweepAwaiting(db: Db, stripe: Stripe, now: () => Date, r: SyncReport): Promise<void> {
  for (const sale of salesWithStatus(db, ['awaiting_payment'])) {
    if (!sale.stripeObjectId) continue;
    if (sale.method === 'payment_link') {
      for await (const s of stripe.checkout.sessions.list({ payment_link: sale.stripeObjectId, limit: 100 })) applySession(db, s, now, r);
    } else {
      applySession(db, await stripe.checkout.sessions.retrieve(sale.stripeObjectId), now, r);
    }
  }
}

/** Catches up with Stripe; throws on a network failure (the cursor keeps what was applied). */
export async function reconcile(db: Db, stripe: Stripe, opts: { now: () => Date }): Promise<SyncReport> {
  const sync = getSync(db);
  const r: SyncReport = { events: 0, applied: 0, duplicates: 0, objectsChecked: 0, warning: null, cursor: sync.cursorEventId };
  try {
    if (sync.cursorEventId && cursorExpired(sync.cursorCreated, opts.now().getTime())) {
      r.warning = `the last sync was on ${new Date(sync.cursorCreated! * 1000).toISOString().slice(0, 10)}, longer ago than Stripe keeps events (30 days): the Checkout Sessions since then were listed instead`;
      for await (const s of stripe.checkout.sessions.list({ created: { gte: sync.cursorCreated! - 86_400 }, limit: 100 })) applySession(db, s, opts.now, r);
      const newest = (await stripe.events.list({ limit: 1 })).data[0];
      putSync(db, { cursorEventId: newest?.id ?? null, cursorCreated: newest?.created ?? null });
    } else {
      await listSince(db, stripe, sync.cursorEventId, opts.now, r);
    }
    await sweepAwaiting(db, stripe, opts.now, r);
    putSync(db, { lastSyncAt: opts.now().toISOString(), lastError: r.warning });
  } catch (e) {
    putSync(db, { lastError: (e as Error).message.slice(0, 500) });
    throw e;
  }
  r.cursor = getSync(db).cursorEventId;
  return r;
}
