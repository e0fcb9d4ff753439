/**
 * Serves the built renderer (dist/renderer) with a strict Content-Security-Policy. A path is
 * served only if it resolves inside the folder (`path.relative`, so `/..%2fsibling/x` cannot
 * reach a folder beside it); a malformed escape or a NUL byte is a 400.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.map': 'application/json', '.webmanifest': 'application/manifest+json',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end(`${text}\n`);
}

/** The file a URL path names inside `base`, or null when it would leave it. Throws URIError on a bad escape. */
export function containedPath(base: string, pathname: string): string | null {
  const decoded = decodeURIComponent(pathname);
  if (decoded.includes('\0')) throw new URIError('NUL in path');
  const file = resolve(base, `.${sep}${decoded}`);
  const rel = relative(base, file);
  if (rel === '') return file;
  return rel.startsWith('..') || isAbsolute(rel) ? null : file;
}

export async function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
  const base = resolve(root);
  let file: string | null;
  try {
    file = containedPath(base, pathname);
  } catch {
    return plain(res, 400, 'Bad request: the path is not a valid URL path');
  }
  if (file === null) return plain(res, 403, 'Forbidden');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
  if (!existsSync(file)) return plain(res, 503, 'The studio has not been built: run `npm run build`.');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done, fail) => createReadStream(file).on('error', fail).on('end', done).pipe(res));
}
