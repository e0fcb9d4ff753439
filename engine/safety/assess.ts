/**
 * Finds the dangerous situations that call for an override, not a mere tweak (domain.md
 * "Safety defaults": pain or injury, failed reps at RPE 10, a layoff of two weeks or more,
 * illness, a sudden e1RM drop, heart-rate red flags; issue 3 part 3).
 *
 * | situation        | detected when                                                                  | action  |
 * |------------------|--------------------------------------------------------------------------------|---------|
 * | pain             | check-in `painReported`                                                         | block   |
 * | illness          | check-in `illness`                                                              | block   |
 * | heart_rate       | resting HR > 100 bpm (tachycardia, AHA definition)                              | block   |
 * | heart_rate       | session peak ≥ observed HRmax, or ≥ Tanaka HRmax + 10 bpm (its ± 10 bpm error)  | replace −10 % |
 * | layoff           | ≥ `layoffDays` (14) since the exercise was last done                            | replace −5 % to 8 weeks, −10 % to 26 weeks, −20 % beyond (`layoffCut`) |
 * | failed_at_rpe10  | in the latest session, a set below its target reps at RPE 10 / RIR 0            | replace −10 % |
 * | e1rm_drop        | latest session's best e1RM < (1 − 0.10) × best of the 5 sessions before it       | replace −10 % (deload) |
 * The −10 % cuts follow Starting Strength's reset to 90 % (domain.md "Progression and deload
 * rules"). The layoff cut scales with the layoff's length as strength is lost (`layoffCut`): it is
 * the planner's detraining assumption (engine/e1rm/forecast.ts `detrainingCut`: strength is
 * largely kept for about 3 weeks and falls slowly after, McMaster et al. 2013, Sports Med
 * 43:1337; Mujika & Padilla 2000, Sports Med 30:79), at least 5 % so that a re-entry after two
 * weeks or more is always a lighter, warmed-up session (domain.md "Safety defaults"). The former
 * tiers (−10/−15/−20 % from 14/28/56 days, `LAYOFF_CUT_FORMER`) were our choice. Among the
 * former tiers, this schedule and "detraining + 5 %", this one had the highest in-zone share on
 * the tuning lifters of `npm run bench -- progression` (46.3 % vs 45.4 % former); on the held-out
 * lifters 74.2 % of its layoff re-entries were still too easy (82.6 % with the former tiers).
 * e1RM per session: best usable set, Epley (engine/e1rm, ≤ 10 reps, RIR 0–3).
 * Tanaka, Monahan & Seals 2001 (JACC 37:153–156): HRmax = 208 − 0.7 × age.
 */
import type { CheckIn, ExerciseSession, LoggedSet } from '../progression/types';
import { parseTime, requireTime, setE1rm, wholeDaysBetween } from '../e1rm';
import { detrainingCut } from '../e1rm/forecast';
import { DEFAULT_CONSTRAINTS, type SafetyConstraints } from './constraints';
import { SafetyInputError } from './errors';
import type { HeartRateReadings, SafetyContext, SafetySituation } from './types';

/** Sessions looked at for the e1RM drop: the latest and the 5 before it (issue 3: last 6 sessions). */
export const E1RM_DROP_WINDOW = 6;
/** Resting heart rate above which a session is blocked, bpm (tachycardia). */
export const RESTING_TACHYCARDIA_BPM = 100;
/** Margin over Tanaka's age-predicted HRmax before a peak is a red flag, bpm (Tanaka's ± 10). */
export const TANAKA_MARGIN_BPM = 10;
/** Load cut for a failed set at RPE 10, an e1RM drop and a heart-rate peak (reset to 90 %). */
export const STANDARD_CUT = 0.1;

/** Tanaka 2001 age-predicted maximum heart rate, bpm: 208 − 0.7 × age (years). */
export function tanakaHrMax(ageYears: number): number {
  return 208 - 0.7 * ageYears;
}

interface TimedSession { ms: number; session: ExerciseSession }

/** Sessions of `exerciseId` (all when undefined) at or before `nowMs`, oldest first; bad times skipped. */
export function sessionsBefore(history: readonly ExerciseSession[], exerciseId: string | undefined, nowMs: number): TimedSession[] {
  const out: TimedSession[] = [];
  for (const session of history) {
    if (exerciseId !== undefined && session.exerciseId !== exerciseId) continue;
    const ms = parseTime(session.performedAt);
    if (ms !== null && ms <= nowMs) out.push({ ms, session });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

function checkRating(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 1 || value > 10) throw new SafetyInputError(field, `must be in 1–10, got ${String(value)}`);
}

function checkBpm(value: number | null | undefined, field: string, max: number): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new SafetyInputError(field, `must be in (0, ${String(max)}], got ${String(value)}`);
}

/** Checks the ranges of a context. @throws SafetyInputError naming the field (e.g. `context.checkIn.fatigue`). */
export function validateContext(context: SafetyContext): void {
  requireTimeAs(context.now, 'context.now');
  const c = context.checkIn;
  if (c !== null) {
    for (const key of ['sleep', 'fatigue', 'soreness', 'energy'] as const) checkRating(c[key], `context.checkIn.${key}`);
  }
  if (context.formRating !== undefined && context.formRating !== null) checkRating(context.formRating, 'context.formRating');
  const hr = context.heartRate;
  if (hr) {
    checkBpm(hr.ageYears, 'context.heartRate.ageYears', 120);
    checkBpm(hr.restingBpm, 'context.heartRate.restingBpm', 250);
    checkBpm(hr.observedMaxBpm, 'context.heartRate.observedMaxBpm', 250);
    checkBpm(hr.sessionPeakBpm, 'context.heartRate.sessionPeakBpm', 250);
  }
}

function requireTimeAs(iso: string, field: string): number {
  try {
    return requireTime(iso, field);
  } catch {
    throw new SafetyInputError(field, `must be an ISO-8601 time, got "${iso}"`);
  }
}

function checkInSituations(c: CheckIn | null): SafetySituation[] {
  if (c === null) return [];
  const out: SafetySituation[] = [];
  if (c.painReported) {
    const where = c.painNote !== undefined && c.painNote.trim() !== '' ? ` (${c.painNote.trim()})` : '';
    out.push({
      kind: 'pain', action: 'block', loadCut: 0, suggestions: ['change_exercise', 'rest'],
      reason: `Pain or injury reported at check-in${where}: do not load this exercise today; pick one that does not hurt, or rest.`,
      evidence: { painReported: true, painNote: c.painNote ?? null },
    });
  }
  if (c.illness) {
    out.push({
      kind: 'illness', action: 'block', loadCut: 0, suggestions: ['rest'],
      reason: 'Illness reported at check-in: no training load today; rest until recovered.',
      evidence: { illness: true },
    });
  }
  return out;
}

function heartRateSituations(hr: HeartRateReadings | null | undefined): SafetySituation[] {
  if (!hr) return [];
  const out: SafetySituation[] = [];
  const resting = hr.restingBpm ?? null;
  if (resting !== null && resting > RESTING_TACHYCARDIA_BPM) {
    out.push({
      kind: 'heart_rate', action: 'block', loadCut: 0, suggestions: ['rest', 'see_a_clinician'],
      reason: `Resting heart rate ${String(resting)} bpm is above ${String(RESTING_TACHYCARDIA_BPM)} bpm (tachycardia): no training today; see a clinician if it persists.`,
      evidence: { restingBpm: resting },
    });
  }
  const peak = hr.sessionPeakBpm ?? null;
  const observed = hr.observedMaxBpm ?? null;
  const age = hr.ageYears ?? null;
  const limit = observed ?? (age === null ? null : tanakaHrMax(age) + TANAKA_MARGIN_BPM);
  if (peak !== null && limit !== null && peak >= limit) {
    const basis = observed !== null ? 'the observed maximum' : `Tanaka's HRmax (208 − 0.7 × ${String(age)}) + ${String(TANAKA_MARGIN_BPM)} bpm`;
    out.push({
      kind: 'heart_rate', action: 'replace', loadCut: STANDARD_CUT, suggestions: [],
      reason: `Session heart rate peaked at ${String(peak)} bpm, at or above ${basis} (${limit.toFixed(0)} bpm): load cut by 10 %.`,
      evidence: { sessionPeakBpm: peak, limitBpm: Math.round(limit), basis: observed !== null ? 'observed' : 'tanaka' },
    });
  }
  return out;
}

/** Load cut (fraction) on re-entry after `days` without the exercise (≥ `layoffDays`). */
export type LayoffCut = (days: number, layoffDays: number) => number;

/** Smallest layoff cut: a re-entry after a layoff is always lighter than before (our choice). */
export const LAYOFF_MIN_CUT = 0.05;

/**
 * The layoff cut in use: max(`LAYOFF_MIN_CUT`, detrainingCut(days)) = 5 % up to 56 days, 10 % up
 * to 182 days, 20 % beyond (see the header for the sources). `layoffDays` is not used: the cut
 * follows the time off, the threshold decides whether there is a layoff at all.
 */
export const layoffCut: LayoffCut = (days) => Math.max(LAYOFF_MIN_CUT, detrainingCut(days));

/** The former tiers, kept for the bench's comparison: 10 % below 2×, 15 % below 4×, else 20 % (× layoffDays). */
export const LAYOFF_CUT_FORMER: LayoffCut = (days, layoffDays) => (days < 2 * layoffDays ? 0.1 : days < 4 * layoffDays ? 0.15 : 0.2);

/** Options of `assessSafety` / `applySafety` for evaluation (the product uses the defaults). */
export interface SafetyOptions {
  /** The layoff cut schedule (default `layoffCut`). */
  layoffCut?: LayoffCut;
}

function layoffSituation(sessions: TimedSession[], nowMs: number, k: SafetyConstraints, schedule: LayoffCut): SafetySituation[] {
  const last = sessions[sessions.length - 1];
  if (last === undefined) return [];
  const days = wholeDaysBetween(last.ms, nowMs);
  if (days < k.layoffDays) return [];
  const cut = schedule(days, k.layoffDays);
  return [{
    kind: 'layoff', action: 'replace', loadCut: cut, suggestions: [],
    reason: `${String(days)} days since this exercise was last done (≥ ${String(k.layoffDays)}): re-enter at −${String(Math.round(cut * 100))} % load with extra warm-up sets.`,
    evidence: { daysSinceLast: days, lastPerformedAt: last.session.performedAt },
  }];
}

function failedAtRpe10(set: LoggedSet): boolean {
  const atFailure = (set.rpe !== null && set.rpe >= 10) || (set.rir !== null && set.rir <= 0);
  return atFailure && set.targetReps !== null && set.reps < set.targetReps;
}

function failureSituation(sessions: TimedSession[]): SafetySituation[] {
  const last = sessions[sessions.length - 1];
  const failed = last?.session.sets.find(failedAtRpe10);
  if (last === undefined || failed === undefined) return [];
  return [{
    kind: 'failed_at_rpe10', action: 'replace', loadCut: STANDARD_CUT, suggestions: [],
    reason: `Last session (${last.session.performedAt.slice(0, 10)}) a set reached failure (RPE 10) at ${String(failed.reps)} of ${String(failed.targetReps)} target reps with ${String(failed.loadKg)} kg: load cut by 10 %.`,
    evidence: { loadKg: failed.loadKg, reps: failed.reps, targetReps: failed.targetReps, performedAt: last.session.performedAt },
  }];
}

/** Best Epley e1RM (kg) of a session's usable sets, or null. */
export function sessionBestE1rm(session: ExerciseSession): number | null {
  let best: number | null = null;
  for (const s of session.sets) {
    const e = setE1rm({ exerciseId: session.exerciseId, performedAt: session.performedAt, loadKg: s.loadKg, reps: s.reps, rir: s.rir, rpe: s.rpe });
    if (e !== null && (best === null || e > best)) best = e;
  }
  return best;
}

function e1rmDropSituation(sessions: TimedSession[], k: SafetyConstraints): SafetySituation[] {
  const window = sessions.slice(-E1RM_DROP_WINDOW);
  const last = window[window.length - 1];
  const latest = last === undefined ? null : sessionBestE1rm(last.session);
  if (last === undefined || latest === null) return [];
  let previousBest: number | null = null;
  for (const t of window.slice(0, -1)) {
    const e = sessionBestE1rm(t.session);
    if (e !== null && (previousBest === null || e > previousBest)) previousBest = e;
  }
  if (previousBest === null || latest >= (1 - k.e1rmDropFraction) * previousBest) return [];
  const drop = 1 - latest / previousBest;
  return [{
    kind: 'e1rm_drop', action: 'replace', loadCut: STANDARD_CUT, suggestions: [],
    reason: `e1RM fell ${(drop * 100).toFixed(1)} % (${latest.toFixed(1)} kg vs a best of ${previousBest.toFixed(1)} kg in the previous sessions, limit ${String(Math.round(k.e1rmDropFraction * 100))} %): deload at −10 % load.`,
    evidence: { latestE1rmKg: Math.round(latest * 10) / 10, previousBestE1rmKg: Math.round(previousBest * 10) / 10, dropFraction: Math.round(drop * 1000) / 1000 },
  }];
}

/**
 * The dangerous situations for one exercise (or the whole history when `exerciseId` is
 * omitted), in a fixed order: pain, illness, heart rate, layoff, failed at RPE 10, e1RM drop.
 * Pure: `context.now` is the clock.
 * @throws SafetyInputError when the context is out of range (see `validateContext`).
 */
export function assessSafety(context: SafetyContext, exerciseId?: string, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS, options: SafetyOptions = {}): SafetySituation[] {
  validateContext(context);
  const nowMs = requireTimeAs(context.now, 'context.now');
  const sessions = sessionsBefore(context.history, exerciseId, nowMs);
  return [
    ...checkInSituations(context.checkIn),
    ...heartRateSituations(context.heartRate),
    ...layoffSituation(sessions, nowMs, constraints, options.layoffCut ?? layoffCut),
    ...failureSituation(sessions),
    ...e1rmDropSituation(sessions, constraints),
  ];
}

/** The form rating to use: `context.formRating`, else the lowest rating in the latest session, else null. */
export function currentFormRating(context: SafetyContext, exerciseId?: string): number | null {
  if (context.formRating !== undefined && context.formRating !== null) return context.formRating;
  const nowMs = parseTime(context.now) ?? Number.POSITIVE_INFINITY;
  const last = sessionsBefore(context.history, exerciseId, nowMs).pop();
  let low: number | null = null;
  for (const s of last?.session.sets ?? []) if (s.form !== null && (low === null || s.form < low)) low = s.form;
  return low;
}
