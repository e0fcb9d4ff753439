/**
 * Rolling-origin evaluation of hourly demand forecasts (issue 14 item 5). Pure.
 *
 * Origins: `origins` cut days, the last one `horizonWeeks` weeks before the series' last day,
 * the others `spacingDays` apart before it (default 6 origins 61 days apart: the test windows
 * spread over a year, so term, exams, breaks and summer are all forecast). At each origin:
 * 1. training = every hour before the cut; the outage filter (clean.ts) is FITTED ON TRAINING
 *    ONLY (per-weekday medians of training days) and drops training outage days;
 * 2. each forecaster is fitted on that training data and forecasts every test hour of the next
 *    `horizonWeeks` weeks (multi-week horizon: no test data is seen);
 * 3. test days are scored when they have data; a test day below the training-fitted outage
 *    threshold (a collector outage, judged by the training medians only) is left out of the
 *    headline MAE and counted (`outageTestDays`); `maeAllDays` scores every test day.
 * Baselines (both multi-week, fitted on the same training data):
 * - "same week last year": the count at d − 364 days (same weekday), else d − 357 or d − 371,
 *   else the last-4-weeks mean;
 * - "last 4 weeks": mean of the last 4 training weeks at that weekday × hour (yearly.ts);
 * - "one week ahead" (context only, it SEES test data): the count 7 days earlier, where there is one.
 * Intervals (95 %): split-conformal (Vovk et al. 2005; Lei et al. 2018) on scores
 * |y − ŷ| / √(ŷ + 1) (a Poisson-like scale, our choice) from `calibrationOrigins` earlier origins
 * inside the training part (cut − j·horizon, j = 1…J, each fitted on data before it and scored on
 * its next `horizonWeeks` weeks); the interval is ŷ ± q·√(ŷ + 1), q the ⌈(n + 1)·0.95⌉-th smallest
 * score, lower end clamped at 0. Errors in entries per hour (persons/hour).
 */
import { addDays, dayIndex, weekdayOf } from './calendar';
import { dayTotals, fitOutageFilter } from './clean';
import type { HourlyCount } from './parse';
import { YEAR_DAYS, hourKey, lastWeeksMeanTable } from './yearly';

/** A forecaster: fitted on training hours before `cut`, returns entries/hour for a day and hour. */
export type DemandForecaster = (train: readonly HourlyCount[], cut: string) => (date: string, hour: number) => number;

export interface RollingOptions {
  origins?: number;
  spacingDays?: number;
  horizonWeeks?: number;
  calibrationOrigins?: number;
  /** Share of the weekday median below which a day is an outage (clean.ts; default 0.2). */
  outageMinShare?: number;
  /** Nominal interval coverage (default 0.95). */
  level?: number;
}

export interface OriginResult {
  cut: string;
  testTo: string;
  testHours: number;
  outageTestDays: number;
  modelMae: number;
  sameWeekLastYearMae: number;
  lastFourWeeksMae: number;
  oneWeekAheadMae: number;
  coverage: number;
  /** Conformal multiplier q used at this origin. */
  q: number;
}

export interface RollingEvaluation {
  origins: OriginResult[];
  /** Pooled over every scored test hour of every origin. */
  modelMae: number;
  sameWeekLastYearMae: number;
  lastFourWeeksMae: number;
  /** min(same week last year, last 4 weeks): the best multi-week baseline. */
  bestBaselineMae: number;
  bestBaseline: 'same_week_last_year' | 'last_4_weeks';
  oneWeekAheadMae: number;
  /** Model MAE over every test day, outage days included. */
  modelMaeAllDays: number;
  bestBaselineMaeAllDays: number;
  coverage: number;
  testHours: number;
}

/** Cut days: the last `horizonWeeks` weeks before `lastDate` + 1, then `spacingDays` apart, oldest first. */
export function rollingCuts(lastDate: string, origins: number, spacingDays: number, horizonWeeks: number): string[] {
  if (!Number.isInteger(origins) || origins < 1) throw new RangeError(`origins must be an integer ≥ 1, got ${String(origins)}`);
  if (!(spacingDays >= 1)) throw new RangeError(`spacingDays must be ≥ 1, got ${String(spacingDays)}`);
  const last = addDays(lastDate, -7 * horizonWeeks + 1);
  return Array.from({ length: origins }, (_, i) => addDays(last, -spacingDays * (origins - 1 - i)));
}

/** The baseline "same week last year" (see the header), fitted on `train` before `cut`. */
export function sameWeekLastYear(train: readonly HourlyCount[], cut: string): (date: string, hour: number) => number {
  const byKey = new Map(train.filter((r) => r.date < cut).map((r) => [hourKey(dayIndex(r.date), r.hour), r.count]));
  const fallback = lastWeeksMeanTable(train, cut, 4);
  return (date, hour) => {
    const day = dayIndex(date);
    for (const lag of [YEAR_DAYS, YEAR_DAYS - 7, YEAR_DAYS + 7]) {
      const v = byKey.get(hourKey(day - lag, hour));
      if (v !== undefined) return v;
    }
    return fallback.get(`${weekdayOf(date)}:${String(hour)}`) ?? 0;
  };
}

/** The baseline "mean of the last 4 weeks by weekday × hour", fitted before `cut`. */
export function lastFourWeeks(train: readonly HourlyCount[], cut: string): (date: string, hour: number) => number {
  const table = lastWeeksMeanTable(train, cut, 4);
  return (date, hour) => table.get(`${weekdayOf(date)}:${String(hour)}`) ?? 0;
}

/** The smallest q with at least ⌈(n + 1)·level⌉ of `scores` ≤ q (split-conformal); +∞ when too few. */
export function conformalQuantile(scores: readonly number[], level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be within (0, 1), got ${String(level)}`);
  const sorted = [...scores].sort((a, b) => a - b);
  const rank = Math.ceil((sorted.length + 1) * level);
  return rank > sorted.length ? Number.POSITIVE_INFINITY : sorted[rank - 1]!;
}

const scale = (yhat: number): number => Math.sqrt(Math.max(0, yhat) + 1);

function trainingPart(series: readonly HourlyCount[], cut: string, minShare: number): { train: HourlyCount[]; isOutage: (date: string, total: number) => boolean } {
  const before = series.filter((r) => r.date < cut);
  const isOutage = fitOutageFilter(before, cut, minShare);
  const totals = dayTotals(before);
  return { train: before.filter((r) => !isOutage(r.date, totals.get(r.date) ?? 0)), isOutage };
}

function window(series: readonly HourlyCount[], from: string, weeks: number): HourlyCount[] {
  const to = addDays(from, 7 * weeks);
  return series.filter((r) => r.date >= from && r.date < to);
}

/** Conformal scores of `forecaster` on earlier origins inside the data before `cut`. */
export function calibrationScores(series: readonly HourlyCount[], cut: string, forecaster: DemandForecaster, o: Required<RollingOptions>): number[] {
  const scores: number[] = [];
  for (let j = 1; j <= o.calibrationOrigins; j++) {
    const inner = addDays(cut, -7 * o.horizonWeeks * j);
    const { train, isOutage } = trainingPart(series, inner, o.outageMinShare);
    if (train.length === 0) continue;
    const test = window(series, inner, o.horizonWeeks);
    const totals = dayTotals(test);
    const f = forecaster(train, inner);
    for (const r of test) {
      if (isOutage(r.date, totals.get(r.date) ?? 0)) continue;
      const yhat = f(r.date, r.hour);
      scores.push(Math.abs(r.count - yhat) / scale(yhat));
    }
  }
  return scores;
}

const DEFAULTS: Required<RollingOptions> = { origins: 6, spacingDays: 61, horizonWeeks: 8, calibrationOrigins: 4, outageMinShare: 0.2, level: 0.95 };

/** Runs the rolling-origin evaluation of `forecaster` on `series` (see the header). Throws when an origin has no training or test hours. */
export function evaluateRolling(series: readonly HourlyCount[], forecaster: DemandForecaster, options: RollingOptions = {}): RollingEvaluation {
  const o: Required<RollingOptions> = { ...DEFAULTS, ...options };
  const lastDate = series.reduce((m, r) => (r.date > m ? r.date : m), '');
  const byKey = new Map(series.map((r) => [hourKey(dayIndex(r.date), r.hour), r.count]));
  const results: OriginResult[] = [];
  const sums = { model: 0, swly: 0, l4w: 0, n: 0, week: 0, nWeek: 0, covered: 0, modelAll: 0, swlyAll: 0, l4wAll: 0, nAll: 0 };
  for (const cut of rollingCuts(lastDate, o.origins, o.spacingDays, o.horizonWeeks)) {
    const { train, isOutage } = trainingPart(series, cut, o.outageMinShare);
    const test = window(series, cut, o.horizonWeeks);
    if (train.length === 0 || test.length === 0) throw new Error(`evaluateRolling: origin ${cut} has no training or test hours`);
    const f = forecaster(train, cut);
    const swly = sameWeekLastYear(train, cut);
    const l4w = lastFourWeeks(train, cut);
    const q = conformalQuantile(calibrationScores(series, cut, forecaster, o), o.level);
    const totals = dayTotals(test);
    const r0 = { model: 0, swly: 0, l4w: 0, n: 0, week: 0, nWeek: 0, covered: 0 };
    const outageDays = new Set<string>();
    for (const r of test) {
      const yhat = f(r.date, r.hour);
      const eM = Math.abs(yhat - r.count); const eS = Math.abs(swly(r.date, r.hour) - r.count); const eL = Math.abs(l4w(r.date, r.hour) - r.count);
      sums.modelAll += eM; sums.swlyAll += eS; sums.l4wAll += eL; sums.nAll += 1;
      if (isOutage(r.date, totals.get(r.date) ?? 0)) { outageDays.add(r.date); continue; }
      r0.model += eM; r0.swly += eS; r0.l4w += eL; r0.n += 1;
      if (Math.abs(r.count - yhat) <= q * scale(yhat)) r0.covered += 1;
      const prev = byKey.get(hourKey(dayIndex(r.date) - 7, r.hour));
      if (prev !== undefined) { r0.week += Math.abs(prev - r.count); r0.nWeek += 1; }
    }
    results.push({
      cut, testTo: test.reduce((m, r) => (r.date > m ? r.date : m), ''), testHours: r0.n, outageTestDays: outageDays.size,
      modelMae: r0.model / r0.n, sameWeekLastYearMae: r0.swly / r0.n, lastFourWeeksMae: r0.l4w / r0.n,
      oneWeekAheadMae: r0.week / Math.max(1, r0.nWeek), coverage: r0.covered / r0.n, q,
    });
    sums.model += r0.model; sums.swly += r0.swly; sums.l4w += r0.l4w; sums.n += r0.n; sums.week += r0.week; sums.nWeek += r0.nWeek; sums.covered += r0.covered;
  }
  const swlyMae = sums.swly / sums.n; const l4wMae = sums.l4w / sums.n;
  const best = swlyMae <= l4wMae ? 'same_week_last_year' : 'last_4_weeks';
  return {
    origins: results,
    modelMae: sums.model / sums.n, sameWeekLastYearMae: swlyMae, lastFourWeeksMae: l4wMae,
    bestBaselineMae: Math.min(swlyMae, l4wMae), bestBaseline: best,
    oneWeekAheadMae: sums.week / Math.max(1, sums.nWeek),
    modelMaeAllDays: sums.modelAll / sums.nAll,
    bestBaselineMaeAllDays: best === 'same_week_last_year' ? sums.swlyAll / sums.nAll : sums.l4wAll / sums.nAll,
    coverage: sums.covered / sums.n, testHours: sums.n,
  };
}
