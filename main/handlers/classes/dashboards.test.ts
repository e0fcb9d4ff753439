/** The Today and Club dashboards' queries on a seeded club: two weeks of classes run through the host. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type { ClassWeekView, ClubStatsView, OccurrenceView, TodayView } from '../../contract/index';
import { createMembers, publishWeek, valueOf } from './testkit';

let dir: string;
let host: Host;
let manager: Caller;
let clock = Date.parse('2026-11-28T10:00:00Z');
async function ok<T>(name: string, input: unknown): Promise<T> { return valueOf<T>(await host.call(name, input, manager), name); }

/** Books `booked` members, checks in the first `came`, and ends the class after its end. */
async function runClass(o: OccurrenceView, members: number[], booked: number, came: number): Promise<void> {
  clock = Date.parse(o.startsAt) - 3 * 3_600_000;
  for (const id of members.slice(0, booked)) await ok('classes/book', { occurrenceId: o.id, memberId: id });
  clock = Date.parse(o.startsAt) + 60_000;
  for (const id of members.slice(0, came)) await ok('classes/check-in', { occurrenceId: o.id, memberId: id });
  clock = Date.parse(o.endsAt) + 1000;
  await ok('classes/clock-tick', {});
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-dash-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock) }));
  const members = await createMembers(host, manager, 14);
  for (const week of ['2026-11-30', '2026-12-07']) {
    await publishWeek(host, manager, week, [
      { classTypeId: 'yoga', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 420 },
      { classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 },
    ]);
    const [yoga, hiit] = valueOf<ClassWeekView>(await host.call('classes/week', { weekStart: week }, manager), 'classes/week').classes;
    await runClass(yoga!, members, 4, 3);   // 3 of 4 came
    await runClass(hiit!, members, 14, 10); // 10 places: 4 waitlisted, 10 came
  }
}, 60_000);
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the Club dashboard', () => {
  it('gives fill, waitlist and no-show rates per class type, hour and week', async () => {
    const s = await ok<ClubStatsView>('classes/club-stats', { from: '2026-11-30', to: '2026-12-13' });
    expect(s.total).toMatchObject({ classes: 4, capacity: 40, bookings: 36, attended: 26, waitlisted: 8, noShows: 2 });
    const hiit = s.byClassType.find((g) => g.classTypeId === 'hiit')!;
    expect(hiit).toMatchObject({ classes: 2, fillRate: 1, waitlistRate: Math.round((8 / 28) * 1000) / 1000, noShowRate: 0 });
    const yoga = s.byClassType.find((g) => g.classTypeId === 'yoga')!;
    expect(yoga).toMatchObject({ fillRate: 0.3, noShowRate: 0.25 });
    expect(s.byHour.map((h) => [h.hour, h.avgAttended])).toEqual([[7, 3], [18, 10]]);
    expect(s.byWeek.map((w) => [w.weekStart, w.attended])).toEqual([['2026-11-30', 13], ['2026-12-07', 13]]);
    expect(s.busiestHours[0]).toBe(18);
    expect(s.predictedVsActual).toHaveLength(4);
    expect(s.predictedVsActual.every((p) => typeof p.predicted === 'number')).toBe(true);
    expect((await host.call('classes/club-stats', { from: '2026-12-13', to: '2026-11-30' }, manager))).toMatchObject({ ok: false, error: { field: 'from' } });
  });
});

describe('the Today dashboard', () => {
  it("lists the day's classes with their summaries, and members not trained for 10+ days", async () => {
    clock = Date.parse('2026-12-07T20:00:00Z');
    await createMembers(host, manager, 1, 'Never');
    const t = await ok<TodayView>('classes/today', {});
    expect(t.date).toBe('2026-12-07');
    expect(t.classes.map((c) => [c.className, c.status, c.checkedIn])).toEqual([['Yoga', 'ended', 3], ['HIIT', 'ended', 10]]);
    expect(t.summaries.map((s) => s.checkedIn)).toEqual([3, 10]);
    // Members 11–14 only ever waited for HIIT (the first 10 came), so they never trained; nor did Never 1.
    expect(t.inactiveMembers.map((m) => m.name).sort()).toEqual(['Member 11', 'Member 12', 'Member 13', 'Member 14', 'Never 1']);
    clock = Date.parse('2026-12-20T20:00:00Z');
    const later = await ok<TodayView>('classes/today', {});
    expect(later.inactiveMembers.find((m) => m.name === 'Member 1')).toMatchObject({ days: 13 });
  });
});
