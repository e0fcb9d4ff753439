/**
 * For the booking-race test and the `bookings` bench: a studio on a temporary SQLite file with
 * the HTTP server on a free port, a signed-in manager token, a published week (one HIIT class
 * with 10 places) and members; and a race of simultaneous bookings through HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookingResult, ClassWeekView, SignedInView } from '../../contract/index';
import type { Host } from '../../host/host';
import { createTestHost, TEST_MANAGER } from '../../host/testkit';
import { startHttpServer, type StartedServer } from '../../http/server';
import { apiPost } from '../../http/testkit';
import { createMembers, publishWeek, valueOf } from './testkit';

export const RACE_WEEK = '2026-12-07';
/** The host's fixed clock: two days before the class (inside the booking window). */
export const RACE_NOW = '2026-12-05T10:00:00Z';

export interface BookingStudio { host: Host; server: StartedServer; token: string; occurrenceIds: number[]; memberIds: number[]; close(): Promise<void> }

/** `classes` HIIT classes of 10 places on the Monday, hourly from 07:00 (up to 14; two trainers take turns), and `members` members. */
export async function startBookingStudio(members: number, classes = 1): Promise<BookingStudio> {
  const dir = mkdtempSync(join(tmpdir(), 'studio-race-'));
  const { host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(RACE_NOW) });
  await publishWeek(host, manager, RACE_WEEK, Array.from({ length: classes }, (_, i) => ({ classTypeId: 'hiit', roomId: 'studio', trainerId: i % 2 ? 'ben' : 'anna', weekday: 0, startMin: 420 + 60 * i })));
  const memberIds = await createMembers(host, manager, members);
  const server = await startHttpServer(host, { port: 0, host: '127.0.0.1', staticDir: dir });
  const signedIn = valueOf<SignedInView>(await host.call('auth/sign-in', { username: TEST_MANAGER.username, password: TEST_MANAGER.password }, { transport: 'http', staff: null, session: null, address: '127.0.0.1' }), 'auth/sign-in');
  const occurrenceIds = valueOf<ClassWeekView>(await host.call('classes/week', { weekStart: RACE_WEEK }, manager), 'classes/week').classes.map((o) => o.id);
  return {
    host, server, token: signedIn.token!, occurrenceIds, memberIds,
    close: async () => { await server.close(); host.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

export interface RaceResult { booked: number; waitlisted: number; failed: string[]; ms: number }

/** Sends one booking per member at once through HTTP and counts the answers. */
export async function raceBookings(studio: BookingStudio, occurrenceId: number, memberIds: readonly number[]): Promise<RaceResult> {
  const t0 = performance.now();
  const answers = await Promise.all(memberIds.map((memberId) => apiPost(studio.server.port, 'classes/book', { occurrenceId, memberId }, studio.token)));
  const ms = performance.now() - t0;
  const out: RaceResult = { booked: 0, waitlisted: 0, failed: [], ms };
  for (const a of answers) {
    const env = a.json() as { ok: boolean; value?: BookingResult; error?: { message: string } };
    if (!env.ok) out.failed.push(env.error!.message);
    else if (env.value!.booking.status === 'booked') out.booked++;
    else if (env.value!.booking.status === 'waitlisted') out.waitlisted++;
  }
  return out;
}
