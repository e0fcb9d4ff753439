/**
 * The HTTP trust boundary, checked before any operation runs or any body is read:
 * - `Host` must name an address the server is bound to (or a configured name): a page that
 *   rebinds its own DNS name to this machine (DNS rebinding) is refused;
 * - browser calls must be same-origin (`Origin` and `Sec-Fetch-Site`): no other site's page
 *   can drive the studio (CSRF), whatever socket it comes through;
 * - API calls must be `application/json`, which no cross-site form or "simple" request can send.
 * Each check returns a message for people, or null when the request passes.
 */
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function isWildcard(bound: string): boolean {
  return bound === '0.0.0.0' || bound === '::' || bound === '';
}

function isLoopbackAddress(bound: string): boolean {
  return bound === 'localhost' || bound === '::1' || bound.startsWith('127.');
}

/** `addr` as it appears in a Host header: IPv6 in brackets, without a zone. */
function hostForm(addr: string): string {
  const plain = addr.replace(/%.*$/, '');
  return plain.includes(':') ? `[${plain}]` : plain;
}

/** Every address of this machine's interfaces, in Host-header form. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => hostForm(i.address)));
}

/**
 * The Host values the server answers to, recomputed at most every 10 s (a DHCP lease may change
 * the machine's address). `extraNames`: names a club gives the studio (`--public-name`).
 */
export function allowedHosts(bound: string, port: number, extraNames: readonly string[] = []): () => Set<string> {
  let cached: { at: number; hosts: Set<string> } | null = null;
  return () => {
    const now = Date.now();
    if (cached && now - cached.at < 10_000) return cached.hosts;
    const names = new Set<string>(extraNames.map((n) => n.toLowerCase()));
    if (isWildcard(bound)) {
      for (const a of [...LOOPBACK_NAMES, ...interfaceAddresses(), hostname(), `${hostname()}.local`]) names.add(a.toLowerCase());
    } else {
      names.add(hostForm(bound).toLowerCase());
      if (isLoopbackAddress(bound)) for (const a of LOOPBACK_NAMES) names.add(a);
    }
    const hosts = new Set<string>();
    for (const n of names) {
      hosts.add(`${n}:${port}`);
      if (port === 80) hosts.add(n);
    }
    cached = { at: now, hosts };
    return hosts;
  };
}

export function hostProblem(host: string | undefined, allowed: Set<string>): string | null {
  if (!host) return 'the request names no Host';
  return allowed.has(host.toLowerCase()) ? null : `this studio does not answer to the host "${host.slice(0, 100)}"`;
}

/** Same-origin for browsers: `Sec-Fetch-Site` same-origin or none, and `Origin` = this server. */
export function originProblem(headers: { origin?: string; 'sec-fetch-site'?: string | string[] }, host: string, scheme: 'http' | 'https'): string | null {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `requests from other sites are refused (Sec-Fetch-Site: ${String(site).slice(0, 40)})`;
  const origin = headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `${scheme}://${host.toLowerCase()}`) {
    return `requests from other origins are refused (Origin: ${origin.slice(0, 100)})`;
  }
  return null;
}

/** `application/json`, with or without parameters such as `charset=utf-8`. */
export function contentTypeProblem(contentType: string | undefined): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' ? null : `send the body as application/json (got ${contentType ? contentType.slice(0, 60) : 'no Content-Type'})`;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(header ?? '');
  return m ? m[1]! : null;
}
