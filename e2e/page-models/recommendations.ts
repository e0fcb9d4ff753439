import { expect, type Locator, type Page } from '@playwright/test';
import { setRating } from './sliders';

export interface Ratings { difficulty: number; effectiveness: number; perceivedExertion: number; formQuality: number }
export interface CheckIn { sleep: number; energy: number; fatigue: number; soreness: number; pain?: string }

/** The member page's check-in dialog, recommendations and insights panel. */
export class RecommendationsPanel {
  readonly section: Locator;
  readonly cards: Locator;
  readonly latestCheckIn: Locator;
  readonly insights: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('recommendations-section');
    this.cards = this.section.getByTestId('recommendation-card');
    this.latestCheckIn = this.section.getByTestId('latest-checkin');
    this.insights = page.getByTestId('insights-panel');
  }

  async recordCheckIn(c: CheckIn): Promise<void> {
    await this.page.getByTestId('open-checkin').click();
    const dialog = this.page.getByTestId('checkin-dialog');
    await expect(dialog).toBeVisible();
    for (const key of ['sleep', 'energy', 'fatigue', 'soreness'] as const) await setRating(dialog.getByTestId(`checkin-${key}`), c[key]);
    if (c.pain !== undefined) {
      await dialog.getByTestId('checkin-pain').check();
      await dialog.getByTestId('checkin-pain-note').fill(c.pain);
    }
    await dialog.getByTestId('checkin-save').click();
    await expect(dialog).toBeHidden();
  }

  /** Presses "Suggest next session" and waits for at least one card. */
  async suggest(): Promise<void> {
    await this.section.getByTestId('suggest-next-session').click();
    await expect(this.page.getByTestId('message-alert')).toContainText(/suggestions for the next session/);
    await expect(this.cards.first()).toBeVisible();
  }

  /** The first pending card whose Accept button is enabled (not blocked by the safety layer). */
  async firstAcceptable(): Promise<Locator> {
    const pending = this.cards.filter({ has: this.page.locator('[data-testid="recommendation-accept"]:enabled') });
    await expect(pending.first()).toBeVisible();
    const id = await pending.first().getAttribute('data-recommendation-id');
    return this.section.locator(`[data-recommendation-id="${id}"]`);
  }

  /** Answers a card through the feedback dialog; `modify` fills the given fields (load in the shown unit). */
  async answer(
    card: Locator, action: 'accept' | 'modify' | 'skip', ratings: Ratings, minutes: number, notes: string,
    modify: Partial<Record<'load' | 'sets' | 'repMin' | 'repMax' | 'restS', number>> = {},
  ): Promise<void> {
    await card.getByTestId(`recommendation-${action}`).click();
    const dialog = this.page.getByTestId('feedback-dialog');
    await expect(dialog).toBeVisible();
    for (const [key, value] of Object.entries(modify)) await dialog.getByTestId(`modify-${key}`).fill(String(value));
    for (const [key, value] of Object.entries(ratings)) await setRating(dialog.getByTestId(`rating-${key}`), value);
    await dialog.getByTestId('feedback-minutes').fill(String(minutes));
    await dialog.getByTestId('feedback-notes').fill(notes);
    await dialog.getByTestId('feedback-save').click();
    await expect(dialog).toBeHidden();
  }
}
