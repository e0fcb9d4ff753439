/**
 * Deload triggers and the rule dispatcher (`applyRule`).
 *
 * A deload is a lighter session (domain.md "Mesocycle": a block usually ends in a deload, "a
 * lighter week"). It is triggered, in this order, by:
 * 1. fatigue in the current check-in ≥ `fatigueAtLeast` (default 8, the specification's caution
 *    threshold, domain.md "Safety defaults");
 * 2. the end of the block: `weekOfBlock` ≥ `blockWeeks` (default none: the plan knows its blocks;
 *    a common hypertrophy block runs RIR 3 → 0 over 4–5 weeks, then deloads, domain.md);
 * 3. `failedSessions` failed sessions in a row (default 3, as Starting Strength's reset).
 * The deload session keeps the reps at `loadFraction` (0.9) of the load and `setsFraction` (0.5)
 * of the sets. These two are a common convention, not a published optimum: domain.md only says
 * "lighter". The session after a deload returns to what the base rule had proposed before it.
 * When both a deload trigger and the base rule's own reset count failures, the deload runs
 * first and holds the base rule's outcome (incl. its reset) for the session after.
 */
import type { RuleContext, RuleEvent, RuleNext, RuleOutcome } from './rules';
import { baseLoad, dp, lp, rirRule, sessionSucceeded } from './rules';
import type { DpParams, DpState, LpParams, LpState, RirParams, RirState } from './rules';
import type { ExerciseSession } from './types';

export interface DeloadParams {
  failedSessions?: number | null;
  fatigueAtLeast?: number | null;
  blockWeeks?: number | null;
  loadFraction?: number;
  setsFraction?: number;
}

export interface DeloadState {
  /** Failed sessions in a row (not counting a deload session). */
  failedInRow: number;
  /** What the base rule proposed when the deload began; null when not deloading. */
  deloadedFrom: RuleNext | null;
}

interface RuleTable {
  lp: { params: LpParams; state: LpState };
  dp: { params: DpParams; state: DpState };
  rir: { params: RirParams; state: RirState };
}
export type RuleKind = keyof RuleTable;

/** Which rule, its parameters and state, and the optional deload trigger with its state. */
export type RuleSpec = {
  [K in RuleKind]: {
    kind: K;
    params: RuleTable[K]['params'];
    state?: RuleTable[K]['state'] | null;
    deload?: DeloadParams | null;
    deloadState?: DeloadState | null;
  };
}[RuleKind];

/** The state to store after a session: put back into the spec with `withRuleState`. */
export interface RuleSpecState {
  state: LpState | DpState | RirState;
  deloadState: DeloadState;
}

export interface AppliedRule {
  outcome: RuleOutcome<RuleSpecState>;
  /** The base rule's own outcome (before any deload), for `sources.rule`. */
  base: RuleOutcome<unknown>;
  /** The trigger of a deload, or null. */
  trigger: string | null;
}

/** `spec` with the state returned by `applyRule` / `suggestNext`. */
export function withRuleState(spec: RuleSpec, ruleState: RuleSpecState): RuleSpec {
  return { ...spec, state: ruleState.state, deloadState: ruleState.deloadState } as RuleSpec;
}

function runBase(spec: RuleSpec, last: ExerciseSession | null, ctx: RuleContext): RuleOutcome<LpState | DpState | RirState> {
  switch (spec.kind) {
    case 'lp': return lp(spec.params, spec.state ?? null, last, ctx);
    case 'dp': return dp(spec.params, spec.state ?? null, last, ctx);
    case 'rir': return rirRule(spec.params, spec.state ?? null, last, ctx);
  }
}

/** The first deload trigger that fires, as a sentence, or null. */
export function deloadTrigger(params: DeloadParams, failedInRow: number, ctx: RuleContext): string | null {
  const fatigueAt = params.fatigueAtLeast === undefined ? 8 : params.fatigueAtLeast;
  const failedAt = params.failedSessions === undefined ? 3 : params.failedSessions;
  const fatigue = ctx.features.recovery?.fatigue ?? null;
  if (fatigueAt !== null && fatigue !== null && fatigue >= fatigueAt) return `fatigue ${String(fatigue)}/10 in the latest check-in (deload from ${String(fatigueAt)})`;
  const week = ctx.weekOfBlock ?? null;
  const blockWeeks = params.blockWeeks ?? null;
  if (blockWeeks !== null && week !== null && week >= blockWeeks) return `week ${String(week)} ends the ${String(blockWeeks)}-week block`;
  if (failedAt !== null && failedInRow >= failedAt) return `${String(failedInRow)} failed sessions in a row`;
  return null;
}

function checkDeloadParams(p: DeloadParams): { loadFraction: number; setsFraction: number } {
  const loadFraction = p.loadFraction ?? 0.9;
  const setsFraction = p.setsFraction ?? 0.5;
  if (!(loadFraction > 0 && loadFraction <= 1)) throw new RangeError(`deload.loadFraction must be within 0–1, got ${String(loadFraction)}`);
  if (!(setsFraction > 0 && setsFraction <= 1)) throw new RangeError(`deload.setsFraction must be within 0–1, got ${String(setsFraction)}`);
  return { loadFraction, setsFraction };
}

/**
 * Run the spec's rule on the last session, then the deload triggers. Pure; throws `RangeError`
 * naming the parameter when one is out of range.
 */
export function applyRule(spec: RuleSpec, last: ExerciseSession | null, ctx: RuleContext): AppliedRule {
  const dstate: DeloadState = spec.deloadState ?? { failedInRow: 0, deloadedFrom: null };
  const returning = dstate.deloadedFrom !== null;
  const base: RuleOutcome<LpState | DpState | RirState> = returning
    ? { next: dstate.deloadedFrom!, state: (spec.state ?? runBase(spec, null, ctx).state), event: 'hold', why: 'Deload done: back to the prescription from before it.' }
    : runBase(spec, last, ctx);
  const failedInRow = returning || last === null ? 0 : sessionSucceeded(last, ctx.current) ? 0 : dstate.failedInRow + 1;
  const trigger = spec.deload ? deloadTrigger(spec.deload, failedInRow, ctx) : null;
  if (trigger === null || !spec.deload) {
    return { outcome: { ...base, state: { state: base.state, deloadState: { failedInRow, deloadedFrom: null } } }, base, trigger: null };
  }
  const { loadFraction, setsFraction } = checkDeloadParams(spec.deload);
  // A deload that continues (fatigue still high) scales what came before the deload, not the deload itself.
  const before = dstate.deloadedFrom ?? { ...ctx.current, loadKg: baseLoad(ctx.current, last) };
  const next: RuleNext = {
    ...before, loadKg: before.loadKg === null ? null : before.loadKg * loadFraction, sets: Math.max(1, Math.round(before.sets * setsFraction)),
  };
  const event: RuleEvent = 'deload';
  const why = `Deload: ${trigger}. ${String(Math.round(loadFraction * 100))} % of the load, ${String(next.sets)} of ${String(before.sets)} sets.`;
  const deloadedFrom = dstate.deloadedFrom ?? base.next;
  return { outcome: { next: { loadKg: next.loadKg, repMin: next.repMin, repMax: next.repMax, sets: next.sets }, state: { state: base.state, deloadState: { failedInRow: 0, deloadedFrom } }, event, why }, base, trigger };
}
