/**
 * The sync API for member phones, `POST /sync/v1/{pair,push,pull}` and
 * `GET /sync/v1/openapi.json`, on the studio's HTTP server beside `/api/`.
 *
 * The same boundary as the staff API, in the same order, each check before the next is paid
 * for: `Host` (checked by the server for every path), the switch in Settings (phones off: 403),
 * POST, same-origin (the member app is served by this host, so it is same-origin; a native
 * shell would send no `Origin`), `application/json`, the device token (pair aside), the body
 * under 256 KB, its strict schema. Answers use the staff API's envelope
 * (`{ ok: true, value }` / `{ ok: false, error: { reason, message, field? } }`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { StudioError, type ErrorPayload } from '../contract/errors';
import type { Host } from '../host/host';
import type { HandlerContext } from '../host/context';
import { readBody, parseJsonBody } from '../http/body';
import { bearerToken, contentTypeProblem, originProblem } from '../http/boundary';
import { PairRequest, PullRequest, PushRequest } from '../../engine/sync/ops';
import { applyPush } from './apply';
import { authenticateDevice, DEVICE_PROBLEM_MESSAGES, pairDevice } from './devices';
import { syncOpenApi } from './openapi';
import { buildPull } from './pull';
import { phoneSettings } from './service';
import { fastSeen } from '../../db/sync';

export const SYNC_PREFIX = '/sync/';
/** The largest sync body, bytes (250 ops of a few hundred bytes each fit easily). */
export const SYNC_BODY_LIMIT = 256 * 1024;

const STATUS: Partial<Record<ErrorPayload['reason'], number>> = {
  invalid_input: 400, unauthorized: 401, forbidden: 403, not_found: 404, too_large: 413, conflict: 409, unknown_operation: 404, internal: 500,
};
const HEADERS = {
  'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'referrer-policy': 'no-referrer',
};

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, { ...HEADERS, ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}
function fail(res: ServerResponse, err: StudioError, status = STATUS[err.reason] ?? 400, close = false): void {
  send(res, status, { ok: false, error: err.toPayload() }, close);
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.');
  throw new StudioError('invalid_input', `${field || 'body'}: ${issue.message}`.slice(0, 300), field || undefined);
}

function phoneContext(host: Host, address: string | null): HandlerContext {
  return {
    store: host.store, now: host.now, version: host.version, live: host.live, sync: host.sync, progress: () => {},
    caller: { transport: 'phone', staff: null, session: null, address },
  };
}

const ENDPOINTS = new Set(['pair', 'push', 'pull']);

/** Answers one request under `/sync/`; never throws (errors become envelopes). */
export async function handleSync(host: Host, req: IncomingMessage, res: ServerResponse, pathname: string, scheme: 'http' | 'https'): Promise<void> {
  const m = /^\/sync\/v(\d+)\/([a-z.]+)$/.exec(pathname);
  if (!m) return fail(res, new StudioError('not_found', 'there is no such sync endpoint: see /sync/v1/openapi.json'), 404, true);
  if (m[1] !== '1') return fail(res, new StudioError('invalid_input', `this studio speaks sync v1, not v${m[1]!.slice(0, 6)}: update the app`, 'version'), 400, true);
  const name = m[2]!;
  if (name === 'openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) return send(res, 200, syncOpenApi(host.version));
  if (name === 'ca.pem' && req.method === 'GET') {
    if (!host.sync.https) return fail(res, new StudioError('not_found', 'this studio does not serve HTTPS'), 404, true);
    res.writeHead(200, { 'content-type': 'application/x-pem-file', 'content-disposition': 'attachment; filename="trainer-studio-ca.pem"', 'x-content-type-options': 'nosniff' });
    res.end(host.sync.https.caCert);
    return;
  }
  if (!ENDPOINTS.has(name)) return fail(res, new StudioError('not_found', `there is no sync endpoint "${name.slice(0, 40)}"`), 404, true);
  if (!phoneSettings(host.store.db).enabled) return fail(res, new StudioError('forbidden', 'member phones are switched off in the studio\'s Settings'), 403, true);
  if (req.method !== 'POST') return fail(res, new StudioError('invalid_input', 'use POST with a JSON body'), 405, true);
  const originBad = originProblem(req.headers, req.headers.host ?? '', scheme);
  if (originBad) return fail(res, new StudioError('forbidden', originBad), 403, true);
  const typeBad = contentTypeProblem(req.headers['content-type']);
  if (typeBad) return fail(res, new StudioError('invalid_input', typeBad), 415, true);
  const now = host.now();
  const address = req.socket.remoteAddress ?? null;
  let device = null;
  if (name !== 'pair') {
    const auth = authenticateDevice(host.store.db, bearerToken(req.headers.authorization), now);
    if (!auth.ok) return fail(res, new StudioError('unauthorized', DEVICE_PROBLEM_MESSAGES[auth.problem]), 401, true);
    device = auth.device;
  }
  let body: unknown;
  try {
    body = parseJsonBody(await readBody(req, SYNC_BODY_LIMIT));
  } catch (err) {
    const e = err instanceof StudioError ? err : new StudioError('invalid_input', 'the request body could not be read');
    fail(res, e, STATUS[e.reason] ?? 400, true);
    if (e.reason === 'too_large') res.on('finish', () => req.socket.destroy());
    return;
  }
  try {
    if (name === 'pair') {
      const input = parse(PairRequest, body);
      return send(res, 200, { ok: true, value: pairDevice(host.store.db, input.code, input.deviceName, now, address) });
    }
    if (name === 'push') {
      const input = parse(PushRequest, body);
      const acks = applyPush({ ctx: phoneContext(host, address), device: device!, clock: host.sync.clock }, input.ops, input.pending);
      if (acks.some((a) => !a.duplicate)) host.sync.notify(device!.memberId);
      return send(res, 200, { ok: true, value: { acks, cursor: 0, serverHlc: host.sync.clock.tick() } });
    }
    const input = parse(PullRequest, body);
    const value = buildPull(host.store.db, device!, input.cursor, now, host.sync.clock.tick());
    fastSeen(host.store.db, device!.id, now.toISOString(), address);
    return send(res, 200, { ok: true, value });
  } catch (err) {
    if (err instanceof StudioError) return fail(res, err);
    throw err;
  }
}
