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
    this.report = page.getByTestId('strong-report');
    this.progress = page.getByTestId('import-progress');
  }

  async importStrong(filePath: string, memberName: string): Promise<void> {
    await this.page.getByTestId('import-kind-strong').click();
    await this.page.getByTestId('import-file').setInputFiles(filePath);
    await expect(this.page.getByTestId('import-file-name')).toContainText('.csv');
    await this.page.getByTestId('import-target-new').click();
    await this.page.getByTestId('import-member-name').fill(memberName);
    await this.page.getByTestId('import-run').click();
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
