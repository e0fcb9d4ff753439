/**
 * The live class monitor through the host: its operations, the simulated feed, persistence of
 * samples and alerts, acknowledgement with its audit entry, and the settings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertsOf, heartRatesOf } from '../../db/classes';
import { listAudit } from '../../db/audit';
import type { Envelope } from '../contract/errors';
import type { LiveAlert, LiveView, MonitorSettings } from '../contract/index';
import type { Caller } from '../host/context';
import type { Host } from '../host/host';
import { createTestHost } from '../host/testkit';
import { cliCaller, createHost } from '../host/host';
import { seedRunningClasses } from './testkit';

const T0 = Date.parse('2026-12-04T18:00:00Z');
let dir: string;
let host: Host;
let manager: Caller;
let clock = T0;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-live-'));
  clock = T0;
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock), liveTimers: false }));
});
afterEach(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

/** The same database in a new host (a restart); the first manager exists already. */
async function reopen(): Promise<{ host: Host; manager: Caller }> {
  const again = createHost(join(dir, 'studio.db'), { now: () => new Date(clock), liveTimers: false });
  return { host: again, manager: cliCaller(again) };
}

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await host.call(name, input, manager);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}
async function fails(name: string, input: unknown): Promise<{ reason: string; message: string; field?: string }> {
  const env: Envelope<unknown> = await host.call(name, input, manager);
  if (env.ok) throw new Error(`${name} should have failed`);
  return env.error;
}

describe('the live monitor operations', () => {
  it('gives the state of a class with its present members, no source yet', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 3, startsAt: new Date(T0), nicknames: true });
    const live = await ok<LiveView>('live/state', { occurrenceId: occurrenceIds[0] });
    expect(live.source).toBe('none');
    expect(live.simulated).toBe(false);
    expect(live.members.map((m) => [m.displayName, m.signal])).toEqual([['Runner 1', 'waiting'], ['Runner 2', 'waiting'], ['Runner 3', 'waiting']]);
    expect(live.members[2]!.maxSource).toBe('observed');
    expect(live.members[0]!.maxSource).toBe('tanaka');
    expect((await fails('live/state', { occurrenceId: 999 })).reason).toBe('not_found');
  });

  it('runs the simulated feed, labels it, stores samples and alerts, and acknowledges with an audit entry', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 8, startsAt: new Date(T0) });
    const occurrenceId = occurrenceIds[0]!;
    const started = await ok<LiveView>('live/start-simulated', { occurrenceId, seed: 5, speed: 10 });
    expect([started.source, started.simulated, started.simulatedSpeed]).toEqual(['simulated', true, 10]);
    host.live.advanceSimulated(occurrenceId, 200);
    const live = await ok<LiveView>('live/state', { occurrenceId });
    const high = live.alerts.find((a) => a.kind === 'high_heart_rate');
    expect(high).toBeDefined();
    expect(live.alerts.some((a) => a.kind === 'lost_signal')).toBe(true);
    expect(host.live.flush()).toBeGreaterThan(8 * 150);
    expect(heartRatesOf(host.store.db, occurrenceId).length).toBeGreaterThan(8 * 150);
    expect(alertsOf(host.store.db, occurrenceId).map((a) => a.kind)).toEqual(live.alerts.map((a) => a.kind));

    const acked = await ok<LiveAlert>('live/acknowledge', { occurrenceId, alertId: high!.id });
    expect(acked.acknowledgedBy).toBe(manager.staff!.id);
    const row = alertsOf(host.store.db, occurrenceId).find((a) => a.kind === 'high_heart_rate')!;
    expect(row.acknowledgedBy).toBe(manager.staff!.id);
    expect(listAudit(host.store.db, { action: 'live.alert.acknowledge', limit: 10, offset: 0 })).toHaveLength(1);
    const unknown = await fails('live/acknowledge', { occurrenceId, alertId: 999 });
    expect([unknown.reason, unknown.field]).toEqual(['invalid_input', 'alertId']);

    const stopped = await ok<LiveView>('live/stop-simulated', { occurrenceId });
    expect(stopped.simulated).toBe(false);
  });

  it('refuses to simulate a class nobody is checked in to', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 0, startsAt: new Date(T0) });
    expect(await fails('live/start-simulated', { occurrenceId: occurrenceIds[0] })).toMatchObject({ reason: 'conflict', message: /check members in first/ });
  });

  it('ticks sensor classes on the host clock: a lost signal after 15 s', () => {
    const { occurrenceIds, membersOf } = seedRunningClasses(host.store, { classes: 1, members: 2, startsAt: new Date(T0) });
    const occ = occurrenceIds[0]!;
    const [a] = membersOf.get(occ)!;
    expect(host.live.ingest(occ, { memberId: a!, bpm: 120 })).toEqual({ ok: true });
    clock = T0 + 14_000;
    host.live.tickAll();
    expect(host.live.view(occ).alerts).toEqual([]);
    clock = T0 + 15_000;
    host.live.tickAll();
    expect(host.live.view(occ).alerts.map((x) => [x.kind, x.memberId])).toEqual([['lost_signal', a]]);
  });

  it('takes a late check-in, and ignores members not in the class and bpm out of range with a logged reason', () => {
    const { occurrenceIds, membersOf } = seedRunningClasses(host.store, { classes: 2, members: 1, startsAt: new Date(T0) });
    const [occ1, occ2] = occurrenceIds as [number, number];
    const other = membersOf.get(occ2)![0]!;
    expect(host.live.ingest(occ1, { memberId: other, bpm: 120 })).toMatchObject({ ok: false, reason: 'not_in_class' });
    expect(host.live.ingest(occ1, { memberId: membersOf.get(occ1)![0]!, bpm: 251 })).toMatchObject({ ok: false, reason: 'out_of_range' });
    expect(host.live.view(occ1).rejectedCounts).toEqual({ out_of_range: 1, not_in_class: 1, out_of_order: 0 });
    // Checked in now (moved over from the other class): the next sample is taken.
    host.store.sqlite.prepare('UPDATE class_bookings SET occurrence_id = ? WHERE member_id = ?').run(occ1, other);
    clock += 1000;
    expect(host.live.ingest(occ1, { memberId: other, bpm: 120 })).toEqual({ ok: true });
    expect(host.live.view(occ1).members.map((m) => m.memberId)).toContain(other);
  });

  it('keeps zone bands and thresholds as settings, used by classes started after', async () => {
    expect((await ok<MonitorSettings>('live/settings', {})).bands).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    const changed = await ok<MonitorSettings>('live/set-settings', { bands: [0.55, 0.65, 0.75, 0.85], highForS: 30 });
    expect([changed.bands, changed.highForS, changed.plannedZone]).toEqual([[0.55, 0.65, 0.75, 0.85], 30, 3]);
    expect((await fails('live/set-settings', { bands: [0.6, 0.5] })).field).toBe('bands[1]');
    expect((await fails('live/set-settings', { plannedZone: 5 })).field).toBe('plannedZone');
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 1, startsAt: new Date(T0) });
    const live = await ok<LiveView>('live/state', { occurrenceId: occurrenceIds[0] });
    expect(live.settings.bands).toEqual([0.55, 0.65, 0.75, 0.85]);
    expect(live.members[0]!.secondsInZone).toHaveLength(5);
  });
});

describe('a restart of the host', () => {
  it('rebuilds a running class from its stored samples and alerts, acknowledgements included', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 6, startsAt: new Date(T0) });
    const occurrenceId = occurrenceIds[0]!;
    await ok<LiveView>('live/start-simulated', { occurrenceId, seed: 9, speed: 10 });
    host.live.advanceSimulated(occurrenceId, 240);
    const before = await ok<LiveView>('live/state', { occurrenceId });
    expect(before.alerts.length).toBeGreaterThanOrEqual(2);
    await ok<LiveAlert>('live/acknowledge', { occurrenceId, alertId: before.alerts[0]!.id });
    const acked = await ok<LiveView>('live/state', { occurrenceId });
    host.close();

    ({ host, manager } = await reopen());
    const after = await ok<LiveView>('live/state', { occurrenceId });
    expect(after.alerts).toEqual(acked.alerts);
    expect(after.members.map((m) => [m.memberId, m.bpm, m.secondsInZone])).toEqual(acked.members.map((m) => [m.memberId, m.bpm, m.secondsInZone]));
    // No alert is stored twice, and acknowledging goes on working on the stored rows.
    expect(alertsOf(host.store.db, occurrenceId)).toHaveLength(acked.alerts.length);
    const second = await ok<LiveAlert>('live/acknowledge', { occurrenceId, alertId: after.alerts[1]!.id });
    expect(alertsOf(host.store.db, occurrenceId).find((r) => r.kind === second.kind && r.memberId === second.memberId)!.acknowledgedAt).not.toBeNull();
  });
});

describe('ending a class', () => {
  it('flushes the live samples into the summary and ends the live state', async () => {
    const { occurrenceIds } = seedRunningClasses(host.store, { classes: 1, members: 4, startsAt: new Date(T0) });
    const occurrenceId = occurrenceIds[0]!;
    const before = await ok<LiveView>('live/start-simulated', { occurrenceId, seed: 2, speed: 10 });
    expect(new Set(before.members.map((t) => t.maxSource))).toEqual(new Set(['observed', 'tanaka']));
    host.live.advanceSimulated(occurrenceId, 300);
    expect(heartRatesOf(host.store.db, occurrenceId)).toHaveLength(0);
    clock = T0 + 46 * 60_000;
    const ended = await ok<{ summary: { heartRate: { available: boolean; note: string }; alerts: unknown[] } }>('classes/end', { occurrenceId });
    expect(ended.summary.heartRate.available).toBe(true);
    expect(ended.summary.heartRate.note).toBe('SIMULATED feed: heart-rate data from 4 of 4 members present');
    expect(ended.summary.alerts.length).toBeGreaterThan(0);
    expect(heartRatesOf(host.store.db, occurrenceId).length).toBeGreaterThan(4 * 250);
    expect(host.live.running()).toEqual([]);
    // The summary's zones use the same rest and max as the monitor: recorded first, else Tanaka.
    const monitorTiles = new Map(before.members.map((t) => [t.memberId, t]));
    const efforts = (ended.summary as unknown as { members: Array<{ memberId: number; effort: { restBpm: number; hrMaxBpm: number; maxSource: string } | null }> }).members;
    for (const m of efforts) {
      const tile = monitorTiles.get(m.memberId)!;
      expect([m.effort!.maxSource, m.effort!.hrMaxBpm]).toEqual([tile.maxSource, tile.maxSource === 'tanaka' ? Math.round(tile.maxBpm!) : tile.maxBpm]);
    }
    expect(efforts.map((m) => m.effort!.restBpm)).toEqual([51, 52, 53, 54]);
    expect((await fails('live/state', { occurrenceId })).reason).toBe('conflict');
  });
});
