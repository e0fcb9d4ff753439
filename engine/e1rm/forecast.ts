/**
 * A forecast of a lifter's e1RM (or 1RM) on one lift at a future date, with an 80 % interval.
 *
 * Input: the lift's past points (date, e1RM in kg; e.g. `e1rmSeries` of a log, or meet bests),
 * in any order. Work is on the log scale (ln kg). Method (documented choices):
 * 1. Level: recency-weighted mean of the last `levelWeights.length` points' ln e1RM (newest
 *    first), moved `bestBlend` of the way toward the best of the last `bestWindow` points (a
 *    bad day or a bombed meet regresses toward what the lifter has shown).
 * 2. Trend: the lifter's own slope (least squares of ln e1RM on days, last `slopePoints`
 *    points) shrunk toward a population gain with weight `n / (n + slopeShrinkPoints)`, then
 *    clamped to ±`maxGainPerDay`. The population gain falls with experience:
 *    `priorGainPerDay · e / (e + n − 1)` for n points, e = `experiencePoints` (novices gain
 *    most). It accrues over at most `trendHorizonDays` from the last point: the trend is
 *    bounded, it cannot compound over years.
 * 3. Layoff: when the gap from the last point to `date` exceeds the lifter's usual rhythm
 *    (max(`layoffMinDays`, `layoffGapFactor` × their median gap between points); 14 days for
 *    training logs, domain.md's layoff; 540 days between meets), no gain is added and
 *    the detraining cut of `detrainingCut` applies instead (the planner's own assumption:
 *    −5 % after 15–56 days, −10 % to 182 days, −20 % beyond; McMaster et al. 2013, Sports Med
 *    43:1337; Mujika & Padilla 2000, Sports Med 30:79).
 * 4. Spread: ln sd = `spreadScale` · √(`baseVar` + `driftVarPerDay` · min(gap, `spreadSaturationDays`));
 *    the 80 % interval is mean · exp(±1.2816 sd). The variance saturates: a forecast years out
 *    is as uncertain as one `spreadSaturationDays` out, not more. `fitForecastSpread` fits the
 *    three numbers to residuals of a training sample.
 * The mean reported is exp(ln mean) (the median of the lognormal), the figure a trainer reads.
 */
import { MS_PER_DAY, requireTime } from './dates';

/** Days without the lift after which the planner cuts the e1RM (domain.md: a layoff of two weeks or more). */
export const DETRAINING_AFTER_DAYS = 14;
/** z of the 90th percentile of the standard normal (80 % central interval). */
export const Z80 = 1.2815515655446004;

/** The e1RM cut (fraction) the planner assumes after `days` without the lift. */
export function detrainingCut(days: number): number {
  if (days <= DETRAINING_AFTER_DAYS) return 0;
  if (days <= 56) return 0.05;
  if (days <= 182) return 0.1;
  return 0.2;
}

export interface E1rmObservation {
  /** ISO date or date-time. */
  date: string;
  /** e1RM (or tested 1RM) in kg, > 0. */
  e1rmKg: number;
}

export interface ForecastParams {
  /** Recency weights of the level, newest point first. */
  levelWeights: readonly number[];
  /** Share of the way from the level to the recent best (0: none). */
  bestBlend: number;
  /** Points the recent best is taken over. */
  bestWindow: number;
  /** Points of experience at which the population gain has halved (from its value at 1 point). */
  experiencePoints: number;
  /** Points used for the lifter's own slope. */
  slopePoints: number;
  /** Pseudo-points of the population gain in the shrinkage n / (n + k). */
  slopeShrinkPoints: number;
  /** Population ln gain per day. */
  priorGainPerDay: number;
  /** Largest |ln gain| per day. */
  maxGainPerDay: number;
  /** Days over which a trend accrues at most. */
  trendHorizonDays: number;
  /** A gap never counts as a layoff below this many days. */
  layoffMinDays: number;
  /** A gap above this many × the median gap between points (and above 14 days) is a layoff. */
  layoffGapFactor: number;
  /** Apply the planner's detraining cut on a layoff (false: only stop the gain). */
  layoffCut: boolean;
  baseVar: number;
  driftVarPerDay: number;
  spreadSaturationDays: number;
  spreadScale: number;
}

/**
 * For session-by-session training logs: level and trend chosen on the DericMei Strong export;
 * spread fitted on the 15 real lifters of `logs/` (bench `models` scores it leaving each out).
 */
export const LOG_FORECAST: ForecastParams = {
  levelWeights: [3, 2, 1], bestBlend: 0, bestWindow: 3, experiencePoints: 1e9, slopePoints: 8, slopeShrinkPoints: 8, priorGainPerDay: 0, maxGainPerDay: 0.002,
  trendHorizonDays: 28, layoffMinDays: DETRAINING_AFTER_DAYS, layoffGapFactor: 3, layoffCut: true,
  baseVar: 0.0094, driftVarPerDay: 0.00046, spreadSaturationDays: 90, spreadScale: 1,
};

/** For competition bests meet to meet (chosen and fitted on the even-LifterID half of the OpenPowerlifting sample, bench `models`). */
export const MEET_FORECAST: ForecastParams = {
  levelWeights: [1], bestBlend: 0.3, bestWindow: 1e9, experiencePoints: 2, slopePoints: 4, slopeShrinkPoints: 1e9,
  priorGainPerDay: 0.0003, maxGainPerDay: 0.001, trendHorizonDays: 180, layoffMinDays: 540, layoffGapFactor: 3, layoffCut: false,
  baseVar: 0.0018, driftVarPerDay: 0.0000155, spreadSaturationDays: 730, spreadScale: 1,
};

export interface E1rmForecast {
  /** Forecast e1RM, kg (median of the lognormal). */
  meanKg: number;
  /** Lower end of the 80 % interval, kg. */
  lowKg: number;
  /** Upper end of the 80 % interval, kg. */
  highKg: number;
  /** ln-scale sd of the forecast. */
  lnSd: number;
  /** Whole days from the last point to `date` (0 when `date` is not later). */
  daysAhead: number;
  /** The gap counts as a layoff: no gain, detraining instead. */
  layoff: boolean;
  /** ln gain per day used (after shrinkage and clamp; 0 on a layoff). */
  gainPerDay: number;
  /** Points the forecast used. */
  points: number;
}

interface Pt { day: number; ln: number }

function pointsBefore(history: readonly E1rmObservation[], dateMs: number): Pt[] {
  const out: Pt[] = [];
  for (const h of history) {
    const ms = requireTime(h.date, 'history.date');
    if (ms > dateMs) continue;
    if (!(h.e1rmKg > 0) || !Number.isFinite(h.e1rmKg)) throw new RangeError(`history.e1rmKg must be a positive number, got ${String(h.e1rmKg)}`);
    out.push({ day: ms / MS_PER_DAY, ln: Math.log(h.e1rmKg) });
  }
  return out.sort((a, b) => a.day - b.day);
}

function ownSlope(pts: readonly Pt[]): number {
  if (pts.length < 2) return 0;
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.day, 0) / n;
  const my = pts.reduce((s, p) => s + p.ln, 0) / n;
  let sxy = 0; let sxx = 0;
  for (const p of pts) { sxy += (p.day - mx) * (p.ln - my); sxx += (p.day - mx) ** 2; }
  return sxx > 0 ? sxy / sxx : 0;
}

function medianGap(pts: readonly Pt[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < pts.length; i++) gaps.push(pts[i]!.day - pts[i - 1]!.day);
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** ln sd of a forecast `days` ahead under `p` (saturating). */
export function forecastLnSd(p: ForecastParams, days: number): number {
  return p.spreadScale * Math.sqrt(p.baseVar + p.driftVarPerDay * Math.min(Math.max(days, 0), p.spreadSaturationDays));
}

/**
 * The forecast of the lift's e1RM at `date` (ISO) from the points at or before it, or `null`
 * when there are none. Throws `RangeError` on an unparseable date or a non-positive e1RM.
 */
export function forecastE1rm(history: readonly E1rmObservation[], date: string, params: ForecastParams = LOG_FORECAST): E1rmForecast | null {
  const dateMs = requireTime(date, 'date');
  const pts = pointsBefore(history, dateMs);
  if (pts.length === 0) return null;
  const recent = pts.slice(-params.levelWeights.length).reverse();
  let lnLevel = 0; let wSum = 0;
  recent.forEach((pt, i) => { const w = params.levelWeights[i] ?? 1; lnLevel += w * pt.ln; wSum += w; });
  lnLevel /= wSum;
  const best = Math.max(...pts.slice(-params.bestWindow).map((pt) => pt.ln));
  lnLevel += params.bestBlend * (best - lnLevel);
  const last = pts[pts.length - 1]!;
  const gap = Math.max(0, dateMs / MS_PER_DAY - last.day);
  const layoff = gap > Math.max(params.layoffMinDays, params.layoffGapFactor * medianGap(pts));
  const forSlope = pts.slice(-params.slopePoints);
  const n = forSlope.length - 1;
  const prior = params.priorGainPerDay * params.experiencePoints / (params.experiencePoints + pts.length - 1);
  const shrunk = (n * ownSlope(forSlope) + params.slopeShrinkPoints * prior) / (n + params.slopeShrinkPoints);
  const gainPerDay = layoff ? 0 : Math.max(-params.maxGainPerDay, Math.min(params.maxGainPerDay, shrunk));
  let lnMean = lnLevel + gainPerDay * Math.min(gap, params.trendHorizonDays);
  if (layoff && params.layoffCut) lnMean += Math.log(1 - detrainingCut(gap));
  const lnSd = forecastLnSd(params, gap);
  return {
    meanKg: Math.exp(lnMean), lowKg: Math.exp(lnMean - Z80 * lnSd), highKg: Math.exp(lnMean + Z80 * lnSd),
    lnSd, daysAhead: Math.floor(gap), layoff, gainPerDay, points: pts.length,
  };
}

/** One forecast residual for `fitForecastSpread`: ln(actual / forecast mean), days ahead. */
export interface SpreadResidual { lnError: number; days: number }

/**
 * Fits `baseVar`, `driftVarPerDay` (least squares of lnError² on min(days, saturation), both
 * kept ≥ 0) and `spreadScale` (so that 80 % of the sample falls inside ± Z80 · sd).
 * Throws `RangeError` on an empty sample.
 */
export function fitForecastSpread(residuals: readonly SpreadResidual[], p: ForecastParams): ForecastParams {
  if (residuals.length === 0) throw new RangeError('fitForecastSpread needs at least one residual');
  const xs = residuals.map((r) => Math.min(Math.max(r.days, 0), p.spreadSaturationDays));
  const ys = residuals.map((r) => r.lnError * r.lnError);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0; let sxx = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * (ys[i]! - my); sxx += (x - mx) ** 2; });
  const slope = Math.max(0, sxx > 0 ? sxy / sxx : 0);
  const base = Math.max(1e-6, my - slope * mx);
  const unscaled: ForecastParams = { ...p, baseVar: base, driftVarPerDay: slope, spreadScale: 1 };
  const z = residuals.map((r) => Math.abs(r.lnError) / forecastLnSd(unscaled, r.days)).sort((a, b) => a - b);
  const q80 = z[Math.max(0, Math.ceil(0.8 * n) - 1)]!;
  return { ...unscaled, spreadScale: q80 / Z80 };
}
