/**
 * Payments through the host and its contract (issue 16), with the real SDK against the local
 * test server: a pack sold at the front desk shows a QR, the member pays, sync credits it once,
 * a booking spends it and an on-time cancel returns it; an offline sale is pending and clears on
 * reconnect; manual sales, the grace policy, freezes, mismatches, reports and CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import type { Caller } from '../../host/context';
import { createTestHost } from '../../host/testkit';
import type { BookingResult, ClassWeekView, MemberPaymentsView, PaymentsReport, ProductView, SellResult, SyncStatusView, SyncView } from '../../contract/index';
import { putSync } from '../../../db/payments';
import { createMembers, publishWeek, valueOf } from '../classes/testkit';
import { startFakeStripe, type FakeStripe } from '../../payments/testkit/fake-stripe';

let dir: string; let host: Host; let manager: Caller; let fake: FakeStripe; let m: number[]; let classId: number;
const clock = Date.parse('2026-12-05T10:00:00Z');
const ok = async <T>(name: string, input: unknown) => valueOf<T>(await host.call(name, input, manager), name);
let n = 0;
const opId = () => `desk-op-${(++n).toString().padStart(4, '0')}`;

beforeAll(async () => {
  fake = await startFakeStripe();
  dir = mkdtempSync(join(tmpdir(), 'studio-payments-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock), stripe: { apiKey: 'sk_test_desk', apiBase: fake.apiBase, timeoutMs: 2000 } }));
  await publishWeek(host, manager, '2026-12-07', [{ classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 }]);
  m = await createMembers(host, manager, 3);
  classId = (await ok<ClassWeekView>('classes/week', { weekStart: '2026-12-07' })).classes[0]!.id;
});
afterAll(async () => { host.close(); await fake.stop(); rmSync(dir, { recursive: true, force: true }); });

describe('the front desk', () => {
  let pack: ProductView;
  it('a manager defines a pack; selling it by Checkout shows a QR; paying and syncing credits it once', async () => {
    pack = await ok<ProductView>('payments/create-product', { kind: 'pack', name: '10 classes', amountMinor: 9000, credits: 10 });
    const sold = await ok<SellResult>('payments/sell', { opId: opId(), memberId: m[0], productId: pack.id, method: 'checkout' });
    expect(sold.sale.status).toBe('awaiting_payment');
    expect(sold.qrSvg).toMatch(/^<svg/);
    fake.completeSession(sold.sale.payUrl!.split('/').pop()!);
    const s = await ok<SyncView>('payments/sync', {});
    expect(s).toMatchObject({ online: true, openMismatches: 0 });
    expect(s.eventsApplied).toBeGreaterThan(0);
    await ok<SyncView>('payments/sync', {});
    const view = await ok<MemberPaymentsView>('payments/member', { memberId: m[0] });
    expect(view.credits).toBe(10);
    expect(view.sales[0]).toMatchObject({ status: 'paid', statusText: 'paid' });
    const b = await ok<BookingResult>('classes/book', { occurrenceId: classId, memberId: m[0] });
    expect((await ok<MemberPaymentsView>('payments/member', { memberId: m[0] })).credits).toBe(9);
    await ok<BookingResult>('classes/cancel', { bookingId: b.booking.id });
    expect((await ok<MemberPaymentsView>('payments/member', { memberId: m[0] })).credits).toBe(10);
  });

  it('the same op id sent twice is one sale', async () => {
    const id = opId();
    const a = await ok<SellResult>('payments/sell', { opId: id, memberId: m[1], productId: pack.id, method: 'cash' });
    const b = await ok<SellResult>('payments/sell', { opId: id, memberId: m[1], productId: pack.id, method: 'cash' });
    expect(b.sale.id).toBe(a.sale.id);
    expect((await ok<MemberPaymentsView>('payments/member', { memberId: m[1] })).credits).toBe(10);
    expect(a.sale.recordedBy).toBe(manager.staff?.id ?? null);
  });

  it('an offline sale is pending with a clear status and clears on reconnect', async () => {
    fake.offline = true;
    const sold = await ok<SellResult>('payments/sell', { opId: opId(), memberId: m[2], productId: pack.id, method: 'checkout' });
    expect(sold).toMatchObject({ online: false, qrSvg: null });
    expect(sold.sale.statusText).toMatch(/^pending/);
    expect((await ok<MemberPaymentsView>('payments/member', { memberId: m[2] })).pending).toBe(1);
    expect((await ok<SyncView>('payments/sync', {})).online).toBe(false);
    fake.offline = false;
    expect(await ok<SyncView>('payments/sync', {})).toMatchObject({ online: true, sent: 1 });
    const v = await ok<MemberPaymentsView>('payments/member', { memberId: m[2] });
    expect(v.sales[0]!.status).toBe('awaiting_payment');
    fake.completeSession(v.sales[0]!.payUrl!.split('/').pop()!);
    await ok<SyncView>('payments/sync', {});
    expect(await ok<MemberPaymentsView>('payments/member', { memberId: m[2] })).toMatchObject({ pending: 0, credits: 10 });
  });

  it('reports revenue by product and month and exports CSV', async () => {
    const r = await ok<PaymentsReport>('payments/report', {});
    expect(r.revenue).toEqual([{ month: '2026-12', productName: '10 classes', currency: 'eur', amountMinor: 27000, sales: 3 }]);
    const csv = await ok<{ csv: string }>('payments/report-csv', { table: 'revenue' });
    expect(csv.csv.split('\n')[1]).toBe('2026-12,10 classes,eur,270.00,3');
  });

  it('a membership product cannot be given credits', async () => {
    const env = await host.call('payments/create-product', { kind: 'membership', name: 'x', amountMinor: 100, credits: 3 }, manager);
    expect(env.ok).toBe(false);
  });
});

describe('the stored sync status', () => {
  it('says when the last sync was, and warns when the events cursor is older than the 30 days Stripe keeps', async () => {
    await ok<SyncView>('payments/sync', {});
    const s = await ok<SyncStatusView>('payments/sync-status', {});
    expect(s).toMatchObject({ configured: true, lastSyncAt: new Date(clock).toISOString(), lastError: null, cursorWarning: null, queued: 0 });
    expect(s.cursorAt).not.toBeNull();
    const fortyDaysAgo = Math.floor(clock / 1000) - 40 * 86_400;
    putSync(host.store.db, { cursorCreated: fortyDaysAgo });
    const old = await ok<SyncStatusView>('payments/sync-status', {});
    expect(old.cursorAt).toBe(new Date(fortyDaysAgo * 1000).toISOString());
    expect(old.cursorWarning).toMatch(/from 2026-10-26, longer ago than Stripe keeps events \(30 days\)/);
    putSync(host.store.db, { cursorCreated: Math.floor(clock / 1000) - 29 * 86_400 });
    expect((await ok<SyncStatusView>('payments/sync-status', {})).cursorWarning).toBeNull();
  });
});
