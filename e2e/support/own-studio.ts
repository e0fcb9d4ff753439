/**
 * A studio of a test's own: `node bin/studio.mjs --db <fresh temp> serve --port 0` (the OS picks
 * a free port; the studio prints the address it serves), stopped after the test. Used where a
 * test needs a fresh first run, apart from the shared e2e studio.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface OwnStudio { url: string; port: number; /** The folder of its database (the coach's models folder goes beside it). */ dbDir: string; log(): string; stop(): Promise<void> }

export interface OwnStudioOptions {
  /** Added to `serve` (e.g. `['--clock-start', '2026-12-07T16:30:00Z']`). */
  serveArgs?: readonly string[];
  /** Serve this database (kept when stopped) instead of a fresh temporary one. */
  dbPath?: string;
  /** Create this first manager (`studio staff create-first`, password on stdin) before serving. */
  firstManager?: { name: string; username: string; password: string };
}

/** The database file of a fresh temporary folder (for a studio restarted on the same data). */
export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'studio-e2e-own-db-')), 'studio.db');
}

export async function startOwnStudio(options: OwnStudioOptions = {}): Promise<OwnStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-e2e-own-'));
  const db = options.dbPath ?? join(dir, 'studio.db');
  if (options.firstManager) {
    const m = options.firstManager;
    execFileSync(process.execPath, ['bin/studio.mjs', '--db', db, 'staff', 'create-first', '--name', m.name, '--username', m.username, '--password-stdin'],
      { cwd: process.cwd(), input: `${m.password}\n`, stdio: ['pipe', 'ignore', 'pipe'] });
  }
  const child = spawn(process.execPath, ['bin/studio.mjs', '--db', db, 'serve', '--port', '0', ...(options.serveArgs ?? [])], {
    cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the studio did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving (http:\/\/[^\s/]+)\//.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the studio exited (${code}) before serving:\n${output}`)); });
  });
  return {
    url, port: Number(new URL(url).port), dbDir: dirname(db), log: () => output,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { rmSync(dir, { recursive: true, force: true }); return resolve(); }
      child.once('exit', () => { rmSync(dir, { recursive: true, force: true }); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

/** A tiny web server on another free port: another origin, serving one HTML page. */
export async function startOtherOrigin(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

/** POSTs JSON to the studio naming another Host (as a DNS-rebinding page would); resolves to the status. */
export function postWithHost(studioPort: number, path: string, host: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: studioPort, path, method: 'POST', headers: { host, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
