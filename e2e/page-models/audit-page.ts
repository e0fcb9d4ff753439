import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The audit log: filters, the table with before/after, paging, CSV export. */
export class AuditPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audit-page');
    this.rows = this.root.getByTestId('audit-row');
    this.total = this.root.getByTestId('audit-total');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-audit').click();
    await expect(this.root).toBeVisible();
    await expect(this.rows.first()).toBeVisible();
  }

  /** Filters by an action or a prefix (`auth.*`) and waits until every row shown matches. */
  async filterAction(action: string): Promise<void> {
    await this.root.getByTestId('audit-filter-action').fill(action);
    const prefix = action.endsWith('*') ? action.slice(0, -1) : null;
    await expect.poll(async () => {
      const actions = await this.rows.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action ?? ''));
      return actions.length > 0 && actions.every((a) => (prefix ? a.startsWith(prefix) : a === action));
    }).toBe(true);
  }

  async actions(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action ?? ''));
  }

  async totalCount(): Promise<number> {
    return Number(await this.total.getAttribute('data-total'));
  }

  /** Exports what the filter matches; returns the downloaded file. */
  async exportCsv(): Promise<{ fileName: string; content: string }> {
    const download = this.page.waitForEvent('download');
    await this.root.getByTestId('audit-export').click();
    const file = await download;
    return { fileName: file.suggestedFilename(), content: await readFile(await file.path(), 'utf8') };
  }
}
