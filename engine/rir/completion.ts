/**
 * The probability that a member completes a prescription within ±`toleranceReps` RIR of its
 * target, from the RIR model's prediction before the set: the confidence a recommendation can
 * honestly show ("how likely this prescription lands at its target effort").
 *
 * The prescription is a rep range repMin–repMax at a target RIR and a load. It is completed
 * within ±tol RIR when some rep count in the range leaves an RIR within target ± tol, i.e. when
 * the reps to failure at that load lie in [repMin + max(0, target − tol), repMax + target + tol]
 * (RIR < 0, failing before repMin, is a miss). With RTF ~ N(mean, sd²) (the model's predictive
 * distribution before the set, `predictReps`) and whole true reps, the continuity-corrected mass:
 *   P = Φ((repMax + target + tol + ½ − mean) / sd) − Φ((repMin + max(0, target − tol) − ½ − mean) / sd).
 * Inputs: 1 ≤ repMin ≤ repMax, target RIR ≥ 0, sd > 0, tol ≥ 0. Throws `RangeError` naming the
 * field otherwise. Returns a number in [0, 1].
 */
import type { RepsPrediction } from './types';

/** Standard normal cdf (Abramowitz & Stegun 26.2.17, |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp(-z * z / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

export function completionProbability(
  prediction: Pick<RepsPrediction, 'repsToFailure' | 'sd'>, repMin: number, repMax: number, targetRir: number, toleranceReps = 1,
): number {
  if (!(repMin >= 1) || !Number.isFinite(repMin)) throw new RangeError(`repMin must be ≥ 1, got ${String(repMin)}`);
  if (!(repMax >= repMin) || !Number.isFinite(repMax)) throw new RangeError(`repMax must be ≥ repMin, got ${String(repMax)}`);
  if (!(targetRir >= 0) || !Number.isFinite(targetRir)) throw new RangeError(`targetRir must be ≥ 0, got ${String(targetRir)}`);
  if (!(toleranceReps >= 0)) throw new RangeError(`toleranceReps must be ≥ 0, got ${String(toleranceReps)}`);
  const { repsToFailure: mean, sd } = prediction;
  if (!(sd > 0) || !Number.isFinite(mean)) throw new RangeError(`prediction must have a finite mean and sd > 0, got ${String(mean)}, ${String(sd)}`);
  const low = repMin + Math.max(0, targetRir - toleranceReps) - 0.5;
  const high = repMax + targetRir + toleranceReps + 0.5;
  return Math.min(1, Math.max(0, normalCdf((high - mean) / sd) - normalCdf((low - mean) / sd)));
}
