/**
 * Adherence from phone logs, for the weekly review and the insights: per plan week (counted
 * from the Monday of approval), the planned sessions and those with sets logged against them,
 * and per prescription done / partial / skipped (engine/sync/adherence.ts).
 */
import type { Db } from '../../../db/open';
import { linkedSets } from '../../../db/sync';
import { countAdherence, prescriptionAdherence, type AdherenceCounts } from '../../../engine/sync/adherence';
import type { WeekAdherence } from '../../../engine/preferences/types';
import { pulledPlan } from '../../sync/pull';

const WEEK_MS = 7 * 86_400_000;

/** Plan weeks begun by `nowMs`: planned sessions and sessions with phone-logged sets. */
export function phoneWeekAdherence(db: Db, memberId: number, nowMs: number): WeekAdherence[] {
  const plan = pulledPlan(db, memberId);
  if (!plan) return [];
  const logged = new Set(linkedSets(db, memberId, 5000).map((s) => s.planSessionId));
  const start = Date.parse(`${plan.startsOn}T00:00:00Z`);
  const weeks = [...new Set(plan.sessions.map((s) => s.week))].sort((a, b) => a - b).filter((w) => start + (w - 1) * WEEK_MS <= nowMs);
  return weeks.map((w) => {
    const sessions = plan.sessions.filter((s) => s.week === w);
    return { weekStart: new Date(start + (w - 1) * WEEK_MS).toISOString().slice(0, 10), planned: sessions.length, done: sessions.filter((s) => logged.has(s.id)).length };
  });
}

/** Done / partial / skipped over the prescriptions of plan week `week`'s sessions that were trained on a phone. */
export function phoneWeekCounts(db: Db, memberId: number, week: number): AdherenceCounts & { prescriptions: number } {
  const plan = pulledPlan(db, memberId);
  const sets = linkedSets(db, memberId, 5000);
  const trained = new Set(sets.map((s) => s.planSessionId));
  const rows = (plan?.sessions ?? []).filter((s) => s.week === week && trained.has(s.id))
    .flatMap((s) => s.prescriptions.map((p) => prescriptionAdherence(p, sets.map((x) => ({ prescriptionId: x.prescriptionId, loadKg: x.loadKg, reps: x.reps })))));
  return { ...countAdherence(rows), prescriptions: rows.length };
}
