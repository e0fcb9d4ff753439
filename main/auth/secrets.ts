/**
 * Passwords and PINs: argon2id through @node-rs/argon2 (prebuilt, runs on libuv's thread pool,
 * so the event loop is not blocked), and the rules a new password or PIN must meet.
 *
 * Parameters: m = 64 MiB, t = 3, p = 1. OWASP's Password Storage Cheat Sheet (2023) gives
 * m = 19 MiB, t = 2, p = 1 as the minimum for argon2id; this is above it and costs about
 * 70–130 ms per check on the studio's 2-core machine (`npm run bench -- security`: `login_ms`).
 * Hashes are PHC strings, so the parameters can be raised later and old hashes still verify.
 */
import { hash, verify } from '@node-rs/argon2';

/** argon2id (the package's `Algorithm.Argon2id`; a const enum, so named by value here). */
const ARGON2ID = 2;
export const KDF_OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

/** Hashes a password or PIN; resolves to an `$argon2id$...` PHC string. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret.normalize('NFKC'), KDF_OPTIONS as never);
}

/**
 * Checks `secret` against a stored hash. With no stored hash a throwaway hash is still
 * checked, so an unknown username costs as long as a wrong password (no user enumeration).
 */
export async function verifySecret(stored: string | null, secret: string): Promise<boolean> {
  const target = stored ?? (await dummyHash());
  try {
    const ok = await verify(target, secret.normalize('NFKC'));
    return stored !== null && ok;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
function dummyHash(): Promise<string> {
  dummy ??= hashSecret('not a password: equalises the time of unknown accounts');
  return dummy;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * Why a new password is refused, or null. NIST SP 800-63B §3.1.1.2: length over complexity
 * rules; refuse values that are predictable for this account.
 */
export function passwordProblem(password: string, account: { username: string; name: string }): string | null {
  const p = password.normalize('NFKC');
  if ([...p].length < PASSWORD_MIN) return `use at least ${PASSWORD_MIN} characters`;
  if ([...p].length > PASSWORD_MAX) return `use at most ${PASSWORD_MAX} characters`;
  const lower = p.toLowerCase();
  if (new Set(lower).size <= 2) return 'use more than one or two different characters';
  const own = [account.username, ...account.name.split(/\s+/)].map((s) => s.toLowerCase()).filter((s) => s.length >= 3);
  if (own.some((s) => lower.includes(s))) return 'do not use your name or username in the password';
  if (/^\d+$/.test(p)) return 'do not use only digits';
  const core = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.includes(lower) || COMMON.includes(core)) return 'this password is too common';
  return null;
}

/** Why a PIN is refused, or null: 4–8 digits, not one repeated digit or a straight run. */
export function pinProblem(pin: string): string | null {
  if (!/^\d{4,8}$/.test(pin)) return 'use 4 to 8 digits';
  if (new Set(pin).size === 1) return 'do not repeat one digit';
  const steps = [...pin].slice(1).map((d, i) => Number(d) - Number(pin[i]));
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'do not use a straight run like 1234';
  return null;
}

/** Bases of the most common leaked passwords, refused alone or with trailing digits (a short list: no breach corpus ships here). */
const COMMON = ['password', 'passw0rd', 'qwertyuiop', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'administrator', 'abc', 'trainer', 'fitness', 'dragon', 'monkey', 'football', 'baseball', 'sunshine', 'princess', 'whatever', 'changeme'];
