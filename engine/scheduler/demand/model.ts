/**
 * Seasonal demand model for hourly club entries: weekday × hour × month, a linear trend, and an
 * uncertainty. Pure; data in, model out.
 *
 * Form (log-linear, fitted by least squares):
 *   log(1 + entries[d, h]) = cell[weekday(d)][h] + month[month(d)] + trend · (week(d) − centreWeek) + ε
 * - `cell`: one level per weekday (0 = Monday) × clock hour, log(1 + persons/hour);
 * - `month`: 12 multiplicative month effects (log scale), shrunk toward 0 by `monthShrinkage`
 *   pseudo-observations and centred to a weighted mean of 0 (the cells carry the level);
 * - `trend`: change of log demand per week (0.01 ≈ +1 % per week), over `weekNumber` (calendar.ts);
 * - ε: residual, with its standard deviation and its mean of exp(ε) (Duan's smearing factor)
 *   estimated per weekday × hour cell from the training residuals.
 * Fitted by backfitting (Gauss–Seidel over the three blocks), which converges to the least-squares
 * solution of this additive model.
 *
 * Prediction back-transforms to entries per hour: mean = smear · exp(μ) − 1 (Duan 1983),
 * median = exp(μ) − 1, sd from the log-normal with the cell's residual sd. Both clamped at ≥ 0.
 */
import { monthOf, weekNumber, weekdayOf } from './calendar';
import type { HourlyCount } from './parse';

export interface DemandFitOptions {
  /** Fit a linear trend in weeks (default true). */
  trend?: boolean;
  /** Fit month effects (default true). */
  monthEffects?: boolean;
  /** Pseudo-observations pulling each month effect to 0 (default 200 hours). */
  monthShrinkage?: number;
  /** Only use the last N weeks of the series (default: all). */
  windowWeeks?: number;
  /** Backfitting sweeps (default 60). */
  iterations?: number;
}

/** A fitted model. Arrays: `cell[weekday 0–6][hour 0–23]`, NaN where no training data. */
export interface DemandModel {
  cell: number[][];
  /** Index 0 = January … 11 = December; log-scale effect. */
  month: number[];
  /** Log-scale change per week. */
  trendPerWeek: number;
  /** The week number the trend is centred on (mean over training hours). */
  centreWeek: number;
  /** Week number of the last training day: a query without a date is forecast for the week after. */
  lastWeek: number;
  residualSd: number[][];
  smear: number[][];
  trainedFrom: string;
  trainedTo: string;
  trainingHours: number;
}

/** A forecast question: a calendar day and hour, or a weekday, hour and month (week optional). */
export type DemandQuery =
  | { date: string; hour: number }
  | { weekday: number; hour: number; month: number; week?: number };

/** A forecast in entries per hour (persons/hour): mean, median and standard deviation. */
export interface DemandForecast {
  mean: number;
  median: number;
  sd: number;
}

interface Obs { wd: number; h: number; m: number; t: number; y: number }

const grid = (fill: number): number[][] => Array.from({ length: 7 }, () => new Array<number>(24).fill(fill));
const at = (g: number[][], wd: number, h: number): number => g[wd]?.[h] ?? Number.NaN;
const put = (g: number[][], wd: number, h: number, v: number): void => { const row = g[wd]; if (row) row[h] = v; };

function toObservations(series: readonly HourlyCount[], windowWeeks: number | undefined): Obs[] {
  const all = series.map((r) => ({ wd: weekdayOf(r.date), h: r.hour, m: monthOf(r.date) - 1, t: weekNumber(r.date), y: Math.log1p(r.count) }));
  if (windowWeeks === undefined || all.length === 0) return all;
  const end = Math.max(...all.map((o) => o.t));
  return all.filter((o) => o.t > end - windowWeeks);
}

function fitCells(obs: readonly Obs[], month: readonly number[], trend: number, centre: number): number[][] {
  const sum = grid(0);
  const n = grid(0);
  for (const o of obs) {
    put(sum, o.wd, o.h, at(sum, o.wd, o.h) + o.y - (month[o.m] ?? 0) - trend * (o.t - centre));
    put(n, o.wd, o.h, at(n, o.wd, o.h) + 1);
  }
  return sum.map((row, wd) => row.map((s, h) => (at(n, wd, h) > 0 ? s / at(n, wd, h) : Number.NaN)));
}

function fitMonths(obs: readonly Obs[], cell: number[][], trend: number, centre: number, shrink: number): number[] {
  const sum = new Array<number>(12).fill(0);
  const n = new Array<number>(12).fill(0);
  for (const o of obs) {
    sum[o.m] = (sum[o.m] ?? 0) + o.y - at(cell, o.wd, o.h) - trend * (o.t - centre);
    n[o.m] = (n[o.m] ?? 0) + 1;
  }
  const effect = sum.map((s, m) => s / ((n[m] ?? 0) + shrink));
  const total = n.reduce((a, b) => a + b, 0);
  const mean = effect.reduce((a, e, m) => a + e * (n[m] ?? 0), 0) / Math.max(total, 1);
  return effect.map((e) => e - mean);
}

function fitTrend(obs: readonly Obs[], cell: number[][], month: readonly number[], centre: number): number {
  let sxy = 0;
  let sxx = 0;
  for (const o of obs) {
    const x = o.t - centre;
    sxy += x * (o.y - at(cell, o.wd, o.h) - (month[o.m] ?? 0));
    sxx += x * x;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

function residualStats(obs: readonly Obs[], model: Omit<DemandModel, 'residualSd' | 'smear'>): { sd: number[][]; smear: number[][] } {
  const ss = grid(0);
  const ex = grid(0);
  const n = grid(0);
  let allSs = 0;
  for (const o of obs) {
    const e = o.y - logLevel(model, o.wd, o.h, o.m, o.t);
    put(ss, o.wd, o.h, at(ss, o.wd, o.h) + e * e);
    put(ex, o.wd, o.h, at(ex, o.wd, o.h) + Math.exp(e));
    put(n, o.wd, o.h, at(n, o.wd, o.h) + 1);
    allSs += e * e;
  }
  const pooled = Math.sqrt(allSs / Math.max(obs.length - 1, 1));
  const sd = ss.map((row, wd) => row.map((s, h) => (at(n, wd, h) >= 3 ? Math.sqrt(s / (at(n, wd, h) - 1)) : pooled)));
  const smear = ex.map((row, wd) => row.map((s, h) => (at(n, wd, h) >= 3 ? s / at(n, wd, h) : Math.exp((pooled * pooled) / 2))));
  return { sd, smear };
}

function logLevel(model: Pick<DemandModel, 'cell' | 'month' | 'trendPerWeek' | 'centreWeek'>, wd: number, h: number, m: number, t: number): number {
  return at(model.cell, wd, h) + (model.month[m] ?? 0) + model.trendPerWeek * (t - model.centreWeek);
}

/**
 * Fits the model to an hourly series (entries per hour; see parse.ts). Throws when the series is
 * empty. Closed days should already be absent (the parsers skip them).
 */
export function fitDemand(series: readonly HourlyCount[], options: DemandFitOptions = {}): DemandModel {
  const obs = toObservations(series, options.windowWeeks);
  if (obs.length === 0) throw new Error('fitDemand: no training hours');
  const useTrend = options.trend ?? true;
  const useMonths = options.monthEffects ?? true;
  const shrink = options.monthShrinkage ?? 200;
  const centre = obs.reduce((a, o) => a + o.t, 0) / obs.length;
  let month = new Array<number>(12).fill(0);
  let trend = 0;
  let cell = fitCells(obs, month, trend, centre);
  for (let i = 0; i < (options.iterations ?? 60) && (useTrend || useMonths); i++) {
    if (useMonths) month = fitMonths(obs, cell, trend, centre, shrink);
    if (useTrend) trend = fitTrend(obs, cell, month, centre);
    cell = fitCells(obs, month, trend, centre);
  }
  const dates = series.map((r) => r.date).sort();
  const base = {
    cell, month, trendPerWeek: trend, centreWeek: centre,
    lastWeek: Math.max(...obs.map((o) => o.t)),
    trainedFrom: dates[0] ?? '', trainedTo: dates[dates.length - 1] ?? '', trainingHours: obs.length,
  };
  return { ...base, ...(() => { const r = residualStats(obs, base); return { residualSd: r.sd, smear: r.smear }; })() };
}

/**
 * Forecasts entries per hour for one query. With a `date`, its weekday, month and week are used;
 * otherwise `week` defaults to the week after training (`lastWeek + 1`). A weekday × hour never
 * seen in training (e.g. outside opening hours) forecasts 0 with sd 0.
 */
export function predict(model: DemandModel, query: DemandQuery): DemandForecast {
  const q = 'date' in query
    ? { wd: weekdayOf(query.date), h: query.hour, m: monthOf(query.date) - 1, t: weekNumber(query.date) }
    : { wd: query.weekday, h: query.hour, m: query.month - 1, t: query.week ?? model.lastWeek + 1 };
  const mu = logLevel(model, q.wd, q.h, q.m, q.t);
  if (!Number.isFinite(mu)) return { mean: 0, median: 0, sd: 0 };
  const s = at(model.residualSd, q.wd, q.h);
  const smear = at(model.smear, q.wd, q.h);
  const mean = Math.max(0, smear * Math.exp(mu) - 1);
  const median = Math.max(0, Math.exp(mu) - 1);
  const sd = Math.exp(mu) * Math.sqrt(Math.exp(s * s) * (Math.exp(s * s) - 1));
  return { mean, median, sd };
}
