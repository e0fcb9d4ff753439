/**
 * The sync API's trust boundary: the authorization matrix for every endpoint (no token, an
 * expired, a revoked and a staff token, member A reaching for member B's data), the HTTP checks
 * (Host, Origin, content type, body limit, version, phones switched off), and 10,000+ fuzzed
 * bodies: each a typed 4xx, the database image unchanged, the server still serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { PairRequest, PullRequest, PushRequest } from '../../engine/sync/ops';
import type { PulledPlan } from '../../engine/sync/pull';
import { rawRequest } from '../http/testkit';
import { brokenBodyArbitrary, type BrokenBody } from '../security/fuzz/zod-arbitrary';
import { seededUlid, startSyncStudio, SYNC_T0, type SyncStudio } from './testkit';
import { TestPhone } from './ops-kit';

let studio: SyncStudio;
let a: { memberId: number; token: string; plan: PulledPlan };
let b: { memberId: number; token: string; plan: PulledPlan };
let revoked: string;
let expired: string;
let staffToken: string;
const newId = seededUlid(9);

const image = () => createHash('sha256').update(studio.host.store.sqlite.serialize()).digest('hex');
const reasonOf = (r: { json(): unknown }) => (r.json() as { error?: { reason: string } }).error?.reason;

beforeAll(async () => {
  studio = await startSyncStudio();
  const ma = await studio.memberWithPlan('Alma A');
  const mb = await studio.memberWithPlan('Bert B');
  const ta = (await studio.pair(ma.member.id, 'A phone')).token;
  const tb = (await studio.pair(mb.member.id, 'B phone')).token;
  a = { memberId: ma.member.id, token: ta, plan: (await studio.pull(ta, 0)).plan! };
  b = { memberId: mb.member.id, token: tb, plan: (await studio.pull(tb, 0)).plan! };
  const r = await studio.pair(ma.member.id, 'Old phone');
  await studio.call('phones/revoke', { memberId: ma.member.id, deviceId: r.deviceId });
  revoked = r.token;
  // Paired 181 days ago: expired now.
  studio.setClock(SYNC_T0 - 181 * 86_400_000);
  expired = (await studio.pair(ma.member.id, 'Ancient phone')).token;
  studio.setClock(SYNC_T0);
  const signIn = await studio.host.call('auth/sign-in', { username: 'mia', password: 'correct horse battery staple' }, { transport: 'http', staff: null, session: null, address: '127.0.0.1' });
  staffToken = (signIn as { ok: true; value: { token: string } }).value.token;
}, 60_000);
afterAll(async () => { await studio.close(); });

describe('authorization on every endpoint', () => {
  const bodies = { push: () => ({ ops: [new TestPhone('x', newId, () => SYNC_T0).setLog(a.plan, newId(), 0)] }), pull: () => ({ cursor: 0 }) };
  for (const endpoint of ['push', 'pull'] as const) {
    for (const [what, token] of [['no token', () => null], ['an expired token', () => expired], ['a revoked token', () => revoked], ['a staff session token', () => staffToken], ['a made-up token', () => 'A'.repeat(43)]] as const) {
      it(`${endpoint}: ${what} is refused (401) and changes nothing`, async () => {
        const before = image();
        const r = await studio.post(`/sync/v1/${endpoint}`, bodies[endpoint](), token());
        expect([r.status, reasonOf(r)]).toEqual([401, 'unauthorized']);
        expect(image()).toBe(before);
      });
    }
  }

  it('pair: a wrong, a used or a missing code is refused', async () => {
    expect((await studio.post('/sync/v1/pair', { code: 'ZZZZZZZZ', deviceName: 'x' }, null)).status).toBe(401);
    expect((await studio.post('/sync/v1/pair', { deviceName: 'x' }, null)).status).toBe(400);
  });

  it("member A's token reaches only A: B's prescription, plan session, set and session are refused, and A's pull holds nothing of B's", async () => {
    const bPhone = new TestPhone('bphone', newId, () => studio.clock());
    const bSession = newId();
    const bLog = bPhone.setLog(b.plan, bSession, 0);
    expect((await studio.push(b.token, [bLog])).acks[0]!.status).toBe('applied');
    const aPhone = new TestPhone('aphone', newId, () => studio.clock());
    const attempts = [
      aPhone.setLog(b.plan, newId(), 0),
      aPhone.op('set.log', { ...(bLog.payload as object), prescriptionId: null, planSessionId: null }),
      aPhone.op('set.log', { ...(aPhone.setLog(a.plan, bSession, 0).payload as object) }),
      aPhone.op('session.finish', { sessionId: bSession, finishedAt: '2026-12-01T11:00:00.000Z' }),
      aPhone.op('feedback', { recommendationId: 1, action: 'accepted', difficulty: 5, effectiveness: 5, perceivedExertion: 5, formQuality: 5 }),
      { ...bLog },
    ];
    const r = await studio.push(a.token, attempts);
    expect(r.acks.map((x) => x.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    const pulled = await studio.pull(a.token, 0);
    expect(pulled.member.id).toBe(a.memberId);
    expect(pulled.plan!.id).toBe(a.plan.id);
    expect(pulled.logs.some((l) => l.logId === (bLog.payload as { logId: string }).logId)).toBe(false);
  });

  it('a device token does not open the staff API', async () => {
    const r = await rawRequest({ port: studio.server.port, path: '/api/members/list', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` } });
    expect(r.status).toBe(401);
  });
});

describe('the HTTP boundary of /sync/v1', () => {
  it('refuses another Host (DNS rebinding), another Origin, a form content type, an oversized body and another version', async () => {
    const body = JSON.stringify({ cursor: 0 });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${a.token}` };
    const port = studio.server.port;
    expect((await rawRequest({ port, path: '/sync/v1/pull', body, headers: { ...headers, host: 'evil.example:80' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/sync/v1/pull', body, headers: { ...headers, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/sync/v1/pull', body, headers: { ...headers, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/sync/v1/pull', body, headers: { ...headers, 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await rawRequest({ port, path: '/sync/v1/push', body: JSON.stringify({ ops: [], pad: 'x'.repeat(300_000) }), headers })).status).toBe(413);
    const v2 = await rawRequest({ port, path: '/sync/v2/pull', body, headers });
    expect([v2.status, (v2.json() as { error: { message: string } }).error.message]).toEqual([400, expect.stringContaining('sync v1')]);
    expect((await rawRequest({ port, path: '/sync/v1/pull', method: 'GET', headers })).status).toBe(405);
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const r = await rawRequest({ port: studio.server.port, path: '/sync/v1/openapi.json', method: 'GET' });
    const doc = r.json() as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/sync/v1/pair', '/sync/v1/push', '/sync/v1/pull']);
    expect(Object.keys(doc.components.schemas['Op_set_log']!.properties!)).toContain('prescriptionId');
  });

  it('answers 403 while phones are switched off in Settings', async () => {
    await studio.call('phones/set-settings', { enabled: false });
    const r = await studio.post('/sync/v1/pull', { cursor: 0 }, a.token);
    await studio.call('phones/set-settings', { enabled: true });
    expect(r.status).toBe(403);
  });
});

describe('fuzzed bodies', () => {
  it('10,000 malformed bodies: each a typed 4xx with a reason, the database unchanged, the server still serving', async () => {
    const per = 3400;
    const work: Array<{ path: string; token: string | null; body: BrokenBody }> = [
      ...fc.sample(brokenBodyArbitrary(PushRequest), { seed: 1, numRuns: per }).map((body) => ({ path: '/sync/v1/push', token: a.token, body })),
      ...fc.sample(brokenBodyArbitrary(PullRequest), { seed: 2, numRuns: per }).map((body) => ({ path: '/sync/v1/pull', token: a.token, body })),
      ...fc.sample(brokenBodyArbitrary(PairRequest), { seed: 3, numRuns: per }).map((body) => ({ path: '/sync/v1/pair', token: null, body })),
    ];
    const before = image();
    const problems: string[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < work.length; i += 64) {
      await Promise.all(work.slice(i, i + 64).map(async ({ path, token, body }) => {
        kinds.add(body.kind);
        const r = await rawRequest({ port: studio.server.port, path, body: body.bytes, timeoutMs: 20_000, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
        let reason: string | undefined;
        try { reason = reasonOf(r); } catch { reason = undefined; }
        if (r.status < 400 || r.status >= 500 || !reason) problems.push(`${path} ${body.kind} ${body.detail}: ${r.status} ${r.text.slice(0, 80)}`);
      }));
    }
    expect(work.length).toBeGreaterThanOrEqual(10_000);
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    expect(problems.slice(0, 5)).toEqual([]);
    expect(image()).toBe(before);
    expect((await studio.post('/sync/v1/pull', { cursor: 0 }, a.token)).status).toBe(200);
  }, 120_000);
});
