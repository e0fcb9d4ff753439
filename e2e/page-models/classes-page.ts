import { expect, type Locator, type Page } from '@playwright/test';

/** The week of classes (nav "Classes"). */
export class ClassesPage {
  readonly root: Locator;
  constructor(readonly page: Page) { this.root = page.getByTestId('classes-page'); }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-classes').click();
    await expect(this.root).toBeVisible();
  }

  card(occurrenceId: number): Locator { return this.page.getByTestId(`class-card-${occurrenceId}`); }

  async openClass(occurrenceId: number): Promise<ClassPage> {
    await this.card(occurrenceId).click();
    const c = new ClassPage(this.page);
    await expect(c.root).toBeVisible();
    return c;
  }
}

/** One class at the front desk: book, cancel, check in, places, end. */
export class ClassPage {
  readonly root: Locator;
  readonly booked: Locator;
  readonly waiting: Locator;
  readonly checkedIn: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('class-page');
    this.booked = page.getByTestId('class-booked');
    this.waiting = page.getByTestId('class-waiting');
    this.checkedIn = page.getByTestId('class-checked-in');
  }

  row(memberName: string): Locator { return this.page.getByTestId(`booking-${memberName}`); }
  status(memberName: string): Locator { return this.row(memberName).getByTestId('booking-status'); }

  private async pick(testId: string, name: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async setPlaces(n: number): Promise<void> {
    await this.page.getByTestId('class-capacity').fill(String(n));
    await this.page.getByTestId('save-capacity').click();
    await expect(this.booked).toContainText(`/${n} booked`);
  }

  async book(memberName: string): Promise<void> {
    await this.pick('book-member', memberName);
    await this.page.getByTestId('book-submit').click();
    await expect(this.row(memberName)).toBeVisible();
  }

  async cancel(memberName: string): Promise<void> {
    await this.row(memberName).getByTestId('booking-cancel').click();
    await expect(this.status(memberName)).toHaveText(/cancel/);
  }

  /** Types a card's code into the scan box and presses Enter, as a QR scanner does. */
  async scan(code: string): Promise<void> {
    const box = this.page.getByTestId('check-in-code');
    await box.fill(code);
    await box.press('Enter');
  }

  async checkInRow(memberName: string): Promise<void> {
    await this.row(memberName).getByTestId('booking-check-in').click();
    await expect(this.status(memberName)).toHaveText('checked in');
  }

  async end(notes: string): Promise<void> {
    await this.page.getByTestId('class-notes').fill(notes);
    await this.page.getByTestId('end-class').click();
    await expect(this.page.getByTestId('summary-page')).toBeVisible();
  }
}

/** The notification bell in the app bar. */
export class NotificationBell {
  readonly button: Locator;
  readonly count: Locator;
  readonly list: Locator;
  constructor(readonly page: Page) {
    this.button = page.getByTestId('notifications-bell');
    this.count = page.getByTestId('notifications-count');
    this.list = page.getByTestId('notifications-list');
  }

  async open(): Promise<Locator> {
    await this.button.click();
    await expect(this.list).toBeVisible();
    return this.list;
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.list).toBeHidden();
  }
}

/** The member card dialog on a member's page: the QR code and the code it holds. */
export async function readMemberCard(page: Page): Promise<{ code: string; qr: Locator }> {
  await page.getByTestId('open-member-card').click();
  const qr = page.getByTestId('member-card-qr').locator('svg');
  await expect(qr).toBeVisible();
  const code = (await page.getByTestId('member-card-code').textContent()) ?? '';
  return { code, qr };
}
