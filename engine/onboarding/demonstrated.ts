/**
 * Demonstrated e1RMs: what a member with logged history has shown they can lift, for onboarding.
 *
 * Rule (not fitted to any evaluation data):
 * - Per exercise, each session's top set by Epley e1RM = load × (1 + (reps + RIR)/30)
 *   (engine/e1rm `epley1rm`; Epley 1985, domain.md "e1RM formulas"), then the planner's
 *   recency-weighted mean of the last 3 sessions (engine/e1rm `E1RM_WEIGHTS` 3:2:1).
 * - Unlogged RIR (no RIR, no RPE) is read as `UNLOGGED_RIR` = 2 reps in reserve — a stated
 *   assumption, not a measurement: a typical self-chosen working set ends short of failure
 *   (Refalo et al. 2023, Sports Med 53:1883, lifters report training ~1–3 RIR). The planner's own
 *   history estimate reads it as 0 (failure), which, stacked on week 1's target RIR 3, plans
 *   about 3 reps easier than the lifter's normal effort; onboarding avoids that double margin.
 *   Logged RIR (or 10 − RPE) above 3 is clamped to 3 (reported RIR is unreliable above 3,
 *   Zourdos et al. 2016).
 * - Sets of 1–`MAX_DEMONSTRATED_REPS` (15) reps count. Epley's 1RM is less accurate above 10
 *   reps (Reynolds et al. 2006), but here the e1RM is only an intermediate: the planner converts
 *   it back to a load at its own 8–15-rep prescriptions with the same formula, so the formula's
 *   error largely cancels at nearby reps.
 * - No extra starting fraction: week 1's target RIR 3 already is the margin.
 * Safety: week 1 targets RIR 3 (engine/planner `START_RIR`) and 3 > `UNLOGGED_RIR`, so a week-1
 * load at r reps is at most the load the same demonstrated set proves for r reps *to failure*
 * even if it was taken to failure (Epley: (30 + n + 2)/(30 + n) ≤ (30 + r + 3)/(30 + r) for
 * r ≤ 15 + 1.5·n): never heavier than demonstrated. Week 1 still calibrates.
 * Transfer (a number *not* demonstrated on this exercise, so treated like a prior): a plan
 * exercise with no sets of its own gets, from the logged exercise of the same movement pattern
 * with the most sessions, its e1RM × the equipment-factor ratio (as the baseline test transfers;
 * engine/planner `PRIOR_EQUIPMENT_FACTOR`); failing that, from a logged exercise of a related
 * pattern (the same strength-standards anchor, standards.ts `anchorOf`: lower body ← squat,
 * posterior chain ← deadlift, upper body ← bench), × the planner's pattern-ratio quotient
 * (`PRIOR_RATIO`, e.g. overhead press = bench × 0.30/0.45). Both then × `TRANSFER_FRACTION`
 * = 0.8, the same starting fraction as the strength-standards priors (`PRIOR_START_FRACTION`):
 * an exercise ratio is population knowledge, not this member's, and "never heavier than
 * demonstrated" cannot be promised for a lift that was not demonstrated.
 */
import { parseTime, requireTime } from '../e1rm/dates';
import { E1RM_SESSIONS, E1RM_WEIGHTS } from '../e1rm/estimate';
import { epley1rm, reportedRir } from '../e1rm/formulas';
import type { Exercise, SetRecord } from '../types';
import { PRIOR_RATIO } from '../planner/loads';
import { isLoadedEquipment } from '../units/loadable';
import { TRANSFER_FRACTION, equipmentFactor } from './assessment';
import { anchorOf } from './standards';

/** RIR assumed for a set that logs neither RIR nor RPE (see the header). */
export const UNLOGGED_RIR = 2;
/** Most reps of a set that feeds a demonstrated e1RM. */
export const MAX_DEMONSTRATED_REPS = 15;
const DAY = 86_400_000;

export interface DemonstratedE1rm {
  exerciseId: string;
  exerciseName: string;
  /** Recency-weighted e1RM, kg. */
  e1rmKg: number;
  /** Sessions it comes from (1–3). */
  sessions: number;
  /** The newest session's top set. */
  top: { loadKg: number; reps: number; rir: number; rirLogged: boolean };
}

/** Reps to failure of one set under the rule above, or null when it does not count. */
export function demonstratedRepsToFailure(set: SetRecord): number | null {
  if (!(set.loadKg > 0) || !Number.isInteger(set.reps) || set.reps < 1 || set.reps > MAX_DEMONSTRATED_REPS) return null;
  const rir = reportedRir(set);
  return set.reps + (rir === null ? UNLOGGED_RIR : Math.min(3, Math.max(0, rir)));
}

/**
 * Demonstrated e1RM per loaded exercise of `library` in `history` up to `now` (ISO), by id.
 * Throws `RangeError` when `now` does not parse.
 */
export function demonstratedE1rms(history: readonly SetRecord[], library: readonly Exercise[], now: string): Map<string, DemonstratedE1rm> {
  const nowMs = requireTime(now, 'now');
  const byId = new Map(library.map((e) => [e.id, e]));
  const days = new Map<string, Map<number, { e: number; set: SetRecord }>>();
  for (const set of history) {
    const ex = byId.get(set.exerciseId);
    const ms = parseTime(set.performedAt);
    if (!ex || !isLoadedEquipment(ex.equipment) || ms === null || ms > nowMs) continue;
    const r = demonstratedRepsToFailure(set);
    if (r === null) continue;
    const e = epley1rm(set.loadKg, r);
    const perDay = days.get(ex.id) ?? new Map<number, { e: number; set: SetRecord }>();
    days.set(ex.id, perDay);
    const day = Math.floor(ms / DAY);
    const prev = perDay.get(day);
    if (prev === undefined || e > prev.e) perDay.set(day, { e, set });
  }
  const out = new Map<string, DemonstratedE1rm>();
  for (const [id, perDay] of days) {
    const recent = [...perDay].sort((a, b) => b[0] - a[0]).slice(0, E1RM_SESSIONS); // newest first
    let w = 0;
    let sum = 0;
    recent.forEach(([, s], i) => { const k = E1RM_WEIGHTS[i] ?? 1; sum += k * s.e; w += k; });
    const top = recent[0]![1].set;
    const rir = reportedRir(top);
    out.set(id, {
      exerciseId: id, exerciseName: byId.get(id)!.name, e1rmKg: sum / w, sessions: recent.length,
      top: { loadKg: top.loadKg, reps: top.reps, rir: rir === null ? UNLOGGED_RIR : Math.min(3, Math.max(0, rir)), rirLogged: rir !== null },
    });
  }
  return out;
}

/**
 * The e1RM `exercise` gets by transfer (kg, `TRANSFER_FRACTION` applied) and where from: the
 * same-pattern logged exercise with the most sessions, else the related-pattern one (same anchor)
 * with the most sessions (ties: the higher e1RM, then id), scaled as in the header; null when
 * nothing related was logged or `exercise` is not loaded.
 */
export function transferDemonstrated(
  demonstrated: ReadonlyMap<string, DemonstratedE1rm>, byId: ReadonlyMap<string, Exercise>, exercise: Exercise,
): { e1rmKg: number; from: DemonstratedE1rm; samePattern: boolean } | null {
  if (!isLoadedEquipment(exercise.equipment)) return null;
  const order = (a: DemonstratedE1rm, b: DemonstratedE1rm) => b.sessions - a.sessions || b.e1rmKg - a.e1rmKg || (a.exerciseId < b.exerciseId ? -1 : 1);
  const all = [...demonstrated.values()];
  const same = all.filter((d) => byId.get(d.exerciseId)?.pattern === exercise.pattern).sort(order)[0];
  const related = same ?? all.filter((d) => {
    const p = byId.get(d.exerciseId)?.pattern;
    return p !== undefined && anchorOf(p) === anchorOf(exercise.pattern);
  }).sort(order)[0];
  if (!related) return null;
  const src = byId.get(related.exerciseId)!;
  const patternRatio = PRIOR_RATIO[exercise.pattern] / PRIOR_RATIO[src.pattern];
  return {
    e1rmKg: related.e1rmKg * patternRatio * (equipmentFactor(exercise) / equipmentFactor(src)) * TRANSFER_FRACTION,
    from: related, samePattern: same !== undefined,
  };
}
