/**
 * Which plan session the member app offers today: the plan's week from its start (the Monday
 * of approval), then the first session of that week not trained on an earlier day; when all
 * are, the last one. Pure; dates are UTC calendar days (ISO `YYYY-MM-DD`).
 */
import type { PulledPlan } from './pull';

const DAY_MS = 86_400_000;

export function planWeekOn(plan: Pick<PulledPlan, 'startsOn' | 'sessions'>, today: string): number {
  const weeks = Math.max(1, ...plan.sessions.map((s) => s.week));
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${plan.startsOn}T00:00:00Z`)) / DAY_MS);
  return Math.min(weeks, Math.max(1, Math.floor(days / 7) + 1));
}

export function todaysSession(plan: PulledPlan, logs: ReadonlyArray<{ planSessionId: number | null; performedAt: string; voided?: boolean }>, today: string) {
  const week = planWeekOn(plan, today);
  const sessions = plan.sessions.filter((s) => s.week === week).sort((a, b) => a.day - b.day);
  if (sessions.length === 0) return null;
  const trainedBefore = new Set(logs.filter((l) => !l.voided && l.performedAt.slice(0, 10) < today).map((l) => l.planSessionId));
  const trainedToday = logs.find((l) => !l.voided && l.performedAt.slice(0, 10) === today && sessions.some((s) => s.id === l.planSessionId));
  if (trainedToday) return sessions.find((s) => s.id === trainedToday.planSessionId)!;
  return sessions.find((s) => !trainedBefore.has(s.id)) ?? sessions.at(-1)!;
}
