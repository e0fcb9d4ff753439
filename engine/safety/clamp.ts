/**
 * Constraint clamps on one prescription, measured against the original it came from
 * (constraints.ts for the limits and their sources). Every clamp is computed from the
 * original, so clamping twice gives the same result as clamping once.
 *
 * Order: load step cap → no increase under fatigue caution → form cut → reps floor → rest floor.
 */
import type { Prescribed } from '../progression/types';
import { maxStepLoadKg, minRepsKept, SAFETY_EPS, type SafetyConstraints } from './constraints';
import { SafetyInputError } from './errors';
import type { Override } from './types';

/** Why loads may not go up, or must come down, beyond the step cap. */
export interface ClampLimits {
  /** Fatigue (1–10) from the check-in, or null. At or above `cautionFatigue`, no load increase. */
  fatigue: number | null;
  /** Current form rating (1–10), or null. Below `reduceLoadBelowForm`, the load is cut. */
  form: number | null;
  roundDownKg?: ((kg: number) => number | null) | undefined;
}

export interface Clamped {
  prescribed: Prescribed;
  overrides: Override[];
}

function roundDown(kg: number, round: ClampLimits['roundDownKg']): number {
  const r = round?.(kg);
  return r === null || r === undefined || !Number.isFinite(r) || r > kg + SAFETY_EPS || r < 0 ? kg : r;
}

function loadOverride(constraint: keyof SafetyConstraints, reason: string, before: number | null, after: number | null): Override {
  return { kind: 'constraint', constraint, reason, before: { loadKg: before }, after: { loadKg: after } };
}

function clampLoad(original: Prescribed, load: number | null, limits: ClampLimits, k: SafetyConstraints, label: string): { loadKg: number | null; overrides: Override[] } {
  const overrides: Override[] = [];
  let loadKg = load;
  const base = original.loadKg;
  const stepCap = maxStepLoadKg(base, k);
  if (loadKg !== null && loadKg > stepCap + SAFETY_EPS) {
    const next = roundDown(stepCap, limits.roundDownKg);
    const why = base === null || base <= 0
      ? `no original load, so the first load is capped at ${String(k.maxLoadFromNoneKg)} kg`
      : `at most +${String(Math.round(k.maxLoadIncreaseFraction * 100))} % of ${fmt(base)} kg in one step`;
    overrides.push(loadOverride('maxLoadIncreaseFraction', `${label}load ${fmt(loadKg)} kg → ${fmt(next)} kg: ${why}.`, loadKg, next));
    loadKg = next;
  }
  const baseKg = base ?? 0;
  if (limits.fatigue !== null && limits.fatigue >= k.cautionFatigue && loadKg !== null && loadKg > baseKg + SAFETY_EPS) {
    const next = base;
    overrides.push(loadOverride('cautionFatigue', `${label}load ${fmt(loadKg)} kg → ${fmt(next)} kg: fatigue ${String(limits.fatigue)}/10 is at or above the caution level ${String(k.cautionFatigue)}, so no load increase.`, loadKg, next));
    loadKg = next;
  }
  if (limits.form !== null && limits.form < k.reduceLoadBelowForm && base !== null && base > 0 && loadKg !== null) {
    const formCap = base * (1 - k.formLoadReductionFraction);
    if (loadKg > formCap + SAFETY_EPS) {
      const next = roundDown(formCap, limits.roundDownKg);
      overrides.push(loadOverride('reduceLoadBelowForm', `${label}load ${fmt(loadKg)} kg → ${fmt(next)} kg: form ${String(limits.form)}/10 is below ${String(k.reduceLoadBelowForm)}, so the load is cut ${String(Math.round(k.formLoadReductionFraction * 100))} % from ${fmt(base)} kg.`, loadKg, next));
      loadKg = next;
    }
  }
  return { loadKg, overrides };
}

/** kg with at most 2 decimals, for reasons. */
export function fmt(kg: number | null): string {
  return kg === null ? 'body weight' : String(Math.round(kg * 100) / 100);
}

/**
 * Clamps `suggested` so that it keeps every constraint relative to `original`:
 * load ≤ original × (1 + maxLoadIncreaseFraction) (or ≤ maxLoadFromNoneKg without an original load);
 * no load above the original at fatigue ≥ cautionFatigue; load ≤ original × (1 − formLoadReductionFraction)
 * when form < reduceLoadBelowForm; repMin/repMax ≥ ceil(minRepsFraction × original's); rest ≥ minRestS.
 * `label` prefixes reasons (e.g. "Alternative deload: "). Returns one override per clamp applied.
 */
export function clampPrescribed(original: Prescribed, suggested: Prescribed, limits: ClampLimits, k: SafetyConstraints, label = ''): Clamped {
  const load = clampLoad(original, suggested.loadKg, limits, k, label);
  const overrides = [...load.overrides];
  const repMinFloor = minRepsKept(original.repMin, k);
  const repMaxFloor = minRepsKept(original.repMax, k);
  const repMin = Math.max(suggested.repMin, repMinFloor);
  const repMax = Math.max(suggested.repMax, repMaxFloor, repMin);
  if (repMin !== suggested.repMin || repMax !== suggested.repMax) {
    overrides.push({
      kind: 'constraint', constraint: 'minRepsFraction',
      reason: `${label}reps ${String(suggested.repMin)}–${String(suggested.repMax)} → ${String(repMin)}–${String(repMax)}: at least ${String(Math.round(k.minRepsFraction * 100))} % of the planned ${String(original.repMin)}–${String(original.repMax)} are kept.`,
      before: { repMin: suggested.repMin, repMax: suggested.repMax }, after: { repMin, repMax },
    });
  }
  const restS = Math.max(suggested.restS, k.minRestS);
  if (restS !== suggested.restS) {
    overrides.push({
      kind: 'constraint', constraint: 'minRestS',
      reason: `${label}rest ${String(suggested.restS)} s → ${String(restS)} s: rest is never shorter than ${String(k.minRestS)} s.`,
      before: { restS: suggested.restS }, after: { restS },
    });
  }
  return { prescribed: { ...suggested, loadKg: load.loadKg, repMin, repMax, restS }, overrides };
}

/** Checks a prescription's numbers. @throws SafetyInputError naming `field.<name>`. */
export function validatePrescribed(p: Prescribed, field: string): void {
  const bad = (name: string, what: string, got: unknown): never => {
    throw new SafetyInputError(`${field}.${name}`, `${what}, got ${String(got)}`);
  };
  if (!Number.isInteger(p.sets) || p.sets < 0) bad('sets', 'must be a whole number ≥ 0', p.sets);
  if (!Number.isInteger(p.repMin) || p.repMin < 1) bad('repMin', 'must be a whole number ≥ 1', p.repMin);
  if (!Number.isInteger(p.repMax) || p.repMax < p.repMin) bad('repMax', 'must be a whole number ≥ repMin', p.repMax);
  if (p.loadKg !== null && (!Number.isFinite(p.loadKg) || p.loadKg < 0)) bad('loadKg', 'must be null or a finite number ≥ 0 kg', p.loadKg);
  if (!Number.isFinite(p.restS) || p.restS < 0) bad('restS', 'must be a finite number ≥ 0 s', p.restS);
}
