/** Occurrence and booking views, with names and colours from the club setup and the club's time zone. */
import { readClubSetup } from '../../../db/schedule';
import { bookingCounts, getSummary, type BookingRow, type OccurrenceRow } from '../../../db/classes';
import type { Db } from '../../../db/open';
import type { BookingView, OccurrenceView } from '../../contract/classes-views';

export interface ClubNames { timezone: string; className(id: string, fallback: string): string; color(id: string): string; room(id: string): string; trainer(id: string): string }

/** Names of the current club setup (ids where the setup no longer has them). */
export function clubNames(db: Db): ClubNames {
  const setup = readClubSetup(db);
  const types = new Map(setup?.classTypes.map((c) => [c.id, c]) ?? []);
  const rooms = new Map(setup?.rooms.map((r) => [r.id, r.name]) ?? []);
  const trainers = new Map(setup?.trainers.map((t) => [t.id, t.name]) ?? []);
  return {
    timezone: setup?.timezone ?? 'UTC',
    className: (id, fallback) => types.get(id)?.name ?? fallback,
    color: (id) => types.get(id)?.color ?? '#607d8b',
    room: (id) => rooms.get(id) ?? id,
    trainer: (id) => trainers.get(id) ?? id,
  };
}

/** Views of many occurrences (one query for their booking counts). */
export function occurrenceViews(db: Db, rows: readonly OccurrenceRow[], names: ClubNames = clubNames(db)): OccurrenceView[] {
  const counts = bookingCounts(db, rows.map((r) => r.id));
  return rows.map((o) => {
    const c = counts.get(o.id)!;
    const booked = c.booked + c.checked_in;
    return {
      id: o.id, weekStart: o.weekStart, date: o.date, startMin: o.startMin, durationMin: o.durationMin, startsAt: o.startsAt, endsAt: o.endsAt,
      timezone: names.timezone, classTypeId: o.classTypeId, className: names.className(o.classTypeId, o.className), color: names.color(o.classTypeId),
      roomId: o.roomId, roomName: names.room(o.roomId), trainerId: o.trainerId, trainerName: names.trainer(o.trainerId),
      capacity: o.capacity, predicted: o.predicted, status: o.status,
      booked, checkedIn: c.checked_in, waitlisted: c.waitlisted, noShows: c.no_show, free: Math.max(0, o.capacity - booked),
      hasSummary: o.status === 'ended' && getSummary(db, o.id) !== null,
    };
  });
}

export function occurrenceView(db: Db, row: OccurrenceRow): OccurrenceView {
  return occurrenceViews(db, [row])[0]!;
}

/** Booking views in the given order; waitlist positions counted along it. */
export function bookingViews(rows: ReadonlyArray<BookingRow & { memberName: string }>): BookingView[] {
  let position = 0;
  return rows.map((b) => ({
    id: b.id, occurrenceId: b.occurrenceId, memberId: b.memberId, memberName: b.memberName, status: b.status, queuedAt: b.queuedAt,
    promotedAt: b.promotedAt, cancelledAt: b.cancelledAt, checkedInAt: b.checkedInAt, walkIn: b.walkIn,
    waitlistPosition: b.status === 'waitlisted' ? ++position : null,
  }));
}

/** "Tue 1 Dec, 18:00" in the club's time zone. */
export function clubTime(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

/** "1st", "2nd", "3rd", "4th". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}
