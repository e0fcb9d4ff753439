import { expect, type Locator, type Page } from '@playwright/test';

/** The member app on a phone (`/member/`): pairing, today's session, set logging, sync status. */
export class MemberPhone {
  readonly sessionName: Locator;
  readonly loggedSets: Locator;
  readonly syncChip: Locator;

  constructor(readonly page: Page) {
    this.sessionName = page.getByTestId('session-name');
    this.loggedSets = page.getByTestId('logged-set');
    this.syncChip = page.getByTestId('sync-chip');
  }

  /** Opens the pairing address from the QR code and pairs (the code is in the address). */
  async pairWith(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('pair-code')).not.toHaveValue('');
    await this.page.getByTestId('pair-submit').click();
    await expect(this.sessionName).toBeVisible();
  }

  /** Waits until the service worker is active (the app shell cached for offline reopening). */
  async waitForOfflineShell(): Promise<void> {
    await this.page.evaluate(async () => { await navigator.serviceWorker.ready; });
  }

  /** Logs the next set with the prefilled prescription: one tap. */
  async logNextSet(): Promise<void> {
    const before = await this.loggedSets.count();
    await this.page.getByTestId('log-set').first().click();
    await expect(this.loggedSets).toHaveCount(before + 1);
  }
}
