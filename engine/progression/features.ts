/**
 * Progression features of one exercise for one member, from the last 6 sessions (issue 3 §1).
 *
 * Shapes and units: loads kg, volume kg (sets × reps × load), trends in %/week (e1RM, volume)
 * or reps/session (RIR), days whole UTC days, ratings 1–10. Unknown values are `null`.
 *
 * Method (documented choices):
 * - Sessions at or before `now` with a parseable `performedAt`, oldest first; the last 6 count.
 * - e1RM per session: the best set's Epley e1RM, 1RM = w × (1 + (reps + RIR)/30), with inputs
 *   capped at ≤ 10 reps and RIR 0–3 (domain.md "e1RM formulas"; Reynolds et al. 2006, JSCR;
 *   engine/e1rm/formulas.ts). Unknown RIR counts as failure (conservative).
 * - Trends: ordinary least squares slope over (days, value), × 7, as a percentage of the mean
 *   value of the points. Needs ≥ 2 points on ≥ 2 different days, else `null`.
 * - RIR per session: mean reported RIR of its sets, RIR = 10 − RPE when only RPE is logged
 *   (domain.md "Terms"). RIR trend: least squares slope per session (negative: closer to failure).
 * - Completion: a set met its target when reps ≥ `targetReps`. With no `targetReps`, the target
 *   is the reps of the previous session's set at the same position (or its last set), counted
 *   only when the load is not heavier than that set's (a heavier load may fairly give fewer reps).
 * - Recovery: the newest check-in at or before `now` and at most 2 days old, else `null`.
 * Errors: `RangeError` naming the field when `now` does not parse or the chosen check-in has a
 * rating outside 1–10.
 */
import { MS_PER_DAY, requireTime, parseTime } from '../e1rm/dates';
import { reportedRir, setE1rm } from '../e1rm/formulas';
import type { SetRecord } from '../types';
import type { CheckIn, ExerciseSession, LoggedSet } from './types';

/** Sessions the features look back over. */
export const FEATURE_SESSIONS = 6;
/** Largest age, in days, of a check-in that still counts as the member's current recovery. */
export const RECOVERY_WINDOW_DAYS = 2;

/** The recovery signals of the latest check-in in the window. */
export type Recovery = Omit<CheckIn, 'painNote'>;

/** One session reduced to what progression needs. */
export interface SessionSummary {
  performedAt: string;
  /** Best capped Epley e1RM of the session, kg, or null when no set is usable. */
  e1rmKg: number | null;
  /** Σ reps × load, kg. */
  volumeKg: number;
  /** Mean reported RIR, or null when no set reports RIR or RPE. */
  meanRir: number | null;
  /** Heaviest load of the session, kg, and the most reps done at it. */
  topLoadKg: number;
  topReps: number;
  /** Sets with a (given or inferred) target, and how many met it. */
  setsWithTarget: number;
  setsMet: number;
  /** True when the first set met its target and a later one missed (fatigue within the session). */
  fadedLate: boolean;
  /** Lowest form rating given, or null. */
  minForm: number | null;
}

export interface ProgressionFeatures {
  /** Sessions used (0–6). */
  sessions: number;
  /** Newest session's best e1RM, kg. */
  e1rmKg: number | null;
  e1rmTrendPctPerWeek: number | null;
  volumeTrendPctPerWeek: number | null;
  /** Reps of RIR per session (least squares), negative when sets get closer to failure. */
  rirTrendPerSession: number | null;
  /** Mean RIR of the newest session that reported one. */
  lastRir: number | null;
  /** Share (0–1) of sets with a target that met it, or null when no set had a target. */
  completionRate: number | null;
  daysSinceLast: number | null;
  recovery: Recovery | null;
  /** The newest session, summarised. */
  last: SessionSummary | null;
}

interface Timed {
  session: ExerciseSession;
  ms: number;
}

/** Sessions at or before `nowMs`, oldest first (ties keep input order). */
export function sessionsUpTo(sessions: readonly ExerciseSession[], nowMs: number): ExerciseSession[] {
  const timed: Timed[] = [];
  for (const session of sessions) {
    const ms = parseTime(session.performedAt);
    if (ms !== null && ms <= nowMs) timed.push({ session, ms });
  }
  return timed.sort((a, b) => a.ms - b.ms).map((t) => t.session);
}

function asSetRecord(set: LoggedSet, session: ExerciseSession): SetRecord {
  return { exerciseId: session.exerciseId, performedAt: session.performedAt, loadKg: set.loadKg, reps: set.reps, rir: set.rir, rpe: set.rpe };
}

/** Reported RIR of a logged set: `rir`, else 10 − `rpe`, else null (domain.md). */
export function setRir(set: LoggedSet): number | null {
  return reportedRir({ exerciseId: '', performedAt: '', loadKg: set.loadKg, reps: set.reps, rir: set.rir, rpe: set.rpe });
}

/** The reps a set was asked for: `targetReps`, else inferred from `previous` (see header). */
export function setTarget(set: LoggedSet, index: number, previous: ExerciseSession | null): number | null {
  if (set.targetReps !== null) return set.targetReps;
  if (previous === null || previous.sets.length === 0) return null;
  const before = previous.sets[index] ?? previous.sets[previous.sets.length - 1]!;
  return set.loadKg <= before.loadKg + 1e-9 ? before.reps : null;
}

/** Summary of `session`; `previous` is the session before it (for inferred targets). */
export function summarise(session: ExerciseSession, previous: ExerciseSession | null): SessionSummary {
  let e1rmKg: number | null = null;
  let volumeKg = 0;
  let rirSum = 0;
  let rirCount = 0;
  let topLoadKg = 0;
  let topReps = 0;
  let setsWithTarget = 0;
  let setsMet = 0;
  let firstMet: boolean | null = null;
  let laterMissed = false;
  let minForm: number | null = null;
  for (let i = 0; i < session.sets.length; i += 1) {
    const set = session.sets[i]!;
    const e = setE1rm(asSetRecord(set, session));
    if (e !== null && (e1rmKg === null || e > e1rmKg)) e1rmKg = e;
    volumeKg += set.reps * set.loadKg;
    const rir = setRir(set);
    if (rir !== null) { rirSum += rir; rirCount += 1; }
    if (set.loadKg > topLoadKg || i === 0) { topLoadKg = set.loadKg; topReps = set.reps; } else if (set.loadKg === topLoadKg) topReps = Math.max(topReps, set.reps);
    const target = setTarget(set, i, previous);
    if (target !== null) {
      setsWithTarget += 1;
      const met = set.reps >= target;
      if (met) setsMet += 1;
      if (firstMet === null) firstMet = met;
      else if (!met) laterMissed = true;
    }
    if (set.form !== null && (minForm === null || set.form < minForm)) minForm = set.form;
  }
  return {
    performedAt: session.performedAt, e1rmKg, volumeKg, meanRir: rirCount > 0 ? rirSum / rirCount : null,
    topLoadKg, topReps, setsWithTarget, setsMet, fadedLate: firstMet === true && laterMissed, minForm,
  };
}

/** Least squares slope of y on x; null with < 2 points or no spread in x. */
export function slope(points: readonly { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) { sx += p.x; sy += p.y; }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) { sxx += (p.x - mx) ** 2; sxy += (p.x - mx) * (p.y - my); }
  return sxx > 0 ? sxy / sxx : null;
}

/** %/week trend of (day, value) points relative to their mean; null when unknown or mean ≤ 0. */
export function trendPctPerWeek(points: readonly { x: number; y: number }[]): number | null {
  const b = slope(points);
  if (b === null) return null;
  const mean = points.reduce((s, p) => s + p.y, 0) / points.length;
  return mean > 0 ? (b * 7 * 100) / mean : null;
}

function checkRating(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 1 || value > 10) throw new RangeError(`${field} must be within 1–10, got ${String(value)}`);
}

/** The newest check-in at or before `nowMs` and at most 2 days old, validated; or null. */
export function latestRecovery(checkIns: readonly CheckIn[], nowMs: number): Recovery | null {
  let best: { c: CheckIn; i: number; ms: number } | null = null;
  for (let i = 0; i < checkIns.length; i += 1) {
    const c = checkIns[i]!;
    const ms = parseTime(c.at);
    if (ms === null || ms > nowMs || nowMs - ms > RECOVERY_WINDOW_DAYS * MS_PER_DAY) continue;
    if (best === null || ms > best.ms) best = { c, i, ms };
  }
  if (best === null) return null;
  const { c, i } = best;
  for (const field of ['sleep', 'fatigue', 'soreness', 'energy'] as const) checkRating(c[field], `checkIns[${String(i)}].${field}`);
  return { at: c.at, sleep: c.sleep, fatigue: c.fatigue, soreness: c.soreness, energy: c.energy, painReported: c.painReported, illness: c.illness };
}

/**
 * Features of one exercise (`sessions` of that exercise, any order) as of `now` (ISO).
 * Throws `RangeError` naming the field on an unparseable `now` or an out-of-range check-in.
 */
export function progressionFeatures(sessions: readonly ExerciseSession[], checkIns: readonly CheckIn[], now: string): ProgressionFeatures {
  const nowMs = requireTime(now, 'now');
  const all = sessionsUpTo(sessions, nowMs);
  const start = Math.max(0, all.length - FEATURE_SESSIONS);
  const window = all.slice(start);
  const summaries = window.map((s, i) => summarise(s, all[start + i - 1] ?? null));
  const times = window.map((s) => parseTime(s.performedAt)!);
  const t0 = times[0] ?? 0;
  const day = (i: number) => ((times[i] ?? t0) - t0) / MS_PER_DAY;
  const e1rmPts: { x: number; y: number }[] = [];
  const volPts: { x: number; y: number }[] = [];
  const rirPts: { x: number; y: number }[] = [];
  let withTarget = 0;
  let met = 0;
  summaries.forEach((s, i) => {
    if (s.e1rmKg !== null) e1rmPts.push({ x: day(i), y: s.e1rmKg });
    volPts.push({ x: day(i), y: s.volumeKg });
    if (s.meanRir !== null) rirPts.push({ x: i, y: s.meanRir });
    withTarget += s.setsWithTarget;
    met += s.setsMet;
  });
  const last = summaries[summaries.length - 1] ?? null;
  const lastTime = times[times.length - 1];
  return {
    sessions: window.length,
    e1rmKg: e1rmPts[e1rmPts.length - 1]?.y ?? null,
    e1rmTrendPctPerWeek: trendPctPerWeek(e1rmPts),
    volumeTrendPctPerWeek: trendPctPerWeek(volPts),
    rirTrendPerSession: slope(rirPts),
    lastRir: rirPts[rirPts.length - 1]?.y ?? null,
    completionRate: withTarget > 0 ? met / withTarget : null,
    daysSinceLast: lastTime === undefined ? null : Math.floor((nowMs - lastTime) / MS_PER_DAY),
    recovery: latestRecovery(checkIns, nowMs),
    last,
  };
}
