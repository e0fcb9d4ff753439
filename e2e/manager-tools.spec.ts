/**
 * A manager's tools on the shared studio: back up now, see the backup listed, restore it (the
 * current database is backed up first and everyone signs in again); the audit log filtered by
 * `auth.*` lists the sign-ins, a row opens to its before/after, and the CSV export downloads;
 * a member's data is exported, then the member is erased.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { SignInScreen } from './page-models/auth-screens';
import { BackupsSection } from './page-models/backups-section';
import { AuditPage } from './page-models/audit-page';
import { MANAGER } from './page-models/staff';
import { MembersPage } from './page-models/members-page';
import { MemberPage } from './page-models/member-page';
import { snap } from './page-models/shots';

test('backups: back up now, it is listed, restore it, everyone signs in again', async ({ page }) => {
  const app = new StudioApp(page);
  const backups = new BackupsSection(page);
  await app.open();
  await backups.open();
  const fileName = await backups.backUpNow();
  expect(fileName).toMatch(/^studio-[0-9TZ-]+-manual\.db$/);
  await expect(backups.chart).toBeVisible();
  await snap(page, 'backups-01-listed');

  const dialog = await backups.askToRestore(fileName);
  await expect(dialog).toContainText('The current database is backed up first');
  await expect(dialog).toContainText('signs in again');
  await snap(page, 'backups-02-restore-confirm');
  const oldToken = await app.token();
  await dialog.getByTestId('confirm-button').click();

  const signIn = new SignInScreen(page);
  await signIn.waitFor();
  await expect(signIn.reason).toContainText(`restored from ${fileName}`);
  await expect(app.title).toBeHidden();
  await snap(page, 'backups-03-signed-out');
  // The session ended on the host, and this tab forgot it.
  expect((await app.callWithToken(oldToken, 'auth/me')).status).toBe(401);
  const stored = await page.evaluate(() => window.sessionStorage.getItem('studio.sessions'));
  expect(stored ?? '').not.toContain('sts_');

  await signIn.signIn(MANAGER);
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');
  await app.skipPinPrompt();
  await backups.open();
  await expect(backups.rowsOfKind('before-restore').first()).toBeVisible();
});

test('audit: sign-ins under auth.*, an entry opens to before/after, the CSV export downloads', async ({ page }) => {
  const app = new StudioApp(page);
  const audit = new AuditPage(page);
  await app.open();
  await audit.open();
  const all = await audit.totalCount();
  await audit.filterAction('auth.*');
  expect(await audit.actions()).toContain('auth.sign-in');
  const filtered = await audit.totalCount();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThanOrEqual(all);
  const signInRow = audit.rows.filter({ has: page.locator('[data-testid="audit-action"]', { hasText: /^auth\.sign-in$/ }) }).first();
  await expect(signInRow.getByTestId('audit-person')).toContainText('Mia Manager');
  await signInRow.getByTestId('audit-expand').click();
  await expect(page.getByTestId('audit-after').first()).toContainText('"transport"');
  await snap(page, 'audit-01-auth-filter');

  const csv = await audit.exportCsv();
  expect(csv.fileName).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.content.trim().split('\n');
  expect(lines[0]).toBe('id,at,actor,role,via,action,entity,entity_id,before,after');
  expect(lines.length - 1).toBe(filtered);
  expect(lines.slice(1).every((l) => l.split(',')[5]?.startsWith('auth.'))).toBe(true);
});

test("a member's data: export every file, then erase the member and say what was removed", async ({ page }) => {
  const app = new StudioApp(page);
  const members = new MembersPage(page);
  const member = new MemberPage(page);
  const name = 'Erin Erasure';
  await app.open();
  await members.openNewMember();
  await page.getByTestId('member-name').fill(name);
  await expect(page.getByTestId('member-trainer')).toBeVisible(); // managers assign a trainer
  await page.getByTestId('create-member').click();
  await expect(page.getByTestId('member-name')).toHaveText(name);
  await expect(page.getByTestId('profile-trainer')).toHaveText('none (any trainer)');

  const files = await member.exportData();
  expect(files.map((f) => f.fileName.replace(/^member-\d+-\d{4}-\d\d-\d\d/, ''))).toEqual(['.json', '-sets.csv', '-sessions.csv', '-plans.csv', '-checkins.csv']);
  expect((JSON.parse(files[0]!.content) as { member: { name: string } }).member.name).toBe(name);

  const dialog = await member.erase(name);
  await snap(page, 'member-erase-confirm');
  await dialog.getByTestId('erase-confirm').click();
  await expect(page.getByTestId('members-table')).toBeVisible();
  await expect(app.messageAlert).toContainText(`${name} was erased:`);
  await expect(app.messageAlert).toContainText('removed');
  await page.getByTestId('member-search').fill(name);
  await expect(page.getByText(`No member matches “${name}”.`)).toBeVisible();
});
