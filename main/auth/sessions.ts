/**
 * Staff sessions: a random opaque token (`sts_` + 32 random bytes, base64url) handed out at
 * sign-in; the database keeps only its SHA-256. Resolving a token applies the session policy:
 * it may end the session (idle), lock it (screen lock), or note its use.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/open';
import {
  insertSession, lockSession, revokeSession, sessionByTokenHash, touchSession, type SessionRow, type SessionWithStaff,
} from '../../db/sessions';
import type { StaffRow } from '../../db/staff';
import { getSetting } from '../../db/settings';
import { readSessionPolicy, sessionExpiry, sessionState, type SessionPolicy } from './policy';

export const TOKEN_PREFIX = 'sts_';
export const SESSION_POLICY_KEY = 'auth.policy';

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 (hex) of a token. Tokens carry 256 random bits, so a fast hash is enough. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sessionPolicy(db: Db): SessionPolicy {
  return readSessionPolicy(getSetting(db, SESSION_POLICY_KEY));
}

export interface SessionMeta { transport: 'http' | 'ipc'; address: string | null; userAgent: string | null }

/** Opens a session for `staff`; returns the token (shown once, never stored) and the row. */
export function startSession(db: Db, staff: StaffRow, meta: SessionMeta, now: Date, policy: SessionPolicy): { token: string; session: SessionRow } {
  const token = newToken();
  const at = now.toISOString();
  const session = insertSession(db, {
    tokenHash: tokenHash(token), staffId: staff.id, transport: meta.transport,
    address: meta.address, userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: at, lastSeenAt: at, expiresAt: new Date(sessionExpiry(now.getTime(), policy)).toISOString(),
  });
  return { token, session };
}

export type SessionProblem = 'unknown' | 'revoked' | 'expired' | 'idle' | 'disabled';
export type ResolvedSession =
  | { ok: true; session: SessionWithStaff; locked: boolean }
  | { ok: false; problem: SessionProblem };

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * The session of a token at `now`. Writes only when something changes: an idle session is
 * revoked, an unused one is locked, and an active one's last use is noted at most every 30 s.
 */
export function resolveSession(db: Db, token: string, now: Date, policy: SessionPolicy): ResolvedSession {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return { ok: false, problem: 'unknown' };
  const row = sessionByTokenHash(db, tokenHash(token));
  if (!row) return { ok: false, problem: 'unknown' };
  if (row.staffDisabledAt !== null && row.revokedAt === null) return { ok: false, problem: 'disabled' };
  const state = sessionState({
    createdAt: ms(row.createdAt)!, lastSeenAt: ms(row.lastSeenAt)!, expiresAt: ms(row.expiresAt)!,
    lockedAt: ms(row.lockedAt), revokedAt: ms(row.revokedAt),
  }, now.getTime(), policy);
  if (state.kind === 'ended') {
    if (state.problem === 'idle' && row.revokedAt === null) revokeSession(db, row.id, now.toISOString(), 'idle');
    return { ok: false, problem: row.revokedReason === 'idle' ? 'idle' : state.problem };
  }
  if (state.kind === 'locked') {
    if (row.lockedAt === null) {
      const lockedAt = new Date(state.lockAt).toISOString();
      lockSession(db, row.id, lockedAt);
      row.lockedAt = lockedAt;
    }
    return { ok: true, session: row, locked: true };
  }
  if (state.touch) touchSession(db, row.id, now.toISOString());
  return { ok: true, session: row, locked: false };
}
