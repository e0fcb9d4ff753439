/**
 * Judging a prescription by what the lifter could do (issue 14 item 3). Pure.
 *
 * A prescription is `loadKg × reps`. The session that follows it shows the lifter's capacity:
 * its demonstrated e1RM, the best usable set's Epley e1RM (engine/e1rm/formulas.ts `setE1rm`:
 * 1RM = w × (1 + (reps + RIR)/30), sets of ≤ 10 reps, RIR 0–3, an unreported RIR counted as
 * failure; domain.md "e1RM formulas", Reynolds et al. 2006). Inverting Epley at that e1RM gives
 * the reps to failure at the prescribed load, r = 30 × (e1RM / load − 1), so the RIR the
 * prescription implies is r − reps.
 *
 * Zones: implied RIR 0–4 is productive (domain.md "Progression and deload rules in use": blocks
 * run RIR 3 → 0; reported RIR is unreliable above 3–4); < 0 is too hard (the lifter could not
 * have done the reps), > 4 too easy. Because an unreported RIR counts as failure, the
 * demonstrated e1RM is a lower bound of capacity: the implied RIR is biased low (toward "too
 * hard") for every predictor alike.
 *
 * The two trivial baselines a trainer applies in their head are here too: "repeat last" (the
 * last session's top set again) and "+2.5 % when all reps were made".
 */
import { epley1rm, setE1rm } from '../e1rm/formulas';
import { sessionSucceeded } from './rules';
import type { ExerciseSession } from './types';

/** Lowest implied RIR of the productive zone (reps). */
export const PRODUCTIVE_RIR_MIN = 0;
/** Highest implied RIR of the productive zone (reps). */
export const PRODUCTIVE_RIR_MAX = 4;
/** The baseline's step when every rep was made (fraction of the load). */
export const PLUS_BASELINE_FRACTION = 0.025;

export type CapacityZone = 'in_zone' | 'too_hard' | 'too_easy';

/** A load and reps, kg and reps. */
export interface LoadReps { loadKg: number; reps: number }

/**
 * RIR implied by doing `reps` at `loadKg` for a lifter whose e1RM is `e1rmKg` (inverse Epley,
 * see the header). Negative: more reps than the lifter has. Throws `RangeError` naming the
 * argument when a load or e1RM is not > 0 or reps are not ≥ 1.
 */
export function impliedRir(loadKg: number, reps: number, e1rmKg: number): number {
  if (!Number.isFinite(loadKg) || loadKg <= 0) throw new RangeError(`loadKg must be > 0, got ${String(loadKg)}`);
  if (!Number.isFinite(reps) || reps < 1) throw new RangeError(`reps must be ≥ 1, got ${String(reps)}`);
  if (!Number.isFinite(e1rmKg) || e1rmKg <= 0) throw new RangeError(`e1rmKg must be > 0, got ${String(e1rmKg)}`);
  return 30 * (e1rmKg / loadKg - 1) - reps;
}

/** The zone of an implied RIR: 0–4 in zone, < 0 too hard, > 4 too easy (see the header). */
export function capacityZone(rir: number): CapacityZone {
  if (Number.isNaN(rir)) throw new RangeError('rir must be a number, got NaN');
  if (rir < PRODUCTIVE_RIR_MIN) return 'too_hard';
  if (rir > PRODUCTIVE_RIR_MAX) return 'too_easy';
  return 'in_zone';
}

/** The session's demonstrated e1RM, kg: best usable set (see the header), or null when none is usable. */
export function demonstratedE1rm(session: ExerciseSession): number | null {
  let best: number | null = null;
  for (const s of session.sets) {
    const e = setE1rm({ exerciseId: session.exerciseId, performedAt: session.performedAt, loadKg: s.loadKg, reps: s.reps, rir: s.rir, rpe: s.rpe });
    if (e !== null && (best === null || e > best)) best = e;
  }
  return best;
}

/** The session's top set: heaviest load and the most reps done at it; null when no loaded set. */
export function topSet(session: ExerciseSession): LoadReps | null {
  let top: LoadReps | null = null;
  for (const s of session.sets) {
    if (!(s.loadKg > 0) || s.reps < 1) continue;
    if (top === null || s.loadKg > top.loadKg + 1e-9) top = { loadKg: s.loadKg, reps: s.reps };
    else if (Math.abs(s.loadKg - top.loadKg) <= 1e-9 && s.reps > top.reps) top = { loadKg: top.loadKg, reps: s.reps };
  }
  return top;
}

/** Baseline "repeat last": the last session's top set again. Null when it had no loaded set. */
export function repeatLast(last: ExerciseSession): LoadReps | null {
  return topSet(last);
}

/**
 * Baseline "+2.5 % when all reps were made": when every work set of `last` made the reps of the
 * baseline's own previous prescription `asked` at its load (rules.ts `sessionSucceeded`; with no
 * previous prescription, the first session counts as made), the top load × 1.025, rounded by
 * `round` (to what the lifter can load; a rounding back to the same load goes one step up via
 * `roundUp`), at the top set's reps; otherwise the top set again.
 */
export function plusWhenMade(
  last: ExerciseSession, asked: LoadReps | null, round: (kg: number) => number, roundUp: (kg: number) => number,
): LoadReps | null {
  const top = topSet(last);
  if (top === null) return null;
  const made = asked === null || sessionSucceeded(last, { loadKg: asked.loadKg, repMin: asked.reps, repMax: asked.reps, sets: 1 }, asked.reps);
  if (!made) return top;
  const raw = top.loadKg * (1 + PLUS_BASELINE_FRACTION);
  let kg = round(raw);
  if (kg <= top.loadKg + 1e-6) kg = roundUp(top.loadKg + 1e-3);
  return { loadKg: kg, reps: top.reps };
}

/** Tally of judged prescriptions of one predictor. Shares are of `judged + blocked`. */
export interface ZoneTally { judged: number; inZone: number; tooHard: number; tooEasy: number; blocked: number; sumRir: number }

export const emptyTally = (): ZoneTally => ({ judged: 0, inZone: 0, tooHard: 0, tooEasy: 0, blocked: 0, sumRir: 0 });

/**
 * Adds one prescription to `t`: `null` for a suggestion the safety layer blocked (counted as
 * blocked, in no zone), else its implied RIR against `e1rmKg`.
 */
export function tally(t: ZoneTally, p: LoadReps | null, e1rmKg: number): void {
  if (p === null) { t.blocked += 1; return; }
  const rir = impliedRir(p.loadKg, p.reps, e1rmKg);
  t.judged += 1;
  t.sumRir += rir;
  const z = capacityZone(rir);
  if (z === 'in_zone') t.inZone += 1; else if (z === 'too_hard') t.tooHard += 1; else t.tooEasy += 1;
}

/** Shares of a tally over all its prescriptions (blocked included in the denominator). */
export function zoneShares(t: ZoneTally): { inZone: number; tooHard: number; tooEasy: number; blocked: number; meanRir: number } {
  const n = t.judged + t.blocked;
  const s = (v: number) => (n === 0 ? Number.NaN : v / n);
  return { inZone: s(t.inZone), tooHard: s(t.tooHard), tooEasy: s(t.tooEasy), blocked: s(t.blocked), meanRir: t.judged === 0 ? Number.NaN : t.sumRir / t.judged };
}

/** Sum of tallies. */
export function addTallies(a: ZoneTally, b: ZoneTally): ZoneTally {
  return { judged: a.judged + b.judged, inZone: a.inZone + b.inZone, tooHard: a.tooHard + b.tooHard, tooEasy: a.tooEasy + b.tooEasy, blocked: a.blocked + b.blocked, sumRir: a.sumRir + b.sumRir };
}

/** e1RM (kg) at which `p` leaves exactly `rir` reps: the inverse of `impliedRir` (for tests and tables). */
export function e1rmLeaving(p: LoadReps, rir: number): number {
  return epley1rm(p.loadKg, p.reps + rir);
}
