/**
 * The safety pass for a weekly plan change (a diff from last week's prescriptions to the
 * proposed ones; issue 3 parts 3 and 5).
 *
 * Per line, the same clamps as a recommendation (clamp.ts), measured from the line of the
 * same exercise in `before` (the n-th occurrence of an exercise matches the n-th): load step
 * ≤ +10 %, reps ≥ 80 % of planned, rest ≥ 30 s, no load increase at fatigue ≥ 8 or when
 * pain, illness or a resting-heart-rate flag is reported (assess.ts). A new exercise (no
 * matching line in `before`) has no step to measure: it is measured against itself (only the
 * reps and rest floors can bind) and counts fully in the weekly volume.
 *
 * Weekly volume (domain.md "Volume": hard sets per week, or sets × reps × load) is checked
 * overall, both ways, each ≤ (1 + maxWeeklyVolumeIncreaseFraction) × before:
 * - hard sets: Σ sets;
 * - tonnage: Σ sets × repMax × loadKg (repMax: the most the plan can ask; body weight counts 0).
 * A measure whose `before` total is 0 has no baseline and is not checked. Per-muscle volume
 * needs the exercise library and is left to the weekly analysis; the overall check is the
 * safety floor.
 * When over, lines are cut in this order until within: (1) one set at a time from the line
 * with the most sets added (ties: the later line; new lines down to 1 set); (2) per line, load
 * then rep range back to `before`; (3) new lines are removed, last first. After (2) no kept line
 * exceeds its `before` line, so only new lines can still break the limit, and (3) removes them. Every cut is an override with its reason.
 */
import type { Prescribed } from '../progression/types';
import { assessSafety } from './assess';
import { clampPrescribed, fmt, validatePrescribed } from './clamp';
import { DEFAULT_CONSTRAINTS, SAFETY_EPS, type SafetyConstraints } from './constraints';
import type { Override, SafetyContext } from './types';

export interface PlanChangeDecision {
  /** The clamped proposal, in the order of `after` (removed lines left out). */
  after: Prescribed[];
  overrides: Override[];
}

export interface WeeklyVolume { sets: number; tonnageKg: number }

/** Overall weekly volume of a list of prescriptions (see the module note). */
export function weeklyPlanVolume(lines: readonly Prescribed[]): WeeklyVolume {
  let sets = 0;
  let tonnageKg = 0;
  for (const p of lines) {
    sets += p.sets;
    tonnageKg += p.sets * p.repMax * (p.loadKg ?? 0);
  }
  return { sets, tonnageKg };
}

/** True when `after` keeps both measures within the weekly increase limit of `before`. */
export function volumeWithinLimit(before: WeeklyVolume, after: WeeklyVolume, k: SafetyConstraints): boolean {
  const f = 1 + k.maxWeeklyVolumeIncreaseFraction;
  const setsOk = before.sets <= 0 || after.sets <= before.sets * f + SAFETY_EPS;
  const tonnageOk = before.tonnageKg <= 0 || after.tonnageKg <= before.tonnageKg * f + SAFETY_EPS;
  return setsOk && tonnageOk;
}

/** `before` line matched to each `after` line (n-th occurrence of an exercise to n-th), or null. */
function matchLines(before: readonly Prescribed[], after: readonly Prescribed[]): (Prescribed | null)[] {
  const pools = new Map<string, Prescribed[]>();
  for (const p of before) pools.set(p.exerciseId, [...(pools.get(p.exerciseId) ?? []), p]);
  return after.map((p) => pools.get(p.exerciseId)?.shift() ?? null);
}

interface Line { base: Prescribed | null; p: Prescribed }

function volumeOverride(reason: string, before: unknown, after: unknown): Override {
  return { kind: 'constraint', constraint: 'maxWeeklyVolumeIncreaseFraction', reason, before, after };
}

type Ok = () => boolean;

function cutSets(lines: Line[], ok: Ok, limit: string, out: Override[]): void {
  while (!ok()) {
    let pick = -1;
    let most = 0;
    lines.forEach((l, i) => {
      const added = l.p.sets - (l.base?.sets ?? 1);
      if (added > 0 && added >= most) { pick = i; most = added; }
    });
    const line = lines[pick];
    if (line === undefined) return;
    const id = line.p.exerciseId;
    out.push(volumeOverride(`${id}: sets ${String(line.p.sets)} → ${String(line.p.sets - 1)}: ${limit}.`, { exerciseId: id, sets: line.p.sets }, { exerciseId: id, sets: line.p.sets - 1 }));
    line.p = { ...line.p, sets: line.p.sets - 1 };
  }
}

function revertLoadsAndReps(lines: Line[], ok: Ok, limit: string, out: Override[]): void {
  for (const line of lines) {
    if (ok()) return;
    const base = line.base;
    if (base === null) continue;
    const id = line.p.exerciseId;
    if ((line.p.loadKg ?? 0) > (base.loadKg ?? 0)) {
      out.push(volumeOverride(`${id}: load ${fmt(line.p.loadKg)} → ${fmt(base.loadKg)} kg: ${limit}.`, { exerciseId: id, loadKg: line.p.loadKg }, { exerciseId: id, loadKg: base.loadKg }));
      line.p = { ...line.p, loadKg: base.loadKg };
    }
    if (!ok() && line.p.repMax > base.repMax) {
      const repMin = Math.min(line.p.repMin, base.repMax);
      out.push(volumeOverride(`${id}: reps ${String(line.p.repMin)}–${String(line.p.repMax)} → ${String(repMin)}–${String(base.repMax)}: ${limit}.`, { exerciseId: id, repMin: line.p.repMin, repMax: line.p.repMax }, { exerciseId: id, repMin, repMax: base.repMax }));
      line.p = { ...line.p, repMin, repMax: base.repMax };
    }
  }
}

function cutVolume(lines: Line[], beforeVolume: WeeklyVolume, k: SafetyConstraints): Override[] {
  const out: Override[] = [];
  const ok = () => volumeWithinLimit(beforeVolume, weeklyPlanVolume(lines.map((l) => l.p)), k);
  const limit = `weekly volume may grow at most ${String(Math.round(k.maxWeeklyVolumeIncreaseFraction * 100))} % (sets ${String(beforeVolume.sets)}, tonnage ${fmt(beforeVolume.tonnageKg)} kg last week)`;
  cutSets(lines, ok, limit, out);
  revertLoadsAndReps(lines, ok, limit, out);
  for (let i = lines.length - 1; i >= 0 && !ok(); i -= 1) {
    const line = lines[i];
    if (line === undefined || line.base !== null) continue;
    out.push(volumeOverride(`${line.p.exerciseId}: new line removed: ${limit}.`, line.p, null));
    lines.splice(i, 1);
  }
  return out;
}

/**
 * Clamps a proposed week (`after`) against last week's prescriptions (`before`).
 * @returns the clamped `after` and one override per change, each loggable as is.
 * @throws SafetyInputError when a line or the context is out of range (field named, e.g. `after[2].repMax`).
 */
export function applySafetyToPlanChange(before: Prescribed[], after: Prescribed[], context: SafetyContext, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): PlanChangeDecision {
  before.forEach((p, i) => { validatePrescribed(p, `before[${String(i)}]`); });
  after.forEach((p, i) => { validatePrescribed(p, `after[${String(i)}]`); });
  const halted = assessSafety(context, undefined, constraints).filter((s) => s.action === 'block');
  const fatigue = halted.length > 0 ? 10 : (context.checkIn?.fatigue ?? null);
  const overrides: Override[] = [];
  const lines: Line[] = matchLines(before, after).map((base, i) => {
    const p = after[i]!;
    const c = clampPrescribed(base ?? p, p, { fatigue, form: null, roundDownKg: context.roundDownKg }, constraints, `${p.exerciseId}: `);
    overrides.push(...c.overrides.map((o) => (halted.length > 0 && o.constraint === 'cautionFatigue'
      ? { ...o, reason: `${o.reason} (${halted.map((h) => h.kind).join(', ')} reported: treated as maximal fatigue)` } : o)));
    return { base, p: c.prescribed };
  });
  overrides.push(...cutVolume(lines, weeklyPlanVolume(before), constraints));
  return { after: lines.map((l) => l.p), overrides };
}
