import { expect, type Locator, type Page } from '@playwright/test';

/** The Payments page (nav "Payments"): products, the sync with Stripe, mismatches and reports. */
export class PaymentsPage {
  readonly root: Locator;
  readonly products: Locator;
  readonly syncResult: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('payments-page');
    this.products = page.getByTestId('payments-products');
    this.syncResult = page.getByTestId('sync-result');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-payments').click();
    await expect(this.root).toBeVisible();
  }

  /** Creates a class pack (price in the club currency, major units such as "90.00"); returns its row. */
  async createPack(name: string, price: string, credits: number): Promise<Locator> {
    await this.page.getByTestId('product-new').click();
    const dialog = this.page.getByTestId('product-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('combobox').click();
    await this.page.getByTestId('product-kind-pack').click();
    await dialog.getByTestId('product-name').fill(name);
    await dialog.getByTestId('product-price-input').fill(price);
    await dialog.getByTestId('product-credits').fill(String(credits));
    await dialog.getByTestId('product-create').click();
    await expect(dialog).toBeHidden();
    const row = this.products.locator('tr', { hasText: name });
    await expect(row).toBeVisible();
    return row;
  }

  /** Presses "Sync with Stripe" and waits for a new result. */
  async sync(): Promise<void> {
    const button = this.page.getByTestId('sync-run');
    await button.click();
    await expect(button).toHaveText('Sync with Stripe');
    await expect(this.syncResult).toBeVisible();
  }

  figure(name: 'sent' | 'queued' | 'events' | 'duplicates' | 'objects'): Locator { return this.syncResult.getByTestId(`sync-${name}`); }
  get online(): Locator { return this.syncResult.getByTestId('sync-online'); }
  get warning(): Locator { return this.syncResult.getByTestId('sync-warning'); }
  /** The stored sync state: "Last sync: … · events read up to …". */
  get lastSync(): Locator { return this.page.getByTestId('sync-last'); }
  /** The warning that the events cursor is older than the 30 days Stripe keeps events. */
  get cursorWarning(): Locator { return this.page.getByTestId('sync-cursor-warning'); }

  async openTab(tab: 'products' | 'mismatches' | 'reports'): Promise<void> {
    await this.page.getByTestId(`payments-tab-${tab}`).click();
  }
}

/** The Payments section of a member page, with the sell dialog. */
export class MemberPayments {
  readonly root: Locator;
  readonly credits: Locator;
  readonly pending: Locator;
  readonly queuedAlert: Locator;
  readonly sellDialog: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('member-payments');
    this.credits = this.root.getByTestId('member-credits');
    this.pending = this.root.getByTestId('member-pending');
    this.queuedAlert = this.root.getByTestId('member-queued-alert');
    this.sellDialog = page.getByTestId('sell-dialog');
  }

  async refresh(): Promise<void> { await this.root.getByTestId('member-payments-refresh').click(); }

  /** Sells `productName` by `method` and leaves the dialog open on its result. */
  async sell(productName: string, method: 'checkout' | 'payment_link' | 'cash' | 'terminal'): Promise<Locator> {
    await this.root.getByTestId('open-sell').click();
    await expect(this.sellDialog).toBeVisible();
    await this.sellDialog.getByRole('combobox').click();
    await this.page.getByRole('option', { name: new RegExp(`^${productName} —`) }).click();
    await this.sellDialog.getByTestId(`sell-method-${method}`).click();
    await this.sellDialog.getByTestId('sell-submit').click();
    const result = this.sellDialog.getByTestId('sell-result');
    await expect(result).toBeVisible();
    return result;
  }

  /** The pay URL the QR code of the sell dialog encodes (shown beside it). */
  async payUrl(): Promise<string> {
    const qr = this.sellDialog.getByTestId('pay-qr');
    await expect(qr.getByTestId('pay-qr-image')).toHaveAttribute('src', /^data:image\/png;base64,/);
    return (await qr.getByTestId('pay-url').textContent()) ?? '';
  }

  async closeSell(): Promise<void> {
    await this.sellDialog.getByTestId('sell-done').click();
    await expect(this.sellDialog).toBeHidden();
  }

  /** The payments table's rows (newest first). */
  sales(): Locator { return this.root.getByTestId('member-sales').locator('tbody tr'); }
  saleStatus(row: Locator): Locator { return row.getByTestId('sale-status'); }
}
