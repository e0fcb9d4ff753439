/**
 * The class scheduler through the host on a real SQLite file (issue 5 "Done when", CLI/API side):
 * set up the demo club, optimize a week in the worker, compare two scenarios, move with checks
 * and undo, publish (explicit replacement), export iCal, handle a sick trainer, get adjustments.
 * Plus bad input: errors name the item and nothing stored changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliCaller, type Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type {
  AbsenceView, AdjustmentsView, AttendanceImportReport, ClubImportReport, ClubSetupView, IcalExport, OccupancyImportReport, OptimizeView, ScenarioComparison, ScenarioView, Staff,
} from '../../contract/index';

const WEEK = '2026-11-30';
let dir: string;
let host: Host;
let manager: Caller;

async function call(name: string, input: unknown, who: Caller = manager) {
  return host.call(name, input, who);
}
async function ok<T>(name: string, input: unknown, who: Caller = manager): Promise<T> {
  const env = await call(name, input, who);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}
async function fails(name: string, input: unknown, who: Caller = manager) {
  const env = await call(name, input, who);
  if (env.ok) throw new Error(`${name} should have failed`);
  return env.error;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-schedule-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date('2026-11-25T10:00:00Z') }));
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

const ROOMS_CSV = 'id,name,capacity,type,equipment\nstudio,Studio,20,studio,mats\nhall,Hall,30,hall,\n';
const CLASSES_CSV = 'id,name,duration_min,max_capacity,price,qualification,room_types,min_per_week,max_per_week,color\n'
  + 'yoga,Yoga,60,18,12,yoga,studio,3,4,#7e57c2\nhiit,HIIT,45,25,10,hiit,hall|studio,2,3,#e53935\n';
const TRAINERS_CSV = 'id,name,qualifications,availability,max_hours\n'
  + 'anna,Anna,yoga|hiit,Mon 08:00-14:00|Wed 08:00-14:00|Fri 08:00-14:00,20\nben,Ben,hiit,Tue 16:00-21:00|Thu 16:00-21:00,10\n';
const OPENING_CSV = 'weekday,open,close\nMon,07:00,21:00\nTue,07:00,21:00\nWed,07:00,21:00\nThu,07:00,21:00\nFri,07:00,21:00\n';

describe('club setup', () => {
  it('imports CSV parts told apart by their headers', async () => {
    const r = await ok<ClubImportReport>('schedule/import-club', { files: [
      { fileName: 'rooms.csv', content: ROOMS_CSV }, { fileName: 'classes.csv', content: CLASSES_CSV },
      { fileName: 'trainers.csv', content: TRAINERS_CSV }, { fileName: 'opening.csv', content: OPENING_CSV },
    ] });
    expect(r.lines).toEqual(['rooms.csv: 2 rooms', 'classes.csv: 2 class types', 'trainers.csv: 2 trainers', 'opening.csv: 5 opening-hour windows']);
    expect(r.setup.classTypes[1]!.allowedRoomTypes).toEqual(['hall', 'studio']);
    expect(r.setup.trainers[0]!.availability).toContainEqual({ weekday: 2, startMin: 480, endMin: 840 });
    expect(r.setup.demandSource).toMatch(/no occupancy history/);
  });

  it('imports real hourly occupancy counts and predicts class demand from them', async () => {
    const content = readFileSync(resolve('../shared/data/occupancy/msu-isitbusy/East.csv'), 'utf8');
    const r = await ok<OccupancyImportReport>('schedule/import-occupancy', { fileName: 'East.csv', content });
    expect(r).toMatchObject({ hours: 20664, from: '2021-01-19', to: '2025-02-20', rejected: 0 });
    expect(r.demandSource).toMatch(/^year-aligned occupancy forecast \(the same weeks of earlier years, scaled to this year's level\) on \d+ weeks of hourly counts/);
    const err = await fails('schedule/import-occupancy', { fileName: 'x.csv', content: 'when,who\n1,2\n' });
    expect(err.message).toMatch(/^x\.csv: no hourly counts read/);
  });

  it('imports held classes with bookings and calibrates demand on them; a bad row stores nothing', async () => {
    const csv = 'date,class_type,start,room,capacity,booked,attended,waitlisted,trainer\n'
      + '2026-11-02,yoga,08:00,studio,18,18,17,4,anna\n2026-11-09,yoga,08:00,studio,18,18,18,6,anna\n2026-11-16,yoga,08:00,studio,18,18,16,3,anna\n';
    const r = await ok<AttendanceImportReport>('schedule/import-attendance', { fileName: 'classes.csv', content: csv });
    expect(r).toMatchObject({ records: 3, replaced: 0, from: '2026-11-02', to: '2026-11-16' });
    expect(r.demandSource).toMatch(/calibrated on 3 class attendance records/);
    expect((await ok<AttendanceImportReport>('schedule/import-attendance', { fileName: 'classes.csv', content: csv })).replaced).toBe(3);
    const bad = csv.replace('2026-11-16,yoga,08:00,studio,18,18,16', '2026-11-23,yoga,08:00,studio,18,18,19');
    const err = await fails('schedule/import-attendance', { fileName: 'classes.csv', content: bad });
    expect(err.message).toBe('classes.csv line 4, attended: 19 people attended but the class had 18 places');
    const unknown = await fails('schedule/import-attendance', { fileName: 'c.csv', content: csv.replace(',yoga,08:00', ',aqua,08:00') });
    expect(unknown.message).toMatch(/^c\.csv line 2, class_type: unknown class type "aqua"/);
    expect((await ok<ClubSetupView>('schedule/club', {})).attendanceRecords).toBe(3);
  });

  it('names the file, line and column of a bad CSV cell and keeps the stored setup', async () => {
    const err = await fails('schedule/import-club', { files: [{ fileName: 'rooms.csv', content: 'id,name,capacity,type\nstudio,Studio,ten,studio\n' }] });
    expect(err.message).toBe('rooms.csv line 2, capacity: "ten" is not a number');
    expect((await ok<ClubSetupView>('schedule/club', {})).rooms).toHaveLength(2);
  });

  it('refuses a setup whose class type no room fits, naming the class type', async () => {
    const setup = await ok<ClubSetupView>('schedule/club', {});
    const bad = { ...setup, classTypes: setup.classTypes.map((c) => (c.id === 'yoga' ? { ...c, allowedRoomTypes: ['pool'] } : c)) };
    const { demandSource: _d, occupancyHours: _o, attendanceRecords: _a, updatedAt: _u, canUndo: _c, ...input } = bad;
    const err = await fails('schedule/save-club', { setup: input });
    expect(err.reason).toBe('invalid_input');
    expect(err.message).toMatch(/class type yoga/);
    expect((await ok<ClubSetupView>('schedule/club', {})).classTypes[0]!.allowedRoomTypes).toEqual(['studio']);
  });

  it('refuses a negative capacity, naming the room', async () => {
    const setup = await ok<ClubSetupView>('schedule/club', {});
    const { demandSource: _d, occupancyHours: _o, attendanceRecords: _a, updatedAt: _u, canUndo: _c, ...input } = setup;
    const err = await fails('schedule/save-club', { setup: { ...input, rooms: [{ ...input.rooms[0]!, capacity: -5 }, input.rooms[1]!] } });
    expect(err.message).toBe("setup.rooms[studio].capacity: must be at least 1 person");
    expect(err.field).toBe("setup.rooms.0.capacity");
  });

  it('refuses overlapping availability and a trainer window on an unknown weekday, naming the trainer', async () => {
    const overlapping = TRAINERS_CSV.replace('Mon 08:00-14:00|', 'Mon 08:00-14:00|Mon 12:00-16:00|');
    const err = await fails('schedule/import-club', { files: [{ fileName: 'trainers.csv', content: overlapping }] });
    expect(err.message).toMatch(/trainer anna/);
    expect(err.message).toMatch(/overlap/);
    const badDay = TRAINERS_CSV.replace('Tue 16:00-21:00', 'Funday 16:00-21:00');
    expect((await fails('schedule/import-club', { files: [{ fileName: 'trainers.csv', content: badDay }] })).message)
      .toBe('trainers.csv line 3, availability: "Funday 16:00-21:00" is not a window like "Mon 08:00-14:00"');
  });

  it('explains an impossible week in words instead of returning an empty timetable', async () => {
    const setup = await ok<ClubSetupView>('schedule/club', {});
    const { demandSource: _d, occupancyHours: _o, attendanceRecords: _a, updatedAt: _u, canUndo: _c, ...input } = setup;
    await ok('schedule/save-club', { setup: { ...input, classTypes: input.classTypes.map((c) => (c.id === 'yoga' ? { ...c, minPerWeek: 30, maxPerWeek: 30 } : c)) } });
    const r = await ok<OptimizeView>('schedule/optimize', { weekStart: WEEK, timeLimitS: 10 });
    expect(r.scenario).toBeNull();
    expect(r.status).toBe('infeasible');
    expect(r.explanation.join(' ')).toMatch(/Yoga/);
    expect(await ok<unknown[]>('schedule/scenarios', { weekStart: WEEK })).toHaveLength(0);
  });
});

describe('undo of the club setup', () => {
  it('restores the setup before the last save, and undoes undos in turn', async () => {
    const before = await ok<ClubSetupView>('schedule/club', {});
    expect(before.classTypes.find((c) => c.id === 'yoga')?.minPerWeek).toBe(30); // the impossible week's save
    expect(before.canUndo).toBe(true);
    const undone = await ok<ClubSetupView>('schedule/undo-club', {});
    expect(undone.classTypes.find((c) => c.id === 'yoga')?.minPerWeek).toBe(3);
    expect(undone.rooms).toHaveLength(2);
    // The next undo goes one step further back: to the CSV import's "before", which was no setup.
    const again = await call('schedule/undo-club', {});
    expect(again.ok).toBe(false);
  });
});

describe('the manager flow on the demo club', () => {
  let first: ScenarioView;
  let second: ScenarioView;

  it('sets up the demo club with its history', async () => {
    const v = await ok<ClubSetupView>('schedule/demo-setup', { weekStart: WEEK });
    expect(v.rooms).toHaveLength(4);
    expect(v.occupancyHours).toBeGreaterThan(1000);
    expect(v.demandSource).toMatch(/seasonal occupancy model on 12 weeks.*calibrated on 84 class attendance records/);
  });

  it('optimizes a week in the worker into a draft that breaks no hard rule', async () => {
    const r = await ok<OptimizeView>('schedule/optimize', { weekStart: WEEK, timeLimitS: 30 });
    expect(r.status).toMatch(/optimal|feasible/);
    first = r.scenario!;
    expect(first.status).toBe('draft');
    expect(first.violations).toEqual([]);
    const setup = await ok<ClubSetupView>('schedule/club', {});
    for (const ct of setup.classTypes) {
      const n = first.classes.filter((c) => c.classTypeId === ct.id).length;
      expect(n).toBeGreaterThanOrEqual(ct.minPerWeek);
      expect(n).toBeLessThanOrEqual(ct.maxPerWeek);
    }
    const att = first.classes.reduce((a, c) => a + c.predictedAttendance, 0);
    expect(first.scores.predictedAttendees).toBeCloseTo(att, 6);
    expect(first.classes.every((c) => c.predictedAttendance <= c.capacity)).toBe(true);
  });

  it('keeps a second scenario with other weights and compares the two', async () => {
    second = (await ok<OptimizeView>('schedule/optimize', { weekStart: WEEK, name: 'Compact days', weights: { idle: 0.6, attendance: 0.2 }, timeLimitS: 30 })).scenario!;
    const cmp = await ok<ScenarioComparison>('schedule/compare', { scenarioIds: [first.id, second.id] });
    const idle = cmp.rows.find((r) => r.key === 'idleMinutes')!;
    expect(idle.values[1]).toBeLessThanOrEqual(idle.values[0]!);
    expect(cmp.sameClasses + cmp.onlyIn[0]!.length).toBe(first.classCount);
  });

  it('refuses a move that breaks a hard rule, with the reason, and allows and undoes a valid one', async () => {
    const cls = second.classes[0]!;
    const clash = second.classes.find((c) => c.roomId !== cls.roomId && second.rooms.find((r) => r.id === c.roomId))!;
    const err = await fails('schedule/move-class', { scenarioId: second.id, classIndex: cls.index, weekday: clash.weekday, startMin: clash.startMin, roomId: clash.roomId });
    expect(err.reason).toBe('conflict');
    expect(err.message).toMatch(/^The move was refused: /);
    // A valid move: the same class one slot later or earlier, found by trying.
    let moved: ScenarioView | null = null;
    for (const delta of [60, -60, 120, -120, 180]) {
      const env = await call('schedule/move-class', { scenarioId: second.id, classIndex: cls.index, weekday: cls.weekday, startMin: cls.startMin + delta, roomId: cls.roomId });
      if (env.ok) { moved = env.value as ScenarioView; break; }
    }
    expect(moved).not.toBeNull();
    expect(moved!.canUndo).toBe(true);
    expect(moved!.violations).toEqual([]);
    const undone = await ok<ScenarioView>('schedule/undo', { scenarioId: second.id });
    expect(undone.classes.map((c) => [c.weekday, c.startMin, c.roomId, c.trainerId])).toEqual(second.classes.map((c) => [c.weekday, c.startMin, c.roomId, c.trainerId]));
  });

  it('names an unknown room or trainer in a move', async () => {
    const cls = second.classes[0]!;
    const room = await fails('schedule/move-class', { scenarioId: second.id, classIndex: cls.index, weekday: cls.weekday, startMin: cls.startMin, roomId: 'pool' });
    expect(room.reason).toBe('invalid_input');
    expect(room.message).toMatch(/unknown room pool/);
    const trainer = await fails('schedule/move-class', { scenarioId: second.id, classIndex: cls.index, weekday: cls.weekday, startMin: cls.startMin, roomId: cls.roomId, trainerId: 'zoe' });
    expect(trainer.message).toMatch(/unknown trainer zoe/);
  });

  it('adds and removes classes of a draft, with checks, warnings for the wanted range, and undo', async () => {
    const cls = second.classes[0]!;
    const clash = await fails('schedule/add-class', { scenarioId: second.id, classTypeId: cls.classTypeId, weekday: cls.weekday, startMin: cls.startMin, roomId: cls.roomId, trainerId: cls.trainerId });
    expect(clash.message).toMatch(/^The class was not added: .*already booked/);
    const removed = await ok<ScenarioView>('schedule/remove-class', { scenarioId: second.id, classIndex: cls.index });
    expect(removed.classCount).toBe(second.classCount - 1);
    expect(removed.violations).toEqual([]);
    const added = await ok<ScenarioView>('schedule/add-class', { scenarioId: second.id, classTypeId: cls.classTypeId, weekday: cls.weekday, startMin: cls.startMin, roomId: cls.roomId, trainerId: cls.trainerId });
    expect(added.classCount).toBe(second.classCount);
    expect(added.violations).toEqual([]);
    await ok('schedule/undo', { scenarioId: second.id });
    const back = await ok<ScenarioView>('schedule/undo', { scenarioId: second.id });
    expect(back.classCount).toBe(second.classCount);
    expect(back.canUndo).toBe(false);
  });

  it('publishes one scenario; replacing it must be asked for; a published week is never edited', async () => {
    await ok('schedule/publish', { scenarioId: first.id });
    const err = await fails('schedule/publish', { scenarioId: second.id });
    expect(err.field).toBe('replacePublished');
    expect((await ok<ScenarioView>('schedule/scenario', { scenarioId: first.id })).status).toBe('published');
    const edit = await fails('schedule/move-class', { scenarioId: first.id, classIndex: 0, weekday: 0, startMin: 600, roomId: 'hall' });
    expect(edit.message).toMatch(/published week is never changed/);
    const pub = await ok<{ id: number } | null>('schedule/published', { weekStart: WEEK });
    expect(pub?.id).toBe(first.id);
  });

  it('exports the published week as iCal, for the club and for one trainer', async () => {
    const club = await ok<IcalExport>('schedule/ical', { weekStart: WEEK });
    expect(club.events).toBe(first.classCount);
    expect(club.content.match(/BEGIN:VEVENT/g)).toHaveLength(first.classCount);
    // The demo club is in Europe/London: events carry the TZID and the calendar its VTIMEZONE.
    expect(club.content).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/London/);
    expect(club.content).toMatch(/DTSTART;TZID=Europe\/London:202612/);
    const trainerId = first.classes[0]!.trainerId;
    const one = await ok<IcalExport>('schedule/ical', { weekStart: WEEK, trainerId });
    expect(one.events).toBe(first.classes.filter((c) => c.trainerId === trainerId).length);
    expect(one.fileName).toBe(`classes-${WEEK}-${trainerId}.ics`);
  });

  it('handles a sick trainer: ranked substitutes and a draft that changes only the affected classes', async () => {
    const cls = first.classes.find((c) => c.weekday <= 4)!;
    const r = await ok<AbsenceView>('schedule/trainer-unavailable', { weekStart: WEEK, trainerId: cls.trainerId, dates: [cls.date] });
    expect(r.affected.map((a) => a.classIndex)).toContain(cls.index);
    expect(r.draft!.status).toBe('draft');
    expect(r.draft!.basedOnId).toBe(first.id);
    expect(r.draft!.violations).toEqual([]);
    const affected = new Set(r.affected.map((a) => a.classIndex));
    const key = (c: { classTypeId: string; weekday: number; startMin: number; roomId: string; trainerId: string }) => `${c.classTypeId}|${c.weekday}|${c.startMin}|${c.roomId}|${c.trainerId}`;
    const kept = new Set(r.draft!.classes.map(key));
    for (const c of first.classes) if (!affected.has(c.index)) expect(kept.has(key(c))).toBe(true);
    expect(r.unchangedCount).toBe(first.classCount - r.changes.length);
    expect(r.draft!.classes.some((c) => c.trainerId === cls.trainerId && c.date === cls.date)).toBe(false);
    // The absence is now part of the club setup, for later optimizations of the week.
    const setup = await ok<ClubSetupView>('schedule/club', {});
    expect(setup.trainers.find((t) => t.id === cls.trainerId)?.absences).toContain(cls.date);
    // Publishing the adjusted week replaces the old one explicitly.
    await ok('schedule/publish', { scenarioId: r.draft!.id, replacePublished: true });
    expect((await ok<ScenarioView>('schedule/scenario', { scenarioId: first.id })).status).toBe('superseded');
  });

  it('suggests adding a class where the history was consistently full', async () => {
    const v = await ok<AdjustmentsView>('schedule/adjustments', { weekStart: WEEK });
    expect(v.publishedId).not.toBeNull();
    const add = v.suggestions.find((s) => s.kind === 'add' && s.classTypeId === 'yoga');
    expect(add?.evidence.occurrences).toBeGreaterThanOrEqual(3);
    expect(add?.reason).toMatch(/full or waitlisted/);
  });

  it('lets a front-desk member read the schedule but not optimize or publish', async () => {
    const desk = await ok<Staff>('staff/create', { name: 'Desk', username: 'desk', role: 'front_desk', password: 'blue kettle morning 7' });
    const asDesk = cliCaller(host, desk.id);
    expect((await ok<unknown[]>('schedule/scenarios', { weekStart: WEEK }, asDesk)).length).toBeGreaterThan(0);
    expect((await fails('schedule/optimize', { weekStart: WEEK }, asDesk)).reason).toBe('forbidden');
    expect((await fails('schedule/publish', { scenarioId: second.id }, asDesk)).reason).toBe('forbidden');
  });

  it('refuses a week that does not start on a Monday, naming the field', async () => {
    const err = await fails('schedule/optimize', { weekStart: '2026-12-01' });
    expect(err.field).toBe('weekStart');
    expect(err.message).toMatch(/Monday/);
  });
});
