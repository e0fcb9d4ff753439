import { expect, type Locator, type Page } from '@playwright/test';

/** Settings: the club's safety constraints form. */
export class SettingsPage {
  readonly root: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly restoreButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-page');
    this.form = page.getByTestId('safety-form');
    this.saveButton = page.getByTestId('save-constraints');
    this.restoreButton = page.getByTestId('restore-constraints');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.form).toBeVisible();
  }

  /** The input of one constraint, by its contract name (e.g. `minRestS`). */
  field(key: string): Locator {
    return this.page.getByTestId(`constraint-${key}`);
  }

  async set(key: string, value: number): Promise<void> {
    await this.field(key).fill(String(value));
    await this.saveButton.click();
  }

  async restoreDefaults(): Promise<void> {
    await this.restoreButton.click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeVisible();
    await this.page.getByTestId('confirm-button').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeHidden();
  }
}
