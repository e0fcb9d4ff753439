/**
 * Staff sessions and sign-in attempts. Tokens are never stored: only their SHA-256 (hex), made
 * by `main/auth/sessions.ts`. Times are ISO-8601 UTC text.
 */
import { and, desc, eq, gte, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from './open';
import { signInAttempts, staff, staffSessions } from './schema';
import type { StaffRole } from './staff';

export type SessionRow = typeof staffSessions.$inferSelect;
export interface Attempt { at: string; ok: boolean }

/** A session with the identity and account state of its staff member. */
export interface SessionWithStaff extends SessionRow {
  staffName: string;
  staffRole: StaffRole;
  staffDisabledAt: string | null;
  mustChangePassword: boolean;
}

export function insertSession(db: Db, row: Omit<typeof staffSessions.$inferInsert, 'id'>): SessionRow {
  return db.insert(staffSessions).values(row).returning().get();
}

export function sessionByTokenHash(db: Db, tokenHash: string): SessionWithStaff | null {
  const r = db.select({
    s: staffSessions, staffName: staff.name, staffRole: staff.role, staffDisabledAt: staff.disabledAt,
    mustChangePassword: staff.mustChangePassword,
  }).from(staffSessions).innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.tokenHash, tokenHash)).get();
  return r ? { ...r.s, staffName: r.staffName, staffRole: r.staffRole, staffDisabledAt: r.staffDisabledAt, mustChangePassword: r.mustChangePassword } : null;
}

export function touchSession(db: Db, id: number, at: string): void {
  db.update(staffSessions).set({ lastSeenAt: at }).where(eq(staffSessions.id, id)).run();
}

export function lockSession(db: Db, id: number, at: string): void {
  db.update(staffSessions).set({ lockedAt: at }).where(and(eq(staffSessions.id, id), isNull(staffSessions.lockedAt))).run();
}

export function unlockSession(db: Db, id: number, at: string): void {
  db.update(staffSessions).set({ lockedAt: null, pinFailures: 0, lastSeenAt: at }).where(eq(staffSessions.id, id)).run();
}

/** Counts a wrong PIN; returns the new count. */
export function addPinFailure(db: Db, id: number): number {
  return db.update(staffSessions).set({ pinFailures: sql`${staffSessions.pinFailures} + 1` })
    .where(eq(staffSessions.id, id)).returning({ n: staffSessions.pinFailures }).get()?.n ?? 0;
}

export function revokeSession(db: Db, id: number, at: string, reason: string): void {
  db.update(staffSessions).set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.revokedAt))).run();
}

/** Revokes every open session of a staff member (but `exceptId`); returns how many. */
export function revokeStaffSessions(db: Db, staffId: number, at: string, reason: string, exceptId?: number): number {
  return db.update(staffSessions).set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt), exceptId !== undefined ? ne(staffSessions.id, exceptId) : undefined))
    .run().changes;
}

/** Revokes every open session (after a restore: a copy's sessions must not come back to life). */
export function revokeAllSessions(db: Db, at: string, reason: string): number {
  return db.update(staffSessions).set({ revokedAt: at, revokedReason: reason }).where(isNull(staffSessions.revokedAt)).run().changes;
}

/** Sessions not revoked and not past their absolute expiry, newest first. */
export function openSessions(db: Db, now: string, staffId?: number): SessionRow[] {
  return db.select().from(staffSessions)
    .where(and(isNull(staffSessions.revokedAt), gte(staffSessions.expiresAt, now), staffId !== undefined ? eq(staffSessions.staffId, staffId) : undefined))
    .orderBy(desc(staffSessions.lastSeenAt)).all();
}

export function recordSignInAttempt(db: Db, row: { at: string; username: string; address: string; ok: boolean }): void {
  db.insert(signInAttempts).values({ ...row, username: row.username.toLowerCase() }).run();
}

/** Attempts since `since`, oldest first, for a username and for an address. */
export function recentSignInAttempts(db: Db, username: string, address: string, since: string): { account: Attempt[]; address: Attempt[] } {
  const attempts = (col: typeof signInAttempts.username | typeof signInAttempts.address, value: string) =>
    db.select({ at: signInAttempts.at, ok: signInAttempts.ok }).from(signInAttempts)
      .where(and(eq(col, value), gte(signInAttempts.at, since)))
      .orderBy(signInAttempts.at, signInAttempts.id).all();
  return { account: attempts(signInAttempts.username, username.toLowerCase()), address: attempts(signInAttempts.address, address) };
}

/** Forgets attempts older than `before` (they no longer count towards any limit). */
export function pruneSignInAttempts(db: Db, before: string): number {
  return db.delete(signInAttempts).where(lt(signInAttempts.at, before)).run().changes;
}
