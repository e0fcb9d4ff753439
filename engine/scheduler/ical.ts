/**
 * The week's timetable as an iCalendar (RFC 5545) text, via `ical-generator` (issue 5, part 6):
 * one calendar for the whole club, or one trainer's classes only.
 *
 * Times: a class on weekday d (0 = Monday) at `startMin` (minutes after midnight) starts at
 * `weekStart + d days, startMin` in the club's local time. With `timezone: 'UTC'` (the default)
 * events are written in UTC (`DTSTART:20261123T090000Z`); with an IANA zone they are written as
 * local wall-clock times with that zone (`DTSTART;TZID=Europe/Berlin:20261123T090000`) and the
 * calendar carries `X-WR-TIMEZONE`. No VTIMEZONE block is written (that needs a zone database
 * generator; common calendar apps resolve IANA TZIDs themselves). Output does not depend on the
 * host's time zone, and is the same for the same input (`generatedAt` sets DTSTAMP).
 */
import ical from 'ical-generator';
import { dateOfWeekday } from './candidates';
import { resolveClass, TimetableInputError } from './check';
import { cappedAttendance } from './score';
import type { Club, DemandFn, ScheduledClass } from './types';
import { validateClub } from './validate';

export interface IcalOptions {
  /** Monday of the week (ISO date); defaults to `club.weekStart`. */
  weekStart?: string;
  /** IANA time zone of the club's times, e.g. 'Europe/Berlin'; default 'UTC'. */
  timezone?: string;
  /** Calendar name shown by calendar apps; default 'Trainer Studio timetable'. */
  calendarName?: string;
  /** Only this trainer's classes. */
  trainerId?: string;
  /** When given, each event's description states the predicted attendance (capped, people). */
  demand?: DemandFn;
  /**
   * Writes the VTIMEZONE block for `timezone` (RFC 5545 §3.6.5), e.g. `getVtimezoneComponent` of
   * `@touch4it/ical-timezones`; passed in by the host because it reads zone files (no I/O here).
   * Without it, events still carry `TZID=<IANA>`, which common calendar apps resolve themselves.
   */
  vtimezone?: (timezone: string) => string | null;
  /** DTSTAMP of every event; default midnight UTC of `weekStart`, so output is deterministic. */
  generatedAt?: Date;
}

/**
 * A Date whose local-time getters return its UTC fields. ical-generator formats date-fns
 * `TZDate`-like values (`internal`, `withTimeZone`, `tzComponents`) with the local getters when an
 * event has a time zone; this stub makes that the wall-clock time we mean, whatever the host's zone.
 */
class WallClock extends Date {
  readonly internal: Date;
  constructor(ms: number) {
    super(ms);
    this.internal = new Date(ms);
  }
  withTimeZone(): WallClock { return this; }
  tzComponents(): Record<string, never> { return {}; }
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
}

/** Stable event id of a class in a given week. */
export function classUid(weekStart: string, cls: ScheduledClass): string {
  return `${weekStart}-${cls.classTypeId}-${cls.roomId}-${cls.weekday}-${cls.startMin}@trainer-studio`;
}

function checkOptions(club: Club, o: IcalOptions): { weekStart: string; timezone: string } {
  const weekStart = o.weekStart ?? club.weekStart;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(weekStart) ? new Date(`${weekStart}T00:00:00Z`).getUTCDay() : NaN;
  if (day !== 1) throw new TimetableInputError('weekStart', `${weekStart} is not a Monday (YYYY-MM-DD)`);
  const timezone = o.timezone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new TimetableInputError('timezone', `${timezone} is not an IANA time zone`);
  }
  if (o.trainerId !== undefined && !club.trainers.some((t) => t.id === o.trainerId)) {
    throw new TimetableInputError('trainerId', `unknown trainer ${o.trainerId}`);
  }
  return { weekStart, timezone };
}

/**
 * The timetable as iCalendar text (CRLF lines). Each class is one VEVENT: summary
 * "Yoga — Anna", location the room's name, start / end from `weekStart` + weekday + `startMin`
 * (+ `durationMin`), UID `${weekStart}-${classTypeId}-${roomId}-${weekday}-${startMin}@trainer-studio`.
 * Events are ordered by day, start and room. Throws `ClubValidationError` for an invalid club and
 * `TimetableInputError` for an unknown id, a `weekStart` that is not a Monday, an unknown time
 * zone, or two classes with the same UID (the same room booked twice at the same start).
 */
export function timetableToIcal(clubInput: Club, timetable: readonly ScheduledClass[], opts: IcalOptions = {}): string {
  const club = validateClub(clubInput);
  const { weekStart, timezone } = checkOptions(club, opts);
  const local = timezone !== 'UTC';
  const cal = ical({ name: opts.calendarName ?? 'Trainer Studio timetable', prodId: '//Trainer Studio//Timetable//EN' });
  if (local) cal.x('X-WR-TIMEZONE', timezone);
  if (local && opts.vtimezone) cal.timezone({ name: timezone, generator: opts.vtimezone });
  const stamp = opts.generatedAt ?? new Date(`${weekStart}T00:00:00Z`);
  const classes = timetable
    .map((c, i) => resolveClass(club, c, `timetable[${i}]`))
    .filter((r) => opts.trainerId === undefined || r.trainer.id === opts.trainerId)
    .sort((a, b) => a.cls.weekday - b.cls.weekday || a.cls.startMin - b.cls.startMin || a.room.name.localeCompare(b.room.name));
  const uids = new Set<string>();
  for (const r of classes) {
    const uid = classUid(weekStart, r.cls);
    if (uids.has(uid)) throw new TimetableInputError('timetable', `two classes share the event id ${uid}`);
    uids.add(uid);
    const day = Date.parse(`${dateOfWeekday(weekStart, r.cls.weekday)}T00:00:00Z`);
    const at = (min: number) => (local ? new WallClock(day + min * 60_000) : new Date(day + min * 60_000));
    const att = opts.demand ? cappedAttendance(club, opts.demand, r.cls) : null;
    cal.createEvent({
      id: uid,
      start: at(r.cls.startMin),
      end: at(r.end),
      timezone: local ? timezone : null,
      stamp,
      summary: `${r.ct.name} — ${r.trainer.name}`,
      location: r.room.name,
      description: att === null ? null : `Predicted attendance: ${Math.round(att)} of ${Math.min(r.ct.maxCapacity, r.room.capacity)} places`,
    });
  }
  return cal.toString();
}
