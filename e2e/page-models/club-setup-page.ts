import { expect, type Locator, type Page } from '@playwright/test';

/** Club setup: rooms, class types, trainers, opening hours and scheduler settings. */
export class ClubSetupPage {
  readonly root: Locator;
  readonly loadDemoButton: Locator;
  readonly saveButton: Locator;
  readonly error: Locator;
  readonly demandSource: Locator;
  readonly roomRows: Locator;
  readonly classTypeRows: Locator;
  readonly trainerRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('club-setup-page');
    this.loadDemoButton = page.getByTestId('load-demo-club');
    this.saveButton = page.getByTestId('save-setup');
    this.error = page.getByTestId('setup-error');
    this.demandSource = page.getByTestId('demand-source');
    this.roomRows = page.getByTestId('setup-rooms-row');
    this.classTypeRows = page.getByTestId('setup-class-types-row');
    this.trainerRows = page.getByTestId('setup-trainers-row');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-club').click();
    await expect(this.root).toBeVisible();
  }

  /** Loads the demo club (confirming the replacement when the club is already set up). */
  async loadDemoClub(): Promise<void> {
    const empty = (await this.root.getAttribute('data-empty')) === 'true';
    await this.loadDemoButton.click();
    if (!empty) await this.page.getByTestId('confirm-button').click();
    await expect(this.page.getByTestId('message-alert')).toContainText('Demo club loaded');
    await expect(this.root).toHaveAttribute('data-empty', 'false');
  }

  /** Opens the edit dialog of one trainer by row number. */
  async editTrainer(index: number): Promise<Locator> {
    await this.trainerRows.nth(index).getByTestId('setup-trainers-edit').click();
    const dialog = this.page.getByTestId('setup-trainers-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
