/**
 * Demand-model figures for `npm run bench -- scheduler` (issue 5, part 2). A helper, not a
 * registered bench: the scheduler bench calls `demandBench(log)` and merges its figures.
 *
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

/** Runs the held-out evaluation on the real occupancy files; prints a table; returns figures. */
export async function demandBench(log: (line: string) => void): Promise<Record<string, number>> {
  const runs = MSU_GYMS.map((gym) =>
    runClub(gym.toLowerCase(), `msu ${gym}`, parseHourlyCountsCsv(readFileSync(resolve(OCCUPANCY_DIR, 'msu-isitbusy', `${gym}.csv`), 'utf8'))));
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
