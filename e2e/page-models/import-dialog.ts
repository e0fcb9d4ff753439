import { expect, type Locator, type Page } from '@playwright/test';

export interface StrongReportCounts { rowsTotal: number; setsStored: number; duplicates: number; rejected: number }

function count(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

export class ImportDialog {
  readonly dialog: Locator;
  readonly report: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-dialog');
    this.report = page.getByTestId('import-report');
    this.progress = page.getByTestId('import-progress');
  }

  /** Imports a workout-app export (any app) into a new member, as recognised, with the unit as decided. */
  async importStrong(filePath: string, memberName: string): Promise<void> {
    await this.chooseWorkoutFile(filePath);
    await this.importInto(memberName);
  }

  /** Chooses a workout-app export and waits for its preview (or its refusal). */
  async chooseWorkoutFile(filePath: string): Promise<void> {
    await this.page.getByTestId('import-kind-history').click();
    await this.page.getByTestId('import-file').setInputFiles(filePath);
    await expect(this.page.getByTestId('import-file-name')).toContainText('.csv');
    await this.waitForPreview();
  }

  async waitForPreview(): Promise<void> {
    await expect(this.page.getByTestId('import-preview-loading')).toHaveCount(0, { timeout: 60_000 });
    await expect(this.page.getByTestId('import-preview').or(this.page.getByTestId('import-preview-refused'))).toBeVisible();
  }

  /** The app and layout the preview says it recognised, e.g. `Hevy in lb (weight_lbs)`. */
  get detectedLayout(): Locator { return this.page.getByTestId('import-detection-layout'); }
  get detection(): Locator { return this.page.getByTestId('import-detection'); }
  get unitReason(): Locator { return this.page.getByTestId('import-unit-reason'); }
  get refusal(): Locator { return this.page.getByTestId('import-preview-refused'); }
  get previewRows(): Locator { return this.page.getByTestId('import-preview-row'); }
  get reportDetection(): Locator { return this.page.getByTestId('report-detection'); }
  get reportUnit(): Locator { return this.page.getByTestId('report-unit'); }

  /** Overrides the app (`auto`, `strong`, `hevy`, `fitbod`, `fitnotes`) and waits for the new preview. */
  async chooseFormat(format: string): Promise<void> {
    await this.page.getByTestId('import-format').getByRole('combobox').click();
    await this.page.getByTestId(`import-format-${format}`).click();
    await this.waitForPreview();
  }

  /** Overrides the unit (`kg`, `lb`) and waits for the new preview. */
  async chooseUnit(unit: 'kg' | 'lb'): Promise<void> {
    await this.page.getByTestId('import-unit').getByRole('combobox').click();
    await this.page.getByTestId(`import-unit-${unit}`).click();
    await this.waitForPreview();
  }

  async importInto(memberName: string): Promise<void> {
    await this.page.getByTestId('import-target-new').click();
    await this.page.getByTestId('import-member-name').fill(memberName);
    await this.page.getByTestId('import-run').click();
  }

  async importAnother(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Import another' }).click();
  }

  /**
   * Starts recording every progress line the dialog shows (imports can be faster than polling),
   * and returns a function that reads the lines seen so far.
   */
  async recordProgress(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress-message"]')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
  }

  async waitForReport(): Promise<void> {
    await expect(this.report).toBeVisible({ timeout: 150_000 });
  }

  async counts(): Promise<StrongReportCounts> {
    const read = async (id: string) => count(await this.page.getByTestId(id).textContent());
    return {
      rowsTotal: await read('report-rows-total'),
      setsStored: await read('report-sets-stored'),
      duplicates: await read('report-duplicates'),
      rejected: await read('report-rejected'),
    };
  }

  async showRejected(): Promise<void> {
    const toggle = this.page.getByTestId('rejected-table-toggle');
    if ((await toggle.count()) === 0) return;
    await toggle.click();
    // Wait for the Collapse to finish opening, so screenshots show the whole table.
    await expect(this.page.locator('.MuiCollapse-entered [data-testid="rejected-table"]')).toBeVisible();
  }

  async openImportedMember(): Promise<void> {
    await this.page.getByTestId('open-imported-member').click();
    await expect(this.dialog).toBeHidden();
  }
}
