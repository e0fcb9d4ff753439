/**
 * The club's safety constraints as a form shows them: plain labels, and each value in the unit
 * people think in (fractions as %, kg in the display unit). Stored values stay as the host has them.
 */
import type { SafetyConstraints } from '../../../../engine/safety/index';
import type { WeightUnit } from '../../../../engine/exercises/vocabulary';
import { fromKg, toKg } from '../../units';

export type ConstraintKey = keyof SafetyConstraints;
type Kind = 'percent' | 'seconds' | 'rating' | 'kg' | 'days';

export interface ConstraintField { key: ConstraintKey; label: string; help: string; kind: Kind }

export const CONSTRAINT_FIELDS: readonly ConstraintField[] = [
  { key: 'maxLoadIncreaseFraction', kind: 'percent', label: 'Largest load increase in one step', help: 'Of the previous load' },
  { key: 'minRepsFraction', kind: 'percent', label: 'Reps kept when reps are cut, at least', help: 'Of the planned reps' },
  { key: 'minRestS', kind: 'seconds', label: 'Shortest rest between sets', help: 'Seconds' },
  { key: 'maxWeeklyVolumeIncreaseFraction', kind: 'percent', label: 'Largest weekly volume increase', help: 'Of last week’s volume' },
  { key: 'cautionFatigue', kind: 'rating', label: 'Fatigue from which loads may not go up', help: 'Rating 1–10, 10 is worn out' },
  { key: 'reduceLoadBelowForm', kind: 'rating', label: 'Form rating below which the load is cut', help: 'Rating 1–10, 10 is perfect' },
  { key: 'formLoadReductionFraction', kind: 'percent', label: 'Load cut for poor form', help: 'Of the load' },
  { key: 'maxLoadFromNoneKg', kind: 'kg', label: 'First load on body-weight work, at most', help: 'Added load' },
  { key: 'layoffDays', kind: 'days', label: 'A layoff starts after', help: 'Days without the exercise' },
  { key: 'e1rmDropFraction', kind: 'percent', label: 'Strength drop that forces a deload', help: 'Of the previous best e1RM' },
];

export function unitOf(kind: Kind, unit: WeightUnit): string {
  return { percent: '%', seconds: 's', rating: '/ 10', kg: unit, days: 'days' }[kind];
}

/** The stored value as the form shows it. */
export function toShown(field: ConstraintField, value: number, unit: WeightUnit): string {
  if (field.kind === 'percent') return String(Math.round(value * 100 * 100) / 100);
  if (field.kind === 'kg') return String(Math.round(fromKg(value, unit) * 100) / 100);
  return String(value);
}

/** The shown text back to the stored value; NaN when it is not a number. */
export function fromShown(field: ConstraintField, text: string, unit: WeightUnit): number {
  const n = text.trim() === '' ? NaN : Number(text);
  if (field.kind === 'percent') return Math.round(n * 100) / 10000;
  if (field.kind === 'kg') return Math.round(toKg(n, unit) * 1000) / 1000;
  return n;
}
