import { expect, type Locator, type Page } from '@playwright/test';

/** The "Add exercise" / "Swap" suggestions dialog of plan editing. */
export class SuggestionsDialog {
  readonly root: Locator;
  readonly items: Locator;
  readonly cf: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('suggestions-dialog');
    this.items = this.root.getByTestId('suggestion');
    this.cf = this.root.getByTestId('suggestions-cf');
  }

  /** Opens "Swap" on the n-th prescription row of the shown week and waits for the suggestions. */
  async openSwap(index: number): Promise<void> {
    await this.page.getByTestId('prescription-row').nth(index).getByTestId('swap-prescription').click();
    await expect(this.items.first()).toBeVisible();
  }

  /** Opens "Add exercise" on the n-th session card of the shown week and waits for the suggestions. */
  async openAdd(sessionIndex: number): Promise<void> {
    await this.page.getByTestId('session-card').nth(sessionIndex).getByTestId('add-exercise').click();
    await expect(this.items.first()).toBeVisible();
  }

  /** Each shown suggestion: its id, total, reason and the six component values. */
  async read(): Promise<Array<{ id: string; total: number; reason: string; components: Record<string, number> }>> {
    const out = [];
    for (const item of await this.items.all()) {
      const components: Record<string, number> = {};
      for (const bar of await item.locator('[data-testid^="component-"]').all()) {
        components[(await bar.getAttribute('data-testid'))!.replace('component-', '')] = Number(await bar.getAttribute('data-value'));
      }
      out.push({
        id: (await item.getAttribute('data-exercise-id'))!,
        total: Number(await item.getByTestId('suggestion-total').textContent()),
        reason: (await item.getByTestId('suggestion-reason').textContent()) ?? '',
        components,
      });
    }
    return out;
  }

  /** Chooses the n-th suggestion and waits for the dialog to close. */
  async choose(index: number): Promise<string> {
    const id = (await this.items.nth(index).getAttribute('data-exercise-id'))!;
    await this.items.nth(index).getByTestId('suggestion-choose').click();
    await expect(this.root).toBeHidden();
    return id;
  }
}
