/**
 * `proposeAdjustments`: next week's changes as a diff against the approved plan, every line
 * pending until a trainer accepts, edits or rejects it (./review).
 *
 * Rules, first match per (prescription, field) wins, in this order (constraints from
 * engine/safety DEFAULT_CONSTRAINTS, domain.md's safety table):
 * 1. Illness this week → every loaded line −10 % load (rounded down), sets × 2/3 (rounded up, ≥ 1).
 *    Pain reported → −10 % load on every loaded line, with the member's note. Nothing else is proposed.
 * 2. e1RM drop > `e1rmDropFraction` (10 %) on an exercise → its load −10 %.
 * 3. Mean form < `reduceLoadBelowForm` (6) → an easier alternative from the library (same pattern,
 *    a shared primary muscle, member's equipment, lower level or a guided machine/cable), else −10 % load.
 * 4. Mean fatigue ≥ `cautionFatigue` (8) or recovery score < 4 → no load increase anywhere, and one
 *    set fewer on lines of 3 sets or more.
 * 5. Struggled (half or more of the done sets below repMin, or mean RIR more than 1.5 under target)
 *    → load −5 % rounded down to a loadable value (at least one step).
 * 6. Progressed (all planned sets done, all at the planned load reaching repMax, mean RIR not
 *    under target − 0.5) and next week does not already raise the load → the next loadable load
 *    up, if within +10 % (`maxLoadIncreaseFraction`); body-weight lines get +1 rep on the range.
 * 7. Reps fell by 3 or more from the first to the last set at one load, rest < 180 s → rest +30 s.
 * 8. A muscle group done in full whose e1RM trend is ≤ 0 over ≥ 3 weeks, with fatigue < 6 →
 *    +1 set on its first primary line, only when its planned hard sets grow ≤ 15 %
 *    (`maxWeeklyVolumeIncreaseFraction`).
 * Lines of next week are matched to this week's results by key (`<day>.<order>`) and exercise.
 */
import type { Exercise, PlannedWeek, Prescription } from '../types';
import { DEFAULT_INVENTORY, roundToInventory } from '../progression/inventory';
import type { LoadInventory } from '../progression/types';
import { DEFAULT_CONSTRAINTS, maxStepLoadKg, type SafetyConstraints } from '../safety/constraints';
import { easierAlternative } from './alternative';
import type { AdjustableField, AdjustmentDiff, AdjustmentLine, LineValue, PrescriptionResult, WeekAnalysis } from './types';

export interface AdjustOptions {
  /** Library for easier alternatives (rule 3); without it, poor form lowers the load instead. */
  exercises?: readonly Exercise[];
  constraints?: SafetyConstraints;
  /** What the member can load (the club's or their home gym's); defaults to DEFAULT_INVENTORY of the member's unit. */
  inventory?: LoadInventory;
}

const LOW_RECOVERY = 4;
const STRUGGLE_RIR_GAP = 1.5;
const PROGRESS_RIR_GAP = 0.5;
const DROP_OFF_REPS = 3;
const REST_CAP_S = 180;
const REST_STEP_S = 30;
const CUT = 0.1;
const EASE = 0.05;
const FLAT_WEEKS = 3;
const CALM_FATIGUE = 6;
/** Probe past the current load to find the next loadable step (inventory arithmetic is in 1 g). */
const STEP_PROBE_KG = 0.01;

interface Ctx {
  analysis: WeekAnalysis;
  k: SafetyConstraints;
  inventory: LoadInventory;
  exercises: readonly Exercise[] | undefined;
  lines: Map<string, AdjustmentLine>;
}

const formatKg = (kg: number): string => String(Math.round(kg * 10) / 10);
const signedPct = (f: number): string => `${f >= 0 ? '+' : '−'}${String(Math.abs(Math.round(f * 100)))} %`;

function propose(ctx: Ctx, key: string, p: Prescription, field: AdjustableField, after: LineValue, reason: string, afterName?: string): void {
  const id = `${key}:${field}`;
  const before: LineValue = p[field];
  if (ctx.lines.has(id) || after === before || (field === 'loadKg' && after === null)) return;
  // Cuts are named as nominal shares (−5 %, −10 %); say what the loadable step really is.
  const said = field === 'loadKg' && typeof before === 'number' && typeof after === 'number' && before > 0 && after < before
    ? `${reason} On the member's loadable steps that is ${formatKg(before)} → ${formatKg(after)} kg (${signedPct(after / before - 1)}).`
    : reason;
  ctx.lines.set(id, { id, prescriptionKey: key, exerciseId: p.exerciseId, field, before, after, reason: said, status: 'pending', ...(afterName === undefined ? {} : { afterName }) });
}

function lighter(ctx: Ctx, p: Prescription, r: PrescriptionResult | undefined, share: number): number | null {
  if (p.loadKg === null || r?.equipment == null) return null;
  const down = roundToInventory(p.loadKg * (1 - share), r.equipment, ctx.inventory, 'down', p.exerciseId);
  if (down === null || down < p.loadKg - 1e-9) return down;
  const below = roundToInventory(Math.max(0, p.loadKg - STEP_PROBE_KG), r.equipment, ctx.inventory, 'down', p.exerciseId);
  return below !== null && below < p.loadKg ? below : null;
}

function heavier(ctx: Ctx, p: Prescription, r: PrescriptionResult): number | null {
  if (p.loadKg === null || r.equipment === null) return null;
  const up = roundToInventory(p.loadKg + STEP_PROBE_KG, r.equipment, ctx.inventory, 'up', p.exerciseId);
  return up !== null && up > p.loadKg && up <= maxStepLoadKg(p.loadKg, ctx.k) + 1e-9 ? up : null;
}

function globalRules(ctx: Ctx, key: string, p: Prescription, r: PrescriptionResult | undefined): boolean {
  const rec = ctx.analysis.recovery;
  if (rec.illness) {
    propose(ctx, key, p, 'loadKg', lighter(ctx, p, r, CUT) ?? p.loadKg, 'Illness reported this week: a lighter re-entry week (−10 % load).');
    propose(ctx, key, p, 'sets', Math.max(1, Math.ceil((p.sets * 2) / 3)), 'Illness reported this week: a third fewer sets.');
    return true;
  }
  if (rec.painReported) {
    const note = rec.painNotes.length > 0 ? ` (${rec.painNotes.join('; ')})` : '';
    propose(ctx, key, p, 'loadKg', lighter(ctx, p, r, CUT) ?? p.loadKg, `Pain reported this week${note}: −10 % load; check with the member before loading the area.`);
    return true;
  }
  return false;
}

function performanceRules(ctx: Ctx, key: string, p: Prescription, r: PrescriptionResult, caution: boolean): void {
  const lift = ctx.analysis.lifts.find((l) => l.exerciseId === p.exerciseId);
  if (lift?.dropFraction != null && lift.dropFraction > ctx.k.e1rmDropFraction) {
    propose(ctx, key, p, 'loadKg', lighter(ctx, p, r, CUT), `e1RM fell ${(lift.dropFraction * 100).toFixed(0)} % below its recent best: −10 % load.`);
  }
  if (r.meanForm !== null && r.meanForm < ctx.k.reduceLoadBelowForm) {
    const alt = ctx.exercises === undefined ? null : easierAlternative(p.exerciseId, ctx.exercises, ctx.analysis.memberEquipment);
    const form = `Form rated ${r.meanForm.toFixed(1)}/10 (below ${String(ctx.k.reduceLoadBelowForm)})`;
    if (alt !== null) propose(ctx, key, p, 'exerciseId', alt.id, `${form}: an easier alternative with the same movement.`, alt.name);
    else propose(ctx, key, p, 'loadKg', lighter(ctx, p, r, CUT), `${form}: −10 % load.`);
  }
  if (caution && p.sets >= 3) propose(ctx, key, p, 'sets', p.sets - 1, fatigueReason(ctx));
  if (r.doneSets === 0) return;
  const rirGap = r.meanRir === null ? 0 : r.meanRir - r.targetRir;
  if (r.setsBelowRepMin * 2 >= r.doneSets || rirGap < -STRUGGLE_RIR_GAP) {
    propose(ctx, key, p, 'loadKg', lighter(ctx, p, r, EASE), `${String(r.setsBelowRepMin)} of ${String(r.doneSets)} sets fell short of ${String(r.repMin)} reps${r.meanRir === null ? '' : `, mean RIR ${r.meanRir.toFixed(1)} vs target ${String(r.targetRir)}`}: −5 % load.`);
  } else if (!caution && progressed(r, rirGap) && (p.loadKg ?? 0) <= (r.plannedLoadKg ?? 0)) {
    progress(ctx, key, p, r);
  }
  if (r.repDropOff !== null && r.repDropOff >= DROP_OFF_REPS && p.restS < REST_CAP_S) {
    propose(ctx, key, p, 'restS', p.restS + REST_STEP_S, `Reps fell by ${String(r.repDropOff)} from the first to the last set at one load: +30 s rest.`);
  }
}

function progressed(r: PrescriptionResult, rirGap: number): boolean {
  return r.doneSets >= r.plannedSets && r.setsAtRepMax >= r.plannedSets && rirGap >= -PROGRESS_RIR_GAP;
}

function progress(ctx: Ctx, key: string, p: Prescription, r: PrescriptionResult): void {
  const why = `All ${String(r.plannedSets)} sets reached ${String(r.repMax)} reps${r.meanRir === null ? '' : ` at mean RIR ${r.meanRir.toFixed(1)}`}`;
  if (p.loadKg === null) {
    propose(ctx, key, p, 'repMin', p.repMin + 1, `${why}: one more rep on the range (body weight).`);
    propose(ctx, key, p, 'repMax', p.repMax + 1, `${why}: one more rep on the range (body weight).`);
    return;
  }
  const up = heavier(ctx, p, r);
  if (up !== null) propose(ctx, key, p, 'loadKg', up, `${why}: next loadable step (+${((up / p.loadKg - 1) * 100).toFixed(1)} %).`);
}

function fatigueReason(ctx: Ctx): string {
  const { meanFatigue, recoveryScore } = ctx.analysis.recovery;
  return `Fatigue ${meanFatigue?.toFixed(1) ?? '—'}/10, recovery ${recoveryScore?.toFixed(1) ?? '—'}/10 this week: one set fewer, no load increase.`;
}

function volumeRule(ctx: Ctx, week: PlannedWeek): void {
  const fatigue = ctx.analysis.recovery.meanFatigue;
  if (fatigue !== null && fatigue >= CALM_FATIGUE) return;
  for (const v of ctx.analysis.volume) {
    if (v.plannedSets <= 0 || v.doneSets < v.plannedSets || (v.plannedSets + 1) / v.plannedSets - 1 > ctx.k.maxWeeklyVolumeIncreaseFraction + 1e-9) continue;
    const lifts = ctx.analysis.lifts.filter((l) => l.primaryMuscles.includes(v.muscle) && l.weeks.length >= FLAT_WEEKS);
    if (lifts.length === 0 || lifts.some((l) => (l.e1rmChangePctPerWeek ?? 1) > 0)) continue;
    const target = week.sessions.flatMap((s) => s.prescriptions.map((p) => ({ key: `${String(s.day)}.${String(p.order)}`, p })))
      .find(({ p }) => lifts.some((l) => l.exerciseId === p.exerciseId));
    if (target !== undefined) {
      propose(ctx, target.key, target.p, 'sets', target.p.sets + 1, `${v.muscle.replace('_', ' ')}: all ${String(v.plannedSets)} planned hard sets done, e1RM flat or falling over ${String(FLAT_WEEKS)}+ weeks: +1 set.`);
    }
  }
}

/** Proposes next week's adjustments (see the module comment). Pure; lines in plan order. */
export function proposeAdjustments(analysis: WeekAnalysis, nextWeek: PlannedWeek, options: AdjustOptions = {}): AdjustmentDiff {
  const ctx: Ctx = {
    analysis, k: options.constraints ?? DEFAULT_CONSTRAINTS, inventory: options.inventory ?? DEFAULT_INVENTORY(analysis.unit),
    exercises: options.exercises, lines: new Map(),
  };
  const { meanFatigue, recoveryScore } = analysis.recovery;
  const caution = (meanFatigue !== null && meanFatigue >= ctx.k.cautionFatigue) || (recoveryScore !== null && recoveryScore < LOW_RECOVERY);
  const results = new Map(analysis.prescriptions.map((r) => [r.key, r]));
  const days = [...nextWeek.sessions].sort((a, b) => a.day - b.day);
  let stopped = false;
  for (const s of days) {
    for (const p of s.prescriptions) {
      const key = `${String(s.day)}.${String(p.order)}`;
      const byKey = results.get(key);
      const r = byKey?.exerciseId === p.exerciseId ? byKey : analysis.prescriptions.find((x) => x.exerciseId === p.exerciseId);
      if (globalRules(ctx, key, p, r)) { stopped = true; continue; }
      if (r !== undefined) performanceRules(ctx, key, p, r, caution);
    }
  }
  if (!stopped && !caution) volumeRule(ctx, nextWeek);
  const order = days.flatMap((s) => s.prescriptions.map((p) => `${String(s.day)}.${String(p.order)}`));
  const lines = [...ctx.lines.values()].sort((a, b) => order.indexOf(a.prescriptionKey) - order.indexOf(b.prescriptionKey));
  return { memberId: analysis.memberId, weekStart: analysis.weekStart, week: nextWeek.week, lines };
}
