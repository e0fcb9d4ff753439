/**
 * The phone's storage: IndexedDB through `idb`. A logged set and its outbox entry are written in
 * one IndexedDB transaction (`commitLocal`), so a phone that dies in between keeps both or
 * neither. Stores: `kv` (the pulled sections, the device token, the clock), `logs` (the current
 * version of each set, by logId) and `outbox` (unacknowledged ops, in the order made).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  applyLocalOp, applyPull, emptyLocalState, settleInto, type ClientStore, type LocalLog, type LocalState,
} from '../../../engine/sync/client';
import type { OpAck, OpEnvelope, SyncOp } from '../../../engine/sync/ops';
import type { PullResponse } from '../../../engine/sync/pull';

export interface Pairing { token: string; deviceId: number; memberId: number; memberName: string; expiresAt: string }

interface MemberDb extends DBSchema {
  kv: { key: string; value: unknown };
  logs: { key: string; value: LocalLog };
  outbox: { key: number; value: { n?: number; op: OpEnvelope }; indexes: { byId: string } };
}

const SECTIONS = ['cursor', 'lastSyncAt', 'member', 'plan', 'timetable', 'bookings', 'rejected', 'messages'] as const;

export class IdbClientStore implements ClientStore {
  private constructor(private readonly db: IDBPDatabase<MemberDb>) {}

  static async open(name = 'trainer-studio-member'): Promise<IdbClientStore> {
    const db = await openDB<MemberDb>(name, 1, {
      upgrade(d) {
        d.createObjectStore('kv');
        d.createObjectStore('logs', { keyPath: 'logId' });
        d.createObjectStore('outbox', { keyPath: 'n', autoIncrement: true }).createIndex('byId', 'op.id', { unique: true });
      },
    });
    return new IdbClientStore(db);
  }

  async pairing(): Promise<Pairing | null> { return ((await this.db.get('kv', 'pairing')) as Pairing | undefined) ?? null; }
  async setPairing(p: Pairing | null): Promise<void> {
    if (p) await this.db.put('kv', p, 'pairing');
    else {
      const tx = this.db.transaction(['kv', 'logs', 'outbox'], 'readwrite');
      await Promise.all([tx.objectStore('kv').clear(), tx.objectStore('logs').clear(), tx.objectStore('outbox').clear(), tx.done]);
    }
  }

  async commitLocal(op: SyncOp): Promise<void> {
    const tx = this.db.transaction(['kv', 'logs', 'outbox'], 'readwrite');
    // A failed write aborts the whole transaction (the set and its outbox entry together); the
    // failure is reported by the write itself, so the abort of `done` is not reported twice.
    tx.done.catch(() => undefined);
    const state = emptyLocalState();
    if (op.kind === 'set.log') {
      const held = await tx.objectStore('logs').get(op.payload.logId);
      if (held) state.logs[held.logId] = held;
    }
    if (op.kind === 'member.update') state.member = ((await tx.objectStore('kv').get('member')) as LocalState['member']) ?? null;
    applyLocalOp(state, op);
    for (const l of Object.values(state.logs)) await tx.objectStore('logs').put(l);
    if (op.kind === 'member.update' && state.member) await tx.objectStore('kv').put(state.member, 'member');
    await tx.objectStore('outbox').add({ op: { id: op.id, hlc: op.hlc, kind: op.kind, payload: op.payload } });
    await tx.done;
  }

  async pendingOps(limit: number): Promise<OpEnvelope[]> {
    return (await this.db.getAll('outbox', undefined, limit)).map((e) => e.op);
  }
  async countPending(): Promise<number> { return this.db.count('outbox'); }

  async settle(acks: readonly OpAck[], at: string): Promise<void> {
    const tx = this.db.transaction(['kv', 'logs', 'outbox'], 'readwrite');
    tx.done.catch(() => undefined);
    const outbox = tx.objectStore('outbox');
    const state = await this.readState(tx.objectStore('kv'), tx.objectStore('logs'));
    const ops: OpEnvelope[] = [];
    for (const a of acks) {
      const key = await outbox.index('byId').getKey(a.id);
      if (key === undefined) continue;
      ops.push((await outbox.get(key))!.op);
      await outbox.delete(key);
    }
    settleInto(state, ops, acks);
    for (const a of acks) {
      const op = ops.find((o) => o.id === a.id);
      if (op?.kind !== 'set.log') continue;
      const logId = (op.payload as { logId: string }).logId;
      const l = state.logs[logId];
      if (!l) await tx.objectStore('logs').delete(logId);
      else if (l.opId === a.id && a.status === 'applied') await tx.objectStore('logs').put({ ...l, pending: false });
    }
    await tx.objectStore('kv').put(state.rejected, 'rejected');
    await tx.objectStore('kv').put(state.messages.slice(-20), 'messages');
    await tx.objectStore('kv').put(at, 'lastPushAt');
    await tx.done;
  }

  async savePull(pull: PullResponse, at: string): Promise<void> {
    const tx = this.db.transaction(['kv', 'logs'], 'readwrite');
    tx.done.catch(() => undefined);
    const state = await this.readState(tx.objectStore('kv'), tx.objectStore('logs'));
    const before = new Set(Object.keys(state.logs));
    applyPull(state, pull, at);
    for (const id of before) if (!state.logs[id]) await tx.objectStore('logs').delete(id);
    for (const l of Object.values(state.logs)) await tx.objectStore('logs').put(l);
    for (const k of SECTIONS) if (k !== 'rejected' || pull.rejected.length) await tx.objectStore('kv').put(state[k], k);
    await tx.done;
  }

  async state(): Promise<LocalState> {
    const tx = this.db.transaction(['kv', 'logs'], 'readonly');
    return this.readState(tx.objectStore('kv'), tx.objectStore('logs'));
  }

  private async readState(kv: { get(k: string): Promise<unknown> }, logs: { getAll(): Promise<LocalLog[]> }): Promise<LocalState> {
    const s = emptyLocalState();
    for (const k of SECTIONS) {
      const v = await kv.get(k);
      if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
    }
    for (const l of await logs.getAll()) s.logs[l.logId] = l;
    return s;
  }

  async loadClock(): Promise<string | null> { return ((await this.db.get('kv', 'clock')) as string | undefined) ?? null; }
  async saveClock(hlc: string): Promise<void> { await this.db.put('kv', hlc, 'clock'); }
}
