/**
 * The studio's own certificate authority, so phones get a secure context (service worker,
 * reopening offline) on the club's Wi-Fi without a public domain. Generated on first use with
 * node-forge: a CA (RSA 2048, 10 years) kept beside the database in `tls/`, and a server
 * certificate (RSA 2048, 2 years) signed by it for every address and name the studio answers
 * to, issued again when they change. The member trusts the CA once (its SHA-256 fingerprint is
 * shown at pairing; the certificate is served at `/sync/v1/ca.pem`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface StudioTls { key: string; cert: string; caCert: string; fingerprint: string; names: string[] }

const YEAR_MS = 365 * 86_400_000;

function serial(): string {
  return forge.util.bytesToHex(forge.random.getBytesSync(16)).replace(/^[89a-f]/, '1');
}

/** SHA-256 of the certificate's DER, as colon-separated upper-case hex (as browsers show it). */
export function fingerprintOf(certPem: string): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(certPem))).getBytes();
  const md = forge.md.sha256.create();
  md.update(der);
  return md.digest().toHex().toUpperCase().match(/../g)!.join(':');
}

/** The names and addresses a server certificate should cover. */
export function studioNames(extra: readonly string[] = []): string[] {
  const ips = Object.values(networkInterfaces()).flatMap((l) => l ?? []).filter((i) => i.family === 'IPv4').map((i) => i.address);
  return [...new Set(['localhost', '127.0.0.1', ...ips, hostname(), `${hostname()}.local`, ...extra])].sort();
}

function createCa(now: Date): { key: string; cert: string } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * YEAR_MS);
  const subject = [{ name: 'commonName', value: `Trainer Studio CA (${hostname()})` }, { name: 'organizationName', value: 'Trainer Studio' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

function createServerCert(ca: { key: string; cert: string }, names: readonly string[], now: Date): { key: string; cert: string } {
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 2 * YEAR_MS - 86_400_000);
  cert.setSubject([{ name: 'commonName', value: hostname() }]);
  cert.setIssuer(caCert.subject.attributes);
  const isIp = (n: string) => /^\d+\.\d+\.\d+\.\d+$/.test(n);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: names.map((n) => (isIp(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.key), forge.md.sha256.create());
  return { key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) };
}

/** The CA and a server certificate for `names` from `dir`, made on first use (and the server one again when the names change). */
export function studioTls(dir: string, names: readonly string[], now = new Date()): StudioTls {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (n: string) => join(dir, n);
  if (!existsSync(file('ca.key.pem'))) {
    const ca = createCa(now);
    writeFileSync(file('ca.key.pem'), ca.key, { mode: 0o600 });
    writeFileSync(file('ca.cert.pem'), ca.cert);
  }
  const ca = { key: readFileSync(file('ca.key.pem'), 'utf8'), cert: readFileSync(file('ca.cert.pem'), 'utf8') };
  const wanted = [...names].sort().join(',');
  const held = existsSync(file('server.names')) ? readFileSync(file('server.names'), 'utf8') : '';
  if (held !== wanted || !existsSync(file('server.cert.pem'))) {
    const server = createServerCert(ca, names, now);
    writeFileSync(file('server.key.pem'), server.key, { mode: 0o600 });
    writeFileSync(file('server.cert.pem'), server.cert);
    writeFileSync(file('server.names'), wanted);
  }
  return {
    key: readFileSync(file('server.key.pem'), 'utf8'), cert: readFileSync(file('server.cert.pem'), 'utf8'), caCert: ca.cert,
    fingerprint: fingerprintOf(ca.cert), names: [...names],
  };
}
