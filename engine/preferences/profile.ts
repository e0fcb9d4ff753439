/**
 * The preference profile and its update by exponential moving average (EMA).
 *
 * Per signal on a dimension: p ← p + α × (target − p), α = the learning rate (0.05 by default,
 * the product specification's figure). Several signals on one dimension from one feedback apply in
 * turn. Rates: r_a ← r_a + α × ([action = a] − r_a) for a ∈ {accepted, modified, skipped}, so they
 * keep summing to 1. Priors: every dimension 0.5 (neutral), every rate 1/3 (no lean).
 *
 * Confidence of a dimension after n signals is 1 − (1 − α)^n: the weight the evidence carries
 * against the prior in the EMA (0 with no evidence; 0.64 after 20 signals at α = 0.05).
 */
import type { Recommendation } from '../progression/types';
import { PreferenceInputError } from './errors';
import { extractSignals } from './signals';
import type { Feedback, PreferenceDimension, PreferenceProfile, PreferenceSignal } from './types';
import { FEEDBACK_ACTIONS, PREFERENCE_DIMENSIONS } from './types';

/** The specification's learning rate. */
export const DEFAULT_LEARNING_RATE = 0.05;
export const NEUTRAL = 0.5;

function perDimension<T>(value: T): Record<PreferenceDimension, T> {
  return Object.fromEntries(PREFERENCE_DIMENSIONS.map((d) => [d, value])) as Record<PreferenceDimension, T>;
}

/** One EMA step: `current + rate × (observed − current)`. */
export function emaStep(current: number, observed: number, rate: number): number {
  return current + rate * (observed - current);
}

/** Weight of n observations against the prior in an EMA of rate α: 1 − (1 − α)^n. */
export function emaConfidence(observations: number, rate: number): number {
  return 1 - (1 - rate) ** observations;
}

/**
 * A new member's neutral profile. Throws `PreferenceInputError('learningRate')` unless
 * 0 < learningRate ≤ 1.
 */
export function initialProfile(memberId: number, learningRate: number = DEFAULT_LEARNING_RATE): PreferenceProfile {
  if (!Number.isFinite(learningRate) || learningRate <= 0 || learningRate > 1) {
    throw new PreferenceInputError('learningRate', `must be in (0, 1], got ${String(learningRate)}`);
  }
  return {
    memberId,
    dimensions: perDimension(NEUTRAL),
    rates: { accepted: 1 / 3, modified: 1 / 3, skipped: 1 / 3 },
    confidence: { ...perDimension(0), rates: 0 },
    evidence: perDimension(0),
    counts: { accepted: 0, modified: 0, skipped: 0, total: 0 },
    learningRate,
  };
}

export interface ProfileUpdate {
  profile: PreferenceProfile;
  /** The signals that moved the profile (the learning events to store). */
  signals: PreferenceSignal[];
}

/**
 * Folds one feedback into the profile. Pure: returns a new profile. Throws
 * `PreferenceInputError('memberId')` when the recommendation belongs to another member.
 */
export function updateProfile(profile: PreferenceProfile, recommendation: Recommendation, feedback: Feedback): ProfileUpdate {
  if (recommendation.memberId !== profile.memberId) {
    throw new PreferenceInputError('memberId', `recommendation of member ${String(recommendation.memberId)} given to the profile of member ${String(profile.memberId)}`);
  }
  const α = profile.learningRate;
  const signals = extractSignals(recommendation, feedback);
  const dimensions = { ...profile.dimensions };
  const evidence = { ...profile.evidence };
  for (const s of signals) {
    dimensions[s.dimension] = emaStep(dimensions[s.dimension], s.target, α);
    evidence[s.dimension] += 1;
  }
  const rates = { ...profile.rates };
  for (const a of FEEDBACK_ACTIONS) rates[a] = emaStep(rates[a], feedback.action === a ? 1 : 0, α);
  const counts = { ...profile.counts, [feedback.action]: profile.counts[feedback.action] + 1, total: profile.counts.total + 1 };
  const confidence = { ...perDimension(0), rates: emaConfidence(counts.total, α) };
  for (const d of PREFERENCE_DIMENSIONS) confidence[d] = emaConfidence(evidence[d], α);
  return { profile: { ...profile, dimensions, rates, counts, evidence, confidence }, signals };
}

/** Folds feedback in order, from `initial` (a neutral profile when omitted). */
export function learnProfile(
  memberId: number,
  entries: ReadonlyArray<{ recommendation: Recommendation; feedback: Feedback }>,
  initial: PreferenceProfile = initialProfile(memberId),
): PreferenceProfile {
  let profile = initial;
  for (const e of entries) profile = updateProfile(profile, e.recommendation, e.feedback).profile;
  return profile;
}
