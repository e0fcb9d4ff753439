/**
 * A studio for security tests and the security benchmark: a real SQLite file, the HTTP server on
 * a free port and the IPC layer, with one signed-in session per role and sessions in every state
 * a token can be in (expired, revoked, locked). The host's clock is fixed (and movable), so
 * sessions age only when a test says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../contract/errors';
import type { SignedInView, StaffRole } from '../contract/index';
import { createHost, type Host } from '../host/host';
import { createFirstManager } from '../host/testkit';
import { startHttpServer, type StartedServer } from '../http/server';
import { createIpcCalls, type IpcCalls } from '../ipc/calls';
import type { Caller } from '../host/context';

export const T0 = Date.parse('2026-12-01T09:00:00Z');
const PASSWORD = 'a long enough test password';

export type TokenCase = StaffRole | 'expired' | 'revoked' | 'locked';

export interface SecurityStudio {
  dir: string;
  host: Host;
  server: StartedServer;
  ipc: IpcCalls;
  manager: Caller;
  /** HTTP tokens by case. */
  tokens: Record<TokenCase, string>;
  /** IPC window ids by case (a window with that session active); `none` has no session. */
  windows: Record<TokenCase | 'none', number>;
  /** The staff id behind each case's session. */
  staffIds: Record<TokenCase, number>;
  /** Sets the host's clock (ms since the epoch). */
  setClock(ms: number): void;
  close(): Promise<void>;
}

function value<T>(env: Envelope<unknown>, what: string): T {
  if (!env.ok) throw new Error(`${what}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

/** Builds the studio; `staticDir` defaults to an empty folder. */
export async function startSecurityStudio(options: { staticDir?: string } = {}): Promise<SecurityStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-sec-'));
  let clock = T0;
  const host = createHost(join(dir, 'studio.db'), { now: () => new Date(clock) });
  const manager = await createFirstManager(host);
  const roles: StaffRole[] = ['manager', 'trainer', 'front_desk'];
  // One account per role, and one more manager whose sessions are revoked below.
  const accounts = [...roles.map((role) => ({ username: `the-${role.replace('_', '-')}`, role })), { username: 'soon-revoked', role: 'manager' as const }];
  const ids = new Map<string, number>();
  for (const a of accounts) {
    const made = value<{ id: number }>(await host.call('staff/create', { name: a.username, username: a.username, role: a.role, password: PASSWORD, mustChangePassword: false }, manager), 'staff/create');
    ids.set(a.username, made.id);
  }
  const login = (role: StaffRole) => `the-${role.replace('_', '-')}`;
  const http: Caller = { transport: 'http', staff: null, session: null, address: '127.0.0.1' };
  const signIn = async (username: string) =>
    value<SignedInView>(await host.call('auth/sign-in', { username, password: PASSWORD }, http), 'auth/sign-in').token!;
  const ipc = createIpcCalls(host);
  const windows = { none: 100 } as Record<TokenCase | 'none', number>;
  let next = 1;
  const ipcSignIn = async (username: string, windowId: number) =>
    value<SignedInView>(await ipc.call(windowId, { name: 'auth/sign-in', input: { username, password: PASSWORD }, callId: 'c1' }), 'ipc sign-in');

  // Expired: signed in 13 h before the others (a session lasts 12 h at most).
  clock = T0 - 13 * 3_600_000;
  const expired = await signIn(login('trainer'));
  await ipcSignIn(login('trainer'), (windows.expired = next++));
  clock = T0;
  const tokens = { expired } as Record<TokenCase, string>;
  for (const role of roles) {
    tokens[role] = await signIn(login(role));
    await ipcSignIn(login(role), (windows[role] = next++));
  }
  // Revoked: a manager's reset ends every session of the account, on both transports.
  tokens.revoked = await signIn('soon-revoked');
  await ipcSignIn('soon-revoked', (windows.revoked = next++));
  value(await host.call('staff/reset-pin', { staffId: ids.get('soon-revoked')! }, manager), 'staff/reset-pin');
  // Locked: the screen lock is on.
  tokens.locked = await signIn(login('manager'));
  value(await host.call('auth/lock', {}, host.authenticate(tokens.locked, { transport: 'http' })), 'auth/lock');
  await ipcSignIn(login('manager'), (windows.locked = next++));
  value(await ipc.call(windows.locked, { name: 'auth/lock', input: {}, callId: 'c2' }), 'ipc lock');

  const server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: options.staticDir ?? join(dir, 'static') });
  return {
    dir, host, server, ipc, manager, tokens, windows,
    staffIds: {
      manager: ids.get(login('manager'))!, trainer: ids.get(login('trainer'))!, front_desk: ids.get(login('front_desk'))!,
      expired: ids.get(login('trainer'))!, revoked: ids.get('soon-revoked')!, locked: ids.get(login('manager'))!,
    },
    setClock: (ms) => { clock = ms; },
    close: async () => { await server.close(); host.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}
