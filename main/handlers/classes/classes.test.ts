/**
 * Classes in action through the host on a real SQLite file (issue 12): publishing materialises
 * occurrences, booking window and strikes, the FIFO waitlist promoted on every path that frees
 * a place (member cancel, studio cancel, capacity raised, no-show release) only before the
 * cutoff, check-in (search, card code, walk-in, duplicates), the clock job, ending a class into
 * class_attendance and a stored summary, and re-publishing a week with bookings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allAttendance } from '../../../db/schedule';
import { insertHeartRates } from '../../../db/classes';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type {
  BookingResult, ClassWeekView, ClassPolicy, ClassSummaryView, ClockTickView, MemberCardView, NotificationsView, OccurrenceDetail, OccurrenceView, TodayView,
} from '../../contract/index';
import { createMembers, publishWeek, valueOf } from './testkit';

const WEEK = '2026-12-07';
// Monday 18:00 in Berlin is 17:00 UTC; Tuesday 07:00 is 06:00 UTC.
const MON_18 = { classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 };
const TUE_07 = { classTypeId: 'yoga', roomId: 'studio', trainerId: 'anna', weekday: 1, startMin: 420 };
const WED_12 = { classTypeId: 'hiit', roomId: 'studio', trainerId: 'ben', weekday: 2, startMin: 720 };
let dir: string;
let host: Host;
let manager: Caller;
let clock = Date.parse('2026-12-05T10:00:00Z');
let m: number[];
const at = (iso: string) => { clock = Date.parse(iso); };

async function ok<T>(name: string, input: unknown): Promise<T> { return valueOf<T>(await host.call(name, input, manager), name); }
async function fails(name: string, input: unknown) {
  const env = await host.call(name, input, manager);
  if (env.ok) throw new Error(`${name} should have failed`);
  return env.error;
}
const week = async () => (await ok<ClassWeekView>('classes/week', { weekStart: WEEK })).classes;
const detail = (occurrenceId: number) => ok<OccurrenceDetail>('classes/occurrence', { occurrenceId });
const statuses = async (occurrenceId: number) => Object.fromEntries((await detail(occurrenceId)).bookings.map((b) => [b.memberName, b.status]));
const book = (occurrenceId: number, memberId: number) => ok<BookingResult>('classes/book', { occurrenceId, memberId });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-classes-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock) }));
  await publishWeek(host, manager, WEEK, [MON_18, TUE_07, WED_12]);
  m = await createMembers(host, manager, 14);
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('publishing materialises occurrences', () => {
  it('one occurrence per class, at the UTC instant of club-local time, with capacity and prediction', async () => {
    const w = await week();
    expect(w.map((o) => [o.className, o.date, o.startsAt, o.endsAt, o.capacity, o.status])).toEqual([
      ['HIIT', '2026-12-07', '2026-12-07T17:00:00.000Z', '2026-12-07T18:00:00.000Z', 10, 'scheduled'],
      ['Yoga', '2026-12-08', '2026-12-08T06:00:00.000Z', '2026-12-08T07:00:00.000Z', 10, 'scheduled'],
      ['HIIT', '2026-12-09', '2026-12-09T11:00:00.000Z', '2026-12-09T12:00:00.000Z', 10, 'scheduled'],
    ]);
    expect(w[0]!.timezone).toBe('Europe/Berlin');
    expect(typeof w[0]!.predicted).toBe('number');
  });
});

describe('booking and the waitlist', () => {
  it('refuses bookings outside the window, naming the policy field', async () => {
    const [mon] = await week();
    at('2026-11-30T16:59:00Z');
    expect(await fails('classes/book', { occurrenceId: mon!.id, memberId: m[0] })).toMatchObject({ reason: 'conflict', field: 'bookingOpensDays' });
    const logged = await ok<{ entries: Array<{ action: string; entityId: string; after: unknown }> }>('audit/list', { action: 'classes.book.refused' });
    expect(logged.entries[0]).toMatchObject({ entityId: String(mon!.id), after: { field: 'bookingOpensDays' } });
    at('2026-12-05T10:00:00Z');
  });

  it('fills 10 places, then a FIFO waitlist; a second booking of the same member is refused', async () => {
    const [mon] = await week();
    for (const id of m.slice(0, 10)) expect((await book(mon!.id, id)).booking.status).toBe('booked');
    const w1 = await book(mon!.id, m[10]!);
    expect(w1.booking).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(w1.message).toMatch(/1st on the waitlist/);
    expect((await book(mon!.id, m[11]!)).booking.waitlistPosition).toBe(2);
    expect((await book(mon!.id, m[12]!)).booking.waitlistPosition).toBe(3);
    expect(await fails('classes/book', { occurrenceId: mon!.id, memberId: m[0] })).toMatchObject({ reason: 'conflict', field: 'memberId' });
    expect((await detail(mon!.id))).toMatchObject({ booked: 10, waitlisted: 3, free: 0 });
  });

  it('a member cancel before the cutoff promotes the head of the waitlist and notifies', async () => {
    const [mon] = await week();
    const d = await detail(mon!.id);
    const r = await ok<BookingResult>('classes/cancel', { bookingId: d.bookings.find((b) => b.memberId === m[0])!.id });
    expect(r.booking.status).toBe('cancelled');
    expect(r.promoted.map((p) => p.memberName)).toEqual(['Member 11']);
    const n = await ok<NotificationsView>('notifications/list', {});
    expect(n.items[0]).toMatchObject({ kind: 'waitlist_promoted', memberId: m[10], occurrenceId: mon!.id });
    expect(n.items[0]!.message).toMatch(/Member 11 moved from the waitlist into HIIT, Mon 7 Dec, 18:00/);
  });

  it('raising the capacity promotes; lowering it below the booked members is refused', async () => {
    const [mon] = await week();
    const d = await ok<OccurrenceDetail>('classes/set-capacity', { occurrenceId: mon!.id, capacity: 11 });
    expect(d.bookings.find((b) => b.memberName === 'Member 12')!.status).toBe('booked');
    expect(await fails('classes/set-capacity', { occurrenceId: mon!.id, capacity: 5 })).toMatchObject({ field: 'capacity' });
  });

  it('a studio cancel promotes too; after the cutoff a member cancel is late and nobody is promoted', async () => {
    const [mon] = await week();
    let d = await detail(mon!.id);
    const r = await ok<BookingResult>('classes/cancel', { bookingId: d.bookings.find((b) => b.memberId === m[1])!.id, by: 'studio' });
    expect(r.promoted.map((p) => p.memberName)).toEqual(['Member 13']);
    await book(mon!.id, m[13]!); // waitlisted
    at('2026-12-07T16:00:00Z'); // 60 min before: past the 120 min cutoff
    d = await detail(mon!.id);
    const late = await ok<BookingResult>('classes/cancel', { bookingId: d.bookings.find((b) => b.memberId === m[2])!.id });
    expect(late.booking.status).toBe('late_cancelled');
    expect(late.message).toMatch(/late/);
    expect(late.promoted).toEqual([]);
    const studio = await ok<BookingResult>('classes/cancel', { bookingId: d.bookings.find((b) => b.memberId === m[3])!.id, by: 'studio' });
    expect(studio.booking.status).toBe('cancelled');
    expect(studio.promoted).toEqual([]);
    expect((await statuses(mon!.id))['Member 14']).toBe('waitlisted');
  });
});

describe('check-in, no-shows and the end of a class', () => {
  it('checks in by member and by card code; refuses a duplicate with the reason; walk-ins need the flag', async () => {
    const [mon] = await week();
    const first = await ok<BookingResult>('classes/check-in', { occurrenceId: mon!.id, memberId: m[4] });
    expect(first.booking.status).toBe('checked_in');
    const card = await ok<MemberCardView>('classes/member-card', { memberId: m[5] });
    expect(card.qrSvg).toMatch(/^<svg/);
    expect((await ok<BookingResult>('classes/check-in', { occurrenceId: mon!.id, code: card.code })).booking.memberId).toBe(m[5]);
    const dup = await fails('classes/check-in', { occurrenceId: mon!.id, code: card.code });
    expect(dup).toMatchObject({ reason: 'conflict', field: 'code' });
    expect(dup.message).toMatch(/already checked in \(at 17:00\)/);
    const logged = await ok<{ entries: Array<{ action: string; after: unknown }> }>('audit/list', { action: 'classes.check-in.refused' });
    expect(logged.entries[0]!.after).toMatchObject({ field: 'code', message: expect.stringMatching(/already checked in/) });
    expect(await fails('classes/check-in', { occurrenceId: mon!.id, code: 'TSM1-nope' })).toMatchObject({ reason: 'not_found', field: 'code' });
    // Two places are free (two cancels after the cutoff); Member 14 waits, a walk-in without a booking needs walkIn.
    const wait = await ok<BookingResult>('classes/check-in', { occurrenceId: mon!.id, memberId: m[13] });
    expect(wait.booking.status).toBe('checked_in');
    const walkInMember = (await createMembers(host, manager, 1, 'Walk-in'))[0]!;
    expect(await fails('classes/check-in', { occurrenceId: mon!.id, memberId: walkInMember })).toMatchObject({ field: 'walkIn' });
    expect((await ok<BookingResult>('classes/check-in', { occurrenceId: mon!.id, memberId: walkInMember, walkIn: true })).booking.walkIn).toBe(true);
  });

  it('the clock starts the class, releases no-shows after 10 min, and a late arrival can still check in', async () => {
    const [mon] = await week();
    at('2026-12-07T17:05:00Z');
    expect(await ok<ClockTickView>('classes/clock-tick', {})).toMatchObject({ started: 1, noShowsReleased: 0, ended: 0 });
    expect(await fails('classes/release-no-shows', { occurrenceId: mon!.id })).toMatchObject({ field: 'noShowReleaseMin' });
    at('2026-12-07T17:10:00Z');
    const tick = await ok<ClockTickView>('classes/clock-tick', {});
    expect(tick.noShowsReleased).toBe(7); // Members 7–13 booked, never came
    expect((await statuses(mon!.id))['Member 7']).toBe('no_show');
    const late = await ok<BookingResult>('classes/check-in', { occurrenceId: mon!.id, memberId: m[6] });
    expect(late.booking.status).toBe('checked_in');
  });

  it('ending the class records class_attendance and stores a summary that reads the heart-rate table', async () => {
    const [mon] = await week();
    const start = Date.parse(mon!.startsAt);
    insertHeartRates(host.store.db, Array.from({ length: 1800 }, (_, i) => ({ occurrenceId: mon!.id, memberId: m[4]!, at: new Date(start + i * 1000).toISOString(), bpm: 160 })));
    at('2026-12-07T18:00:30Z');
    expect((await ok<ClockTickView>('classes/clock-tick', {})).ended).toBe(1);
    const s = await ok<ClassSummaryView>('classes/summary', { occurrenceId: mon!.id });
    expect(s.summary.attendance).toMatchObject({ checkedIn: 5, walkIns: 1, noShows: 6, lateCancels: 1 });
    expect(s.summary.heartRate.available).toBe(true);
    const m5 = s.summary.members.find((x) => x.memberId === m[4])!;
    // Tanaka for a 36-year-old: 208 − 0.7 × 36 = 182.8 → 183; 160 bpm = 81 % HRR → zone 4, for 30 min
    expect(m5.effort).toMatchObject({ maxBpm: 160, hrMaxBpm: 183, maxSource: 'tanaka', targetSeconds: 1800, points: 120 });
    expect(s.summary.members.find((x) => x.memberId === m[5])!.effort).toBeNull();
    const rec = allAttendance(host.store.db).find((r) => r.date === '2026-12-07' && r.classTypeId === 'hiit')!;
    expect(rec).toMatchObject({ startMin: 1080, roomId: 'studio', capacity: 11, attended: 5, booked: 10, waitlisted: 0 });
    expect(await fails('classes/end', { occurrenceId: mon!.id })).toMatchObject({ reason: 'conflict' });
    const today = await ok<TodayView>('classes/today', {});
    expect(today.date).toBe('2026-12-07');
    expect(today.summaries).toEqual([expect.objectContaining({ occurrenceId: mon!.id, checkedIn: 5 })]);
  });
});

describe('strikes and policy', () => {
  it('refuses a member at maxStrikes and reads per class type overrides', async () => {
    const policy = await ok<ClassPolicy>('classes/policy', {});
    await ok<ClassPolicy>('classes/set-policy', { policy: { default: { ...policy.default, maxStrikes: 1 }, byClassType: { yoga: { bookingOpensDays: 1 } } } });
    at('2026-12-07T12:00:00Z');
    const [, tue, wed] = await week();
    // Member 8 was a no-show on Monday: one strike.
    expect(await fails('classes/book', { occurrenceId: wed!.id, memberId: m[7] })).toMatchObject({ field: 'maxStrikes' });
    // Yoga opens 1 day ahead: Tuesday 06:00 UTC is 18 h away.
    expect((await book(tue!.id, m[0]!)).booking.status).toBe('booked');
    at('2026-12-06T12:00:00Z');
    expect(await fails('classes/book', { occurrenceId: tue!.id, memberId: m[1] })).toMatchObject({ field: 'bookingOpensDays' });
    await ok<ClassPolicy>('classes/set-policy', { policy });
    at('2026-12-07T12:00:00Z');
  });
});

describe('re-publishing a week with bookings', () => {
  it('keeps classes that still exist with their bookings, cancels the rest and tells every member and the front desk', async () => {
    const [, tue, wed] = await week();
    await book(wed!.id, m[8]!);
    await book(wed!.id, m[9]!);
    const before = (await ok<NotificationsView>('notifications/list', { limit: 200 })).items.length;
    // Tuesday's yoga moves to Ben; Wednesday's HIIT is gone; a new Thursday class appears.
    await publishWeek(host, manager, WEEK, [MON_18, { ...TUE_07, trainerId: 'ben' }, { ...WED_12, weekday: 3 }], true);
    const after = await week();
    expect(after.map((o) => [o.id, o.className, o.date, o.trainerId])).toEqual([
      [after[0]!.id, 'HIIT', '2026-12-07', 'anna'], [tue!.id, 'Yoga', '2026-12-08', 'ben'], [after[2]!.id, 'HIIT', '2026-12-10', 'ben'],
    ]);
    expect(after[0]!.id).not.toBe(wed!.id);
    expect(after[0]!.status).toBe('ended');
    expect((await statuses(tue!.id))['Member 1']).toBe('booked');
    expect(await statuses(wed!.id)).toEqual({ 'Member 9': 'cancelled', 'Member 10': 'cancelled' });
    const n = (await ok<NotificationsView>('notifications/list', { limit: 200 })).items;
    const fresh = n.slice(0, n.length - before);
    expect(fresh.filter((x) => x.kind === 'class_removed' && x.audience === 'member').map((x) => x.memberId).sort()).toEqual([m[8], m[9]].sort());
    expect(fresh.some((x) => x.kind === 'class_removed' && x.audience === 'front_desk' && /Member 9, Member 10/.test(x.message))).toBe(true);
    expect(fresh.some((x) => x.kind === 'class_changed' && x.memberId === m[0] && /now with Ben/.test(x.message))).toBe(true);
    expect((await ok<{ marked: number }>('notifications/read', {})).marked).toBeGreaterThan(0);
    expect((await ok<NotificationsView>('notifications/list', {})).unread).toBe(0);
  });
});

describe('erasing a member', () => {
  it('removes their bookings, samples and card, and their name and figures from stored summaries', async () => {
    const [mon] = await week();
    const exported = await ok<Array<{ fileName: string; content: string }>>('members/export', { memberId: m[4] });
    expect(JSON.parse(exported[0]!.content).classes.classBookings.length).toBeGreaterThan(0);
    const r = await ok<{ removed: Record<string, number> }>('members/erase', { memberId: m[4], confirmName: 'Member 5' });
    expect(r.removed).toMatchObject({ class_heart_rates: 1800, class_summaries_scrubbed: 1 });
    const s = await ok<ClassSummaryView>('classes/summary', { occurrenceId: mon!.id });
    expect(JSON.stringify(s.summary)).not.toContain('Member 5"');
    expect(s.summary.members.find((x) => x.memberId === m[4])).toMatchObject({ name: 'an erased member', effort: null });
  });
});
