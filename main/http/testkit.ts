/**
 * For tests and benchmarks of the HTTP transport: a raw request with exactly the headers, path
 * and bytes given (fetch would normalise `..`, refuse to set `Host`, and add its own headers).
 */
import { request } from 'node:http';

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; text: string; json(): unknown }

export interface RawRequest {
  port: number;
  method?: string;
  /** Sent as written: `/..%2fx` stays `/..%2fx`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Give up after this long (ms); rejects. */
  timeoutMs?: number;
}

export function rawRequest(r: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body ? Buffer.from(r.body) : undefined;
    const req = request({
      // A fresh connection per request (`agent: false`): Node 20's global agent keeps sockets alive, and reusing one the
      // server is just closing after its keep-alive timeout (5 s idle, e.g. after the fuzz test's IPC phase) fails with ECONNRESET.
      host: '127.0.0.1', port: r.port, method: r.method ?? 'POST', path: r.path, setHost: false, agent: false,
      headers: { host: `127.0.0.1:${r.port}`, ...(body ? { 'content-length': String(body.length) } : {}), ...r.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.timeoutMs) req.setTimeout(r.timeoutMs, () => req.destroy(new Error(`no answer within ${r.timeoutMs} ms`)));
    req.end(body);
  });
}

/** JSON POST to an API operation with a bearer token (null: none), same-origin as a browser would send it. */
export function apiPost(port: number, name: string, input: unknown, token: string | null, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port, path: `/api/${name}`, body: JSON.stringify(input),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}
