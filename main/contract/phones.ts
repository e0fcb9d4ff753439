/**
 * Staff operations around member phones (issue 11): the switch in Settings, pairing codes with
 * their QR, a member's devices and sync status, revoking, and the sets logged against the plan.
 * The phones themselves use the sync API (`/sync/v1`, main/sync/http.ts), not this contract.
 */
import { z } from 'zod';
import { COACHES, MANAGERS, op, STAFF_ONLY } from './op';
import { Id, MemberId } from './schemas';
import type * as P from './phones-views';

export const phonesContract = {
  'phones/settings': op<P.PhoneSettingsView>()({
    input: z.object({}).strict(),
    access: STAFF_ONLY,
    summary: 'Whether member phones are served, the addresses phones use, and the CA fingerprint when HTTPS is on.',
  }),
  'phones/set-settings': op<P.PhoneSettingsView>()({
    input: z.object({ enabled: z.boolean() }).strict(),
    access: MANAGERS,
    summary: 'Switch the member app and the sync API on or off (audited).',
  }),
  'phones/pairing-code': op<P.PairingCodeView>()({
    input: z.object({
      memberId: MemberId,
      /** The address the staff page is on (used when the studio has no LAN address to offer). */
      baseUrl: z.url({ protocol: /^https?$/ }).max(200).optional(),
    }).strict(),
    access: STAFF_ONLY,
    ownedBy: 'memberId',
    summary: 'A one-time pairing code (5 min) and its QR code for a member\'s phone (audited).',
  }),
  'phones/devices': op<P.MemberSyncView>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: STAFF_ONLY,
    ownedBy: 'memberId',
    summary: "A member's paired phones (last seen, pending and rejected operations) and recent rejections.",
  }),
  'phones/revoke': op<P.MemberSyncView>()({
    input: z.object({ memberId: MemberId, deviceId: Id.max(2 ** 31) }).strict(),
    access: STAFF_ONLY,
    ownedBy: 'memberId',
    summary: "Unpair one of a member's phones: its token is refused from now on (audited).",
  }),
  'phones/logged-sets': op<P.LoggedSetsView>()({
    input: z.object({ memberId: MemberId, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: COACHES,
    ownedBy: 'memberId',
    summary: 'Sets logged on phones against the plan, with adherence per prescription (done, partial, skipped).',
  }),
};
