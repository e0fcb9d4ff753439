/**
 * The real `stripe` SDK against the local test server (issue 16): sales through the outbox with
 * idempotency keys under faults (500, timeout, dropped response after the write, offline),
 * reconciliation from the events cursor (duplicates, out of order behind the cursor, a cursor
 * older than 30 days), mismatches, and webhook verification.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { creditEntriesOf, getSale, getSync, listMismatches, listRetainedPayments, membershipsOf, packsOf, putSync } from '../../db/payments';
import { startFakeStripe, type FakeStripe } from './testkit/fake-stripe';
import { seedPayments, type PaymentsFixture } from './testkit/seed';
import { createStripe } from './stripe-client';
import { flushOutbox } from './outbox';
import { reconcile } from './reconciler';
import { recordSale } from './sales';
import { acceptWebhook } from './webhook';
import { eraseMember, memberData } from '../../db/privacy';

let fake: FakeStripe;
let stripe: Stripe;
let f: PaymentsFixture;
let op = 0;
const now = () => new Date('2026-12-05T10:00:00Z');
const flush = () => flushOutbox(f.db, stripe, { now, memberName: (id) => `Member ${id}` });
const sync = () => reconcile(f.db, stripe, { now });
const sell = (method: 'checkout' | 'payment_link' | 'cash' = 'checkout', productId = f.pack.id, memberId = f.members[0]!) =>
  recordSale(f.db, { opId: `op-${++op}`, memberId, productId, method, recordedBy: null }, now());
const balance = (memberId = f.members[0]!) => packsOf(f.db, memberId).reduce((a, p) => a + p.balance, 0);

beforeAll(async () => { fake = await startFakeStripe(); });
afterAll(async () => { await fake.stop(); });
beforeEach(() => {
  fake.reset();
  f = seedPayments();
  stripe = createStripe({ apiKey: 'sk_test_studio', apiBase: fake.apiBase, timeoutMs: 150 });
});

describe('selling through the outbox', () => {
  it('a pack sold by Checkout is queued, sent with its idempotency key, paid on the phone, reconciled once', async () => {
    const sale = sell();
    expect(sale.status).toBe('queued');
    expect((await flush()).sent).toBe(1);
    const sent = getSale(f.db, sale.id)!;
    expect(sent.status).toBe('awaiting_payment');
    expect(sent.payUrl).toContain('/pay/cs_');
    const post = fake.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST').at(-1)!;
    expect(post.idempotencyKey).toBe(`studio-sale-${sale.opId}`);
    expect(balance()).toBe(0);
    fake.completeSession(sent.stripeObjectId!);
    const r = await sync();
    expect(r.applied).toBeGreaterThan(0);
    expect(getSale(f.db, sale.id)!.status).toBe('paid');
    expect(balance()).toBe(10);
    const again = await sync();
    expect(again.applied).toBe(0);
    expect(balance()).toBe(10);
  });

  it.each(['error500', 'timeout', 'drop_after_write'] as const)('a %s on the create leaves the sale queued; the retry makes no second session', async (fault) => {
    const sale = sell();
    fake.inject(fault, /\/v1\/checkout\/sessions/);
    if (fault === 'drop_after_write') fake.inject(fault, /\/v1\/checkout\/sessions/); // the SDK's own one retry of a closed connection
    const first = await flush();
    expect(first).toMatchObject({ sent: 0, stillQueued: 1, offline: true });
    expect(getSale(f.db, sale.id)!.status).toBe('queued');
    expect(fake.sessions().length).toBe(fault === 'drop_after_write' ? 1 : 0);
    expect((await flush()).sent).toBe(1);
    expect(fake.sessions().length).toBe(1);
    expect(getSale(f.db, sale.id)!.stripeObjectId).toBe(fake.sessions()[0]!.id);
  });

  it("one dropped response is absorbed by the SDK's retry of a closed connection, under the same key", async () => {
    const sale = sell();
    fake.inject('drop_after_write', /\/v1\/checkout\/sessions/);
    expect((await flush()).sent).toBe(1);
    const posts = fake.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST');
    expect(posts.map((p) => p.idempotencyKey)).toEqual([`studio-sale-${sale.opId}`, `studio-sale-${sale.opId}`]);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('offline sales stay queued with their status and go out on reconnect', async () => {
    fake.offline = true;
    const a = sell(); const b = sell('payment_link');
    expect(await flush()).toMatchObject({ sent: 0, stillQueued: 2, offline: true });
    await expect(sync()).rejects.toThrow();
    expect(getSync(f.db).lastError).toBeTruthy();
    fake.offline = false;
    expect((await flush()).sent).toBe(2);
    expect([getSale(f.db, a.id)!.status, getSale(f.db, b.id)!.status]).toEqual(['awaiting_payment', 'awaiting_payment']);
    fake.completeSession(getSale(f.db, b.id)!.stripeObjectId!); // the payment link
    await sync();
    expect(getSale(f.db, b.id)!.status).toBe('paid');
    expect(getSale(f.db, a.id)!.status).toBe('awaiting_payment');
  });

  it('cash is paid at once with who took it; a membership by Checkout becomes an active membership', async () => {
    const cash = sell('cash');
    expect(cash.status).toBe('paid');
    expect(balance()).toBe(10);
    const m = sell('checkout', f.plan.id);
    await flush();
    fake.completeSession(getSale(f.db, m.id)!.stripeObjectId!);
    await sync();
    const [ms] = membershipsOf(f.db, f.members[0]!);
    expect(ms).toMatchObject({ status: 'active', startDate: '2026-12-05', renewalDate: '2027-01-05' });
    expect(ms!.stripeSubscriptionId).toMatch(/^sub_/);
    fake.setSubscriptionStatus(ms!.stripeSubscriptionId!, 'past_due');
    await sync();
    expect(membershipsOf(f.db, f.members[0]!)[0]!.status).toBe('past_due');
  });
});

describe('reconciliation', () => {
  it('duplicate events are applied once', async () => {
    const sale = sell();
    await flush();
    fake.completeSession(getSale(f.db, sale.id)!.stripeObjectId!);
    fake.redeliver(fake.events.at(-1)!.id);
    const r = await sync();
    expect(r.duplicates).toBeGreaterThanOrEqual(1);
    expect(creditEntriesOf(f.db).filter((e) => e.reason === 'purchase')).toHaveLength(1);
  });

  it('an event listed out of order behind the cursor is still found by the sweep', async () => {
    const a = sell(); const b = sell();
    await flush();
    fake.completeSession(getSale(f.db, a.id)!.stripeObjectId!);
    await sync();
    fake.outOfOrder = true;
    fake.completeSession(getSale(f.db, b.id)!.stripeObjectId!); // listed before the cursor event
    const r = await sync();
    expect(r.events).toBe(0);
    expect(r.objectsChecked).toBe(1);
    expect(getSale(f.db, b.id)!.status).toBe('paid');
    expect(balance()).toBe(20);
  });

  it('a cursor older than 30 days warns and lists the sessions instead', async () => {
    const sale = sell();
    await flush();
    fake.completeSession(getSale(f.db, sale.id)!.stripeObjectId!);
    putSync(f.db, { cursorEventId: 'evt_gone', cursorCreated: Math.floor(now().getTime() / 1000) - 40 * 86_400 });
    const r = await sync();
    expect(r.warning).toMatch(/longer ago than Stripe keeps events/);
    expect(getSale(f.db, sale.id)!.status).toBe('paid');
    expect(getSync(f.db).cursorEventId).toBe(fake.events.at(-1)!.id);
  });

  it('paid in Stripe but unknown here, a wrong amount, and paid here but expired there are flagged, not resolved', async () => {
    const sale = sell();
    await flush();
    const s = fake.sessions()[0]!;
    fake.completeSession(s.id, { amountTotal: 100 });
    const priceId = (await stripe.prices.list()).data?.[0]?.id ?? String(s.price_id);
    const stray = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: priceId, quantity: 1 }], success_url: 'https://x.invalid', metadata: { op_id: 'never-here' } });
    fake.completeSession(stray.id);
    await sync();
    expect(listMismatches(f.db, true).map((m) => m.kind).sort()).toEqual(['amount_differs', 'paid_in_stripe_not_here']);
    expect(getSale(f.db, sale.id)!.status).toBe('mismatch');
    expect(balance()).toBe(0);
  });
});

describe('erasing a member', () => {
  it('removes their sales, credits and memberships, keeps each sale without the member; a mismatch about them stays for the manager, without the sale', async () => {
    const sale = sell();
    await flush();
    fake.completeSession(getSale(f.db, sale.id)!.stripeObjectId!, { amountTotal: 100 });
    await sync();
    expect(listMismatches(f.db, true)[0]!.saleId).toBe(sale.id);
    sell('cash');
    const data = memberData(f.db, f.members[0]!)!;
    expect(data.payments.sales).toHaveLength(2);
    expect(eraseMember(f.db, f.members[0]!).paymentsKept).toBe(2);
    expect(getSale(f.db, sale.id)).toBeNull();
    expect(listRetainedPayments(f.db).filter((k) => k.saleId === sale.id).map((k) => [k.status, k.amountMinor, k.stripeObjectId])).toEqual([['mismatch', sale.amountMinor, expect.stringMatching(/^cs_/)]]);
    expect(creditEntriesOf(f.db, f.members[0]!)).toHaveLength(0);
    expect(listMismatches(f.db, true)[0]!.saleId).toBeNull();
  });
});

describe('webhooks', () => {
  const secret = 'whsec_test_studio';
  async function paidEvent() {
    const sale = sell();
    await flush();
    fake.completeSession(getSale(f.db, sale.id)!.stripeObjectId!);
    return { sale, payload: JSON.stringify(fake.events.at(-1)) };
  }
  it('a verified event is applied once, and the events list does not apply it again', async () => {
    const { sale, payload } = await paidEvent();
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(acceptWebhook(f.db, stripe, payload, header, secret, now)).toMatchObject({ ok: true, applied: true });
    expect(acceptWebhook(f.db, stripe, payload, header, secret, now)).toMatchObject({ ok: true, applied: false });
    expect(balance()).toBe(10);
    const r = await sync();
    expect(r.duplicates).toBeGreaterThanOrEqual(1);
    expect(getSale(f.db, sale.id)!.status).toBe('paid');
    expect(balance()).toBe(10);
  });
  it('a wrong secret, a tampered body and a stale timestamp are refused', async () => {
    const { payload } = await paidEvent();
    const wrong = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
    expect(acceptWebhook(f.db, stripe, payload, wrong, secret, now)).toMatchObject({ ok: false, reason: 'bad_signature' });
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(acceptWebhook(f.db, stripe, payload.replace('"paid"', '"unpaid"'), good, secret, now)).toMatchObject({ ok: false });
    const stale = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(acceptWebhook(f.db, stripe, payload, stale, secret, now)).toMatchObject({ ok: false, message: expect.stringMatching(/tolerance/i) });
    expect(acceptWebhook(f.db, stripe, payload, undefined, secret, now)).toMatchObject({ ok: false });
    expect(balance()).toBe(0);
  });
});
