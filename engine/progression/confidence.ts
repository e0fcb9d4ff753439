/**
 * Confidence of a recommendation (issue 14 §4): the probability that the member completes the
 * suggested prescription within ±1 RIR of its target, from the RIR model's prediction before
 * the set at the suggested load (`engine/rir/completion.ts` `completionProbability`).
 *
 * It is derived from the model's uncertainty (the predictive sd of reps to failure, which is
 * wide for a member or exercise the model has few sets on, and narrows as sets are learnt) and
 * from the data behind the suggestion (`memberSets`: the member's sets on this exercise that the
 * model has learnt from; `source`: the member's own curve, similar exercises, or the population).
 * The first working set (set index 1) is predicted; later sets of a session, tired, are not.
 * Its calibration on simulated cohorts is the reliability table of `npm run bench -- models`
 * (bench/models-reliability.ts): predicted 50–60 % → observed share, and so on.
 *
 * Body-weight work (no load) and predictions the model cannot make give `null`: no number is
 * shown rather than a made-up one.
 */
import { completionProbability } from '../rir/completion';
import type { RepsPrediction } from '../rir/types';
import type { Prescribed } from './types';

/** Tolerance of "at the target": ±1 RIR (issue 14 §4). */
export const CONFIDENCE_TOLERANCE_RIR = 1;
/** Below this the UI shows the confidence in the warning colour. */
export const CONFIDENCE_WARN_BELOW = 0.5;
/** At or above this the UI shows it in the success colour. */
export const CONFIDENCE_GOOD_FROM = 0.7;

/** The RIR model's prediction of reps to failure at a load (kg), before the first working set, or null when it cannot predict. */
export type RepsPredictor = (loadKg: number) => Pick<RepsPrediction, 'repsToFailure' | 'sd' | 'memberSets' | 'source'> | null;

/** What a recommendation's confidence is, and what it rests on. */
export interface ConfidenceBasis {
  /** P(completes within ±1 RIR of the target), 0–1. */
  probability: number;
  /** The load (kg) it was judged at: the suggested load. */
  loadKg: number;
  /** The member's sets on this exercise behind the prediction. */
  memberSets: number;
  source: RepsPrediction['source'];
  /** The prediction it came from: reps to failure at the suggested load, and its sd (reps). */
  repsToFailure: number;
  sdReps: number;
  /** The target RIR it was judged against. */
  targetRir: number;
}

/**
 * The confidence of `suggested` at `targetRir` (the prescription's, or the caller's default),
 * from `predict`. Null for body weight (loadKg null or 0) or when `predict` returns null.
 * Throws `RangeError` (from completionProbability) for a malformed rep range.
 */
export function completionConfidence(suggested: Prescribed, targetRir: number, predict: RepsPredictor): ConfidenceBasis | null {
  if (suggested.loadKg === null || !(suggested.loadKg > 0)) return null;
  const pred = predict(suggested.loadKg);
  if (pred === null || !(pred.sd > 0) || !Number.isFinite(pred.repsToFailure)) return null;
  const probability = completionProbability(pred, suggested.repMin, suggested.repMax, targetRir, CONFIDENCE_TOLERANCE_RIR);
  return { probability, loadKg: suggested.loadKg, memberSets: pred.memberSets, source: pred.source, repsToFailure: pred.repsToFailure, sdReps: pred.sd, targetRir };
}

/** The UI band of a confidence: `low` (< 0.5, warning colour), `medium`, `high` (≥ 0.7). */
export function confidenceBand(probability: number): 'low' | 'medium' | 'high' {
  if (probability < CONFIDENCE_WARN_BELOW) return 'low';
  return probability >= CONFIDENCE_GOOD_FROM ? 'high' : 'medium';
}

/** The tooltip sentence: what the number is and what it rests on. */
export function confidenceSentence(basis: ConfidenceBasis | null | undefined): string {
  if (basis === null || basis === undefined) return 'No confidence: the RIR model predicts no load-bearing set here (body weight or no prediction).';
  const from = basis.source === 'member' ? `from ${String(basis.memberSets)} of the member's sets on this exercise`
    : basis.source === 'similar' ? `from ${String(basis.memberSets)} sets on this exercise, borrowing from similar exercises and the member's other lifts`
      : `from ${String(basis.memberSets)} sets: the population prior alone`;
  return `${String(Math.round(basis.probability * 100))} % chance the member completes this within ±1 RIR of the target (RIR ${String(basis.targetRir)}), ${from}; `
    + `predicted ${basis.repsToFailure.toFixed(1)} ± ${basis.sdReps.toFixed(1)} reps to failure on the first set.`;
}

/**
 * `rec` with its confidence recomputed at its (final) suggested load, e.g. after the safety
 * layer cut or replaced it. `defaultTargetRir` is used when the prescription has none.
 */
export function withConfidence<R extends { suggested: Prescribed; confidence: number | null; confidenceBasis: ConfidenceBasis | null }>(
  rec: R, predict: RepsPredictor, defaultTargetRir: number,
): R {
  const basis = completionConfidence(rec.suggested, rec.suggested.targetRir ?? defaultTargetRir, predict);
  return { ...rec, confidence: basis?.probability ?? null, confidenceBasis: basis };
}
