import { expect, type Locator, type Page } from '@playwright/test';

/** A finished class's summary, its PDF export; and the Today and Club dashboards that lead to it. */
export class ClassSummaryPage {
  readonly root: Locator;
  readonly attendance: Locator;
  readonly engagement: Locator;
  readonly heartRateNote: Locator;
  readonly notes: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('summary-page');
    this.attendance = page.getByTestId('summary-attendance');
    this.engagement = page.getByTestId('summary-engagement');
    this.heartRateNote = page.getByTestId('summary-hr-note');
    this.notes = page.getByTestId('summary-notes-text');
  }

  /** Exports the PDF; returns the downloaded file's name and bytes. */
  async exportPdf(): Promise<{ fileName: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-pdf').click();
    const d = await download;
    const stream = await d.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return { fileName: d.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}

export class TodayPage {
  readonly root: Locator;
  readonly summaries: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('today-page');
    this.summaries = page.getByTestId('today-summaries');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-today').click();
    await expect(this.root).toBeVisible();
  }

  async openSummary(occurrenceId: number): Promise<ClassSummaryPage> {
    await this.page.getByTestId(`today-summary-${occurrenceId}`).click();
    const s = new ClassSummaryPage(this.page);
    await expect(s.root).toBeVisible();
    return s;
  }
}

export class ClubDashboardPage {
  readonly root: Locator;
  readonly totals: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('club-dashboard');
    this.totals = page.getByTestId('club-totals');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-dashboard').click();
    await expect(this.root).toBeVisible();
  }

  async showTable(panel: 'club-types' | 'club-hours' | 'club-weeks' | 'club-predicted'): Promise<Locator> {
    await this.page.getByTestId(`${panel}-table`).click();
    const table = this.page.getByTestId(panel).locator('table');
    await expect(table).toBeVisible();
    return table;
  }
}

export class PolicySettings {
  readonly root: Locator;
  constructor(readonly page: Page) { this.root = page.getByTestId('booking-policy'); }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.root).toBeVisible();
  }

  async setDefault(field: string, value: number): Promise<void> {
    await this.page.getByTestId(`policy-default-${field}`).fill(String(value));
  }

  async save(): Promise<void> {
    await this.page.getByTestId('policy-save').click();
    await expect(this.page.getByTestId('message-alert')).toContainText('booking policy is saved');
  }
}
