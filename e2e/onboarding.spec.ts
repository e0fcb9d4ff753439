/**
 * Onboarding (issue 15 part 3): a trainer onboards a new member at the front desk — the
 * questionnaire (body mass in lb), a bad answer refused on its field, a baseline bench test in lb —
 * and gets a draft plan whose numbers say where they came from, then approves it on the plan page.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { OnboardingPage } from './page-models/onboarding-page';
import { PlanPage } from './page-models/plan-page';
import { MANAGER } from './page-models/staff';
import { snap } from './page-models/shots';

const TRAINER = { name: 'Olga Onboard', username: 'olgao', password: 'Harbour-first-7731', newPassword: 'Meadow-brisk-2468' };

test('a trainer onboards a new member and gets a draft plan', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open(MANAGER);
  const created = await app.call('staff/create', { name: TRAINER.name, username: TRAINER.username, role: 'trainer', password: TRAINER.password });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
  const first = await app.callWithToken<{ token: string }>(null, 'auth/sign-in', { username: TRAINER.username, password: TRAINER.password });
  expect(first.ok, JSON.stringify(first.error)).toBe(true);
  const changed = await app.callWithToken(first.value!.token, 'auth/change-password', { currentPassword: TRAINER.password, newPassword: TRAINER.newPassword });
  expect(changed.ok, JSON.stringify(changed.error)).toBe(true);
  await app.signOut();
  await app.open({ ...TRAINER, password: TRAINER.newPassword });
  await expect(app.signedInAs).toContainText(TRAINER.name);

  const onboarding = new OnboardingPage(page);
  await onboarding.open();
  await onboarding.answer({ name: 'Nina Newcomer', days: 9, minutes: 60, unit: 'lb', bodyMass: 165 });
  await onboarding.next();
  await onboarding.next();
  await onboarding.create();
  await expect(onboarding.daysError()).toContainText('2–6 days');
  await onboarding.setDays(4);
  await onboarding.next();
  await onboarding.baselineTest([{ lift: 'bench_press', load: 135, reps: 5, rir: 2 }]);
  await snap(page, 'onboarding-1-test');
  await onboarding.next();
  await expect(onboarding.reviewTest()).toContainText('Bench press 135 lb × 5 @ RIR 2');
  await onboarding.create();

  await expect(onboarding.result).toBeVisible();
  await expect(onboarding.sourceOf('barbell-bench-press')).toHaveText('Baseline test');
  await expect(onboarding.sourceKinds().filter({ hasText: 'Strength-standards prior' }).first()).toBeVisible();
  await expect(onboarding.result).toContainText('4-day upper/lower');
  await expect(onboarding.result).toContainText('Week 1 calibrates');
  await snap(page, 'onboarding-2-result');

  await onboarding.planLink.click();
  const plan = new PlanPage(page);
  await expect(plan.root).toBeVisible();
  await expect(plan.status).toHaveText('draft');
  await expect(plan.rows.first()).toBeVisible();
  await plan.approve();
  await expect(plan.status).toHaveText('approved');
});
