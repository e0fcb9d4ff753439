/**
 * Booking credits through the host (issue 16): booking spends the right credit (a membership
 * first, else the oldest paid pack; never a pending sale), a cancel before the cutoff returns
 * it to that pack, a late cancel or a no-show follows the payments policy, and a club that
 * requires credits refuses a booking without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBookingCredit, insertProduct, insertMembership, packsOf } from '../../../db/payments';
import { DEFAULT_PAYMENTS_POLICY } from '../../../engine/payments/policy';
import type { Host } from '../../host/host';
import type { Caller } from '../../host/context';
import { createTestHost } from '../../host/testkit';
import type { BookingResult, ClassWeekView } from '../../contract/index';
import { createMembers, publishWeek, valueOf } from '../classes/testkit';
import { savePaymentsPolicy } from '../../payments/credits';
import { recordSale } from '../../payments/sales';

const WEEK = '2026-12-07';
const MON_18 = { classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 }; // 17:00 UTC
const TUE_07 = { classTypeId: 'yoga', roomId: 'studio', trainerId: 'anna', weekday: 1, startMin: 420 };
let dir: string; let host: Host; let manager: Caller; let m: number[]; let classes: number[];
let clock = Date.parse('2026-12-05T10:00:00Z');
let op = 0;

const ok = async <T>(name: string, input: unknown) => valueOf<T>(await host.call(name, input, manager), name);
const balance = (memberId: number) => packsOf(host.store.db, memberId).reduce((a, p) => a + p.balance, 0);
let packId: number;
const sell = (memberId: number, method: 'cash' | 'checkout' = 'cash') =>
  recordSale(host.store.db, { opId: `bc-${++op}`, memberId, productId: packId, method, recordedBy: null }, new Date(clock));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-credits-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock) }));
  await publishWeek(host, manager, WEEK, [MON_18, TUE_07]);
  m = await createMembers(host, manager, 6);
  classes = (await ok<ClassWeekView>('classes/week', { weekStart: WEEK })).classes.map((c) => c.id);
  packId = insertProduct(host.store.db, { kind: 'pack', name: '5-class pack', amountMinor: 5000, currency: 'eur', credits: 5, intervalMonths: null, stripeProductId: null, stripePriceId: null, active: true }).id;
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('booking credits', () => {
  it('a booking takes one credit from the paid pack; an on-time cancel returns it to that pack', async () => {
    const sale = sell(m[0]!);
    expect(balance(m[0]!)).toBe(5);
    const r = await ok<BookingResult>('classes/book', { occurrenceId: classes[0], memberId: m[0] });
    expect(getBookingCredit(host.store.db, r.booking.id)).toMatchObject({ source: 'pack', saleId: sale.id, state: 'held' });
    expect(balance(m[0]!)).toBe(4);
    const c = await ok<BookingResult>('classes/cancel', { bookingId: r.booking.id });
    expect(c.message).toContain('the credit is back');
    expect(balance(m[0]!)).toBe(5);
    expect(getBookingCredit(host.store.db, r.booking.id)!.state).toBe('refunded');
  });

  it('a late cancel forfeits the credit by default; with lateCancelForfeits off it comes back', async () => {
    sell(m[1]!);
    clock = Date.parse('2026-12-07T16:30:00Z'); // 30 min before the 17:00 class: after the 2 h cutoff
    const r = await ok<BookingResult>('classes/book', { occurrenceId: classes[0], memberId: m[1] });
    const c = await ok<BookingResult>('classes/cancel', { bookingId: r.booking.id });
    expect(c.booking.status).toBe('late_cancelled');
    expect(c.message).toContain('the credit is spent');
    expect(balance(m[1]!)).toBe(4);
    savePaymentsPolicy(host.store.db, { ...DEFAULT_PAYMENTS_POLICY, lateCancelForfeits: false }, null);
    const r2 = await ok<BookingResult>('classes/book', { occurrenceId: classes[0], memberId: m[1] });
    expect(balance(m[1]!)).toBe(3);
    await ok<BookingResult>('classes/cancel', { bookingId: r2.booking.id });
    expect(balance(m[1]!)).toBe(4);
    savePaymentsPolicy(host.store.db, DEFAULT_PAYMENTS_POLICY, null);
    clock = Date.parse('2026-12-05T10:00:00Z');
  });

  it('a no-show forfeits the credit', async () => {
    sell(m[2]!);
    const r = await ok<BookingResult>('classes/book', { occurrenceId: classes[1], memberId: m[2] });
    expect(balance(m[2]!)).toBe(4);
    clock = Date.parse('2026-12-08T06:20:00Z'); // 20 min after the start
    await ok('classes/release-no-shows', { occurrenceId: classes[1] });
    expect(getBookingCredit(host.store.db, r.booking.id)!.state).toBe('forfeited');
    expect(balance(m[2]!)).toBe(4);
    clock = Date.parse('2026-12-05T10:00:00Z');
  });

  it('a membership is used before a pack; a pending sale is not usable; requireCredit refuses without a credit', async () => {
    sell(m[3]!);
    insertMembership(host.store.db, { memberId: m[3]!, productId: packId, saleId: null, status: 'active', startDate: '2026-12-01', renewalDate: '2027-01-01', frozenUntil: null, stripeSubscriptionId: null, cancelledAt: null });
    const r = await ok<BookingResult>('classes/book', { occurrenceId: classes[0], memberId: m[3] });
    expect(getBookingCredit(host.store.db, r.booking.id)!.source).toBe('membership');
    expect(balance(m[3]!)).toBe(5);
    savePaymentsPolicy(host.store.db, { ...DEFAULT_PAYMENTS_POLICY, requireCredit: true }, null);
    sell(m[4]!, 'checkout'); // queued, not paid
    const env = await host.call('classes/book', { occurrenceId: classes[0], memberId: m[4] }, manager);
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/waiting for payment/);
    const detail = await ok<{ bookings: Array<{ memberId: number }> }>('classes/occurrence', { occurrenceId: classes[0] });
    expect(detail.bookings.some((b) => b.memberId === m[4])).toBe(false);
    savePaymentsPolicy(host.store.db, DEFAULT_PAYMENTS_POLICY, null);
  });

  it('a class removed by re-publishing its week returns every booking\'s credit to the exact pack it came from', async () => {
    const WEEK2 = '2026-12-14';
    clock = Date.parse('2026-12-10T10:00:00Z'); // booking opens 7 days before
    await publishWeek(host, manager, WEEK2, [MON_18, TUE_07]);
    const [mon, tue] = (await ok<ClassWeekView>('classes/week', { weekStart: WEEK2 })).classes.map((c) => c.id);
    const older = sell(m[5]!);
    const r = await ok<BookingResult>('classes/book', { occurrenceId: tue, memberId: m[5] });
    expect(getBookingCredit(host.store.db, r.booking.id)).toMatchObject({ source: 'pack', saleId: older.id });
    const newer = sell(m[5]!); // a second pack bought after the booking: the refund must not land here
    const kept = await ok<BookingResult>('classes/book', { occurrenceId: mon, memberId: m[5] });
    const byPack = () => Object.fromEntries(packsOf(host.store.db, m[5]!).map((p) => [p.saleId, p.balance]));
    expect(byPack()).toEqual({ [older.id]: 3, [newer.id]: 5 });
    await publishWeek(host, manager, WEEK2, [MON_18], true); // Tuesday's yoga is gone
    const gone = await ok<{ status: string; bookings: Array<{ id: number; status: string }> }>('classes/occurrence', { occurrenceId: tue });
    expect(gone.status).toBe('cancelled');
    expect(gone.bookings.find((b) => b.id === r.booking.id)!.status).toBe('cancelled');
    expect(getBookingCredit(host.store.db, r.booking.id)!.state).toBe('refunded');
    expect(byPack()).toEqual({ [older.id]: 4, [newer.id]: 5 });
    expect(getBookingCredit(host.store.db, kept.booking.id)!.state).toBe('held'); // the kept class keeps its credit
    clock = Date.parse('2026-12-05T10:00:00Z');
  });
});
