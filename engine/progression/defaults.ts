/**
 * The product's default progression rule: what `recommendations/generate` uses for every member
 * and what `npm run bench -- progression` measures as "product default" (issue 14 item 3).
 *
 * RIR autoregulation (rules.ts `rirRule`) for every goal: the load at which the middle of the
 * prescribed rep range leaves the prescription's target RIR (2 when the plan gives none), from
 * the last session's best work set by Epley with RIR, capped at ≤ 10 reps (Reynolds et al. 2006,
 * domain.md "e1RM formulas"); a set logged without RIR or RPE is read as 1 RIR in reserve
 * (`unloggedRir`). No deload after failed sessions; a check-in fatigue of ≥ 8 still deloads
 * (domain.md "Safety defaults": the specification's caution threshold; the real logs carry no
 * check-ins, so the bench cannot exercise that trigger).
 *
 * Why this rule: on the 8 tuning lifters of `../shared/data/logs` it had the highest in-zone share
 * (implied RIR 0–4 at the next session's demonstrated e1RM) of the bench's candidates, and on the
 * 7 held-out lifters it beats "repeat last" and "+2.5 % when made"; linear progression and double
 * progression (the former defaults: lp for strength goals, dp otherwise) lose to both baselines
 * there (README "Models", bench `progression`, keys `progression_product_default_*`).
 *
 * Shapes: loads in kg; the returned spec is JSON-safe and carries no state (`withRuleState` adds it).
 */
import type { Exercise, Goal, WeightUnit } from '../types';
import type { RuleSpec } from './deload';
import type { Prescribed } from './types';

/** Target RIR of the default rule when the prescription gives none (the bench's prescriptions ask for 2). */
export const DEFAULT_RULE_TARGET_RIR = 2;
/** RIR read into a set logged without RIR or RPE (chosen among 0 and 1 on the tuning lifters). */
export const DEFAULT_UNLOGGED_RIR = 1;
/** Most reps of a work set that feeds the rule's e1RM (Reynolds et al. 2006; 15 lost on the tuning lifters). */
export const DEFAULT_MAX_REPS_FOR_E1RM = 10;
/** Check-in fatigue (1–10) from which the default rule deloads (domain.md "Safety defaults"). */
export const DEFAULT_FATIGUE_DELOAD = 8;

/**
 * The default rule for one prescription (see the header). The same rule for every goal and
 * equipment; `goal`, `exercise` and `unit` are accepted so that a goal-specific default can be
 * introduced here, measured, without touching callers. The target RIR is the prescription's,
 * clamped to the rule's 0–5, else `DEFAULT_RULE_TARGET_RIR`.
 */
export function defaultRule(_goal: Goal, p: Pick<Prescribed, 'repMin' | 'repMax' | 'targetRir'>, _exercise: Exercise, _unit: WeightUnit): RuleSpec {
  const targetRir = p.targetRir === null ? DEFAULT_RULE_TARGET_RIR : Math.min(5, Math.max(0, p.targetRir));
  return {
    kind: 'rir',
    params: { targetRir, repMin: p.repMin, repMax: p.repMax, unloggedRir: DEFAULT_UNLOGGED_RIR, e1rmWeight: 1, maxRepsForE1rm: DEFAULT_MAX_REPS_FOR_E1RM },
    deload: { failedSessions: null, fatigueAtLeast: DEFAULT_FATIGUE_DELOAD, loadFraction: 0.9, setsFraction: 0.5 },
  };
}
