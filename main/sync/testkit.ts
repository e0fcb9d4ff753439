/**
 * For sync tests and the sync bench: a studio on a real SQLite file with its HTTP server on a
 * free port, phones switched on, members with approved plans, and helpers that pair phones and
 * speak the sync protocol over real HTTP (`rawRequest`, same-origin as the member app).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { Envelope } from '../contract/errors';
import type { PairingCodeView, PlanView, Member } from '../contract/index';
import type { Caller } from '../host/context';
import { createHost, type Host } from '../host/host';
import { createFirstManager } from '../host/testkit';
import { startHttpServer, type StartedServer } from '../http/server';
import { rawRequest, type RawResponse } from '../http/testkit';
import type { OpEnvelope, PushResponse } from '../../engine/sync/ops';
import type { PairResponse, PullResponse } from '../../engine/sync/pull';
import type { SyncTransport } from '../../engine/sync/client';

export interface SyncStudio {
  dir: string;
  host: Host;
  server: StartedServer;
  manager: Caller;
  /** Moves the host's clock (ms since the epoch). */
  setClock(ms: number): void;
  clock(): number;
  /** A member with an approved plan (generated, approved by the manager). */
  memberWithPlan(name: string): Promise<{ member: Member; plan: PlanView }>;
  /** Pairs a phone for the member through /sync/v1/pair; the device token. */
  pair(memberId: number, deviceName?: string): Promise<PairResponse>;
  post(path: string, body: unknown, token: string | null, headers?: Record<string, string>): Promise<RawResponse>;
  push(token: string, ops: OpEnvelope[], pending?: number): Promise<PushResponse>;
  pull(token: string, cursor: number): Promise<PullResponse>;
  transport(token: string): SyncTransport;
  call<T>(name: string, input: unknown, caller?: Caller): Promise<T>;
  close(): Promise<void>;
}

export const SYNC_T0 = Date.parse('2026-12-01T09:00:00Z');

export function value<T>(env: Envelope<unknown>, what: string): T {
  if (!env.ok) throw new Error(`${what}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

export async function startSyncStudio(options: { workers?: boolean } = {}): Promise<SyncStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-sync-'));
  let clock = SYNC_T0;
  const host = createHost(join(dir, 'studio.db'), { now: () => new Date(clock), workers: options.workers ?? false, liveTimers: false });
  const manager = await createFirstManager(host);
  const server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: dir });
  const call = async <T>(name: string, input: unknown, caller: Caller = manager) => value<T>(await host.call(name, input, caller), name);
  await call('phones/set-settings', { enabled: true });
  const post = (path: string, body: unknown, token: string | null, headers: Record<string, string> = {}) => rawRequest({
    port: server.port, path, body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${server.port}`, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const answer = async <T>(r: Promise<RawResponse>, what: string): Promise<T> => {
    const res = await r;
    const body = res.json() as Envelope<T>;
    if (!body.ok) throw Object.assign(new Error(`${what}: ${res.status} ${body.error.reason}: ${body.error.message}`), { status: res.status });
    return body.value;
  };
  const studio: SyncStudio = {
    dir, host, server, manager,
    setClock: (ms) => { clock = ms; },
    clock: () => clock,
    async memberWithPlan(name) {
      const member = await call<Member>('members/create', {
        name, goal: 'hypertrophy', level: 'intermediate', daysPerWeek: 3, sessionMinutes: 60, equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'body_only'],
        excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg', bodyMassKg: 80, sex: null, birthYear: 1990, notes: '', trainerStaffId: null, nickname: null,
      });
      const draft = await call<PlanView>('plans/generate', { memberId: member.id, weeks: 4 });
      const plan = await call<PlanView>('plans/approve', { planId: draft.id });
      return { member, plan };
    },
    async pair(memberId, deviceName = 'Test phone') {
      const code = await call<PairingCodeView>('phones/pairing-code', { memberId, baseUrl: `http://127.0.0.1:${server.port}` });
      return answer<PairResponse>(post('/sync/v1/pair', { code: code.code, deviceName }, null), 'pair');
    },
    post,
    push: (token, ops, pending = 0) => answer<PushResponse>(post('/sync/v1/push', { ops, pending }, token), 'push'),
    pull: (token, cursor) => answer<PullResponse>(post('/sync/v1/pull', { cursor }, token), 'pull'),
    transport(token) {
      return { push: (body) => studio.push(token, body.ops, body.pending), pull: (cursor) => studio.pull(token, cursor) };
    },
    call,
    async close() {
      await server.close();
      host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return studio;
}

/** Op ids: ULIDs from a seeded, monotonic factory (deterministic tests). */
export function seededUlid(seed: number): () => string {
  let s = seed >>> 0 || 1;
  const prng = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
  const next = monotonicFactory(prng);
  let t = SYNC_T0;
  return () => next(t++);
}
