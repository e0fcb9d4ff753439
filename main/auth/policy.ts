/**
 * The rules of sessions and sign-in limits, as pure functions of times (ms since the epoch).
 *
 * Defaults (a club setting, `auth.policy`): a session lasts at most 12 h (one shift), ends
 * after 60 min without use, and locks the screen after 5 min without use; 5 wrong PINs end it.
 * Sign-in: 5 failures for an account or 20 from one address within 15 min refuse further
 * attempts until the oldest of those failures is 15 min old (OWASP Authentication Cheat
 * Sheet: throttle per account and per source).
 */
export interface SessionPolicy {
  /** Absolute lifetime, hours. */
  absoluteHours: number;
  /** Ends after this long unused, minutes. */
  idleMinutes: number;
  /** Locks (PIN to unlock) after this long unused, minutes. */
  lockMinutes: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { absoluteHours: 12, idleMinutes: 60, lockMinutes: 5 };
export const MAX_PIN_FAILURES = 5;
/** A session's last use is written at most this often (reads stay read-only in between). */
export const TOUCH_EVERY_MS = 30_000;

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_ADDRESS_FAILURES = 20;

const MIN = 60_000;

export type SessionState =
  | { kind: 'active'; touch: boolean }
  | { kind: 'locked'; lockAt: number }
  | { kind: 'ended'; problem: 'revoked' | 'expired' | 'idle' };

/** What a session is at `now`. Times: ms; `lockedAt`/`revokedAt` null when not set. */
export function sessionState(
  s: { createdAt: number; lastSeenAt: number; expiresAt: number; lockedAt: number | null; revokedAt: number | null },
  now: number,
  policy: SessionPolicy,
): SessionState {
  if (s.revokedAt !== null) return { kind: 'ended', problem: 'revoked' };
  if (now >= s.expiresAt) return { kind: 'ended', problem: 'expired' };
  if (now - s.lastSeenAt >= policy.idleMinutes * MIN) return { kind: 'ended', problem: 'idle' };
  if (s.lockedAt !== null) return { kind: 'locked', lockAt: s.lockedAt };
  if (now - s.lastSeenAt >= policy.lockMinutes * MIN) return { kind: 'locked', lockAt: s.lastSeenAt + policy.lockMinutes * MIN };
  return { kind: 'active', touch: now - s.lastSeenAt >= TOUCH_EVERY_MS };
}

/** The absolute expiry of a session created at `now`. */
export function sessionExpiry(now: number, policy: SessionPolicy): number {
  return now + policy.absoluteHours * 60 * MIN;
}

/**
 * Whether a sign-in may be tried now, from the attempts of the last window (oldest first).
 * An account's failures count since its last success; an address's count all. Returns the
 * time (ms) from which a retry is allowed when refused.
 */
export function signInLimit(
  attempts: { account: Array<{ at: number; ok: boolean }>; address: Array<{ at: number; ok: boolean }> },
  now: number,
): { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAt: number } {
  const lastOk = attempts.account.reduce((t, a) => (a.ok ? Math.max(t, a.at) : t), -Infinity);
  const recent = (list: Array<{ at: number; ok: boolean }>, after: number) =>
    list.filter((a) => !a.ok && a.at > after && now - a.at < SIGN_IN_WINDOW_MS).map((a) => a.at);
  const account = recent(attempts.account, lastOk);
  if (account.length >= MAX_ACCOUNT_FAILURES) {
    return { allowed: false, scope: 'account', retryAt: account[account.length - MAX_ACCOUNT_FAILURES]! + SIGN_IN_WINDOW_MS };
  }
  const address = recent(attempts.address, -Infinity);
  if (address.length >= MAX_ADDRESS_FAILURES) {
    return { allowed: false, scope: 'address', retryAt: address[address.length - MAX_ADDRESS_FAILURES]! + SIGN_IN_WINDOW_MS };
  }
  return { allowed: true };
}

/** A policy from a stored setting, each value clamped to a sane range (defaults for the rest). */
export function readSessionPolicy(stored: unknown): SessionPolicy {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof SessionPolicy, unknown>>;
  const pick = (k: keyof SessionPolicy, min: number, max: number) => {
    const v = s[k];
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : DEFAULT_SESSION_POLICY[k];
  };
  const absoluteHours = pick('absoluteHours', 1, 24 * 7);
  const idleMinutes = pick('idleMinutes', 5, absoluteHours * 60);
  return { absoluteHours, idleMinutes, lockMinutes: Math.min(pick('lockMinutes', 1, 240), idleMinutes) };
}
