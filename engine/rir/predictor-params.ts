/**
 * The RIR predictor's shipped population part: `fitPredictor` (./predictor-eval) on the SIMULATED
 * sim1 cohort of `npm run bench -- rir` (engine/rir/simulate, seed 20251401, 150 members × 6
 * weeks, 38,088 sets), rounded. The same parameters are the ones scored on sim2 and on the real
 * Hevy RPE log in the bench (README, Models). `predictor.test.ts` refits and checks these numbers,
 * so a change of the fit or the simulator shows up there.
 */
import type { PredictorParams } from './predictor';

export const SHIPPED_PREDICTOR: PredictorParams = Object.freeze({
  version: 'rir-predictor-sim1-2026.12',
  biasMean: -0.8301,
  biasSd: 0.9829,
  biasSampleSd: 0.8,
  reportSd: 1.0773,
  offsetMean: 0.3921,
  repLossPerSet: 0.9,
  priorMse: { target: 27.9757, 'last-report': 8.6771, 'stopping-habit': 23.6236, 'recent-sets': 12.2854 },
  blendPriorMse: 5.1091,
  priorCount: 2,
  weightPower: 2,
  intervalScale: { newExercise: 2.0122, known: 1.1439, after: 1.5768 },
  trainingSets: 38088,
}) as PredictorParams;
