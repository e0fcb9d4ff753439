/** Staff operations around member phones: settings, pairing codes with QR, devices, revoking, logged sets and adherence. */
import QRCode from 'qrcode';
import { recordAudit } from '../../../db/audit';
import { linkedSets, memberDeviceRows, opCountsByDevice, recentRejections, latestMemberSeq } from '../../../db/sync';
import { countAdherence, prescriptionAdherence } from '../../../engine/sync/adherence';
import { StudioError } from '../../contract/errors';
import type { LoggedSetsView, MemberSyncView, PhoneSettingsView, PrescriptionAdherenceView } from '../../contract/phones-views';
import { auditActor, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { createPairingCode, revokeDevice } from '../../sync/devices';
import { phoneSettings, putPhoneSettings, type SyncService } from '../../sync/service';
import { pulledPlan } from '../../sync/pull';
import { requireMember } from '../members/handlers';

function syncOf(ctx: HandlerContext): SyncService {
  if (!ctx.sync) throw new StudioError('internal', 'member phones are not served from this process');
  return ctx.sync;
}

function settingsView(ctx: HandlerContext): PhoneSettingsView {
  const sync = ctx.sync;
  return { enabled: phoneSettings(ctx.store.db).enabled, addresses: [...(sync?.https?.urls ?? []), ...(sync?.addresses ?? [])], caFingerprint: sync?.https?.fingerprint ?? null };
}

function syncView(ctx: HandlerContext, memberId: number): MemberSyncView {
  const db = ctx.store.db;
  const counts = opCountsByDevice(db, memberId);
  const devices = memberDeviceRows(db, memberId);
  const names = new Map(devices.map((d) => [d.id, d.name]));
  return {
    memberId,
    devices: devices.map((d) => ({
      id: d.id, name: d.name, createdAt: d.createdAt, expiresAt: d.expiresAt, lastSeenAt: d.lastSeenAt, pendingOps: d.pendingOps,
      applied: counts.get(d.id)?.applied ?? 0, rejected: counts.get(d.id)?.rejected ?? 0, revokedAt: d.revokedAt,
    })),
    rejections: recentRejections(db, memberId).map((r) => ({ opId: r.opId, kind: r.kind, reason: r.reason ?? '', at: r.receivedAt, deviceName: names.get(r.deviceId) ?? '?' })),
    seq: latestMemberSeq(db, memberId),
  };
}

/** The address to put in the QR code: HTTPS first, then the LAN address, then the staff page's own. */
function pairingBase(ctx: HandlerContext, given: string | undefined): { base: string; https: boolean } {
  const sync = syncOf(ctx);
  if (sync.https?.urls[0]) return { base: sync.https.urls[0], https: true };
  const lan = sync.addresses.find((a) => !/\/\/(127\.|localhost|\[::1\])/.test(a));
  const base = lan ?? given ?? sync.addresses[0];
  if (!base) throw new StudioError('conflict', 'the studio is not served over HTTP: start it with `studio serve --lan`');
  return { base: base.replace(/\/$/, ''), https: base.startsWith('https:') };
}

function loggedSets(ctx: HandlerContext, memberId: number, limit: number): LoggedSetsView {
  const db = ctx.store.db;
  const rows = linkedSets(db, memberId, limit);
  const plan = pulledPlan(db, memberId);
  const trained = new Set(rows.map((r) => r.planSessionId).filter((id): id is number => id !== null));
  const adherence: PrescriptionAdherenceView[] = [];
  if (plan) {
    for (const s of plan.sessions.filter((x) => trained.has(x.id))) {
      for (const p of s.prescriptions) {
        const a = prescriptionAdherence(p, rows.map((r) => ({ prescriptionId: r.prescriptionId, loadKg: r.loadKg, reps: r.reps })));
        adherence.push({ ...a, exerciseName: p.exerciseName, sessionName: s.name, week: s.week });
      }
    }
  }
  return {
    sets: rows.map((r) => ({
      logId: r.logId, exerciseName: r.exerciseName, setNumber: r.setNumber, loadKg: r.loadKg, reps: r.reps, rir: r.rir, performedAt: r.performedAt, note: r.notes,
      sessionName: r.sessionName, week: r.week,
      prescribed: r.presSets !== null ? { sets: r.presSets, repMin: r.presRepMin!, repMax: r.presRepMax!, loadKg: r.presLoadKg, targetRir: r.presRir! } : null,
    })),
    adherence, counts: countAdherence(adherence),
  };
}

export const phoneHandlers: PartialHandlers = {
  'phones/settings': (_input, ctx) => settingsView(ctx),
  'phones/set-settings': ({ enabled }, ctx) => {
    ctx.store.db.transaction((tx) => {
      putPhoneSettings(tx, { enabled }, ctx.caller.staff?.id ?? null);
      recordAudit(tx, { ...auditActor(ctx), action: 'phones.settings', entity: 'settings', entityId: 'phones', after: { enabled } });
    });
    return settingsView(ctx);
  },
  'phones/pairing-code': async ({ memberId, baseUrl }, ctx) => {
    requireMember(ctx, memberId);
    if (!phoneSettings(ctx.store.db).enabled) throw new StudioError('conflict', 'member phones are switched off: a manager can switch them on in Settings → Member phones');
    const { base, https } = pairingBase(ctx, baseUrl);
    const { code, expiresAt } = createPairingCode(ctx.store.db, memberId, ctx.caller.staff?.id ?? null, ctx.now(), ctx.caller.transport);
    const fingerprint = https ? syncOf(ctx).https?.fingerprint ?? null : null;
    const url = `${base}/member/#pair=${code}${fingerprint ? `&ca=${fingerprint.replace(/:/g, '')}` : ''}`;
    const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { code, expiresAt, url, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, caFingerprint: fingerprint, https };
  },
  'phones/devices': ({ memberId }, ctx) => {
    requireMember(ctx, memberId);
    return syncView(ctx, memberId);
  },
  'phones/revoke': ({ memberId, deviceId }, ctx) => {
    requireMember(ctx, memberId);
    revokeDevice(ctx.store.db, memberId, deviceId, ctx.caller.staff?.id ?? null, ctx.now(), ctx.caller.transport);
    return syncView(ctx, memberId);
  },
  'phones/logged-sets': ({ memberId, limit }, ctx) => {
    requireMember(ctx, memberId);
    return loggedSets(ctx, memberId, limit);
  },
};
