/**
 * Device identity for member phones, beside staff sessions: a random 256-bit token given once at
 * pairing, of which only the SHA-256 is stored (a stolen database holds no usable token); it
 * belongs to one member, expires 180 days after pairing and can be revoked by staff. Pairing
 * codes: 8 characters, one use, 5 minutes, stored hashed as well. Every pairing and revocation
 * is audited.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { recordAudit } from '../../db/audit';
import { getMember } from '../../db/members';
import type { Db } from '../../db/open';
import {
  fastDeviceByTokenHash, getDevice, insertDevice, insertPairingCode, markPairingCodeUsed, pairingCodeByHash, updateDevice, type DeviceRow,
} from '../../db/sync';
import { StudioError } from '../contract/errors';

export const PAIRING_CODE_TTL_MS = 5 * 60_000;
export const DEVICE_TOKEN_TTL_MS = 180 * 86_400_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A new one-time pairing code for `memberId` (the plain code is returned once, never stored). */
export function createPairingCode(db: Db, memberId: number, staffId: number | null, now: Date, via: string): { code: string; expiresAt: string } {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS).toISOString();
  db.transaction((tx) => {
    insertPairingCode(tx, { memberId, codeHash: sha256(code), createdAt: now.toISOString(), expiresAt, createdBy: staffId });
    recordAudit(tx, { actorStaffId: staffId, via, action: 'phones.pairing_code', entity: 'member', entityId: memberId, after: { expiresAt }, subjectMemberId: memberId });
  });
  return { code, expiresAt };
}

export type DeviceProblem = 'unknown' | 'revoked' | 'expired';

/** Exchanges a pairing code for a device token. Errors: `unauthorized` for an unknown, used or expired code. */
export function pairDevice(db: Db, code: string, deviceName: string, now: Date, address: string | null) {
  const row = pairingCodeByHash(db, sha256(code));
  if (!row || row.usedAt) throw new StudioError('unauthorized', 'this pairing code is not valid (or was used already): ask the front desk for a new one', 'code');
  if (Date.parse(row.expiresAt) <= now.getTime()) throw new StudioError('unauthorized', 'this pairing code has expired (5 minutes): ask the front desk for a new one', 'code');
  const member = getMember(db, row.memberId);
  if (!member) throw new StudioError('unauthorized', 'the member of this pairing code no longer exists', 'code');
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + DEVICE_TOKEN_TTL_MS).toISOString();
  const device = db.transaction((tx) => {
    const d = insertDevice(tx, { memberId: member.id, name: deviceName, tokenHash: sha256(token), createdAt: at, expiresAt, lastSeenAt: at, lastAddress: address, pairedBy: row.createdBy });
    if (!markPairingCodeUsed(tx, row.id, at, d.id)) throw new StudioError('unauthorized', 'this pairing code was used already', 'code');
    recordAudit(tx, { actorStaffId: row.createdBy, via: 'phone', action: 'phones.pair', entity: 'member_device', entityId: d.id, after: { memberId: member.id, name: deviceName }, subjectMemberId: member.id });
    return d;
  });
  return { token, deviceId: device.id, memberId: member.id, memberName: member.name, expiresAt };
}

/** The device a token stands for, or why not. */
export function authenticateDevice(db: Db, token: string | null, now: Date): { ok: true; device: DeviceRow } | { ok: false; problem: DeviceProblem | 'none' } {
  if (!token) return { ok: false, problem: 'none' };
  const device = fastDeviceByTokenHash(db, sha256(token));
  if (!device) return { ok: false, problem: 'unknown' };
  if (device.revokedAt) return { ok: false, problem: 'revoked' };
  if (Date.parse(device.expiresAt) <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, device };
}

export const DEVICE_PROBLEM_MESSAGES: Record<DeviceProblem | 'none', string> = {
  none: 'this phone is not paired: ask the front desk for a pairing code',
  unknown: 'this phone is not paired with the studio (or was paired with another studio)',
  revoked: 'the studio has unpaired this phone: ask the front desk to pair it again',
  expired: 'this phone\'s pairing has expired (180 days): ask the front desk to pair it again',
};

/** Revokes a member's device (audited). Errors: `not_found`. */
export function revokeDevice(db: Db, memberId: number, deviceId: number, staffId: number | null, now: Date, via: string): DeviceRow {
  const d = getDevice(db, deviceId);
  if (!d || d.memberId !== memberId) throw new StudioError('not_found', `the member has no device ${deviceId}`, 'deviceId');
  if (d.revokedAt) return d;
  db.transaction((tx) => {
    updateDevice(tx, d.id, { revokedAt: now.toISOString(), revokedBy: staffId });
    recordAudit(tx, { actorStaffId: staffId, via, action: 'phones.revoke', entity: 'member_device', entityId: d.id, before: { name: d.name }, subjectMemberId: memberId });
  });
  return getDevice(db, deviceId)!;
}
