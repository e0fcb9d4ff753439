import { expect, type Locator, type Page } from '@playwright/test';

/** The live class monitor (`#/live/<occurrenceId>`): tiles, alerts, the simulator controls, the connection. */
export class LivePage {
  readonly root: Locator;
  readonly title: Locator;
  readonly connection: Locator;
  readonly simulatedChip: Locator;
  readonly simulatedBanner: Locator;
  readonly tiles: Locator;
  readonly alerts: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('live-page');
    this.title = page.getByTestId('live-title');
    this.connection = page.getByTestId('live-connection');
    this.simulatedChip = page.getByTestId('live-simulated');
    this.simulatedBanner = page.getByTestId('live-simulated-banner');
    this.tiles = page.getByTestId('live-tiles').locator('[data-testid^="live-tile-"]');
    this.alerts = page.getByTestId('live-alerts').locator('li');
  }

  /** Opens the monitor of a class in the studio this page already shows (the hash route). */
  async open(occurrenceId: number): Promise<void> {
    await this.page.evaluate((id) => { window.location.hash = `#/live/${String(id)}`; }, occurrenceId);
    await expect(this.root).toBeVisible();
  }

  /** From a class page (Classes → a class): its "Live monitor" button. */
  async openFromClassPage(): Promise<void> {
    await this.page.getByTestId('open-live').click();
    await expect(this.root).toBeVisible();
  }

  async backToClassPage(): Promise<void> {
    await this.page.getByTestId('live-class-page').click();
    await expect(this.page.getByTestId('class-page')).toBeVisible();
  }

  async waitUntilLive(): Promise<void> {
    await expect(this.connection).toHaveAttribute('data-state', 'live');
  }

  /** How many times the page has (re)connected and received the whole state. */
  async connects(): Promise<number> {
    return Number(await this.connection.getAttribute('data-connects'));
  }

  /** Drops the page's WebSocket (as a lost network would) and waits until it has reconnected with the state. */
  async dropAndReconnect(): Promise<void> {
    const before = await this.connects();
    await this.page.evaluate(() => { (window as unknown as { __dropLive?: () => void }).__dropLive?.(); });
    await expect(this.connection).toHaveAttribute('data-connects', String(before + 1));
    await this.waitUntilLive();
  }

  async startSimulated(speed: 1 | 5 | 10 | 30): Promise<void> {
    await this.page.getByTestId('live-speed').click();
    await this.page.getByRole('option', { name: `${String(speed)}×` }).click();
    await this.page.getByTestId('live-start-simulated').click();
    await expect(this.simulatedChip).toBeVisible();
  }

  tile(memberId: number): Locator {
    return this.page.getByTestId(`live-tile-${String(memberId)}`);
  }

  /** The first alert of a kind not yet acknowledged. */
  openAlert(kind: string): Locator {
    return this.page.locator(`[data-testid^="live-alert-"][data-kind="${kind}"][data-acknowledged="false"]`).first();
  }

  async acknowledge(alert: Locator): Promise<string> {
    const id = (await alert.getAttribute('data-testid'))!;
    await alert.getByTestId('live-acknowledge').click();
    await expect(this.page.getByTestId(id)).toHaveAttribute('data-acknowledged', 'true');
    return id;
  }
}
