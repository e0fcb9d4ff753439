/**
 * The sync protocol through the real HTTP server: pairing, pull from a cursor, push with
 * exactly-once acks, poison ops, the conflict rules, offline bookings, a week offline, crash
 * points and re-pairing with unsent sets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryClientStore, SyncClient } from '../../engine/sync/client';
import type { PulledPlan } from '../../engine/sync/pull';
import { seededUlid, startSyncStudio, SYNC_T0, type SyncStudio } from './testkit';
import { TestPhone } from './ops-kit';

let studio: SyncStudio;
let memberId: number;
let token: string;
let plan: PulledPlan;
const newId = seededUlid(42);

const countRows = (sql: string, ...args: unknown[]) => (studio.host.store.sqlite.prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  studio = await startSyncStudio();
  const m = await studio.memberWithPlan('Ana Phone');
  memberId = m.member.id;
  token = (await studio.pair(memberId, 'Ana\'s phone')).token;
  plan = (await studio.pull(token, 0)).plan!;
}, 60_000);
afterAll(async () => { await studio.close(); });

describe('pairing and pull', () => {
  it('a pairing code works once, and the first pull brings the approved plan', async () => {
    expect(plan.sessions.length).toBeGreaterThan(0);
    expect(plan.sessions[0]!.prescriptions[0]).toMatchObject({ exerciseName: expect.any(String), sets: expect.any(Number), restS: expect.any(Number) });
    const code = await studio.call<{ code: string }>('phones/pairing-code', { memberId, baseUrl: `http://127.0.0.1:${studio.server.port}` });
    expect((await studio.post('/sync/v1/pair', { code: code.code, deviceName: 'One' }, null)).status).toBe(200);
    const again = await studio.post('/sync/v1/pair', { code: code.code, deviceName: 'Two' }, null);
    expect(again.status).toBe(401);
  });

  it('an expired pairing code is refused', async () => {
    const code = await studio.call<{ code: string }>('phones/pairing-code', { memberId, baseUrl: 'http://127.0.0.1:1' });
    studio.setClock(studio.clock() + 5 * 60_000 + 1);
    const r = await studio.post('/sync/v1/pair', { code: code.code, deviceName: 'Late' }, null);
    studio.setClock(SYNC_T0);
    expect([r.status, (r.json() as { error: { message: string } }).error.message]).toEqual([401, expect.stringContaining('expired')]);
  });

  it('a pull from the newest cursor sends no unchanged sections; a cursor ahead of the studio gets a full resync', async () => {
    const first = await studio.pull(token, 0);
    const second = await studio.pull(token, first.cursor);
    expect(second.plan).toBeUndefined();
    expect(second.reset).toBe(false);
    const ahead = await studio.pull(token, first.cursor + 1000);
    expect(ahead.reset).toBe(true);
    expect(ahead.plan?.id).toBe(plan.id);
  });
});

describe('push', () => {
  it('applies each op once: a replayed batch is acknowledged again and changes nothing', async () => {
    const phone = new TestPhone('anaA', newId, () => studio.clock());
    const session = newId();
    const ops = [0, 1, 2].map((n) => phone.setLog(plan, session, n));
    const before = countRows('SELECT count(*) n FROM set_logs WHERE member_id = ?', memberId);
    const a = await studio.push(token, ops);
    expect(a.acks.map((x) => [x.status, x.duplicate])).toEqual([['applied', false], ['applied', false], ['applied', false]]);
    const b = await studio.push(token, [...ops, ops[1]!]);
    expect(b.acks.map((x) => [x.status, x.duplicate])).toEqual([['applied', true], ['applied', true], ['applied', true], ['applied', true]]);
    expect(countRows('SELECT count(*) n FROM set_logs WHERE member_id = ?', memberId)).toBe(before + 3);
    const links = countRows('SELECT count(*) n FROM set_log_links WHERE member_id = ? AND prescription_id IS NOT NULL', memberId);
    expect(links).toBeGreaterThanOrEqual(3);
  });

  it('a poison op is rejected with its reason, and the ops after it still apply', async () => {
    const phone = new TestPhone('anaB', newId, () => studio.clock());
    const session = newId();
    const good1 = phone.setLog(plan, session, 0);
    const poison = phone.setLog(plan, session, 1, { exerciseId: 'no-such-exercise' });
    const bad = phone.op('set.log', { reps: -3 });
    const unknown = phone.op('plan.approve', { planId: plan.id });
    const good2 = phone.setLog(plan, session, 2);
    const r = await studio.push(token, [good1, poison, bad, unknown, good2]);
    expect(r.acks.map((a) => a.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(r.acks[1]!.reason).toContain('no-such-exercise');
    expect(r.acks[3]!.reason).toContain('unknown operation kind');
    const again = await studio.push(token, [poison]);
    expect(again.acks[0]).toMatchObject({ status: 'rejected', duplicate: true, reason: r.acks[1]!.reason });
    const pulled = await studio.pull(token, 0);
    expect(pulled.rejected.map((x) => x.id)).toEqual(expect.arrayContaining([poison.id, bad.id, unknown.id]));
  });

  it('set logs are append-only: a later version supersedes, an older one arriving late does not', async () => {
    const phone = new TestPhone('anaC', newId, () => studio.clock());
    const session = newId();
    const v1 = phone.setLog(plan, session, 0, { reps: 5 });
    const logId = (v1.payload as { logId: string }).logId;
    const v2 = phone.op('set.log', { ...(v1.payload as object), reps: 7 });
    const v3 = phone.op('set.log', { ...(v1.payload as object), reps: 9 });
    await studio.push(token, [v1, v3]);
    await studio.push(token, [v2]);
    const row = studio.host.store.sqlite.prepare('SELECT s.reps FROM set_log_links l JOIN set_logs s ON s.id = l.set_log_id WHERE l.log_id = ?').get(logId) as { reps: number };
    expect(row.reps).toBe(9);
    expect(countRows('SELECT count(*) n FROM set_log_versions WHERE log_id = ?', logId)).toBe(3);
    const voided = phone.op('set.log', { ...(v1.payload as object), voided: true });
    await studio.push(token, [voided]);
    expect(countRows('SELECT count(*) n FROM set_log_links WHERE log_id = ? AND set_log_id IS NULL', logId)).toBe(1);
  });

  it('the approved plan cannot be changed from a phone, and another member\'s prescription is refused', async () => {
    const other = await studio.memberWithPlan('Ben Other');
    const otherToken = (await studio.pair(other.member.id)).token;
    const phone = new TestPhone('benA', newId, () => studio.clock());
    const r = await studio.push(otherToken, [phone.setLog(plan, newId(), 0)]);
    expect(r.acks[0]).toMatchObject({ status: 'rejected', reason: expect.stringContaining('in your plan') });
  });

  it("member fields merge per field, last writer by HLC wins, and a staff edit takes part", async () => {
    const early = new TestPhone('anaD', newId, () => studio.clock() - 60_000);
    const late = new TestPhone('anaE', newId, () => studio.clock());
    const lateOp = late.op('member.update', { preferredUnit: 'lb' });
    const earlyOp = early.op('member.update', { preferredUnit: 'kg', nickname: 'Ani' });
    await studio.push(token, [lateOp, earlyOp]);
    const m = studio.host.store.sqlite.prepare('SELECT preferred_unit u, nickname n FROM members WHERE id = ?').get(memberId) as { u: string; n: string };
    expect(m).toEqual({ u: 'lb', n: 'Ani' });
  });

  it('a week offline: 200 sets sync in one go through the client', async () => {
    const store = new MemoryClientStore();
    let wall = SYNC_T0 - 7 * 86_400_000;
    const client = new SyncClient(store, studio.transport(token), SyncClient.phoneClock('anaWeek', () => wall), newId, () => new Date(wall), 250);
    const session = newId();
    const p0 = plan.sessions[0]!.prescriptions[0]!;
    for (let i = 0; i < 200; i++) {
      wall += 3 * 60_000;
      await client.record('set.log', {
        logId: newId(), sessionId: session, planSessionId: plan.sessions[0]!.id, prescriptionId: p0.id, exerciseId: p0.exerciseId,
        setNumber: 1 + (i % 50), loadKg: 40, reps: 8, rir: 2, note: '', performedAt: new Date(wall).toISOString(),
      });
    }
    expect(await store.countPending()).toBe(200);
    const r = await client.sync();
    expect([r.pushed, r.applied, r.rejected, await store.countPending()]).toEqual([200, 200, 0, 0]);
    expect(Object.values(store.data.logs).filter((l) => l.sessionId === session && !l.pending)).toHaveLength(200);
  });
});

describe('crash points', () => {
  it('the answer is lost after the studio applied (server killed before answering): the retry is acknowledged, nothing doubles', async () => {
    const store = new MemoryClientStore();
    let lose = true;
    const real = studio.transport(token);
    const transport = { ...real, push: async (b: Parameters<typeof real.push>[0]) => { const a = await real.push(b); if (lose) { lose = false; throw new Error('connection reset'); } return a; } };
    const client = new SyncClient(store, transport, SyncClient.phoneClock('anaCrash1', () => studio.clock()), newId);
    const p0 = plan.sessions[0]!.prescriptions[0]!;
    const op = await client.record('set.log', { logId: newId(), sessionId: newId(), planSessionId: null, prescriptionId: null, exerciseId: p0.exerciseId, setNumber: 1, loadKg: 50, reps: 5, rir: 1, note: 'crash', performedAt: '2026-12-01T08:00:00.000Z' });
    await expect(client.sync()).rejects.toThrow('connection reset');
    expect(await store.countPending()).toBe(1);
    const r = await client.sync();
    expect([r.applied, r.duplicates]).toEqual([1, 1]);
    expect(countRows("SELECT count(*) n FROM set_log_versions WHERE op_id = ?", op.id)).toBe(1);
  });

  it('the phone dies between the answer and marking the ops done: they are pushed again and acknowledged as duplicates', async () => {
    const store = new MemoryClientStore();
    const client = new SyncClient(store, studio.transport(token), SyncClient.phoneClock('anaCrash2', () => studio.clock()), newId);
    const p0 = plan.sessions[0]!.prescriptions[0]!;
    const op = await client.record('set.log', { logId: newId(), sessionId: newId(), planSessionId: null, prescriptionId: null, exerciseId: p0.exerciseId, setNumber: 1, loadKg: 50, reps: 5, rir: 1, note: '', performedAt: '2026-12-01T08:00:00.000Z' });
    store.failAt = 'before-settle';
    await expect(client.sync()).rejects.toThrow('crash');
    store.failAt = null;
    const r = await client.sync();
    expect([r.applied, r.duplicates, await store.countPending()]).toEqual([1, 1, 0]);
    expect(countRows('SELECT count(*) n FROM set_log_versions WHERE op_id = ?', op.id)).toBe(1);
  });

  it('the phone dies between its local write and the outbox entry: both or neither (one storage transaction)', async () => {
    const store = new MemoryClientStore();
    const client = new SyncClient(store, studio.transport(token), SyncClient.phoneClock('anaCrash3', () => studio.clock()), newId);
    store.failAt = 'before-commit';
    const p0 = plan.sessions[0]!.prescriptions[0]!;
    await expect(client.record('set.log', { logId: newId(), sessionId: newId(), planSessionId: null, prescriptionId: null, exerciseId: p0.exerciseId, setNumber: 1, loadKg: 50, reps: 5, rir: 1, note: '', performedAt: '2026-12-01T08:00:00.000Z' })).rejects.toThrow('crash');
    expect([Object.keys(store.data.logs).length, store.outbox.length]).toEqual([0, 0]);
  });

  it('a batch that fails before its commit leaves nothing applied; its retry applies it once', async () => {
    const phone = new TestPhone('anaCrash4', newId, () => studio.clock());
    const op = phone.setLog(plan, newId(), 0);
    const sqlite = studio.host.store.sqlite;
    sqlite.exec("CREATE TEMP TRIGGER crash_before_commit AFTER INSERT ON sync_ops BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
    const failed = await studio.post('/sync/v1/push', { ops: [op] }, token);
    sqlite.exec('DROP TRIGGER crash_before_commit');
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(countRows('SELECT count(*) n FROM sync_ops WHERE op_id = ?', op.id)).toBe(0);
    expect((await studio.push(token, [op])).acks[0]).toMatchObject({ status: 'applied', duplicate: false });
  });
});

describe('signing out and re-pairing', () => {
  it('with unsent sets: pushes them first, or refuses with a warning while offline', async () => {
    const store = new MemoryClientStore();
    let offline = true;
    const real = studio.transport(token);
    const transport = { push: (b: Parameters<typeof real.push>[0]) => (offline ? Promise.reject(new Error('offline')) : real.push(b)), pull: (c: number) => (offline ? Promise.reject(new Error('offline')) : real.pull(c)) };
    const client = new SyncClient(store, transport, SyncClient.phoneClock('anaOut', () => studio.clock()), newId);
    const p0 = plan.sessions[0]!.prescriptions[0]!;
    await client.record('set.log', { logId: newId(), sessionId: newId(), planSessionId: null, prescriptionId: null, exerciseId: p0.exerciseId, setNumber: 1, loadKg: 50, reps: 5, rir: 1, note: '', performedAt: '2026-12-01T08:00:00.000Z' });
    const refused = await client.prepareUnpair();
    expect(refused).toMatchObject({ ok: false, pending: 1, message: expect.stringContaining('not sent') });
    offline = false;
    expect(await client.prepareUnpair()).toEqual({ ok: true });
    expect(await store.countPending()).toBe(0);
  });
});

describe('offline bookings', () => {
  it('a booking made offline into a class that filled meanwhile lands on the waitlist, with a message; the pull shows it', async () => {
    const { publishWeek, createMembers } = await import('../handlers/classes/testkit');
    await publishWeek(studio.host, studio.manager, '2026-11-30', [{ classTypeId: 'yoga', roomId: 'studio', trainerId: 'anna', weekday: 3, startMin: 1080 }]);
    const pulled = await studio.pull(token, 0);
    const yoga = pulled.timetable!.find((c) => c.className === 'Yoga')!;
    expect(yoga).toBeDefined();
    const phone = new TestPhone('anaBook', newId, () => studio.clock());
    const offline = phone.op('booking.book', { occurrenceId: yoga.occurrenceId });
    await studio.call('classes/set-capacity', { occurrenceId: yoga.occurrenceId, capacity: 1 });
    const [other] = await createMembers(studio.host, studio.manager, 1, 'Walk-in');
    await studio.call('classes/book', { occurrenceId: yoga.occurrenceId, memberId: other });
    const r = await studio.push(token, [offline]);
    expect(r.acks[0]).toMatchObject({ status: 'applied', message: expect.stringContaining('waitlist') });
    const after = await studio.pull(token, pulled.cursor);
    expect(after.bookings?.find((b) => b.occurrenceId === yoga.occurrenceId)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});

describe('the studio learns from phone sets', () => {
  it('the RIR model learns from them like imported sets, and the member page lists them against the plan', async () => {
    const fresh = await studio.memberWithPlan('Rita Rir');
    const t = (await studio.pair(fresh.member.id)).token;
    const freshPlan = (await studio.pull(t, 0)).plan!;
    const phone = new TestPhone('rita', newId, () => studio.clock());
    const session = newId();
    await studio.push(t, [0, 1, 2, 3].map((n) => phone.setLog(freshPlan, session, n)));
    const rir = await studio.call<{ setsLearnt: number }>('rir/member', { memberId: fresh.member.id });
    expect(rir.setsLearnt).toBe(4);
    const logged = await studio.call<{ sets: Array<{ prescribed: unknown }>; counts: { partial: number } }>('phones/logged-sets', { memberId: fresh.member.id });
    expect(logged.sets).toHaveLength(4);
    expect(logged.sets.every((s) => s.prescribed !== null)).toBe(true);
    expect(logged.counts.partial).toBeGreaterThan(0);
  });
});

describe('live refresh of the member page', () => {
  it('server-sent events tell a watching staff page within moments of a push; no ticket, no stream', async () => {
    const { get } = await import('node:http');
    const port = studio.server.port;
    const refused = await new Promise<number>((resolve) => get({ host: '127.0.0.1', port, path: `/events/v1/members/${memberId}` }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }));
    expect(refused).toBe(401);
    const ticket = await studio.call<{ ticket: string }>('live/ticket', { purpose: 'monitor' });
    const events: string[] = [];
    let gotHello: () => void;
    const hello = new Promise<void>((r) => { gotHello = r; });
    let gotChange: () => void;
    const change = new Promise<void>((r) => { gotChange = r; });
    const req = get({ host: '127.0.0.1', port, path: `/events/v1/members/${memberId}?ticket=${encodeURIComponent(ticket.ticket)}` }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        events.push(chunk);
        if (chunk.includes('hello')) gotHello();
        else if (chunk.includes('"memberId"')) gotChange();
      });
    });
    await hello;
    const t0 = performance.now();
    await studio.push(token, [new TestPhone('anaLive', newId, () => studio.clock()).setLog(plan, newId(), 0)]);
    await change;
    req.destroy();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(events.join('')).toContain(`"memberId":${memberId}`);
  });
});
