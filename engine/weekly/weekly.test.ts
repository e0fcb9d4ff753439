import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { PlannedWeek, Prescription } from '../types';
import type { CheckIn, ExerciseSession, LoggedSet } from '../progression/types';
import {
  WeeklyInputError, acceptLines, analyzeWeek, editLine, finalPlanWeek, pendingLines, proposeAdjustments, rejectLines,
} from './index';
import type { WeeklyInput } from './index';

const exercises = BUILTIN_EXERCISES.filter((e) => ['barbell-bench-press', 'barbell-back-squat', 'push-up', 'machine-chest-press'].includes(e.id));
const rx = (order: number, exerciseId: string, sets: number, repMin: number, repMax: number, loadKg: number | null): Prescription => ({
  exerciseId, exerciseName: exerciseId, order, sets, repMin, repMax, targetRir: 2, loadKg, restS: 120, isCalibration: false, reason: '', e1rmKg: null,
});
const plan: PlannedWeek = {
  week: 3, isDeload: false, targetRir: 2,
  sessions: [
    { day: 1, name: 'A', estimatedMinutes: 50, prescriptions: [rx(1, 'barbell-bench-press', 3, 6, 8, 60), rx(2, 'barbell-back-squat', 3, 5, 8, 80)] },
    { day: 3, name: 'B', estimatedMinutes: 30, prescriptions: [rx(1, 'push-up', 3, 10, 15, null)] },
  ],
};
const next: PlannedWeek = { ...plan, week: 4 };
const set = (loadKg: number, reps: number, rir: number | null = 2, form: number | null = null): LoggedSet => ({ loadKg, reps, rir, rpe: null, targetReps: null, form });
const session = (performedAt: string, exerciseId: string, sets: LoggedSet[]): ExerciseSession => ({ performedAt, exerciseId, sets });
const checkIn = (at: string, over: Partial<CheckIn> = {}): CheckIn => ({ at, sleep: 7, fatigue: 4, soreness: 3, energy: 7, painReported: false, illness: false, ...over });

const WEEK = '2024-03-04T00:00:00Z';
const history: ExerciseSession[] = [
  session('2024-02-19T10:00:00Z', 'barbell-bench-press', [set(55, 8), set(55, 8), set(55, 7)]),
  session('2024-02-26T10:00:00Z', 'barbell-bench-press', [set(57.5, 8), set(57.5, 8), set(57.5, 8)]),
  session('2024-03-04T10:00:00Z', 'barbell-bench-press', [set(60, 8), set(60, 8), set(60, 8), set(40, 12, 5)]),
  session('2024-03-04T10:30:00Z', 'barbell-back-squat', [set(80, 3, 0), set(80, 3, 0), set(80, 2, 0)]),
];
const input = (over: Partial<WeeklyInput> = {}): WeeklyInput => ({
  member: { id: 5, preferredUnit: 'kg', equipment: ['barbell', 'dumbbell', 'machine', 'cable'] },
  plan, exercises, sessions: history, checkIns: [checkIn('2024-03-04T07:00:00Z'), checkIn('2024-03-06T07:00:00Z', { fatigue: 6, sleep: 5 })],
  weekStart: WEEK, ...over,
});

describe('analyzeWeek', () => {
  const a = analyzeWeek(input());
  it('counts hard sets per muscle: primary 1, secondary 0.5, RIR > 4 not counted', () => {
    const v = Object.fromEntries(a.volume.map((m) => [m.muscle, [m.plannedSets, m.doneSets]]));
    expect(v.chest).toEqual([6, 3]); // bench 3 + push-up 3 planned; the RIR-5 back-off set is not hard
    expect(v.triceps).toEqual([3, 1.5]);
    expect(v.quadriceps).toEqual([3, 3]);
    expect(v.abdominals).toEqual([1.5, 0]);
  });
  it('reads adherence, e1RM trends and recovery', () => {
    expect(a.adherence).toEqual({ plannedSessions: 2, doneSessions: 1, plannedSets: 9, doneSets: 6, sessionShare: 0.5, setShare: 6 / 9 });
    const bench = a.lifts.find((l) => l.exerciseId === 'barbell-bench-press')!;
    expect(bench.weeks.map((w) => w.e1rmKg)).toEqual([55 * (1 + 10 / 30), 57.5 * (1 + 10 / 30), 60 * (1 + 10 / 30)]);
    expect(bench.e1rmChangePctPerWeek).toBeCloseTo((2.5 / 57.5) * 100, 9);
    expect(bench.isMainLift).toBe(true);
    expect(a.recovery).toMatchObject({ checkIns: 2, meanFatigue: 5, meanSleep: 6, illness: false, painReported: false });
    expect(a.recovery.recoveryScore).toBeCloseTo((7.25 + 6.25) / 2, 12);
    const squat = a.prescriptions.find((p) => p.key === '1.2')!;
    expect(squat).toMatchObject({ doneSets: 3, setsBelowRepMin: 3, meanRir: 0, repDropOff: 1 });
  });
  it('rejects an unreadable week start with the field named', () => {
    expect(() => analyzeWeek(input({ weekStart: 'monday' }))).toThrow(WeeklyInputError);
    expect(() => analyzeWeek(input({ weekStart: 'monday' }))).toThrow(/^weekStart:/);
  });
});

describe('proposeAdjustments', () => {
  it('progresses what went well and eases what did not', () => {
    const diff = proposeAdjustments(analyzeWeek(input()), next);
    expect(diff.lines.map((l) => [l.id, l.before, l.after])).toEqual([
      ['1.1:loadKg', 60, 62.5], ['1.2:loadKg', 80, 75],
    ]);
    expect(diff.lines[0]!.reason).toBe('All 3 sets reached 8 reps at mean RIR 2.0: next loadable step (+4.2 %).');
    expect(diff.lines[1]!.reason).toMatch(/^3 of 3 sets fell short of 5 reps, mean RIR 0.0 vs target 2: −5 % load/);
    expect(diff.lines.every((l) => l.status === 'pending')).toBe(true);
  });
  it('illness: lighter loads and fewer sets everywhere, nothing else', () => {
    const diff = proposeAdjustments(analyzeWeek(input({ checkIns: [checkIn('2024-03-05T07:00:00Z', { illness: true })] })), next);
    expect(diff.lines.map((l) => [l.id, l.after])).toEqual([
      ['1.1:loadKg', 52.5], ['1.1:sets', 2], ['1.2:loadKg', 70], ['1.2:sets', 2], ['3.1:sets', 2],
    ]);
  });
  it('high fatigue: one set fewer and no load increase', () => {
    const tired = [checkIn('2024-03-05T07:00:00Z', { fatigue: 9, soreness: 8, sleep: 3, energy: 3 })];
    const diff = proposeAdjustments(analyzeWeek(input({ checkIns: tired })), next);
    expect(diff.lines.filter((l) => l.field === 'sets').map((l) => l.after)).toEqual([2, 2, 2]);
    expect(diff.lines.find((l) => l.id === '1.1:loadKg')).toBeUndefined();
  });
  it('poor form: an easier alternative from the library', () => {
    const poor = [...history.slice(0, 2), session('2024-03-04T10:00:00Z', 'barbell-bench-press', [set(60, 8, 2, 4), set(60, 8, 2, 5)])];
    const diff = proposeAdjustments(analyzeWeek(input({ sessions: poor })), next, { exercises });
    expect(diff.lines[0]).toMatchObject({ id: '1.1:exerciseId', after: 'machine-chest-press', afterName: 'Machine Chest Press' });
  });
  it('never proposes more than +10 % load, rest under 30 s or zero sets (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ reps: fc.integer({ min: 0, max: 20 }), rir: fc.option(fc.integer({ min: 0, max: 6 })), form: fc.option(fc.integer({ min: 1, max: 10 })) }), { maxLength: 6 }),
      fc.integer({ min: 1, max: 10 }), fc.boolean(),
      (sets, fatigue, pain) => {
        const logged = [session('2024-03-04T10:00:00Z', 'barbell-bench-press', sets.map((s) => set(60, s.reps, s.rir, s.form)))];
        const diff = proposeAdjustments(analyzeWeek(input({ sessions: logged, checkIns: [checkIn('2024-03-05T07:00:00Z', { fatigue, painReported: pain })] })), next, { exercises });
        for (const l of diff.lines) {
          if (l.field === 'loadKg' && typeof l.after === 'number' && typeof l.before === 'number') expect(l.after).toBeLessThanOrEqual(l.before * 1.1 + 1e-9);
          if (l.field === 'restS') expect(l.after).toBeGreaterThanOrEqual(30);
          if (l.field === 'sets') expect(l.after).toBeGreaterThanOrEqual(1);
        }
      },
    ));
  });
});

describe('trainer review', () => {
  const diff = proposeAdjustments(analyzeWeek(input()), next);
  it('applies only accepted and edited lines', () => {
    expect(finalPlanWeek(next, diff)).toEqual(next);
    const one = acceptLines(diff, ['1.1:loadKg']);
    expect(pendingLines(one).map((l) => l.id)).toEqual(['1.2:loadKg']);
    const week = finalPlanWeek(next, one);
    expect(week.sessions[0]!.prescriptions.map((p) => p.loadKg)).toEqual([62.5, 80]);
    const all = finalPlanWeek(next, acceptLines(diff));
    expect(all.sessions[0]!.prescriptions.map((p) => p.loadKg)).toEqual([62.5, 75]);
    const none = finalPlanWeek(next, rejectLines(acceptLines(diff)));
    expect(none).toEqual(next);
  });
  it('edits a line within the safety limits', () => {
    const edited = editLine(diff, '1.2:loadKg', 77.5);
    expect(edited.lines[1]).toMatchObject({ after: 77.5, status: 'edited' });
    expect(finalPlanWeek(next, edited).sessions[0]!.prescriptions[1]!.loadKg).toBe(77.5);
    expect(() => editLine(diff, '1.1:loadKg', 70)).toThrow(/^lines.1.1:loadKg.after: load 70 kg is more than \+10 %/);
    expect(() => editLine(diff, 'nope', 1)).toThrow(/^lineId:/);
    expect(() => acceptLines(diff, ['nope'])).toThrow(/^lineIds:/);
  });
  it('refuses a diff for another week or a stale plan', () => {
    expect(() => finalPlanWeek(plan, diff)).toThrow(/^week:/);
    const stale: PlannedWeek = { ...next, sessions: [{ ...next.sessions[0]!, prescriptions: [rx(1, 'barbell-bench-press', 3, 6, 8, 65), rx(2, 'barbell-back-squat', 3, 5, 8, 80)] }, next.sessions[1]!] };
    expect(() => finalPlanWeek(stale, acceptLines(diff))).toThrow(/^lines.1.1:loadKg: the plan changed/);
  });
});
