/**
 * The safety pass every recommendation goes through (issue 3 part 3; limits from domain.md's
 * safety table, see constraints.ts; situations from assess.ts).
 *
 * | situation (assess.ts)           | status    | what happens                                                          |
 * |---------------------------------|-----------|-----------------------------------------------------------------------|
 * | pain                            | blocked   | no recommendation; suggest change_exercise or rest                    |
 * | illness                         | blocked   | no recommendation; suggest rest                                       |
 * | heart_rate (resting > 100 bpm)  | blocked   | no recommendation; suggest rest, see a clinician                      |
 * | layoff ≥ 14 d                   | replaced  | decrease_weight to original × (0.95 / 0.90 / 0.80 by length, assess.ts `layoffCut`) + add_warmup |
 * | failed at RPE 10                | replaced  | decrease_weight to original × 0.90                                    |
 * | heart_rate (peak ≥ HRmax)       | replaced  | decrease_weight to original × 0.90                                    |
 * | e1RM drop > 10 %                | replaced  | deload: original × 0.90 load, sets cut by a third (our choice)        |
 * | fatigue ≥ 8                     | adjusted  | load capped at the original (no increase); risk ≥ medium              |
 * | form < 6                        | adjusted  | load ≤ original × 0.90; suggest_form_focus alternative; risk ≥ medium |
 * | load step, reps, rest           | adjusted  | load ≤ original × 1.10, reps ≥ ceil(0.8 × planned), rest ≥ 30 s        |
 * Several replacing situations: the deepest cut wins; the type is `deload` when an e1RM drop is
 * among them. Replacements are built from `original` and never raise the load above the
 * progression's own suggestion. Constraints then clamp the result (and every alternative).
 *
 * Idempotent: `applySafety(applySafety(r).recommendation)` returns the same recommendation.
 * Safety notes live in factors named `safety_*`; the reasoning is the progression's text
 * followed by `SAFETY_MARK` and those notes.
 */
import type { Alternative, Factor, Prescribed, Recommendation, RecommendationType, Risk } from '../progression/types';
import { assessSafety, currentFormRating, type SafetyOptions } from './assess';
import { clampPrescribed, fmt, validatePrescribed, type ClampLimits } from './clamp';
import { DEFAULT_CONSTRAINTS, SAFETY_EPS, type SafetyConstraints } from './constraints';
import type { Override, SafetyContext, SafetyDecision, SafetySituation } from './types';

/** Separates the progression's reasoning from the safety layer's notes. */
export const SAFETY_MARK = ' — Safety: ';
/** Factor names the safety layer writes start with this. */
export const SAFETY_FACTOR_PREFIX = 'safety_';
/** Share of sets kept in a safety deload (our choice: a third fewer sets). */
export const DELOAD_SET_SHARE = 2 / 3;

const RISK_ORDER: readonly Risk[] = ['low', 'medium', 'high'];
const maxRisk = (a: Risk, b: Risk): Risk => (RISK_ORDER.indexOf(a) >= RISK_ORDER.indexOf(b) ? a : b);

function roundDown(kg: number, context: SafetyContext): number {
  const r = context.roundDownKg?.(kg);
  return r === null || r === undefined || !Number.isFinite(r) || r > kg + SAFETY_EPS || r < 0 ? kg : r;
}

function snapshot(rec: Recommendation): { type: RecommendationType; suggested: Prescribed } {
  return { type: rec.type, suggested: rec.suggested };
}

function blocked(rec: Recommendation, situations: SafetySituation[]): SafetyDecision {
  const overrides: Override[] = situations.map((s) => ({
    kind: s.kind,
    reason: s.action === 'block' ? s.reason : `${s.reason} (superseded: the exercise is blocked today)`,
    before: snapshot(rec),
    after: s.action === 'block' ? { blocked: true, suggestions: s.suggestions } : null,
  }));
  return { status: 'blocked', recommendation: null, overrides };
}

interface Replacement { type: RecommendationType; suggested: Prescribed; alternatives: Alternative[] }

function replacementFor(rec: Recommendation, replacing: SafetySituation[], context: SafetyContext): Replacement {
  const cut = Math.max(...replacing.map((s) => s.loadCut));
  const isDeload = replacing.some((s) => s.kind === 'e1rm_drop');
  const o = rec.original;
  let loadKg: number | null = rec.suggested.loadKg;
  if (o.loadKg !== null && o.loadKg > 0) {
    const target = o.loadKg * (1 - cut);
    loadKg = loadKg !== null && loadKg < target ? loadKg : roundDown(target, context);
  } else if (loadKg !== null && loadKg > (o.loadKg ?? 0)) {
    loadKg = o.loadKg; // no original load: no increase while a dangerous situation stands
  }
  const sets = isDeload ? Math.max(1, Math.ceil(o.sets * DELOAD_SET_SHARE - SAFETY_EPS)) : o.sets;
  const suggested: Prescribed = { ...o, loadKg, sets };
  const alternatives: Alternative[] = [];
  if (replacing.some((s) => s.kind === 'layoff')) {
    alternatives.push({
      type: 'add_warmup', suggested,
      reasoning: 'Safety: after a layoff, add 2–3 ramp-up warm-up sets (about 40 %, 60 % and 80 % of the working load) before the working sets.',
    });
  }
  return { type: isDeload ? 'deload' : 'decrease_weight', suggested, alternatives };
}

/** Keeps the type honest after clamping: no `increase_weight` that does not increase. */
function retype(type: RecommendationType, original: Prescribed, suggested: Prescribed): RecommendationType {
  const before = original.loadKg ?? 0;
  const after = suggested.loadKg ?? 0;
  if (after < before - SAFETY_EPS && type !== 'decrease_weight' && type !== 'deload') return 'decrease_weight';
  if (type === 'increase_weight' && after <= before + SAFETY_EPS) return 'adjust_reps';
  return type;
}

function clampAlternatives(rec: Recommendation, alternatives: Alternative[], limits: ClampLimits, k: SafetyConstraints): { alternatives: Alternative[]; overrides: Override[] } {
  const overrides: Override[] = [];
  const out = alternatives.map((alt) => {
    const c = clampPrescribed(rec.original, alt.suggested, limits, k, `Alternative ${alt.type}: `);
    if (c.overrides.length === 0) return alt;
    overrides.push(...c.overrides);
    const type = retype(alt.type, rec.original, c.prescribed);
    return { type, suggested: c.prescribed, reasoning: `${alt.reasoning} (clamped by the safety layer)` };
  });
  return { alternatives: out, overrides };
}

function formFocusAlternative(suggested: Prescribed, form: number): Alternative {
  return {
    type: 'suggest_form_focus', suggested,
    reasoning: `Safety: form was rated ${String(form)}/10; spend the warm-up on technique cues, or swap to an easier variant (engine/session easierAlternative).`,
  };
}

function annotate(rec: Recommendation, next: Omit<Recommendation, 'reasoning' | 'factors' | 'risk'>, overrides: Override[], risk: Risk): Recommendation {
  const notes = new Map<string, Factor>();
  for (const f of rec.factors) if (f.name.startsWith(SAFETY_FACTOR_PREFIX)) notes.set(f.name, f);
  const groups = new Map<string, string[]>();
  for (const o of overrides) {
    const name = `${SAFETY_FACTOR_PREFIX}${o.constraint ?? o.kind}`;
    const reasons = groups.get(name) ?? [];
    if (!reasons.includes(o.reason)) reasons.push(o.reason);
    groups.set(name, reasons);
  }
  for (const [name, reasons] of groups) notes.set(name, { name, value: 'override', note: reasons.join(' ') });
  const factors = [...rec.factors.filter((f) => !f.name.startsWith(SAFETY_FACTOR_PREFIX)), ...notes.values()];
  const base = rec.reasoning.split(SAFETY_MARK)[0] ?? rec.reasoning;
  const reasoning = `${base}${SAFETY_MARK}${[...notes.values()].map((f) => f.note).join(' ')}`;
  return { ...next, reasoning, factors, risk: maxRisk(rec.risk, risk) };
}

/**
 * Passes one recommendation through the safety layer (see the table above).
 * @param rec the progression's recommendation; `original` is what the limits are measured from.
 * @param context check-in, history, form, heart rate and the clock (`now`).
 * @param constraints the limits; defaults from domain.md's safety table.
 * @returns status, the safe recommendation (null when blocked) and one override per change, each with its reason.
 * @throws SafetyInputError when the recommendation or context is out of range (the field is named).
 */
export function applySafety(rec: Recommendation, context: SafetyContext, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS, options: SafetyOptions = {}): SafetyDecision {
  validatePrescribed(rec.original, 'rec.original');
  validatePrescribed(rec.suggested, 'rec.suggested');
  const situations = assessSafety(context, rec.exerciseId, constraints, options);
  if (situations.some((s) => s.action === 'block')) return blocked(rec, situations);
  const replacing = situations.filter((s) => s.action === 'replace');
  const replacement = replacing.length > 0 ? replacementFor(rec, replacing, context) : null;
  const overrides: Override[] = [];
  if (replacement !== null) {
    const after = { type: replacement.type, suggested: replacement.suggested };
    for (const s of replacing) overrides.push({ kind: s.kind, reason: s.reason, before: snapshot(rec), after });
  }
  const form = currentFormRating(context, rec.exerciseId);
  const limits: ClampLimits = { fatigue: context.checkIn?.fatigue ?? null, form, roundDownKg: context.roundDownKg };
  const main = clampPrescribed(rec.original, replacement?.suggested ?? rec.suggested, limits, constraints);
  overrides.push(...main.overrides);
  const alts = clampAlternatives(rec, replacement?.alternatives ?? rec.alternatives, limits, constraints);
  overrides.push(...alts.overrides);
  if (overrides.length === 0) return { status: 'pass', recommendation: rec, overrides: [] };
  const poorForm = form !== null && form < constraints.reduceLoadBelowForm;
  const alternatives = poorForm && !alts.alternatives.some((a) => a.type === 'suggest_form_focus')
    ? [...alts.alternatives, formFocusAlternative(main.prescribed, form)] : alts.alternatives;
  const type = retype(replacement?.type ?? rec.type, rec.original, main.prescribed);
  const cautious = poorForm || (limits.fatigue !== null && limits.fatigue >= constraints.cautionFatigue);
  const risk: Risk = replacing.some((s) => s.kind === 'heart_rate') ? 'high' : replacement !== null || cautious ? 'medium' : 'low';
  const recommendation = annotate(rec, { ...rec, type, suggested: main.prescribed, alternatives }, overrides, risk);
  return { status: replacement !== null ? 'replaced' : 'adjusted', recommendation, overrides };
}

