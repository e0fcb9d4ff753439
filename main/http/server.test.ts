/** The HTTP transport on a real port and a real SQLite file, through the typed client. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../host/host';
import { callHttp, createHttpApi } from '../contract/http-client';
import { StudioError, type ProgressEvent } from '../contract/errors';
import type { StudioApi } from '../contract/index';
import { isLoopback, startHttpServer, type StartedServer } from './server';

let dir: string;
let host: Host;
let server: StartedServer;
let api: StudioApi;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>studio</title>');
  host = createHost(join(dir, 'studio.db'));
  server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir });
  base = server.url.replace(/\/$/, '');
  api = createHttpApi({ baseUrl: base });
});
afterAll(async () => { await server.close(); host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('HTTP transport', () => {
  it('serves typed calls through the derived client', async () => {
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
    const res = await fetch(`${base}/api/plans/get`, { method: 'POST', body: '{"planId":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { reason: 'invalid_input' } });
    const missing = await api.plans.get({ planId: 999 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ reason: 'not_found', field: 'planId' });
  });

  it('cancels a long operation when the client aborts: the worker stops and nothing is stored', async () => {
    await api.schedule.demoSetup({ weekStart: '2026-11-30' });
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const err = await callHttp({ baseUrl: base }, 'schedule/optimize', { weekStart: '2026-11-30', timeLimitS: 60 }, (e) => {
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
    const report = await callHttp({ baseUrl: base }, 'imports/strong', { fileName: 'a.csv', content: csv, memberName: 'Ada Lift', unit: 'kg' }, (e) => events.push(e));
    expect(report).toMatchObject({ setsStored: 2, unit: 'kg' });
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.at(-1)!.fraction).toBe(1);
  });

  it('serves the renderer with a strict Content-Security-Policy, and refuses GET on the API', async () => {
    const page = await fetch(`${base}/members/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>studio</title>');
    expect((await fetch(`${base}/../../etc/passwd`)).status).not.toBe(500);
    expect((await fetch(`${base}/api/members/list`)).status).toBe(405);
  });

  it('tells loopback callers from network callers', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['192.168.1.20', '::ffff:10.0.0.2', 'fe80::1', undefined]) expect(isLoopback(a)).toBe(false);
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
