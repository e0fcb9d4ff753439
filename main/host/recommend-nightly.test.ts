/** The nightly ALS job on a real file database: once per local day from 03:00, skipped with nothing new, then trained again. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from './host';
import type { Caller } from './context';
import { createTestHost } from './testkit';
import { recommendNightlyStep } from './recommend-nightly';
import { createRecRegistry, recommendRegistryDir } from '../../models/recommend/registry';
import type { DemoClubReport } from '../contract/index';

let dir: string;
let host: Host;
let manager: Caller;

async function demo(seed: number, members: number): Promise<void> {
  const env = await host.call('demo/create', { seed, members }, manager);
  if (!env.ok) throw new Error(`demo/create: ${env.error.message}`);
  expect((env.value as DemoClubReport).members).toHaveLength(members);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-nightly-'));
  ({ host, manager } = await createTestHost(join(dir, 'club.db'), { now: () => new Date(2026, 10, 23, 9, 0) }));
  await demo(21, 24);
}, 240_000);
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

const versions = (): string[] => createRecRegistry(recommendRegistryDir(host.store.path)).list().map((e) => e.version);

describe('nightly recommender training', () => {
  it('trains once per local day from 03:00, skips a night with no new sets, trains again after new sets', async () => {
    const step = recommendNightlyStep(host);
    expect(versions()).toEqual([]);
    expect(await step(new Date(2026, 10, 23, 2, 59))).toBe('too_early');
    expect(await step(new Date(2026, 10, 23, 3, 0))).toBe('trained');
    expect(versions()).toHaveLength(1);
    expect(await step(new Date(2026, 10, 23, 22, 0))).toBe('done_today');
    expect(await step(new Date(2026, 10, 24, 3, 10))).toBe('no_new_data');
    expect(versions()).toHaveLength(1);
    await demo(22, 2);
    expect(await step(new Date(2026, 10, 24, 4, 0))).toBe('done_today');
    expect(await step(new Date(2026, 10, 25, 3, 0))).toBe('trained');
    expect(versions()).toHaveLength(2);
  }, 240_000);

  it('refuses an hour outside 0–23', () => {
    expect(() => recommendNightlyStep(host, 24)).toThrow(/hour/);
  });
});
