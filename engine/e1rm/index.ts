/** e1RM: formulas, per-member estimates, chart series and weekly volume. */
export {
  MAX_REPS_FOR_E1RM, MAX_RIR_FOR_E1RM, brzycki1rm, epley1rm, epleyFraction, isUsableForE1rm,
  loadForRepsToFailure, repsToFailure, reportedRir, setE1rm,
} from './formulas';
export { E1RM_ERROR_FRACTION, E1RM_SESSIONS, E1RM_WEIGHTS, e1rmSeries, estimateE1rm } from './estimate';
export type { E1rmEstimate, E1rmPoint } from './estimate';
export { weeklyVolume } from './volume';
export type { WeekVolume } from './volume';
export { MS_PER_DAY, mondayOf, parseTime, requireTime, utcDate, wholeDaysBetween } from './dates';
export {
  DETRAINING_AFTER_DAYS, LOG_FORECAST, MEET_FORECAST, Z80, detrainingCut, fitForecastSpread, forecastE1rm, forecastLnSd,
} from './forecast';
export type { E1rmForecast, E1rmObservation, ForecastParams, SpreadResidual } from './forecast';
