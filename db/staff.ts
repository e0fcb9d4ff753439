/**
 * Staff: trainers, managers and front desk, with their sign-in credentials.
 *
 * Password and PIN hashes are argon2id PHC strings made by `main/auth/secrets.ts`; this module
 * only stores them. A staff row is never deleted (the audit log points at it): it is disabled.
 */
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from './open';
import { staff } from './schema';

export type StaffRole = 'trainer' | 'manager' | 'front_desk';
/** Who a caller is: the identity every handler sees. */
export interface StaffRow { id: number; name: string; role: StaffRole }

/** A staff member as a manager sees them on the staff screen. */
export interface StaffAccountRow extends StaffRow {
  username: string | null;
  canSignIn: boolean;
  hasPin: boolean;
  mustChangePassword: boolean;
  disabledAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
}

/** What sign-in needs to check a password. */
export interface StaffCredentials extends StaffRow {
  username: string;
  passwordHash: string | null;
  pinHash: string | null;
  mustChangePassword: boolean;
  disabledAt: string | null;
}

const identity = { id: staff.id, name: staff.name, role: staff.role };

export function listStaff(db: Db): StaffRow[] {
  return db.select(identity).from(staff).orderBy(asc(staff.id)).all();
}

export function getStaff(db: Db, id: number): StaffRow | null {
  return db.select(identity).from(staff).where(eq(staff.id, id)).get() ?? null;
}

/** Every account with its last activity (the newest session's last use). */
export function listStaffAccounts(db: Db): StaffAccountRow[] {
  return db.select({
    ...identity, username: staff.username, passwordHash: staff.passwordHash, pinHash: staff.pinHash,
    mustChangePassword: staff.mustChangePassword, disabledAt: staff.disabledAt, createdAt: staff.createdAt,
    lastSeenAt: sql<string | null>`(SELECT max(ss.last_seen_at) FROM staff_sessions AS ss WHERE ss.staff_id = "staff"."id")`,
  }).from(staff).orderBy(asc(staff.id)).all()
    .map(({ passwordHash, pinHash, ...r }) => ({ ...r, canSignIn: passwordHash !== null && r.disabledAt === null, hasPin: pinHash !== null }));
}

export function getStaffAccount(db: Db, id: number): StaffAccountRow | null {
  return listStaffAccounts(db).find((s) => s.id === id) ?? null;
}

/** The credentials of an account by id or by its (lower-case) username. */
export function staffCredentials(db: Db, by: { id: number } | { username: string }): StaffCredentials | null {
  const where = 'id' in by ? eq(staff.id, by.id) : eq(staff.username, by.username.toLowerCase());
  const row = db.select({
    ...identity, username: staff.username, passwordHash: staff.passwordHash, pinHash: staff.pinHash,
    mustChangePassword: staff.mustChangePassword, disabledAt: staff.disabledAt,
  }).from(staff).where(where).get();
  return row && row.username !== null ? { ...row, username: row.username } : null;
}

/** A staff row without sign-in (kept for imports and tests that predate accounts). */
export function createStaff(db: Db, name: string, role: StaffRole): StaffRow {
  const row = db.insert(staff).values({ name, role }).returning({ id: staff.id }).get();
  return { id: row.id, name, role };
}

export interface NewAccount {
  name: string;
  role: StaffRole;
  username: string;
  passwordHash: string;
  pinHash: string | null;
  mustChangePassword: boolean;
  at: string;
}

/** Creates an account; the username must be free (the unique index refuses a duplicate). */
export function createStaffAccount(db: Db, a: NewAccount): StaffRow {
  const row = db.insert(staff).values({
    name: a.name, role: a.role, username: a.username.toLowerCase(), passwordHash: a.passwordHash, pinHash: a.pinHash,
    mustChangePassword: a.mustChangePassword, passwordChangedAt: a.at,
  }).returning({ id: staff.id }).get();
  return { id: row.id, name: a.name, role: a.role };
}

export function usernameTaken(db: Db, username: string): boolean {
  return db.select({ id: staff.id }).from(staff).where(eq(staff.username, username.toLowerCase())).get() !== undefined;
}

export function updateStaffIdentity(db: Db, id: number, patch: { name?: string; role?: StaffRole }): void {
  db.update(staff).set(patch).where(eq(staff.id, id)).run();
}

export function setStaffPassword(db: Db, id: number, passwordHash: string, mustChangePassword: boolean, at: string, username?: string): void {
  db.update(staff).set({ passwordHash, mustChangePassword, passwordChangedAt: at, ...(username ? { username: username.toLowerCase() } : {}) })
    .where(eq(staff.id, id)).run();
}

export function setStaffPin(db: Db, id: number, pinHash: string | null): void {
  db.update(staff).set({ pinHash }).where(eq(staff.id, id)).run();
}

export function setStaffDisabled(db: Db, id: number, disabledAt: string | null): void {
  db.update(staff).set({ disabledAt }).where(eq(staff.id, id)).run();
}

/** Managers who can sign in (a password, not disabled). The studio is set up once there is one. */
export function countSignInManagers(db: Db): number {
  return db.select({ c: sql<number>`count(*)` }).from(staff)
    .where(and(eq(staff.role, 'manager'), isNotNull(staff.passwordHash), isNull(staff.disabledAt))).get()?.c ?? 0;
}

/** The first manager who can sign in, for the CLI's default actor. */
export function firstSignInManager(db: Db): StaffRow | null {
  return db.select(identity).from(staff)
    .where(and(eq(staff.role, 'manager'), isNotNull(staff.passwordHash), isNull(staff.disabledAt)))
    .orderBy(asc(staff.id)).get() ?? null;
}
