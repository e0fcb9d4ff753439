import { expect, type Locator, type Page } from '@playwright/test';

/** Settings → Backups: the list, "Back up now", restore. */
export class BackupsSection {
  readonly root: Locator;
  readonly rows: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('backups-section');
    this.rows = this.root.getByTestId('backup-row');
    this.chart = this.root.getByTestId('backup-size-chart');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.root).toBeVisible();
    await expect(this.root.getByTestId('backup-folder')).toBeVisible();
  }

  rowsOfKind(kind: 'daily' | 'manual' | 'before-restore'): Locator {
    return this.root.locator(`[data-testid="backup-row"][data-kind="${kind}"]`);
  }

  /** Backs up now; resolves to the file name of the new backup. */
  async backUpNow(): Promise<string> {
    const before = await this.rowsOfKind('manual').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.file ?? ''));
    await this.root.getByTestId('backup-now').click();
    await expect(this.page.getByTestId('message-alert')).toContainText('Backed up: studio-');
    await expect(this.rowsOfKind('manual')).toHaveCount(before.length + 1);
    const after = await this.rowsOfKind('manual').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.file ?? ''));
    return after.find((f) => !before.includes(f))!;
  }

  /** Opens the restore confirmation of one backup; returns the dialog. */
  async askToRestore(fileName: string): Promise<Locator> {
    await this.root.locator(`[data-testid="backup-row"][data-file="${fileName}"]`).getByTestId('restore-backup').click();
    const dialog = this.page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
