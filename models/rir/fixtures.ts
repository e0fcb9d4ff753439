/** Hand-made population models for the models/ tests (not used by the app). */
import type { PopulationModel } from '../../engine/rir/types';

/** A deterministic pseudo-random number in [−0.5, 0.5) from an integer seed. */
function jitter(seed: number): number {
  const x = Math.sin(seed * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

/** A population with varied, non-round weights around Epley's ln 30. */
export function fixturePopulation(
  version: string,
  featureNames: string[],
  overrides: Partial<PopulationModel> = {},
): PopulationModel {
  return {
    version,
    featureNames,
    weights: featureNames.map((_, i) => 0.6 * jitter(i + 1)),
    intercept: Math.log(30) + 0.0123,
    exerciseLnK: {},
    lnKSd: 0.25,
    biasMean: -0.95,
    biasSd: 1,
    reportNoiseSd: 1,
    failureNoiseSd: 0.8,
    setFatigue: 0.06,
    lnOneRmDriftPerDay: 0.002,
    trainingSamples: 1234,
    ...overrides,
  };
}
