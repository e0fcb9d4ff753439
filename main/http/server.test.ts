/**
 * The HTTP transport on a real port and a real SQLite file: typed calls through the client with a
 * session, and the trust boundary (Host, Origin, content type, body limits, timeouts, static
 * containment) with raw requests that send exactly what an attacker's page or socket would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { callHttp, createHttpApi } from '../contract/http-client';
import { StudioError, type ProgressEvent } from '../contract/errors';
import type { SignedInView, StaffAccount, StudioApi } from '../contract/index';
import { TEST_MANAGER } from '../host/testkit';
import { isLoopback, startHttpServer, type StartedServer } from './server';
import { apiPost, rawRequest } from './testkit';

let dir: string;
let host: Host;
let server: StartedServer;
let api: StudioApi;
let base: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>studio</title>');
  mkdirSync(join(dir, 'renderer-private'));
  writeFileSync(join(dir, 'renderer-private', 'secret.txt'), 'the sibling folder must not be served');
  host = createHost(join(dir, 'studio.db'));
  server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir, headersTimeoutMs: 400 });
  base = server.url.replace(/\/$/, '');
  const first = (await createHttpApi({ baseUrl: base }).auth.createFirst(TEST_MANAGER)) as SignedInView;
  token = first.token!;
  api = createHttpApi({ baseUrl: base, token: () => token });
});
afterAll(async () => { await server.close(); host.close(); rmSync(dir, { recursive: true, force: true }); });

async function staffCount(): Promise<number> {
  return ((await api.staff.list({})) as StaffAccount[]).length;
}

describe('HTTP transport', () => {
  it('serves typed calls through the derived client, with the session token', async () => {
    const member = await api.members.create({ name: 'Ada Lift', goal: 'strength', level: 'beginner' });
    expect(member.id).toBeGreaterThan(0);
    expect(member.daysPerWeek).toBe(3);
    const list = await api.members.list({ query: 'Ada' });
    expect(list.map((m) => m.name)).toEqual(['Ada Lift']);
  });

  it('rebuilds typed errors, naming the field of bad input', async () => {
    const err = await api.plans.generate({ memberId: 1, weeks: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioError);
    expect(err).toMatchObject({ reason: 'invalid_input', field: 'weeks' });
    const res = await rawRequest({ port: server.port, path: '/api/plans/get', body: '{"planId":', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { reason: 'invalid_input' } });
    const missing = await api.plans.get({ planId: 999 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ reason: 'not_found', field: 'planId' });
  });

  it('cancels a long operation when the client aborts: the worker stops and nothing is stored', async () => {
    await api.schedule.demoSetup({ weekStart: '2026-11-30' });
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const err = await callHttp({ baseUrl: base, token: () => token }, 'schedule/optimize', { weekStart: '2026-11-30', timeLimitS: 60 }, (e) => {
      events.push(e);
      controller.abort(); // at the first progress event, long before the solve can finish
    }, controller.signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'cancelled' });
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(await api.schedule.scenarios({ weekStart: '2026-11-30' })).toEqual([]);
  });

  it('streams progress events before the answer when asked', async () => {
    const csv = 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n'
      + '2024-01-02 07:00:00,Push,1h 2m,Bench Press (Barbell),1,60,8,0,0,,,8\n'
      + '2024-01-02 07:00:00,Push,1h 2m,Bench Press (Barbell),2,60,7,0,0,,,9\n';
    const events: ProgressEvent[] = [];
    const report = await callHttp({ baseUrl: base, token: () => token }, 'imports/strong', { fileName: 'a.csv', content: csv, memberName: 'Ada Lift', unit: 'kg' }, (e) => events.push(e));
    expect(report).toMatchObject({ setsStored: 2, unit: 'kg' });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)!.fraction).toBe(1);
  });

  it('serves the renderer with a strict Content-Security-Policy, and refuses GET on the API', async () => {
    const page = await fetch(`${base}/members/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toContain('<title>studio</title>');
    expect((await fetch(`${base}/api/members/list`)).status).toBe(405);
  });

  it('tells loopback addresses from network ones (for the log; it grants nothing)', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['192.168.1.20', '::ffff:10.0.0.2', 'fe80::1', undefined]) expect(isLoopback(a)).toBe(false);
  });
});

describe('the trust boundary', () => {
  it('refuses the CSRF request of the issue: text/plain from another origin, even to a signed-in studio', async () => {
    const before = await staffCount();
    for (const name of ['staff/list', 'staff/create', 'system/backup']) {
      const res = await rawRequest({
        port: server.port, path: `/api/${name}`, body: JSON.stringify({ name: 'Mallory', username: 'mallory', role: 'manager', password: 'x'.repeat(12), path: '/tmp/stolen.db' }),
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ ok: false, error: { reason: 'forbidden' } });
    }
    const withToken = await apiPost(server.port, 'staff/list', {}, token, { origin: 'http://evil.example' });
    expect(withToken.status).toBe(403);
    expect(await staffCount()).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding), for the API and the static files alike', async () => {
    const api403 = await apiPost(server.port, 'staff/list', {}, token, { host: `evil.example:${server.port}` });
    expect(api403.status).toBe(403);
    expect(api403.json()).toMatchObject({ error: { reason: 'forbidden', message: expect.stringMatching(/does not answer to the host/) } });
    expect((await rawRequest({ port: server.port, method: 'GET', path: '/', headers: { host: `evil.example:${server.port}` } })).status).toBe(403);
    expect((await rawRequest({ port: server.port, method: 'GET', path: '/', headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    expect((await apiPost(server.port, 'auth/me', {}, token, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('accepts only application/json, and same-origin browser calls', async () => {
    const plain = await rawRequest({ port: server.port, path: '/api/auth/me', body: '{}', headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` } });
    expect(plain.status).toBe(415);
    const form = await rawRequest({ port: server.port, path: '/api/auth/sign-in', body: 'username=mia&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const sameSite = await apiPost(server.port, 'auth/me', {}, token, { 'sec-fetch-site': 'same-site' });
    expect(sameSite.status).toBe(403);
    const ok = await apiPost(server.port, 'auth/me', {}, token, { 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${server.port}` });
    expect(ok.status).toBe(200);
  });

  it('trusts no socket by itself: a loopback call without a session is unauthorized', async () => {
    for (const t of [null, 'sts_not-a-real-token', 'garbage']) {
      const res = await apiPost(server.port, 'members/list', {}, t);
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ ok: false, error: { reason: 'unauthorized' } });
    }
  });

  it('limits bodies while reading: 1 MB by default, more only for file imports and only once authorised', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(1_200_000) });
    const tooBig = await apiPost(server.port, 'members/list', JSON.parse(big), token);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { reason: 'too_large' } });
    const file = `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n${'2024-01-03 07:00:00,Push,1h,Bench Press (Barbell),1,60,8,0,0,,,8\n'.repeat(1)}${' '.repeat(1_500_000)}`;
    const imported = await apiPost(server.port, 'imports/strong', { fileName: 'b.csv', content: file, memberName: 'Ada Lift', unit: 'kg' }, token);
    expect(imported.status).not.toBe(413);
    const anonymous = await apiPost(server.port, 'imports/strong', { fileName: 'b.csv', content: file, memberName: 'Ada Lift' }, null);
    expect(anonymous.status).toBe(401);
  });

  /** Writes `head` on a raw socket (the body it announces never follows) and resolves to the answer's head. */
  function answerBeforeBody(head: string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write(head));
      let text = '';
      socket.on('data', (d) => { text += d.toString('utf8'); if (text.includes('\r\n\r\n')) { socket.destroy(); resolve(text); } });
      socket.on('error', reject);
    });
  }

  it('answers an unauthorised 50 MB upload before reading it', async () => {
    const answer = await answerBeforeBody(`POST /api/imports/strong HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{"fileName":"x.csv","content":"`);
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const answer = await answerBeforeBody(`POST /api/members/list HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: 5000000\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('drops a client that never finishes its headers (slowloris)', async () => {
    const closedWith = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write(`POST /api/auth/status HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`));
      let text = '';
      socket.on('data', (d) => { text += d.toString('utf8'); });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(closedWith).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses invalid UTF-8 in a body with a typed error', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const res = await rawRequest({ port: server.port, path: '/api/members/list', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { reason: 'invalid_input', message: expect.stringMatching(/UTF-8/) } });
  });

  it('serves static files only from inside their folder; bad escapes are 400', async () => {
    const sibling = await rawRequest({ port: server.port, method: 'GET', path: '/..%2frenderer-private/secret.txt' });
    expect(sibling.status).toBe(403);
    expect(sibling.text).not.toContain('must not be served');
    for (const path of ['/%2e%2e/renderer-private/secret.txt', '/..%5crenderer-private%5csecret.txt', '/assets/..%2f..%2frenderer-private/secret.txt']) {
      const res = await rawRequest({ port: server.port, method: 'GET', path });
      expect(res.text, path).not.toContain('must not be served');
    }
    expect((await rawRequest({ port: server.port, method: 'GET', path: '/%E0%A4%A' })).status).toBe(400);
    expect((await rawRequest({ port: server.port, method: 'GET', path: '/a%00b' })).status).toBe(400);
  });
});

describe('member patches', () => {
  it('change only the fields given', async () => {
    const m = await api.members.create({ name: 'Patch Me', goal: 'strength', daysPerWeek: 5 });
    const after = await api.members.update({ memberId: m.id, patch: { notes: 'knee feels fine' } });
    expect(after).toMatchObject({ goal: 'strength', daysPerWeek: 5, notes: 'knee feels fine' });
    const empty = await api.members.update({ memberId: m.id, patch: {} }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ reason: 'invalid_input' });
  });
});
