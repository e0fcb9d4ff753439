import { describe, expect, it } from 'vitest';
import { CHANGES, rankSubstitutes, reoptimizeForAbsence, suggestAdjustments, weekDates, type ObservedClass } from './adjust';
import { checkMove, checkTimetable, TimetableInputError } from './check';
import { dateOfWeekday } from './candidates';
import { generateClub, syntheticDemand } from './generate';
import { scheduleWeek } from './solve';
import type { Club, DemandFn, ScheduledClass, Trainer } from './types';
import { ClubValidationError } from './validate';

const weekdays = (startMin: number, endMin: number) => [0, 1, 2, 3, 4].map((weekday) => ({ weekday, startMin, endMin }));
const trainer = (id: string, name: string, qualifications: string[], extra: Partial<Trainer> = {}): Trainer => ({
  id, name, qualifications, availability: weekdays(480, 1200), absences: [], maxHoursPerWeek: 10, ...extra,
});

const club: Club = {
  rooms: [
    { id: 's1', name: 'Studio 1', capacity: 20, type: 'studio', equipment: [] },
    { id: 's2', name: 'Studio 2', capacity: 12, type: 'studio', equipment: [] },
    { id: 'b1', name: 'Bike room', capacity: 15, type: 'cycle', equipment: ['bikes'] },
  ],
  classTypes: [
    { id: 'yoga', name: 'Yoga', durationMin: 60, maxCapacity: 20, price: 10, requiredQualification: 'yoga', allowedRoomTypes: ['studio'], minPerWeek: 1, maxPerWeek: 6 },
    { id: 'spin', name: 'Spin', durationMin: 45, maxCapacity: 15, price: 12, requiredQualification: 'spin', allowedRoomTypes: ['cycle'], requiredEquipment: ['bikes'], minPerWeek: 0, maxPerWeek: 6 },
  ],
  trainers: [
    trainer('anna', 'Anna', ['yoga']),
    trainer('ben', 'Ben', ['yoga', 'spin'], { preferred: [{ weekday: 0, startMin: 480, endMin: 720 }] }),
    trainer('cara', 'Cara', ['yoga'], { maxHoursPerWeek: 3, avoided: [{ weekday: 0, startMin: 480, endMin: 600 }] }),
    trainer('dan', 'Dan', ['spin']),
  ],
  openingHours: weekdays(480, 1200),
  slotMin: 60,
  trainerGapMin: 15,
  weekStart: '2026-11-23',
};
const published: ScheduledClass[] = [
  { classTypeId: 'yoga', roomId: 's1', trainerId: 'anna', weekday: 0, startMin: 540 },
  { classTypeId: 'yoga', roomId: 's1', trainerId: 'ben', weekday: 0, startMin: 1080 },
  { classTypeId: 'spin', roomId: 'b1', trainerId: 'dan', weekday: 0, startMin: 600 },
  { classTypeId: 'yoga', roomId: 's1', trainerId: 'cara', weekday: 1, startMin: 1080 },
  { classTypeId: 'yoga', roomId: 's2', trainerId: 'cara', weekday: 2, startMin: 1080 },
];
/** Evenings (17:00 on) draw 18 people to yoga, mornings 6; spin draws 14 at any time. */
const demand: DemandFn = (ct, _wd, hour) => ({ mean: ct === 'spin' ? 14 : hour >= 17 ? 18 : 6, sd: 1 });
const flat: DemandFn = () => ({ mean: 6, sd: 1 });

const history = (cls: ScheduledClass, weeks: Array<[booked: number, attended: number, waitlisted: number]>, capacity: number): ObservedClass[] =>
  weeks.map(([booked, attended, waitlisted], w) => ({
    classTypeId: cls.classTypeId, weekday: cls.weekday, startMin: cls.startMin, roomId: cls.roomId,
    date: dateOfWeekday('2026-10-26', cls.weekday + 7 * w), booked, attended, waitlisted, capacity,
  }));

describe('suggestAdjustments', () => {
  const underused = history(published[0]!, [[5, 4, 0], [6, 5, 0], [4, 3, 0], [5, 4, 0]], 20); // 20 % full
  const full = history(published[2]!, [[15, 15, 3], [15, 14, 0], [15, 15, 2]], 15);

  it('moves an underused class to a better free slot and adds a class where it runs full', () => {
    const s = suggestAdjustments(club, published, [...underused, ...full], { demand });
    expect(s.map((x) => [x.kind, x.classTypeId])).toEqual([['add', 'spin'], ['move', 'yoga']]);
    const move = s[1]!;
    expect(move.from).toEqual(published[0]);
    expect(move.to!.startMin).toBeGreaterThanOrEqual(17 * 60); // an evening: 18 predicted instead of 6
    expect(move.evidence).toEqual({ occurrences: 4, meanFill: 0.2, waitlistedShare: 0, fullShare: 0 });
    expect(move.reason).toMatch(/^Yoga Mon 09:00–10:00 filled 20 % of its places on average over 4 classes \(below 35 %\); .* predicts 18\.0 people instead of 6\.0$/);
    expect(checkMove(club, published, 0, { weekday: move.to!.weekday, startMin: move.to!.startMin, roomId: move.to!.roomId, trainerId: move.to!.trainerId })).toEqual({ ok: true });
    const add = s[0]!;
    expect(add.evidence.fullShare).toBe(1);
    expect(add.evidence.waitlistedShare).toBeCloseTo(2 / 3, 9);
    expect(add.reason).toMatch(/^Spin Mon 10:00–10:45 was full or waitlisted in 3 of 3 classes \(waitlist in 67 %\); add one /);
    // Both suggestions together still respect every hard rule.
    const after = [...published.map((c, i) => (i === 0 ? move.to! : c)), add.to!];
    expect(checkTimetable(club, after)).toEqual([]);
  });

  it('reduces when no slot is predicted better; too little history says nothing', () => {
    const s = suggestAdjustments(club, published, underused, { demand: flat });
    expect(s).toHaveLength(1);
    expect(s[0]!.kind).toBe('reduce');
    expect(s[0]!.reason).toContain('no better free slot is predicted');
    expect(suggestAdjustments(club, published, underused.slice(0, 2), { demand })).toEqual([]);
    expect(suggestAdjustments(club, published, full.slice(0, 2), { demand })).toEqual([]);
    // Thresholds are options: at 15 % the same class is not underused.
    expect(suggestAdjustments(club, published, underused, { demand, underusedFill: 0.15 })).toEqual([]);
  });

  it('rejects an invalid club and unknown class types', () => {
    expect(() => suggestAdjustments({ ...club, rooms: [] }, published, [], { demand })).toThrow(ClubValidationError);
    expect(() => suggestAdjustments(club, published, [{ ...underused[0]!, classTypeId: 'zumba' }], { demand })).toThrow('observed.classTypeId: unknown class type zumba');
  });
});

describe('rankSubstitutes', () => {
  it('ranks qualified, free trainers by hours left and preference; others are absent', () => {
    const r = rankSubstitutes(club, published, 0, 'anna');
    expect(r.map((x) => [x.trainerId, x.remainingHours, x.preference])).toEqual([['ben', 9, 1], ['cara', 1, -1]]);
    expect(r[0]!.score).toBeCloseTo(9 + 4 - 0.1, 9);
    expect(r[0]!.reasons).toEqual(['qualified for Yoga', '9 h left this week (maximum 10 h)', 'prefers Mon 09:00–10:00', '1 other class that day']);
    expect(r[1]!.reasons).toContain('would rather not teach Mon 09:00–10:00');
  });

  it('drops a trainer who would clash (with the 15-min gap) or run out of hours', () => {
    const week = [...published, { classTypeId: 'yoga', roomId: 's2', trainerId: 'ben', weekday: 0, startMin: 600 }];
    expect(rankSubstitutes(club, week, 0, 'anna').map((x) => x.trainerId)).toEqual(['cara']);
    const busyCara = [...week, { classTypeId: 'yoga', roomId: 's2', trainerId: 'cara', weekday: 3, startMin: 600 }];
    expect(rankSubstitutes(club, busyCara, 0, 'anna')).toEqual([]);
  });

  it('names an unknown index or trainer', () => {
    expect(() => rankSubstitutes(club, published, 9, 'anna')).toThrow(TimetableInputError);
    expect(() => rankSubstitutes(club, published, 0, 'zoe')).toThrow('unavailableTrainerId: unknown trainer zoe');
  });
});

describe('reoptimizeForAbsence', () => {
  it('keeps the class in place with a substitute (1 change) and leaves the rest byte-identical', async () => {
    const r = await reoptimizeForAbsence(club, published, 'anna', ['2026-11-23'], demand);
    expect(r.status).toBe('optimal');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.kind).toBe('substitute');
    expect(r.changes[0]!.after).toEqual({ ...published[0], trainerId: 'ben' }); // same attendance as Cara; Ben prefers Monday mornings, Cara avoids them
    expect(r.changeCount).toBe(1);
    expect(r.unchangedCount).toBe(4);
    expect(JSON.stringify(r.timetable.slice(1))).toBe(JSON.stringify(published.slice(1)));
    expect(r.changes[0]!.reason).toMatch(/^Anna is absent on 2026-11-23; Ben takes Yoga \(Mon 09:00–10:00 in Studio 1\)$/);
  });

  it('moves the class when nobody can take it in place (2 changes), to the best predicted slot', async () => {
    const late = { ...club, trainers: club.trainers.map((t) => (t.id === 'ben' || t.id === 'cara' ? { ...t, availability: weekdays(720, 1200) } : t)) };
    const r = await reoptimizeForAbsence(late, published, 'anna', ['2026-11-23'], demand);
    expect(r.changes.map((c) => c.kind)).toEqual(['moved']);
    expect(r.changeCount).toBe(CHANGES.moved);
    const after = r.changes[0]!.after!;
    expect(after.startMin).toBeGreaterThanOrEqual(17 * 60); // evening demand
    expect(checkTimetable(late, r.timetable)).toEqual([]);
  });

  it('cancels when no one qualified is left, and counts that as 10 changes', async () => {
    const alone = { ...club, trainers: club.trainers.map((t) => (t.id === 'anna' ? t : { ...t, qualifications: ['spin'] })) };
    const week = [published[0]!, published[2]!];
    const r = await reoptimizeForAbsence(alone, week, 'anna', 'all', demand);
    expect(r.changes.map((c) => [c.kind, c.after])).toEqual([['cancelled', null]]);
    expect(r.changeCount).toBe(10);
    expect(r.timetable).toEqual([published[2]]);
    expect(r.changes[0]!.reason).toContain('so it is cancelled');
  });

  it('names unknown trainers and bad dates', async () => {
    await expect(reoptimizeForAbsence(club, published, 'zoe', 'all', demand)).rejects.toThrow('trainerId: unknown trainer zoe');
    await expect(reoptimizeForAbsence(club, published, 'anna', ['23.11.2026'], demand)).rejects.toThrow(TimetableInputError);
  });

  it('medium club: no hard violations, untouched classes identical, no worse than substitute-or-cancel', async () => {
    const medium = generateClub('medium', 2);
    const dem = syntheticDemand(medium, 2);
    const week = (await scheduleWeek(medium, dem)).timetable;
    const counts = medium.trainers.map((t) => [t.id, week.filter((c) => c.trainerId === t.id).length] as const).sort((a, b) => b[1] - a[1]);
    const absentId = counts[0]![0];
    const r = await reoptimizeForAbsence(medium, week, absentId, 'all', dem, { timeLimitS: 20 });
    const absentClub = { ...medium, trainers: medium.trainers.map((t) => (t.id === absentId ? { ...t, absences: weekDates(medium) } : t)) };
    expect(r.status).toBe('optimal');
    expect(r.changes.length).toBe(counts[0]![1]);
    expect(r.unchangedCount).toBe(week.length - r.changes.length);
    expect(checkTimetable(absentClub, r.timetable).filter((v) => v.rule !== 'class_count')).toEqual([]);
    expect(r.timetable.some((c) => c.trainerId === absentId)).toBe(false);
    // Untouched classes: the same objects' JSON, in the same order.
    const affected = new Set(r.changes.map((c) => c.classIndex));
    const kept = r.timetable.filter((_, i) => !r.changes.some((c) => c.after === r.timetable[i]));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(week.filter((_, i) => !affected.has(i))));
    // Alternative plan: greedy best-ranked substitute in place, else cancel.
    let greedy = 0;
    let working = [...week];
    for (const i of [...affected].sort((a, b) => a - b)) {
      const best = rankSubstitutes(absentClub, working, i, absentId)[0];
      if (best) { working = working.map((c, j) => (j === i ? { ...c, trainerId: best.trainerId } : c)); greedy += CHANGES.substitute; } else greedy += CHANGES.cancelled;
    }
    expect(r.changeCount).toBeLessThan(greedy); // moving beats cancelling here
    expect(r.changeCount).toBeGreaterThanOrEqual(r.changes.length);
    // One date only: the trainer keeps every class on the other days.
    const day = week.find((c) => c.trainerId === absentId)!.weekday;
    const one = await reoptimizeForAbsence(medium, week, absentId, [dateOfWeekday(medium.weekStart, day)], dem);
    const onThatDay = week.flatMap((c, i) => (c.trainerId === absentId && c.weekday === day ? [i] : []));
    expect(onThatDay.length).toBeGreaterThan(0);
    expect(one.changes.map((c) => c.classIndex)).toEqual(onThatDay);
    expect(one.timetable.filter((c) => c.trainerId === absentId).every((c) => c.weekday !== day)).toBe(true);
    expect(one.timetable.filter((c) => c.trainerId === absentId).length).toBeGreaterThanOrEqual(counts[0]![1] - onThatDay.length);
  }, 60_000);
});
