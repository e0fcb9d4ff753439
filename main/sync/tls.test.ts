/** The studio CA: made once, a server certificate it signs for the studio's names, HTTPS that a client trusting the CA accepts. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createHost } from '../host/host';
import { startHttpServer } from '../http/server';
import { studioTls } from './tls';

const dir = mkdtempSync(join(tmpdir(), 'studio-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the studio CA', () => {
  it('is made once; its server certificate covers the names and verifies against it; HTTPS works for a client that trusts it', async () => {
    const first = studioTls(join(dir, 'tls'), ['localhost', '127.0.0.1', 'studio.local']);
    const again = studioTls(join(dir, 'tls'), ['localhost', '127.0.0.1', 'studio.local']);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.cert).toBe(first.cert);
    const ca = new X509Certificate(first.caCert);
    const server = new X509Certificate(first.cert);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(ca.fingerprint256).toBe(first.fingerprint);
    expect(server.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(server.subjectAltName).toContain('DNS:studio.local');
    const host = createHost(':memory:', { liveTimers: false });
    const started = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: dir, tls: { key: first.key, cert: first.cert } });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: started.port, path: '/sync/v1/openapi.json', ca: first.caCert }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.end();
    });
    const untrusted = await new Promise<string>((resolve) => {
      const req = request({ host: '127.0.0.1', port: started.port, path: '/' }, () => resolve('accepted'));
      req.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? 'error'));
      req.end();
    });
    await started.close();
    host.close();
    expect(status).toBe(200);
    expect(untrusted).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  }, 60_000);
});
