/**
 * The contract fuzzer: malformed requests across every operation, over HTTP (raw bodies: broken
 * values, truncated JSON, invalid UTF-8, BOMs, deep nesting, huge strings) and through the IPC
 * layer (broken values as the window would send them, and malformed call messages), with a
 * manager's session so the calls reach validation. Every answer must be a typed error envelope
 * with a 4xx status, the server must keep serving, and the database must be byte-for-byte the
 * same afterwards (its SQLite image hashed before and after).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ERROR_REASONS, type Envelope } from '../../contract/errors';
import { contract, OP_NAMES, type OpName } from '../../contract/index';
import { rawRequest, type RawResponse } from '../../http/testkit';
import type { SecurityStudio } from '../testkit';
import { brokenBodyArbitrary, brokenCaseArbitrary, UnsupportedSchemaError, type BrokenBody, type BrokenCase } from './zod-arbitrary';

export interface FuzzReport {
  requests: number;
  http: number;
  ipc: number;
  /** Answers that were not a typed 4xx error, dropped connections, and a server that stopped. */
  crashes: number;
  /** The database image is the same after as before. */
  unchanged: boolean;
  /** Up to 20 descriptions of what went wrong. */
  problems: string[];
  /** Requests by kind of breakage. */
  kinds: Record<string, number>;
  seconds: number;
}

/** SHA-256 of the database's SQLite image (every page, WAL included). */
export function databaseImage(studio: SecurityStudio): string {
  return createHash('sha256').update(studio.host.store.sqlite.serialize()).digest('hex');
}

const TYPED = new Set<string>(ERROR_REASONS.filter((r) => r !== 'internal'));

function typedRefusal(body: unknown): string | null {
  const env = body as Partial<Envelope<unknown>>;
  if (env?.ok !== false) return `answered ${env?.ok === true ? 'ok: true' : 'without an envelope'}`;
  const reason = (env as { error?: { reason?: unknown; message?: unknown } }).error?.reason;
  if (typeof reason !== 'string' || !TYPED.has(reason)) return `reason ${String(reason)}`;
  if (typeof (env as { error: { message?: unknown } }).error.message !== 'string') return 'no message';
  return null;
}

/** Malformed IPC call messages: what a compromised page could post instead of a call. */
const MALFORMED_MESSAGES = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, 0, 'auth/me', [], [1, 2], { name: 42 }, { name: 'auth/me' }, { input: {} }, { name: '', input: {}, callId: 'x' },
    { name: 'auth/me', input: {}, callId: 'x', staffId: 1 }, { name: 'staff/list', input: {}, callId: 'x'.repeat(500) }, { name: '__proto__', input: {}, callId: 'x' },
    { name: 'constructor', input: {}, callId: 'x' }, { name: '../../etc/passwd', input: {}, callId: 'x' }),
  fc.record({ name: fc.string({ maxLength: 120 }), input: fc.jsonValue({ maxDepth: 3 }), callId: fc.string({ minLength: 1, maxLength: 40 }) })
    .filter((m) => !Object.hasOwn(contract, m.name)),
);

interface Plan { http: Array<{ name: OpName; body: BrokenBody }>; ipc: Array<{ name: OpName | null; message: unknown; kind: string }> }

/** Samples `requests` malformed requests, spread evenly over the operations, 60 % HTTP and 40 % IPC. */
function plan(requests: number, seed: number): Plan {
  const perOp = Math.ceil(requests / OP_NAMES.length);
  const httpPerOp = Math.ceil(perOp * 0.6);
  const ipcPerOp = perOp - httpPerOp;
  const out: Plan = { http: [], ipc: [] };
  OP_NAMES.forEach((name, i) => {
    const schema = contract[name].input;
    let bodies: BrokenBody[];
    let cases: BrokenCase[];
    try {
      bodies = fc.sample(brokenBodyArbitrary(schema), { seed: seed + i, numRuns: httpPerOp });
      cases = fc.sample(brokenCaseArbitrary(schema), { seed: seed + 7919 + i, numRuns: ipcPerOp });
    } catch (err) {
      if (err instanceof UnsupportedSchemaError) throw new Error(`${name}: its input schema accepts anything, so it cannot be fuzzed: ${err.message}`);
      throw err;
    }
    for (const body of bodies) out.http.push({ name, body });
    for (const c of cases) out.ipc.push({ name, message: { name, input: c.value, callId: 'fuzz' }, kind: `ipc:${c.kind}` });
  });
  for (const m of fc.sample(MALFORMED_MESSAGES, { seed, numRuns: Math.max(50, Math.round(requests * 0.02)) })) out.ipc.push({ name: null, message: m, kind: 'ipc:malformed-message' });
  return out;
}

/** Runs the fuzzer against a started studio; see `FuzzReport`. */
export async function runFuzz(studio: SecurityStudio, options: { requests: number; seed: number }): Promise<FuzzReport> {
  const t0 = performance.now();
  const work = plan(options.requests, options.seed);
  const before = databaseImage(studio);
  const problems: string[] = [];
  const kinds: Record<string, number> = {};
  let crashes = 0;
  const fail = (what: string) => {
    crashes++;
    if (problems.length < 20) problems.push(what);
  };
  const token = studio.tokens.manager;

  for (const { name, body } of work.http) {
    kinds[`http:${body.kind}`] = (kinds[`http:${body.kind}`] ?? 0) + 1;
    let res: RawResponse;
    try {
      res = await rawRequest({
        port: studio.server.port, path: `/api/${name}`, body: body.bytes, timeoutMs: 30_000,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
    } catch (err) {
      fail(`HTTP ${name} ${body.kind} (${body.detail}): the connection failed: ${(err as Error).message}`);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = res.json();
    } catch {
      fail(`HTTP ${name} ${body.kind} (${body.detail}): status ${res.status}, not JSON: ${res.text.slice(0, 80)}`);
      continue;
    }
    const wrong = typedRefusal(parsed);
    if (wrong || res.status < 400 || res.status >= 500) fail(`HTTP ${name} ${body.kind} (${body.detail}): status ${res.status}, ${wrong ?? 'a 4xx expected'}`);
  }

  for (const { name, message, kind } of work.ipc) {
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    let env: Envelope<unknown>;
    try {
      env = await studio.ipc.call(studio.windows.manager, message);
    } catch (err) {
      fail(`IPC ${name ?? 'message'} ${kind}: threw ${(err as Error).message}`);
      continue;
    }
    const wrong = typedRefusal(env);
    if (wrong) fail(`IPC ${name ?? 'message'} ${kind}: ${wrong}`);
  }

  const alive = await rawRequest({ port: studio.server.port, path: '/api/auth/me', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } })
    .then((r) => r.status === 200).catch(() => false);
  if (!alive) fail('the server stopped answering');
  const unchanged = databaseImage(studio) === before;
  if (!unchanged) fail('the database changed although every call was refused');
  return {
    requests: work.http.length + work.ipc.length, http: work.http.length, ipc: work.ipc.length,
    crashes, unchanged, problems, kinds, seconds: (performance.now() - t0) / 1000,
  };
}
