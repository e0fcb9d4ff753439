import { expect, type Locator } from '@playwright/test';

/** Sets a 1–10 MUI slider (data-testid on its root) with the keyboard, and checks the shown value. */
export async function setRating(slider: Locator, value: number): Promise<void> {
  const input = slider.locator('input[type="range"]');
  await input.focus();
  await input.press('Home');
  for (let i = 1; i < value; i++) await input.press('ArrowRight');
  await expect(input).toHaveValue(String(value));
}
