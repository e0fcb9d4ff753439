import { expect, type Locator, type Page } from '@playwright/test';

/** The coach chat on a member's page. */
export class CoachPanel {
  readonly root: Locator;
  readonly mode: Locator;
  readonly input: Locator;
  readonly send: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('coach-panel');
    this.mode = this.root.getByTestId('coach-mode');
    this.input = this.root.getByTestId('coach-input');
    this.send = this.root.getByTestId('coach-send');
  }

  /** Asks and waits until the answer is stored (the Send button is back). */
  async ask(text: string): Promise<Locator> {
    const before = await this.root.getByTestId('coach-message-coach').count();
    await this.input.fill(text);
    await this.send.click();
    await expect(this.root.getByTestId('coach-message-coach')).toHaveCount(before + 1, { timeout: 60_000 });
    return this.root.getByTestId('coach-message-coach').last();
  }

  /** The pending-action card under the last answer. */
  lastAction(): Locator {
    return this.root.locator('[data-testid^="coach-action-"][data-status]').last();
  }
}
