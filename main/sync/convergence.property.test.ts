/**
 * Convergence under a hostile network (fast-check): 2–5 phones of one member and staff edits in
 * the studio; every push may be lost on the way, lost on the way back, duplicated, shuffled,
 * delayed and delivered again later. After the network heals and every phone syncs, the studio
 * and all phones agree, no set log is lost and none is counted twice, every set's current
 * version is the latest by (HLC, op id), and each member field holds its last writer's value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryClientStore, SyncClient, type SyncTransport } from '../../engine/sync/client';
import { isLater } from '../../engine/sync/rules';
import type { OpEnvelope } from '../../engine/sync/ops';
import type { PulledPlan } from '../../engine/sync/pull';
import { seededUlid, startSyncStudio, type SyncStudio } from './testkit';

let studio: SyncStudio;
beforeAll(async () => { studio = await startSyncStudio(); }, 60_000);
afterAll(async () => { await studio.close(); });

type Fault = 'ok' | 'lose-request' | 'lose-answer' | 'duplicate' | 'shuffle' | 'delay';
type Step =
  | { kind: 'log'; device: number; rx: number; reps: number }
  | { kind: 'edit'; device: number; pick: number; reps: number; voided: boolean }
  | { kind: 'field'; device: number; unit: 'kg' | 'lb'; mass: number }
  | { kind: 'staff'; unit: 'kg' | 'lb' }
  | { kind: 'sync'; device: number; fault: Fault }
  | { kind: 'replay-delayed' };

const stepArb = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('log' as const), device, rx: fc.nat(20), reps: fc.integer({ min: 1, max: 15 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, pick: fc.nat(50), reps: fc.integer({ min: 1, max: 15 }), voided: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('field' as const), device, unit: fc.constantFrom('kg' as const, 'lb' as const), mass: fc.integer({ min: 50, max: 120 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('staff' as const), unit: fc.constantFrom('kg' as const, 'lb' as const) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device, fault: fc.constantFrom<Fault>('ok', 'lose-request', 'lose-answer', 'duplicate', 'shuffle', 'delay') }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'replay-delayed' as const }) },
  );
};

const scenario = fc.integer({ min: 2, max: 5 }).chain((devices) => fc.record({
  devices: fc.constant(devices),
  skews: fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: devices, maxLength: devices }),
  steps: fc.array(stepArb(devices), { minLength: 15, maxLength: 45 }),
  seed: fc.nat(),
}));

/** A transport that misbehaves once, as told; `delayed` collects batches to deliver again later. */
function faulty(real: SyncTransport, fault: { next: Fault }, delayed: Array<{ token: string; ops: OpEnvelope[] }>, token: string, rnd: () => number): SyncTransport {
  return {
    pull: real.pull,
    async push(body) {
      const f = fault.next;
      fault.next = 'ok';
      if (f === 'lose-request') throw new Error('lost on the way');
      if (f === 'delay') { delayed.push({ token, ops: body.ops }); throw new Error('stuck in a queue'); }
      const ops = f === 'shuffle' ? [...body.ops].sort(() => rnd() - 0.5) : body.ops;
      const answer = await real.push({ ...body, ops });
      if (f === 'duplicate') await real.push({ ...body, ops });
      if (f === 'lose-answer') throw new Error('lost on the way back');
      return answer;
    },
  };
}

let run = 0;
/** One id factory for the whole file: op ids are unique across runs, as ULIDs are across phones. */
const newId = seededUlid(20261204);
describe('sync convergence', () => {
  it('phones and the studio converge, no set lost or doubled, under loss, duplication, reordering, delay and replay', async () => {
    const stats = { ops: 0, logs: 0, faults: 0, runs: 0 };
    await fc.assert(fc.asyncProperty(scenario, async (sc) => {
      run++;
      const { member, plan: _plan } = await studio.memberWithPlan(`Conv ${run}`);
      void _plan;
      let r = sc.seed || 1;
      const rnd = () => ((r = (r * 1103515245 + 12345) >>> 0) / 2 ** 32);
      const delayed: Array<{ token: string; ops: OpEnvelope[] }> = [];
      const phones = [];
      for (let i = 0; i < sc.devices; i++) {
        const token = (await studio.pair(member.id, `P${i}`)).token;
        const store = new MemoryClientStore();
        const fault = { next: 'ok' as Fault };
        const clock = SyncClient.phoneClock(`dev${i}`, () => studio.clock() + sc.skews[i]!);
        const client = new SyncClient(store, faulty(studio.transport(token), fault, delayed, token, rnd), clock, newId, () => new Date(studio.clock()), 4);
        phones.push({ token, store, client, fault, created: [] as Array<{ logId: string; opId: string; hlc: string; voided: boolean }> });
        await client.sync();
      }
      const plan: PulledPlan = phones[0]!.store.data.plan!;
      const prescriptions = plan.sessions.flatMap((s) => s.prescriptions.map((p) => ({ s, p })));
      const fieldWrites: Array<{ stamp: { hlc: string; opId: string }; unit: 'kg' | 'lb' }> = [];
      const session = newId();
      for (const step of sc.steps) {
        studio.setClock(studio.clock() + 1000);
        if (step.kind === 'log' || step.kind === 'edit') {
          const ph = phones[step.device]!;
          const own = Object.values(ph.store.data.logs);
          if (step.kind === 'edit' && own.length === 0) continue;
          const { s, p } = prescriptions[step.kind === 'log' ? step.rx % prescriptions.length : 0]!;
          const base = step.kind === 'edit' ? own[step.pick % own.length]! : null;
          const op = await ph.client.record('set.log', base
            ? { logId: base.logId, sessionId: base.sessionId, planSessionId: base.planSessionId, prescriptionId: base.prescriptionId, exerciseId: base.exerciseId, setNumber: base.setNumber, loadKg: base.loadKg, rir: base.rir, note: base.note, performedAt: base.performedAt, reps: step.reps, voided: step.kind === 'edit' && step.voided }
            : { logId: newId(), sessionId: session, planSessionId: s.id, prescriptionId: p.id, exerciseId: p.exerciseId, setNumber: 1, loadKg: p.loadKg ?? 20, reps: step.reps, rir: 2, note: '', performedAt: new Date(studio.clock()).toISOString() });
          const payload = op.payload as { logId: string; voided: boolean };
          ph.created.push({ logId: payload.logId, opId: op.id, hlc: op.hlc, voided: payload.voided });
          stats.ops++;
        } else if (step.kind === 'field') {
          const op = await phones[step.device]!.client.record('member.update', { preferredUnit: step.unit, bodyMassKg: step.mass });
          fieldWrites.push({ stamp: { hlc: op.hlc, opId: op.id }, unit: step.unit });
          stats.ops++;
        } else if (step.kind === 'staff') {
          await studio.call('members/update', { memberId: member.id, patch: { preferredUnit: step.unit } });
          const held = studio.host.store.sqlite.prepare("SELECT hlc, op_id opId FROM member_field_clocks WHERE member_id = ? AND field = 'preferredUnit'").get(member.id) as { hlc: string; opId: string };
          fieldWrites.push({ stamp: held, unit: step.unit });
        } else if (step.kind === 'sync') {
          const ph = phones[step.device]!;
          ph.fault.next = step.fault;
          if (step.fault !== 'ok') stats.faults++;
          await ph.client.sync().catch(() => undefined);
          ph.fault.next = 'ok';
        } else if (delayed.length) {
          const d = delayed.splice(Math.floor(rnd() * delayed.length), 1)[0]!;
          await studio.push(d.token, d.ops);
        }
      }
      // The network heals: stale deliveries arrive, then everyone syncs until their outbox is empty.
      for (const d of delayed.splice(0)) await studio.push(d.token, d.ops);
      for (let round = 0; round < 2; round++) for (const ph of phones) await ph.client.sync();
      for (const ph of phones) expect(await ph.store.countPending()).toBe(0);

      const db = studio.host.store.sqlite;
      const created = phones.flatMap((ph) => ph.created);
      stats.logs += created.length;
      stats.runs++;
      const latest = new Map<string, { opId: string; hlc: string; voided: boolean }>();
      for (const v of created) {
        const held = latest.get(v.logId);
        if (!held || isLater({ hlc: v.hlc, opId: v.opId }, { hlc: held.hlc, opId: held.opId })) latest.set(v.logId, v);
      }
      const links = db.prepare('SELECT log_id logId, current_op_id opId, set_log_id setLogId FROM set_log_links WHERE member_id = ?').all(member.id) as Array<{ logId: string; opId: string; setLogId: number | null }>;
      expect(new Map(links.map((l) => [l.logId, l.opId]))).toEqual(new Map([...latest].map(([k, v]) => [k, v.opId])));
      const live = [...latest.values()].filter((v) => !v.voided).length;
      expect((db.prepare("SELECT count(*) n FROM set_logs WHERE member_id = ? AND source = 'phone'").get(member.id) as { n: number }).n).toBe(live);
      expect((db.prepare('SELECT count(*) n FROM set_log_versions WHERE member_id = ?').get(member.id) as { n: number }).n).toBe(created.length);
      for (const ph of phones) {
        expect(new Map(Object.values(ph.store.data.logs).map((l) => [l.logId, l.opId]))).toEqual(new Map(links.map((l) => [l.logId, l.opId])));
      }
      if (fieldWrites.length) {
        const winner = fieldWrites.reduce((w, x) => (isLater(x.stamp, w.stamp) ? x : w));
        const unit = (db.prepare('SELECT preferred_unit u FROM members WHERE id = ?').get(member.id) as { u: string }).u;
        expect(unit).toBe(winner.unit);
        for (const ph of phones) expect(ph.store.data.member?.preferredUnit).toBe(winner.unit);
      }
    }), { seed: 20261204, numRuns: 20 });
    // The scenarios did real work: most runs logged sets and met faults.
    expect(stats.runs).toBe(20);
    expect(stats.logs / stats.runs).toBeGreaterThan(5);
    expect(stats.faults / stats.runs).toBeGreaterThan(2);
  }, 240_000);
});
