/**
 * The role matrix, proven for every operation of the contract on both transports (HTTP and the
 * desktop window's IPC layer), against a real studio with real sessions.
 *
 * The matrix is written out below rather than read from the contract, so a change of access is
 * a deliberate change in two places, and an operation added without a row here fails the first
 * test. Every call sends the probe input `{ "__probe": true }`, which no operation accepts (all
 * inputs are strict objects): a caller who gets past the access checks is answered
 * `invalid_input`, so "not refused" is proven without running any operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, OP_NAMES, type Access, type OpName } from '../contract/index';
import { apiPost } from '../http/testkit';
import { startSecurityStudio, type SecurityStudio, type TokenCase } from './testkit';

const P = 'public', S = 'session', M = 'manager', T = 'trainer', F = 'front_desk';
const EVERY_ROLE = [T, M, F] as const;
const COACH = [T, M] as const;

/** Who may call what. `session`: any signed-in staff, even locked; `public`: anyone. */
const MATRIX: Record<OpName, readonly Access[]> = {
  'auth/status': [P], 'auth/create-first': [P], 'auth/sign-in': [P],
  'auth/me': [S], 'auth/lock': [S], 'auth/unlock': [S], 'auth/sign-out': [S],
  'auth/set-pin': EVERY_ROLE, 'auth/change-password': EVERY_ROLE,
  'staff/list': [M], 'staff/trainers': EVERY_ROLE, 'staff/create': [M], 'staff/update': [M], 'staff/disable': [M],
  'staff/enable': [M], 'staff/reset-password': [M], 'staff/reset-pin': [M],
  'system/info': EVERY_ROLE, 'system/settings': [M], 'system/set-settings': [M], 'system/backup': [M], 'system/backups': [M],
  'system/restore': [M], 'audit/list': [M], 'audit/export': [M], 'members/export': [M], 'members/erase': [M],
  'members/list': EVERY_ROLE, 'members/get': EVERY_ROLE, 'members/create': EVERY_ROLE, 'members/update': COACH,
  'history/e1rm': COACH, 'history/volume': COACH, 'history/sets': COACH,
  'exercises/list': COACH, 'exercises/map-name': COACH, 'imports/exercises': COACH, 'imports/strong': COACH, 'imports/history': COACH, 'imports/preview': COACH,
  'plans/generate': COACH, 'plans/get': COACH, 'plans/list': COACH, 'plans/update-prescription': COACH, 'plans/add-prescription': COACH, 'plans/undo': COACH,
  'plans/approve': COACH, 'plans/archive': COACH, 'onboarding/create': COACH,
  'rir/member': COACH, 'rir/predict': COACH, 'recommend/exercises': COACH, 'recommend/train': [M], 'models/list': COACH, 'models/refit': [M], 'models/rollback': [M],
  'checkins/create': EVERY_ROLE, 'checkins/list': EVERY_ROLE,
  'recommendations/generate': COACH, 'recommendations/list': COACH, 'recommendations/feedback': COACH, 'preferences/insights': COACH,
  'weekly/analyze': COACH, 'weekly/pending': COACH, 'weekly/decide': COACH, 'weekly/analyze-all': COACH, 'session/adjust': COACH,
  'safety/constraints': COACH, 'safety/set-constraints': [M], 'demo/create': COACH,
  'schedule/club': EVERY_ROLE, 'schedule/save-club': [M], 'schedule/undo-club': [M], 'schedule/import-club': [M],
  'schedule/import-occupancy': [M], 'schedule/import-attendance': [M], 'schedule/demo-setup': [M], 'schedule/optimize': [M],
  'schedule/scenarios': EVERY_ROLE, 'schedule/scenario': EVERY_ROLE, 'schedule/published': EVERY_ROLE, 'schedule/compare': EVERY_ROLE,
  'schedule/move-class': [M], 'schedule/add-class': [M], 'schedule/remove-class': [M], 'schedule/undo': [M], 'schedule/rename': [M],
  'schedule/duplicate': [M], 'schedule/delete': [M], 'schedule/publish': [M], 'schedule/ical': EVERY_ROLE,
  'schedule/substitutes': EVERY_ROLE, 'schedule/trainer-unavailable': [M], 'schedule/adjustments': EVERY_ROLE,
  'classes/week': EVERY_ROLE, 'classes/occurrence': EVERY_ROLE, 'classes/book': EVERY_ROLE, 'classes/cancel': EVERY_ROLE,
  'classes/set-capacity': [M], 'classes/check-in': EVERY_ROLE, 'classes/release-no-shows': EVERY_ROLE, 'classes/end': COACH,
  'classes/notes': COACH, 'classes/summary': COACH, 'classes/summary-pdf': COACH, 'classes/member-card': EVERY_ROLE,
  'classes/member-bookings': EVERY_ROLE, 'classes/policy': EVERY_ROLE, 'classes/set-policy': [M], 'classes/today': COACH,
  'classes/club-stats': [M], 'classes/clock-tick': [M], 'notifications/list': EVERY_ROLE, 'notifications/read': EVERY_ROLE,
  'live/ticket': EVERY_ROLE, 'live/state': EVERY_ROLE, 'live/start-simulated': COACH, 'live/stop-simulated': COACH,
  'live/acknowledge': COACH, 'live/settings': EVERY_ROLE, 'live/set-settings': [M],
  'phones/settings': EVERY_ROLE, 'phones/set-settings': [M], 'phones/pairing-code': EVERY_ROLE, 'phones/devices': EVERY_ROLE,
  'phones/revoke': EVERY_ROLE, 'phones/logged-sets': COACH,
  'coach/status': EVERY_ROLE, 'coach/models': EVERY_ROLE, 'coach/load-model': [M], 'coach/unload-model': [M],
  'coach/conversation': EVERY_ROLE, 'coach/ask': EVERY_ROLE, 'coach/decide': EVERY_ROLE,
  'appointments/book': EVERY_ROLE, 'appointments/list': EVERY_ROLE, 'members/feedback': EVERY_ROLE,
  'payments/products': EVERY_ROLE, 'payments/create-product': [M], 'payments/sell': [M, F], 'payments/member': EVERY_ROLE,
  'payments/set-contact': EVERY_ROLE, 'payments/freeze': [M, F], 'payments/sync': [M, F], 'payments/sync-status': [M, F], 'payments/mismatches': [M],
  'payments/resolve-mismatch': [M], 'payments/report': [M], 'payments/report-csv': [M], 'payments/policy': EVERY_ROLE, 'payments/set-policy': [M],
  'inventory/club': COACH, 'inventory/set-club': [M], 'inventory/member': COACH, 'inventory/set-member': COACH,
};

const PROBE = { __probe: true };
const ROLES = [M, T, F] as const;

/** What a caller in `c` must get: `ok-probe` means it passed every access check. */
function expected(access: readonly Access[], c: TokenCase | 'none'): 'ok-probe' | 'unauthorized' | 'locked' | 'forbidden' {
  if (access.includes('public')) return 'ok-probe';
  if (c === 'none' || c === 'expired' || c === 'revoked') return 'unauthorized';
  if (access.includes('session')) return 'ok-probe';
  if (c === 'locked') return 'locked';
  return access.includes(c) ? 'ok-probe' : 'forbidden';
}

const CASES: Array<TokenCase | 'none'> = ['none', 'expired', 'revoked', 'locked', ...ROLES];
let studio: SecurityStudio;

beforeAll(async () => { studio = await startSecurityStudio(); }, 60_000);
afterAll(async () => { await studio.close(); });

function reasonOf(env: { ok: boolean; error?: { reason: string } }): string {
  return env.ok ? 'ok' : env.error!.reason === 'invalid_input' ? 'ok-probe' : env.error!.reason;
}

describe('the role matrix', () => {
  it('covers every operation of the contract, and the contract declares the same access', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...OP_NAMES].sort());
    for (const name of OP_NAMES) expect([...contract[name].access].sort(), name).toEqual([...MATRIX[name]].sort());
  });

  it('holds over HTTP for every operation and every kind of caller', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const name of OP_NAMES) {
      for (const c of CASES) {
        const token = c === 'none' ? null : studio.tokens[c];
        const res = await apiPost(studio.server.port, name, PROBE, token);
        const got = reasonOf(res.json() as { ok: boolean; error?: { reason: string } });
        checked++;
        if (got !== expected(MATRIX[name], c)) wrong.push(`${name} as ${c}: ${got}, expected ${expected(MATRIX[name], c)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(OP_NAMES.length * CASES.length);
  });

  it('holds over the desktop window IPC layer for every operation and every kind of caller', async () => {
    const wrong: string[] = [];
    for (const name of OP_NAMES) {
      for (const c of CASES) {
        const windowId = studio.windows[c];
        // `auth/unlock` picks the session of the person unlocking: name the window's own.
        const input = name === 'auth/unlock' && c !== 'none' ? { ...PROBE, staffId: studio.staffIds[c] } : PROBE;
        const env = await studio.ipc.call(windowId, { name, input, callId: 'x' });
        const got = reasonOf(env as { ok: boolean; error?: { reason: string } });
        if (got !== expected(MATRIX[name], c)) wrong.push(`${name} as ${c}: ${got}, expected ${expected(MATRIX[name], c)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every non-public operation from a foreign Origin or a foreign Host, even with the right token', async () => {
    const wrong: string[] = [];
    for (const name of OP_NAMES) {
      const role = (MATRIX[name].find((a) => ROLES.includes(a as never)) ?? M) as TokenCase;
      const token = studio.tokens[role];
      const port = studio.server.port;
      const origin = await apiPost(port, name, PROBE, token, { origin: 'http://evil.example' });
      const site = await apiPost(port, name, PROBE, token, { 'sec-fetch-site': 'cross-site' });
      const host = await apiPost(port, name, PROBE, token, { host: `evil.example:${port}` });
      const rebound = await apiPost(port, name, PROBE, token, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` });
      for (const [label, res] of [['origin', origin], ['sec-fetch-site', site], ['host', host], ['rebound', rebound]] as const) {
        if (res.status !== 403) wrong.push(`${name} with a foreign ${label}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a member-device token (none is issued yet, so any such token is unknown)', async () => {
    for (const name of OP_NAMES.filter((n) => !MATRIX[n].includes('public'))) {
      const res = await apiPost(studio.server.port, name, PROBE, 'mdt_' + 'a'.repeat(43));
      expect(res.status, name).toBe(401);
    }
  });
});
