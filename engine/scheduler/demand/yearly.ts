/**
 * Year-aligned demand forecast for clubs with a strong yearly calendar (issue 14 item 5). Pure.
 *
 * University gyms follow the academic year: the IsItBusy MSU counts fall to about 1/20 in the
 * summer and to about a half in the winter break, and the switches fall in the same weeks every
 * year (semester start late August, break mid-December, spring term from mid-January). A
 * weekday × hour × month model cannot place a switch inside a month; the same week of earlier
 * years can. The forecast for day d, clock hour h, made with data before `cut`:
 *
 *   ŷ(d, h) = Σ_k w_k · g_k · y(d − 364·k, h) / Σ_k w_k,   k = 1 … `years`, w_k = 1 / k,
 *
 * over the years k whose day d − 364·k (same weekday, 52 weeks back) has an observed hour h;
 * g_k is the level of the last `levelWeeks` weeks before `cut` against the same days 364·k days
 * earlier (Σ counts over the (day, hour) pairs observed in both), bounded to [1/`maxGrowth`,
 * `maxGrowth`]. It carries the year-on-year growth (MSU West grew ~10 %/year). With no earlier
 * year for (d, h), the mean of the last 4 training weeks at that weekday × hour is used, else 0.
 * The weights 1/k, 8 level weeks and the bound 2 are our choices (nearer years weigh more; one
 * term-time month is long enough to see the level), not fitted to the test periods.
 * Counts are entries per hour (persons/hour); days are YYYY-MM-DD.
 */
import { addDays, dayIndex, weekdayOf } from './calendar';
import type { HourlyCount } from './parse';

export interface YearlyOptions {
  /** Earlier years averaged (default 3). */
  years?: number;
  /** Weeks before the cut the growth ratio is measured on (default 8). */
  levelWeeks?: number;
  /** Bound of each year's growth ratio g_k, both ways (default 2). */
  maxGrowth?: number;
  /** Weight of each of the days a week either side of d − 364·k against 1 for that day (default 0). */
  neighbourWeight?: number;
  /** Year weights w_k: '1/k' (default) or 'equal'. */
  yearWeights?: '1/k' | 'equal';
}

/** Days a year back on the same weekday. */
export const YEAR_DAYS = 364;

/** Key of a (day, hour): day index × 24 + hour. */
export const hourKey = (day: number, hour: number): number => day * 24 + hour;

/**
 * For each weekday × hour, the mean count over the training days of the last `weeks` weeks
 * before `cut`; a weekday × hour not seen there uses its latest earlier training days (up to
 * `weeks` of them). Keys `${weekday}:${hour}`.
 */
export function lastWeeksMeanTable(train: readonly HourlyCount[], cut: string, weeks = 4): Map<string, number> {
  const from = addDays(cut, -7 * weeks);
  const recent = new Map<string, { s: number; n: number }>();
  const older = new Map<string, { date: string; count: number }[]>();
  for (const r of train) {
    if (r.date >= cut) continue;
    const k = `${weekdayOf(r.date)}:${String(r.hour)}`;
    if (r.date >= from) {
      const a = recent.get(k) ?? { s: 0, n: 0 };
      a.s += r.count; a.n += 1;
      recent.set(k, a);
    } else {
      const list = older.get(k) ?? [];
      list.push({ date: r.date, count: r.count });
      older.set(k, list);
    }
  }
  const out = new Map<string, number>();
  for (const [k, a] of recent) out.set(k, a.s / a.n);
  for (const [k, list] of older) {
    if (out.has(k)) continue;
    const last = [...list].sort((a, b) => b.date.localeCompare(a.date)).slice(0, weeks);
    out.set(k, last.reduce((s, x) => s + x.count, 0) / last.length);
  }
  return out;
}

/** Growth ratio of the `levelWeeks` before `cut` against the same days `lagDays` earlier; null when no pair. */
export function growthRatio(byKey: ReadonlyMap<number, number>, train: readonly HourlyCount[], cut: string, lagDays: number, levelWeeks: number): number | null {
  const from = addDays(cut, -7 * levelWeeks);
  let now = 0; let then = 0; let pairs = 0;
  for (const r of train) {
    if (r.date < from || r.date >= cut) continue;
    const past = byKey.get(hourKey(dayIndex(r.date) - lagDays, r.hour));
    if (past === undefined) continue;
    now += r.count; then += past; pairs += 1;
  }
  return pairs === 0 || then <= 0 ? null : now / then;
}

/**
 * Fits the year-aligned forecast on `train` (days before `cut`, outage days already dropped)
 * and returns ŷ(date, hour) in entries/hour (see the header). Throws `RangeError` on options
 * out of range.
 */
export function fitYearly(train: readonly HourlyCount[], cut: string, options: YearlyOptions = {}): (date: string, hour: number) => number {
  const years = options.years ?? 3;
  const levelWeeks = options.levelWeeks ?? 8;
  const maxGrowth = options.maxGrowth ?? 2;
  if (!Number.isInteger(years) || years < 1 || years > 10) throw new RangeError(`years must be an integer 1–10, got ${String(years)}`);
  if (!(levelWeeks >= 1 && levelWeeks <= 52)) throw new RangeError(`levelWeeks must be within 1–52, got ${String(levelWeeks)}`);
  if (!(maxGrowth >= 1)) throw new RangeError(`maxGrowth must be ≥ 1, got ${String(maxGrowth)}`);
  const own = train.filter((r) => r.date < cut);
  const byKey = new Map(own.map((r) => [hourKey(dayIndex(r.date), r.hour), r.count]));
  const growth: (number | null)[] = [];
  for (let k = 1; k <= years; k++) {
    const g = growthRatio(byKey, own, cut, YEAR_DAYS * k, levelWeeks);
    growth.push(g === null ? null : Math.min(maxGrowth, Math.max(1 / maxGrowth, g)));
  }
  const fallback = lastWeeksMeanTable(own, cut, 4);
  const nw = options.neighbourWeight ?? 0;
  if (!(nw >= 0 && nw <= 1)) throw new RangeError(`neighbourWeight must be within 0–1, got ${String(nw)}`);
  const equal = options.yearWeights === 'equal';
  return (date, hour) => {
    const day = dayIndex(date);
    let s = 0; let w = 0;
    for (let k = 1; k <= years; k++) {
      const g = growth[k - 1];
      if (g === null || g === undefined) continue;
      const wk = equal ? 1 : 1 / k;
      for (const [lag, wl] of [[0, 1], [-7, nw], [7, nw]] as const) {
        if (wl === 0) continue;
        const past = byKey.get(hourKey(day - YEAR_DAYS * k + lag, hour));
        if (past === undefined) continue;
        s += wk * wl * g * past; w += wk * wl;
      }
    }
    return w > 0 ? s / w : fallback.get(`${weekdayOf(date)}:${String(hour)}`) ?? 0;
  };
}

/** The neighbour weights `fitYearlySelected` chooses among (default grid). */
export const YEARLY_GRID: readonly YearlyOptions[] = [0, 0.25, 0.5, 1].map((neighbourWeight) => ({ neighbourWeight }));

export interface YearlySelection {
  forecast: (date: string, hour: number) => number;
  chosen: YearlyOptions;
  /** Inner-origin MAE of each grid option, entries/hour (NaN when no inner hour). */
  innerMae: number[];
}

/**
 * The year-aligned forecast with its options chosen on the training data only: each option of
 * `grid` is fitted at `innerOrigins` earlier cuts (cut − j · `horizonWeeks` weeks, j = 1…J, on
 * the training days before each) and scored on the `horizonWeeks` weeks after each; the option
 * of lowest pooled MAE (ties: the earlier in `grid`) is refitted on all of `train`. No day at or
 * after `cut` is read, so an evaluation stays free of test leakage.
 */
export function fitYearlySelected(
  train: readonly HourlyCount[], cut: string,
  options: { grid?: readonly YearlyOptions[]; innerOrigins?: number; horizonWeeks?: number; seasonalOrigin?: boolean } = {},
): YearlySelection {
  const grid = options.grid ?? YEARLY_GRID;
  const inner = options.innerOrigins ?? 3;
  const h = options.horizonWeeks ?? 8;
  if (grid.length === 0) throw new RangeError('grid must hold at least one option');
  const own = train.filter((r) => r.date < cut);
  const err = grid.map(() => ({ s: 0, n: 0 }));
  const cuts = Array.from({ length: inner }, (_, j) => addDays(cut, -7 * h * (j + 1)));
  if (options.seasonalOrigin ?? false) cuts.push(addDays(cut, -YEAR_DAYS));
  for (const c of cuts) {
    const to = addDays(c, 7 * h);
    const before = own.filter((r) => r.date < c);
    const after = own.filter((r) => r.date >= c && r.date < to);
    if (before.length === 0 || after.length === 0) continue;
    grid.forEach((g, i) => {
      const f = fitYearly(before, c, g);
      for (const r of after) { err[i]!.s += Math.abs(f(r.date, r.hour) - r.count); err[i]!.n += 1; }
    });
  }
  const innerMae = err.map((e) => (e.n === 0 ? Number.NaN : e.s / e.n));
  let best = 0;
  innerMae.forEach((m, i) => { if (m < (innerMae[best] ?? Number.NaN) || Number.isNaN(innerMae[best] ?? Number.NaN)) best = i; });
  const chosen = grid[best]!;
  return { forecast: fitYearly(own, cut, chosen), chosen, innerMae };
}
