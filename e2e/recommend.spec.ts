/**
 * Exercise recommendations in plan editing: "Swap" and "Add exercise" show the top 5 with a bar per
 * score component and a reason; choosing one changes the draft plan.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { MemberPage } from './page-models/member-page';
import { PlanPage } from './page-models/plan-page';
import { SuggestionsDialog } from './page-models/suggestions-dialog';
import { snap } from './page-models/shots';

const MAX = { balance: 30, recovery: 20, preference: 20, goal: 15, experience: 10, novelty: 5 } as const;

test('swap and add an exercise from scored, explained suggestions', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const member = new MemberPage(page);
  const plan = new PlanPage(page);
  const dialog = new SuggestionsDialog(page);

  await app.open();
  await members.createDemoClub();
  await members.openDemoMember(0);
  await member.generatePlan({ weeks: 4 });
  await expect(plan.rows.first()).toBeVisible();

  const before = (await plan.rows.first().getByTestId('prescription-exercise').textContent()) ?? '';
  await dialog.openSwap(0);
  await expect(dialog.items).toHaveCount(5);
  await expect(dialog.cf).toContainText('CF is off');
  const shown = await dialog.read();
  for (const s of shown) {
    expect(s.total).toBeGreaterThan(0);
    expect(s.total).toBeLessThanOrEqual(100);
    expect(s.reason.length).toBeGreaterThan(5);
    expect(Object.keys(s.components).sort()).toEqual(Object.keys(MAX).sort());
    for (const [k, max] of Object.entries(MAX)) expect(s.components[k]).toBeLessThanOrEqual(max);
  }
  expect(shown.map((s) => s.total)).toEqual([...shown.map((s) => s.total)].sort((a, b) => b - a));
  await snap(page, 'recommend-swap');
  await dialog.choose(0);
  await expect(plan.rows.first().getByTestId('prescription-exercise')).not.toHaveText(before);

  const rowsBefore = await page.getByTestId('session-card').first().getByTestId('prescription-row').count();
  await dialog.openAdd(0);
  await expect(dialog.items).toHaveCount(5);
  await snap(page, 'recommend-add');
  await dialog.choose(0);
  await expect(page.getByTestId('session-card').first().getByTestId('prescription-row')).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId('session-card').first().getByTestId('calibration-chip').last()).toBeVisible();
});
