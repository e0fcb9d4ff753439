import { expect, type Locator, type Page } from '@playwright/test';

/** The frame around every page: app bar and left nav. */
export class StudioApp {
  readonly title: Locator;
  readonly actingStaff: Locator;
  readonly errorAlert: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('app-title');
    this.actingStaff = page.getByTestId('acting-staff');
    this.errorAlert = page.getByTestId('error-alert');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.title).toHaveText('Trainer Studio');
  }

  async showUnit(unit: 'kg' | 'lb'): Promise<void> {
    await this.page.getByTestId('unit-toggle').getByRole('button', { name: unit, exact: true }).click();
  }

  async goToPlans(): Promise<void> {
    await this.page.getByTestId('nav-plans').click();
  }

  async goToMembers(): Promise<void> {
    await this.page.getByTestId('nav-members').click();
  }

  async goToModels(): Promise<void> {
    await this.page.getByTestId('nav-models').click();
    await expect(this.page.getByTestId('models-page')).toBeVisible();
  }

  async goToWeeklyReview(): Promise<void> {
    await this.page.getByTestId('nav-weekly').click();
    await expect(this.page.getByTestId('weekly-page')).toBeVisible();
  }
}
