/**
 * The trainer's review of a weekly diff: accept, edit or reject lines (per line or all at once),
 * then `finalPlanWeek` builds the week the member gets. Only accepted and edited lines are applied;
 * pending and rejected lines never reach the member. All functions are pure and return new values.
 *
 * Edits are checked against the safety constraints (engine/safety DEFAULT_CONSTRAINTS): a load at
 * most +10 % over the approved value, rest ≥ 30 s, whole sets 1–20 and reps 1–100. The host still
 * passes the final week through the safety layer's plan-change check before storing it.
 */
import type { PlannedWeek } from '../types';
import { DEFAULT_CONSTRAINTS, SAFETY_EPS, maxStepLoadKg, type SafetyConstraints } from '../safety/constraints';
import { WeeklyInputError } from './errors';
import type { AdjustmentDiff, AdjustmentLine, LineStatus, LineValue } from './types';

const MAX_SETS = 20;
const MAX_REPS = 100;
const MAX_REST_S = 1_800;

function setStatus(diff: AdjustmentDiff, ids: readonly string[] | undefined, status: LineStatus): AdjustmentDiff {
  if (ids !== undefined) {
    const known = new Set(diff.lines.map((l) => l.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw new WeeklyInputError('lineIds', `unknown line "${missing}"`);
  }
  const chosen = ids === undefined ? null : new Set(ids);
  return { ...diff, lines: diff.lines.map((l) => (chosen === null || chosen.has(l.id) ? { ...l, status } : l)) };
}

/** Accepts the given lines, or every line when `ids` is omitted. Throws `WeeklyInputError('lineIds')` for an unknown id. */
export function acceptLines(diff: AdjustmentDiff, ids?: readonly string[]): AdjustmentDiff {
  return setStatus(diff, ids, 'accepted');
}

/** Rejects the given lines, or every line when `ids` is omitted. */
export function rejectLines(diff: AdjustmentDiff, ids?: readonly string[]): AdjustmentDiff {
  return setStatus(diff, ids, 'rejected');
}

function checkValue(line: AdjustmentLine, after: LineValue, k: SafetyConstraints, afterName: string | undefined): void {
  const field = `lines.${line.id}.after`;
  const int = (min: number, max: number, what: string) => {
    if (typeof after !== 'number' || !Number.isInteger(after) || after < min || after > max) {
      throw new WeeklyInputError(field, `${what} must be a whole number from ${String(min)} to ${String(max)}, got ${JSON.stringify(after)}`);
    }
  };
  switch (line.field) {
    case 'loadKg': {
      if (after === null) return;
      if (typeof after !== 'number' || !Number.isFinite(after) || after < 0) throw new WeeklyInputError(field, `load must be a number ≥ 0 kg or null, got ${JSON.stringify(after)}`);
      const cap = maxStepLoadKg(typeof line.before === 'number' ? line.before : null, k);
      if (after > cap + SAFETY_EPS) throw new WeeklyInputError(field, `load ${String(after)} kg is more than +${String(Math.round(k.maxLoadIncreaseFraction * 100))} % over ${String(line.before)} kg (at most ${cap.toFixed(2)} kg)`);
      return;
    }
    case 'sets': return int(1, MAX_SETS, 'sets');
    case 'repMin': case 'repMax': return int(1, MAX_REPS, 'reps');
    case 'restS': return int(Math.ceil(k.minRestS), MAX_REST_S, 'rest (s)');
    case 'exerciseId':
      if (typeof after !== 'string' || after.trim() === '') throw new WeeklyInputError(field, `exercise id must be a non-empty string, got ${JSON.stringify(after)}`);
      if (afterName === undefined || afterName.trim() === '') throw new WeeklyInputError(`lines.${line.id}.afterName`, 'a changed exercise needs its display name');
  }
}

/**
 * Replaces one line's `after` (status `edited`). Throws `WeeklyInputError` naming `lineId` for an
 * unknown line, or `lines.<id>.after` for a value out of range or over the load step limit.
 */
export function editLine(diff: AdjustmentDiff, lineId: string, after: LineValue, afterName?: string, constraints: SafetyConstraints = DEFAULT_CONSTRAINTS): AdjustmentDiff {
  const line = diff.lines.find((l) => l.id === lineId);
  if (line === undefined) throw new WeeklyInputError('lineId', `unknown line "${lineId}"`);
  checkValue(line, after, constraints, afterName ?? (line.field === 'exerciseId' ? line.afterName : undefined));
  return {
    ...diff,
    lines: diff.lines.map((l) => (l.id !== lineId ? l : {
      ...l, after, status: 'edited' as const, ...(l.field === 'exerciseId' ? { afterName: afterName ?? l.afterName } : {}),
    })),
  };
}

/** Lines still waiting for a decision. */
export function pendingLines(diff: AdjustmentDiff): AdjustmentLine[] {
  return diff.lines.filter((l) => l.status === 'pending');
}

/**
 * The week the member gets: `nextWeek` with the accepted and edited lines applied. Throws
 * `WeeklyInputError('week')` when the diff is for another week, `lines.<id>` when a line's
 * prescription is missing, its `before` no longer matches the plan, or repMin ends above repMax.
 */
export function finalPlanWeek(nextWeek: PlannedWeek, diff: AdjustmentDiff): PlannedWeek {
  if (diff.week !== nextWeek.week) throw new WeeklyInputError('week', `diff is for week ${String(diff.week)}, plan week is ${String(nextWeek.week)}`);
  const applied = diff.lines.filter((l) => l.status === 'accepted' || l.status === 'edited');
  const sessions = nextWeek.sessions.map((s) => ({
    ...s,
    prescriptions: s.prescriptions.map((p) => {
      const key = `${String(s.day)}.${String(p.order)}`;
      const next = { ...p };
      for (const l of applied) {
        if (l.prescriptionKey !== key) continue;
        if (next[l.field] !== l.before) throw new WeeklyInputError(`lines.${l.id}`, `the plan changed since the diff was made (${String(next[l.field])} ≠ ${String(l.before)})`);
        if (l.field === 'exerciseId') Object.assign(next, { exerciseId: String(l.after), exerciseName: l.afterName ?? String(l.after) });
        else Object.assign(next, { [l.field]: l.after });
      }
      if (next.repMin > next.repMax) throw new WeeklyInputError(`lines.${key}:repMin`, `repMin ${String(next.repMin)} ends above repMax ${String(next.repMax)}`);
      return next;
    }),
  }));
  const keys = new Set(nextWeek.sessions.flatMap((s) => s.prescriptions.map((p) => `${String(s.day)}.${String(p.order)}`)));
  const orphan = applied.find((l) => !keys.has(l.prescriptionKey));
  if (orphan !== undefined) throw new WeeklyInputError(`lines.${orphan.id}`, `no prescription ${orphan.prescriptionKey} in week ${String(nextWeek.week)}`);
  return { ...nextWeek, sessions };
}
