/**
 * Inventories (issue 14 §6): a manager edits the club inventory in Settings, in lb and kg; a
 * bad field is refused with its name; a member gets a home gym on their page, and the member
 * page says which inventory their loads round to. Leaves the club inventory at the default.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { MembersPage } from './page-models/members-page';
import { InventoryForm } from './page-models/inventory';

test('club inventory in Settings, in kg and lb, and a member\'s home gym', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open();
  await page.getByTestId('nav-settings').click();
  const club = new InventoryForm(page, 'club-inventory-form');
  await expect(club.root).toBeVisible();
  await expect(page.getByTestId('club-inventory-status')).toContainText('Not set');
  await expect(club.field('dumbbells')).toHaveValue('2–10 by 1, 12–50 by 2');

  // Shown in lb: the same 20 kg bar is 44.092 lb.
  await club.unit('lb');
  await expect(club.field('bar')).toHaveValue('44.092');
  await club.unit('kg');
  await club.field('plates').fill('20 × 4, 10 × 2, 2.5 × two');
  await page.getByTestId('club-inventory-form-save').click();
  await expect(club.root).toContainText('inventory.plateKg: "2.5 × two" is not a plate');
  await expect(page.getByTestId('club-inventory-status')).toContainText('Not set');
  await club.field('plates').fill('20 × 4, 10 × 2, 5 × 2, 2.5 × 2, 1.25 × 2');
  await club.field('dumbbells').fill('2-30 by 2');
  await club.save();
  await expect(page.getByTestId('club-inventory-status')).toContainText('Loads round to this inventory');
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(club.field('dumbbells')).toHaveValue('2–30 by 2');
  await expect(club.field('plates')).toHaveValue('20 × 4, 10 × 2, 5 × 2, 2.5 × 2, 1.25 × 2');

  const members = new MembersPage(page);
  await app.goToMembers();
  await members.ensureDemoClub();
  await members.openDemoMember(0);
  const section = page.getByTestId('member-inventory');
  await expect(page.getByTestId('member-inventory-source')).toHaveAttribute('data-source', 'club');
  await section.getByTestId('member-inventory-edit').click();
  const home = new InventoryForm(page, 'member-inventory-form');
  await home.field('dumbbells').fill('10, 20');
  await home.save();
  await expect(page.getByTestId('member-inventory-source')).toHaveAttribute('data-source', 'member');
  await section.getByTestId('member-inventory-clear').click();
  await expect(page.getByTestId('member-inventory-source')).toHaveAttribute('data-source', 'club');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('club-inventory-reset').click();
  await expect(page.getByTestId('club-inventory-status')).toContainText('Not set');
});
