/**
 * Staff sign-in on a studio of its own (a fresh database, so a real first run): the first manager
 * is created, adds a trainer, signs out; the trainer signs in, must change the password, sets a
 * PIN, cannot open Settings (not even by URL) and is refused a manager action; the screen is
 * locked, a wrong PIN counts down, the right one unlocks; the quick switch keeps the other
 * person's session locked. Then a page from another origin tries to act on the studio, and the
 * studio refuses it before anything runs.
 */
import { expect, test } from '@playwright/test';
import { StudioApp } from './page-models/studio-app';
import { ChangePasswordScreen, FirstRunScreen, LockScreen, SignInScreen } from './page-models/auth-screens';
import { StaffSection } from './page-models/staff-section';
import { snap } from './page-models/shots';
import { postWithHost, startOtherOrigin, startOwnStudio, type OwnStudio } from './support/own-studio';
import type { MeView, StaffAccount } from '../main/contract/index';

const MIA = { name: 'Mia Manager', username: 'mia', password: 'Quiet-harbour-42', pin: '2580' };
const TOM = { name: 'Tom Trainer', username: 'tom', role: 'trainer' as const, password: 'Bright-meadow-17', newPassword: 'Silver-canyon-58', pin: '4826' };

let studio: OwnStudio;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => { studio = await startOwnStudio(); });
test.afterAll(async () => { await studio?.stop(); });

test('first run, a trainer account, the forced password change, role limits, lock, PIN and quick switch', async ({ page }) => {
  const app = new StudioApp(page);
  const firstRun = new FirstRunScreen(page);
  await page.goto(studio.url);
  await firstRun.waitFor();
  await snap(page, 'auth-01-first-run');

  // Errors land on the field they are about: the two passwords, then a password the host refuses.
  await firstRun.create({ ...MIA, passwordAgain: 'something-else-1' });
  await expect(firstRun.field('first-run', 'passwordAgain')).toContainText('the two passwords differ');
  await firstRun.create({ ...MIA, password: 'short1', passwordAgain: 'short1' });
  await expect(firstRun.field('first-run', 'password')).toContainText('at least 10 characters');
  await snap(page, 'auth-02-first-run-error');
  await firstRun.create(MIA);
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');
  await expect(page.getByTestId('set-pin-dialog')).toHaveCount(0); // the PIN was given at first run

  // The manager adds a trainer; a bad username is named on its field.
  await page.getByTestId('nav-settings').click();
  const staff = new StaffSection(page);
  await staff.add({ ...TOM, username: 't' });
  await expect(staff.addField('username')).toContainText('at least 3 characters');
  await staff.addDialog.getByTestId('staff-username').fill(TOM.username);
  await staff.addDialog.getByTestId('add-staff-dialog-save').click();
  await expect(staff.addDialog).toBeHidden();
  await expect(staff.row('tom').getByTestId('staff-state')).toHaveText('must change password');
  await expect(staff.row('tom').getByTestId('staff-role')).toHaveText('trainer');
  await snap(page, 'auth-03-staff');
  await app.signOut();

  // Too many wrong passwords for one account are refused for a while, said as it comes.
  const signIn = new SignInScreen(page);
  for (let i = 0; i < 5; i++) {
    await signIn.signIn({ username: 'ghost', password: `wrong-password-${i}` });
    await expect(signIn.field('sign-in', 'password')).toContainText('the username or password is wrong');
  }
  await signIn.signIn({ username: 'ghost', password: 'wrong-password-5' });
  await expect(signIn.error).toContainText(/too many failed sign-ins for this account: try again in \d+ min/);

  // The trainer signs in with the first password and must choose their own.
  await signIn.signIn(TOM);
  const change = new ChangePasswordScreen(page);
  await change.waitFor();
  await snap(page, 'auth-04-must-change-password');
  const refused = await app.call('members/list');
  expect(refused.status).toBe(403);
  expect(refused.error?.message).toContain('choose a new one first');
  await change.change(TOM.password, TOM.newPassword);
  await expect(app.signedInAs).toHaveText('Tom Trainer · trainer');

  // Signed in without a PIN: the studio offers to set one.
  const pinDialog = page.getByTestId('set-pin-dialog');
  await expect(pinDialog).toBeVisible();
  await pinDialog.getByTestId('set-pin-password').fill(TOM.newPassword);
  await pinDialog.getByTestId('set-pin-pin').fill(TOM.pin);
  await pinDialog.getByTestId('set-pin-save').click();
  await expect(pinDialog).toBeHidden();

  // A trainer sees no Settings or Audit, and a direct URL says which role it needs.
  await expect(page.getByTestId('nav-members')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  await page.goto(`${studio.url}/#/settings`);
  await expect(page.getByTestId('needs-role')).toContainText('Settings needs the manager role');
  await expect(page.getByTestId('settings-page')).toHaveCount(0);
  await snap(page, 'auth-05-trainer-needs-role');
  await page.goto(`${studio.url}/#/audit`);
  await expect(page.getByTestId('needs-role')).toContainText('Audit needs the manager role');
  // A manager action is refused by the host, whatever the screen shows.
  const createStaff = await app.call('staff/create', { name: 'Eve Sneaky', username: 'eve', role: 'manager', password: 'Open-sesame-99x' });
  expect(createStaff.status).toBe(403);
  expect(createStaff.error?.reason).toBe('forbidden');
  expect(createStaff.error?.message).toContain('manager role');
  // The club setup is there to read, not to change.
  await page.goto(`${studio.url}/#/club`);
  await expect(page.getByTestId('club-setup-page')).toBeVisible();
  await expect(page.getByTestId('setup-read-only')).toBeVisible();
  await expect(page.getByTestId('load-demo-club')).toHaveCount(0);

  // Lock: a wrong PIN counts the tries left; the right one unlocks.
  await app.lock();
  const lock = new LockScreen(page);
  await expect(lock.sessions).toHaveCount(1);
  await lock.unlock('9137');
  await expect(lock.secretField).toContainText('wrong PIN: 4 tries left');
  await snap(page, 'auth-06-wrong-pin');
  await lock.unlock(TOM.pin);
  await expect(app.signedInAs).toHaveText('Tom Trainer · trainer');
  const tomId = Number(await app.signedInAs.getAttribute('data-staff-id'));

  // Quick switch: lock, the manager signs in beside the trainer; the trainer's session stays locked.
  await app.lock();
  const other = await lock.signInSomeoneElse();
  await other.signIn(MIA);
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');
  const miaId = Number(await app.signedInAs.getAttribute('data-staff-id'));
  expect((await app.call<MeView>('auth/me', {}, tomId)).value?.locked).toBe(true);
  await app.lock();
  await expect(lock.sessions).toHaveCount(2);
  await snap(page, 'auth-07-quick-switch');
  await lock.pick(TOM.name);
  await lock.unlock(TOM.pin);
  await expect(app.signedInAs).toHaveText('Tom Trainer · trainer');
  expect((await app.call<MeView>('auth/me', {}, miaId)).value?.locked).toBe(true);
});

test('a page from another origin cannot act on the studio', async ({ page }) => {
  const app = new StudioApp(page);
  await app.open(MIA, studio.url);
  const before = await app.call<StaffAccount[]>('staff/list');
  expect(before.ok).toBe(true);
  const token = await app.token();

  const api = `${studio.url}/api/staff/create`;
  const body = JSON.stringify({ name: 'Eve Sneaky', username: 'eve', role: 'manager', password: 'Open-sesame-99x' });
  const attacker = await startOtherOrigin(`<!doctype html><html><body>
    <iframe name="sink"></iframe>
    <form id="f" method="POST" action="${api}" enctype="text/plain" target="sink"><input name='{"x":"' value='"}'></form>
    <script>
      const results = {};
      window.__results = results;
      const done = [
        fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(body)}, mode: 'no-cors' })
          .then((r) => { results.noCors = r.type; }, (e) => { results.noCors = 'error: ' + e.message; }),
        fetch(${JSON.stringify(api)}, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ${token}' }, body: ${JSON.stringify(body)} })
          .then((r) => { results.json = 'answered ' + r.status; }, (e) => { results.json = 'blocked: ' + e.message; }),
      ];
      document.getElementById('f').submit();
      Promise.all(done).then(() => { results.done = true; });
    </script></body></html>`);
  try {
    const statuses: number[] = [];
    const other = await page.context().newPage();
    other.on('response', (r) => { if (r.url() === api) statuses.push(r.status()); });
    await other.goto(attacker.url);
    await expect.poll(() => other.evaluate(() => (window as unknown as { __results: { done?: boolean } }).__results.done)).toBe(true);
    const results = await other.evaluate(() => (window as unknown as { __results: Record<string, string> }).__results);
    // The no-cors POST reaches the studio and is answered 403; the JSON one fails its CORS preflight.
    expect(results.noCors).toBe('opaque');
    expect(results.json).toMatch(/^blocked/);
    await expect.poll(() => statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 403 || s === 405)).toBe(true);
    expect(statuses).toContain(403);
    await other.close();
  } finally {
    await attacker.close();
  }
  // A page that rebinds its own name to this machine names another Host: refused too.
  expect(await postWithHost(studio.port, '/api/auth/status', `rebind.example:${studio.port}`, {})).toBe(403);

  const after = await app.call<StaffAccount[]>('staff/list');
  expect(after.value!.length).toBe(before.value!.length);
  expect(after.value!.some((s) => s.username === 'eve')).toBe(false);
  const audit = await app.call<{ total: number }>('audit/list', { action: 'staff.create' });
  expect(audit.value?.total).toBe(1); // Tom only
});

test('an idle screen locks itself, an active one keeps its session alive, and the host has the last word', async ({ page }) => {
  const app = new StudioApp(page);
  const lock = new LockScreen(page);
  const calls: string[] = [];
  page.on('request', (r) => { const m = /\/api\/(auth\/[a-z-]+)$/.exec(r.url()); if (m) calls.push(m[1]!); });
  await page.clock.install();
  await app.open(MIA, studio.url);

  // Someone is using the screen: a heartbeat (auth/me) at most once a minute.
  await page.clock.fastForward('00:50');
  await page.mouse.move(200, 300);
  await page.clock.fastForward('00:15');
  await expect.poll(() => calls.filter((c) => c === 'auth/me').length).toBeGreaterThanOrEqual(1);

  // Nobody touches it for the lock time (5 min): the studio locks itself.
  await page.clock.fastForward('05:05');
  await expect(lock.root).toBeVisible();
  expect(calls).toContain('auth/lock');
  await lock.unlock(MIA.pin);
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');

  // The host locks the session (as after a long pause): the next call shows the lock screen.
  expect((await app.call('auth/lock')).ok).toBe(true);
  await page.getByTestId('nav-audit').click();
  await expect(lock.root).toBeVisible();
  await lock.unlock(MIA.pin);
  await expect(page.getByTestId('audit-page')).toBeVisible();

  // Five wrong PINs end the session: the password is needed again.
  await app.lock();
  for (const left of [4, 3, 2, 1]) {
    await lock.unlock('9137');
    await expect(lock.secretField).toContainText(`${left} ${left === 1 ? 'try' : 'tries'} left`);
  }
  await lock.unlock('9137');
  const signIn = new SignInScreen(page);
  await signIn.waitFor();
  await expect(signIn.reason).toContainText('Mia Manager: 5 wrong tries: you were signed out');
  await signIn.signIn(MIA);
  await expect(app.signedInAs).toHaveText('Mia Manager · manager');

  // The host ends the session: the next call asks to sign in again, saying why.
  expect((await app.call('auth/sign-out')).ok).toBe(true);
  await page.getByTestId('nav-settings').click();
  await signIn.waitFor();
  await expect(signIn.reason).toContainText('Mia Manager: you were signed out: sign in again');
  await snap(page, 'auth-08-session-ended');
});
