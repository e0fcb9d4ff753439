/**
 * Classes in action (issue 12) in the real UI: a manager publishes a week; the studio is then
 * restarted on the same database with its clock 150 s before one of the week's classes
 * (`serve --clock-start`), so the rest runs at a fixed club time: book members (one onto the
 * waitlist), cancel one and see the promotion, check members in by card code and by row, refuse
 * a duplicate check-in, end the class, read its summary on Today and export the PDF; the Club
 * dashboard shows the class. Between check-in and the end, the class runs on the live monitor's
 * simulated feed (labelled SIMULATED): a high-heart-rate alert appears and is acknowledged, and
 * the summary then has the heart-rate data. Screenshots of the class, the monitor, the summary
 * and both dashboards.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ClassWeekView } from '../main/contract/index';
import { ClassesPage, NotificationBell, readMemberCard } from './page-models/classes-page';
import { MembersPage } from './page-models/members-page';
import { ClassSummaryPage, ClubDashboardPage, PolicySettings, TodayPage } from './page-models/class-summary-page';
import { ClubSetupPage } from './page-models/club-setup-page';
import { LivePage } from './page-models/live-page';
import { SchedulePage } from './page-models/schedule-page';
import { snap, snapElement } from './page-models/shots';
import { MANAGER } from './page-models/staff';
import { StudioApp } from './page-models/studio-app';
import { startOwnStudio, tempDbPath, type OwnStudio } from './support/own-studio';

const LEAD_MS = 150_000;
const dbPath = tempDbPath();
let studio: OwnStudio | null = null;

test.afterAll(async () => { await studio?.stop(); rmSync(dirname(dbPath), { recursive: true, force: true }); });

test('publish a week, book with a waitlist, promote, check in, end the class, its summary on Today, the PDF and the dashboards', async ({ page }) => {
  test.setTimeout(480_000);
  const app = new StudioApp(page);
  studio = await startOwnStudio({ dbPath, firstManager: MANAGER });
  await app.open(MANAGER, studio.url);
  const club = new ClubSetupPage(page);
  await club.open();
  await club.loadDemoClub();
  const schedule = new SchedulePage(page);
  await schedule.open();
  const week = await schedule.week();
  await schedule.optimize('Classes week');
  await schedule.publish();
  const published = await app.call<ClassWeekView>('classes/week', { weekStart: week });
  expect(published.value!.classes.length).toBeGreaterThan(0);
  const target = published.value!.classes[0]!;

  // The same studio, its clock 150 s before the class.
  await studio.stop();
  studio = await startOwnStudio({ dbPath, serveArgs: ['--clock-start', new Date(Date.parse(target.startsAt) - LEAD_MS).toISOString()] });
  await app.open(MANAGER, studio.url);
  const policy = new PolicySettings(page);
  await policy.open();
  await policy.setDefault('cancelCutoffMin', 0); // cancels up to the start promote the next member
  await policy.save();
  // Born in 1990, so the live monitor knows their maximum heart rate (Tanaka) and can raise alerts.
  for (const name of ['Ana Lind', 'Bo Berg', 'Cy Holm']) expect((await app.call('members/create', { name, birthYear: 1990 })).ok).toBe(true);

  const classes = new ClassesPage(page);
  await classes.open();
  const cls = await classes.openClass(target.id);
  await cls.setPlaces(2);
  await cls.book('Ana Lind');
  await cls.book('Bo Berg');
  await cls.book('Cy Holm');
  await expect(cls.status('Cy Holm')).toHaveText('waitlist #1');
  await expect(cls.waiting).toHaveText('1 waiting');
  await snap(page, 'classes-01-booked-with-waitlist');

  await cls.cancel('Ana Lind');
  await expect(cls.status('Cy Holm')).toHaveText('booked');
  await expect(cls.waiting).toHaveText('0 waiting');
  const bell = new NotificationBell(page);
  await expect(bell.count).toContainText('1');
  await expect(await bell.open()).toContainText('Cy Holm moved from the waitlist');
  await snap(page, 'classes-02-promoted');
  await bell.close();

  // Bo's member card (its QR code holds the code); scanned at the desk, a second scan is refused with the reason.
  const membersPage = new MembersPage(page);
  await page.getByTestId('nav-members').click();
  await membersPage.openMember('Bo Berg');
  const card = await readMemberCard(page);
  expect(card.code).toMatch(/^TSM1-\d+-/);
  await snapElement(page, page.getByRole('dialog'), 'classes-01b-member-card');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-classes').click();
  await classes.openClass(target.id);
  await cls.scan(card.code);
  await expect(cls.status('Bo Berg')).toHaveText('checked in');
  await cls.scan(card.code);
  await expect(app.errorAlert).toContainText('Bo Berg is already checked in');
  await cls.checkInRow('Cy Holm');
  await expect(cls.checkedIn).toHaveText('2 checked in');

  // The class has to have started before it can end: wait for the studio's clock.
  await expect.poll(async () => {
    const w = await app.call<ClassWeekView>('classes/week', {});
    return Date.parse(w.value!.now) >= Date.parse(target.startsAt);
  }, { timeout: LEAD_MS + 30_000, intervals: [5000] }).toBe(true);
  // The live monitor: the simulated feed at 30× (labelled), an alert, acknowledged.
  const live = new LivePage(page);
  await live.openFromClassPage();
  await live.waitUntilLive();
  await expect(live.tiles).toHaveCount(2);
  await live.startSimulated(30);
  await expect(live.simulatedBanner).toContainText('SIMULATED');
  const alert = live.openAlert('high_heart_rate');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await snap(page, 'classes-02b-live-monitor');
  await live.acknowledge(alert);
  await live.backToClassPage();
  await cls.end('Good first class; Bo pushed hard.');
  const summary = new ClassSummaryPage(page);
  await expect(summary.attendance).toContainText('Checked in 2 of 2 booked');
  await expect(summary.heartRateNote).toContainText('SIMULATED feed: heart-rate data from 2 of 2 members present');
  await expect(summary.notes).toHaveText('Good first class; Bo pushed hard.');
  await snap(page, 'classes-03-summary');
  const pdf = await summary.exportPdf();
  expect(pdf.fileName).toMatch(/^class-summary-\d{4}-\d{2}-\d{2}-\d+\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  const today = new TodayPage(page);
  await today.open();
  await expect(today.summaries).toContainText(target.className);
  await snap(page, 'classes-04-today');
  const again = await today.openSummary(target.id);
  await expect(again.engagement).toContainText('Engagement');

  const dashboard = new ClubDashboardPage(page);
  await dashboard.open();
  await expect(dashboard.totals).toContainText('1 class ·');
  await snap(page, 'classes-05-club-dashboard');
  const table = await dashboard.showTable('club-types');
  await expect(table).toContainText(target.className);
  await snapElement(page, page.getByTestId('club-types'), 'classes-06-club-table');
});
