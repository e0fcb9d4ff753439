/**
 * The parts of a recommendation people read: its type, risk, factors, alternatives and outcome.
 * Pure helpers for suggest.ts. Loads in kg; ratings 1–10 (fatigue and soreness: 10 is worst).
 *
 * Risk (our thresholds, anchored on domain.md "Safety defaults"):
 * - high: a load jump over +10 % (the specification's largest single step), or any load increase
 *   with pain, illness, fatigue ≥ 8 (caution threshold) or energy < 4 in the current check-in;
 *   any recommendation other than a cut while pain or illness is reported;
 * - medium: a jump over +5 %, a layoff return (≥ 14 days), fatigue ≥ 6, soreness ≥ 7, sleep ≤ 4,
 *   form below 6 (the specification's reduce-load threshold), or under 2 sessions of history;
 * - low: otherwise.
 */
import type { Equipment, WeightUnit } from '../types';
import { formatLoad } from '../units/convert';
import type { ProgressionFeatures } from './features';
import { roundToInventory } from './inventory';
import type { Alternative, Factor, LoadInventory, Prescribed, RecommendationType, Risk } from './types';

/** Days since the last session from which a return starts with extra warm-up (domain.md: a layoff of two weeks). */
export const LAYOFF_DAYS = 14;
/** Form rating below which form comes first (domain.md "Safety defaults"). */
export const FORM_FOCUS_BELOW = 6;
/** Rest added when the later sets fade, s, up to LONG_REST_S. */
export const REST_STEP_S = 60;
export const LONG_REST_S = 180;

const pct = (v: number) => `${v >= 0 ? '+' : ''}${(Math.round(v * 10) / 10).toFixed(1)} %/week`;

/** Factors a trainer sees, from the features (only the known ones). */
export function factorsOf(f: ProgressionFeatures): Factor[] {
  const out: Factor[] = [{ name: 'sessions', value: f.sessions, note: `${String(f.sessions)} of the last 6 sessions used` }];
  if (f.e1rmTrendPctPerWeek !== null) out.push({ name: 'e1rm_trend', value: round2(f.e1rmTrendPctPerWeek), note: `e1RM ${pct(f.e1rmTrendPctPerWeek)}` });
  if (f.volumeTrendPctPerWeek !== null) out.push({ name: 'volume_trend', value: round2(f.volumeTrendPctPerWeek), note: `volume ${pct(f.volumeTrendPctPerWeek)}` });
  if (f.rirTrendPerSession !== null) out.push({ name: 'rir_trend', value: round2(f.rirTrendPerSession), note: `RIR ${f.rirTrendPerSession >= 0 ? '+' : ''}${f.rirTrendPerSession.toFixed(2)} reps/session` });
  if (f.completionRate !== null) out.push({ name: 'completion_rate', value: round2(f.completionRate), note: `${String(Math.round(f.completionRate * 100))} % of sets met their reps` });
  if (f.daysSinceLast !== null) out.push({ name: 'days_since_last', value: f.daysSinceLast, note: `last done ${String(f.daysSinceLast)} days ago` });
  const r = f.recovery;
  if (r !== null) {
    out.push({ name: 'sleep', value: r.sleep, note: `sleep ${String(r.sleep)}/10` });
    out.push({ name: 'fatigue', value: r.fatigue, note: `fatigue ${String(r.fatigue)}/10` });
    out.push({ name: 'soreness', value: r.soreness, note: `soreness ${String(r.soreness)}/10` });
    out.push({ name: 'energy', value: r.energy, note: `energy ${String(r.energy)}/10` });
    if (r.painReported) out.push({ name: 'pain', value: 'reported', note: 'pain reported in the latest check-in' });
    if (r.illness) out.push({ name: 'illness', value: 'reported', note: 'illness reported in the latest check-in' });
  }
  return out;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The recommendation type for a rule event and the load change. */
export function chooseType(input: {
  event: string; layoff: boolean; originalKg: number | null; suggestedKg: number | null; fadedLate: boolean; restS: number; minForm: number | null;
}): RecommendationType {
  if (input.event === 'deload') return 'deload';
  if (input.layoff) return 'add_warmup';
  const { originalKg: o, suggestedKg: s } = input;
  if (o !== null && s !== null && s > o + 1e-6) return 'increase_weight';
  if (o !== null && s !== null && s < o - 1e-6) return 'decrease_weight';
  if (input.minForm !== null && input.minForm < FORM_FOCUS_BELOW) return 'suggest_form_focus';
  if (input.fadedLate && input.restS < LONG_REST_S) return 'modify_rest';
  return 'adjust_reps';
}

/** Risk of the recommendation (see the header). */
export function riskOf(type: RecommendationType, originalKg: number | null, suggestedKg: number | null, f: ProgressionFeatures): Risk {
  const change = originalKg !== null && suggestedKg !== null && originalKg > 0 ? (suggestedKg - originalKg) / originalKg : 0;
  const r = f.recovery;
  const unwell = r !== null && (r.painReported || r.illness);
  const poor = r !== null && (unwell || r.fatigue >= 8 || r.energy < 4);
  const cut = type === 'deload' || type === 'decrease_weight';
  if (change > 0.1 + 1e-9 || (change > 0 && poor) || (unwell && !cut)) return 'high';
  const minForm = f.last?.minForm ?? null;
  const strained = r !== null && (r.fatigue >= 6 || r.soreness >= 7 || r.sleep <= 4);
  if (change > 0.05 + 1e-9 || type === 'add_warmup' || strained || f.sessions < 2 || (minForm !== null && minForm < FORM_FOCUS_BELOW)) return 'medium';
  return 'low';
}

/** Up to two alternatives to the suggestion, each different from it. */
export function alternativesOf(
  type: RecommendationType, original: Prescribed, suggested: Prescribed, equipment: Equipment, inventory: LoadInventory, exerciseId?: string,
): Alternative[] {
  const out: Alternative[] = [];
  // "Hold the load" means the loadable load nearest the prescription's.
  const o = original.loadKg === null ? null : roundToInventory(original.loadKg, equipment, inventory, 'nearest', exerciseId) ?? original.loadKg;
  const s = suggested.loadKg;
  const unit = inventory.unit;
  const addRep = { ...original, loadKg: o, repMin: original.repMin + 1, repMax: Math.max(original.repMax, original.repMin + 1) };
  if (type === 'increase_weight' && o !== null && s !== null) {
    out.push({ type: 'adjust_reps', suggested: addRep, reasoning: `Hold ${formatLoad(o, unit)} and add a rep: ${String(addRep.repMin)} reps per set.` });
    const half = roundToInventory(o + (s - o) / 2, equipment, inventory, 'up', exerciseId);
    if (half !== null && half > o + 1e-6 && half < s - 1e-6) {
      out.push({ type: 'increase_weight', suggested: { ...suggested, loadKg: half }, reasoning: `A smaller step: ${formatLoad(half, unit)}.` });
    }
  } else if ((type === 'decrease_weight' || type === 'deload') && o !== null) {
    out.push({ type: 'adjust_reps', suggested: { ...original, loadKg: o, repMin: Math.max(1, original.repMin - 1), repMax: Math.max(1, original.repMax - 1) }, reasoning: `Keep ${formatLoad(o, unit)} with one rep fewer per set.` });
    if (type === 'deload' && s !== null) out.push({ type: 'decrease_weight', suggested: { ...original, loadKg: s }, reasoning: `Lighter load, all ${String(original.sets)} sets.` });
  } else if (o !== null) {
    const up = roundToInventory(o + 1e-3, equipment, inventory, 'up', exerciseId);
    if (up !== null && up > o + 1e-6) out.push({ type: 'increase_weight', suggested: { ...suggested, loadKg: up }, reasoning: `The smallest step up: ${formatLoad(up, unit)}.` });
    if (addRep.repMin !== suggested.repMin) out.push({ type: 'adjust_reps', suggested: { ...suggested, loadKg: o, repMin: addRep.repMin, repMax: addRep.repMax }, reasoning: `Same load, one more rep per set.` });
  }
  return out;
}

/** What the trainer can expect if the member follows the suggestion. */
export function expectedOutcomeOf(type: RecommendationType, suggested: Prescribed, unit: WeightUnit, f: ProgressionFeatures): string {
  const dose = `${String(suggested.sets)}×${String(suggested.repMin)}${suggested.repMax > suggested.repMin ? `–${String(suggested.repMax)}` : ''} at ${formatLoad(suggested.loadKg, unit)}`;
  const rir = suggested.targetRir === null ? '' : ` at about RIR ${String(suggested.targetRir)}`;
  switch (type) {
    case 'deload': return `${dose}: fatigue falls over the week and performance returns to or above its level before the deload.`;
    case 'add_warmup': return `${dose} after extra warm-up sets: the member regains the groove without a jump after ${String(f.daysSinceLast ?? 0)} days away.`;
    case 'increase_weight': return `${dose}${rir}: all sets completed, keeping the e1RM trend${f.e1rmTrendPctPerWeek === null ? '' : ` (${pct(f.e1rmTrendPctPerWeek)})`} going.`;
    case 'decrease_weight': return `${dose}${rir}: all sets completed at the intended effort, rebuilding from there.`;
    case 'modify_rest': return `${dose} with ${String(suggested.restS)} s rest: the later sets keep their reps.`;
    case 'suggest_form_focus': return `${dose} with attention on technique: form rated 6 or better before the load goes up.`;
    default: return `${dose}${rir}: the reps come more easily, ready for the next step.`;
  }
}
