import { afterEach, describe, expect, it } from 'vitest';
import { TimetableInputError } from './check';
import { generateClub, syntheticDemand } from './generate';
import { classUid, timetableToIcal } from './ical';
import { scheduleWeek } from './solve';
import type { ScheduledClass } from './types';

/** Unfold RFC 5545 continuation lines and split into VEVENT property maps. */
function events(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Array<Record<string, string>> = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') { out.push(cur!); cur = null; } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] = line.slice(i + 1).replace(/\\,/g, ',');
    }
  }
  return out;
}

const club = generateClub('medium', 2);
const demand = syntheticDemand(club, 2);
const week: Promise<ScheduledClass[]> = scheduleWeek(club, demand).then((r) => r.timetable);
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}${String(min % 60).padStart(2, '0')}00`;

describe('timetableToIcal', () => {
  const tz = process.env.TZ;
  afterEach(() => { if (tz === undefined) delete process.env.TZ; else process.env.TZ = tz; });

  it('one VEVENT per class with stable unique UIDs, names and UTC times by default', async () => {
    const tt = await week;
    const text = timetableToIcal(club, tt, { calendarName: 'Club week' });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Club week');
    const ev = events(text);
    expect(ev).toHaveLength(tt.length);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(tt.length);
    expect(new Set(ev.map((e) => e['UID'])).size).toBe(tt.length);
    expect(new Set(ev.map((e) => e['UID']))).toEqual(new Set(tt.map((c) => classUid('2026-11-23', c))));
    for (const c of tt) {
      const e = ev.find((x) => x['UID'] === `2026-11-23-${c.classTypeId}-${c.roomId}-${c.weekday}-${c.startMin}@trainer-studio`)!;
      const ct = club.classTypes.find((x) => x.id === c.classTypeId)!;
      const day = String(23 + c.weekday); // 23–27 November 2026
      expect(e['DTSTART']).toBe(`202611${day}T${hhmm(c.startMin)}Z`);
      expect(e['DTEND']).toBe(`202611${day}T${hhmm(c.startMin + ct.durationMin)}Z`);
      expect(e['SUMMARY']).toBe(`${ct.name} — ${club.trainers.find((t) => t.id === c.trainerId)!.name}`);
      expect(e['LOCATION']).toBe(club.rooms.find((r) => r.id === c.roomId)!.name);
      expect(e['DESCRIPTION']).toBeUndefined();
    }
    // Same input, same text.
    expect(timetableToIcal(club, [...tt].reverse(), { calendarName: 'Club week' })).toBe(text);
  });

  it('local wall-clock times with TZID, whatever the host time zone', async () => {
    const tt = await week;
    const first = tt.find((c) => c.weekday === 0)!;
    process.env.TZ = 'Pacific/Auckland';
    const a = timetableToIcal(club, tt, { timezone: 'Europe/Berlin' });
    process.env.TZ = 'America/Los_Angeles';
    const b = timetableToIcal(club, tt, { timezone: 'Europe/Berlin' });
    expect(a).toBe(b);
    expect(a).toContain('X-WR-TIMEZONE:Europe/Berlin');
    const e = events(a).find((x) => x['UID'] === classUid(club.weekStart, first))!;
    expect(e[`DTSTART;TZID=Europe/Berlin`]).toBe(`20261123T${hhmm(first.startMin)}`);
  });

  it('one trainer only, with predicted attendance in the description', async () => {
    const tt = await week;
    const t = club.trainers.find((x) => tt.some((c) => c.trainerId === x.id))!;
    const mine = tt.filter((c) => c.trainerId === t.id);
    const ev = events(timetableToIcal(club, tt, { trainerId: t.id, demand }));
    expect(ev).toHaveLength(mine.length);
    expect(ev.every((e) => e['SUMMARY']!.endsWith(`— ${t.name}`))).toBe(true);
    expect(ev.every((e) => /^Predicted attendance: \d+ of \d+ places$/.test(e['DESCRIPTION']!))).toBe(true);
    const days = ev.map((e) => e['DTSTART']!.slice(0, 8));
    expect(days).toEqual([...days].sort()); // ordered by day
  });

  it('names bad input', async () => {
    const tt = await week;
    expect(() => timetableToIcal(club, tt, { weekStart: '2026-11-24' })).toThrow('weekStart: 2026-11-24 is not a Monday');
    expect(() => timetableToIcal(club, tt, { timezone: 'Mars/Olympus' })).toThrow(TimetableInputError);
    expect(() => timetableToIcal(club, tt, { trainerId: 'nobody' })).toThrow('trainerId: unknown trainer nobody');
    expect(() => timetableToIcal(club, [tt[0]!, tt[0]!])).toThrow(/two classes share the event id/);
  });
});
