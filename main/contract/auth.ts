/**
 * Sign-in, sessions and staff accounts (issue 9). Spread into `contract` in index.ts.
 * Everything but sign-in and the first-run setup needs a session.
 */
import { z } from 'zod';
import { MANAGERS, op, PUBLIC, SIGNED_IN, STAFF_ONLY, STAFF_ROLES } from './op';
import { Id } from './schemas';
import type * as A from './auth-views';
import type { Staff } from './views';

export const Username = z.string().trim().toLowerCase()
  .min(3, 'use at least 3 characters').max(40, 'use at most 40 characters')
  .regex(/^[a-z0-9._-]+$/, 'use letters, digits, dot, dash or underscore');
/** A password as typed at sign-in (its rules are checked when it is chosen, naming what is wrong). */
export const Password = z.string().min(1, 'enter the password').max(200, 'use at most 200 characters');
export const Pin = z.string().regex(/^\d{4,8}$/, 'use 4 to 8 digits');
const PersonName = z.string().trim().min(1, 'a name is needed').max(120);
const StaffId = Id;

export const authContract = {
  'auth/status': op<A.AuthStatusView>()({
    input: z.object({}).strict(),
    access: PUBLIC,
    summary: 'Whether the studio is set up (a manager can sign in), and the session policy.',
  }),
  'auth/create-first': op<A.SignedInView>()({
    input: z.object({ name: PersonName, username: Username, password: Password, pin: Pin.optional() }).strict(),
    access: PUBLIC,
    summary: 'First run only: create the first manager account and sign in.',
  }),
  'auth/sign-in': op<A.SignedInView>()({
    input: z.object({ username: Username, password: Password }).strict(),
    access: PUBLIC,
    summary: 'Sign in with a username and password; gives a session. Limited per account and per address.',
  }),
  'auth/me': op<A.MeView>()({
    input: z.object({}).strict(),
    access: SIGNED_IN,
    summary: 'Who is signed in, whether the screen is locked, and when the session ends.',
  }),
  'auth/lock': op<A.MeView>()({
    input: z.object({}).strict(),
    access: SIGNED_IN,
    summary: 'Lock the screen now: the session stays, and the PIN (or password) unlocks it.',
  }),
  'auth/unlock': op<A.MeView>()({
    input: z.object({ staffId: StaffId, pin: Pin.optional(), password: Password.optional() }).strict()
      .refine((i) => (i.pin === undefined) !== (i.password === undefined), { message: 'give the PIN or the password', path: ['pin'] }),
    access: SIGNED_IN,
    summary: "Unlock (or switch to) a signed-in staff member's session with their PIN or password. Five wrong PINs end the session.",
  }),
  'auth/sign-out': op<{ signedOut: true }>()({
    input: z.object({}).strict(),
    access: SIGNED_IN,
    summary: 'End this session.',
  }),
  'auth/set-pin': op<A.MeView>()({
    input: z.object({ password: Password, pin: Pin }).strict(),
    access: STAFF_ONLY,
    summary: 'Choose the quick-switch PIN (the password confirms it is you).',
  }),
  'auth/change-password': op<A.MeView>()({
    input: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    access: STAFF_ONLY,
    summary: "Change one's own password; ends one's other sessions.",
  }),
  'staff/list': op<A.StaffAccount[]>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: 'All staff accounts with their sign-in state.',
  }),
  'staff/trainers': op<Staff[]>()({
    input: z.object({}).strict(),
    access: STAFF_ONLY,
    summary: 'The trainers who can sign in (to assign members to).',
  }),
  'staff/create': op<A.StaffAccount>()({
    input: z.object({
      name: PersonName, username: Username, role: z.enum(STAFF_ROLES), password: Password,
      mustChangePassword: z.boolean().default(true),
    }).strict(),
    access: MANAGERS,
    summary: 'Add a staff account with a first password (by default to be changed at the first sign-in).',
  }),
  'staff/update': op<A.StaffAccount>()({
    input: z.object({ staffId: StaffId, name: PersonName.optional(), role: z.enum(STAFF_ROLES).optional() }).strict()
      .refine((i) => i.name !== undefined || i.role !== undefined, { message: 'nothing to change', path: ['name'] }),
    access: MANAGERS,
    summary: "Rename a staff member or change their role (the last manager keeps theirs).",
  }),
  'staff/disable': op<A.StaffAccount>()({
    input: z.object({ staffId: StaffId }).strict(),
    access: MANAGERS,
    summary: 'Disable an account: it can no longer sign in and its sessions end.',
  }),
  'staff/enable': op<A.StaffAccount>()({
    input: z.object({ staffId: StaffId }).strict(),
    access: MANAGERS,
    summary: 'Enable a disabled account again.',
  }),
  'staff/reset-password': op<A.StaffAccount>()({
    input: z.object({ staffId: StaffId, password: Password, username: Username.optional() }).strict(),
    access: MANAGERS,
    summary: 'Give an account a new password (to be changed at the next sign-in), and a username if it has none; ends its sessions.',
  }),
  'staff/reset-pin': op<A.StaffAccount>()({
    input: z.object({ staffId: StaffId }).strict(),
    access: MANAGERS,
    summary: "Clear an account's PIN (they choose a new one after signing in) and end its sessions.",
  }),
} as const;
