import type { Locator, Page } from '@playwright/test';

/** Saves a full-page screenshot under e2e/artifacts/, numbered in the order taken. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true });
}

/**
 * Saves one element as it sits on the page, under e2e/artifacts/. Taken from a full-page capture
 * at scroll 0, so the fixed app bar stays at the top instead of covering a tall element.
 */
export async function snapElement(page: Page, element: Locator, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await element.boundingBox();
  if (!box) throw new Error(`${name}: the element is not visible`);
  await page.screenshot({ path: `e2e/artifacts/${name}.png`, fullPage: true, clip: box });
}
