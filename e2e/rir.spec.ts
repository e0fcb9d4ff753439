/**
 * The RIR model in the studio: a demo member's learnt bias and accuracy, predicted RIR beside
 * each prescription of a plan, and a refit of the population model from the Models page.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { MemberPage } from './page-models/member-page';
import { PlanPage } from './page-models/plan-page';
import { ModelsPage } from './page-models/models-page';
import { snap } from './page-models/shots';

/** The refit's verdict as the result shows it: "not activated" contains "activated", so an activation must not say "not". */
const verdict = (activated: boolean): RegExp => (activated ? /^(?![\s\S]*not activated)[\s\S]*\bactivated\b/ : /not activated/);

test('a demo member: RIR bias and accuracy, predicted RIR in a plan, refit the model', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const member = new MemberPage(page);
  const plan = new PlanPage(page);
  const models = new ModelsPage(page);

  await app.open();
  await members.createDemoClub();
  // Not every demo member logs RIR: open them in turn until one's RIR section has learnt something.
  const demoCount = await members.demoRows.count();
  for (let i = 0; ; i++) {
    expect(i, 'a demo member with logged RIR').toBeLessThan(demoCount);
    await members.openDemoMember(i);
    if (await member.hasRirData()) break;
    await app.goToMembers();
  }
  await expect(member.rirBias).toHaveText(/[a-z]{3,}/i);
  await expect(member.rirSetsLearnt).toHaveText(/learnt from [1-9][\d,]* sets/);
  await expect.poll(() => member.colouredPixels(member.rirAccuracyCanvas)).toBeGreaterThan(200);
  await expect.poll(() => member.colouredPixels(member.rirRecentCanvas)).toBeGreaterThan(200);
  await snap(page, 'rir-member');

  await member.generatePlan({ weeks: 4 });
  await expect(plan.rows.first()).toBeVisible();
  await expect(plan.predictedRir.filter({ hasText: /^≈ RIR \d+/ }).first()).toBeVisible();
  const shown = plan.predictedRir.filter({ hasText: /^≈ RIR/ }).first();
  await shown.hover();
  await expect(page.getByRole('tooltip')).toContainText('first set');
  await expect(page.getByRole('tooltip')).toContainText(/Based on (this member|population)/);
  await snap(page, 'rir-plan');

  await app.goToModels();
  await expect(models.activeModel).toContainText('Active:');
  const progressLines = await models.recordProgress();
  const activated = await models.refit();
  expect((await progressLines()).length).toBeGreaterThan(0);
  await expect(models.result).toContainText(verdict(activated));
  await expect(models.rows.first()).toBeVisible();
  await snap(page, 'rir-models-refit');

  // A second refit on the same sets: activated only if it beats the first on held-out sets.
  const again = await models.refit();
  await expect(models.result).toContainText(verdict(again));
  await snap(page, 'rir-models-refit-again');

  if (await models.rollbackButton.isEnabled()) {
    const active = (await models.activeModel.textContent()) ?? '';
    await models.rollback();
    await expect(page.getByTestId('message-alert')).toContainText('Rolled back');
    await expect(models.activeModel).not.toHaveText(active);
    await expect(models.historyRows.first()).toContainText('rollback');
    await snap(page, 'rir-models-rollback');
  } else {
    // Only the published-figures default came before: there is no earlier model to roll back to.
    await expect(models.historyRows).toHaveCount(activated || again ? 1 : 0);
  }
});

test('a member with no logged RIR gets the empty state', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const member = new MemberPage(page);
  await app.open();
  await members.openNewMember();
  await page.getByTestId('new-member-dialog').getByTestId('member-name').fill('Nora No-RIR');
  await page.getByTestId('create-member').click();
  await expect(member.root.getByTestId('member-name')).toHaveText('Nora No-RIR');
  await expect(member.rirEmpty).toContainText('No sets with a logged RIR yet');
  await snap(page, 'rir-member-empty');
});
