/**
 * Payments at the front desk (issue 16) in Chromium, on a studio of its own whose Stripe client
 * points at the local Stripe-compatible test server (`serve --stripe-api`, the server started in
 * this test process; main/payments/testkit/fake-stripe.ts), with the background sync job off
 * (`--payments-sync-s 0`) so every sync here is one the test presses (main/host/payments-clock.test.ts
 * covers the job). The studio's clock starts on
 * Saturday 5 December 2026, two days before the Monday 18:00 (Berlin) HIIT class it publishes.
 *
 * 1. A manager creates a 10-class pack; at the member page it is sold by Stripe Checkout: the
 *    QR code is shown, the test server completes the Checkout Session (the member "pays"),
 *    "Sync with Stripe" reconciles from the events list, and the member has 10 credits with a
 *    receipt. Booking the class spends one; cancelling (before the cutoff) gives it back.
 * 2. With the Stripe server unreachable, a sale is kept as pending (shown in the sell dialog
 *    and on the member page, its credits not usable); on reconnect the sync sends it (same
 *    idempotency key: one Checkout Session), the pending state clears, and once paid it counts.
 * 3. Stripe reports a different amount for a sale: the open sell dialog (which keeps checking
 *    with Stripe) shows it flagged; the sync flags a mismatch, which stays until a
 *    manager resolves it with a note; the reports show the two paid packs of the tests above
 *    (one studio for the file, tests in order) as a chart and a table, and export the CSV.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { ClassWeekView, OptimizeView, ScenarioView, SignedInView } from '../main/contract/index';
import { startFakeStripe, type FakeStripe } from '../main/payments/testkit/fake-stripe';
import { ClassPage } from './page-models/classes-page';
import { MembersPage } from './page-models/members-page';
import { MemberPayments, PaymentsPage } from './page-models/payments-page';
import { snap } from './page-models/shots';
import { MANAGER } from './page-models/staff';
import { StudioApp } from './page-models/studio-app';
import { startOwnStudio, type OwnStudio } from './support/own-studio';

const CLOCK = '2026-12-05T10:00:00Z';
const WEEK = '2026-12-07';
/** One studio, HIIT, one trainer, open only Monday 18:00–19:00 (Berlin): the one class booked here. */
const CLUB = {
  rooms: [{ id: 'studio', name: 'Studio A', capacity: 12, type: 'studio', equipment: [] }],
  classTypes: [{ id: 'hiit', name: 'HIIT', durationMin: 60, maxCapacity: 12, price: 10, requiredQualification: 'hiit', allowedRoomTypes: ['studio'], requiredEquipment: [], minPerWeek: 0, maxPerWeek: 1, color: '#e53935', demandShare: 0.05 }],
  trainers: [{ id: 'anna', name: 'Anna', qualifications: ['hiit'], availability: [{ weekday: 0, startMin: 1080, endMin: 1140 }], absences: [], maxHoursPerWeek: 10, preferred: [], avoided: [] }],
  openingHours: [{ weekday: 0, startMin: 1080, endMin: 1140 }],
  slotMin: 60, trainerGapMin: 15, timezone: 'Europe/Berlin',
  weights: { attendance: 0.6, idle: 0.2, balance: 0.1, revenue: 0.1, preference: 0 },
};

let stripe: FakeStripe;
let studio: OwnStudio;
let occurrenceId = 0;

async function call<T>(token: string | null, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${studio.url}/api/${name}`, {
    method: 'POST', body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const env = (await res.json()) as { ok: boolean; value?: T; error?: { reason: string; message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error!.reason}: ${env.error!.message}`);
  return env.value!;
}

test.beforeAll(async () => {
  stripe = await startFakeStripe();
  studio = await startOwnStudio({ serveArgs: ['--clock-start', CLOCK, '--stripe-api', stripe.apiBase, '--payments-sync-s', '0'] });
  const first = await call<SignedInView>(null, 'auth/create-first', { name: MANAGER.name, username: MANAGER.username, password: MANAGER.password });
  const token = first.token!;
  await call(token, 'schedule/save-club', { setup: CLUB });
  const optimized = await call<OptimizeView>(token, 'schedule/optimize', { weekStart: WEEK, timeLimitS: 10 });
  if (!optimized.scenario) throw new Error(`no timetable: ${optimized.explanation.join(' ')}`);
  let scenario = optimized.scenario;
  if (!scenario.classes.some((c) => c.weekday === 0 && c.startMin === 1080)) {
    scenario = await call<ScenarioView>(token, 'schedule/add-class', { scenarioId: scenario.id, classTypeId: 'hiit', weekday: 0, startMin: 1080, roomId: 'studio', trainerId: 'anna' });
  }
  await call(token, 'schedule/publish', { scenarioId: scenario.id });
  const week = await call<ClassWeekView>(token, 'classes/week', { weekStart: WEEK });
  occurrenceId = week.classes.find((o) => o.startsAt === '2026-12-07T17:00:00.000Z')!.id;
  for (const name of ['Pia Pack', 'Olli Offline', 'Mo Mismatch']) await call(token, 'members/create', { name, birthYear: 1990 });
  await call(token, 'auth/sign-out', {});
});
test.afterAll(async () => { await studio?.stop(); await stripe?.stop(); });

/** The Checkout Session id at the end of a pay URL the test server made (`…/pay/cs_…`). */
const sessionOf = (payUrl: string) => {
  const id = new URL(payUrl).pathname.split('/').pop() ?? '';
  expect(id, `a Checkout Session id in ${payUrl}`).toMatch(/^cs_/);
  return id;
};

test('sell a class pack by Checkout (QR), the test server completes it, sync, book with the credit, cancel and get it back', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open(MANAGER, studio.url);
  const payments = new PaymentsPage(page);
  await payments.open();
  await expect(payments.lastSync).toContainText('Last sync: never');
  const row = await payments.createPack('10-class pack', '90', 10);
  await expect(row.getByTestId('product-price')).toHaveText(/90\.00/);
  await expect(row.getByTestId('product-price')).toHaveText(/€|EUR/);

  await app.goToMembers();
  await new MembersPage(page).openMember('Pia Pack');
  const member = new MemberPayments(page);
  await expect(member.credits).toHaveAttribute('data-credits', '0');
  const result = await member.sell('10-class pack', 'checkout');
  await expect(result.getByTestId('sale-status')).toHaveAttribute('data-status', 'awaiting_payment');
  const payUrl = await member.payUrl();
  expect(payUrl.startsWith(stripe.apiBase)).toBe(true);
  await snap(page, 'payments-01-checkout-qr');
  const sessionId = sessionOf(payUrl);
  expect(stripe.sessions().map((s) => s.id)).toEqual([sessionId]);
  await member.closeSell();
  await expect(member.pending).toHaveText('1 payment pending');
  await expect(member.credits).toHaveAttribute('data-credits', '0'); // not usable before it is paid

  stripe.completeSession(sessionId); // the member pays on their phone

  await payments.open();
  await payments.sync();
  await expect(payments.online).toHaveAttribute('data-online', 'true');
  expect(Number(await payments.figure('events').textContent())).toBeGreaterThanOrEqual(1);
  await expect(payments.warning).toBeHidden();
  await expect(payments.lastSync).toContainText('Last sync: 2026-12-05'); // the studio's clock
  await expect(payments.cursorWarning).toBeHidden();
  await snap(page, 'payments-02-synced');

  await app.goToMembers();
  await new MembersPage(page).openMember('Pia Pack');
  await expect(member.credits).toHaveAttribute('data-credits', '10');
  await expect(member.pending).toBeHidden();
  const sale = member.sales().first();
  await expect(member.saleStatus(sale)).toHaveAttribute('data-status', 'paid');
  await expect(sale.getByTestId('sale-receipt')).toHaveText(/^R-\d{6}$/);

  // Book the class with the credit, then cancel it well before the cutoff: the credit comes back.
  await page.evaluate((id) => { (globalThis as unknown as { location: { hash: string } }).location.hash = `#/classes/${id}`; }, occurrenceId);
  const cls = new ClassPage(page);
  await expect(cls.root).toBeVisible();
  await cls.book('Pia Pack');
  await expect(cls.status('Pia Pack')).toHaveText('booked');
  await app.goToMembers();
  await new MembersPage(page).openMember('Pia Pack');
  await expect(member.credits).toHaveAttribute('data-credits', '9');
  await page.evaluate((id) => { (globalThis as unknown as { location: { hash: string } }).location.hash = `#/classes/${id}`; }, occurrenceId);
  await expect(cls.root).toBeVisible();
  await cls.cancel('Pia Pack');
  await expect(app.messageAlert).toContainText('the credit is back');
  await app.goToMembers();
  await new MembersPage(page).openMember('Pia Pack');
  await expect(member.credits).toHaveAttribute('data-credits', '10');
  await snap(page, 'payments-03-credit-back');
});

test('an offline sale shows as pending and clears on reconnect', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open(MANAGER, studio.url);
  await app.goToMembers();
  await new MembersPage(page).openMember('Olli Offline');
  const member = new MemberPayments(page);

  stripe.offline = true; // the club's internet is down
  const result = await member.sell('10-class pack', 'checkout');
  await expect(result.getByTestId('sale-status')).toHaveAttribute('data-status', 'queued');
  await expect(result.getByTestId('sell-pending')).toContainText('Pending');
  await expect(result.getByTestId('pay-qr')).toHaveCount(0);
  await snap(page, 'payments-04-offline-pending');
  await member.closeSell();
  await expect(member.pending).toHaveText('1 payment pending');
  await expect(member.queuedAlert).toBeVisible();
  await expect(member.saleStatus(member.sales().first())).toHaveAttribute('data-status', 'queued');
  const before = stripe.sessions().length;

  const payments = new PaymentsPage(page);
  await payments.open();
  await payments.sync(); // still offline: nothing sent, nothing lost
  await expect(payments.online).toHaveAttribute('data-online', 'false');
  await expect(payments.figure('queued')).toHaveText('1');
  expect(stripe.sessions().length).toBe(before);

  stripe.offline = false; // reconnect
  await payments.sync();
  await expect(payments.online).toHaveAttribute('data-online', 'true');
  await expect(payments.figure('sent')).toHaveText('1');
  await expect(payments.figure('queued')).toHaveText('0');
  const made = stripe.sessions().filter((s) => (s.metadata as Record<string, string>).studio_member_id !== undefined).slice(before);
  expect(made).toHaveLength(1); // one Checkout Session for the one sale

  await app.goToMembers();
  await new MembersPage(page).openMember('Olli Offline');
  await expect(member.queuedAlert).toBeHidden();
  const sale = member.sales().first();
  await expect(member.saleStatus(sale)).toHaveAttribute('data-status', 'awaiting_payment');
  await expect(member.credits).toHaveAttribute('data-credits', '0');

  stripe.completeSession(made[0]!.id);
  await payments.open();
  await payments.sync();
  await app.goToMembers();
  await new MembersPage(page).openMember('Olli Offline');
  await expect(member.pending).toBeHidden();
  await expect(member.saleStatus(member.sales().first())).toHaveAttribute('data-status', 'paid');
  await expect(member.credits).toHaveAttribute('data-credits', '10');
  await snap(page, 'payments-05-reconnected-paid');
});

test('a mismatch is flagged, never resolved silently, and a manager resolves it with a note; reports with charts, tables and CSV', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open(MANAGER, studio.url);
  await app.goToMembers();
  await new MembersPage(page).openMember('Mo Mismatch');
  const member = new MemberPayments(page);
  await member.sell('10-class pack', 'checkout');
  const sessionId = sessionOf(await member.payUrl());
  stripe.completeSession(sessionId, { amountTotal: 100 }); // Stripe took 1.00, not 90.00
  // The open dialog keeps checking with Stripe: it shows the sale flagged, not paid.
  await expect(member.sellDialog.getByTestId('sale-status')).toHaveAttribute('data-status', 'mismatch', { timeout: 20_000 });
  await member.closeSell();

  const payments = new PaymentsPage(page);
  await payments.open();
  await payments.sync();
  await expect(payments.syncResult.getByTestId('sync-mismatches')).toContainText('1 open mismatch at this sync');
  await payments.openTab('mismatches');
  const list = page.getByTestId('payments-mismatches');
  const row = list.locator('tbody tr', { hasText: sessionId });
  await expect(row).toContainText('Amount differs');
  await payments.sync(); // a second sync changes nothing: still open
  await expect(row.getByTestId('mismatch-resolve')).toBeVisible();
  await snap(page, 'payments-06-mismatch');
  await row.getByTestId('mismatch-resolve').click();
  const dialog = page.getByTestId('resolve-dialog');
  await dialog.getByTestId('resolve-note').fill('Refunded 1.00 in Stripe; member paid 90.00 cash');
  await dialog.getByTestId('resolve-save').click();
  await expect(dialog).toBeHidden();
  await expect(list.getByTestId('mismatches-none')).toBeVisible();
  await app.goToMembers();
  await new MembersPage(page).openMember('Mo Mismatch');
  await expect(member.saleStatus(member.sales().first())).toHaveAttribute('data-status', 'mismatch');
  await expect(member.credits).toHaveAttribute('data-credits', '0'); // no credits from a disputed sale

  await payments.open();
  await payments.openTab('reports');
  const revenue = page.getByTestId('report-revenue');
  await expect(revenue.getByTestId('revenue-chart')).toBeVisible();
  await revenue.getByTestId('revenue-look-table').click();
  await expect(revenue.getByTestId('revenue-table').locator('tbody tr')).toHaveCount(1);
  await expect(revenue.getByTestId('revenue-table').locator('tbody tr').first()).toContainText(/2026-12\s*10-class pack\s*2\s*€180\.00/);
  const outstanding = page.getByTestId('report-outstanding');
  await expect(outstanding.getByTestId('outstanding-total')).toHaveText('Nothing outstanding.');
  await snap(page, 'payments-07-reports');
  const [download] = await Promise.all([page.waitForEvent('download'), revenue.getByTestId('csv-revenue').click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.trim().split('\n')).toEqual(['month,product,currency,amount,sales', '2026-12,10-class pack,eur,180.00,2']);
});
