/**
 * Insights per member for the trainer: preference summary, acceptance rate, improvement and
 * consistency, weak and strong muscle groups, recommendation accuracy and next focus areas.
 * Pure: all inputs come in (trends and adherence from the weekly analysis, ../weekly).
 *
 * Thresholds (product choices, stated so a trainer can read them):
 * - a preference is summarised when its confidence is ≥ 0.2 (about 5 signals at α = 0.05) and it
 *   sits ≥ 0.05 from neutral;
 * - strength is "rising" above +0.25 %/week of e1RM, "falling" below −0.25 %/week (the median of the
 *   exercises' trends);
 * - a muscle group is strong at ≥ +0.5 %/week mean e1RM trend of the exercises it is primary in,
 *   weak at ≤ 0 %/week; at most 3 of each;
 * - a week is "on plan" when ≥ 80 % of its planned sessions were done.
 */
import type { Muscle } from '../types';
import type { ExerciseSession, Recommendation } from '../progression/types';
import type {
  ExerciseTrend, InsightInput, MemberInsights, MuscleArea, PreferenceDimension, PreferenceProfile, WeekAdherence,
} from './types';
import { PREFERENCE_DIMENSIONS } from './types';

const MIN_CONFIDENCE = 0.2;
const MIN_LEAN = 0.05;
const FLAT_PCT = 0.25;
const STRONG_PCT = 0.5;
const ON_PLAN = 0.8;
const MAX_AREAS = 3;
const LOAD_SLACK_KG = 0.01;

const PHRASES: Record<PreferenceDimension, readonly [high: string, low: string]> = {
  preferredIntensity: ['Prefers heavier, harder work', 'Prefers lighter, more comfortable loads'],
  volumeTolerance: ['Handles extra volume well', 'Tolerates extra volume poorly'],
  restPreference: ['Prefers longer rest between sets', 'Prefers shorter rest between sets'],
  exerciseVariety: ['Enjoys new exercises', 'Prefers familiar exercises'],
  progressionRate: ['Likes to progress quickly', 'Prefers slow, steady progression'],
  formFocus: ['Takes up form cues and warm-ups', 'Rarely wants form cues'],
};

const pct = (share: number): string => `${String(Math.round(share * 100))} %`;
const signedPct = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)} %/week`;

/**
 * Whether a recommendation's expected outcome was met by the session that followed it: every
 * suggested set done with at least `repMin` reps at (or above) the suggested load. `null` when the
 * session is of another exercise (no evidence either way).
 */
export function expectedOutcomeMet(recommendation: Recommendation, session: ExerciseSession): boolean | null {
  const s = recommendation.suggested;
  if (session.exerciseId !== s.exerciseId) return null;
  const good = session.sets.filter((set) => set.reps >= s.repMin && (s.loadKg === null || set.loadKg >= s.loadKg - LOAD_SLACK_KG));
  return good.length >= s.sets;
}

/** Preference sentences, strongest lean × confidence first. */
export function preferenceSummary(profile: PreferenceProfile): string[] {
  const leaning = PREFERENCE_DIMENSIONS.map((d) => ({ d, lean: profile.dimensions[d] - 0.5, conf: profile.confidence[d] }))
    .filter((x) => x.conf >= MIN_CONFIDENCE && Math.abs(x.lean) >= MIN_LEAN)
    .sort((a, b) => Math.abs(b.lean) * b.conf - Math.abs(a.lean) * a.conf);
  if (leaning.length === 0) {
    return [`Not enough feedback yet to read preferences (${String(profile.counts.total)} feedback so far).`];
  }
  return leaning.map(({ d, lean, conf }) => `${PHRASES[d][lean > 0 ? 0 : 1]} (${profile.dimensions[d].toFixed(2)} on 0–1, confidence ${pct(conf)}).`);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function improvement(trends: readonly ExerciseTrend[]): MemberInsights['improvement'] {
  const known = trends.map((t) => t.e1rmChangePctPerWeek).filter((v): v is number => v !== null);
  const m = median(known);
  if (m === null) return { e1rmChangePctPerWeek: null, sentence: 'No e1RM trend yet: fewer than two weeks of usable sets.' };
  const word = m > FLAT_PCT ? 'rising' : m < -FLAT_PCT ? 'falling' : 'flat';
  return { e1rmChangePctPerWeek: m, sentence: `Strength is ${word}: e1RM ${signedPct(m)} (median of ${String(known.length)} exercises).` };
}

function consistency(weeks: readonly WeekAdherence[]): MemberInsights['consistency'] {
  const planned = weeks.reduce((s, w) => s + w.planned, 0);
  if (planned === 0) return { adherence: null, weeksOnPlan: 0, weeks: weeks.length, sentence: 'No planned sessions yet.' };
  const done = weeks.reduce((s, w) => s + Math.min(w.done, w.planned), 0);
  const onPlan = weeks.filter((w) => w.planned > 0 && w.done >= ON_PLAN * w.planned).length;
  const withPlan = weeks.filter((w) => w.planned > 0).length;
  const adherence = done / planned;
  return {
    adherence, weeksOnPlan: onPlan, weeks: withPlan,
    sentence: `${pct(adherence)} of planned sessions done; ${String(onPlan)} of ${String(withPlan)} weeks on plan.`,
  };
}

/** Mean e1RM trend per primary muscle, over the exercises with a known trend. */
export function muscleAreas(trends: readonly ExerciseTrend[]): MuscleArea[] {
  const byMuscle = new Map<Muscle, number[]>();
  for (const t of trends) {
    if (t.e1rmChangePctPerWeek === null) continue;
    for (const m of t.primaryMuscles) byMuscle.set(m, [...(byMuscle.get(m) ?? []), t.e1rmChangePctPerWeek]);
  }
  return [...byMuscle].map(([muscle, v]) => ({ muscle, exercises: v.length, e1rmChangePctPerWeek: v.reduce((a, b) => a + b, 0) / v.length }))
    .sort((a, b) => b.e1rmChangePctPerWeek - a.e1rmChangePctPerWeek || a.muscle.localeCompare(b.muscle));
}

function focusAreas(profile: PreferenceProfile, weak: readonly MuscleArea[], adherence: number | null, accuracy: number | null): string[] {
  const out = weak.map((a) => `Bring up ${a.muscle.replace('_', ' ')}: e1RM ${signedPct(a.e1rmChangePctPerWeek)} over ${String(a.exercises)} exercise(s).`);
  if (adherence !== null && adherence < ON_PLAN) out.push(`Consistency: ${pct(adherence)} of planned sessions done — agree a schedule the member can keep.`);
  if (profile.confidence.formFocus >= MIN_CONFIDENCE && profile.dimensions.formFocus >= 0.5 + MIN_LEAN) out.push('Technique: form ratings and cues call for form focus and warm-ups.');
  const total = profile.counts.total;
  if (total > 0 && profile.counts.skipped / total > 0.4) out.push(`Recommendations: ${pct(profile.counts.skipped / total)} skipped — review what is being suggested with the member.`);
  if (accuracy !== null && accuracy < 0.6) out.push(`Recommendation fit: only ${pct(accuracy)} of accepted recommendations met their expected outcome — progress more conservatively.`);
  return out.length > 0 ? out : ['Keep the current plan: no weak area stands out.'];
}

/** Insights for one member (see the module comment for thresholds). Pure; no errors thrown. */
export function memberInsights(input: InsightInput): MemberInsights {
  const { profile } = input;
  const counts = profile.counts;
  const acceptedIds = new Set(input.entries.filter((e) => e.feedback.action === 'accepted').map((e) => e.recommendationId));
  const judged = input.outcomes.filter((o) => acceptedIds.has(o.recommendationId));
  const accuracy = judged.length === 0 ? null : judged.filter((o) => o.met).length / judged.length;
  const areas = muscleAreas(input.trends);
  const strongAreas = areas.filter((a) => a.e1rmChangePctPerWeek >= STRONG_PCT).slice(0, MAX_AREAS);
  const weakAreas = areas.filter((a) => a.e1rmChangePctPerWeek <= 0).reverse().slice(0, MAX_AREAS);
  const cons = consistency(input.adherence);
  return {
    memberId: profile.memberId,
    summary: preferenceSummary(profile),
    acceptanceRate: counts.total === 0 ? null : counts.accepted / counts.total,
    improvement: improvement(input.trends),
    consistency: cons,
    weakAreas,
    strongAreas,
    recommendationAccuracy: accuracy,
    nextFocusAreas: focusAreas(profile, weakAreas, cons.adherence, accuracy),
  };
}
