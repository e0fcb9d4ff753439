import { describe, expect, it } from 'vitest';
import { countAdherence, prescriptionAdherence } from './adherence';
import { planWeekOn, todaysSession } from './today';
import type { PulledPlan } from './pull';

const squat = { id: 1, sets: 3, repMin: 6, repMax: 10, loadKg: 100 };

describe('adherence against the prescription', () => {
  it('done, partial (short on sets, reps or load) and skipped', () => {
    const set = (reps: number, loadKg = 100) => ({ prescriptionId: 1, loadKg, reps });
    expect(prescriptionAdherence(squat, [set(8), set(7), set(6)]).status).toBe('done');
    expect(prescriptionAdherence(squat, [set(8), set(7)]).status).toBe('partial');
    expect(prescriptionAdherence(squat, [set(8), set(7), set(5)]).status).toBe('partial');
    expect(prescriptionAdherence(squat, [set(8), set(8), set(8, 90)]).status).toBe('partial');
    const skipped = prescriptionAdherence(squat, [{ prescriptionId: 2, loadKg: 100, reps: 8 }]);
    expect(skipped).toMatchObject({ status: 'skipped', setsLogged: 0, repsVsPlan: null });
    expect(prescriptionAdherence(squat, [set(8, 105), set(8, 95)])).toMatchObject({ repsVsPlan: 2, loadRatio: 1 });
    expect(countAdherence([prescriptionAdherence(squat, []), prescriptionAdherence(squat, [set(9), set(9), set(9)])])).toEqual({ done: 1, partial: 0, skipped: 1 });
  });
});

const session = (id: number, week: number, day: number) => ({ id, week, day, name: `S${id}`, estimatedMinutes: 60, prescriptions: [] });
const plan: PulledPlan = { id: 1, name: 'P', approvedAt: '2026-11-30T10:00:00Z', startsOn: '2026-11-30', daysPerWeek: 2, sessions: [session(1, 1, 1), session(2, 1, 2), session(3, 2, 1), session(4, 2, 2)] };

describe("today's session", () => {
  it('is the plan week from the Monday of approval, first session not trained on an earlier day', () => {
    expect(planWeekOn(plan, '2026-12-04')).toBe(1);
    expect(planWeekOn(plan, '2026-12-07')).toBe(2);
    expect(planWeekOn(plan, '2027-03-01')).toBe(2);
    expect(todaysSession(plan, [], '2026-12-01')!.id).toBe(1);
    expect(todaysSession(plan, [{ planSessionId: 1, performedAt: '2026-12-01T10:00:00Z' }], '2026-12-03')!.id).toBe(2);
    expect(todaysSession(plan, [{ planSessionId: 1, performedAt: '2026-12-03T10:00:00Z' }], '2026-12-03')!.id).toBe(1);
  });
});
