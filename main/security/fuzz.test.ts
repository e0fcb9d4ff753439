/**
 * 10,000+ malformed requests across the whole contract, over HTTP and the IPC layer, against a
 * real studio: every one gets a typed error, the server keeps serving, the database is
 * byte-for-byte unchanged (`main/security/fuzz/run.ts`). The same run is `npm run bench -- security`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES } from '../contract/index';
import { databaseImage, runFuzz } from './fuzz/run';
import { startSecurityStudio, type SecurityStudio } from './testkit';

let studio: SecurityStudio;
beforeAll(async () => { studio = await startSecurityStudio(); }, 60_000);
afterAll(async () => { await studio.close(); });

describe('fuzzing the contract', () => {
  it('answers 10,000+ malformed requests with typed errors, keeps serving, and changes nothing', async () => {
    const report = await runFuzz(studio, { requests: 10_500, seed: 20261203 });
    expect(report.problems).toEqual([]);
    expect(report.crashes).toBe(0);
    expect(report.unchanged).toBe(true);
    expect(report.requests).toBeGreaterThanOrEqual(10_000);
    expect(report.http).toBeGreaterThan(5_000);
    expect(report.ipc).toBeGreaterThan(3_000);
    for (const kind of ['http:invalid-utf8', 'http:truncated-json', 'http:deep-json-text', 'http:json-broken-value', 'ipc:huge-string', 'ipc:deep-nesting', 'ipc:wrong-type', 'ipc:malformed-message']) {
      expect(report.kinds[kind] ?? 0, kind).toBeGreaterThan(20);
    }
  }, 240_000);

  it('notices a changed database (so the check above can fail)', async () => {
    const before = databaseImage(studio);
    const env = await studio.host.call('members/create', { name: 'Written During The Check' }, studio.manager);
    expect(env.ok).toBe(true);
    expect(databaseImage(studio)).not.toBe(before);
    expect(OP_NAMES.length).toBeGreaterThan(80);
  });
});
