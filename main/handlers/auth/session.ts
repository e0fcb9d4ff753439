/**
 * The signed-in session: who am I, the screen lock and the quick switch (unlock with a PIN),
 * sign-out, and choosing one's own PIN and password.
 */
import { recordAudit } from '../../../db/audit';
import { addPinFailure, lockSession, revokeSession, revokeStaffSessions, unlockSession } from '../../../db/sessions';
import { setStaffPassword, setStaffPin, staffCredentials, type StaffCredentials } from '../../../db/staff';
import { MAX_PIN_FAILURES } from '../../auth/policy';
import { hashSecret, passwordProblem, pinProblem, verifySecret } from '../../auth/secrets';
import { sessionPolicy } from '../../auth/sessions';
import { StudioError } from '../../contract/errors';
import type { MeView } from '../../contract/index';
import { auditBy, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';

/** The caller's account; throws `unauthorized` for a caller without one (never for a valid session). */
function myAccount(ctx: HandlerContext): StaffCredentials {
  const id = ctx.caller.staff?.id;
  const creds = id !== undefined ? staffCredentials(ctx.store.db, { id }) : null;
  if (!creds) throw new StudioError('unauthorized', 'sign in first');
  return creds;
}

function mySessionId(ctx: HandlerContext): number {
  const id = ctx.caller.session?.id;
  if (id === undefined) throw new StudioError('forbidden', 'this needs a signed-in session (the studio command has none)');
  return id;
}

function meView(ctx: HandlerContext, locked: boolean): MeView {
  const creds = myAccount(ctx);
  return {
    staff: { id: creds.id, name: creds.name, role: creds.role }, locked,
    expiresAt: ctx.caller.session?.expiresAt ?? ctx.now().toISOString(),
    hasPin: creds.pinHash !== null, mustChangePassword: creds.mustChangePassword, policy: sessionPolicy(ctx.store.db),
  };
}

async function confirmPassword(ctx: HandlerContext, password: string, field: string): Promise<StaffCredentials> {
  const creds = myAccount(ctx);
  if (!(await verifySecret(creds.passwordHash, password))) {
    recordAudit(ctx.store.db, auditBy(ctx, { action: 'auth.password-check-failed', entity: 'staff', entityId: creds.id }));
    throw new StudioError('wrong_secret', 'the password is wrong', field);
  }
  return creds;
}

export const sessionHandlers: PartialHandlers = {
  'auth/me': (_input, ctx) => meView(ctx, ctx.caller.session?.locked ?? false),

  'auth/lock': (_input, ctx) => {
    const id = mySessionId(ctx);
    const at = ctx.now().toISOString();
    ctx.store.db.transaction((tx) => {
      lockSession(tx, id, at);
      recordAudit(tx, auditBy(ctx, { action: 'auth.lock', entity: 'staff', entityId: ctx.caller.staff!.id }));
    });
    return meView(ctx, true);
  },

  'auth/unlock': async ({ staffId, pin, password }, ctx) => {
    const id = mySessionId(ctx);
    const creds = myAccount(ctx);
    if (creds.id !== staffId) throw new StudioError('forbidden', 'this session belongs to someone else', 'staffId');
    const withPin = pin !== undefined;
    if (withPin && creds.pinHash === null) throw new StudioError('invalid_input', 'no PIN is set for this account: unlock with the password', 'pin');
    const ok = withPin ? await verifySecret(creds.pinHash, pin) : await verifySecret(creds.passwordHash, password!);
    const at = ctx.now().toISOString();
    if (!ok) {
      const failures = ctx.store.db.transaction((tx) => {
        const n = addPinFailure(tx, id);
        const ended = n >= MAX_PIN_FAILURES;
        if (ended) revokeSession(tx, id, at, 'too many wrong PINs');
        recordAudit(tx, auditBy(ctx, { action: ended ? 'auth.unlock-lockout' : 'auth.unlock-failed', entity: 'staff', entityId: creds.id, after: { failures: n } }));
        return n;
      });
      // The session has ended: no field, so the window treats it as any ended session.
      if (failures >= MAX_PIN_FAILURES) throw new StudioError('unauthorized', `${MAX_PIN_FAILURES} wrong tries: you were signed out; sign in with your password`);
      throw new StudioError('wrong_secret', `wrong ${withPin ? 'PIN' : 'password'}: ${MAX_PIN_FAILURES - failures} ${MAX_PIN_FAILURES - failures === 1 ? 'try' : 'tries'} left`, withPin ? 'pin' : 'password');
    }
    ctx.store.db.transaction((tx) => {
      unlockSession(tx, id, at);
      recordAudit(tx, auditBy(ctx, { action: 'auth.unlock', entity: 'staff', entityId: creds.id, after: { with: withPin ? 'pin' : 'password' } }));
    });
    return meView(ctx, false);
  },

  'auth/sign-out': (_input, ctx) => {
    const id = mySessionId(ctx);
    ctx.store.db.transaction((tx) => {
      revokeSession(tx, id, ctx.now().toISOString(), 'signed out');
      recordAudit(tx, auditBy(ctx, { action: 'auth.sign-out', entity: 'staff', entityId: ctx.caller.staff!.id }));
    });
    return { signedOut: true as const };
  },

  'auth/set-pin': async ({ password, pin }, ctx) => {
    const creds = await confirmPassword(ctx, password, 'password');
    const bad = pinProblem(pin);
    if (bad) throw new StudioError('invalid_input', `pin: ${bad}`, 'pin');
    const pinHash = await hashSecret(pin);
    ctx.store.db.transaction((tx) => {
      setStaffPin(tx, creds.id, pinHash);
      recordAudit(tx, auditBy(ctx, { action: 'auth.set-pin', entity: 'staff', entityId: creds.id }));
    });
    return meView(ctx, false);
  },

  'auth/change-password': async ({ currentPassword, newPassword }, ctx) => {
    const creds = await confirmPassword(ctx, currentPassword, 'currentPassword');
    const bad = passwordProblem(newPassword, { username: creds.username, name: creds.name });
    if (bad) throw new StudioError('invalid_input', `newPassword: ${bad}`, 'newPassword');
    if (await verifySecret(creds.passwordHash, newPassword)) throw new StudioError('invalid_input', 'newPassword: choose a password different from the current one', 'newPassword');
    const hash = await hashSecret(newPassword);
    const at = ctx.now().toISOString();
    ctx.store.db.transaction((tx) => {
      setStaffPassword(tx, creds.id, hash, false, at);
      const n = revokeStaffSessions(tx, creds.id, at, 'password changed', ctx.caller.session?.id);
      recordAudit(tx, auditBy(ctx, { action: 'auth.change-password', entity: 'staff', entityId: creds.id, after: { otherSessionsEnded: n } }));
    });
    return { ...meView(ctx, false), mustChangePassword: false };
  },
};
