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

  /** Creates the demo club and waits until its members are listed. */
  async createDemoClub(): Promise<void> {
    await this.page.getByTestId('create-demo').click();
    const message = this.page.getByTestId('message-alert');
    await expect(message).toContainText('Demo club created', { timeout: 120_000 });
    await message.getByRole('button', { name: /close/i }).click();
    await expect(message).toBeHidden();
    await expect(this.demoRows.first()).toBeVisible();
  }

  /** Waits for the list to load; creates the demo club when it has no demo member yet. */
  async ensureDemoClub(): Promise<void> {
    await expect(this.rows.first().or(this.page.getByText('No members yet'))).toBeVisible({ timeout: 30_000 });
    if ((await this.demoRows.count()) === 0) await this.createDemoClub();
  }

  get demoRows(): Locator {
    return this.rows.filter({ has: this.page.getByTestId('demo-chip') });
  }

  /** Opens the n-th demo member and returns their name. */
  async openDemoMember(index = 0): Promise<string> {
    const row = this.demoRows.nth(index);
    const name = ((await row.getByRole('link').textContent()) ?? '').trim();
    await row.getByRole('link').click();
    await expect(this.page.getByTestId('member-name')).toHaveText(name);
    return name;
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('member-search').fill(text);
  }

  async openMember(name: string): Promise<void> {
    await this.rows.filter({ hasText: name }).first().click();
    await expect(this.page.getByTestId('member-name')).toHaveText(name);
  }
}
