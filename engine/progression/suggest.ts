/**
 * The next session's recommendation for one exercise (issue 3 §1 "Output" and §2).
 *
 * 1. Features of the member's last 6 sessions of the exercise (features.ts).
 * 2. The rule (lp / dp / rir, with optional deload triggers) on the newest session (rules.ts, deload.ts).
 * 3. When the caller supplies the RIR model's load (`model.loadFor(reps, rir)`, engine/rir
 *    `loadForTarget`) and the rule progressed or held, the load is 0.7 × model + 0.3 × rule (the
 *    product specification's blend). A deload or reset keeps the rule's load: the model does not
 *    know why the rule cut it. The model's and the rule's loads are both shown in `sources`.
 * 4. A return after ≥ 14 days (domain.md: a layoff of two weeks or more) never adds load and is
 *    an `add_warmup` recommendation.
 * 5. The load is rounded to the member's inventory: nearest, down for a cut, and up to the next
 *    loadable step when a progression would otherwise round back to the same load (else a small
 *    increment could never be loaded: Liftosaur rounds the same way to the lifter's plates).
 * 6. Confidence: P(completes the suggestion within ±1 RIR of its target) from `model.predict`
 *    at the suggested load (confidence.ts); null without a prediction.
 * Safety limits are not applied here: engine/safety is the layer every recommendation passes.
 * Sessions of other exercises are ignored. With no `targetReps`, the previous session's reps are
 * the target (features.ts); with no RIR, no check-ins or no model, those parts are left out.
 * Errors: `RangeError` naming the field (now, check-ins, rule parameters, history).
 */
import { requireTime } from '../e1rm/dates';
import type { Exercise } from '../types';
import { formatLoad } from '../units/convert';
import { completionConfidence } from './confidence';
import type { RepsPredictor } from './confidence';
import { applyRule } from './deload';
import type { RuleSpec, RuleSpecState } from './deload';
import { LAYOFF_DAYS, REST_STEP_S, alternativesOf, chooseType, expectedOutcomeOf, factorsOf, riskOf } from './explain';
import { progressionFeatures, sessionsUpTo } from './features';
import type { ProgressionFeatures } from './features';
import { roundToInventory, takesInventoryLoad } from './inventory';
import { baseLoad } from './rules';
import type { RuleContext, RuleOutcome } from './rules';
import type { CheckIn, ExerciseSession, LoadInventory, Prescribed, Recommendation } from './types';

/** Weight of the RIR model's load in the blend (product specification: 0.7 model + 0.3 rule). */
export const MODEL_WEIGHT = 0.7;
/** Target RIR assumed for the model when neither the prescription nor the rule gives one. */
export const DEFAULT_TARGET_RIR = 2;

export interface SuggestInput {
  memberId: number;
  exercise: Exercise;
  prescribed: Prescribed;
  /** Sessions of this exercise (others are ignored), any order. */
  sessions: readonly ExerciseSession[];
  checkIns: readonly CheckIn[];
  rule: RuleSpec;
  inventory: LoadInventory;
  /** ISO-8601 time of the suggestion; sessions and check-ins after it are ignored. */
  now: string;
  /**
   * The RIR model: `loadFor` is its unrounded load (kg) for `reps` at `rir` in reserve, or null when
   * it has not learnt the exercise; `predict` its reps-to-failure prediction at a load, for the
   * confidence (confidence.ts). Without `predict` the confidence is null.
   */
  model?: { loadFor(reps: number, rir: number): number | null; predict?: RepsPredictor } | null;
  /** 1-based week of the block, for the end-of-block deload. */
  weekOfBlock?: number | null;
}

export interface SuggestResult {
  recommendation: Recommendation;
  /** Store it and pass it back next time (`withRuleState(spec, ruleState)`). */
  ruleState: RuleSpecState;
}

/** A short name of the rule with its parameters, e.g. `lp(+2.5 kg, 3 failures → 90 %)`. */
export function describeRule(spec: RuleSpec): string {
  switch (spec.kind) {
    case 'lp': return `lp(+${String(spec.params.incrementKg)} kg, ${String(spec.params.failuresToReset ?? 3)} failures → ${String(Math.round((spec.params.resetFraction ?? 0.9) * 100))} %)`;
    case 'dp': return `dp(+${String(spec.params.incrementKg)} kg, ${String(spec.params.repMin)}–${String(spec.params.repMax)} reps)`;
    case 'rir': return `rir(RIR ${String(spec.params.targetRir)}, ${String(spec.params.repMin)}–${String(spec.params.repMax)} reps)`;
  }
}

function targetRirOf(input: SuggestInput): number {
  if (input.prescribed.targetRir !== null) return input.prescribed.targetRir;
  return input.rule.kind === 'rir' ? input.rule.params.targetRir : DEFAULT_TARGET_RIR;
}

interface LoadChoice { rawKg: number | null; modelKg: number | null; blendedKg: number | null; finalKg: number | null }

function chooseLoad(input: SuggestInput, outcome: RuleOutcome<unknown>, originalKg: number | null, layoff: boolean): LoadChoice {
  const { exercise, inventory } = input;
  const ruleKg = outcome.next.loadKg;
  if (!takesInventoryLoad(exercise.equipment) || ruleKg === null) return { rawKg: null, modelKg: null, blendedKg: null, finalKg: null };
  const m = input.model?.loadFor(outcome.next.repMin, targetRirOf(input)) ?? null;
  const modelKg = m !== null && Number.isFinite(m) && m > 0 ? m : null;
  const blend = modelKg !== null && (outcome.event === 'progress' || outcome.event === 'hold');
  const blendedKg = blend ? MODEL_WEIGHT * modelKg + (1 - MODEL_WEIGHT) * ruleKg : null;
  let raw = Math.max(0, blendedKg ?? ruleKg);
  if (layoff && originalKg !== null) raw = Math.min(raw, originalKg);
  const cut = outcome.event === 'deload' || outcome.event === 'reset';
  let finalKg = roundToInventory(raw, exercise.equipment, inventory, cut ? 'down' : 'nearest', exercise.id);
  if (outcome.event === 'progress' && !blend && !layoff && finalKg !== null && originalKg !== null && raw > originalKg + 1e-6 && finalKg <= originalKg + 1e-6) {
    finalKg = roundToInventory(raw, exercise.equipment, inventory, 'up', exercise.id);
  }
  return { rawKg: ruleKg, modelKg, blendedKg, finalKg };
}

function reasoningOf(input: SuggestInput, outcome: RuleOutcome<unknown>, load: LoadChoice, f: ProgressionFeatures, layoff: boolean): string {
  const unit = input.inventory.unit;
  const parts = [`${input.exercise.name}: ${outcome.why}`];
  if (load.blendedKg !== null && load.modelKg !== null && load.rawKg !== null) {
    parts.push(`The RIR model says ${formatLoad(load.modelKg, unit, 1)} and the rule ${formatLoad(load.rawKg, unit, 1)}; blended 70/30 and rounded to ${formatLoad(load.finalKg, unit)}.`);
  } else if (load.finalKg !== null) parts.push(`Rounded to what the member can load: ${formatLoad(load.finalKg, unit)}.`);
  if (layoff) parts.push(`Last done ${String(f.daysSinceLast)} days ago: no load increase, add warm-up sets.`);
  const r = f.recovery;
  if (r !== null && (r.fatigue >= 8 || r.energy < 4 || r.painReported || r.illness)) {
    parts.push(`Check-in: fatigue ${String(r.fatigue)}, energy ${String(r.energy)}${r.painReported ? ', pain reported' : ''}${r.illness ? ', illness' : ''}.`);
  }
  return parts.join(' ');
}

/**
 * The next-session recommendation for one exercise and the rule state to store.
 * Pure and deterministic: `now` is an input. See the header for the method.
 */
export function suggestNext(input: SuggestInput): SuggestResult {
  const { exercise, prescribed, inventory } = input;
  const nowMs = requireTime(input.now, 'now');
  const own = input.sessions.filter((s) => s.exerciseId === exercise.id);
  const features = progressionFeatures(own, input.checkIns, input.now);
  const ordered = sessionsUpTo(own, nowMs);
  const last = ordered[ordered.length - 1] ?? null;
  const loaded = takesInventoryLoad(exercise.equipment);
  const current: RuleContext['current'] = {
    loadKg: loaded ? prescribed.loadKg : null, repMin: prescribed.repMin, repMax: prescribed.repMax, sets: prescribed.sets, targetRir: prescribed.targetRir,
  };
  const applied = applyRule(input.rule, last, { current, features, weekOfBlock: input.weekOfBlock ?? null });
  const outcome = applied.outcome;
  const originalKg = loaded ? baseLoad(current, last) : null;
  const layoff = features.daysSinceLast !== null && features.daysSinceLast >= LAYOFF_DAYS && outcome.event !== 'deload';
  const load = chooseLoad(input, outcome, originalKg, layoff);
  const type = chooseType({
    event: outcome.event, layoff, originalKg, suggestedKg: load.finalKg, fadedLate: features.last?.fadedLate ?? false, restS: prescribed.restS, minForm: features.last?.minForm ?? null,
  });
  const suggested: Prescribed = {
    ...prescribed, loadKg: load.finalKg, repMin: outcome.next.repMin, repMax: outcome.next.repMax, sets: outcome.next.sets,
    restS: type === 'modify_rest' ? prescribed.restS + REST_STEP_S : prescribed.restS,
  };
  const original: Prescribed = { ...prescribed, loadKg: loaded ? (prescribed.loadKg ?? originalKg) : null };
  const predict = input.model?.predict;
  const basis = predict ? completionConfidence(suggested, suggested.targetRir ?? targetRirOf(input), predict) : null;
  const recommendation: Recommendation = {
    memberId: input.memberId,
    exerciseId: exercise.id,
    type,
    original,
    suggested,
    confidence: basis?.probability ?? null,
    confidenceBasis: basis,
    reasoning: reasoningOf(input, outcome, load, features, layoff),
    factors: factorsOf(features),
    expectedOutcome: expectedOutcomeOf(type, suggested, inventory.unit, features),
    risk: riskOf(type, original.loadKg, suggested.loadKg, features),
    alternatives: alternativesOf(type, original, suggested, exercise.equipment, inventory, exercise.id),
    sources: {
      rule: { name: describeRule(input.rule), loadKg: load.rawKg, reps: outcome.next.repMin },
      model: load.modelKg === null ? null : { loadKg: load.modelKg, reps: outcome.next.repMin },
      blendedLoadKg: load.blendedKg,
    },
  };
  return { recommendation, ruleState: outcome.state };
}
