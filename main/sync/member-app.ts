/**
 * Serves the member app (`/member/`, the second Vite entry built to dist/renderer/member) only
 * while phones are switched on in Settings; unknown paths under it fall back to its index.html
 * (its own router). The service worker (`/member/sw.js`) is scoped to `/member/`.
 */
import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Host } from '../host/host';
import { containedPath, serveStatic } from '../http/static';
import { phoneSettings } from './service';

export const MEMBER_PREFIX = '/member/';

export async function serveMemberApp(host: Host, root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!phoneSettings(host.store.db).enabled) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    res.end('Member phones are switched off in this studio. Ask the front desk: a manager can switch them on in Settings → Member phones.\n');
    return;
  }
  if (pathname === '/member') pathname = '/member/';
  let file: string | null = null;
  try {
    file = containedPath(resolve(root), pathname);
  } catch {
    file = null;
  }
  const exists = file !== null && existsSync(file) && !statSync(file).isDirectory();
  return serveStatic(root, exists ? pathname : '/member/index.html', req, res);
}
