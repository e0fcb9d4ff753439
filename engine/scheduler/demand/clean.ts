/**
 * Data-quality filter for hourly entry series. Pure.
 *
 * The IsItBusy counts have collector outages that leave a day with a handful of entries (for
 * example Circle 2023-02-14: 3 entries all day, against ~500 on a normal Tuesday). Such a day is
 * not low demand, and a log model fitted on it inflates every residual. A day is dropped as an
 * outage when its total is below `minShare` (default 0.2) of the median total of the same weekday
 * over the whole series. The rule and threshold are ours (an assumption), applied to training and
 * held-out days alike, and the dropped days are reported.
 */
import { weekdayOf } from './calendar';
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

/** Drops days whose total entries are below `minShare` × the median total of their weekday. */
export function dropOutageDays(series: readonly HourlyCount[], minShare = 0.2): OutageFilterResult {
  const totals = new Map<string, number>();
  for (const r of series) totals.set(r.date, (totals.get(r.date) ?? 0) + r.count);
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
