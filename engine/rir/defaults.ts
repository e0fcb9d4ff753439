/**
 * The published-figures population prior of the RIR model.
 *
 * `DEFAULT_POPULATION` comes from published figures (no training data, `trainingSamples: 0`):
 * - Curve RTF = k · (1RM / load − 1). Epley (1985), 1RM = w · (1 + r/30), is this curve with
 *   k = 30; it is the intercept, i.e. a generic compound lift with no better figure (squat,
 *   deadlift, rows, presses overhead) follows the NSCA %1RM table (80 % → ≈ 8 reps).
 * - Hoeger et al. 1990 (trained men, reps at 80 % 1RM): at 80 %, 1RM/load − 1 = 0.25, so
 *   k = reps / 0.25: leg press 19 → k 76; lat pull-down, bench press, sit-up 12 → k 48;
 *   knee extension, arm curl ≈ 11.5 → k 46; leg curl 7 → k 28. Weights are ln(k / 30),
 *   with isolation lifts generally at ln(40 / 30) and the pattern term adding the rest.
 * - Between-member sd of lnK 0.3 (Hoeger's sds are ≈ 20–35 % of the mean reps).
 * - Self-report bias (reported − true RIR) N(−0.95, 1²): Halperin et al. 2022 (people
 *   under-predict their reps to failure by 0.95 reps, with large heterogeneity).
 * - Report noise 1 rep: domain.md "about ±1 rep"; Refalo et al. 2023: |error| 0.65 ± 0.78.
 * - Failure noise (day-to-day readiness) 1 rep; set fatigue 8 % of RTF per extra set at the same
 *   load; strength random walk 0.3 %/day^½ (≈ 2.5 % over 12 weeks). These three are assumptions
 *   a refit replaces with data.
 */
import { DEFAULT_FEATURE_NAMES } from './features';
import type { PopulationModel } from './types';

const EPLEY_K = 30;
const ISOLATION_K = 40;

/** ln(k / 30) offsets from Hoeger et al. 1990, with isolation lifts' share split off. */
const HOEGER_WEIGHTS: Record<string, number> = {
  'mechanic:isolation': Math.log(ISOLATION_K / EPLEY_K),
  'pattern:horizontal_push': Math.log(48 / EPLEY_K),
  'pattern:vertical_pull': Math.log(48 / EPLEY_K),
  'pattern:core_flexion': Math.log(48 / ISOLATION_K),
  'pattern:knee_extension': Math.log(46 / ISOLATION_K),
  'pattern:elbow_flexion': Math.log(46 / ISOLATION_K),
  'pattern:knee_flexion': Math.log(28 / ISOLATION_K),
  'pattern:squat&equipment:machine': Math.log(76 / EPLEY_K),
};

export const DEFAULT_POPULATION: PopulationModel = Object.freeze({
  version: 'published-2025.1',
  featureNames: [...DEFAULT_FEATURE_NAMES],
  weights: DEFAULT_FEATURE_NAMES.map((name) => HOEGER_WEIGHTS[name] ?? 0),
  intercept: Math.log(EPLEY_K),
  exerciseLnK: {},
  lnKSd: 0.3,
  biasMean: -0.95,
  biasSd: 1,
  reportNoiseSd: 1,
  failureNoiseSd: 1,
  setFatigue: 0.08,
  lnOneRmDriftPerDay: 0.003,
  trainingSamples: 0,
}) as PopulationModel;
