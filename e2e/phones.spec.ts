/**
 * Member phones, end to end on a studio of its own: staff pair a member from the member page →
 * the phone (a phone viewport) opens the member app and sees today's session → offline, it logs
 * 3 sets → reloaded while still offline (service worker on localhost), the sets are still there
 * → back online it syncs → the studio's member page shows the 3 sets against their
 * prescriptions without a reload, and the weekly review's adherence counts them.
 */
import { expect, test } from '@playwright/test';
import type { Member, PlanView } from '../main/contract/index';
import { StudioApp } from './page-models/studio-app';
import { MemberPhone } from './page-models/member-phone';
import { WeeklyReviewPage } from './page-models/weekly-review-page';
import { MANAGER } from './page-models/staff';
import { snap, snapElement } from './page-models/shots';
import { startOwnStudio, type OwnStudio } from './support/own-studio';

let studio: OwnStudio;
test.beforeAll(async () => {
  studio = await startOwnStudio();
  const res = await fetch(`${studio.url}/api/auth/create-first`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: MANAGER.name, username: MANAGER.username, password: MANAGER.password }) });
  expect(res.status).toBe(200);
});
test.afterAll(async () => { await studio.stop(); });

test('pair a phone, log 3 sets offline, reopen offline, sync, and see them in the studio', async ({ page, browser }) => {
  const app = new StudioApp(page);
  await app.open(MANAGER, studio.url);
  const ok = async <T>(name: Parameters<StudioApp['call']>[0], input: unknown) => {
    const r = await app.call<T>(name, input);
    expect(r.ok, `${name}: ${r.error?.message}`).toBe(true);
    return r.value!;
  };
  await ok('phones/set-settings', { enabled: true });
  const member = await ok<Member>('members/create', {
    name: 'Pia Phone', goal: 'hypertrophy', level: 'intermediate', daysPerWeek: 3, sessionMinutes: 60, equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'body_only'],
    excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg', bodyMassKg: 70, sex: 'female', birthYear: 1992, notes: '', trainerStaffId: null, nickname: null,
  });
  const draft = await ok<PlanView>('plans/generate', { memberId: member.id, weeks: 4 });
  await ok('plans/approve', { planId: draft.id });

  // Staff: the member page, "Pair a phone": the QR code with the address and a one-time code.
  await page.goto(`${studio.url}/#/members/${member.id}`);
  await page.getByTestId('pair-phone').click();
  await expect(page.getByTestId('pair-qr')).toBeVisible();
  const pairUrl = (await page.getByTestId('pair-url').textContent())!;
  expect(pairUrl).toMatch(/\/member\/#pair=[A-Z0-9]{8}$/);
  await page.getByRole('button', { name: 'Done' }).click();

  // The phone.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const phonePage = await phoneContext.newPage();
  const phone = new MemberPhone(phonePage);
  await phone.pairWith(pairUrl);
  await expect(phonePage.getByTestId('exercise-card').first()).toContainText(/\d+ × \d+/);
  await phone.waitForOfflineShell();

  await phoneContext.setOffline(true);
  for (let i = 0; i < 3; i++) await phone.logNextSet();
  await expect(phone.syncChip).toContainText('Offline');
  await expect(phone.loggedSets.filter({ hasText: 'not sent yet' })).toHaveCount(3);

  // Reopened while offline: the service worker serves the app, IndexedDB still holds the sets.
  await phonePage.reload();
  await expect(phone.sessionName).toBeVisible();
  await expect(phone.loggedSets).toHaveCount(3);
  await snap(phonePage, 'phones-offline-today');

  // Back online: the outbox goes to the studio.
  await phoneContext.setOffline(false);
  await phonePage.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(phone.syncChip).toHaveText('All synced', { timeout: 20_000 });
  await expect(phone.loggedSets.filter({ hasText: 'not sent yet' })).toHaveCount(0);
  await snap(phonePage, 'phones-synced-today');

  // The studio's member page, never reloaded: the 3 sets against their prescriptions.
  const rows = page.getByTestId('phone-set-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(/\d+ × \d+–\d+/);
  await expect(page.getByTestId('device-row')).toContainText('My phone');
  await expect(page.getByTestId('phone-adherence')).toBeVisible();
  await snapElement(page, page.getByTestId('phone-sets'), 'phones-studio-member-sets');
  await snap(page, 'phones-studio-member-page');

  // The weekly review counts them.
  await page.goto(`${studio.url}/#/weekly`);
  const weekly = new WeeklyReviewPage(page);
  await weekly.runAnalysis('Pia Phone');
  await expect(weekly.summary).toContainText(/Adherence: 1 of \d+ sessions/);
  await expect(weekly.summary).toContainText('Logged on the phone against the plan');
  await snap(page, 'phones-weekly-review');
  await phoneContext.close();
});
