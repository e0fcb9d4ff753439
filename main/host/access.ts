/**
 * Who may call what: the one check every transport goes through (in `dispatch`), so IPC, HTTP,
 * the CLI and workers agree. Identity comes only from a session (or, for the CLI, from the
 * person running it on the studio's own machine); never from the address a call came from.
 */
import type { Db } from '../../db/open';
import { countSignInManagers } from '../../db/staff';
import { memberCoach, memberIdOf } from '../../db/scope';
import type { Access, Operation } from '../contract/op';
import { StudioError } from '../contract/errors';
import type { Caller } from './context';

const ROLE_NAMES = { trainer: 'trainer', manager: 'manager', front_desk: 'front desk' } as const;

function rolesOf(access: readonly Access[]): string {
  const roles = access.filter((a): a is keyof typeof ROLE_NAMES => a in ROLE_NAMES).map((a) => ROLE_NAMES[a]);
  return roles.length <= 1 ? roles.join('') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
}

const SESSION_ENDED = {
  unknown: 'this sign-in is not known here', revoked: 'you were signed out', expired: 'your session has ended (12 h at most)',
  idle: 'your session ended after a long time without use', disabled: 'this account has been disabled by a manager',
} as const;

/**
 * Why `caller` may not call `name`, or null when they may. Reasons: `unauthorized` (no valid
 * session), `locked` (the screen lock is on), `forbidden` (a role that may not).
 */
export function refusal(name: string, access: readonly Access[], caller: Caller, db: Db): StudioError | null {
  if (access.includes('public') || caller.transport === 'system') return null;
  if (!caller.staff) {
    if (caller.sessionProblem) return new StudioError('unauthorized', `${SESSION_ENDED[caller.sessionProblem]}: sign in again`);
    if (countSignInManagers(db) === 0) return new StudioError('unauthorized', 'the studio is not set up yet: create the first manager account');
    return new StudioError('unauthorized', `sign in to use "${name}"`);
  }
  if (access.includes('session')) return null;
  if (caller.session?.locked) return new StudioError('locked', 'the screen is locked: unlock it with your PIN');
  if (caller.session?.mustChangePassword && !name.startsWith('auth/')) {
    return new StudioError('forbidden', 'a manager reset your password: choose a new one first');
  }
  if ((access as readonly string[]).includes(caller.staff.role)) return null;
  const needed = rolesOf(access);
  return new StudioError('forbidden', `"${name}" is for ${needed ? `the ${needed} role` : 'member phones'}; you are signed in as ${ROLE_NAMES[caller.staff.role]}`);
}

/**
 * Row-level check: a trainer may act only on members assigned to them or to nobody. Throws
 * `forbidden` otherwise; a record that does not exist is left to the handler (`not_found`).
 */
export function checkOwnership(op: Pick<Operation<never, unknown>, 'ownedBy'>, input: unknown, caller: Caller, db: Db): void {
  if (!op.ownedBy || caller.staff?.role !== 'trainer' || caller.transport === 'system') return;
  const id = (input as Record<string, unknown>)[op.ownedBy];
  if (typeof id !== 'number') return;
  const memberId = memberIdOf(db, op.ownedBy, id);
  if (memberId === null) return;
  const coach = memberCoach(db, memberId);
  if (!coach || coach.trainerStaffId === null || coach.trainerStaffId === caller.staff.id) return;
  throw new StudioError('forbidden', `${coach.name} is coached by another trainer; a manager can reassign the member`, op.ownedBy);
}

/** Whether a trainer may see a member (for filtering lists): their own or unassigned ones. */
export function coachesMember(caller: Caller, trainerStaffId: number | null): boolean {
  return caller.staff?.role !== 'trainer' || trainerStaffId === null || trainerStaffId === caller.staff.id;
}
