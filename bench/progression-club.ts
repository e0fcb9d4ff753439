/**
 * A SIMULATED club for the weekly-analysis speed figure (bench/progression.ts): 2,000 invented
 * members with a year of logs each, from a seeded PRNG (mulberry32, engine/demo/history). Nothing
 * here is measured data; it only has to be the size and shape of real logs.
 *
 * Per member: a 3-day plan (days 1, 3, 5) of 4 exercises a day, 3 sets each; 52 weeks of sessions
 * (8 % skipped); loads at ~75 % of a 1RM that rises 0.5 %/week, rounded to 2.5 kg; 6–10 reps;
 * RIR 0–4 reported by three members in four; a check-in on every training day.
 * Members are generated one at a time and only the analysis calls are timed.
 */
import { mulberry32 } from '../engine/demo/history';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import type { CheckIn, ExerciseSession, LoggedSet } from '../engine/progression/types';
import type { Exercise, PlannedWeek, Prescription } from '../engine/types';
import { analyzeWeek, proposeAdjustments } from '../engine/weekly/index';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
const DAYS: readonly string[][] = [
  ['barbell-back-squat', 'barbell-bench-press', 'cable-seated-row', 'dumbbell-curl'],
  ['barbell-deadlift', 'barbell-overhead-press', 'machine-lat-pulldown', 'dumbbell-lateral-raise'],
  ['barbell-back-squat', 'barbell-bench-press', 'machine-leg-extension', 'machine-lying-leg-curl'],
];

function libraryOf(ids: readonly string[]): Exercise[] {
  return ids.map((id) => {
    const e = BUILTIN_EXERCISES.find((x) => x.id === id);
    if (e === undefined) throw new Error(`bench club: ${id} is not built in`);
    return e;
  });
}

const round25 = (kg: number) => Math.max(2.5, Math.round(kg / 2.5) * 2.5);

function planWeek(week: number, loads: Map<string, number>, library: readonly Exercise[]): PlannedWeek {
  return {
    week, isDeload: false, targetRir: 2,
    sessions: DAYS.map((ids, i) => ({
      day: 1 + 2 * i, name: `Day ${String(i + 1)}`, estimatedMinutes: 60,
      prescriptions: ids.map((id, j): Prescription => ({
        exerciseId: id, exerciseName: library.find((e) => e.id === id)?.name ?? id, order: j + 1, sets: 3, repMin: 6, repMax: 10,
        targetRir: 2, loadKg: round25(loads.get(id) ?? 20), restS: 120, isCalibration: false, reason: 'simulated', e1rmKg: null,
      })),
    })),
  };
}

interface SimMember { sessions: ExerciseSession[]; checkIns: CheckIn[]; plan: PlannedWeek; next: PlannedWeek }

function simulateMember(seed: number, startMs: number, weeks: number, library: readonly Exercise[]): SimMember {
  const rnd = mulberry32(seed);
  const oneRm = new Map(library.map((e) => [e.id, (e.mechanic === 'compound' ? 60 : 20) * (0.6 + rnd() * 0.9)]));
  const reportsRir = rnd() < 0.75;
  const sessions: ExerciseSession[] = [];
  const checkIns: CheckIn[] = [];
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < DAYS.length; d++) {
      if (rnd() < 0.08) continue;
      const at = new Date(startMs + w * WEEK_MS + 2 * d * DAY_MS + 18 * 3_600_000).toISOString();
      checkIns.push({ at, sleep: 4 + Math.floor(rnd() * 6), fatigue: 2 + Math.floor(rnd() * 7), soreness: 1 + Math.floor(rnd() * 7), energy: 3 + Math.floor(rnd() * 7), painReported: rnd() < 0.01, illness: rnd() < 0.005 });
      for (const id of DAYS[d]!) {
        const rm = (oneRm.get(id) ?? 40) * (1 + 0.005 * w);
        const sets: LoggedSet[] = [0, 1, 2].map(() => ({
          loadKg: round25(rm * 0.75), reps: 6 + Math.floor(rnd() * 5), rir: reportsRir ? Math.floor(rnd() * 5) : null, rpe: null, targetReps: 6, form: rnd() < 0.1 ? 4 + Math.floor(rnd() * 6) : null,
        }));
        sessions.push({ performedAt: at, exerciseId: id, sets });
      }
    }
  }
  const lastLoads = new Map(library.map((e) => [e.id, (oneRm.get(e.id) ?? 40) * (1 + 0.005 * (weeks - 1)) * 0.75]));
  return { sessions, checkIns, plan: planWeek(weeks, lastLoads, library), next: planWeek(weeks + 1, lastLoads, library) };
}

export interface ClubTiming { members: number; sessions: number; sets: number; lines: number; totalS: number; perMemberMs: number[] }

/** Times analyzeWeek + proposeAdjustments for every member's last week. */
export function timeClubWeeklyAnalysis(members: number, weeks: number, seed: number): ClubTiming {
  const library = libraryOf([...new Set(DAYS.flat())]);
  const startMs = Date.parse('2024-01-01T00:00:00Z');
  const weekStart = new Date(startMs + (weeks - 1) * WEEK_MS).toISOString();
  const member = { preferredUnit: 'kg' as const, equipment: ['barbell', 'dumbbell', 'cable', 'machine'] as Exercise['equipment'][] };
  const perMemberMs: number[] = [];
  let sessions = 0;
  let sets = 0;
  let lines = 0;
  for (let m = 0; m < members; m++) {
    const sim = simulateMember(seed + m * 7919, startMs, weeks, library);
    sessions += sim.sessions.length;
    sets += sim.sessions.reduce((s, x) => s + x.sets.length, 0);
    const t0 = performance.now();
    const analysis = analyzeWeek({ member: { id: m + 1, ...member }, plan: sim.plan, exercises: library, sessions: sim.sessions, checkIns: sim.checkIns, weekStart });
    const diff = proposeAdjustments(analysis, sim.next, { exercises: library });
    perMemberMs.push(performance.now() - t0);
    lines += diff.lines.length;
  }
  return { members, sessions, sets, lines, totalS: perMemberMs.reduce((a, b) => a + b, 0) / 1000, perMemberMs };
}
