/**
 * During a session, the club's safety settings and the weekly run for everyone: "During session"
 * on an approved plan lightens the load for high fatigue, a manager changes a safety constraint
 * (kept after a reload; a bad value is refused naming its field), and "Analyse all members" on
 * the Weekly review. Uses any approved plan the other specs left, or makes one; leaves the
 * constraints at their defaults.
 */
import { expect, test, type Page } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { MemberPage } from './page-models/member-page';
import { PlanPage } from './page-models/plan-page';
import { SettingsPage } from './page-models/settings-page';
import { WeeklyReviewPage } from './page-models/weekly-review-page';
import { snap, snapElement } from './page-models/shots';

/** Opens an approved plan: the first one listed, or a new one generated and approved for a demo member. */
async function openApprovedPlan(page: Page): Promise<void> {
  const app = new StudioApp(page);
  const plan = new PlanPage(page);
  await app.open();
  await app.goToPlans();
  await page.getByTestId('plans-filter-approved').click();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const approved = page.getByTestId('plan-row').filter({ hasText: 'approved' });
  await expect(approved.first().or(page.getByText('No plans.'))).toBeVisible();
  if ((await approved.count()) > 0) {
    await approved.first().click();
  } else {
    const members = new MembersPage(page);
    await app.goToMembers();
    await members.ensureDemoClub();
    await members.openDemoMember(0);
    await new MemberPage(page).generatePlan({ weeks: 4 });
    await plan.approve();
  }
  await expect(plan.status).toHaveText(/approved|active/);
}

test('during a session: fatigue 9 lightens the load of an approved plan', async ({ page }) => {
  const plan = new PlanPage(page);
  await openApprovedPlan(page);
  await expect(page.getByTestId('session-adjust').first()).toBeVisible();
  await expect(plan.editButtons).toHaveCount(0);
  await snap(page, 'session-plan');

  const row = plan.loadedRow;
  const exercise = (await row.getByTestId('prescription-exercise').textContent()) ?? '';
  const result = await plan.duringSession(row, { fatigue: 9 });
  await expect(page.getByTestId('session-adjust-dialog')).toContainText(exercise);
  const original = Number(await result.getByTestId('session-adjust-original').getAttribute('data-kg'));
  const adjusted = Number(await result.getByTestId('session-adjust-adjusted').getAttribute('data-kg'));
  expect(original).toBeGreaterThan(0);
  expect(adjusted).toBeLessThan(original);
  // the nominal cut at fatigue 9 is 12.5 %; after rounding down to a loadable weight it can be more
  await expect(result.getByTestId('session-adjust-cut')).toHaveText(/−(1[2-9]|2\d|3[0-5])(\.\d)? %/);
  await expect(result.getByTestId('session-adjust-reasons')).toContainText('Fatigue 9/10');
  await snapElement(page, page.getByTestId('session-adjust-dialog').locator('.MuiDialog-paper'), 'session-fatigue');

  // Poor form as well: the reasons say so, with an easier exercise when one fits.
  await page.getByTestId('session-form-rated').check();
  await page.getByTestId('session-adjust-check').click();
  await expect(result.getByTestId('session-adjust-reasons')).toContainText('Form 5/10');
  await snapElement(page, page.getByTestId('session-adjust-dialog').locator('.MuiDialog-paper'), 'session-fatigue-form');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('session-adjust-dialog')).toBeHidden();
});

test('settings: a manager changes the shortest rest, it is kept, a bad value names its field', async ({ page }) => {
  const app = new StudioApp(page);
  const settings = new SettingsPage(page);
  await app.open();
  await settings.open();
  await expect(page.getByTestId('constraints-source')).toContainText('domain.md');
  await expect(settings.field('maxLoadIncreaseFraction')).toHaveValue(/^\d+(\.\d+)?$/);
  await snap(page, 'settings-form');

  await settings.set('minRestS', 45);
  await expect(page.getByTestId('message-alert')).toContainText('Safety constraints saved');
  await page.reload();
  await expect(settings.field('minRestS')).toHaveValue('45');
  await snap(page, 'settings-saved');

  await settings.set('minRestS', -5);
  await expect(app.errorAlert).toContainText('Shortest rest between sets');
  await expect(page.getByTestId('constraint-row-minRestS')).toContainText('must be ≥ 0 s');
  await snap(page, 'settings-error');

  await settings.restoreDefaults();
  await expect(page.getByTestId('message-alert')).toContainText('restored');
  await expect(settings.field('minRestS')).toHaveValue('30');
  await expect(settings.field('maxLoadIncreaseFraction')).toHaveValue('10');
});

test('weekly review: analyse all members, see who was analysed and who was skipped', async ({ page }) => {
  const app = new StudioApp(page);
  const weekly = new WeeklyReviewPage(page);
  await openApprovedPlan(page);
  await app.goToWeeklyReview();
  const result = await weekly.analyseAll();
  await expect(result).toContainText(/\d+ members? analysed/);
  const analysed = Number(await result.getAttribute('data-analyzed'));
  const skipped = Number(await result.getAttribute('data-skipped'));
  expect(analysed + skipped).toBeGreaterThan(0);
  if (analysed > 0) await expect(weekly.pending.first()).toBeVisible();
  if (skipped > 0) await expect(result.getByTestId('analyze-all-skipped')).not.toBeEmpty();
  await snap(page, 'session-weekly-all');
});
