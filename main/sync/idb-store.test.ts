/**
 * The member app's IndexedDB store (renderer/member/src/idb-store.ts) on fake-indexeddb, against
 * the real studio: a set and its outbox entry are one IndexedDB transaction (a failure part-way
 * leaves neither), and a full round trip leaves nothing pending.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../engine/sync/client';
import type { SyncOp } from '../../engine/sync/ops';
import type { PulledPlan } from '../../engine/sync/pull';
import { IdbClientStore } from '../../renderer/member/src/idb-store';
import { seededUlid, startSyncStudio, type SyncStudio } from './testkit';

let studio: SyncStudio;
let token: string;
let plan: PulledPlan;
const newId = seededUlid(77);

beforeAll(async () => {
  studio = await startSyncStudio();
  const m = await studio.memberWithPlan('Ida Idb');
  token = (await studio.pair(m.member.id)).token;
  plan = (await studio.pull(token, 0)).plan!;
}, 60_000);
afterAll(async () => { await studio.close(); });

const setOp = (id: string, logId: string): SyncOp => {
  const p = plan.sessions[0]!.prescriptions[0]!;
  return { id, hlc: '000001764579600000-0000-idb', kind: 'set.log', payload: {
    logId, sessionId: newId(), planSessionId: plan.sessions[0]!.id, prescriptionId: p.id, exerciseId: p.exerciseId, setNumber: 1, loadKg: 40, reps: 8, rir: 2, note: '', performedAt: '2026-12-01T10:00:00.000Z', voided: false,
  } };
};

describe('the member app store', () => {
  it('writes the set and its outbox entry together: when the outbox write fails, the set is not kept either', async () => {
    const store = await IdbClientStore.open('atomic-test');
    const first = setOp(newId(), newId());
    await store.commitLocal(first);
    const clash = setOp(first.id, newId()); // the same op id: the outbox's unique index refuses it
    await expect(store.commitLocal(clash)).rejects.toThrow();
    const state = await store.state();
    expect(Object.keys(state.logs)).toEqual([(first.payload as { logId: string }).logId]);
    expect(await store.countPending()).toBe(1);
  });

  it('round trip: sets logged offline are pushed, acknowledged, and kept as synced; a lost answer is pushed again without doubling', async () => {
    const store = await IdbClientStore.open('round-trip');
    const real = studio.transport(token);
    let lose = true;
    const transport = { ...real, push: async (b: Parameters<typeof real.push>[0]) => { const a = await real.push(b); if (lose) { lose = false; throw new Error('answer lost'); } return a; } };
    const client = new SyncClient(store, transport, SyncClient.phoneClock('idbphone', () => studio.clock()), newId);
    const p = plan.sessions[0]!.prescriptions[0]!;
    for (let i = 0; i < 3; i++) {
      await client.record('set.log', { logId: newId(), sessionId: newId(), planSessionId: plan.sessions[0]!.id, prescriptionId: p.id, exerciseId: p.exerciseId, setNumber: i + 1, loadKg: 40, reps: 8, rir: 2, note: '', performedAt: '2026-12-01T10:00:00.000Z' });
    }
    await expect(client.sync()).rejects.toThrow('answer lost');
    expect(await store.countPending()).toBe(3);
    const r = await client.sync();
    expect([r.applied, r.duplicates, await store.countPending()]).toEqual([3, 3, 0]);
    const logs = Object.values((await store.state()).logs);
    expect(logs).toHaveLength(3);
    expect(logs.every((l) => !l.pending)).toBe(true);
    expect((await store.state()).plan?.id).toBe(plan.id);
  });
});
