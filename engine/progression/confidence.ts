/**
 * Confidence of a recommendation, by the product specification's formula (issue 3 §2):
 *
 *   confidence = clamp(0.3, 1.0,
 *       0.7                                         base
 *     + min(0.2, interactions × 0.02)               interaction history (full after 10 interactions)
 *     + (familiarTimeOfDay ? 0.1 : 0)               a familiar time of day
 *     + acceptanceRate × 0.2                        share of past recommendations accepted (0–1)
 *     − (energy < 4 ? 0.1 : 0))                     low energy in the current check-in (1–10)
 *
 * The specification gives "up to +0.2 for interaction history" without a slope; 0.02 per
 * interaction (saturating at 10) is our choice. Unknown acceptance rate or energy adds nothing.
 * Errors: `RangeError` naming the field for a negative or non-finite `interactions`, an
 * acceptance rate outside 0–1, or an energy outside 1–10.
 */

export const CONFIDENCE_BASE = 0.7;
export const CONFIDENCE_MIN = 0.3;
export const CONFIDENCE_MAX = 1;
export const HISTORY_PER_INTERACTION = 0.02;
export const HISTORY_MAX = 0.2;
export const FAMILIAR_TIME_BONUS = 0.1;
export const ACCEPTANCE_WEIGHT = 0.2;
export const LOW_ENERGY_BELOW = 4;
export const LOW_ENERGY_PENALTY = 0.1;

export interface ConfidenceInput {
  /** Past recommendations the member has responded to (≥ 0). */
  interactions: number;
  /** Share accepted, 0–1, or null when unknown. */
  acceptanceRate: number | null;
  /** True when the session is at a time of day the member usually trains. */
  familiarTimeOfDay: boolean;
  /** Energy in the current check-in (1–10), or null. */
  energy: number | null;
}

/** The specification's confidence (see the header), within 0.3–1.0. */
export function recommendationConfidence(input: ConfidenceInput): number {
  const { interactions, acceptanceRate, familiarTimeOfDay, energy } = input;
  if (!Number.isFinite(interactions) || interactions < 0) throw new RangeError(`history.interactions must be a finite number ≥ 0, got ${String(interactions)}`);
  if (acceptanceRate !== null && !(acceptanceRate >= 0 && acceptanceRate <= 1)) throw new RangeError(`history.acceptanceRate must be within 0–1, got ${String(acceptanceRate)}`);
  if (energy !== null && !(energy >= 1 && energy <= 10)) throw new RangeError(`energy must be within 1–10, got ${String(energy)}`);
  let c = CONFIDENCE_BASE;
  c += Math.min(HISTORY_MAX, interactions * HISTORY_PER_INTERACTION);
  if (familiarTimeOfDay) c += FAMILIAR_TIME_BONUS;
  if (acceptanceRate !== null) c += acceptanceRate * ACCEPTANCE_WEIGHT;
  if (energy !== null && energy < LOW_ENERGY_BELOW) c -= LOW_ENERGY_PENALTY;
  return Math.min(CONFIDENCE_MAX, Math.max(CONFIDENCE_MIN, c));
}
