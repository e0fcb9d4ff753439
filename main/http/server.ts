/**
 * The HTTP transport: `POST /api/<namespace>/<operation>` answered by an envelope (or an NDJSON
 * progress stream ending in one), plus the built renderer as static files.
 *
 * Order of checks for an API call, each before the next is paid for: the boundary (`Host`,
 * same-origin, JSON content type), the operation's name, the session (`Authorization: Bearer`)
 * and the caller's role, then the body under its limit (1 MB; 80 MB for file imports), then the
 * input's schema and the handler (`dispatch`). Nobody is trusted for the socket they come from.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { StudioError, type Envelope, type ErrorPayload } from '../contract/errors';
import { contract, type Contract, type OpName } from '../contract/index';
import type { Caller } from '../host/context';
import type { Host } from '../host/host';
import { refusal } from '../host/access';
import { newErrorId } from '../host/registry';
import { handleStripeWebhook, STRIPE_WEBHOOK_PATH } from './stripe-webhook';
import { BODY_LIMIT, FILE_BODY_LIMIT, parseJsonBody, readBody } from './body';
import { allowedHosts, bearerToken, contentTypeProblem, hostProblem, originProblem } from './boundary';
import { serveStatic } from './static';
import { attachLiveHub } from '../live/hub';
import { handleSync, SYNC_PREFIX } from '../sync/http';
import { handleEvents, EVENTS_PREFIX } from '../sync/events';
import { serveMemberApp, MEMBER_PREFIX } from '../sync/member-app';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export const STATUS: Record<ErrorPayload['reason'], number> = {
  invalid_input: 400, import_failed: 422, not_found: 404, forbidden: 403, unauthorized: 401, wrong_secret: 401, locked: 423,
  rate_limited: 429, too_large: 413, conflict: 409, plan_locked: 409, unknown_operation: 404, cancelled: 499, internal: 500,
};

const API_HEADERS = {
  'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'referrer-policy': 'no-referrer',
};

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, { ...API_HEADERS, ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, err: StudioError, close = false): void {
  sendJson(res, STATUS[err.reason] ?? 500, { ok: false, error: err.toPayload() }, close);
}

interface ApiContext { host: Host; scheme: 'http' | 'https' }

/** What the boundary checks of an API request need from it. */
export type BoundaryRequest = Pick<IncomingMessage, 'method' | 'headers'> & { socket: { remoteAddress?: string | undefined } };

/**
 * Everything before the body is read: the method, same-origin, the JSON content type, the
 * operation's name, the session and the caller's role (the Host was checked for every path
 * already). Returns the caller and the operation, or the refusal with its HTTP status.
 */
export function admitApiRequest(host: Host, req: BoundaryRequest, name: string, scheme: 'http' | 'https' = 'http'):
  { ok: true; caller: Caller; op: Contract[OpName] } | { ok: false; status: number; error: StudioError } {
  if (req.method !== 'POST') return { ok: false, status: 405, error: new StudioError('invalid_input', 'use POST with a JSON body') };
  const originBad = originProblem(req.headers, req.headers.host ?? '', scheme);
  if (originBad) return { ok: false, status: 403, error: new StudioError('forbidden', originBad) };
  const typeBad = contentTypeProblem(req.headers['content-type']);
  if (typeBad) return { ok: false, status: 415, error: new StudioError('invalid_input', typeBad) };
  if (!Object.hasOwn(contract, name)) return { ok: false, status: 404, error: new StudioError('unknown_operation', `there is no operation "${name.slice(0, 100)}"`) };
  const op = contract[name as OpName];
  const caller = host.authenticate(bearerToken(req.headers.authorization), {
    transport: 'http', address: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null,
  });
  const refused = refusal(name, op.access, caller, host.store.db);
  if (refused) return { ok: false, status: STATUS[refused.reason], error: refused };
  return { ok: true, caller, op };
}

async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  const admitted = admitApiRequest(ctx.host, req, name, ctx.scheme);
  if (!admitted.ok) {
    sendJson(res, admitted.status, { ok: false, error: admitted.error.toPayload() }, true);
    return;
  }
  const { caller, op } = admitted;
  let input: unknown;
  try {
    input = parseJsonBody(await readBody(req, 'largeBody' in op && op.largeBody ? FILE_BODY_LIMIT : BODY_LIMIT));
  } catch (err) {
    const e = err instanceof StudioError ? err : new StudioError('invalid_input', 'the request body could not be read');
    sendError(res, e, true);
    if (e.reason === 'too_large') res.on('finish', () => req.socket.destroy());
    return;
  }
  // A client that goes away (a closed tab, a cancel button aborting its fetch) cancels the work.
  const controller = new AbortController();
  res.on('close', () => { if (!res.writableFinished) controller.abort(); });
  const streaming = (req.headers.accept ?? '').includes('application/x-ndjson');
  if (!streaming) {
    const envelope = await ctx.host.call(name, input, caller, undefined, controller.signal);
    sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.reason] ?? 500, envelope);
    return;
  }
  res.writeHead(200, { ...API_HEADERS, 'content-type': 'application/x-ndjson; charset=utf-8' });
  const envelope: Envelope<unknown> = await ctx.host.call(name, input, caller, (fraction, message) => {
    res.write(`${JSON.stringify({ progress: { fraction, message } })}\n`);
  }, controller.signal);
  res.end(`${JSON.stringify(envelope)}\n`);
}

export interface StartedServer { server: Server; url: string; port: number; host: string; close(): Promise<void> }

export interface HttpServerOptions {
  port: number;
  /** The address to bind; `0.0.0.0` or `::` for every interface (the club network). */
  host: string;
  staticDir: string;
  /** Extra names the studio answers to in `Host` (e.g. `studio.local`). */
  publicNames?: readonly string[];
  /** Against slow clients (ms): all headers within, the whole request within; tests shorten them. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Serve HTTPS with this key and certificate (PEM; the studio CA's, main/sync/tls.ts). */
  tls?: { key: string; cert: string };
}

/** Timeouts against slow clients (ms): all headers within 15 s, the whole request within 2 min. */
export const HEADERS_TIMEOUT_MS = 15_000;
export const REQUEST_TIMEOUT_MS = 120_000;

/** Starts the server on `host:port` (port 0 picks a free one). */
export function startHttpServer(host: Host, options: HttpServerOptions): Promise<StartedServer> {
  let hosts: () => Set<string> = () => new Set();
  const scheme = options.tls ? 'https' as const : 'http' as const;
  const ctx: ApiContext = { host, scheme };
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const serverOptions = {
    headersTimeout, requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
    // How often Node looks for connections past those limits.
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(headersTimeout / 4))),
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const hostBad = hostProblem(req.headers.host, hosts());
    if (hostBad) return sendError(res, new StudioError('forbidden', hostBad), true);
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://studio.invalid').pathname;
    } catch {
      return sendError(res, new StudioError('invalid_input', 'the request path is not a URL'), true);
    }
    const task = pathname.startsWith('/api/')
      ? handleApi(ctx, req, res, safeDecode(pathname.slice(5)) ?? '')
      : pathname === STRIPE_WEBHOOK_PATH ? handleStripeWebhook(host, req, res)
      : pathname.startsWith(SYNC_PREFIX) ? handleSync(host, req, res, pathname, ctx.scheme)
        : pathname.startsWith(EVENTS_PREFIX) ? handleEvents(host, req, res, pathname, ctx.scheme)
          : pathname === '/member' || pathname.startsWith(MEMBER_PREFIX) ? serveMemberApp(host, options.staticDir, pathname, req, res)
            : serveStatic(options.staticDir, pathname, req, res);
    task.catch((err: unknown) => {
      const errorId = newErrorId();
      console.error(`[studio] ${errorId} request ${req.method} ${pathname.slice(0, 200)} failed:`, err);
      if (!res.headersSent) sendError(res, new StudioError('internal', `Something went wrong in the studio (error ${errorId}); the details are in the studio's log under that id.`, undefined, errorId));
      else res.end();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ ...serverOptions, key: options.tls.key, cert: options.tls.cert }, handler) : createServer(serverOptions, handler);
  // The live class monitor's WebSocket (`/live/v1`), checked against the same Host and Origin rules.
  const hub = attachLiveHub(server, host, () => hosts(), scheme);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      hosts = allowedHosts(options.host, port, options.publicNames);
      const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
      if (scheme === 'http') host.sync.addresses = phoneAddresses(options.host, port, 'http');
      resolve({
        server, port, host: options.host, url: `${scheme}://${shownHost}:${port}/`,
        close: () => new Promise((r) => { hub.close(); server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

/** The addresses a phone can reach the studio at: the LAN interfaces when bound to every address, else the bound one. */
export function phoneAddresses(bound: string, port: number, scheme: 'http' | 'https'): string[] {
  if (bound === '0.0.0.0' || bound === '::' || bound === '') {
    const lan = Object.values(networkInterfaces()).flatMap((l) => l ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => `${scheme}://${i.address}:${port}`);
    return [...lan, `${scheme}://127.0.0.1:${port}`];
  }
  return [`${scheme}://${bound.includes(':') ? `[${bound}]` : bound}:${port}`];
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
