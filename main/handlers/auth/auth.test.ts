/**
 * Sign-in, sessions and staff accounts through the host on a real SQLite file, with a movable
 * clock: first run, wrong passwords and the rate limits, the screen lock and the PIN quick
 * switch (HTTP and IPC), expiry, disabled accounts, resets, the last-manager guard, trainers'
 * own members, and the audit trail of all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../contract/errors';
import type { AuditPage, MeView, Member, MemberSummary, SignedInView, StaffAccount } from '../../contract/index';
import type { Caller } from '../../host/context';
import { createHost, type Host } from '../../host/host';
import { createIpcCalls } from '../../ipc/calls';

let dir: string;
let host: Host;
let clock = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;
const signedOut = (address = '10.0.0.5'): Caller => ({ transport: 'http', staff: null, session: null, address });
let manager: SignedInView;

async function call<T>(name: string, input: unknown, who: Caller): Promise<T> {
  const env = await host.call(name, input, who);
  if (!env.ok) throw Object.assign(new Error(`${name}: ${env.error.reason}: ${env.error.message}`), env.error);
  return env.value as T;
}
async function fails(name: string, input: unknown, who: Caller): Promise<{ reason: string; message: string; field?: string }> {
  const env = await host.call(name, input, who) as Envelope<unknown>;
  if (env.ok) throw new Error(`${name} should have failed`);
  return env.error;
}
const as = (token: string | null): Caller => host.authenticate(token, { transport: 'http', address: '10.0.0.5' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-auth-'));
  host = createHost(join(dir, 'studio.db'), { now: () => new Date(clock) });
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('first run', () => {
  it('serves only status and create-first until a manager exists, checks the password, and refuses a second first manager', async () => {
    expect(await call('auth/status', {}, signedOut())).toMatchObject({ needsFirstManager: true });
    expect(await fails('members/list', {}, signedOut())).toMatchObject({ reason: 'unauthorized', message: expect.stringMatching(/not set up yet/) });
    expect(await fails('auth/create-first', { name: 'Mia Manager', username: 'mia', password: 'short' }, signedOut())).toMatchObject({ reason: 'invalid_input', field: 'password' });
    expect(await fails('auth/create-first', { name: 'Mia Manager', username: 'mia', password: 'mia-is-the-boss-here' }, signedOut())).toMatchObject({ field: 'password' });
    manager = await call<SignedInView>('auth/create-first', { name: 'Mia Manager', username: 'Mia', password: 'correct horse battery staple', pin: '2468' }, signedOut());
    expect(manager).toMatchObject({ staff: { name: 'Mia Manager', role: 'manager' }, hasPin: true });
    expect(manager.token).toMatch(/^sts_[A-Za-z0-9_-]{43}$/);
    expect(await fails('auth/create-first', { name: 'Eve', username: 'eve', password: 'another long password' }, signedOut())).toMatchObject({ reason: 'conflict' });
    const stored = host.store.sqlite.prepare('SELECT token_hash AS h FROM staff_sessions').all() as Array<{ h: string }>;
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.h) && !manager.token!.includes(r.h))).toBe(true);
    const hash = host.store.sqlite.prepare("SELECT password_hash AS h FROM staff WHERE username = 'mia'").get() as { h: string };
    expect(hash.h).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
  });
});

describe('signing in', () => {
  it('says only "wrong username or password", and limits failures per account', async () => {
    const wrong = await fails('auth/sign-in', { username: 'mia', password: 'not the password' }, signedOut());
    expect(wrong).toMatchObject({ reason: 'wrong_secret', field: 'password', message: 'the username or password is wrong' });
    expect((await fails('auth/sign-in', { username: 'nobody', password: 'not the password' }, signedOut())).message).toBe(wrong.message);
    for (let i = 0; i < 4; i++) await fails('auth/sign-in', { username: 'mia', password: `wrong ${i}` }, signedOut(`10.0.1.${i}`));
    const limited = await fails('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut('10.0.9.9'));
    expect(limited).toMatchObject({ reason: 'rate_limited', message: expect.stringMatching(/this account: try again in 15 min/) });
    clock += 16 * MIN;
    const ok = await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut());
    expect(ok.staff.name).toBe('Mia Manager');
    manager = ok;
    const audit = await call<AuditPage>('audit/list', { action: 'auth.*' }, as(manager.token));
    const actions = audit.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.sign-in-failed')).toHaveLength(6);
    expect(actions).toContain('auth.rate-limited');
    expect(actions).toContain('auth.sign-in');
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < 20; i++) await fails('auth/sign-in', { username: `guess${i}`, password: 'whatever it is' }, signedOut('10.0.66.6'));
    expect(await fails('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut('10.0.66.6'))).toMatchObject({ reason: 'rate_limited', message: expect.stringMatching(/this address/) });
    expect((await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut('10.0.66.7'))).staff.name).toBe('Mia Manager');
  });
});

describe('staff accounts', () => {
  let trainer: StaffAccount;
  it('a manager creates a trainer, who must change the first password before anything else', async () => {
    trainer = await call<StaffAccount>('staff/create', { name: 'Tom Trainer', username: 'tom', role: 'trainer', password: 'first day password 1' }, as(manager.token));
    expect(trainer).toMatchObject({ canSignIn: true, mustChangePassword: true, hasPin: false, lastSeenAt: null });
    const accounts = await call<StaffAccount[]>('staff/list', {}, as(manager.token));
    expect(accounts.find((a) => a.username === 'mia')?.lastSeenAt).toBe(new Date(clock).toISOString());
    expect(await fails('staff/create', { name: 'Tom Two', username: 'TOM', role: 'trainer', password: 'another long password' }, as(manager.token))).toMatchObject({ reason: 'conflict', field: 'username' });
    const tom = await call<SignedInView>('auth/sign-in', { username: 'tom', password: 'first day password 1' }, signedOut());
    expect(tom.mustChangePassword).toBe(true);
    expect(await fails('members/list', {}, as(tom.token))).toMatchObject({ reason: 'forbidden', message: expect.stringMatching(/new one first/) });
    await call<MeView>('auth/change-password', { currentPassword: 'first day password 1', newPassword: 'lifts on tuesdays 9' }, as(tom.token));
    expect(Array.isArray(await call<MemberSummary[]>('members/list', {}, as(tom.token)))).toBe(true);
    expect(await fails('staff/list', {}, as(tom.token))).toMatchObject({ reason: 'forbidden', message: expect.stringMatching(/manager role; you are signed in as trainer/) });
  });

  it('disabling ends the sessions; the last manager cannot be disabled or demoted', async () => {
    const tom = await call<SignedInView>('auth/sign-in', { username: 'tom', password: 'lifts on tuesdays 9' }, signedOut());
    await call('staff/disable', { staffId: trainer.id }, as(manager.token));
    expect(await fails('auth/me', {}, as(tom.token))).toMatchObject({ reason: 'unauthorized' });
    expect(await fails('auth/sign-in', { username: 'tom', password: 'lifts on tuesdays 9' }, signedOut())).toMatchObject({ reason: 'forbidden', message: expect.stringMatching(/disabled/) });
    await call('staff/enable', { staffId: trainer.id }, as(manager.token));
    expect(await fails('staff/disable', { staffId: manager.staff.id }, as(manager.token))).toMatchObject({ reason: 'conflict' });
    expect(await fails('staff/update', { staffId: manager.staff.id, role: 'trainer' }, as(manager.token))).toMatchObject({ reason: 'conflict', message: expect.stringMatching(/only manager/) });
  });

  it('a password reset ends the sessions and asks for a new password at the next sign-in', async () => {
    const tom = await call<SignedInView>('auth/sign-in', { username: 'tom', password: 'lifts on tuesdays 9' }, signedOut());
    await call('staff/reset-password', { staffId: trainer.id, password: 'reset by the manager' }, as(manager.token));
    expect(await fails('auth/me', {}, as(tom.token))).toMatchObject({ reason: 'unauthorized', message: expect.stringMatching(/signed out/) });
    const again = await call<SignedInView>('auth/sign-in', { username: 'tom', password: 'reset by the manager' }, signedOut());
    expect(again.mustChangePassword).toBe(true);
    expect(await fails('auth/change-password', { currentPassword: 'not it at all', newPassword: 'squats on fridays 8' }, as(again.token))).toMatchObject({ reason: 'wrong_secret', field: 'currentPassword' });
    await call('auth/change-password', { currentPassword: 'reset by the manager', newPassword: 'squats on fridays 8' }, as(again.token));
  });
});

describe('the screen lock and the quick switch', () => {
  it('locks after the lock minutes without use, unlocks with the PIN, and ends the session after 5 wrong PINs', async () => {
    const s = await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut());
    clock += 6 * MIN;
    expect(await fails('members/list', {}, as(s.token))).toMatchObject({ reason: 'locked' });
    expect(await call<MeView>('auth/me', {}, as(s.token))).toMatchObject({ locked: true });
    const wrong = await fails('auth/unlock', { staffId: s.staff.id, pin: '1357' }, as(s.token));
    expect(wrong).toMatchObject({ reason: 'wrong_secret', field: 'pin', message: expect.stringMatching(/4 tries left/) });
    expect(await call<MeView>('auth/unlock', { staffId: s.staff.id, pin: '2468' }, as(s.token))).toMatchObject({ locked: false });
    expect(Array.isArray(await call('members/list', {}, as(s.token)))).toBe(true);
    await call('auth/lock', {}, as(s.token));
    for (let i = 0; i < 4; i++) await fails('auth/unlock', { staffId: s.staff.id, pin: '9753' }, as(s.token));
    const lockout = await fails('auth/unlock', { staffId: s.staff.id, pin: '9753' }, as(s.token));
    expect(lockout).toMatchObject({ reason: 'unauthorized', message: expect.stringMatching(/signed out/) });
    expect(lockout.field).toBeUndefined();
    expect(await fails('auth/unlock', { staffId: s.staff.id, pin: '2468' }, as(s.token))).toMatchObject({ reason: 'unauthorized' });
  });

  it('ends a session after an hour unused, and after 12 h whatever happens', async () => {
    const s = await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut());
    clock += 61 * MIN;
    expect(await fails('auth/me', {}, as(s.token))).toMatchObject({ reason: 'unauthorized', message: expect.stringMatching(/without use/) });
    const long = await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut());
    for (let h = 0; h < 12; h++) {
      clock += 59 * MIN;
      await call('auth/me', {}, as(long.token));
      await call('auth/unlock', { staffId: long.staff.id, pin: '2468' }, as(long.token));
    }
    clock += 13 * MIN;
    expect(await fails('auth/me', {}, as(long.token))).toMatchObject({ reason: 'unauthorized', message: expect.stringMatching(/12 h/) });
  });

  it('in the desktop window, the window holds the tokens and switching needs the PIN', async () => {
    const ipc = createIpcCalls(host);
    const w = 7;
    const mia = await ipc.call(w, { name: 'auth/sign-in', input: { username: 'mia', password: 'correct horse battery staple' }, callId: '1' });
    expect(mia).toMatchObject({ ok: true, value: { token: null, staff: { name: 'Mia Manager' } } });
    const tom = await ipc.call(w, { name: 'auth/sign-in', input: { username: 'tom', password: 'squats on fridays 8' }, callId: '2' });
    expect(tom).toMatchObject({ ok: true, value: { token: null, staff: { name: 'Tom Trainer' } } });
    expect(await ipc.call(w, { name: 'staff/list', input: {}, callId: '3' })).toMatchObject({ ok: false, error: { reason: 'forbidden' } });
    await ipc.call(w, { name: 'auth/lock', input: {}, callId: '4' });
    const miaId = (mia as { value: SignedInView }).value.staff.id;
    expect(await ipc.call(w, { name: 'auth/unlock', input: { staffId: miaId, pin: '0000' }, callId: '5' })).toMatchObject({ ok: false, error: { reason: 'wrong_secret', field: 'pin' } });
    expect(await ipc.call(w, { name: 'staff/list', input: {}, callId: '6' })).toMatchObject({ ok: false, error: { reason: 'locked' } });
    expect(await ipc.call(w, { name: 'auth/unlock', input: { staffId: miaId, pin: '2468' }, callId: '7' })).toMatchObject({ ok: true });
    expect(await ipc.call(w, { name: 'staff/list', input: {}, callId: '8' })).toMatchObject({ ok: true });
    expect(await ipc.call(99, { name: 'staff/list', input: {}, callId: '9' })).toMatchObject({ ok: false, error: { reason: 'unauthorized' } });
    expect(await ipc.call(w, { name: 'staff/list', input: {}, staffId: 1, callId: '10' })).toMatchObject({ ok: false, error: { reason: 'invalid_input' } });
    const again = await ipc.call(w, { name: 'auth/sign-in', input: { username: 'tom', password: 'squats on fridays 8' }, callId: '12' });
    expect(again.ok).toBe(true);
    const open = host.store.sqlite.prepare("SELECT count(*) AS c FROM staff_sessions s JOIN staff ON staff.id = s.staff_id WHERE staff.username = 'tom' AND s.transport = 'ipc' AND s.revoked_at IS NULL").get();
    expect(open).toEqual({ c: 1 });
    await ipc.forget(w);
    expect(await ipc.call(w, { name: 'auth/me', input: {}, callId: '11' })).toMatchObject({ ok: false, error: { reason: 'unauthorized' } });
  });
});

describe("trainers' own members", () => {
  it('a trainer sees and changes their own and unassigned members, not another trainer\'s', async () => {
    const m = as((await call<SignedInView>('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, signedOut())).token);
    const ann = await call<StaffAccount>('staff/create', { name: 'Ann Coach', username: 'ann', role: 'trainer', password: 'sunrise sessions 42', mustChangePassword: false }, m);
    const tomToken = (await call<SignedInView>('auth/sign-in', { username: 'tom', password: 'squats on fridays 8' }, signedOut())).token;
    const annToken = (await call<SignedInView>('auth/sign-in', { username: 'ann', password: 'sunrise sessions 42' }, signedOut())).token;
    const mine = await call<Member>('members/create', { name: 'Tom Member' }, as(tomToken));
    expect(mine.trainer?.name).toBe('Tom Trainer');
    const free = await call<Member>('members/create', { name: 'Club Member', trainerStaffId: null }, m);
    const annList = await call<MemberSummary[]>('members/list', {}, as(annToken));
    expect(annList.map((x) => x.name)).toContain('Club Member');
    expect(annList.map((x) => x.name)).not.toContain('Tom Member');
    expect(await fails('members/get', { memberId: mine.id }, as(annToken))).toMatchObject({ reason: 'forbidden', field: 'memberId' });
    expect(await fails('plans/generate', { memberId: mine.id }, as(annToken))).toMatchObject({ reason: 'forbidden' });
    expect(await fails('members/update', { memberId: mine.id, patch: { trainerStaffId: ann.id } }, as(annToken))).toMatchObject({ reason: 'forbidden' });
    expect((await call<Member>('members/get', { memberId: free.id }, as(annToken))).name).toBe('Club Member');
    expect((await call<Member>('members/update', { memberId: free.id, patch: { trainerStaffId: ann.id } }, as(annToken))).trainer?.name).toBe('Ann Coach');
    expect((await call<Member>('members/update', { memberId: mine.id, patch: { trainerStaffId: ann.id } }, m)).trainer?.name).toBe('Ann Coach');
    expect(await fails('members/get', { memberId: mine.id }, as(tomToken))).toMatchObject({ reason: 'forbidden' });
  });
});
