/**
 * Weekly training volume for charts: sets and tonnage (Σ load × reps) per ISO week.
 * Weeks start on Monday (UTC). Body-weight sets (load 0) count as sets with 0 tonnage.
 */
import type { SetRecord } from '../types';
import { mondayOf, parseTime } from './dates';

export interface WeekVolume {
  /** Monday of the week, YYYY-MM-DD (UTC). */
  weekStart: string;
  /** Sets logged that week. */
  sets: number;
  /** Σ loadKg × reps over the week's sets, kg. */
  tonnageKg: number;
}

/**
 * Sets and tonnage per week, ascending by `weekStart`; only weeks with at least one set.
 * Sets with an unparseable time, or a non-finite load or reps, are ignored.
 */
export function weeklyVolume(history: readonly SetRecord[]): WeekVolume[] {
  const weeks = new Map<string, WeekVolume>();
  for (const set of history) {
    const ms = parseTime(set.performedAt);
    if (ms === null || !Number.isFinite(set.loadKg) || !Number.isFinite(set.reps)) continue;
    const weekStart = mondayOf(ms);
    const w = weeks.get(weekStart) ?? { weekStart, sets: 0, tonnageKg: 0 };
    w.sets += 1;
    w.tonnageKg += Math.max(0, set.loadKg) * Math.max(0, set.reps);
    weeks.set(weekStart, w);
  }
  return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}
