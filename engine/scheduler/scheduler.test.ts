import { describe, expect, it } from 'vitest';
import { checkTimetable } from './check';
import { generateClub, syntheticDemand } from './generate';
import { scheduleWeek } from './solve';
import type { Club, ScheduledClass } from './types';
import { ClubValidationError, validateClub } from './validate';

/** Every hard constraint of a decoded timetable, by the scheduler's one checker (`check.ts`). */
const hardViolations = (club: Club, tt: ScheduledClass[]): string[] => checkTimetable(club, tt).map((v) => v.message);

function problemsOf(input: unknown): string[] {
  try { validateClub(input); return []; } catch (e) { return e instanceof ClubValidationError ? e.problems : [String(e)]; }
}

describe('club validation names the item', () => {
  const club = generateClub('small', 3);
  it('accepts a generated club', () => expect(problemsOf(club)).toEqual([]));
  it('class type that no room fits', () => {
    const bad = { ...club, classTypes: club.classTypes.map((c, i) => (i === 0 ? { ...c, id: 'yoga', allowedRoomTypes: ['pool'] } : c)) };
    expect(problemsOf(bad)).toContain('class type yoga: no room of type pool fits');
  });
  it('negative room capacity', () => {
    const bad = { ...club, rooms: club.rooms.map((r, i) => (i === 1 ? { ...r, capacity: -4 } : r)) };
    expect(problemsOf(bad).join()).toMatch(/^room r2 \(capacity\): /);
  });
  it('overlapping availability and min > max', () => {
    const t0 = club.trainers[0]!;
    const bad = {
      ...club,
      trainers: [{ ...t0, availability: [{ weekday: 0, startMin: 480, endMin: 720 }, { weekday: 0, startMin: 600, endMin: 800 }] }, ...club.trainers.slice(1)],
      classTypes: club.classTypes.map((c, i) => (i === 2 ? { ...c, minPerWeek: 5, maxPerWeek: 2 } : c)),
    };
    const p = problemsOf(bad);
    expect(p).toContain(`trainer ${t0.id}: availability windows overlap`);
    expect(p).toContain('class type c3: minPerWeek 5 > maxPerWeek 2');
  });
});

describe('solving', () => {
  it('small club: both backends reach the same optimum and every hard constraint holds', async () => {
    const club = generateClub('small', 1);
    const demand = syntheticDemand(club, 1);
    const h = await scheduleWeek(club, demand, { backend: 'highs', mipRelGap: 0 });
    const j = await scheduleWeek(club, demand, { backend: 'jslp' });
    expect(h.status).toBe('optimal');
    expect(j.status).toBe('optimal');
    expect(j.solverObjective!).toBeCloseTo(h.solverObjective!, 6);
    expect(hardViolations(club, h.timetable)).toEqual([]);
    expect(hardViolations(club, j.timetable)).toEqual([]);
    expect(h.perObjective.attendance).toBeGreaterThan(0);
    expect(h.perObjective.attendance).toBeLessThanOrEqual(1);
  });

  it('auto picks jslp for a tiny model and HiGHS for a medium one', async () => {
    const small = generateClub('small', 1);
    expect((await scheduleWeek(small, syntheticDemand(small, 1))).backend).toBe('jslp');
    const medium = generateClub('medium', 2);
    const r = await scheduleWeek(medium, syntheticDemand(medium, 2));
    expect(r.backend).toBe('highs');
    expect(r.status).toBe('optimal');
    expect(hardViolations(medium, r.timetable)).toEqual([]);
  });

  it('an impossible week returns status infeasible, explained in words', async () => {
    const club = generateClub('small', 1);
    const bad = { ...club, classTypes: club.classTypes.map((c, i) => (i === 0 ? { ...c, minPerWeek: 40, maxPerWeek: 40 } : c)) };
    for (const backend of ['highs', 'jslp'] as const) {
      const r = await scheduleWeek(bad, syntheticDemand(bad, 1), { backend, timeLimitS: 10 });
      expect(r.status).toBe('infeasible');
      expect(r.timetable).toEqual([]);
      expect(r.explanation!.causes.length).toBeGreaterThan(0);
      expect(r.explanation!.causes[0]!.message).toMatch(/needs 40 classes/);
    }
  });
});
