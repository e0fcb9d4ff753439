import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from './host';
import type { Caller } from './context';
import { createTestHost } from './testkit';
import { weeklyTick } from './weekly-schedule';
import type { DemoClubReport, PlanAdjustmentView, PlanView } from '../contract/index';

let dir: string;
let host: Host;
let manager: Caller;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-weekly-'));
  let c: Caller;
  ({ host, manager: c } = await createTestHost(join(dir, 'club.db'), { now: () => new Date('2026-11-23T09:00:00Z') }));
  manager = c;
  const demo = (await host.call('demo/create', { seed: 5, members: 2 }, c)) as { ok: true; value: DemoClubReport };
  const plan = (await host.call('plans/generate', { memberId: demo.value.members[0]!.id, weeks: 4 }, c)) as { ok: true; value: PlanView };
  await host.call('plans/approve', { planId: plan.value.id }, c);
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('weekly schedule', () => {
  it('runs the analysis once per week for members with an approved plan', async () => {
    expect(await weeklyTick(host, new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-23');
    expect(await weeklyTick(host, new Date('2026-11-25T18:00:00Z'))).toBeNull();
    const pending = (await host.call('weekly/pending', {}, manager)) as { ok: true; value: PlanAdjustmentView[] };
    expect(pending.value).toHaveLength(1);
    expect(await weeklyTick(host, new Date('2026-11-30T07:00:00Z'))).toBe('2026-11-30');
  });
});
