import { expect, type Locator, type Page } from '@playwright/test';

/** The Models page: the RIR model registry, refit with progress, and rollback. */
export class ModelsPage {
  readonly root: Locator;
  readonly activeModel: Locator;
  readonly rows: Locator;
  readonly historyRows: Locator;
  readonly refitButton: Locator;
  readonly rollbackButton: Locator;
  readonly progress: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('models-page');
    this.activeModel = page.getByTestId('active-model');
    this.rows = page.getByTestId('model-row');
    this.historyRows = page.getByTestId('model-history-row');
    this.refitButton = page.getByTestId('refit-model');
    this.rollbackButton = page.getByTestId('rollback-model');
    this.progress = page.getByTestId('refit-progress');
    this.result = page.getByTestId('refit-result');
  }

  /**
   * Starts recording every progress line shown while a refit runs (it can be faster than
   * polling), and returns a function that reads the lines seen so far.
   */
  async recordProgress(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __refitProgress: string[] }).__refitProgress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="refit-progress-message"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { __refitProgress: string[] }).__refitProgress);
  }

  /** Presses "Refit now" and waits for the result alert; returns whether the new model was activated. */
  async refit(): Promise<boolean> {
    await this.refitButton.click();
    await expect(this.result).toBeVisible({ timeout: 150_000 });
    return (await this.result.getAttribute('data-activated')) === 'true';
  }

  async rollback(): Promise<void> {
    await this.rollbackButton.click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeVisible();
    await this.page.getByTestId('confirm-button').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeHidden();
  }
}
