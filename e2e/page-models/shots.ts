import type { Page } from '@playwright/test';

/** Saves a full-page screenshot under e2e/artifacts/, numbered in the order taken. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}
