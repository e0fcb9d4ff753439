/**
 * The trainer's main path through the real studio: import a real Strong export, look at the
 * member's progress, generate a plan, adjust it, approve it.
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { ImportDialog } from './page-models/import-dialog';
import { MemberPage } from './page-models/member-page';
import { PlanPage } from './page-models/plan-page';
import { snap } from './page-models/shots';

const STRONG_CSV = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');
const STRONG_ROWS = 6778;

test('import a Strong export, review the member, generate, edit and approve a plan', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const importDialog = new ImportDialog(page);
  const member = new MemberPage(page);
  const plan = new PlanPage(page);
  const cspViolations: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });

  await app.open();
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');
  await snap(page, '01-members');

  await members.openImport();
  const progressLines = await importDialog.recordProgress();
  await importDialog.importStrong(STRONG_CSV, 'Deric Mei');
  await importDialog.waitForReport();
  expect((await progressLines()).length).toBeGreaterThan(0);
  const counts = await importDialog.counts();
  expect(counts.rowsTotal).toBe(STRONG_ROWS);
  expect(counts.setsStored).toBeGreaterThan(0);
  expect(counts.setsStored + counts.duplicates + counts.rejected).toBe(STRONG_ROWS);
  await importDialog.showRejected();
  await snap(page, '02-import-report');

  await importDialog.openImportedMember();
  await expect(page.getByTestId('member-name')).toHaveText('Deric Mei');
  await expect(member.e1rmCanvas).toBeVisible();
  await expect.poll(() => member.colouredPixels(member.e1rmCanvas)).toBeGreaterThan(200);
  await expect.poll(() => member.colouredPixels(member.volumeCanvas)).toBeGreaterThan(200);
  await snap(page, '03-member');

  await member.generatePlan({ weeks: 4 });
  await expect(plan.status).toHaveText('draft');
  await expect(page.getByTestId('week-tab-4')).toBeVisible();
  await expect(plan.undoButton).toBeDisabled();
  await snap(page, '04-plan-draft');

  const before = await plan.currentSets(0);
  const after = before >= 6 ? before - 1 : before + 1;
  await plan.editSets(0, after);
  await expect(plan.setsReps(0)).toHaveText(new RegExp(`^${after} ×`));
  await expect(plan.undoButton).toBeEnabled();
  await plan.undoButton.click();
  await expect(plan.setsReps(0)).toHaveText(new RegExp(`^${before} ×`));
  await plan.editSets(0, after);
  await expect(plan.setsReps(0)).toHaveText(new RegExp(`^${after} ×`));
  await snap(page, '05-plan-edited');

  await plan.approve();
  await expect(plan.status).toHaveText('approved');
  await expect(page.getByTestId('plan-approved')).toBeVisible();
  await expect(plan.editButtons).toHaveCount(0);
  await expect(plan.setsReps(0)).toHaveText(new RegExp(`^${after} ×`));
  await snap(page, '06-plan-approved');

  await app.goToPlans();
  await page.getByTestId('plans-filter-approved').click();
  await expect(page.getByTestId('plan-row').filter({ hasText: 'Deric Mei' }).first()).toBeVisible();
  await snap(page, '07-plans-approved');
  expect(cspViolations).toEqual([]);
});

test('a new member without a name is refused, and the error names the field', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  await app.open();
  await members.openNewMember();
  await page.getByTestId('create-member').click();
  await expect(app.errorAlert).toBeVisible();
  await expect(app.errorAlert).toContainText(/name/i);
  await snap(page, '08-new-member-error');
});
