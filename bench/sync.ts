/**
 * `npm run bench -- sync`: 500 simulated phones on loopback push 50 sets each (batches of 25)
 * and pull, against the studio running as its own process (`studio serve`, as a club runs it),
 * while a staff client keeps making the studio's own UI calls.
 * - `ops_per_s`: set logs applied per second over the push phase (target ≥ 2,000).
 * - `push_p99_ms`, `pull_p99_ms`: per request, over every phone's pushes and pulls (push target ≤ 200).
 * - `studio_call_p99_ms`: staff API calls (members list, a member's devices, logged sets,
 *   recent sets) during the load.
 * - `host_peak_mb`: the studio process's peak resident memory (VmHWM).
 * Setup (250 members with approved plans, 2 phones each) runs in-process before the studio starts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { Member, PlanView } from '../main/contract/index';
import { createTestHost, TEST_MANAGER } from '../main/host/testkit';
import { createPairingCode, pairDevice } from '../main/sync/devices';
import { pulledPlan } from '../main/sync/pull';
import { HybridClock } from '../engine/sync/hlc';
import type { PulledPlan } from '../engine/sync/pull';
import { percentile, round } from './stats';

const MEMBERS = 250, PHONES_PER_MEMBER = 2, SETS = 50, BATCH = 25;

interface Phone { token: string; plan: PulledPlan; clock: HybridClock }

async function setup(dbPath: string, log: (l: string) => void): Promise<Phone[]> {
  const { host, manager } = await createTestHost(dbPath, { workers: false, liveTimers: false });
  const call = async <T>(name: string, input: unknown) => {
    const env = await host.call(name, input, manager);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value as T;
  };
  await call('phones/set-settings', { enabled: true });
  const phones: Phone[] = [];
  for (let m = 0; m < MEMBERS; m++) {
    const member = await call<Member>('members/create', {
      name: `Bench Member ${m}`, goal: 'hypertrophy', level: 'intermediate', daysPerWeek: 3, sessionMinutes: 60, equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'body_only'],
      excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg', bodyMassKg: 75, sex: null, birthYear: 1990, notes: '', trainerStaffId: null, nickname: null,
    });
    const draft = await call<PlanView>('plans/generate', { memberId: member.id, weeks: 4 });
    await call('plans/approve', { planId: draft.id });
    const plan = pulledPlan(host.store.db, member.id)!;
    for (let p = 0; p < PHONES_PER_MEMBER; p++) {
      const { code } = createPairingCode(host.store.db, member.id, null, new Date(), 'cli');
      const paired = pairDevice(host.store.db, code, `Phone ${p}`, new Date(), '127.0.0.1');
      phones.push({ token: paired.token, plan, clock: new HybridClock(`b${m}p${p}`) });
    }
  }
  log(`setup: ${MEMBERS} members with approved plans, ${phones.length} paired phones`);
  host.close();
  return phones;
}

function startStudio(dbPath: string): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), 'bin/studio.mjs', '--db', dbPath, 'serve', '--port', '0'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /serving http:\/\/[^:]+:(\d+)\//.exec(out);
      if (m) resolve({ port: Number(m[1]), pid: child.pid!, stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the studio exited (${code}):\n${out}`)));
  });
}

function post(agent: Agent, port: number, path: string, body: unknown, token: string | null): Promise<{ status: number; json: unknown; ms: number }> {
  const data = Buffer.from(JSON.stringify(body));
  let t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()), ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    // The clock starts when the request has its connection (waiting for one of the pool's
    // sockets is the phones queueing, not the studio answering).
    req.on('socket', () => { t0 = performance.now(); });
    req.end(data);
  });
}

function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? round(Number(m[1]) / 1024, 1) : Number.NaN;
}

export async function sync(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const dbPath = join(dir, 'studio.db');
  const t0setup = performance.now();
  const phones = await setup(dbPath, log);
  log(`setup took ${round((performance.now() - t0setup) / 1000, 1)} s`);
  const studio = await startStudio(dbPath);
  // 16 requests in flight at once: the phones queue for a connection as on a busy access point; latencies are per request.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const staffAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const signIn = await post(staffAgent, studio.port, '/api/auth/sign-in', { username: TEST_MANAGER.username, password: TEST_MANAGER.password }, null);
    const staffToken = (signIn.json as { value: { token: string } }).value.token;
    const newId = monotonicFactory();
    const pushMs: number[] = [], pullMs: number[] = [], staffMs: number[] = [];
    let applied = 0, failed = 0, running = true;
    const staffLoop = (async () => {
      const calls: Array<[string, unknown]> = [['members/list', {}], ['phones/devices', { memberId: 1 }], ['phones/logged-sets', { memberId: 1, limit: 50 }], ['history/sets', { memberId: 2, limit: 50 }]];
      for (let i = 0; running; i++) {
        const [name, input] = calls[i % calls.length]!;
        const r = await post(staffAgent, studio.port, `/api/${name}`, input, staffToken);
        if (r.status !== 200) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
        staffMs.push(r.ms);
      }
    })();
    const t0 = performance.now();
    await Promise.all(phones.map(async (ph) => {
      const session = newId();
      const s = ph.plan.sessions[0]!;
      let cursor = 0;
      for (let b = 0; b < SETS / BATCH; b++) {
        const ops = Array.from({ length: BATCH }, (_, i) => {
          const n = b * BATCH + i;
          const p = s.prescriptions[n % s.prescriptions.length]!;
          return { id: newId(), hlc: ph.clock.tick(), kind: 'set.log', payload: {
            logId: newId(), sessionId: session, planSessionId: s.id, prescriptionId: p.id, exerciseId: p.exerciseId, setNumber: 1 + Math.floor(n / s.prescriptions.length),
            loadKg: p.loadKg ?? 20, reps: p.repMax, rir: 2, note: '', performedAt: new Date(Date.now() - (SETS - n) * 60_000).toISOString(),
          } };
        });
        const r = await post(agent, studio.port, '/sync/v1/push', { ops, pending: SETS - b * BATCH }, ph.token);
        pushMs.push(r.ms);
        const acks = (r.json as { ok: boolean; value?: { acks: Array<{ status: string }> } }).value?.acks ?? [];
        applied += acks.filter((a) => a.status === 'applied').length;
        failed += BATCH - acks.filter((a) => a.status === 'applied').length;
        const pulled = await post(agent, studio.port, '/sync/v1/pull', { cursor }, ph.token);
        pullMs.push(pulled.ms);
        cursor = (pulled.json as { value: { cursor: number } }).value.cursor;
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await staffLoop;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    log(`phones: ${phones.length}, sets pushed: ${phones.length * SETS} in ${round(seconds, 1)} s, applied ${applied}, not applied ${failed}; staff calls during the load: ${staffMs.length}`);
    return {
      ops_per_s: round(applied / seconds, 0),
      push_p50_ms: round(percentile(sorted(pushMs), 50)),
      push_p99_ms: round(percentile(sorted(pushMs), 99)),
      pull_p99_ms: round(percentile(sorted(pullMs), 99)),
      studio_call_p99_ms: round(percentile(sorted(staffMs), 99)),
      host_peak_mb: peakMb(studio.pid),
      sets_not_applied: failed,
    };
  } finally {
    agent.destroy();
    staffAgent.destroy();
    await studio.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
