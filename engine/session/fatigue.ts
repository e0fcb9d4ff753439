/**
 * Real-time load cut when a member reports high fatigue during a session (issue 3 part 4:
 * "when fatigue is reported high, reduce the load by 10–15 %").
 *
 * Cut by reported fatigue f (1–10, 10 worst), from the safety constraints' caution level c
 * (domain.md safety table: caution from fatigue 8):
 * - f < c: no change;
 * - c ≤ f ≤ 10: cut = 10 % + 5 % × (f − c) / (10 − c), i.e. 10 % at 8, 12.5 % at 9, 15 % at 10
 *   (15 % when c = 10).
 * The cut load is rounded down by the caller's `roundDownKg` when given (e.g. to the member's
 * plates); without it the load is returned unrounded, in kg, and `rounded` is false. A rounding
 * result above the cut load is ignored. Body-weight work (load null or 0) has no load to cut:
 * the rep range is narrowed to its bottom (repMin), which keeps every planned minimum.
 */
import type { Prescribed } from '../progression/types';
import { DEFAULT_CONSTRAINTS, type SafetyConstraints } from '../safety/constraints';
import { SafetyInputError } from '../safety/errors';

/** Load cut at the caution level and at fatigue 10. */
export const FATIGUE_CUT_AT_CAUTION = 0.1;
export const FATIGUE_CUT_AT_MAX = 0.15;

export interface FatigueAdjustment {
  /** The prescription for the rest of the session (unchanged when fatigue is below caution). */
  prescribed: Prescribed;
  /** Fraction the load was really cut by, after rounding to a loadable weight (0 when unchanged or body weight). */
  loadCutFraction: number;
  changed: boolean;
  /** True when `roundDownKg` rounded the cut load; false means unrounded kg. */
  rounded: boolean;
  /** For the trainer and the member: what changed and why. */
  reason: string;
}

/** The load cut (0–0.15) for a reported fatigue (1–10), see the module note. */
export function fatigueLoadCut(reportedFatigue: number, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): number {
  const c = constraints.cautionFatigue;
  if (reportedFatigue < c) return 0;
  if (c >= 10) return FATIGUE_CUT_AT_MAX;
  const share = Math.min(1, (reportedFatigue - c) / (10 - c));
  return FATIGUE_CUT_AT_CAUTION + (FATIGUE_CUT_AT_MAX - FATIGUE_CUT_AT_CAUTION) * share;
}

/**
 * Adjusts the rest of today's prescription for a reported fatigue.
 * @param prescribed the current prescription (load kg, null for body weight).
 * @param reportedFatigue 1–10, 10 worst.
 * @param roundDownKg optional: rounds a load down to a loadable one (never up).
 * @throws SafetyInputError naming `reportedFatigue` when outside 1–10.
 */
export function adjustForFatigue(
  prescribed: Prescribed, reportedFatigue: number, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS,
  roundDownKg?: (kg: number) => number | null,
): FatigueAdjustment {
  if (!Number.isFinite(reportedFatigue) || reportedFatigue < 1 || reportedFatigue > 10) {
    throw new SafetyInputError('reportedFatigue', `must be in 1–10, got ${String(reportedFatigue)}`);
  }
  const cut = fatigueLoadCut(reportedFatigue, constraints);
  const f = `Fatigue ${String(reportedFatigue)}/10`;
  if (cut === 0) {
    return { prescribed, loadCutFraction: 0, changed: false, rounded: false, reason: `${f} is below the caution level ${String(constraints.cautionFatigue)}: no change.` };
  }
  const load = prescribed.loadKg;
  if (load === null || load <= 0) {
    const changed = prescribed.repMax !== prescribed.repMin;
    return {
      prescribed: { ...prescribed, repMax: prescribed.repMin }, loadCutFraction: 0, changed, rounded: false,
      reason: `${f}: body-weight work has no load to cut, so the remaining sets stop at ${String(prescribed.repMin)} reps.`,
    };
  }
  const exact = load * (1 - cut);
  const r = roundDownKg?.(exact);
  const rounded = r !== null && r !== undefined && Number.isFinite(r) && r >= 0 && r <= exact + 1e-9;
  const loadKg = rounded ? r : exact;
  const pct = (fraction: number) => (fraction * 100).toFixed(1).replace(/\.0$/, '');
  const kg = (v: number) => String(Math.round(v * 100) / 100);
  const actual = 1 - loadKg / load;
  const step = rounded && Math.abs(actual - cut) > 0.005 ? `; on a loadable weight that is −${pct(actual)} %` : '';
  return {
    prescribed: { ...prescribed, loadKg }, loadCutFraction: actual, changed: true, rounded,
    reason: `${f} is at or above the caution level ${String(constraints.cautionFatigue)}: load cut ${pct(cut)} % from ${kg(load)} kg to ${kg(loadKg)} kg${rounded ? ` (rounded down to a loadable weight${step})` : ' (unrounded kg)'}.`,
  };
}
