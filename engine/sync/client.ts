/**
 * The phone's side of sync, written once for the member app (IndexedDB) and the tests (memory).
 *
 * Everything the member does is first an operation committed locally together with its outbox
 * entry, in one storage transaction (`ClientStore.commitLocal`): a crash leaves both or neither.
 * `sync` then pushes the outbox in batches and removes entries only once the studio has
 * acknowledged them (applied, duplicate or rejected), so a crash between the studio's answer and
 * that removal just pushes them again, and the studio acknowledges the replay without applying it
 * twice. Finally it pulls from the cursor.
 */
import { HybridClock } from './hlc';
import { MAX_OPS_PER_PUSH, type OpAck, type OpEnvelope, type OpKind, type OpPayloadInput, type PushResponse, type SyncOp, OP_PAYLOADS } from './ops';
import type { PullResponse, PulledBooking, PulledClass, PulledLog, PulledMember, PulledPlan } from './pull';
import { isLater } from './rules';

/** A set as the phone shows it: the current version of its `logId`. `pending`: not yet acknowledged. */
export type LocalLog = PulledLog & { pending: boolean };

export interface LocalRejection { id: string; kind: string; reason: string; at: string }

/** The phone's copy of its member's data. */
export interface LocalState {
  cursor: number;
  lastSyncAt: string | null;
  member: PulledMember | null;
  plan: PulledPlan | null;
  timetable: PulledClass[];
  bookings: PulledBooking[];
  logs: Record<string, LocalLog>;
  rejected: LocalRejection[];
  /** Messages the studio sent back about applied ops (e.g. a booking that went to the waitlist). */
  messages: string[];
}

export function emptyLocalState(): LocalState {
  return { cursor: 0, lastSyncAt: null, member: null, plan: null, timetable: [], bookings: [], logs: {}, rejected: [], messages: [] };
}

/** Folds one log version into `logs` by the append-only rule (later HLC, then op id, wins). */
export function mergeLog(logs: Record<string, LocalLog>, v: LocalLog): void {
  const held = logs[v.logId];
  if (!held || isLater({ hlc: v.hlc, opId: v.opId }, { hlc: held.hlc, opId: held.opId })) logs[v.logId] = v;
  else if (held.opId === v.opId && !v.pending) logs[v.logId] = { ...held, pending: false };
}

/** The local effect of an op the member just made (pure; mutates `state`). */
export function applyLocalOp(state: LocalState, op: SyncOp): void {
  if (op.kind === 'set.log') mergeLog(state.logs, { ...op.payload, opId: op.id, hlc: op.hlc, deviceName: null, pending: true });
  if (op.kind === 'member.update' && state.member) {
    const p = op.payload;
    state.member = { ...state.member, ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) } as PulledMember;
  }
}

/** Folds a pull into `state` (pure; mutates). Sections left out of the answer are unchanged. */
export function applyPull(state: LocalState, pull: PullResponse, at: string): void {
  if (pull.reset) {
    for (const [id, l] of Object.entries(state.logs)) if (!l.pending) delete state.logs[id];
  }
  state.cursor = pull.cursor;
  state.lastSyncAt = at;
  state.member = pull.member;
  if (pull.plan !== undefined) state.plan = pull.plan;
  if (pull.timetable) state.timetable = pull.timetable;
  if (pull.bookings) state.bookings = pull.bookings;
  for (const l of pull.logs) mergeLog(state.logs, { ...l, pending: false });
  const seen = new Set(state.rejected.map((r) => r.id));
  for (const r of pull.rejected) if (!seen.has(r.id)) state.rejected.push(r);
}

/** Storage of the phone: IndexedDB in the app, memory in tests. */
export interface ClientStore {
  /** One transaction: the op's local effect and its outbox entry; both or neither. */
  commitLocal(op: SyncOp): Promise<void>;
  /** The oldest unacknowledged ops, up to `limit`. */
  pendingOps(limit: number): Promise<OpEnvelope[]>;
  countPending(): Promise<number>;
  /** Removes acknowledged ops from the outbox and records rejections and messages. */
  settle(acks: readonly OpAck[], at: string): Promise<void>;
  /** Stores a pull. */
  savePull(pull: PullResponse, at: string): Promise<void>;
  state(): Promise<LocalState>;
  /** The newest HLC the phone made or saw (so its clock survives a reload). */
  loadClock(): Promise<string | null>;
  saveClock(hlc: string): Promise<void>;
}

export interface SyncTransport {
  push(body: { ops: OpEnvelope[]; pending: number }): Promise<PushResponse>;
  pull(cursor: number): Promise<PullResponse>;
}

export interface SyncResult { pushed: number; applied: number; rejected: number; duplicates: number; pulled: number }

export class SyncClient {
  constructor(
    private readonly store: ClientStore,
    private readonly transport: SyncTransport,
    private readonly clock: HybridClock,
    private readonly newId: () => string,
    private readonly now: () => Date = () => new Date(),
    /** Ops per push. */
    private readonly batchSize = 100,
  ) {}

  /** A clock for a phone: it accepts the studio's stamps whatever its own wall clock says. */
  static phoneClock(node: string, now: () => number = Date.now, start?: string): HybridClock {
    return new HybridClock(node, now, start, Infinity);
  }

  /** Records an op locally (validated first; throws a plain Error with the reason when invalid). */
  async record<K extends OpKind>(kind: K, payload: OpPayloadInput<K>): Promise<SyncOp> {
    const parsed = OP_PAYLOADS[kind].safeParse(payload);
    if (!parsed.success) throw new Error(`${kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const op = { id: this.newId(), hlc: this.clock.tick(), kind, payload: parsed.data } as SyncOp;
    await this.store.commitLocal(op);
    await this.store.saveClock(this.clock.latest);
    return op;
  }

  /**
   * Before signing out or pairing again: pushes what is unsent first; when that fails (offline)
   * or ops remain, refuses with the number still held, so no set is thrown away.
   */
  async prepareUnpair(): Promise<{ ok: true } | { ok: false; pending: number; message: string }> {
    if ((await this.store.countPending()) > 0) {
      try {
        await this.sync();
      } catch {
        /* offline: counted below */
      }
    }
    const pending = await this.store.countPending();
    if (pending === 0) return { ok: true };
    return { ok: false, pending, message: `${pending} change${pending === 1 ? ' is' : 's are'} not sent to the studio yet: connect to the studio's Wi-Fi and sync first, or they would be lost.` };
  }

  /** Pushes the whole outbox (in batches), then pulls. Throws when the network fails; the outbox stays. */
  async sync(): Promise<SyncResult> {
    const result: SyncResult = { pushed: 0, applied: 0, rejected: 0, duplicates: 0, pulled: 0 };
    for (;;) {
      const batch = await this.store.pendingOps(Math.min(this.batchSize, MAX_OPS_PER_PUSH));
      if (batch.length === 0) break;
      const pending = await this.store.countPending();
      const answer = await this.transport.push({ ops: batch, pending });
      this.clock.receive(answer.serverHlc);
      await this.store.settle(answer.acks, this.now().toISOString());
      result.pushed += batch.length;
      for (const a of answer.acks) {
        if (a.status === 'rejected') result.rejected++;
        else result.applied++;
        if (a.duplicate) result.duplicates++;
      }
      if (answer.acks.length === 0) break;
    }
    const st = await this.store.state();
    const pull = await this.transport.pull(st.cursor);
    this.clock.receive(pull.serverHlc);
    await this.store.savePull(pull, this.now().toISOString());
    await this.store.saveClock(this.clock.latest);
    result.pulled = pull.logs.length;
    return result;
  }
}

/** A `ClientStore` in memory (tests, the bench). `failAt` simulates a crash at a named point. */
export class MemoryClientStore implements ClientStore {
  data: LocalState = emptyLocalState();
  outbox: OpEnvelope[] = [];
  clockText: string | null = null;
  failAt: 'before-commit' | 'before-settle' | null = null;

  async commitLocal(op: SyncOp): Promise<void> {
    if (this.failAt === 'before-commit') throw new Error('crash: the phone died before its write');
    // One "transaction": both effects applied together.
    const next = structuredClone(this.data);
    applyLocalOp(next, op);
    this.data = next;
    this.outbox.push({ id: op.id, hlc: op.hlc, kind: op.kind, payload: op.payload });
  }
  async pendingOps(limit: number) { return this.outbox.slice(0, limit); }
  async countPending() { return this.outbox.length; }
  async settle(acks: readonly OpAck[]): Promise<void> {
    if (this.failAt === 'before-settle') throw new Error('crash: the phone died before marking the ops done');
    settleInto(this.data, this.outbox, acks);
    const done = new Set(acks.map((a) => a.id));
    this.outbox = this.outbox.filter((o) => !done.has(o.id));
  }
  async savePull(pull: PullResponse, at: string) { applyPull(this.data, pull, at); }
  async state() { return this.data; }
  async loadClock() { return this.clockText; }
  async saveClock(hlc: string) { this.clockText = hlc; }
}

/** Records the acks' rejections and messages into `state` (pure; mutates). */
export function settleInto(state: LocalState, outbox: readonly OpEnvelope[], acks: readonly OpAck[]): void {
  const byId = new Map(outbox.map((o) => [o.id, o]));
  for (const a of acks) {
    const op = byId.get(a.id);
    if (a.status === 'rejected' && op && !state.rejected.some((r) => r.id === a.id)) {
      state.rejected.push({ id: a.id, kind: op.kind, reason: a.reason ?? 'rejected', at: new Date().toISOString() });
      if (op.kind === 'set.log') {
        const p = op.payload as { logId: string };
        if (state.logs[p.logId]?.opId === a.id) delete state.logs[p.logId];
      }
    }
    if (a.message) state.messages.push(a.message);
  }
}
