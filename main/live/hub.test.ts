/**
 * The live WebSocket on the real HTTP server: the upgrade's checks (ticket, Host, Origin), monitors
 * and sources, bad messages, an alert reaching a monitor, and a reconnect that gets the whole state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveServerMessage, LiveTicketView, SignedInView } from '../contract/index';
import type { Host } from '../host/host';
import { createTestHost, TEST_MANAGER } from '../host/testkit';
import { startHttpServer, type StartedServer } from '../http/server';
import { apiPost } from '../http/testkit';
import { seedRunningClasses } from './testkit';
import { openLive, type LiveClient } from './ws-testkit';
import { mulberry32 } from '../../engine/random';

const T0 = Date.parse('2026-12-04T18:00:00Z');
let dir: string;
let host: Host;
let server: StartedServer;
let token: string;
let clock = T0;
const clients: LiveClient[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-hub-'));
  clock = T0;
  ({ host } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock), liveTimers: false }));
  const signedIn = await host.call('auth/sign-in', { username: TEST_MANAGER.username, password: TEST_MANAGER.password }, { transport: 'http', staff: null, session: null });
  token = (signedIn as { value: SignedInView }).value.token!;
  server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: join(dir, 'static') });
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await server.close();
  host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ticket(purpose: 'monitor' | 'source'): Promise<string> {
  const res = await apiPost(server.port, 'live/ticket', { purpose }, token);
  expect(res.status).toBe(200);
  return (res.json() as { value: LiveTicketView }).value.ticket;
}
async function connect(purpose: 'monitor' | 'source'): Promise<LiveClient> {
  const c = await openLive(server.port, await ticket(purpose));
  clients.push(c);
  await c.next((m) => m.type === 'hello');
  return c;
}
const statusOf = (p: Promise<unknown>) => p.then(() => 0, (e: { status?: number }) => e.status ?? -1);

describe('the live WebSocket', () => {
  it('refuses an upgrade without a ticket, with a used ticket, from another origin or for another host', async () => {
    expect(await statusOf(openLive(server.port, null))).toBe(401);
    expect(await statusOf(openLive(server.port, 'made-up'))).toBe(401);
    const once = await ticket('monitor');
    clients.push(await openLive(server.port, once));
    expect(await statusOf(openLive(server.port, once))).toBe(401);
    const stale = await ticket('monitor');
    clock += 30_000;
    expect(await statusOf(openLive(server.port, stale))).toBe(401);
    expect(await statusOf(openLive(server.port, await ticket('monitor'), { origin: 'http://evil.example' }))).toBe(403);
    expect(await statusOf(openLive(server.port, await ticket('monitor'), { host: 'rebound.example:80' }))).toBe(403);
    expect(await statusOf(openLive(server.port, await ticket('monitor'), {}, '/live/v2'))).toBe(404);
    // A same-origin browser page is let in.
    const same = await openLive(server.port, await ticket('monitor'), { origin: `http://127.0.0.1:${String(server.port)}` });
    clients.push(same);
    expect((await same.next((m) => m.type === 'hello')).type).toBe('hello');
  });

  it('gives tickets only to signed-in staff', async () => {
    expect((await apiPost(server.port, 'live/ticket', { purpose: 'monitor' }, null)).status).toBe(401);
  });

  it('carries samples from a source to a monitor (bpm and raw 0x2A37), and an alert as it is raised', async () => {
    await host.call('live/set-settings', { highForS: 0 }, (await createTestHostCaller()));
    const { occurrenceIds, membersOf } = seedRunningClasses(host.store, { classes: 1, members: 2, startsAt: new Date(T0) });
    const occ = occurrenceIds[0]!;
    const [a, b] = membersOf.get(occ)! as [number, number];
    const monitor = await connect('monitor');
    monitor.send({ type: 'subscribe', occurrenceId: occ });
    const snap = await monitor.next<Extract<LiveServerMessage, { type: 'snapshot' }>>((m) => m.type === 'snapshot');
    expect(snap.live.members).toHaveLength(2);
    const source = await connect('source');
    source.send({ type: 'sample', occurrenceId: occ, memberId: a, bpm: 120 });
    const tile = await monitor.next<Extract<LiveServerMessage, { type: 'tile' }>>((m) => m.type === 'tile');
    expect([tile.tile.memberId, tile.tile.bpm, tile.simulated]).toEqual([a, 120, false]);
    clock += 1000;
    source.send({ type: 'sample', occurrenceId: occ, memberId: b, hrm: Buffer.from([0x10, 190, 0x00, 0x04]).toString('base64') });
    const alert = await monitor.next<Extract<LiveServerMessage, { type: 'alert' }>>((m) => m.type === 'alert');
    expect([alert.alert.kind, alert.alert.memberId]).toEqual(['high_heart_rate', b]);
  });

  it('answers bad messages and wrong roles with typed errors, and reports rejected samples to the source', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 1, startsAt: new Date(T0) });
    const occ = occurrenceIds[0]!;
    const monitor = await connect('monitor');
    monitor.ws.send('not json');
    expect(await monitor.next((m) => m.type === 'error')).toMatchObject({ reason: 'invalid_input', message: 'the message is not JSON' });
    monitor.send({ type: 'sample', occurrenceId: occ, memberId: 1, bpm: 100 });
    expect(await monitor.next((m) => m.type === 'error')).toMatchObject({ reason: 'forbidden' });
    monitor.send({ type: 'subscribe', occurrenceId: 424242 });
    expect(await monitor.next((m) => m.type === 'error')).toMatchObject({ reason: 'not_found' });
    const source = await connect('source');
    source.send({ type: 'subscribe', occurrenceId: occ });
    expect(await source.next((m) => m.type === 'error')).toMatchObject({ reason: 'forbidden' });
    source.send({ type: 'sample', occurrenceId: occ, memberId: 1, bpm: 100, extra: 1 });
    expect(await source.next((m) => m.type === 'error')).toMatchObject({ reason: 'invalid_input' });
    source.send({ type: 'sample', occurrenceId: occ, memberId: 1, hrm: 'AAAA' });
    expect(await source.next((m) => m.type === 'error')).toMatchObject({ reason: 'invalid_input', message: expect.stringMatching(/0 bpm/) });
    source.send({ type: 'sample', occurrenceId: occ, memberId: 1, bpm: 300 });
    expect(await source.next((m) => m.type === 'rejected')).toMatchObject({ reason: 'out_of_range' });
    source.send({ type: 'sample', occurrenceId: occ, memberId: 999, bpm: 100 });
    expect(await source.next((m) => m.type === 'rejected')).toMatchObject({ reason: 'not_in_class' });
  });

  it('answers 400 malformed messages each with a typed error and keeps serving', async () => {
    const { occurrenceIds, membersOf } = seedRunningClasses(host.store, { classes: 1, members: 1, startsAt: new Date(T0) });
    const occ = occurrenceIds[0]!;
    const source = await connect('source');
    const rand = mulberry32(20261204);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const junkValues = [null, true, -1, 0, 1.5, 2 ** 40, 'x'.repeat(70), '', [], {}, Number.NaN, 'AAAA', '////', { bpm: 1 }];
    const shapes = [
      () => pick(['', '{', '[]', 'null', '"sample"', '{"type":1}', '\u0000', '{"type":"sample"']),
      () => JSON.stringify({ type: pick(['sample', 'subscribe', 'unsubscribe', 'nope', 7]), occurrenceId: pick([occ, ...junkValues]), memberId: pick([1, ...junkValues]), bpm: pick([100, ...junkValues]) }),
      () => JSON.stringify({ type: 'sample', occurrenceId: occ, memberId: 1, hrm: pick(['AA==', 'AAAA', 'EBAA', '!!!!', 'x'.repeat(65), 'AB']) }),
      () => JSON.stringify({ type: 'sample', occurrenceId: occ, memberId: 1, bpm: 100, hrm: 'AEg=' }),
      () => JSON.stringify({ type: 'sample', occurrenceId: occ, memberId: 1, bpm: 100, [pick(['x', '__proto__', 'constructor'])]: 1 }),
    ];
    const sent = 400;
    for (let i = 0; i < sent; i += 1) source.ws.send(pick(shapes)());
    source.send({ type: 'sample', occurrenceId: occ, memberId: membersOf.get(occ)![0]!, bpm: 101 });
    source.ws.send('last');
    const answers = () => source.received.filter((m) => m.type === 'error' || m.type === 'rejected').length;
    // Every malformed message is answered, in order; the valid one among them is taken (no answer).
    await source.next(() => answers() >= sent + 1, 10_000).catch(() => undefined);
    expect(answers()).toBe(sent + 1);
    expect(source.received.every((m) => m.type === 'hello' || ((m.type === 'error' || m.type === 'rejected') && typeof m.reason === 'string' && typeof m.message === 'string'))).toBe(true);
    expect(source.received.filter((m) => m.type === 'error').every((m) => ['invalid_input', 'forbidden', 'not_found', 'conflict'].includes((m as { reason: string }).reason))).toBe(true);
    expect(host.live.view(occ).members[0]!.bpm).toBe(101);
  });

  it('gives a monitor that reconnects the whole state again', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 6, startsAt: new Date(T0) });
    const occ = occurrenceIds[0]!;
    const first = await connect('monitor');
    first.send({ type: 'subscribe', occurrenceId: occ });
    await first.next((m) => m.type === 'snapshot');
    await host.call('live/start-simulated', { occurrenceId: occ, seed: 3, speed: 5 }, await createTestHostCaller());
    host.live.advanceSimulated(occ, 200);
    await first.next((m) => m.type === 'alert');
    await first.close();
    host.live.advanceSimulated(occ, 10);
    const again = await connect('monitor');
    again.send({ type: 'subscribe', occurrenceId: occ });
    const snap = await again.next<Extract<LiveServerMessage, { type: 'snapshot' }>>((m) => m.type === 'snapshot');
    expect(snap.live).toEqual(host.live.view(occ));
    expect(snap.live.simulated).toBe(true);
    expect(snap.live.alerts.length).toBeGreaterThan(0);
    expect(snap.live.members.every((m) => m.bpm !== null)).toBe(true);
  });
});

async function createTestHostCaller() {
  return host.authenticate(token, { transport: 'http' });
}
