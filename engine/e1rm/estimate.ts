/**
 * A member's current e1RM on one exercise, from their logged sets.
 *
 * Method (documented choices):
 * 1. Sets of the exercise performed at or before `now`; sets with an unparseable time are ignored.
 * 2. A session is one UTC calendar day. Per session, the best usable set's Epley e1RM counts
 *    (usable: ≤ 10 reps, RIR 0–3 or unknown; see `formulas.ts`). Epley is used, not Brzycki, so
 *    that the planner's Epley-inverse loads give back the member's own sets.
 * 3. The last 3 sessions with a usable set are combined by a recency-weighted mean, weights
 *    3 : 2 : 1 (newest first). It follows a trend faster than a median yet damps one odd day.
 * 4. The range is ± 10 %: Hutchins & Gearhart (2010; bench press and biceps curl, quoted in
 *    domain.md) report 10–13 % total error for rep-based 1RM prediction. We take the lower
 *    bound because RIR-adjusted, ≤ 10-rep inputs are the favourable case (domain.md also quotes
 *    3–7 kg on the bench, Lacio et al.).
 */
import type { SetRecord } from '../types';
import { MS_PER_DAY, parseTime, requireTime, utcDate, wholeDaysBetween } from './dates';
import { setE1rm } from './formulas';

/** Sessions combined into one estimate. */
export const E1RM_SESSIONS = 3;
/** Recency weights, newest session first. */
export const E1RM_WEIGHTS: readonly number[] = [3, 2, 1];
/** Half-width of the reported range as a fraction of the estimate (Hutchins & Gearhart 2010). */
export const E1RM_ERROR_FRACTION = 0.1;

export interface E1rmEstimate {
  /** Recency-weighted e1RM in kg. */
  e1rmKg: number;
  /** e1RM × (1 − 0.10), kg. */
  lowKg: number;
  /** e1RM × (1 + 0.10), kg. */
  highKg: number;
  /** Sessions the estimate used (1–3). */
  sessions: number;
  /** ISO time of the newest set of this exercise at or before `now` (any set, usable or not). */
  lastPerformedAt: string;
  /** Whole days from `lastPerformedAt` to `now`. */
  daysSinceLast: number;
}

/** One point of an e1RM chart: the session's best-set e1RM. */
export interface E1rmPoint {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** Best usable set's Epley e1RM that day, kg, rounded to 0.1. */
  e1rmKg: number;
}

interface TimedSet {
  set: SetRecord;
  ms: number;
}

function setsOf(history: readonly SetRecord[], exerciseId: string, untilMs: number): TimedSet[] {
  const out: TimedSet[] = [];
  for (const set of history) {
    if (set.exerciseId !== exerciseId) continue;
    const ms = parseTime(set.performedAt);
    if (ms !== null && ms <= untilMs) out.push({ set, ms });
  }
  return out;
}

/** Best e1RM per UTC day, ascending by date. */
function sessionBests(sets: readonly TimedSet[]): { date: string; e1rmKg: number }[] {
  const best = new Map<number, number>(); // UTC day number → best e1RM
  for (const { set, ms } of sets) {
    const e = setE1rm(set);
    if (e === null) continue;
    const day = Math.floor(ms / MS_PER_DAY);
    const prev = best.get(day);
    if (prev === undefined || e > prev) best.set(day, e);
  }
  return [...best.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, e1rmKg]) => ({ date: utcDate(day * MS_PER_DAY), e1rmKg }));
}

/**
 * The member's e1RM on `exerciseId` as of `now` (ISO), or `null` when no usable set exists.
 * Throws `RangeError` when `now` does not parse.
 */
export function estimateE1rm(history: readonly SetRecord[], exerciseId: string, now: string): E1rmEstimate | null {
  const nowMs = requireTime(now, 'now');
  const sets = setsOf(history, exerciseId, nowMs);
  const bests = sessionBests(sets);
  if (bests.length === 0) return null;
  const recent = bests.slice(-E1RM_SESSIONS).reverse(); // newest first
  let weighted = 0;
  let weights = 0;
  recent.forEach((s, i) => {
    const w = E1RM_WEIGHTS[i] ?? 1;
    weighted += w * s.e1rmKg;
    weights += w;
  });
  const e1rmKg = weighted / weights;
  let last = sets[0]!;
  for (const s of sets) if (s.ms > last.ms) last = s;
  return {
    e1rmKg,
    lowKg: e1rmKg * (1 - E1RM_ERROR_FRACTION),
    highKg: e1rmKg * (1 + E1RM_ERROR_FRACTION),
    sessions: recent.length,
    lastPerformedAt: last.set.performedAt,
    daysSinceLast: wholeDaysBetween(last.ms, nowMs),
  };
}

/**
 * Per-session e1RM series for charts: one point per UTC day with a usable set, ascending.
 * Sets with an unparseable time are ignored.
 */
export function e1rmSeries(history: readonly SetRecord[], exerciseId: string): E1rmPoint[] {
  return sessionBests(setsOf(history, exerciseId, Number.POSITIVE_INFINITY)).map((p) => ({
    date: p.date,
    e1rmKg: Math.round(p.e1rmKg * 10) / 10,
  }));
}
