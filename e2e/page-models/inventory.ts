import { expect, type Locator, type Page } from '@playwright/test';

/** The inventory editor, in Settings (`club-inventory-form`) or on the member page (`member-inventory-form`). */
export class InventoryForm {
  readonly root: Locator;
  constructor(readonly page: Page, readonly testId: 'club-inventory-form' | 'member-inventory-form') {
    this.root = page.getByTestId(testId);
  }

  field(key: 'bar' | 'ezBar' | 'smithBar' | 'plates' | 'dumbbells' | 'kettlebells' | 'stackMin' | 'stackStep'): Locator {
    return this.page.getByTestId(`${this.testId}-${key}`);
  }

  async unit(unit: 'kg' | 'lb'): Promise<void> {
    await this.page.getByTestId(`${this.testId}-unit-${unit}`).click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId(`${this.testId}-save`).click();
    await expect(this.page.getByTestId('message-alert')).toContainText(/saved/);
  }
}
