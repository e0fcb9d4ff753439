/**
 * Held-out evaluation of the demand model against a seasonal-naive baseline. Pure.
 *
 * Outage days (clean.ts) are dropped first unless `outageMinShare` is 0.
 * Split: the test period is the last `holdoutWeeks` × 7 calendar days ending on the series' last
 * day (default 8 weeks); everything before is training. Only open days are scored (closed days are
 * absent from the series). All errors are in entries per hour (persons/hour).
 *
 * Seasonal-naive baseline (multi-week horizon, no peeking at the test period): each test hour is
 * forecast as the count at the same weekday and hour in the LAST TRAINING WEEK; when that day was
 * closed or missing, the latest earlier training week with that weekday open is used; never seen → 0.
 * A one-week-ahead naive (same weekday and hour 7 days earlier, which uses test data as it arrives)
 * is also reported as `naiveOneWeekMae`, for context only: it sees data the model does not.
 */
import { addDays, weekdayOf } from './calendar';
import { dropOutageDays } from './clean';
import { fitDemand, predict } from './model';
import type { DemandFitOptions, DemandModel } from './model';
import type { HourlyCount } from './parse';

export interface DemandEvaluation {
  trainFrom: string;
  trainTo: string;
  testFrom: string;
  testTo: string;
  trainHours: number;
  testHours: number;
  /** MAE of the model's mean forecast, entries/hour. */
  modelMae: number;
  /** MAE of the model's median forecast, entries/hour. */
  modelMedianMae: number;
  /** MAE of the seasonal-naive baseline (last training week), entries/hour. */
  naiveMae: number;
  /** MAE of naive "same hour 7 days earlier" over test hours that have such a value, entries/hour. */
  naiveOneWeekMae: number;
  /** Share of test hours whose count fell inside the model's mean ± 1.96 sd. */
  coverage95: number;
  /** Days dropped by the outage filter (clean.ts) before the split. */
  outageDays: string[];
  model: DemandModel;
}

/** Splits a sorted-or-not series at `holdoutWeeks` before its last day. */
export function splitHoldout(series: readonly HourlyCount[], holdoutWeeks: number): { train: HourlyCount[]; test: HourlyCount[]; cut: string } {
  const last = series.reduce((m, r) => (r.date > m ? r.date : m), '');
  const cut = addDays(last, -7 * holdoutWeeks + 1);
  return { train: series.filter((r) => r.date < cut), test: series.filter((r) => r.date >= cut), cut };
}

/** For each weekday × hour, the count from the latest training day of that weekday (see header). */
export function seasonalNaiveTable(train: readonly HourlyCount[]): Map<string, number> {
  const latestDay = new Map<number, string>();
  for (const r of train) {
    const wd = weekdayOf(r.date);
    if ((latestDay.get(wd) ?? '') < r.date) latestDay.set(wd, r.date);
  }
  const table = new Map<string, number>();
  for (const r of train) {
    const wd = weekdayOf(r.date);
    if (latestDay.get(wd) === r.date) table.set(`${wd}:${r.hour}`, r.count);
  }
  return table;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Fits on the training weeks, forecasts the held-out weeks, and scores model and baselines. */
export function evaluateDemand(
  raw: readonly HourlyCount[],
  options: { holdoutWeeks?: number; fit?: DemandFitOptions; outageMinShare?: number } = {},
): DemandEvaluation {
  const { rows: series, outageDays } = options.outageMinShare === 0 ? { rows: [...raw], outageDays: [] } : dropOutageDays(raw, options.outageMinShare);
  const { train, test, cut } = splitHoldout(series, options.holdoutWeeks ?? 8);
  if (train.length === 0 || test.length === 0) throw new Error('evaluateDemand: need both training and held-out hours');
  const model = fitDemand(train, options.fit);
  const naive = seasonalNaiveTable(train);
  const byDayHour = new Map(series.map((r) => [`${r.date}:${r.hour}`, r.count]));
  const modelErr: number[] = [];
  const medianErr: number[] = [];
  const naiveErr: number[] = [];
  const oneWeekErr: number[] = [];
  let covered = 0;
  for (const r of test) {
    const f = predict(model, { date: r.date, hour: r.hour });
    modelErr.push(Math.abs(f.mean - r.count));
    medianErr.push(Math.abs(f.median - r.count));
    naiveErr.push(Math.abs((naive.get(`${weekdayOf(r.date)}:${r.hour}`) ?? 0) - r.count));
    const prev = byDayHour.get(`${addDays(r.date, -7)}:${r.hour}`);
    if (prev !== undefined) oneWeekErr.push(Math.abs(prev - r.count));
    if (Math.abs(r.count - f.mean) <= 1.96 * f.sd) covered++;
  }
  return {
    trainFrom: model.trainedFrom, trainTo: model.trainedTo,
    testFrom: cut, testTo: test.reduce((m, r) => (r.date > m ? r.date : m), ''),
    trainHours: train.length, testHours: test.length,
    modelMae: mean(modelErr), modelMedianMae: mean(medianErr), naiveMae: mean(naiveErr),
    naiveOneWeekMae: mean(oneWeekErr), coverage95: covered / test.length, outageDays, model,
  };
}
