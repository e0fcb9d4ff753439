/**
 * Strength-standards priors for a member without a baseline test.
 *
 * Data: `openpowerlifting/opl_raw_sbd_percentiles_by_sex_weightclass.csv` (percentiles P5–P95 of
 * the best raw squat, bench and deadlift by sex and IPF weight class, 372k adult competitors,
 * public domain). The host or bench reads the file and passes its text to `parseStrengthStandards`;
 * this module does no I/O.
 *
 * Gym scaling (domain.md "Strength standards for a cold start": for the median member of a
 * commercial gym the 10th–25th percentiles of competitors are nearer the mark than the median):
 * beginner → P10, intermediate → P25, advanced → P50 of the member's sex and weight class.
 * Unknown sex: the female table (the lighter, so the conservative choice). Unknown body mass:
 * the percentile averaged over the sex's weight classes, weighted by lifters (an approximation
 * of the pooled percentile).
 * Other exercises: scaled from an anchor lift by the planner's body-mass ratios
 * (engine/planner/loads.ts `PRIOR_RATIO`, e.g. lat pull-down = bench × 0.45/0.45, leg curl =
 * squat × 0.25/0.6), times the equipment factor (`PRIOR_EQUIPMENT_FACTOR`).
 * Starting e1RM: `PRIOR_START_FRACTION` (80 %) of that prior — a conservative assumption, not a
 * fitted value: a population percentile says little about one member (domain.md), and week 1
 * calibrates.
 */
import { PRIOR_RATIO } from '../planner/loads';
import type { Exercise, Level, Pattern } from '../types';
import { isLoadedEquipment } from '../units/loadable';
import { equipmentFactor } from './assessment';

export type StandardLift = 'squat' | 'bench' | 'deadlift';
export type Percentile = 'P5' | 'P10' | 'P25' | 'P50' | 'P75' | 'P90' | 'P95';
const PERCENTILES: readonly Percentile[] = ['P5', 'P10', 'P25', 'P50', 'P75', 'P90', 'P95'];

export interface StandardRow {
  sex: 'female' | 'male';
  /** Upper limit of the class, kg; `open` for the "+" class above it. */
  classKg: number;
  open: boolean;
  lift: StandardLift;
  lifters: number;
  /** kg by percentile. */
  kg: Readonly<Record<Percentile, number>>;
}

export interface StrengthStandards {
  rows: readonly StandardRow[];
}

export const GYM_PERCENTILE: Readonly<Record<Level, Percentile>> = { beginner: 'P10', intermediate: 'P25', advanced: 'P50' };
export const PRIOR_START_FRACTION = 0.8;

const LIFT_OF: Readonly<Record<string, StandardLift>> = { Squat: 'squat', Bench: 'bench', Deadlift: 'deadlift' };
const ANCHOR_PATTERN: Readonly<Record<StandardLift, Pattern>> = { squat: 'squat', bench: 'horizontal_push', deadlift: 'hinge' };

/** Which standard lift each pattern is scaled from. */
export function anchorOf(pattern: Pattern): StandardLift {
  switch (pattern) {
    case 'squat': case 'lunge': case 'knee_extension': case 'knee_flexion': case 'calf_raise':
    case 'hip_abduction': case 'hip_adduction':
      return 'squat';
    case 'hinge': case 'hip_extension': case 'shrug': case 'carry':
      return 'deadlift';
    default:
      return 'bench';
  }
}

/**
 * Parse the percentiles CSV (header `Sex,WeightClassKg,Lift,NLifters,P5,...,P95`).
 * Throws `Error` naming the line when a row does not parse, or when a lift is missing.
 */
export function parseStrengthStandards(csv: string): StrengthStandards {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines[0] ?? '').split(',');
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`strength standards: no column ${name} in the header`);
    return i;
  };
  const iSex = col('Sex'); const iClass = col('WeightClassKg'); const iLift = col('Lift'); const iN = col('NLifters');
  const iP = PERCENTILES.map(col);
  const rows: StandardRow[] = [];
  lines.slice(1).forEach((line, k) => {
    const f = line.split(',');
    const lift = LIFT_OF[f[iLift] ?? ''];
    const sex = f[iSex] === 'F' ? 'female' : f[iSex] === 'M' ? 'male' : null;
    const cls = f[iClass] ?? '';
    const classKg = Number(cls.replace('+', ''));
    const kg = Object.fromEntries(PERCENTILES.map((p, j) => [p, Number(f[iP[j]!])])) as Record<Percentile, number>;
    if (!lift || !sex || !Number.isFinite(classKg) || PERCENTILES.some((p) => !(kg[p] > 0))) {
      throw new Error(`strength standards line ${String(k + 2)}: cannot read "${line}"`);
    }
    rows.push({ sex, classKg, open: cls.endsWith('+'), lift, lifters: Number(f[iN]) || 0, kg });
  });
  for (const lift of ['squat', 'bench', 'deadlift'] as const) {
    if (!rows.some((r) => r.lift === lift)) throw new Error(`strength standards: no ${lift} rows`);
  }
  return { rows };
}

export interface StandardsMember {
  sex: 'female' | 'male' | null;
  bodyMassKg: number | null;
  level: Level;
}

/** The gym-scaled percentile (kg) of `lift` for the member, and the row description. */
export function standardKg(table: StrengthStandards, lift: StandardLift, m: StandardsMember): { kg: number; label: string } {
  const sex = m.sex ?? 'female';
  const pct = GYM_PERCENTILE[m.level];
  const rows = table.rows.filter((r) => r.sex === sex && r.lift === lift).sort((a, b) => a.classKg - b.classKg || Number(a.open) - Number(b.open));
  if (rows.length === 0) throw new Error(`strength standards: no ${sex} ${lift} rows`);
  const who = `${sex}${m.sex === null ? ' (sex unknown)' : ''}`;
  if (m.bodyMassKg !== null) {
    const mass = m.bodyMassKg;
    const row = rows.find((r) => !r.open && mass <= r.classKg) ?? rows[rows.length - 1]!;
    return { kg: row.kg[pct], label: `${pct} of raw ${who} lifters in the ${String(row.classKg)}${row.open ? '+' : ''} kg class` };
  }
  const total = rows.reduce((s, r) => s + r.lifters, 0);
  const kg = total > 0 ? rows.reduce((s, r) => s + r.kg[pct] * r.lifters, 0) / total : rows.reduce((s, r) => s + r.kg[pct], 0) / rows.length;
  return { kg, label: `${pct} of raw ${who} lifters, all classes (body mass unknown)` };
}

/** The starting e1RM prior (kg) of a loaded `exercise`, with a label for its reason; null for body-weight work. */
export function standardsPrior(table: StrengthStandards, exercise: Exercise, m: StandardsMember): { e1rmKg: number; label: string } | null {
  if (!isLoadedEquipment(exercise.equipment)) return null;
  const anchor = anchorOf(exercise.pattern);
  const std = standardKg(table, anchor, m);
  const scale = PRIOR_RATIO[exercise.pattern] / PRIOR_RATIO[ANCHOR_PATTERN[anchor]];
  const e1rmKg = std.kg * scale * equipmentFactor(exercise) * PRIOR_START_FRACTION;
  const scaled = scale === 1 && equipmentFactor(exercise) === 1 ? '' : ` scaled to this exercise`;
  return { e1rmKg, label: `Prior from strength standards: ${anchor} ${std.label}${scaled}, start at ${String(Math.round(PRIOR_START_FRACTION * 100))} %` };
}
