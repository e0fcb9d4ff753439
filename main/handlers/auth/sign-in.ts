/**
 * First run and sign-in: the only operations served without a session. Sign-in is limited per
 * account and per address (`main/auth/policy.ts`), every attempt is recorded, and a refusal
 * never says whether the username exists.
 */
import { recordAudit } from '../../../db/audit';
import type { Db } from '../../../db/open';
import { pruneSignInAttempts, recentSignInAttempts, recordSignInAttempt } from '../../../db/sessions';
import { countSignInManagers, createStaffAccount, staffCredentials, usernameTaken, type StaffRow } from '../../../db/staff';
import { signInLimit, SIGN_IN_WINDOW_MS } from '../../auth/policy';
import { hashSecret, passwordProblem, pinProblem, verifySecret } from '../../auth/secrets';
import { sessionPolicy, startSession } from '../../auth/sessions';
import { StudioError } from '../../contract/errors';
import type { SignedInView } from '../../contract/index';
import { auditBy, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';

/** Opens a session for the caller's transport and describes it (the IPC layer strips the token). */
export function signedIn(db: Db, ctx: HandlerContext, staff: StaffRow, extra: { hasPin: boolean; mustChangePassword: boolean }): SignedInView {
  const policy = sessionPolicy(db);
  // The `studio` command works without sessions (see cliCaller): it gets none.
  if (ctx.caller.transport === 'cli') return { token: null, staff, expiresAt: ctx.now().toISOString(), policy, ...extra };
  const transport = ctx.caller.transport === 'ipc' ? 'ipc' : 'http';
  const { token, session } = startSession(db, staff, { transport, address: ctx.caller.address ?? null, userAgent: ctx.caller.userAgent ?? null }, ctx.now(), policy);
  return { token, staff, expiresAt: session.expiresAt, policy, ...extra };
}

function addressOf(ctx: HandlerContext): string {
  return ctx.caller.address ?? ctx.caller.transport;
}

const minutesUntil = (t: number, now: number) => Math.max(1, Math.ceil((t - now) / 60_000));

export const signInHandlers: PartialHandlers = {
  'auth/status': (_input, ctx) => ({
    needsFirstManager: countSignInManagers(ctx.store.db) === 0,
    version: ctx.version,
    policy: sessionPolicy(ctx.store.db),
  }),

  'auth/create-first': async ({ name, username, password, pin }, ctx) => {
    const notNeeded = () => new StudioError('conflict', 'the studio already has a manager: sign in, or ask a manager for an account');
    if (countSignInManagers(ctx.store.db) > 0) throw notNeeded();
    const weak = passwordProblem(password, { username, name });
    if (weak) throw new StudioError('invalid_input', `password: ${weak}`, 'password');
    const badPin = pin !== undefined ? pinProblem(pin) : null;
    if (badPin) throw new StudioError('invalid_input', `pin: ${badPin}`, 'pin');
    const [passwordHash, pinHash] = await Promise.all([hashSecret(password), pin !== undefined ? hashSecret(pin) : null]);
    const at = ctx.now().toISOString();
    return ctx.store.db.transaction((tx) => {
      // Checked again inside the transaction: two first-run requests cannot both win.
      if (countSignInManagers(tx) > 0) throw notNeeded();
      if (usernameTaken(tx, username)) throw new StudioError('conflict', `the username "${username}" is taken`, 'username');
      const staff = createStaffAccount(tx, { name, role: 'manager', username, passwordHash, pinHash, mustChangePassword: false, at });
      recordAudit(tx, { ...auditBy(ctx, { action: 'staff.create-first', entity: 'staff', entityId: staff.id, after: { name, username, role: 'manager' } }), actorStaffId: staff.id });
      return signedIn(tx, ctx, staff, { hasPin: pinHash !== null, mustChangePassword: false });
    });
  },

  'auth/sign-in': async ({ username, password }, ctx) => {
    const db = ctx.store.db;
    const now = ctx.now();
    const address = addressOf(ctx);
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
    const attempts = recentSignInAttempts(db, username, address, since);
    const limit = signInLimit({
      account: attempts.account.map((a) => ({ at: Date.parse(a.at), ok: a.ok })),
      address: attempts.address.map((a) => ({ at: Date.parse(a.at), ok: a.ok })),
    }, now.getTime());
    if (!limit.allowed) {
      recordAudit(db, auditBy(ctx, { action: 'auth.rate-limited', entity: 'sign-in', entityId: username, after: { username, address, scope: limit.scope, retryAt: new Date(limit.retryAt).toISOString() } }));
      const who = limit.scope === 'account' ? 'this account' : 'this address';
      throw new StudioError('rate_limited', `too many failed sign-ins for ${who}: try again in ${minutesUntil(limit.retryAt, now.getTime())} min`);
    }
    const creds = staffCredentials(db, { username });
    const ok = await verifySecret(creds?.passwordHash ?? null, password);
    const at = ctx.now().toISOString();
    if (!ok || !creds) {
      db.transaction((tx) => {
        recordSignInAttempt(tx, { at, username, address, ok: false });
        recordAudit(tx, { ...auditBy(ctx, { action: 'auth.sign-in-failed', entity: 'sign-in', entityId: username, after: { username, address } }), actorStaffId: creds?.id ?? null });
      });
      throw new StudioError('wrong_secret', 'the username or password is wrong', 'password');
    }
    if (creds.disabledAt !== null) {
      recordAudit(db, { ...auditBy(ctx, { action: 'auth.sign-in-disabled', entity: 'staff', entityId: creds.id, after: { address } }), actorStaffId: creds.id });
      throw new StudioError('forbidden', 'this account is disabled: ask a manager', 'username');
    }
    const staff = { id: creds.id, name: creds.name, role: creds.role };
    return db.transaction((tx) => {
      recordSignInAttempt(tx, { at, username, address, ok: true });
      pruneSignInAttempts(tx, new Date(now.getTime() - 24 * 3_600_000).toISOString());
      const view = signedIn(tx, ctx, staff, { hasPin: creds.pinHash !== null, mustChangePassword: creds.mustChangePassword });
      recordAudit(tx, { ...auditBy(ctx, { action: 'auth.sign-in', entity: 'staff', entityId: staff.id, after: { address, transport: ctx.caller.transport } }), actorStaffId: staff.id });
      return view;
    });
  },
};
