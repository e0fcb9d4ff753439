/**
 * Publishing a week materialises its classes as occurrences (issue 12, part 1). Re-publishing
 * maps the existing occurrences onto the new timetable (`engine/classes/mapWeek`): a class that
 * still exists keeps its id and bookings (its members are told of a new room or trainer; if it
 * has fewer places, the latest booked go back to the head of the waitlist and are told); a
 * class that is gone is cancelled with every booking, and each member and the front desk are
 * told, and each booking's credit goes back to the pack it was taken from (issue 16).
 * Classes that have started or ended are left as they were. Nothing booked is dropped
 * silently. Runs inside the publishing transaction.
 */
import { clubLocalToUtc } from '../../../engine/classes/club-time';
import { mapWeek, type ClassSlot } from '../../../engine/classes/map-week';
import {
  bookingsOf, insertNotification, insertOccurrence, occurrencesOfWeek, updateBooking, updateOccurrence, type OccurrenceRow,
} from '../../../db/classes';
import type { ScenarioRow } from '../../../db/schedule';
import type { Db } from '../../../db/open';
import { classView, scenarioParts } from '../schedule/views';
import { loadPaymentsPolicy, settleCredit } from '../../payments/credits';
import { occurrencePolicy, promoteWaitlist } from './bookings';
import { clubTime } from './views';

export interface PublishReport { created: number; kept: number; cancelled: number; notified: number; skippedPast: number }

type Next = ClassSlot & { className: string; durationMin: number; predicted: number; startsAt: string; endsAt: string; roomName: string; trainerName: string };

function nextClasses(row: ScenarioRow): Next[] {
  const p = scenarioParts(row);
  const tz = p.setup.timezone;
  return p.timetable.map((c, i) => {
    const v = classView(p.setup, p.club, p.demand, c, i);
    const start = clubLocalToUtc(v.date, v.startMin, tz);
    return {
      classTypeId: v.classTypeId, date: v.date, startMin: v.startMin, roomId: v.roomId, trainerId: v.trainerId, capacity: v.capacity,
      className: v.classTypeName, durationMin: v.endMin - v.startMin, predicted: v.predictedAttendance,
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + (v.endMin - v.startMin) * 60_000).toISOString(),
      roomName: v.roomName, trainerName: v.trainerName,
    };
  });
}

/** Creates or maps the occurrences of a newly published scenario. */
export function materialiseWeek(tx: Db, row: ScenarioRow, now: Date): PublishReport {
  const tz = scenarioParts(row).setup.timezone;
  const next = nextClasses(row);
  const old = occurrencesOfWeek(tx, row.weekStart);
  const map = mapWeek(old, next);
  const report: PublishReport = { created: 0, kept: map.kept.length, cancelled: 0, notified: 0, skippedPast: 0 };
  const at = now.toISOString();
  const notify = (o: OccurrenceRow, kind: string, audience: string, memberId: number | null, message: string) => {
    insertNotification(tx, { createdAt: at, kind, audience, memberId, occurrenceId: o.id, message });
    report.notified++;
  };
  const byId = new Map(old.map((o) => [o.id, o]));
  for (const k of map.kept) {
    const o = byId.get(k.occurrenceId)!;
    if (o.status !== 'scheduled') continue;
    const n = next[k.index]!;
    updateOccurrence(tx, o.id, { scenarioId: row.id, roomId: n.roomId, trainerId: n.trainerId, capacity: n.capacity, predicted: n.predicted, className: n.className });
    if (k.changed.length > 0) keptChanged(tx, { ...o, capacity: n.capacity, roomId: n.roomId, trainerId: n.trainerId }, o, n, k.changed, notify, now, tz);
  }
  for (const id of map.removed) {
    const o = byId.get(id)!;
    if (o.status !== 'scheduled') continue;
    updateOccurrence(tx, o.id, { status: 'cancelled' });
    report.cancelled++;
    const active = bookingsOf(tx, o.id).filter((b) => b.status === 'booked' || b.status === 'waitlisted');
    const payments = loadPaymentsPolicy(tx);
    for (const b of active) {
      updateBooking(tx, b.id, { status: 'cancelled', cancelledAt: at });
      // The studio cancelled the class: the booking's credit goes back to exactly the pack it came from.
      settleCredit(tx, b.id, b.status === 'waitlisted' ? 'cancelled_waitlist' : 'cancelled_by_studio', at, payments);
      notify(o, 'class_removed', 'member', b.memberId, `${o.className}, ${clubTime(o.startsAt, tz)} was removed from the new timetable: ${b.memberName}'s ${b.status === 'booked' ? 'booking' : 'waitlist place'} is cancelled`);
    }
    notify(o, 'class_removed', 'front_desk', null, `${o.className}, ${clubTime(o.startsAt, tz)} was removed from the new timetable${active.length ? `; tell ${active.map((b) => b.memberName).join(', ')}` : ' (no bookings)'}`);
  }
  for (const index of map.added) {
    const n = next[index]!;
    if (Date.parse(n.endsAt) <= now.getTime()) { report.skippedPast++; continue; }
    insertOccurrence(tx, {
      scenarioId: row.id, weekStart: row.weekStart, classTypeId: n.classTypeId, className: n.className, date: n.date, startMin: n.startMin,
      durationMin: n.durationMin, startsAt: n.startsAt, endsAt: n.endsAt, roomId: n.roomId, trainerId: n.trainerId, capacity: n.capacity, predicted: n.predicted,
    });
    report.created++;
  }
  return report;
}

function keptChanged(tx: Db, o: OccurrenceRow, before: OccurrenceRow, n: Next, changed: string[],
  notify: (o: OccurrenceRow, kind: string, audience: string, memberId: number | null, message: string) => void, now: Date, tz: string): void {
  const when = `${o.className}, ${clubTime(o.startsAt, tz)}`;
  const what = [changed.includes('room') ? `now in ${n.roomName}` : '', changed.includes('trainer') ? `now with ${n.trainerName}` : ''].filter(Boolean).join(', ');
  const bookings = bookingsOf(tx, o.id);
  if (what) {
    for (const b of bookings.filter((x) => x.status === 'booked' || x.status === 'waitlisted')) notify(o, 'class_changed', 'member', b.memberId, `${when} is ${what} (${b.memberName})`);
  }
  const booked = bookings.filter((b) => b.status === 'booked');
  if (o.capacity < booked.length) {
    // The latest booked go back to the head of the waitlist, keeping their original queue time.
    for (const b of booked.slice(o.capacity).reverse()) {
      updateBooking(tx, b.id, { status: 'waitlisted' });
      notify(o, 'moved_to_waitlist', 'member', b.memberId, `${when} has ${o.capacity} places now (was ${before.capacity}): ${b.memberName} is back on the waitlist`);
    }
    notify(o, 'class_changed', 'front_desk', null, `${when} has ${o.capacity} places now (was ${before.capacity}); ${booked.length - o.capacity} members moved to the waitlist`);
  } else if (o.capacity > before.capacity) {
    promoteWaitlist(tx, o, occurrencePolicy(tx, o), now.getTime(), 'more places after re-publishing');
  }
}
