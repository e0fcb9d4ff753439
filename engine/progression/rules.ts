/**
 * Progression rules: small parameterised models with explicit state, in the way of Liftosaur's
 * `lp(increment, successes, …, decrement, failures)` and `dp(increment, minReps, maxReps)`
 * (domain.md "Progression and deload rules in use"; style.md "Liftosaur").
 *
 * Every rule is `(params, state, lastSession, context) → RuleOutcome`: data in, data out, no
 * clock. Loads in kg and unrounded: the caller rounds to the member's inventory.
 *
 * | rule | params (defaults)                                                  | state                 |
 * |------|--------------------------------------------------------------------|-----------------------|
 * | lp   | incrementKg, successesNeeded 1, failuresToReset 3, resetFraction 0.9 | successes, failures |
 * | dp   | incrementKg, repMin, repMax, failuresToReset 3, resetFraction 0.9   | targetReps, failures  |
 * | rir  | targetRir, repMin, repMax                                           | e1rmKg (last known)   |
 * Sources: linear progression with a failure rule, Starting Strength resets to 90 % after 3
 * failed sessions; double progression adds reps to the top of the range, then load, back to the
 * bottom; RPE/RIR loading at least as effective as %1RM (Helms et al. 2018, Front Physiol 9:247),
 * all quoted in domain.md. The dp failure reset is our addition (Liftosaur's dp has none).
 */
import { epley1rm } from '../e1rm/formulas';
import type { ProgressionFeatures } from './features';
import { setRir } from './features';
import type { ExerciseSession, LoggedSet } from './types';

export type RuleEvent = 'progress' | 'hold' | 'reset' | 'deload';

/** The next session's prescription from a rule. `loadKg` null: body weight. */
export interface RuleNext {
  loadKg: number | null;
  repMin: number;
  repMax: number;
  sets: number;
}

export interface RuleOutcome<S> {
  next: RuleNext;
  state: S;
  /** `reset` also covers any load cut that is not a deload (e.g. autoregulation going down). */
  event: RuleEvent;
  /** One sentence a trainer can read. */
  why: string;
}

export interface RuleContext {
  /** The prescription the last session followed. loadKg null: the last session's top load is used. */
  current: RuleNext & { targetRir?: number | null };
  features: ProgressionFeatures;
  /** 1-based week of the training block, when known (deload at the end of the block). */
  weekOfBlock?: number | null;
}

/** Sets within 10 % of the session's top load are work sets; lighter ones are warm-ups. */
export const WORK_SET_FRACTION = 0.9;

/** The work sets of a session (see WORK_SET_FRACTION). */
export function workSets(session: ExerciseSession): LoggedSet[] {
  const top = session.sets.reduce((m, s) => Math.max(m, s.loadKg), 0);
  return session.sets.filter((s) => s.loadKg >= WORK_SET_FRACTION * top - 1e-9);
}

/** Load a rule progresses from: the prescription's, else the last session's top load. */
export function baseLoad(current: RuleNext, last: ExerciseSession | null): number | null {
  if (current.loadKg !== null) return current.loadKg;
  if (last === null || last.sets.length === 0) return null;
  const top = last.sets.reduce((m, s) => Math.max(m, s.loadKg), 0);
  return top > 0 ? top : null;
}

/**
 * Did the last session succeed? Every work set reached its reps (`targetReps`, else `reps`),
 * and at least one set reached the prescribed load. A set not done is not a failure (time,
 * not strength, is the usual reason); an empty session is one.
 */
export function sessionSucceeded(last: ExerciseSession, current: RuleNext, reps: number = current.repMin): boolean {
  const sets = workSets(last);
  if (sets.length === 0) return false;
  const top = sets.reduce((m, s) => Math.max(m, s.loadKg), 0);
  if (current.loadKg !== null && top < current.loadKg - 1e-6) return false;
  return sets.every((s) => s.reps >= (s.targetReps ?? reps));
}

function need(value: number, field: string, min: number, max = Number.POSITIVE_INFINITY): void {
  if (!Number.isFinite(value) || value < min || value > max) throw new RangeError(`${field} must be within ${String(min)}–${String(max)}, got ${String(value)}`);
}

const kg = (v: number) => `${String(Math.round(v * 100) / 100)} kg`;
const scale = (load: number | null, f: number) => (load === null ? null : load * f);
const add = (load: number | null, d: number) => (load === null ? null : load + d);

// ── Linear progression ────────────────────────────────────────────────────────────────────────
export interface LpParams { incrementKg: number; successesNeeded?: number; failuresToReset?: number; resetFraction?: number }
export interface LpState { successes: number; failures: number }

/** Linear progression: +incrementKg after `successesNeeded` successes; × resetFraction after `failuresToReset` failures. */
export function lp(params: LpParams, state: LpState | null, last: ExerciseSession | null, ctx: RuleContext): RuleOutcome<LpState> {
  const successesNeeded = params.successesNeeded ?? 1;
  const failuresToReset = params.failuresToReset ?? 3;
  const resetFraction = params.resetFraction ?? 0.9;
  need(params.incrementKg, 'lp.incrementKg', 0);
  need(successesNeeded, 'lp.successesNeeded', 1);
  need(failuresToReset, 'lp.failuresToReset', 1);
  need(resetFraction, 'lp.resetFraction', 0.1, 1);
  const s = state ?? { successes: 0, failures: 0 };
  const load = baseLoad(ctx.current, last);
  const next: RuleNext = { loadKg: load, repMin: ctx.current.repMin, repMax: ctx.current.repMax, sets: ctx.current.sets };
  if (last === null) return { next, state: s, event: 'hold', why: 'No session logged yet: start at the prescribed load.' };
  if (sessionSucceeded(last, ctx.current)) {
    const successes = s.successes + 1;
    if (successes >= successesNeeded) {
      return { next: { ...next, loadKg: add(load, params.incrementKg) }, state: { successes: 0, failures: 0 }, event: 'progress', why: `All sets done: add ${kg(params.incrementKg)}.` };
    }
    return { next, state: { successes, failures: 0 }, event: 'hold', why: `${String(successes)} of ${String(successesNeeded)} successful sessions before the next increase.` };
  }
  const failures = s.failures + 1;
  if (failures >= failuresToReset) {
    return { next: { ...next, loadKg: scale(load, resetFraction) }, state: { successes: 0, failures: 0 }, event: 'reset', why: `${String(failures)} failed sessions in a row: reset to ${String(Math.round(resetFraction * 100))} % of the load.` };
  }
  return { next, state: { successes: 0, failures }, event: 'hold', why: `Missed reps (${String(failures)} of ${String(failuresToReset)} failures before a reset): repeat the load.` };
}

// ── Double progression ────────────────────────────────────────────────────────────────────────
export interface DpParams { incrementKg: number; repMin: number; repMax: number; failuresToReset?: number; resetFraction?: number }
export interface DpState { targetReps: number; failures: number }

/** Double progression: reps up to repMax on all work sets, then +incrementKg and back to repMin. */
export function dp(params: DpParams, state: DpState | null, last: ExerciseSession | null, ctx: RuleContext): RuleOutcome<DpState> {
  const failuresToReset = params.failuresToReset ?? 3;
  const resetFraction = params.resetFraction ?? 0.9;
  need(params.incrementKg, 'dp.incrementKg', 0);
  need(params.repMin, 'dp.repMin', 1);
  need(params.repMax, 'dp.repMax', params.repMin);
  need(failuresToReset, 'dp.failuresToReset', 1);
  need(resetFraction, 'dp.resetFraction', 0.1, 1);
  const target = Math.min(params.repMax, Math.max(params.repMin, state?.targetReps ?? params.repMin));
  const failures = state?.failures ?? 0;
  const load = baseLoad(ctx.current, last);
  const at = (loadKg: number | null, reps: number): RuleNext => ({ loadKg, repMin: reps, repMax: params.repMax, sets: ctx.current.sets });
  if (last === null) return { next: at(load, target), state: { targetReps: target, failures }, event: 'hold', why: 'No session logged yet: start at the bottom of the range.' };
  const sets = workSets(last);
  const fewest = sets.length === 0 ? 0 : Math.min(...sets.map((s) => s.reps));
  const reachedLoad = ctx.current.loadKg === null || sets.some((s) => s.loadKg >= ctx.current.loadKg! - 1e-6);
  if (reachedLoad && fewest >= params.repMax) {
    return { next: at(add(load, params.incrementKg), params.repMin), state: { targetReps: params.repMin, failures: 0 }, event: 'progress', why: `${String(params.repMax)} reps on every set: add ${kg(params.incrementKg)} and return to ${String(params.repMin)} reps.` };
  }
  if (reachedLoad && fewest >= target) {
    const reps = Math.min(params.repMax, Math.max(target + 1, fewest));
    return { next: at(load, reps), state: { targetReps: reps, failures: 0 }, event: 'progress', why: `${String(target)} reps on every set: aim for ${String(reps)}.` };
  }
  if (failures + 1 >= failuresToReset) {
    return { next: at(scale(load, resetFraction), params.repMin), state: { targetReps: params.repMin, failures: 0 }, event: 'reset', why: `${String(failures + 1)} sessions short of ${String(target)} reps: reset to ${String(Math.round(resetFraction * 100))} % at ${String(params.repMin)} reps.` };
  }
  return { next: at(load, target), state: { targetReps: target, failures: failures + 1 }, event: 'hold', why: `Short of ${String(target)} reps on a set: repeat the load and aim again.` };
}

// ── RIR / RPE autoregulation ──────────────────────────────────────────────────────────────────
export interface RirParams {
  targetRir: number;
  repMin: number;
  repMax: number;
  /**
   * RIR assumed for a set logged without RIR or RPE. Default: the prescription's target (the
   * rule follows reps only). 0 reads such a set as taken to failure, the convention of
   * engine/e1rm (an unknown RIR can then only understate the e1RM, the safe side for loading).
   */
  unloggedRir?: number | null;
  /**
   * Weight (0–1] of the newest session's e1RM against the stored one (exponential smoothing,
   * e = w · newest + (1 − w) · stored). Default 1: the newest session alone. Smoothing damps the
   * day-to-day swing of a single session's best set.
   */
  e1rmWeight?: number;
  /**
   * Most reps a work set may have to feed the e1RM (default 10, Reynolds et al. 2006). Up to 15
   * lets a session of 11–15-rep work sets count: Epley at 15 reps gives 66.7 % of 1RM where the
   * NSCA table (domain.md) gives 65 %, an error far smaller than estimating from a lighter
   * back-off set or a stale e1RM, which is what the rule does when those sets are left out.
   */
  maxRepsForE1rm?: number;
}
export interface RirState { e1rmKg: number | null }

/** Loads within this fraction of the current load count as a hold. */
export const RIR_HOLD_BAND = 0.01;

/**
 * e1RM (kg) of the last session for autoregulation: best work set's Epley e1RM with reps + RIR
 * (domain.md), inputs capped at ≤ 10 reps + RIR and RIR ≤ 3 (Reynolds et al. 2006; reported
 * RIR is less reliable above 3). A set without RIR or RPE is taken to have left `assumedRir`
 * (`RirParams.unloggedRir`, by default the prescription's target: without RIR the rule can only
 * follow reps, not effort; 0 reads it as failure, the convention of engine/e1rm).
 */
export function autoregE1rm(last: ExerciseSession, assumedRir: number, maxReps = 10): number | null {
  let best: number | null = null;
  for (const s of workSets(last)) {
    const rir = setRir(s) ?? assumedRir;
    if (s.loadKg <= 0 || s.reps < 1 || s.reps > maxReps || rir < 0 || rir > 3) continue;
    const e = epley1rm(s.loadKg, s.reps + rir);
    if (best === null || e > best) best = e;
  }
  return best;
}

/** RIR autoregulation: the load at which mid-range reps leave `targetRir`, by inverse Epley. */
export function rirRule(params: RirParams, state: RirState | null, last: ExerciseSession | null, ctx: RuleContext): RuleOutcome<RirState> {
  need(params.targetRir, 'rir.targetRir', 0, 5);
  need(params.repMin, 'rir.repMin', 1);
  need(params.repMax, 'rir.repMax', params.repMin);
  const reps = Math.floor((params.repMin + params.repMax) / 2);
  const range = { repMin: reps, repMax: reps, sets: ctx.current.sets };
  const load = baseLoad(ctx.current, last);
  const w = params.e1rmWeight ?? 1;
  need(w, 'rir.e1rmWeight', 1e-6, 1);
  const assumed = params.unloggedRir ?? ctx.current.targetRir ?? params.targetRir;
  need(assumed, 'rir.unloggedRir', 0, 5);
  const maxReps = params.maxRepsForE1rm ?? 10;
  need(maxReps, 'rir.maxRepsForE1rm', 1, 15);
  const newest = last === null ? null : autoregE1rm(last, assumed, maxReps);
  const stored = state?.e1rmKg ?? null;
  const e1rm = newest !== null && stored !== null ? w * newest + (1 - w) * stored : newest ?? stored;
  if (e1rm === null || load === null) {
    return { next: { ...range, loadKg: load }, state: { e1rmKg: e1rm }, event: 'hold', why: 'No set to estimate from yet: keep the load and report RIR.' };
  }
  const target = e1rm / (1 + (reps + params.targetRir) / 30);
  const change = (target - load) / load;
  const event: RuleEvent = Math.abs(change) <= RIR_HOLD_BAND ? 'hold' : change > 0 ? 'progress' : 'reset';
  const why = `e1RM ${kg(e1rm)}: ${String(reps)} reps at RIR ${String(params.targetRir)} is about ${kg(target)}.`;
  return { next: { ...range, loadKg: target }, state: { e1rmKg: e1rm }, event, why };
}
