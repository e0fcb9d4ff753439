/**
 * `npm run bench -- payments`: reconciliation with Stripe (issue 16), through the real `stripe`
 * SDK against the local test server on loopback.
 * - `reconcile_10k_s`: catching up 10,000 `checkout.session.completed` events from the stored
 *   cursor (`ending_before`, 100 per page, each applied in its own SQLite transaction with its
 *   event id), on a file database. `reconcile_events_per_s` = 10,000 / that time.
 * - `double_credits`, `lost_payments`, `unbacked_credits`: summed over 30 random front-desk days
 *   of the property test (sales, faults, offline periods, duplicate/out-of-order/webhook
 *   deliveries, bookings), fixed seed. All must be 0. `property_days`, `property_payments`: how
 *   many days and Stripe payments those were.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { insertProduct, insertSale, putSync, salesWithStatus } from '../db/payments';
import { createMember } from '../db/members';
import { startFakeStripe } from '../main/payments/testkit/fake-stripe';
import { seedPayments } from '../main/payments/testkit/seed';
import { audit, commandArb, playDay } from '../main/payments/testkit/scenario';
import { createStripe } from '../main/payments/stripe-client';
import { reconcile } from '../main/payments/reconciler';

const EVENTS = 10_000;

export async function payments(log: (line: string) => void): Promise<Record<string, number>> {
  const fake = await startFakeStripe();
  const dir = mkdtempSync(join(tmpdir(), 'bench-payments-'));
  try {
    const store = openDatabase(join(dir, 'studio.db'));
    const db = store.db;
    const memberId = createMember(db, { name: 'Bench member', goal: 'general_fitness', level: 'beginner', daysPerWeek: 3, sessionMinutes: 60, equipment: [], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg' }).id;
    const product = insertProduct(db, { kind: 'pack', name: 'Pack', amountMinor: 9000, currency: 'eur', credits: 10, intervalMonths: null, stripeProductId: null, stripePriceId: null, active: true });
    const marker = fake.emit('bench.start', { id: 'bench', object: 'bench', created: fake.nowS() });
    putSync(db, { cursorEventId: marker.id, cursorCreated: marker.created });
    db.transaction((tx) => {
      for (let i = 0; i < EVENTS; i++) {
        const opId = `bench-${i}`;
        const s = { id: `cs_bench_${i}`, object: 'checkout.session', created: fake.nowS(), mode: 'payment', status: 'open', payment_status: 'unpaid', metadata: { op_id: opId }, amount_total: 9000, currency: 'eur', payment_link: null, subscription: null };
        fake.objects.set(s.id, s);
        insertSale(tx, { opId, memberId, productId: product.id, method: 'checkout', amountMinor: 9000, currency: 'eur', status: 'awaiting_payment', stripeObjectId: s.id, createdAt: new Date().toISOString() });
      }
    });
    for (let i = 0; i < EVENTS; i++) fake.completeSession(`cs_bench_${i}`);
    const stripe = createStripe({ apiKey: 'sk_test_bench', apiBase: fake.apiBase, timeoutMs: 30_000 });
    const t0 = performance.now();
    const r = await reconcile(db, stripe, { now: () => new Date() });
    const seconds = (performance.now() - t0) / 1000;
    const unpaid = salesWithStatus(db, ['awaiting_payment']).length;
    log(`caught up ${r.applied} of ${r.events} events in ${seconds.toFixed(2)} s; ${unpaid} sales left unpaid`);
    if (r.applied !== EVENTS || unpaid !== 0) throw new Error('the catch-up did not apply every event');
    store.close();

    const days = fc.sample(fc.array(commandArb, { minLength: 20, maxLength: 60 }), { seed: 1616, numRuns: 30 });
    const totals = { lostPayments: 0, doubleCredits: 0, unbackedCredits: 0, queuedLeft: 0, payments: 0 };
    for (const cmds of days) {
      fake.reset();
      const f = seedPayments();
      const stats = await playDay(f, fake, createStripe({ apiKey: 'sk_test_bench', apiBase: fake.apiBase, timeoutMs: 250 }), cmds, () => new Date('2026-12-05T10:00:00Z'));
      const a = audit(f, fake);
      totals.lostPayments += a.lostPayments; totals.doubleCredits += a.doubleCredits; totals.unbackedCredits += a.unbackedCredits; totals.queuedLeft += a.queuedLeft;
      totals.payments += stats.paidInStripe;
      f.store.close();
    }
    log(`${days.length} random days, ${totals.payments} Stripe payments, ${totals.queuedLeft} sales left queued`);
    return {
      reconcile_events_per_s: Math.round(EVENTS / seconds), reconcile_10k_s: Math.round(seconds * 100) / 100,
      double_credits: totals.doubleCredits, lost_payments: totals.lostPayments, unbacked_credits: totals.unbackedCredits,
      property_days: days.length, property_payments: totals.payments,
    };
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
