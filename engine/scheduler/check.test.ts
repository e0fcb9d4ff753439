import { describe, expect, it } from 'vitest';
import { checkMove, checkTimetable, TimetableInputError, parseTime, formatTime } from './check';
import { generateClub, syntheticDemand } from './generate';
import * as scheduler from './index';
import { scheduleWeek } from './solve';
import type { Club, ScheduledClass } from './types';

const weekdays = (startMin: number, endMin: number) => [0, 1, 2, 3, 4].map((weekday) => ({ weekday, startMin, endMin }));

/** A hand-made club with names, so messages can be asserted word for word. */
const club: Club = {
  rooms: [
    { id: 's1', name: 'Studio 1', capacity: 20, type: 'studio', equipment: [] },
    { id: 'b1', name: 'Bike room', capacity: 15, type: 'cycle', equipment: ['bikes'] },
  ],
  classTypes: [
    { id: 'yoga', name: 'Yoga', durationMin: 60, maxCapacity: 20, price: 10, requiredQualification: 'yoga', allowedRoomTypes: ['studio'], minPerWeek: 1, maxPerWeek: 5 },
    { id: 'spin', name: 'Spin', durationMin: 45, maxCapacity: 15, price: 12, requiredQualification: 'spin', allowedRoomTypes: ['cycle'], requiredEquipment: ['bikes'], minPerWeek: 0, maxPerWeek: 5 },
  ],
  trainers: [
    { id: 'anna', name: 'Anna', qualifications: ['yoga'], availability: weekdays(480, 1200), absences: ['2026-11-25'], maxHoursPerWeek: 2 },
    { id: 'ben', name: 'Ben', qualifications: ['yoga', 'spin'], availability: [{ weekday: 0, startMin: 480, endMin: 720 }, { weekday: 1, startMin: 1020, endMin: 1200 }], absences: [] },
  ],
  openingHours: weekdays(480, 1200),
  slotMin: 60,
  trainerGapMin: 15,
  weekStart: '2026-11-23',
};
const yogaMon9: ScheduledClass = { classTypeId: 'yoga', roomId: 's1', trainerId: 'anna', weekday: 0, startMin: 540 };
const spinMon10: ScheduledClass = { classTypeId: 'spin', roomId: 'b1', trainerId: 'ben', weekday: 0, startMin: 600 };
const yogaTue18: ScheduledClass = { classTypeId: 'yoga', roomId: 's1', trainerId: 'anna', weekday: 1, startMin: 1080 };
const week = [yogaMon9, spinMon10, yogaTue18];

describe('checkTimetable', () => {
  it('a valid hand-made week has no violations', () => {
    expect(checkTimetable(club, week)).toEqual([]);
  });

  it('names each broken rule with a stable code and a sentence', () => {
    const bad: ScheduledClass[] = [
      yogaMon9,
      { ...yogaMon9, trainerId: 'ben' }, // Studio 1 double booked
      { classTypeId: 'spin', roomId: 's1', trainerId: 'anna', weekday: 2, startMin: 570 }, // many wrongs
    ];
    const v = checkTimetable(club, bad);
    expect(v).toContainEqual({ classIndex: 1, rule: 'room_double_booked', message: 'Studio 1 is already booked by Yoga (Mon 09:00–10:00)' });
    expect(v).toContainEqual({ classIndex: 2, rule: 'not_qualified', message: 'Anna is not qualified for Spin' });
    expect(v).toContainEqual({ classIndex: 2, rule: 'absent', message: 'Anna is absent on 2026-11-25' });
    expect(v).toContainEqual({ classIndex: 2, rule: 'room_type', message: 'Studio 1 is a studio room; Spin needs cycle' });
    expect(v).toContainEqual({ classIndex: 2, rule: 'room_equipment', message: 'Studio 1 lacks bikes for Spin' });
    expect(v).toContainEqual({ classIndex: 2, rule: 'off_slot_grid', message: 'Spin starts at 09:30, not on the 60-min slot grid' });
    expect(v.filter((x) => x.rule === 'class_count')).toEqual([]);
  });

  it('trainer gap, hours and class counts', () => {
    const bad: ScheduledClass[] = [
      yogaMon9,
      { ...yogaMon9, startMin: 600 }, // Anna again at 10:00, straight after 09:00–10:00 (the room is free)
      yogaTue18,
    ];
    const v = checkTimetable(club, bad);
    expect(v).toContainEqual({ classIndex: 1, rule: 'trainer_overlap', message: 'Anna teaches Yoga (Mon 09:00–10:00) and needs 15 min between classes' });
    expect(v).toContainEqual({ classIndex: null, rule: 'trainer_hours', message: 'Anna would teach 3 h, more than their maximum of 2 h' });
    expect(v.some((x) => x.rule === 'room_double_booked')).toBe(false);
    const counts = checkTimetable(club, [spinMon10]);
    expect(counts).toEqual([{ classIndex: null, rule: 'class_count', message: 'Yoga has 0 classes this week; it needs 1 to 5' }]);
  });

  it('availability and opening hours', () => {
    const v = checkTimetable(club, [{ ...spinMon10, weekday: 1, startMin: 900 }, { ...yogaMon9, startMin: 1170 }]);
    expect(v).toContainEqual({ classIndex: 0, rule: 'not_available', message: 'Ben is not available Tue 15:00–15:45' });
    expect(v).toContainEqual({ classIndex: 1, rule: 'outside_opening_hours', message: 'Yoga Mon 19:30–20:30 is outside opening hours' });
  });

  it('unknown ids throw a TimetableInputError naming the item', () => {
    expect(() => checkTimetable(club, [{ ...yogaMon9, roomId: 'pool' }])).toThrow(TimetableInputError);
    expect(() => checkTimetable(club, [{ ...yogaMon9, roomId: 'pool' }])).toThrow('timetable[0].roomId: unknown room pool');
  });

  it('solver output on generated clubs passes; every single corruption is caught', async () => {
    for (const [size, seed] of [['small', 1], ['medium', 2]] as const) {
      const c = generateClub(size, seed);
      const r = await scheduleWeek(c, syntheticDemand(c, seed));
      expect(r.timetable.length).toBeGreaterThan(0);
      expect(checkTimetable(c, r.timetable)).toEqual([]);
      // Duplicate a class: the room is double booked and the trainer clashes.
      const dup = [...r.timetable, r.timetable[0]!];
      const rules = checkTimetable(c, dup).filter((v) => v.classIndex === dup.length - 1).map((v) => v.rule);
      expect(rules).toEqual(expect.arrayContaining(['room_double_booked', 'trainer_overlap']));
    }
  });
});

describe('checkMove', () => {
  it('a free slot is ok; a booked room and an unqualified trainer are reasons', () => {
    expect(checkMove(club, week, 0, { weekday: 0, startMin: 660, roomId: 's1' })).toEqual({ ok: true });
    const busy = checkMove(club, [...week, { ...yogaMon9, trainerId: 'ben', startMin: 660 }], 0, { weekday: 0, startMin: 660, roomId: 's1' });
    expect(busy).toEqual({ ok: false, reasons: ['Studio 1 is already booked by Yoga (Mon 11:00–12:00)'] });
    const spin = checkMove(club, week, 1, { weekday: 0, startMin: 600, roomId: 'b1', trainerId: 'anna' });
    expect(spin.ok).toBe(false);
    if (!spin.ok) {
      expect(spin.reasons).toEqual([
        'Anna is not qualified for Spin',
        'Anna teaches Yoga (Mon 09:00–10:00) and needs 15 min between classes',
        'Anna would teach 2.75 h, more than their maximum of 2 h',
      ]);
    }
  });

  it('a trainer change counts hours; the same trainer does not double-count', () => {
    const r = checkMove(club, week, 1, { weekday: 0, startMin: 600, roomId: 's1', trainerId: 'anna' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons).toContain('Anna would teach 2.75 h, more than their maximum of 2 h');
    expect(checkMove(club, week, 2, { weekday: 1, startMin: 1020, roomId: 's1' })).toEqual({ ok: true });
  });

  it('throws for an index outside the timetable or an unknown trainer', () => {
    expect(() => checkMove(club, week, 7, { weekday: 0, startMin: 600, roomId: 's1' })).toThrow('index: class index 7 is not in the timetable (3 classes)');
    expect(() => checkMove(club, week, 0, { weekday: 0, startMin: 600, roomId: 's1', trainerId: 'zoe' })).toThrow('target.trainerId: unknown trainer zoe');
  });
});

describe('the scheduler barrel (index.ts)', () => {
  it('re-exports the public API of every module', () => {
    for (const name of ['validateClub', 'generateClub', 'buildModel', 'scheduleWeek', 'scoreTimetable', 'explainInfeasible', 'checkTimetable', 'checkMove', 'suggestAdjustments', 'rankSubstitutes', 'reoptimizeForAbsence', 'timetableToIcal', 'solveWithHighs', 'solveWithJslp', 'fitDemand', 'classDemand'] as const) {
      expect(typeof scheduler[name], name).toBe('function');
    }
    expect(scheduler.checkTimetable).toBe(checkTimetable);
  });
});

describe('parseTime / formatTime', () => {
  it('reads HH:MM up to 24:00 and refuses anything else', () => {
    expect(['09:00', '7:05', ' 24:00 ', '00:00'].map(parseTime)).toEqual([540, 425, 1440, 0]);
    expect(['9:60', '25:00', '24:01', '0900', 'x', ''].map(parseTime)).toEqual([null, null, null, null, null, null]);
    expect(formatTime(parseTime('07:05')!)).toBe('07:05');
  });
});
