import { describe, expect, it } from 'vitest';
import { checkTimetable } from './check';
import { solveWithHighs } from './backends/highs';
import { solveWithJslp } from './backends/jslp';
import { generateDemoScheduleClub } from '../demo/schedule-club';
import { buildDemandTable, demandFromTable } from './demand/club-demand';
import type { SolveProgress } from './backends/types';
import { generateClub, syntheticDemand } from './generate';
import { buildModel } from './model';
import { decodeTimetable, scheduleWeek } from './solve';
import { DEFAULT_WEIGHTS } from './types';
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

  it('medium club: both backends prove optimality with the same solver objective', async () => {
    // The solver objectives must agree; every term of the MIP is exact (idle minutes too, see
    // model.ts), so each equals its timetable's recomputed objective.
    const club = generateClub('medium', 1);
    const demand = syntheticDemand(club, 1);
    const h = await scheduleWeek(club, demand, { backend: 'highs', mipRelGap: 0 });
    const j = await scheduleWeek(club, demand, { backend: 'jslp', mipRelGap: 0, timeLimitS: 120 });
    expect(h.status).toBe('optimal');
    expect(j.status).toBe('optimal');
    expect(h.gapPct!).toBeLessThan(1e-4);
    expect(j.gapPct).toBe(0);
    expect(Math.abs(j.solverObjective! - h.solverObjective!) / Math.abs(h.solverObjective!)).toBeLessThan(1e-6);
    expect(hardViolations(club, h.timetable)).toEqual([]);
    expect(hardViolations(club, j.timetable)).toEqual([]);
    for (const r of [h, j]) {
      expect(r.solverObjective!).toBeCloseTo(r.objective, 6);
      expect(r.firstFeasibleS).not.toBeNull();
      expect(r.firstFeasibleS!).toBeLessThanOrEqual(r.solveS);
    }
  });

  it('HiGHS LP-support warm start reaches the same optimum as the cold solve', async () => {
    const club = generateClub('medium', 2);
    const model = buildModel(club, syntheticDemand(club, 2), DEFAULT_WEIGHTS);
    const cold = await solveWithHighs(model, { mipRelGap: 0, warmStart: 'none' });
    const warm = await solveWithHighs(model, { mipRelGap: 0, warmStart: 'lp-support' });
    expect(cold.status).toBe('optimal');
    expect(warm.status).toBe('optimal');
    expect(warm.solverObjective!).toBeCloseTo(cold.solverObjective!, 6);
  });

  it('progress is reported and a cancel from onProgress returns the incumbent', async () => {
    const club = generateClub('medium', 1);
    const model = buildModel(club, syntheticDemand(club, 1), DEFAULT_WEIGHTS);
    const seen: SolveProgress[] = [];
    const controller = new AbortController();
    const r = await solveWithHighs(model, {
      mipRelGap: 0, warmStart: 'none', signal: controller.signal,
      onProgress: (p) => { seen.push(p); if (p.incumbent !== null) controller.abort(); },
    });
    expect(seen.some((p) => p.incumbent !== null)).toBe(true);
    expect(r.cancelled).toBe(true);
    expect(r.status).toBe('feasible');
    expect(r.values.length).toBe(model.variables.length);
    const shared = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(shared, 0, 1);
    const stopped = await solveWithHighs(model, { cancelFlag: shared });
    expect(stopped).toMatchObject({ cancelled: true, status: 'timeout_no_solution', values: [] });
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

describe('javascript-lp-solver cut off by its time limit', () => {
  it('returns a valid timetable or none, never a fractional LP answer decoded as classes', async () => {
    const d = generateDemoScheduleClub('2026-11-30');
    const club = { rooms: d.rooms, classTypes: d.classTypes, trainers: d.trainers, openingHours: d.openingHours, slotMin: d.slotMin, trainerGapMin: d.trainerGapMin, weekStart: '2026-11-30' };
    const table = buildDemandTable({
      classTypes: d.classTypes, openingHours: d.openingHours, occupancy: d.occupancy, weekStart: '2026-11-30',
      attendance: d.attendance.map((a) => ({ ...a, weekday: (new Date(`${a.date}T00:00:00Z`).getUTCDay() + 6) % 7 })),
    });
    const model = buildModel(club, demandFromTable(table.table), DEFAULT_WEIGHTS);
    const r = await solveWithJslp(model, { timeLimitS: 2 });
    const binaries = r.values.slice(0, model.assignments.length);
    expect(binaries.every((v) => Math.abs(v - Math.round(v)) <= 1e-6)).toBe(true);
    if (r.status === 'timeout_no_solution') expect(r.values).toEqual([]);
    else expect(checkTimetable(club, decodeTimetable(model, r.values))).toEqual([]);
  });
});
