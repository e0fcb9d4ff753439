/**
 * `analyzeWeek`: one member's week against the approved plan.
 *
 * - Volume: hard sets per muscle group. A logged set is hard when its reported RIR is ≤ 4 or not
 *   reported (a logged working set is taken as hard work); a planned set counts as planned. Each
 *   set counts 1 for every primary muscle of the exercise and 0.5 for every secondary one, the
 *   usual fractional counting of indirect volume (e.g. Pelland et al. 2024's meta-regression
 *   weights indirect sets at 0.5).
 * - e1RM trends: best set e1RM per week (engine/e1rm `setE1rm`: Epley with RIR, ≤ 10 reps, RIR 0–3)
 *   over `trendWeeks` weeks, and the least-squares slope as % of the mean per week.
 * - Adherence: planned vs done sessions (distinct UTC days with sets) and sets. Logged sessions of
 *   an exercise fill its prescriptions in day order; extra sessions count for volume only.
 * - Fatigue and recovery: means of the week's check-ins, pain and illness flags.
 * Throws `WeeklyInputError` for an unreadable `weekStart` or a bad `trendWeeks`. Pure.
 */
import { setE1rm } from '../e1rm/formulas';
import type { Exercise, Muscle, Prescription } from '../types';
import type { ExerciseSession, LoggedSet } from '../progression/types';
import { WeeklyInputError } from './errors';
import { checkInRecovery } from './recovery';
import type { Adherence, LiftTrend, MuscleVolume, PrescriptionResult, WeekAnalysis, WeeklyInput } from './types';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Reported RIR up to which a logged set is a hard set. */
export const HARD_SET_MAX_RIR = 4;
export const SECONDARY_MUSCLE_WEIGHT = 0.5;
export const DEFAULT_TREND_WEEKS = 6;
const LOAD_SLACK_KG = 0.01;

interface Timed { session: ExerciseSession; ms: number; week: number }

const rirOf = (s: LoggedSet): number | null => s.rir ?? (s.rpe === null ? null : 10 - s.rpe);
const mean = (v: readonly number[]): number | null => (v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length);

function addVolume(into: Map<Muscle, number>, ex: Exercise, sets: number): void {
  for (const m of ex.primaryMuscles) into.set(m, (into.get(m) ?? 0) + sets);
  for (const m of ex.secondaryMuscles) into.set(m, (into.get(m) ?? 0) + SECONDARY_MUSCLE_WEIGHT * sets);
}

function volumeTable(planned: Map<Muscle, number>, done: Map<Muscle, number>): MuscleVolume[] {
  const muscles = [...new Set([...planned.keys(), ...done.keys()])].sort();
  return muscles.map((muscle) => {
    const p = planned.get(muscle) ?? 0;
    const d = done.get(muscle) ?? 0;
    return { muscle, plannedSets: p, doneSets: d, ratio: p > 0 ? d / p : null };
  });
}

function prescriptionResult(key: string, p: Prescription, ex: Exercise | undefined, logged: ExerciseSession | undefined): PrescriptionResult {
  const sets = logged?.sets ?? [];
  const atLoad = (s: LoggedSet) => p.loadKg === null || s.loadKg >= p.loadKg - LOAD_SLACK_KG;
  const rirs = sets.filter(atLoad).map(rirOf).filter((v): v is number => v !== null);
  const forms = sets.map((s) => s.form).filter((v): v is number => v !== null);
  const first = sets[0];
  const last = sets[sets.length - 1];
  const sameLoad = first !== undefined && last !== undefined && sets.length > 1 && Math.abs(first.loadKg - last.loadKg) < LOAD_SLACK_KG;
  return {
    key, exerciseId: p.exerciseId, equipment: ex?.equipment ?? null, plannedSets: p.sets, repMin: p.repMin, repMax: p.repMax,
    targetRir: p.targetRir, plannedLoadKg: p.loadKg, doneSets: sets.length,
    setsAtRepMax: sets.filter((s) => atLoad(s) && s.reps >= p.repMax).length,
    setsBelowRepMin: sets.filter((s) => s.reps < p.repMin).length,
    meanRir: mean(rirs), meanForm: mean(forms),
    topLoadKg: sets.length === 0 ? null : Math.max(...sets.map((s) => s.loadKg)),
    repDropOff: sameLoad ? first.reps - last.reps : null,
  };
}

function weeklyTrend(timed: readonly Timed[], ex: Exercise, weekStartMs: number, isMainLift: boolean): LiftTrend {
  const best = new Map<number, number>();
  for (const t of timed) {
    if (t.session.exerciseId !== ex.id) continue;
    for (const s of t.session.sets) {
      const e = setE1rm({ exerciseId: ex.id, performedAt: t.session.performedAt, loadKg: s.loadKg, reps: s.reps, rir: s.rir, rpe: s.rpe });
      if (e !== null && e > (best.get(t.week) ?? 0)) best.set(t.week, e);
    }
  }
  const points = [...best].sort((a, b) => a[0] - b[0]);
  const thisWeek = best.get(0);
  const earlier = points.filter(([w]) => w < 0).map(([, e]) => e);
  const earlierBest = earlier.length === 0 ? null : Math.max(...earlier);
  return {
    exerciseId: ex.id, primaryMuscles: [...ex.primaryMuscles], isMainLift,
    weeks: points.map(([w, e]) => ({ weekStart: new Date(weekStartMs + w * WEEK_MS).toISOString(), e1rmKg: e })),
    e1rmChangePctPerWeek: slopePct(points),
    dropFraction: thisWeek === undefined || earlierBest === null ? null : (earlierBest - thisWeek) / earlierBest,
  };
}

/** Least-squares slope of (week, e1RM) as % of the mean e1RM per week; null under 2 points. */
export function slopePct(points: ReadonlyArray<readonly [number, number]>): number | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 || my === 0 ? null : (sxy / sxx / my) * 100;
}

function readWindow(input: WeeklyInput): { weekStartMs: number; weeks: number; timed: Timed[] } {
  const weekStartMs = Date.parse(input.weekStart);
  if (!Number.isFinite(weekStartMs)) throw new WeeklyInputError('weekStart', `must be an ISO-8601 time, got "${String(input.weekStart)}"`);
  const weeks = input.trendWeeks ?? DEFAULT_TREND_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new WeeklyInputError('trendWeeks', `must be an integer from 1 to 52, got ${String(weeks)}`);
  const fromMs = weekStartMs - (weeks - 1) * WEEK_MS;
  const timed: Timed[] = [];
  for (const session of input.sessions) {
    const ms = Date.parse(session.performedAt);
    if (!(ms >= fromMs && ms < weekStartMs + WEEK_MS)) continue;
    timed.push({ session, ms, week: Math.floor((ms - weekStartMs) / WEEK_MS) });
  }
  timed.sort((a, b) => a.ms - b.ms);
  return { weekStartMs, weeks, timed };
}

/** Analyses one member's week (see the module comment). */
export function analyzeWeek(input: WeeklyInput): WeekAnalysis {
  const { weekStartMs, weeks, timed } = readWindow(input);
  const byId = new Map(input.exercises.map((e) => [e.id, e]));
  const thisWeek = timed.filter((t) => t.week === 0);
  const planned = new Map<Muscle, number>();
  const done = new Map<Muscle, number>();
  const unknown = new Set<string>();
  for (const t of thisWeek) {
    const ex = byId.get(t.session.exerciseId);
    if (ex === undefined) unknown.add(t.session.exerciseId);
    else addVolume(done, ex, t.session.sets.filter((s) => s.reps > 0 && (rirOf(s) ?? 0) <= HARD_SET_MAX_RIR).length);
  }
  const queues = new Map<string, ExerciseSession[]>();
  for (const t of thisWeek) queues.set(t.session.exerciseId, [...(queues.get(t.session.exerciseId) ?? []), t.session]);
  const prescriptions: PrescriptionResult[] = [];
  const ordered = [...input.plan.sessions].sort((a, b) => a.day - b.day);
  for (const day of ordered) {
    for (const p of day.prescriptions) {
      const ex = byId.get(p.exerciseId);
      if (ex !== undefined) addVolume(planned, ex, p.sets);
      prescriptions.push(prescriptionResult(`${String(day.day)}.${String(p.order)}`, p, ex, queues.get(p.exerciseId)?.shift()));
    }
  }
  const plannedIds = [...new Set(prescriptions.map((p) => p.exerciseId))];
  const lifts = plannedIds.flatMap((id) => {
    const ex = byId.get(id);
    return ex === undefined ? [] : [weeklyTrend(timed, ex, weekStartMs, ex.mechanic === 'compound')];
  });
  return {
    memberId: input.member.id, weekStart: new Date(weekStartMs).toISOString(), unit: input.member.preferredUnit,
    memberEquipment: [...input.member.equipment], volume: volumeTable(planned, done), lifts,
    adherence: adherence(input, prescriptions, thisWeek), recovery: checkInRecovery(input.checkIns, weekStartMs, weeks),
    prescriptions, unknownExerciseIds: [...unknown].sort(),
  };
}

function adherence(input: WeeklyInput, prescriptions: readonly PrescriptionResult[], thisWeek: readonly Timed[]): Adherence {
  const plannedSessions = input.plan.sessions.length;
  const doneSessions = new Set(thisWeek.map((t) => Math.floor(t.ms / DAY_MS))).size;
  const plannedSets = prescriptions.reduce((s, p) => s + p.plannedSets, 0);
  const doneSets = prescriptions.reduce((s, p) => s + Math.min(p.doneSets, p.plannedSets), 0);
  return {
    plannedSessions, doneSessions, plannedSets, doneSets,
    sessionShare: plannedSessions === 0 ? null : Math.min(doneSessions, plannedSessions) / plannedSessions,
    setShare: plannedSets === 0 ? null : doneSets / plannedSets,
  };
}
