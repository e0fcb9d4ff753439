/**
 * Random front-desk days for the reconciliation property test and the bench (issue 16): sales
 * (Checkout, payment link, cash, terminal; packs, drop-ins, memberships), outbox flushes,
 * reconciliations, injected faults, offline periods, members paying on their phones, sessions
 * expiring, duplicate and out-of-order events, webhook deliveries, bookings taking credits and
 * cancellations returning them. After the day the studio comes back online, flushes and
 * reconciles; `audit` then counts what must be zero.
 */
import fc from 'fast-check';
import type Stripe from 'stripe';
import { allMemberships, allSales, creditEntriesOf, getBookingCredit, listMismatches, packsOf } from '../../../db/payments';
import { DEFAULT_PAYMENTS_POLICY } from '../../../engine/payments/policy';
import type { BookingEnd } from '../../../engine/payments/ledger';
import { takeCredit, settleCredit } from '../credits';
import { flushOutbox } from '../outbox';
import { reconcile } from '../reconciler';
import { recordSale } from '../sales';
import { acceptWebhook } from '../webhook';
import type { Fault, FakeStripe } from './fake-stripe';
import { bareBooking, type PaymentsFixture } from './seed';

export type Command =
  | { t: 'sell'; member: number; method: 'checkout' | 'payment_link' | 'cash' | 'terminal'; product: 'pack' | 'dropIn' | 'plan' }
  | { t: 'flush' } | { t: 'reconcile' }
  | { t: 'fault'; fault: Fault; where: 'sessions' | 'links' | 'events' | 'prices' }
  | { t: 'offline'; on: boolean } | { t: 'outOfOrder'; on: boolean }
  | { t: 'pay'; k: number } | { t: 'expire'; k: number } | { t: 'redeliver'; k: number } | { t: 'webhook'; k: number }
  | { t: 'book'; member: number } | { t: 'end'; k: number; how: BookingEnd };

const WHERE = { sessions: /\/v1\/checkout\/sessions/, links: /\/v1\/payment_links/, events: /\/v1\/events/, prices: /\/v1\/(prices|products)/ };

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sell' as const), member: fc.nat(2), method: fc.constantFrom('checkout', 'checkout', 'payment_link', 'cash', 'terminal') as fc.Arbitrary<'checkout'>, product: fc.constantFrom('pack', 'pack', 'dropIn', 'plan') as fc.Arbitrary<'pack'> }) },
  { weight: 5, arbitrary: fc.constant({ t: 'flush' as const }) },
  { weight: 3, arbitrary: fc.constant({ t: 'reconcile' as const }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('fault' as const), fault: fc.constantFrom('error500', 'error500', 'drop_after_write', 'drop_after_write', 'timeout') as fc.Arbitrary<Fault>, where: fc.constantFrom('sessions', 'links', 'events', 'prices') as fc.Arbitrary<'sessions'> }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('offline' as const), on: fc.constantFrom(true, false, false) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('outOfOrder' as const), on: fc.boolean() }) },
  { weight: 7, arbitrary: fc.record({ t: fc.constant('pay' as const), k: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('expire' as const), k: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('redeliver' as const), k: fc.nat(200) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('webhook' as const), k: fc.nat(200) }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('book' as const), member: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('end' as const), k: fc.nat(50), how: fc.constantFrom('cancelled_on_time', 'late_cancelled', 'no_show', 'cancelled_by_studio') as fc.Arbitrary<BookingEnd> }) },
);

export const WEBHOOK_SECRET = 'whsec_scenario';

export interface DayStats { sales: number; paidInStripe: number; eventsApplied: number; bookings: number; commandErrors: number }

/** Plays one day; network errors of single commands are part of the day (offline, faults). */
export async function playDay(f: PaymentsFixture, fake: FakeStripe, stripe: Stripe, cmds: readonly Command[], now: () => Date): Promise<DayStats> {
  const stats: DayStats = { sales: 0, paidInStripe: 0, eventsApplied: 0, bookings: 0, commandErrors: 0 };
  const bookings: number[] = [];
  let op = 0;
  const products = { pack: f.pack.id, dropIn: f.dropIn.id, plan: f.plan.id };
  const flush = () => flushOutbox(f.db, stripe, { now, memberName: (id) => `Member ${id}` });
  const run = async (c: Command): Promise<void> => {
    switch (c.t) {
      case 'sell': {
        const method = c.product === 'plan' && c.method === 'payment_link' ? 'checkout' : c.method;
        recordSale(f.db, { opId: `day-${++op}`, memberId: f.members[c.member]!, productId: products[c.product], method, recordedBy: null }, now());
        stats.sales++;
        return;
      }
      case 'flush': await flush(); return;
      case 'reconcile': stats.eventsApplied += (await reconcile(f.db, stripe, { now })).applied; return;
      case 'fault': fake.inject(c.fault, WHERE[c.where]); return;
      case 'offline': fake.offline = c.on; return;
      case 'outOfOrder': fake.outOfOrder = c.on; return;
      case 'pay': {
        const open = [...fake.objects.values()].filter((o) => (o.object === 'checkout.session' && o.status === 'open' && !o.payment_link)
          || (o.object === 'payment_link' && ![...fake.objects.values()].some((s) => s.payment_link === o.id)));
        if (open.length === 0) return;
        fake.completeSession(open[c.k % open.length]!.id);
        stats.paidInStripe++;
        return;
      }
      case 'expire': {
        const open = fake.sessions().filter((s) => s.status === 'open' && !s.payment_link);
        if (open.length) fake.expireSession(open[c.k % open.length]!.id);
        return;
      }
      case 'redeliver': if (fake.events.length) fake.redeliver(fake.events[c.k % fake.events.length]!.id); return;
      case 'webhook': {
        if (!fake.events.length) return;
        const payload = JSON.stringify(fake.events[c.k % fake.events.length]);
        const r = acceptWebhook(f.db, stripe, payload, stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }), WEBHOOK_SECRET, now);
        if (!r.ok) throw new Error(r.message);
        return;
      }
      case 'book': {
        const memberId = f.members[c.member]!;
        const bookingId = bareBooking(f, memberId);
        const took = f.db.transaction((tx) => takeCredit(tx, memberId, bookingId, now().toISOString().slice(0, 10), now().toISOString(), DEFAULT_PAYMENTS_POLICY));
        if (took.taken) { bookings.push(bookingId); stats.bookings++; }
        return;
      }
      case 'end': {
        if (!bookings.length) return;
        const id = bookings[c.k % bookings.length]!;
        f.db.transaction((tx) => settleCredit(tx, id, c.how, now().toISOString(), DEFAULT_PAYMENTS_POLICY));
        return;
      }
    }
  };
  for (const c of cmds) {
    try { await run(c); } catch { stats.commandErrors++; }
  }
  // Back online: the studio's sync loop flushes and reconciles until the outbox is empty (a
  // request slower than the client's timeout on a loaded machine just waits for the next turn).
  fake.offline = false;
  fake.clearFaults();
  for (let turn = 0; turn < 5; turn++) {
    const sent = await flush();
    try { await reconcile(f.db, stripe, { now }); } catch { continue; }
    if (sent.stillQueued === 0) break;
  }
  await reconcile(f.db, stripe, { now });
  return stats;
}

export interface Audit {
  /** Paid in Stripe, but neither paid here nor flagged for a manager. */
  lostPayments: number;
  /** A sale credited more than once, or two Stripe objects (two charges possible) for one op id. */
  doubleCredits: number;
  /** Booking credits taken from a pack that is not paid (by Stripe or by hand), or a negative balance. */
  unbackedCredits: number;
  /** Online sales still queued after coming back online. */
  queuedLeft: number;
}

export function audit(f: PaymentsFixture, fake: FakeStripe): Audit {
  const sales = allSales(f.db);
  const byOp = new Map(sales.map((s) => [s.opId, s]));
  const byObject = new Map(sales.filter((s) => s.stripeObjectId).map((s) => [s.stripeObjectId!, s]));
  const flagged = new Set(listMismatches(f.db, false).map((m) => m.stripeObjectId));
  let lostPayments = 0;
  for (const s of fake.sessions().filter((x) => x.status === 'complete' && x.payment_status === 'paid')) {
    const opId = (s.metadata as Record<string, string>).op_id;
    const sale = (opId ? byOp.get(opId) : undefined) ?? byObject.get(String(s.payment_link ?? s.id));
    if (!(sale?.status === 'paid' || flagged.has(s.id) || (sale?.status === 'mismatch'))) lostPayments++;
  }
  const entries = creditEntriesOf(f.db);
  const purchases = new Map<number, number>();
  for (const e of entries.filter((x) => x.reason === 'purchase')) purchases.set(e.saleId, (purchases.get(e.saleId) ?? 0) + 1);
  let doubleCredits = [...purchases.values()].filter((n) => n > 1).length;
  const memberships = new Map<number, number>();
  for (const m of allMemberships(f.db)) if (m.saleId) memberships.set(m.saleId, (memberships.get(m.saleId) ?? 0) + 1);
  doubleCredits += [...memberships.values()].filter((n) => n > 1).length;
  const stripeObjectsPerOp = new Map<string, number>();
  for (const o of fake.objects.values()) {
    const opId = (o.metadata as Record<string, string> | undefined)?.op_id;
    if (opId && (o.object === 'payment_link' || (o.object === 'checkout.session' && !o.payment_link))) stripeObjectsPerOp.set(opId, (stripeObjectsPerOp.get(opId) ?? 0) + 1);
  }
  doubleCredits += [...stripeObjectsPerOp.values()].filter((n) => n > 1).length;
  const status = new Map(sales.map((s) => [s.id, s.status]));
  let unbackedCredits = entries.filter((e) => e.reason === 'booking' && status.get(e.saleId) !== 'paid').length;
  for (const m of f.members) unbackedCredits += packsOf(f.db, m).filter((p) => p.balance < 0).length;
  for (const e of entries.filter((x) => x.reason === 'booking')) if (!getBookingCredit(f.db, e.bookingId!)) unbackedCredits++;
  const queuedLeft = sales.filter((s) => s.status === 'queued' && (s.method === 'checkout' || s.method === 'payment_link')).length;
  return { lostPayments, doubleCredits, unbackedCredits, queuedLeft };
}
