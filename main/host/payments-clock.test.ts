/**
 * The payments sync job (main/host/payments-clock.ts) with the real SDK against the local Stripe
 * test server: a sale made offline is sent by the job once the network returns, with nobody
 * pressing Sync; with nothing waiting it syncs only when the last sync is stale; runs never overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from './host';
import type { Caller } from './context';
import { createTestHost } from './testkit';
import { paymentsSyncStep, PAYMENTS_IDLE_SYNC_MS } from './payments-clock';
import type { MemberPaymentsView, ProductView, SellResult } from '../contract/index';
import { createMembers, valueOf } from '../handlers/classes/testkit';
import { startFakeStripe, type FakeStripe } from '../payments/testkit/fake-stripe';

let dir: string; let host: Host; let manager: Caller; let fake: FakeStripe; let memberId: number;
let clock = Date.parse('2026-12-05T10:00:00Z');
const ok = async <T>(name: string, input: unknown) => valueOf<T>(await host.call(name, input, manager), name);

beforeAll(async () => {
  fake = await startFakeStripe();
  dir = mkdtempSync(join(tmpdir(), 'studio-payments-clock-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock), stripe: { apiKey: 'sk_test_job', apiBase: fake.apiBase, timeoutMs: 2000 } }));
  [memberId] = await createMembers(host, manager, 1) as [number];
});
afterAll(async () => { host.close(); await fake.stop(); rmSync(dir, { recursive: true, force: true }); });

describe('the payments sync job', () => {
  it('does nothing where Stripe is not configured', async () => {
    const other = await createTestHost(join(dir, 'no-stripe.db'), { now: () => new Date(clock) });
    try {
      expect(await paymentsSyncStep(other.host)()).toBe('not_configured');
    } finally { other.host.close(); }
  });

  it('sends an offline sale once the network returns, and otherwise syncs only when stale', async () => {
    const step = paymentsSyncStep(host);
    expect(await step()).toBe('synced'); // never synced: catch up
    expect(await step()).toBe('nothing_to_do');

    const pack = await ok<ProductView>('payments/create-product', { kind: 'pack', name: '5 classes', amountMinor: 5000, credits: 5 });
    fake.offline = true;
    const sold = await ok<SellResult>('payments/sell', { opId: 'job-op-0001', memberId, productId: pack.id, method: 'checkout' });
    expect(sold.online).toBe(false);
    expect(await step()).toBe('failed');
    expect((await ok<MemberPaymentsView>('payments/member', { memberId })).sales[0]!.status).toBe('queued');

    fake.offline = false;
    expect(await step()).toBe('synced');
    const v = await ok<MemberPaymentsView>('payments/member', { memberId });
    expect(v.sales[0]!.status).toBe('awaiting_payment');
    fake.completeSession(v.sales[0]!.payUrl!.split('/').pop()!);
    expect(await step()).toBe('synced'); // a sale awaits payment: keep syncing
    expect(await ok<MemberPaymentsView>('payments/member', { memberId })).toMatchObject({ pending: 0, credits: 5 });

    expect(await step()).toBe('nothing_to_do');
    clock += PAYMENTS_IDLE_SYNC_MS;
    expect(await step()).toBe('synced');
  });

  it('never runs two syncs at once', async () => {
    clock += PAYMENTS_IDLE_SYNC_MS;
    const step = paymentsSyncStep(host);
    const [a, b] = await Promise.all([step(), step()]);
    expect([a, b]).toEqual(['synced', 'busy']);
  });
});
