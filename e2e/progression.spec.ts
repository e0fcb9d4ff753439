/**
 * Progression in the studio (issue 3): a demo member with an approved plan records a check-in,
 * gets next-session suggestions checked by the safety layer, one is accepted with ratings, the
 * insights panel learns from it, and the weekly analysis proposes next week's changes, which a
 * trainer accepts on the Weekly review screen. Uses whatever demo club the earlier specs left, or
 * creates one.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { MemberPage } from './page-models/member-page';
import { PlanPage } from './page-models/plan-page';
import { RecommendationsPanel } from './page-models/recommendations';
import { WeeklyReviewPage } from './page-models/weekly-review-page';
import { snap, snapElement } from './page-models/shots';

test.describe.configure({ mode: 'serial' });

test('check-in, suggest, accept with ratings, insights, weekly analysis and review', async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const member = new MemberPage(page);
  const plan = new PlanPage(page);
  const recs = new RecommendationsPanel(page);
  const weekly = new WeeklyReviewPage(page);

  await app.open();
  await members.ensureDemoClub();
  const demoCount = await members.demoRows.count();
  let name = '';
  for (let i = 0; ; i++) {
    expect(i, 'a demo member with logged RIR').toBeLessThan(demoCount);
    name = await members.openDemoMember(i);
    if (await member.hasRirData()) break;
    await app.goToMembers();
  }

  await member.generatePlan({ weeks: 4 });
  await plan.approve();
  await expect(plan.status).toHaveText('approved');
  await page.getByTestId('plan-summary').getByRole('link', { name }).click();
  await expect(page.getByTestId('member-name')).toHaveText(name);

  await recs.recordCheckIn({ sleep: 8, energy: 7, fatigue: 3, soreness: 2 });
  await expect(page.getByTestId('message-alert')).toContainText(`Check-in recorded for ${name}`);
  await expect(recs.latestCheckIn).toContainText('sleep 8');
  await expect(recs.latestCheckIn).toContainText('fatigue 3');

  await recs.suggest();
  const first = recs.cards.first();
  await expect(first.getByTestId('recommendation-type')).toHaveText(/\w/);
  await expect(first.getByTestId('recommendation-suggested')).toHaveText(/\d+ × \d+/);
  await expect(first.getByTestId('recommendation-sources')).toContainText('rule ');
  await expect(first.getByTestId('recommendation-confidence')).toContainText('%');
  // The tooltip says what the number is and what it rests on.
  await expect(first.getByTestId('recommendation-confidence'))
    .toHaveAttribute('aria-label', /^\d+ % chance the member completes this within ±1 RIR of the target \(RIR \d+\), from \d+ /);
  await snapElement(page, first, 'progression-card');
  await snapElement(page, recs.section, 'progression-recommendations');

  const card = await recs.firstAcceptable();
  await recs.answer(card, 'accept', { difficulty: 6, effectiveness: 8, perceivedExertion: 7, formQuality: 8 }, 12, 'Moved well, bar speed good');
  await expect(card.getByTestId('recommendation-status')).toHaveText('accepted');
  await expect(card.getByTestId('recommendation-decision')).toContainText('Accepted');
  await expect(card.getByTestId('recommendation-decision')).toContainText('form 8');
  await expect(card.getByTestId('recommendation-accept')).toHaveCount(0);
  await page.waitForTimeout(500); // let the status chip finish its colour transition
  await snapElement(page, card, 'progression-card-accepted');

  // A second answer, modified: the member did fewer sets than suggested.
  const other = await recs.firstAcceptable();
  await recs.answer(other, 'modify', { difficulty: 8, effectiveness: 5, perceivedExertion: 9, formQuality: 7 }, 15, 'Too much today', { sets: 2 });
  await expect(other.getByTestId('recommendation-status')).toHaveText('modified');
  await expect(other.getByTestId('recommendation-decision')).toContainText('Modified to');
  await expect(other.getByTestId('recommendation-decision')).toContainText('2 sets');

  await recs.insights.scrollIntoViewIfNeeded();
  await expect(recs.insights.getByTestId('insights-acceptance')).toHaveText(/acceptance \d+ %/);
  await expect(recs.insights.getByTestId('insights-summary')).not.toBeEmpty();
  await expect.poll(() => member.colouredPixels(recs.insights.getByTestId('insights-acceptance-chart').locator('canvas'))).toBeGreaterThan(100);
  await expect.poll(() => member.colouredPixels(recs.insights.getByTestId('insights-dimensions-chart').locator('canvas'))).toBeGreaterThan(100);
  await snapElement(page, recs.insights, 'progression-insights');
  await snap(page, 'progression-member');

  await app.goToWeeklyReview();
  await weekly.runAnalysis(name);
  await expect(weekly.status).toHaveText('pending');
  await expect(weekly.summary).not.toBeEmpty();
  await expect(weekly.pending.filter({ hasText: name }).first()).toBeVisible();
  await snap(page, 'progression-weekly-pending');

  await app.goToMembers();
  await app.goToWeeklyReview();
  await weekly.openPending(name);
  await weekly.acceptAll();
  await expect(weekly.status).toHaveText('decided');
  await expect(weekly.lines.filter({ has: page.locator('[data-testid="adjustment-line-status"]', { hasText: 'pending' }) })).toHaveCount(0);
  await expect(page.getByTestId('message-alert')).toContainText('decided');
  await page.waitForTimeout(500); // let the status chips finish their colour transition
  await snap(page, 'progression-weekly-decided');
});
