/** No overbooking under races (issue 12): 50 simultaneous bookings through HTTP for 10 places. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingsOf } from '../../../db/classes';
import { raceBookings, startBookingStudio, type BookingStudio } from './race-kit';

let studio: BookingStudio;
beforeAll(async () => { studio = await startBookingStudio(50); }, 60_000);
afterAll(async () => { await studio.close(); });

describe('the booking race', () => {
  it('gives exactly 10 booked and 40 waitlisted, the waitlist in arrival order', async () => {
    const occ = studio.occurrenceIds[0]!;
    const r = await raceBookings(studio, occ, studio.memberIds);
    expect(r.failed).toEqual([]);
    expect({ booked: r.booked, waitlisted: r.waitlisted }).toEqual({ booked: 10, waitlisted: 40 });
    const rows = bookingsOf(studio.host.store.db, occ);
    expect(rows.filter((b) => b.status === 'booked')).toHaveLength(10);
    const queue = rows.filter((b) => b.status === 'waitlisted').map((b) => b.id);
    expect(queue).toEqual([...queue].sort((a, b) => a - b));
  });

  it('a second race of the same members books nobody twice', async () => {
    const r = await raceBookings(studio, studio.occurrenceIds[0]!, studio.memberIds.slice(0, 20));
    expect(r.booked + r.waitlisted).toBe(0);
    expect(r.failed).toHaveLength(20);
    expect(r.failed[0]).toMatch(/already/);
  });
});
