/**
 * One-rep-max formulas and which sets may feed them.
 *
 * - Epley (1985): 1RM = w × (1 + r/30).
 * - Brzycki (1993): 1RM = w × 36 / (37 − r).
 * - With RIR, r is reps to failure = reps + RIR (domain.md "e1RM formulas").
 * - Inputs are capped: only sets of ≤ 10 reps (Reynolds, Gordon & Robergs 2006, JSCR 20(3):584–592,
 *   who advise ≤ 10 reps and find the 5RM predicts best) and with RIR 0–3 or unknown count
 *   (domain.md: reported RIR is less reliable above 3; Zourdos lab, Halperin et al. 2022).
 * Loads in kg.
 */
import type { SetRecord } from '../types';

/** Highest rep count a set may have to feed an e1RM (Reynolds et al. 2006). */
export const MAX_REPS_FOR_E1RM = 10;
/** Highest reported RIR a set may have to feed an e1RM (domain.md: cap at RIR 0–3). */
export const MAX_RIR_FOR_E1RM = 3;

/** Epley: 1RM = w × (1 + r/30). `r` = reps to failure ≥ 1. Throws `RangeError` on bad input. */
export function epley1rm(loadKg: number, repsToFailure: number): number {
  assertLoad(loadKg);
  assertReps(repsToFailure, Number.POSITIVE_INFINITY);
  return loadKg * (1 + repsToFailure / 30);
}

/** Brzycki: 1RM = w × 36 / (37 − r), for 1 ≤ r ≤ 36. Throws `RangeError` on bad input. */
export function brzycki1rm(loadKg: number, repsToFailure: number): number {
  assertLoad(loadKg);
  assertReps(repsToFailure, 36);
  return (loadKg * 36) / (37 - repsToFailure);
}

/**
 * Inverse Epley: the fraction of 1RM at which `repsToFailure` reps are possible,
 * 1 / (1 + r/30). E.g. r = 12 → 0.714 (8–10 reps mid 9 @ RIR 3).
 */
export function epleyFraction(repsToFailure: number): number {
  assertReps(repsToFailure, Number.POSITIVE_INFINITY);
  return 1 / (1 + repsToFailure / 30);
}

/** Inverse Epley: load (kg) that leaves exactly `repsToFailure` reps, given a 1RM in kg. */
export function loadForRepsToFailure(oneRmKg: number, repsToFailure: number): number {
  assertLoad(oneRmKg);
  return oneRmKg * epleyFraction(repsToFailure);
}

/** Reported RIR of a set: `rir`, else 10 − `rpe`, else `null` (unknown). */
export function reportedRir(set: SetRecord): number | null {
  if (set.rir !== null && Number.isFinite(set.rir)) return set.rir;
  if (set.rpe !== null && Number.isFinite(set.rpe)) return 10 - set.rpe;
  return null;
}

/**
 * Reps to failure: reps + RIR. Unknown RIR counts as 0 (the set went to failure), which can
 * only understate the e1RM, the conservative side for loading.
 */
export function repsToFailure(set: SetRecord): number {
  return set.reps + (reportedRir(set) ?? 0);
}

/** True when a set may feed an e1RM: external load > 0, 1–10 reps, RIR 0–3 or unknown. */
export function isUsableForE1rm(set: SetRecord): boolean {
  if (!Number.isFinite(set.loadKg) || set.loadKg <= 0) return false;
  if (!Number.isInteger(set.reps) || set.reps < 1 || set.reps > MAX_REPS_FOR_E1RM) return false;
  const rir = reportedRir(set);
  return rir === null || (rir >= 0 && rir <= MAX_RIR_FOR_E1RM);
}

/** Epley e1RM (kg) of one set, or `null` when the set is not usable (see `isUsableForE1rm`). */
export function setE1rm(set: SetRecord): number | null {
  return isUsableForE1rm(set) ? epley1rm(set.loadKg, repsToFailure(set)) : null;
}

function assertLoad(kg: number): void {
  if (!Number.isFinite(kg) || kg < 0) throw new RangeError(`load must be a finite number ≥ 0 kg, got ${String(kg)}`);
}

function assertReps(r: number, max: number): void {
  if (!Number.isFinite(r) || r < 1 || r > max) {
    throw new RangeError(`reps to failure must be in 1–${String(max)}, got ${String(r)}`);
  }
}
