/**
 * Staff accounts, managed by managers: create, rename or change role, disable and enable, reset
 * a password or PIN. The studio always keeps one manager who can sign in. Hashes never reach
 * the audit log.
 */
import { recordAudit } from '../../../db/audit';
import type { Db } from '../../../db/open';
import { openSessions, revokeStaffSessions } from '../../../db/sessions';
import {
  countSignInManagers, createStaffAccount, getStaffAccount, listStaffAccounts, setStaffDisabled, setStaffPassword, setStaffPin,
  updateStaffIdentity, usernameTaken, type StaffAccountRow,
} from '../../../db/staff';
import { hashSecret, passwordProblem } from '../../auth/secrets';
import { StudioError } from '../../contract/errors';
import type { StaffAccount } from '../../contract/index';
import { auditBy, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';

function accountView(db: Db, row: StaffAccountRow, now: string): StaffAccount {
  return { ...row, openSessions: openSessions(db, now, row.id).length };
}

function requireAccount(db: Db, staffId: number): StaffAccountRow {
  const row = getStaffAccount(db, staffId);
  if (!row) throw new StudioError('not_found', `there is no staff member with id ${staffId}`, 'staffId');
  return row;
}

/** Refuses a change that would leave no manager able to sign in. */
function keepOneManager(db: Db, row: StaffAccountRow, what: string): void {
  if (row.role === 'manager' && row.canSignIn && countSignInManagers(db) <= 1) {
    throw new StudioError('conflict', `${row.name} is the only manager who can sign in: ${what} would lock everyone out of staff and settings`, 'staffId');
  }
}

function view(ctx: HandlerContext, staffId: number): StaffAccount {
  return accountView(ctx.store.db, requireAccount(ctx.store.db, staffId), ctx.now().toISOString());
}

export const staffHandlers: PartialHandlers = {
  'staff/list': (_input, ctx) => {
    const now = ctx.now().toISOString();
    return listStaffAccounts(ctx.store.db).map((r) => accountView(ctx.store.db, r, now));
  },

  'staff/trainers': (_input, ctx) =>
    listStaffAccounts(ctx.store.db).filter((s) => s.role === 'trainer' && s.canSignIn).map(({ id, name, role }) => ({ id, name, role })),

  'staff/create': async ({ name, username, role, password, mustChangePassword }, ctx) => {
    const weak = passwordProblem(password, { username, name });
    if (weak) throw new StudioError('invalid_input', `password: ${weak}`, 'password');
    if (usernameTaken(ctx.store.db, username)) throw new StudioError('conflict', `the username "${username}" is taken`, 'username');
    const passwordHash = await hashSecret(password);
    const at = ctx.now().toISOString();
    const staff = ctx.store.db.transaction((tx) => {
      if (usernameTaken(tx, username)) throw new StudioError('conflict', `the username "${username}" is taken`, 'username');
      const created = createStaffAccount(tx, { name, role, username, passwordHash, pinHash: null, mustChangePassword, at });
      recordAudit(tx, auditBy(ctx, { action: 'staff.create', entity: 'staff', entityId: created.id, after: { name, username, role, mustChangePassword } }));
      return created;
    });
    return view(ctx, staff.id);
  },

  'staff/update': ({ staffId, name, role }, ctx) => {
    const db = ctx.store.db;
    db.transaction((tx) => {
      const before = requireAccount(tx, staffId);
      if (role !== undefined && role !== 'manager') keepOneManager(tx, before, 'changing their role');
      updateStaffIdentity(tx, staffId, { ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) });
      recordAudit(tx, auditBy(ctx, { action: 'staff.update', entity: 'staff', entityId: staffId, before: { name: before.name, role: before.role }, after: { name: name ?? before.name, role: role ?? before.role } }));
    });
    return view(ctx, staffId);
  },

  'staff/disable': ({ staffId }, ctx) => {
    if (staffId === ctx.caller.staff?.id) throw new StudioError('conflict', 'you cannot disable your own account', 'staffId');
    const at = ctx.now().toISOString();
    ctx.store.db.transaction((tx) => {
      const row = requireAccount(tx, staffId);
      keepOneManager(tx, row, 'disabling them');
      setStaffDisabled(tx, staffId, at);
      const ended = revokeStaffSessions(tx, staffId, at, 'account disabled');
      recordAudit(tx, auditBy(ctx, { action: 'staff.disable', entity: 'staff', entityId: staffId, after: { sessionsEnded: ended } }));
    });
    return view(ctx, staffId);
  },

  'staff/enable': ({ staffId }, ctx) => {
    ctx.store.db.transaction((tx) => {
      requireAccount(tx, staffId);
      setStaffDisabled(tx, staffId, null);
      recordAudit(tx, auditBy(ctx, { action: 'staff.enable', entity: 'staff', entityId: staffId }));
    });
    return view(ctx, staffId);
  },

  'staff/reset-password': async ({ staffId, password, username }, ctx) => {
    const row = requireAccount(ctx.store.db, staffId);
    const login = row.username ?? username;
    if (!login) throw new StudioError('invalid_input', `${row.name} has no username yet: give one`, 'username');
    if (row.username === null && usernameTaken(ctx.store.db, login)) throw new StudioError('conflict', `the username "${login}" is taken`, 'username');
    const weak = passwordProblem(password, { username: login, name: row.name });
    if (weak) throw new StudioError('invalid_input', `password: ${weak}`, 'password');
    const hash = await hashSecret(password);
    const at = ctx.now().toISOString();
    ctx.store.db.transaction((tx) => {
      setStaffPassword(tx, staffId, hash, staffId !== ctx.caller.staff?.id, at, row.username === null ? login : undefined);
      const ended = revokeStaffSessions(tx, staffId, at, 'password reset by a manager', ctx.caller.session?.id);
      recordAudit(tx, auditBy(ctx, { action: 'staff.reset-password', entity: 'staff', entityId: staffId, after: { sessionsEnded: ended, username: login } }));
    });
    return view(ctx, staffId);
  },

  'staff/reset-pin': ({ staffId }, ctx) => {
    const at = ctx.now().toISOString();
    ctx.store.db.transaction((tx) => {
      requireAccount(tx, staffId);
      setStaffPin(tx, staffId, null);
      const ended = revokeStaffSessions(tx, staffId, at, 'PIN reset by a manager', ctx.caller.session?.id);
      recordAudit(tx, auditBy(ctx, { action: 'staff.reset-pin', entity: 'staff', entityId: staffId, after: { sessionsEnded: ended } }));
    });
    return view(ctx, staffId);
  },
};
