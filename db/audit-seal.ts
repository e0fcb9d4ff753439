/**
 * Sealing of audit payloads about a member: AES-256-GCM (node:crypto) with one random 256-bit
 * key per member, kept in `member_keys`. A sealed value is stored as
 * `{ "$sealed": 1, "iv": base64, "tag": base64, "data": base64 }` (the JSON of the original
 * value, encrypted). Deleting the key ("crypto-shredding", NIST SP 800-88's cryptographic
 * erase) makes every sealed value unreadable without touching the append-only log.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './open';
import { memberKeys } from './schema';

/** What a sealed value reads as once its member was erased. */
export const ERASED = '[erased at the member\'s request]';

interface Sealed { $sealed: 1; iv: string; tag: string; data: string }

function isSealed(v: unknown): v is Sealed {
  return typeof v === 'object' && v !== null && (v as { $sealed?: unknown }).$sealed === 1;
}

/** The member's key; created when `create` and missing. Null when missing (erased). */
export function memberKey(db: Db, memberId: number, create: boolean): Buffer | null {
  const row = db.select({ key: memberKeys.key }).from(memberKeys).where(eq(memberKeys.memberId, memberId)).get();
  if (row) return row.key;
  if (!create) return null;
  const key = randomBytes(32);
  db.insert(memberKeys).values({ memberId, key }).run();
  return key;
}

/** Deletes the member's key: their sealed audit payloads become unreadable. */
export function shredMemberKey(db: Db, memberId: number): void {
  db.delete(memberKeys).where(eq(memberKeys.memberId, memberId)).run();
}

export function sealPayload(key: Buffer, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { $sealed: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Opens a sealed value with `key`; unsealed values pass through; no key gives `ERASED`. */
export function openPayload(key: Buffer | null, value: unknown): unknown {
  if (!isSealed(value)) return value;
  if (!key) return ERASED;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(value.data, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as unknown;
}
