/**
 * The HTTP transport: `POST /api/<namespace>/<operation>` answered by an envelope (or an NDJSON
 * progress stream ending in one), plus the built renderer as static files.
 *
 * Callers on a loopback address act as the staff member named by the `x-studio-staff` header
 * (or the default one); any other caller is a LAN caller and may only use `public` operations
 * until staff sign-in exists.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StudioError, type Envelope } from '../contract/errors';
import type { Caller } from '../host/context';
import type { Host } from '../host/host';
import { serveStatic } from './static';

const MAX_BODY_BYTES = 80 * 1024 * 1024;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new StudioError('invalid_input', `the request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function callerOf(host: Host, req: IncomingMessage): Caller {
  if (!isLoopback(req.socket.remoteAddress)) return { transport: 'http-lan', staff: null };
  const header = req.headers['x-studio-staff'];
  const staffId = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null;
  return { transport: 'http-local', staff: host.actingStaff(staffId) };
}

const STATUS: Record<string, number> = {
  invalid_input: 400, import_failed: 422, not_found: 404, forbidden: 403, conflict: 409, plan_locked: 409,
  unknown_operation: 404, cancelled: 499, internal: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function handleApi(host: Host, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: { reason: 'invalid_input', message: 'use POST with a JSON body' } });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() ? JSON.parse(body) : {};
  } catch (err) {
    const message = err instanceof StudioError ? err.message : `the body is not valid JSON: ${(err as Error).message}`;
    sendJson(res, 400, { ok: false, error: { reason: 'invalid_input', message } });
    return;
  }
  const caller = callerOf(host, req);
  // A client that goes away (a closed tab, a cancel button aborting its fetch) cancels the work.
  const controller = new AbortController();
  res.on('close', () => { if (!res.writableFinished) controller.abort(); });
  const streaming = (req.headers.accept ?? '').includes('application/x-ndjson');
  if (!streaming) {
    const envelope = await host.call(name, input, caller, undefined, controller.signal);
    sendJson(res, envelope.ok ? 200 : STATUS[envelope.error.reason] ?? 500, envelope);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  const envelope: Envelope<unknown> = await host.call(name, input, caller, (fraction, message) => {
    res.write(`${JSON.stringify({ progress: { fraction, message } })}\n`);
  }, controller.signal);
  res.end(`${JSON.stringify(envelope)}\n`);
}

export interface StartedServer { server: Server; url: string; port: number; host: string; close(): Promise<void> }

/** Starts the server on `host:port` (port 0 picks a free one). */
export function startHttpServer(host: Host, options: { port: number; host: string; staticDir: string }): Promise<StartedServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const task = url.pathname.startsWith('/api/')
      ? handleApi(host, req, res, decodeURIComponent(url.pathname.slice(5)))
      : serveStatic(options.staticDir, url.pathname, req, res);
    task.catch((err: unknown) => {
      console.error('[studio] request failed:', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { reason: 'internal', message: 'internal error' } });
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        server, port, host: options.host, url: `http://${shownHost}:${port}/`,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
