/**
 * What the scorer reads from a member's logged sets, computed once per call in one pass.
 *
 * Hard set: a working set (not a warm-up) with RIR ≤ 4 or RIR unknown. Counting sets within a
 * few reps of failure is the convention of the weekly-volume literature (Schoenfeld, Ogborn &
 * Krieger 2017, J Sports Sci 35(11):1073, "Dose-response relationship between weekly resistance
 * training volume and increases in muscle mass"; Baz-Valle et al. 2022, J Hum Kinet 81:199).
 * A set counts 1 for each primary muscle and 0.5 for each secondary one: the "fractional"
 * counting of indirect volume (Pelland et al. 2024, "The resistance training dose-response",
 * SportRxiv, which found it described hypertrophy better than counting direct sets only).
 *
 * Recovery model (the 48–72 h rule the issue asks for): a hard set leaves its muscles fatigue
 * w × f(age), w = 1 primary / 0.5 secondary, f = 1 up to 48 h after the set, falling linearly to
 * 0 at 72 h. Readiness of a muscle = 1 − min(1, fatigue / 4): four recent hard sets make it
 * "trained hard". Sources: McLester et al. 2003 (JSCR 17(2):259, "A series of studies – a practical
 * protocol for testing muscular endurance recovery"): after 3 sets to failure, repetition
 * performance was not fully back at 24 h and was back by 48–72 h; Morán-Navarro et al. 2017
 * (Eur J Appl Physiol 117(12):2387): sets to failure needed 24–48 h and more for neuromuscular
 * and mechanical recovery, non-failure sets less; the common 48–72 h spacing of the ACSM 2009
 * position stand (MSSE 41(3):687) for training the same muscle groups again.
 */
import type { Exercise, Muscle } from '../types';
import { RecommendInputError } from './errors';
import type { RecommendSet } from './types';

export const HARD_SET_MAX_RIR = 4;
export const SECONDARY_WEIGHT = 0.5;
export const RECOVERY_FULL_FATIGUE_H = 48;
export const RECOVERY_CLEAR_H = 72;
/** Fatigue (weighted hard sets within the recovery window) at which a muscle counts as not recovered. */
export const TRAINED_HARD_SETS = 4;
/** Sessions of the slot's name read for the habit share, and the weight ratio from one to the one before. */
export const HABIT_SESSIONS = 4;
export const HABIT_DECAY = 0.7;
/** How far back "sessions that contained the exercise" (kept exercises) are counted, days. */
export const KEEP_WINDOW_DAYS = 90;

const H = 3_600_000;
const DAY = 86_400_000;

export interface ExerciseHistory {
  /** Time of the latest set, ms since the epoch. */
  lastAt: number;
  /** Sessions within `KEEP_WINDOW_DAYS` that contained it. */
  recentSessions: number;
}

export interface HistoryStats {
  /** Weighted hard sets per muscle in the last 7 and 30 days. */
  sets7: Map<Muscle, number>;
  sets30: Map<Muscle, number>;
  /** Recovery-model fatigue per muscle now, and the age (h) of the latest hard set on it within 72 h. */
  fatigue: Map<Muscle, number>;
  lastHardH: Map<Muscle, number>;
  byExercise: Map<string, ExerciseHistory>;
  /** Distinct sessions (workouts) in the whole history. */
  workouts: number;
  /** Exercise ids of the latest session named like the `sessionName` asked for (empty without one). */
  sameSession: ReadonlySet<string>;
  /**
   * Habit share 0–1 per exercise: over the latest `HABIT_SESSIONS` sessions named like
   * `sessionName` (newest first, weights `HABIT_DECAY`^i, normalised to sum 1), the weight of those
   * that contained it. 1 = in every one of them; empty without a session name or such sessions.
   */
  habit: ReadonlyMap<string, number>;
}

/** Session names compare with case and runs of spaces ignored. */
export function sessionNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function add(map: Map<Muscle, number>, m: Muscle, v: number): void {
  map.set(m, (map.get(m) ?? 0) + v);
}

/** Recovery weight of a hard set `ageH` hours old (see the header). */
export function fatigueWeight(ageH: number): number {
  if (ageH < 0) return 0;
  if (ageH <= RECOVERY_FULL_FATIGUE_H) return 1;
  if (ageH >= RECOVERY_CLEAR_H) return 0;
  return (RECOVERY_CLEAR_H - ageH) / (RECOVERY_CLEAR_H - RECOVERY_FULL_FATIGUE_H);
}

/**
 * One pass over `history` (sets after `nowMs` are ignored: no look-ahead). Throws
 * `RecommendInputError('history[i].exerciseId' | 'history[i].performedAt')`.
 */
export function readHistory(history: readonly RecommendSet[], byId: ReadonlyMap<string, Exercise>, nowMs: number, sessionName?: string): HistoryStats {
  const wantName = sessionName === undefined ? null : sessionNameKey(sessionName);
  const sets7 = new Map<Muscle, number>();
  const sets30 = new Map<Muscle, number>();
  const fatigue = new Map<Muscle, number>();
  const lastHardH = new Map<Muscle, number>();
  const byExercise = new Map<string, ExerciseHistory>();
  const sessions = new Set<string>();
  const keptSessions = new Set<string>();
  let prevAt = ''; let prevT = Number.NaN;
  let prevName: string | undefined; let prevNameKey = '';
  const latestByName = new Map<string, { t: number; session: string }>();
  const sessionExercises = new Map<string, Set<string>>();
  const namedSessions = new Map<string, number>();
  for (let i = 0; i < history.length; i++) {
    const s = history[i]!;
    const ex = byId.get(s.exerciseId);
    if (ex === undefined) throw new RecommendInputError(`history[${i}].exerciseId`, `unknown exercise id "${s.exerciseId}"`);
    // Sets of one session often share their time string: parse once.
    const t = s.performedAt === prevAt ? prevT : Date.parse(s.performedAt);
    prevAt = s.performedAt; prevT = t;
    if (!Number.isFinite(t)) throw new RecommendInputError(`history[${i}].performedAt`, `not an ISO-8601 time: "${s.performedAt}"`);
    if (t > nowMs) continue;
    const session = s.sessionKey ?? s.performedAt.slice(0, 10);
    sessions.add(session);
    if (wantName !== null) {
      let se = sessionExercises.get(session);
      if (se === undefined) { se = new Set(); sessionExercises.set(session, se); }
      se.add(s.exerciseId);
      if (s.sessionName !== undefined) {
        if (s.sessionName !== prevName) { prevName = s.sessionName; prevNameKey = sessionNameKey(s.sessionName); }
        if (prevNameKey === wantName) {
          const at = namedSessions.get(session);
          if (at === undefined || t > at) namedSessions.set(session, t);
        }
        const cur = latestByName.get(prevNameKey);
        if (cur === undefined || t > cur.t) latestByName.set(prevNameKey, { t, session });
      }
    }
    const ageMs = nowMs - t;
    let e = byExercise.get(s.exerciseId);
    if (e === undefined) { e = { lastAt: t, recentSessions: 0 }; byExercise.set(s.exerciseId, e); }
    else if (t > e.lastAt) e.lastAt = t;
    if (ageMs <= KEEP_WINDOW_DAYS * DAY) {
      const k = `${s.exerciseId}\u0000${session}`;
      if (!keptSessions.has(k)) { keptSessions.add(k); e.recentSessions += 1; }
    }
    if (s.isWarmup === true || (s.rir !== null && s.rir !== undefined && s.rir > HARD_SET_MAX_RIR)) continue;
    if (ageMs > 30 * DAY) continue;
    const ageH = ageMs / H;
    const f = fatigueWeight(ageH);
    const within7 = ageMs <= 7 * DAY;
    for (let j = 0; j < ex.primaryMuscles.length + ex.secondaryMuscles.length; j++) {
      const primary = j < ex.primaryMuscles.length;
      const m = primary ? ex.primaryMuscles[j]! : ex.secondaryMuscles[j - ex.primaryMuscles.length]!;
      const w = primary ? 1 : SECONDARY_WEIGHT;
      add(sets30, m, w);
      if (within7) add(sets7, m, w);
      if (f > 0) {
        add(fatigue, m, w * f);
        const prev = lastHardH.get(m);
        if (prev === undefined || ageH < prev) lastHardH.set(m, ageH);
      }
    }
  }
  const latest = wantName === null ? undefined : latestByName.get(wantName);
  const sameSession = latest === undefined ? new Set<string>() : sessionExercises.get(latest.session)!;
  const habit = new Map<string, number>();
  const lastNamed = [...namedSessions.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, HABIT_SESSIONS);
  let weightSum = 0;
  lastNamed.forEach(([session], i) => {
    const w = HABIT_DECAY ** i;
    weightSum += w;
    for (const id of sessionExercises.get(session)!) habit.set(id, (habit.get(id) ?? 0) + w);
  });
  for (const [id, v] of habit) habit.set(id, v / weightSum);
  return { sets7, sets30, fatigue, lastHardH, byExercise, workouts: sessions.size, sameSession, habit };
}
