import { expect, type Locator, type Page } from '@playwright/test';

/** Weekly review: run a member's analysis, the pending list, and the diff with its decisions. */
export class WeeklyReviewPage {
  readonly root: Locator;
  readonly pending: Locator;
  readonly diff: Locator;
  readonly status: Locator;
  readonly lines: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('weekly-page');
    this.pending = page.getByTestId('pending-adjustment');
    this.diff = page.getByTestId('adjustment-diff');
    this.status = this.diff.getByTestId('adjustment-status');
    this.lines = this.diff.getByTestId('adjustment-line');
    this.summary = this.diff.getByTestId('adjustment-summary');
  }

  /** Picks the member, runs the analysis and waits for its diff to open. */
  async runAnalysis(memberName: string): Promise<void> {
    await this.page.getByTestId('weekly-member').fill(memberName);
    await this.page.getByRole('option', { name: memberName, exact: true }).click();
    await this.page.getByTestId('run-weekly-analysis').click();
    await expect(this.page.getByTestId('message-alert')).toContainText(`Weekly analysis for ${memberName}`);
    await expect(this.diff).toBeVisible();
  }

  async openPending(memberName: string): Promise<void> {
    await this.pending.filter({ hasText: memberName }).first().click();
    await expect(this.diff).toContainText(memberName);
  }

  async acceptAll(): Promise<void> {
    await this.diff.getByTestId('adjustment-accept-all').click();
  }

  /** Presses "Analyse all members" and waits for its result alert. */
  async analyseAll(): Promise<Locator> {
    await this.page.getByTestId('analyze-all').click();
    const result = this.page.getByTestId('analyze-all-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    return result;
  }
}
