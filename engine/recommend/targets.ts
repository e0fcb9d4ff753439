/**
 * Weekly working-set targets per muscle for the scorer's need component (score.ts), when the goal's
 * generic minimum (`WEEKLY_SET_TARGETS`) is not the best guess of what this member trains:
 *
 * - `planWeeklySets`: the approved plan's dose, sets per muscle in one (non-deload) week.
 * - `habitualWeeklySets`: the member's own dose, mean working sets per muscle per week over the last
 *   `weeks` weeks (warm-ups excluded), for members without an approved plan.
 *
 * Counting: a set counts 1 on each primary muscle and `SECONDARY_WEIGHT` (0.5) on each secondary one,
 * the "fractional" counting of indirect volume (Pelland et al. 2024), as `readHistory` counts
 * (history.ts). Exercises missing from `byId` are skipped.
 */
import type { Exercise, Muscle } from '../types';
import { SECONDARY_WEIGHT } from './history';
import type { RecommendSet } from './types';

const DAY = 86_400_000;
/** Workouts needed in the window before `habitualWeeklySets` trusts the member's own dose. */
export const HABIT_TARGET_MIN_WORKOUTS = 4;

function addSets(out: Partial<Record<Muscle, number>>, e: Exercise, sets: number): void {
  for (const m of e.primaryMuscles) out[m] = (out[m] ?? 0) + sets;
  for (const m of e.secondaryMuscles) out[m] = (out[m] ?? 0) + sets * SECONDARY_WEIGHT;
}

/**
 * The member's mean weekly working sets per muscle over the `weeks` weeks before `nowMs` (ms since
 * epoch). The window shrinks to the span since the first set in it (at least one week), so a member
 * who started 2 weeks ago is not divided by 8. Returns null with fewer than
 * `HABIT_TARGET_MIN_WORKOUTS` workouts (distinct `sessionKey`, else calendar day) in the window.
 */
export function habitualWeeklySets(
  history: readonly RecommendSet[], byId: ReadonlyMap<string, Exercise>, nowMs: number, weeks = 8,
): Partial<Record<Muscle, number>> | null {
  if (!(weeks > 0)) throw new RangeError(`weeks must be > 0, got ${weeks}`);
  const from = nowMs - weeks * 7 * DAY;
  const counts: Partial<Record<Muscle, number>> = {};
  const workouts = new Set<string>();
  let first = Infinity;
  for (const s of history) {
    const at = Date.parse(s.performedAt);
    if (!(at >= from && at < nowMs) || s.isWarmup) continue;
    const e = byId.get(s.exerciseId);
    if (e === undefined) continue;
    workouts.add(s.sessionKey ?? s.performedAt.slice(0, 10));
    first = Math.min(first, at);
    addSets(counts, e, 1);
  }
  if (workouts.size < HABIT_TARGET_MIN_WORKOUTS) return null;
  const spanWeeks = Math.max(1, Math.min(weeks, (nowMs - first) / (7 * DAY)));
  for (const m of Object.keys(counts) as Muscle[]) counts[m] = counts[m]! / spanWeeks;
  return counts;
}

/** Sets per muscle in one plan week: `prescriptions` are that week's `{ exerciseId, sets }`. Null when empty. */
export function planWeeklySets(
  prescriptions: ReadonlyArray<{ exerciseId: string; sets: number }>, byId: ReadonlyMap<string, Exercise>,
): Partial<Record<Muscle, number>> | null {
  const counts: Partial<Record<Muscle, number>> = {};
  let any = false;
  for (const p of prescriptions) {
    const e = byId.get(p.exerciseId);
    if (e === undefined || !(p.sets > 0)) continue;
    addSets(counts, e, p.sets);
    any = true;
  }
  return any ? counts : null;
}
