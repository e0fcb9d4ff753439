import { expect, type Locator, type Page } from '@playwright/test';
import { setRating } from './sliders';

export class PlanPage {
  readonly root: Locator;
  readonly status: Locator;
  readonly rows: Locator;
  readonly editButtons: Locator;
  readonly undoButton: Locator;
  readonly predictedRir: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('plan-page');
    this.status = page.getByTestId('plan-status');
    this.rows = page.getByTestId('prescription-row');
    this.editButtons = page.getByTestId('edit-prescription');
    this.undoButton = page.getByTestId('undo-edit');
    this.predictedRir = page.getByTestId('predicted-rir');
  }

  async openWeek(week: number): Promise<void> {
    await this.page.getByTestId(`week-tab-${week}`).click();
  }

  /** The "sets × reps" text of the n-th prescription of the shown week, e.g. `3 × 8–10`. */
  setsReps(index: number): Locator {
    return this.rows.nth(index).getByTestId('prescription-sets-reps');
  }

  /** The RIR model's prediction beside the n-th prescription of the shown week, e.g. `≈ RIR 2 (1–3)`. */
  predicted(index: number): Locator {
    return this.rows.nth(index).getByTestId('predicted-rir');
  }

  async currentSets(index: number): Promise<number> {
    const text = (await this.setsReps(index).textContent()) ?? '';
    return Number(text.split('×')[0]!.trim());
  }

  async editSets(index: number, sets: number): Promise<void> {
    const row = this.rows.nth(index);
    await row.getByTestId('edit-prescription').click();
    await row.getByTestId('edit-sets').fill(String(sets));
    await row.getByTestId('save-prescription').click();
    await expect(row.getByTestId('save-prescription')).toBeHidden();
  }

  async approve(): Promise<void> {
    await this.page.getByTestId('approve-plan').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeVisible();
    await this.page.getByTestId('confirm-button').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeHidden();
  }

  /** The first prescription of the shown week with an external load (not body weight). */
  get loadedRow(): Locator {
    return this.rows.filter({ has: this.page.getByTestId('prescription-load').filter({ hasText: /\d/ }) }).first();
  }

  /** Opens "During session" on a row, sets the given ratings (others stay "not rated") and presses Check. */
  async duringSession(row: Locator, ratings: { fatigue?: number; form?: number }): Promise<Locator> {
    await row.getByTestId('session-adjust').click();
    const dialog = this.page.getByTestId('session-adjust-dialog');
    await expect(dialog).toBeVisible();
    for (const [key, value] of Object.entries(ratings)) {
      await dialog.getByTestId(`session-${key}-rated`).check();
      await setRating(dialog.getByTestId(`session-${key}`), value);
    }
    await dialog.getByTestId('session-adjust-check').click();
    const result = dialog.getByTestId('session-adjust-result');
    await expect(result).toBeVisible();
    return result;
  }
}
