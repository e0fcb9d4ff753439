/**
 * `npm run bench -- models`: the e1RM forecaster (`engine/e1rm/forecast.ts`) against persistence
 * ("the next value equals the last"), on real data it was not fitted on.
 * - OpenPowerlifting (public domain): lifters split by LifterID parity. The meet parameters
 *   (population gain, gain cap) are chosen on a small grid and the spread fitted on the even
 *   half; figures are on the odd half: the next meet's best squat, bench and deadlift from the
 *   meets before. `e1rm_forecast_mape_*` vs `persistence_mape_*` (%), `e1rm_forecast_coverage80`.
 * - Training logs: the log parameters' level weights are chosen and the spread fitted on the
 *   DericMei Strong export; figures are on the 14 exports of `logs/exports` (held out): each
 *   session's best e1RM per exercise from the sessions before. `logs_next_session_*`; the
 *   interval's spread there is refitted leaving the scored lifter out (one log's spread does
 *   not transfer to another lifter; the pooled figure with DericMei's spread is printed too).
 * - The confidence reliability table (models-reliability.ts, simulated).
 */
import type { E1rmObservation, ForecastParams, SpreadResidual } from '../engine/e1rm/forecast';
import { LOG_FORECAST, MEET_FORECAST, fitForecastSpread, forecastE1rm } from '../engine/e1rm/forecast';
import { LIFTS, exportLifters, oplLifters, strongLifter } from './models-data';
import { reliabilityFigures } from './models-reliability';
import type { Lift } from './models-data';
import { round } from './stats';

export interface ForecastScore { n: number; mape: number; persistenceMape: number; coverage80: number; residuals: SpreadResidual[] }

/** Scores one-step-ahead forecasts over every point after the first of each series. */
export function scoreForecasts(seriesList: readonly (readonly E1rmObservation[])[], p: ForecastParams): ForecastScore {
  let n = 0; let ape = 0; let pape = 0; let inside = 0;
  const residuals: SpreadResidual[] = [];
  for (const s of seriesList) {
    for (let k = 1; k < s.length; k++) {
      const actual = s[k]!;
      if (actual.date <= s[k - 1]!.date) continue; // same day: no forecast to make
      const f = forecastE1rm(s.slice(0, k), actual.date, p);
      if (f === null) continue;
      n++;
      ape += Math.abs(f.meanKg - actual.e1rmKg) / actual.e1rmKg;
      pape += Math.abs(s[k - 1]!.e1rmKg - actual.e1rmKg) / actual.e1rmKg;
      if (actual.e1rmKg >= f.lowKg && actual.e1rmKg <= f.highKg) inside++;
      residuals.push({ lnError: Math.log(actual.e1rmKg / f.meanKg), days: f.daysAhead });
    }
  }
  return { n, mape: (100 * ape) / n, persistenceMape: (100 * pape) / n, coverage80: inside / n, residuals };
}

/** Grid search on the training set's MAPE, then the spread fitted to its residuals. */
export function fitOn(train: readonly (readonly E1rmObservation[])[], base: ForecastParams, grid: readonly Partial<ForecastParams>[]): ForecastParams {
  let best = base; let bestMape = Number.POSITIVE_INFINITY;
  for (const g of grid) {
    const p = { ...base, ...g };
    const { mape } = scoreForecasts(train, p);
    if (mape < bestMape) { bestMape = mape; best = p; }
  }
  return fitForecastSpread(scoreForecasts(train, best).residuals, best);
}

const MEET_GRID: Partial<ForecastParams>[] = [];
for (const priorGainPerDay of [0.0003, 0.00055, 0.0008]) {
  for (const trendHorizonDays of [180, 365]) {
    for (const bestBlend of [0.3, 0.5]) MEET_GRID.push({ priorGainPerDay, trendHorizonDays, bestBlend });
  }
}
const LOG_GRID: Partial<ForecastParams>[] = [];
for (const levelWeights of [[1], [3, 2, 1], [1, 1, 1]]) {
  for (const bestBlend of [0, 0.3, 0.6]) LOG_GRID.push({ levelWeights, bestBlend });
}

export async function models(log: (line: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const lifters = oplLifters();
  const split = (lift: Lift, odd: boolean) => lifters.filter((l) => (l.id % 2 === 1) === odd).map((l) => l.series[lift]);
  let inside = 0; let total = 0;
  log('OpenPowerlifting, next-meet best (fitted on even LifterIDs, scored on odd):');
  for (const lift of LIFTS) {
    const p = fitOn(split(lift, false), MEET_FORECAST, MEET_GRID);
    const s = scoreForecasts(split(lift, true), p);
    log(`  ${lift.padEnd(8)} n ${String(s.n).padStart(6)}  forecast MAPE ${round(s.mape)} %  persistence ${round(s.persistenceMape)} %  ` +
      `(${round(100 * (1 - s.mape / s.persistenceMape), 1)} % lower)  80 % coverage ${round(s.coverage80, 3)}  ` +
      `[gain ${p.priorGainPerDay}/d over ≤ ${p.trendHorizonDays} d, best blend ${p.bestBlend}]`);
    out[`e1rm_forecast_mape_${lift}`] = round(s.mape);
    out[`persistence_mape_${lift}`] = round(s.persistenceMape);
    out[`e1rm_forecast_coverage80_${lift}`] = round(s.coverage80, 3);
    inside += s.coverage80 * s.n; total += s.n;
  }
  out.e1rm_forecast_coverage80 = round(inside / total, 3);

  const train = strongLifter();
  const p = fitOn(train.series, LOG_FORECAST, LOG_GRID);
  const fit = scoreForecasts(train.series, p);
  log(`Training logs, next-session best e1RM per exercise (fitted on ${train.name}: level weights [${p.levelWeights.join(', ')}], best blend ${p.bestBlend}):`);
  log(`  ${train.name} (in-sample)  n ${fit.n}  MAPE ${round(fit.mape)} %  persistence ${round(fit.persistenceMape)} %  coverage ${round(fit.coverage80, 3)}`);
  const held = exportLifters();
  const pooled = scoreForecasts(held.flatMap((l) => l.series), p);
  log(`  all 14 held-out exports, spread from ${train.name}: n ${pooled.n}  MAPE ${round(pooled.mape)} %  persistence ${round(pooled.persistenceMape)} %  coverage ${round(pooled.coverage80, 3)}`);
  // The spread of one lifter's log does not transfer: refit it leaving each lifter out (the
  // 15 lifters but the one scored), the mean unchanged.
  const everyone = [train, ...held];
  let n = 0; let ape = 0; let pape = 0; let cover = 0;
  for (const l of held) {
    const others = everyone.filter((o) => o !== l).flatMap((o) => o.series);
    const q = fitForecastSpread(scoreForecasts(others, p).residuals, p);
    const s = scoreForecasts(l.series, q);
    if (s.n === 0) { log(`  ${l.name.padEnd(36)} no exercise with 2 sessions`); continue; }
    log(`  ${l.name.padEnd(36)} n ${String(s.n).padStart(5)}  MAPE ${round(s.mape)} %  persistence ${round(s.persistenceMape)} %  coverage ${round(s.coverage80, 3)}`);
    n += s.n; ape += s.mape * s.n; pape += s.persistenceMape * s.n; cover += s.coverage80 * s.n;
  }
  const all = { n, mape: ape / n, persistenceMape: pape / n, coverage80: cover / n };
  log(`  all 14 held-out exports (spread leave-one-lifter-out) n ${all.n}  MAPE ${round(all.mape)} %  persistence ${round(all.persistenceMape)} %  coverage ${round(all.coverage80, 3)}`);
  out.logs_next_session_forecast_mape = round(all.mape);
  out.logs_next_session_persistence_mape = round(all.persistenceMape);
  out.logs_next_session_coverage80 = round(all.coverage80, 3);
  out.logs_next_session_n = all.n;
  Object.assign(out, reliabilityFigures(log));
  return out;
}
