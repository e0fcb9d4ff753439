/**
 * One week's prescription for one chosen exercise: sets, reps, target RIR, load and the
 * reason a trainer reads. Loads follow `loads.ts`; RIR and deload follow `dose.ts`.
 * `e1rmKg` is set only when the load came from the member's own history (after any layoff
 * cut); body-mass priors are assumptions, not estimates, and are left out of it.
 * Reasons, e.g. "e1RM 100 kg from 3 sessions; 73 % for 6–10 reps @ RIR 3",
 * "No history: conservative start from 80 kg body mass; week 1 calibrates to RIR 3".
 */
import type { Equipment, Goal, MemberProfile, Prescription } from '../types';
import { formatLoad } from '../units/convert';
import { roundLoad } from './round';
import type { ChosenItem } from './build';
import { DELOAD, deloadSets, rirForWeek } from './dose';
import { modelStep, needsCalibration, workingLoad } from './loads';
import type { LoadBasis } from './loads';

export interface WeekContext {
  /** 1-based week of the block. */
  week: number;
  isDeload: boolean;
  /** Non-deload weeks in the block. */
  workingWeeks: number;
  goal: Goal;
}

const MIN_LABEL: Readonly<Partial<Record<Equipment, string>>> = {
  barbell: 'empty bar', ez_bar: 'empty bar', smith_machine: 'empty bar', dumbbell: 'lightest dumbbells',
  kettlebell: 'lightest kettlebell', cable: 'lowest stack step', machine: 'lowest stack step',
};

function repsText(item: ChosenItem): string {
  const { repMin, repMax, isHold } = item.dose;
  const range = repMin === repMax ? String(repMin) : `${String(repMin)}–${String(repMax)}`;
  return isHold ? `${range} s holds` : `${range} reps`;
}

/** Load (kg) for working week `week` at `rir`; holds use the basis minimum (start light). */
function loadAt(item: ChosenItem, basis: LoadBasis, member: MemberProfile, rir: number): number | null {
  const { dose, exercise } = item;
  if (dose.isHold && basis.kind !== 'bodyweight') return workingLoad({ kind: 'minimum' }, exercise, member, 1);
  return workingLoad(basis, exercise, member, (dose.repMin + dose.repMax) / 2 + rir);
}

const fmtOrBw = (load: number | null, fmt: (kg: number) => string): string => (load === null ? 'body weight' : fmt(load));

function workingReason(item: ChosenItem, basis: LoadBasis, member: MemberProfile, load: number | null, rir: number, calibrating: boolean): string {
  const fmt = (kg: number): string => formatLoad(kg, member.preferredUnit);
  const whole = (kg: number): string => formatLoad(kg, member.preferredUnit, 0);
  const reps = repsText(item);
  switch (basis.kind) {
    case 'model': {
      const rtf = (item.dose.repMin + item.dose.repMax) / 2 + rir;
      if (modelStep(basis, item.exercise, member, rtf) === null) {
        return `${workingReason(item, basis.fallback, member, load, rir, calibrating)} (the RIR model's curve fits no loadable step here)`;
      }
      return `${basis.label}: ${fmtOrBw(load, fmt)} for ${reps} @ RIR ${String(rir)}`;
    }
    case 'bodyweight':
      return `Body weight: ${String(item.dose.sets)} × ${reps} @ RIR ${String(rir)}${calibrating ? `; week 1 finds the reps at RIR ${String(rir)}` : ''}`;
    case 'minimum': {
      const what = `${MIN_LABEL[item.exercise.equipment] ?? 'lightest load'}${load === null ? '' : ` (${fmt(load)})`}`;
      return calibrating
        ? `No history: ${what}; week 1 calibrates to RIR ${String(rir)}`
        : `No history: ${what} until week 1's calibration sets the load; ${reps} @ RIR ${String(rir)}`;
    }
    case 'prior':
      if (item.dose.isHold) return `No history: start light (${load === null ? 'body weight' : fmt(load)}); ${reps} @ RIR ${String(rir)}`;
      return calibrating
        ? `No history: conservative start from ${whole(basis.bodyMassKg)} body mass; week 1 calibrates to RIR ${String(rir)}`
        : `No history: body-mass estimate until week 1's calibration sets the load; ${reps} @ RIR ${String(rir)}`;
    case 'given':
      if (item.dose.isHold) return `${basis.given.label}; start light (${load === null ? 'body weight' : fmt(load)}); ${reps} @ RIR ${String(rir)}`;
      return calibrating
        ? `${basis.given.label}; ${fmtOrBw(load, fmt)} for ${reps}; week 1 calibrates to RIR ${String(rir)}`
        : `${basis.given.label}; ${fmtOrBw(load, fmt)} for ${reps} @ RIR ${String(rir)} until week 1's calibration sets the load`;
    case 'history': {
      const pct = load === null ? 0 : Math.round((load / basis.e1rmKg) * 100);
      const sessions = `${String(basis.sessions)} session${basis.sessions === 1 ? '' : 's'}`;
      const ask = `${String(pct)} % for ${reps} @ RIR ${String(rir)}`;
      if (basis.layoffCut === 0) return `e1RM ${whole(basis.e1rmKg)} from ${sessions}; ${ask}`;
      const cut = `−${String(Math.round(basis.layoffCut * 100))} % after ${String(basis.daysSinceLast)} days off`;
      return calibrating
        ? `e1RM ${whole(basis.rawE1rmKg)} from ${sessions}, ${cut} → ${whole(basis.e1rmKg)}; week 1 calibrates: ${ask}`
        : `e1RM ${whole(basis.e1rmKg)} (${cut}) from ${sessions}; ${ask}`;
    }
  }
}

function e1rmOf(basis: LoadBasis): number | null {
  if (basis.kind === 'history') return basis.e1rmKg;
  if (basis.kind === 'given') return basis.given.source === 'assessment' ? basis.e1rmKg : null;
  return basis.kind === 'model' ? e1rmOf(basis.fallback) : null;
}

/** The prescription of `item` (at 1-based `order`) in the week described by `ctx`. */
export function prescribe(item: ChosenItem, basis: LoadBasis, order: number, ctx: WeekContext, member: MemberProfile): Prescription {
  const { exercise, dose } = item;
  const isolation = exercise.mechanic === 'isolation';
  const base = {
    exerciseId: exercise.id, exerciseName: exercise.name, order, repMin: dose.repMin, repMax: dose.repMax,
    restS: dose.restS, e1rmKg: e1rmOf(basis),
  };
  if (ctx.isDeload) {
    const lastRir = rirForWeek(ctx.goal, isolation, ctx.workingWeeks, ctx.workingWeeks);
    const last = loadAt(item, basis, member, lastRir);
    const loadKg = last === null ? null
      : roundLoad(last * DELOAD.loadFraction, exercise, member, 'down');
    const sets = deloadSets(dose.sets);
    const from = last === null ? '' : `, ${String(Math.round(DELOAD.loadFraction * 100))} % of week ${String(ctx.workingWeeks)}'s ${formatLoad(last, member.preferredUnit)}`;
    return {
      ...base, sets, targetRir: DELOAD.rir, loadKg, isCalibration: false,
      reason: `Deload: ${String(sets)} of ${String(dose.sets)} sets${from}, ${repsText(item)} @ RIR ${String(DELOAD.rir)}`,
    };
  }
  const rir = rirForWeek(ctx.goal, isolation, ctx.week, ctx.workingWeeks);
  const loadKg = loadAt(item, basis, member, rir);
  const calibrating = ctx.week === 1 && needsCalibration(basis);
  return {
    ...base, sets: dose.sets, targetRir: rir, loadKg, isCalibration: calibrating,
    reason: workingReason(item, basis, member, loadKg, rir, calibrating),
  };
}
