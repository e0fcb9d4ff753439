/**
 * Demand-model figures: `npm run bench -- demand [--json]`; the scheduler bench prints only the
 * OLD single hold-out (`demandHoldoutBench`), to keep its runtime.
 *
 * Issue 14 item 5 (the headline, `demand_*` keys): a rolling-origin evaluation, see
 * `rollingSection` below and engine/scheduler/demand/rolling.ts. The older single hold-out
 * (`forecast_*` keys) is kept beside it, labelled OLD:
 * Data (real, read from ../shared/data/occupancy/, never copied into the repo):
 * - IsItBusy hourly entries at three MSU gyms (CharmingZh/IsItBusy, GPL-3.0): Circle, East, West;
 * - card-reader swipes at one wellness centre (mgerlach-klick/gym-heatmap, EPL-1.0).
 * For each club: outage days dropped (clean.ts), the last 8 weeks held out, the model fitted on
 * everything before, and its mean forecast scored (MAE, entries/hour) against seasonal-naive
 * (the last training week's same weekday and hour, a multi-week horizon; see evaluate.ts). The
 * one-week-ahead naive (7 days earlier, sees held-out data) is printed for context only.
 * `forecast_mae` and `forecast_seasonal_naive_mae` average the three IsItBusy gyms; the swipe
 * club (~1 entry/hour) is reported under its own keys and left out of the averages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateDemand } from '../engine/scheduler/demand/evaluate';
import { fitDemand, predict } from '../engine/scheduler/demand/model';
import { evaluateRolling } from '../engine/scheduler/demand/rolling';
import type { DemandForecaster, RollingEvaluation } from '../engine/scheduler/demand/rolling';
import { fitYearlySelected } from '../engine/scheduler/demand/yearly';
import type { DemandEvaluation } from '../engine/scheduler/demand/evaluate';
import { parseHourlyCountsCsv, parseSwipeLog } from '../engine/scheduler/demand/parse';
import type { HourlySeries } from '../engine/scheduler/demand/parse';
import { round } from './stats';

export const OCCUPANCY_DIR = resolve('../shared/data/occupancy');
export const HOLDOUT_WEEKS = 8;
const MSU_GYMS = ['Circle', 'East', 'West'] as const;

interface ClubRun { key: string; label: string; series: HourlySeries; evaluation: DemandEvaluation }

function runClub(key: string, label: string, series: HourlySeries): ClubRun {
  return { key, label, series, evaluation: evaluateDemand(series.rows, { holdoutWeeks: HOLDOUT_WEEKS }) };
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 8)).join(' ');
}

function printTable(log: (line: string) => void, runs: readonly ClubRun[]): void {
  const widths = [14, 23, 8, 6, 6, 10, 10, 9, 8];
  log(`demand forecast, ${HOLDOUT_WEEKS} held-out weeks per club; MAE in entries/hour`);
  log(row(['club', 'held-out days', 'hours', '0-days', 'outage', 'model MAE', 'naive MAE', 'naive 1w', 'cover95'], widths));
  for (const { label, series, evaluation: e } of runs) {
    log(row([label, `${e.testFrom}..${e.testTo}`, e.testHours, series.closedDays.length, e.outageDays.length,
      round(e.modelMae, 2), round(e.naiveMae, 2), round(e.naiveOneWeekMae, 2), round(e.coverage95, 2)], widths));
  }
  log('0-days = all-zero days in the file (closed or not recorded, incl. pre-collection rows); outage = days < 20 % of their weekday median');
  log('naive = same weekday & hour of the last training week; naive 1w = 7 days earlier (sees held-out data; context only)');
}

/** The demand model under evaluation: the year-aligned forecast, options chosen on training data (yearly.ts). */
export const YEARLY_FORECASTER: DemandForecaster = (train, cut) => fitYearlySelected(train, cut).forecast;
/** The product's seasonal weekday × hour × month model (model.ts), for context. */
export const SEASONAL_FORECASTER: DemandForecaster = (train) => {
  const m = fitDemand(train);
  return (date, hour) => predict(m, { date, hour }).mean;
};

/**
 * Issue 14 item 5: rolling-origin evaluation (engine/scheduler/demand/rolling.ts) of the three
 * MSU gyms: 6 cuts 61 days apart over the last year, each forecasting the next 8 weeks; outage
 * filter fitted on each training part; 95 % split-conformal intervals from 4 earlier origins
 * inside the training part. The swipe centre is left out: its log covers one year with a
 * June–September gap, so no cut has a year of history before it.
 */
function rollingSection(log: (line: string) => void, series: Record<string, HourlySeries>): Record<string, number> {
  const out: Record<string, number> = {};
  const w = [8, 11, 11, 11, 9, 9, 11, 9, 8];
  log('\n# demand, rolling origin (6 cuts 61 days apart, 8-week horizon each; MAE entries/hour over test days, outage days by the training-fitted filter left out)');
  log(row(['gym', 'model', 'same wk ly', 'last 4 wk', 'best base', 'gain %', 'seasonal', '1w ahead', 'cover95'], w));
  let covered = 0; let hours = 0;
  const evals: Record<string, RollingEvaluation> = {};
  for (const gym of MSU_GYMS) {
    const e = evaluateRolling(series[gym]!.rows, YEARLY_FORECASTER);
    const seasonal = evaluateRolling(series[gym]!.rows, SEASONAL_FORECASTER, { calibrationOrigins: 1 });
    evals[gym] = e;
    const gain = 100 * (1 - e.modelMae / e.bestBaselineMae);
    log(row([gym, round(e.modelMae, 2), round(e.sameWeekLastYearMae, 2), round(e.lastFourWeeksMae, 2), round(e.bestBaselineMae, 2), round(gain, 1), round(seasonal.modelMae, 2), round(e.oneWeekAheadMae, 2), round(e.coverage, 3)], w));
    for (const o of e.origins) {
      log(`    cut ${o.cut}..${o.testTo}: ${String(o.testHours)} h (${String(o.outageTestDays)} outage days left out)  model ${round(o.modelMae, 2)}  same wk ly ${round(o.sameWeekLastYearMae, 2)}  last 4 wk ${round(o.lastFourWeeksMae, 2)}  cover95 ${round(o.coverage, 3)} (q ${round(o.q, 2)})`);
    }
    const k = gym.toLowerCase();
    out[`demand_mae_${k}`] = round(e.modelMae, 3);
    out[`demand_best_baseline_mae_${k}`] = round(e.bestBaselineMae, 3);
    out[`demand_same_week_last_year_mae_${k}`] = round(e.sameWeekLastYearMae, 3);
    out[`demand_last_4_weeks_mae_${k}`] = round(e.lastFourWeeksMae, 3);
    out[`demand_one_week_ahead_mae_${k}`] = round(e.oneWeekAheadMae, 3);
    out[`demand_seasonal_model_mae_${k}`] = round(seasonal.modelMae, 3);
    out[`demand_gain_vs_best_baseline_pct_${k}`] = round(gain, 1);
    out[`demand_coverage95_${k}`] = round(e.coverage, 3);
    out[`demand_mae_all_days_${k}`] = round(e.modelMaeAllDays, 3);
    out[`demand_best_baseline_mae_all_days_${k}`] = round(e.bestBaselineMaeAllDays, 3);
    covered += e.coverage * e.testHours; hours += e.testHours;
  }
  out.demand_coverage95 = round(covered / hours, 3);
  log('model = year-aligned forecast (same days of up to 3 earlier years × growth, neighbour weeks weighted by a weight chosen on 3 earlier origins in the training part);');
  log('same wk ly = the count 364 days earlier; last 4 wk = mean of the last 4 training weeks by weekday × hour; seasonal = the product\'s weekday × hour × month model (context);');
  log('1w ahead = 7 days earlier (sees test data; context only); gain = MAE below the best multi-week baseline (target ≥ 10 %)');
  return out;
}

function readGyms(): Record<string, HourlySeries> {
  return Object.fromEntries(MSU_GYMS.map((gym) => [gym, parseHourlyCountsCsv(readFileSync(resolve(OCCUPANCY_DIR, 'msu-isitbusy', `${gym}.csv`), 'utf8'))])) as Record<string, HourlySeries>;
}

/** `npm run bench -- demand`: the rolling-origin evaluation (`demand_*`), then the OLD single hold-out (`forecast_*`). */
export async function demandBench(log: (line: string) => void): Promise<Record<string, number>> {
  const series = readGyms();
  const rolling = rollingSection(log, series);
  return { ...rolling, ...holdoutSection(log, series) };
}

/** The OLD single hold-out only (`forecast_*`), as the scheduler bench printed it before issue 14. */
export async function demandHoldoutBench(log: (line: string) => void): Promise<Record<string, number>> {
  log('(the rolling-origin evaluation of issue 14 runs with `npm run bench -- demand`)');
  return holdoutSection(log, readGyms());
}

function holdoutSection(log: (line: string) => void, series: Record<string, HourlySeries>): Record<string, number> {
  log('\n# OLD single hold-out (kept for comparison; its baseline copies the last training week and its outage filter sees the test period)');
  const runs = MSU_GYMS.map((gym) => runClub(gym.toLowerCase(), `msu ${gym}`, series[gym]!));
  const swipe = runClub('swipe', 'swipe centre', parseSwipeLog(readFileSync(resolve(OCCUPANCY_DIR, 'gym-swipe-inout', 'gyminout.csv'), 'utf8')));
  printTable(log, [...runs, swipe]);
  const avg = (pick: (e: DemandEvaluation) => number): number => runs.reduce((a, r) => a + pick(r.evaluation), 0) / runs.length;
  const figures: Record<string, number> = {
    forecast_mae: round(avg((e) => e.modelMae), 3),
    forecast_seasonal_naive_mae: round(avg((e) => e.naiveMae), 3),
    forecast_naive_1w_mae: round(avg((e) => e.naiveOneWeekMae), 3),
    forecast_coverage95: round(avg((e) => e.coverage95), 3),
    forecast_holdout_weeks: HOLDOUT_WEEKS,
  };
  for (const { key, evaluation: e } of [...runs, swipe]) {
    figures[`forecast_${key}_mae`] = round(e.modelMae, 3);
    figures[`forecast_${key}_seasonal_naive_mae`] = round(e.naiveMae, 3);
    figures[`forecast_${key}_test_hours`] = e.testHours;
  }
  return figures;
}
