import { describe, expect, it } from 'vitest';
import { buildRelaxedModel, countingChecks, explainInfeasible } from './explain';
import { generateClub, syntheticDemand } from './generate';
import { scheduleWeek } from './solve';
import type { ClassType, Club, Trainer } from './types';

const ct = (id: string, name: string, min: number, extra: Partial<ClassType> = {}): ClassType => ({
  id, name, durationMin: 60, maxCapacity: 12, price: 10, requiredQualification: id,
  allowedRoomTypes: ['studio'], minPerWeek: min, maxPerWeek: Math.max(min, 8), ...extra,
});
const trainer = (id: string, name: string, quals: string[], availability: Trainer['availability'], extra: Partial<Trainer> = {}): Trainer => ({
  id, name, qualifications: quals, availability, absences: [], ...extra,
});
const day = (weekday: number, from: number, to: number) => ({ weekday, startMin: from * 60, endMin: to * 60 });
const weekdays = (from: number, to: number) => [0, 1, 2, 3, 4].map((d) => day(d, from, to));

function baseClub(over: Partial<Club>): Club {
  return {
    rooms: [{ id: 'r1', name: 'Studio A', capacity: 20, type: 'studio', equipment: [] }],
    classTypes: [], trainers: [], openingHours: weekdays(8, 20), slotMin: 60, trainerGapMin: 15,
    weekStart: '2025-03-03', ...over,
  };
}

describe('explainInfeasible', () => {
  it('yoga needs 6 classes but only Anna is qualified, available for 4 hours', async () => {
    const club = baseClub({
      classTypes: [ct('yoga', 'Yoga', 6), ct('spin', 'Spinning', 2)],
      trainers: [
        // Mon/Wed 9–11 allow one class each (10:00 is < 15 min after 9–10), Thu/Fri 9–10 one each → 4.
        trainer('t1', 'Anna', ['yoga'], [day(0, 9, 11), day(2, 9, 11), day(3, 9, 10), day(4, 9, 10)], { maxHoursPerWeek: 4 }),
        trainer('t2', 'Ben', ['spin'], weekdays(8, 20)),
      ],
    });
    const ex = await explainInfeasible(club);
    console.log(ex.causes.map((c) => c.message).join('\n'));
    expect(ex.method).toBe('counting');
    expect(ex.causes).toHaveLength(1);
    const [cause] = ex.causes;
    expect(cause!.kind).toBe('trainer_hours');
    expect(cause!.items).toEqual(['yoga', 't1']);
    expect(cause!.message).toMatch(/Yoga/);
    expect(cause!.message).toMatch(/Anna/);
    expect(cause!.message).toMatch(/\b6\b/);
    expect(cause!.message).toMatch(/\b4\b/);
  });

  it('too few rooms for the total minimum gives a room / slot message', async () => {
    const club = baseClub({
      openingHours: [day(0, 9, 13)], // one room, 4 h a week
      classTypes: [ct('yoga', 'Yoga', 3), ct('pilates', 'Pilates', 3)],
      trainers: [trainer('t1', 'Anna', ['yoga'], [day(0, 9, 13)]), trainer('t2', 'Ben', ['pilates'], [day(0, 9, 13)])],
      trainerGapMin: 0,
    });
    const ex = await explainInfeasible(club);
    console.log(ex.causes.map((c) => c.message).join('\n'));
    expect(ex.method).toBe('counting');
    expect(ex.causes.map((c) => c.kind)).toEqual(['room_capacity']);
    expect(ex.causes[0]!.message).toMatch(/Studio A/);
    expect(ex.causes[0]!.message).toMatch(/6 h of room time/);
    expect(ex.causes[0]!.message).toMatch(/4 h/);
  });

  it('counts pass but the MIP is infeasible: the elastic relaxation names the class type', async () => {
    // Anna (yoga) and Ben (pilates) are only there on Monday 9–11; the one studio is open Mon and Tue
    // 9–11. Each type alone fits, trainer and room totals fit, but Monday has only 2 room slots for 4 classes.
    const club = baseClub({
      openingHours: [day(0, 9, 11), day(1, 9, 11)],
      classTypes: [ct('yoga', 'Yoga', 2), ct('pilates', 'Pilates', 2)],
      trainers: [trainer('t1', 'Anna', ['yoga'], [day(0, 9, 11)]), trainer('t2', 'Ben', ['pilates'], [day(0, 9, 11)])],
      trainerGapMin: 0,
    });
    expect(countingChecks(club)).toEqual([]);
    const r = await scheduleWeek(club, syntheticDemand(club, 1), { backend: 'highs' });
    expect(r.status).toBe('infeasible');
    const ex = await explainInfeasible(club);
    console.log(ex.causes.map((c) => c.message).join('\n'));
    expect(ex.method).toBe('relaxation');
    expect(ex.causes.length).toBeGreaterThan(0);
    expect(ex.causes.every((c) => c.kind === 'class_min')).toBe(true);
    expect(ex.causes[0]!.message).toMatch(/(Yoga|Pilates) needs 2 classes a week but only [01] can be placed/);
    expect(ex.causes[0]!.message).toMatch(/Studio A/);
  });

  it('the relaxed model keeps the original rows and adds one slack per minimum and per trainer', () => {
    const club = generateClub('small', 1);
    const { model, slacks } = buildRelaxedModel(club);
    expect(slacks.filter((s) => s.kind === 'class_min').length).toBe(club.classTypes.filter((c) => c.minPerWeek > 0).length);
    expect(slacks.filter((s) => s.kind === 'trainer_hours').length).toBeGreaterThan(0);
    expect(model.objective.every((t) => t.c < 0)).toBe(true);
  });

  it('a feasible club has no causes', async () => {
    const club = generateClub('small', 1);
    const ex = await explainInfeasible(club);
    expect(ex).toEqual({ causes: [], method: 'none' });
  });

  it('the generated impossible week (40 classes of one type) is explained by counting', async () => {
    const club = generateClub('small', 1);
    const bad = { ...club, classTypes: club.classTypes.map((c, i) => (i === 0 ? { ...c, minPerWeek: 40, maxPerWeek: 40 } : c)) };
    const ex = await explainInfeasible(bad);
    console.log(ex.causes.map((c) => c.message).join('\n'));
    expect(ex.causes.length).toBeGreaterThan(0);
    expect(ex.causes[0]!.message).toContain(bad.classTypes[0]!.name);
    expect(ex.causes[0]!.message).toMatch(/\b40\b/);
  });
});
