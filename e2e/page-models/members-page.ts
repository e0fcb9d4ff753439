import { expect, type Locator, type Page } from '@playwright/test';

export class MembersPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('members-table');
    this.rows = page.getByTestId('member-row');
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('open-import').click();
    await expect(this.page.getByTestId('import-dialog')).toBeVisible();
  }

  async openNewMember(): Promise<void> {
    await this.page.getByTestId('new-member').click();
    await expect(this.page.getByTestId('new-member-dialog')).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('member-search').fill(text);
  }

  async openMember(name: string): Promise<void> {
    await this.rows.filter({ hasText: name }).first().click();
    await expect(this.page.getByTestId('member-name')).toHaveText(name);
  }
}
