/**
 * Data-quality filter for hourly entry series. Pure.
 *
 * The IsItBusy counts have collector outages that leave a day with a handful of entries (for
 * example Circle 2023-02-14: 3 entries all day, against ~500 on a normal Tuesday). Such a day is
 * not low demand, and a log model fitted on it inflates every residual. A day is dropped as an
 * outage when its total is below `minShare` (default 0.2) of the median total of the same weekday
 * of the series given. The rule and threshold are ours (an assumption). `dropOutageDays` fits and
 * applies the medians on one series (the product's use: all history is training); an evaluation
 * fits them on the training part only (`fitOutageThresholds`) and applies them with `isOutageDay`.
 */
import { dayIndex, weekdayOf } from './calendar';
import type { HourlyCount } from './parse';

export interface OutageFilterResult {
  rows: HourlyCount[];
  /** Days dropped as outages, YYYY-MM-DD. */
  outageDays: string[];
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Total entries per day of `series`, keyed YYYY-MM-DD. */
export function dayTotals(series: readonly HourlyCount[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of series) totals.set(r.date, (totals.get(r.date) ?? 0) + r.count);
  return totals;
}

/** Days either side of a day whose same-weekday totals are its reference (3 weeks). */
export const OUTAGE_WINDOW_DAYS = 21;

/**
 * An outage filter fitted on `train` (the days before `cut`) only, for evaluations: no later
 * day decides what an outage is. A day's reference is the median total of the same-weekday
 * TRAINING days near it: within ±21 days of it for a training day (itself left out), within
 * ±21 days of the same day a year earlier (364 days) for a day at or after `cut`; with fewer
 * than 2 such days, the median of all training days of that weekday. A day is an outage when its
 * total is below `minShare` × its reference. Local references keep real seasons (a university
 * gym's summer at 1/20 of term) from being read as outages, as a whole-series median would.
 * Returns `(date, total) => boolean`.
 */
export function fitOutageFilter(train: readonly HourlyCount[], cut: string, minShare = 0.2): (date: string, total: number) => boolean {
  const totals = [...dayTotals(train)].filter(([d]) => d < cut).map(([date, total]) => ({ date, total, t: dayIndex(date), wd: weekdayOf(date) }));
  const byWeekday = new Map<number, typeof totals>();
  for (const x of totals) {
    const list = byWeekday.get(x.wd) ?? [];
    list.push(x);
    byWeekday.set(x.wd, list);
  }
  const whole = new Map([...byWeekday].map(([wd, list]) => [wd, median(list.map((x) => x.total))]));
  const cutT = dayIndex(cut);
  return (date, total) => {
    const t = dayIndex(date);
    const wd = weekdayOf(date);
    const centre = t < cutT ? t : t - 364;
    const near = (byWeekday.get(wd) ?? []).filter((x) => x.date !== date && Math.abs(x.t - centre) <= OUTAGE_WINDOW_DAYS).map((x) => x.total);
    const ref = near.length >= 2 ? median(near) : whole.get(wd) ?? 0;
    return total < minShare * ref;
  };
}

/** Drops days whose total entries are below `minShare` × the median total of their weekday. */
export function dropOutageDays(series: readonly HourlyCount[], minShare = 0.2): OutageFilterResult {
  const totals = dayTotals(series);
  const byWeekday = new Map<number, number[]>();
  for (const [date, total] of totals) {
    const list = byWeekday.get(weekdayOf(date)) ?? [];
    list.push(total);
    byWeekday.set(weekdayOf(date), list);
  }
  const threshold = new Map([...byWeekday].map(([wd, list]) => [wd, minShare * median(list)]));
  const outageDays = [...totals].filter(([date, t]) => t < (threshold.get(weekdayOf(date)) ?? 0)).map(([d]) => d).sort();
  const drop = new Set(outageDays);
  return { rows: series.filter((r) => !drop.has(r.date)), outageDays };
}
