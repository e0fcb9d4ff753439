/**
 * Splits and session templates.
 *
 * Split by days per week and level:
 * | days | beginner                    | intermediate / advanced                        |
 * |------|-----------------------------|------------------------------------------------|
 * | 2    | full_body A B               | full_body A B                                  |
 * | 3    | full_body A B C             | full_body A B C                                |
 * | 4    | upper_lower UA LA UB LB     | upper_lower UA LA UB LB                        |
 * | 5    | upper_lower UA LA UB LB UA  | push_pull_legs: Push Pull Legs + Upper Lower   |
 * | 6    | upper_lower ×3 UA LA UB LB UA LA | push_pull_legs ×2                          |
 * Rationale: each muscle is trained about twice a week in every row, which the frequency
 * meta-analysis favours over once (Schoenfeld, Ogborn & Krieger 2016, Sports Med 46:1689);
 * beginners stay on simpler full-body / upper–lower rotations (ACSM 2009 position stand,
 * MSSE 41(3):687–708: novices 2–3 days full body, intermediates 3–4 days split, advanced 4–6).
 *
 * A session is a list of slots in priority order (compounds first). A slot names movement
 * patterns: the first pattern with an eligible exercise is used, later ones are fallbacks.
 * Days that repeat a template (e.g. Push on days 1 and 4) reuse that day's exercises.
 */
import type { Level, Muscle, Pattern, SplitKind } from '../types';

/** `main`: the session's key lifts; `assist`: secondary compounds; `accessory`: small work. */
export type SlotRole = 'main' | 'assist' | 'accessory';

export interface Slot {
  /** What a trainer calls the slot, e.g. `Squat`. */
  label: string;
  /** Allowed patterns, preferred first. */
  patterns: readonly Pattern[];
  role: SlotRole;
  /** When no exercise fits an essential slot the planner throws instead of leaving it out. */
  essential: boolean;
  /** Lower-case name fragments of the staple exercises for the slot, e.g. `lateral raise`. */
  hints: readonly string[];
}

/** Body region a session trains; the balance pass only adds accessories within it. */
export type Region = 'full' | 'upper' | 'lower' | 'push' | 'pull' | 'legs';

const LOWER_MUSCLES: readonly Muscle[] = ['quadriceps', 'hamstrings', 'glutes', 'calves', 'abductors', 'adductors', 'abdominals', 'lower_back'];

/** Muscles that belong to each region (primary muscles of balance accessories must all fit). */
export const REGION_MUSCLES: Readonly<Record<Region, readonly Muscle[]>> = {
  full: ['chest', 'lats', 'middle_back', 'shoulders', 'biceps', 'triceps', 'traps', 'forearms', ...LOWER_MUSCLES],
  upper: ['chest', 'lats', 'middle_back', 'shoulders', 'biceps', 'triceps', 'traps', 'forearms'],
  push: ['chest', 'shoulders', 'triceps'],
  pull: ['lats', 'middle_back', 'shoulders', 'biceps', 'traps', 'forearms'],
  lower: LOWER_MUSCLES,
  legs: LOWER_MUSCLES,
};

export interface SessionTemplate {
  /** Stable key; days with the same key share their exercises. */
  key: string;
  name: string;
  region: Region;
  slots: readonly Slot[];
}

export interface SplitChoice {
  split: SplitKind;
  /** One template per training day, in day order. */
  days: readonly SessionTemplate[];
  /** Why this split, for the plan's notes. */
  reason: string;
}

/** Staple-name hints by the slot's preferred pattern (matched against exercise names). */
const HINTS: Readonly<Partial<Record<Pattern, readonly string[]>>> = {
  squat: ['back squat', 'leg press'], hinge: ['deadlift'], lunge: ['split squat', 'lunge'],
  horizontal_push: ['bench press'], vertical_push: ['overhead press', 'shoulder press'],
  horizontal_pull: ['row'], vertical_pull: ['pulldown', 'pull-up', 'pull up', 'pullup'],
  elbow_flexion: ['curl'], elbow_extension: ['pushdown', 'triceps extension'], shoulder_raise: ['lateral raise'],
  chest_fly: ['fly', 'crossover'], rear_delt: ['reverse fly', 'face pull'], knee_extension: ['leg extension'],
  knee_flexion: ['leg curl'], hip_extension: ['hip thrust'], calf_raise: ['calf raise'], shrug: ['shrug'],
  core_stability: ['plank'], core_flexion: ['crunch'], core_rotation: ['woodchop', 'pallof'],
};

/** Slot-specific hints where the pattern's default would pick the wrong staple. */
const LABEL_HINTS: Readonly<Record<string, readonly string[]>> = {
  'Incline or second press': ['incline'], 'Chest press': ['incline', 'chest press'], 'Squat or leg press': ['leg press', 'squat'],
  'Hip extension': ['hip thrust', 'glute bridge'], 'Second pull': ['row'], 'Squat variation': ['front squat', 'goblet', 'leg press'],
};

function slot(label: string, role: SlotRole, essential: boolean, patterns: Pattern[]): Slot {
  const byPattern = patterns[0] === undefined ? [] : HINTS[patterns[0]] ?? [];
  return { label, patterns, role, essential, hints: LABEL_HINTS[label] ?? byPattern };
}
const main = (label: string, ...patterns: Pattern[]): Slot => slot(label, 'main', true, patterns);
const mainOpt = (label: string, ...patterns: Pattern[]): Slot => slot(label, 'main', false, patterns);
const assist = (label: string, ...patterns: Pattern[]): Slot => slot(label, 'assist', false, patterns);
const acc = (label: string, ...patterns: Pattern[]): Slot => slot(label, 'accessory', false, patterns);

const CORE_A: Pattern[] = ['core_stability', 'core_flexion', 'core_rotation'];
const CORE_B: Pattern[] = ['core_flexion', 'core_rotation', 'core_stability'];

export const FULL_BODY_A: SessionTemplate = { key: 'fb-a', name: 'Full body A', region: 'full', slots: [
  main('Squat', 'squat', 'lunge'), main('Horizontal push', 'horizontal_push', 'vertical_push'),
  main('Horizontal pull', 'horizontal_pull', 'vertical_pull'), assist('Hinge', 'hinge', 'hip_extension'),
  assist('Vertical push', 'vertical_push'), acc('Core', ...CORE_A),
] };
export const FULL_BODY_B: SessionTemplate = { key: 'fb-b', name: 'Full body B', region: 'full', slots: [
  main('Hinge', 'hinge', 'hip_extension'), main('Vertical pull', 'vertical_pull', 'horizontal_pull'),
  main('Vertical push', 'vertical_push', 'horizontal_push'), assist('Lunge', 'lunge', 'squat'),
  acc('Biceps', 'elbow_flexion'), acc('Triceps', 'elbow_extension'), acc('Core', ...CORE_B),
] };
export const FULL_BODY_C: SessionTemplate = { key: 'fb-c', name: 'Full body C', region: 'full', slots: [
  main('Squat or leg press', 'squat', 'lunge'), main('Chest press', 'horizontal_push', 'vertical_push'),
  main('Row', 'horizontal_pull', 'vertical_pull'), assist('Hip extension', 'hip_extension', 'hinge'),
  acc('Lateral raise', 'shoulder_raise', 'rear_delt'), acc('Leg curl', 'knee_flexion'), acc('Calves', 'calf_raise'),
  acc('Core', 'core_rotation', 'core_stability', 'core_flexion'),
] };

export const UPPER_A: SessionTemplate = { key: 'upper-a', name: 'Upper A', region: 'upper', slots: [
  main('Horizontal push', 'horizontal_push', 'vertical_push'), main('Horizontal pull', 'horizontal_pull', 'vertical_pull'),
  assist('Vertical push', 'vertical_push'), assist('Vertical pull', 'vertical_pull', 'horizontal_pull'),
  acc('Biceps', 'elbow_flexion'), acc('Triceps', 'elbow_extension'), acc('Lateral raise', 'shoulder_raise'),
] };
export const LOWER_A: SessionTemplate = { key: 'lower-a', name: 'Lower A', region: 'lower', slots: [
  main('Squat', 'squat', 'lunge'), mainOpt('Hinge', 'hinge', 'hip_extension'), assist('Lunge', 'lunge'),
  acc('Leg curl', 'knee_flexion'), acc('Calves', 'calf_raise'), acc('Core', ...CORE_A),
] };
export const UPPER_B: SessionTemplate = { key: 'upper-b', name: 'Upper B', region: 'upper', slots: [
  main('Vertical push', 'vertical_push', 'horizontal_push'), main('Vertical pull', 'vertical_pull', 'horizontal_pull'),
  assist('Horizontal push', 'horizontal_push'), assist('Row', 'horizontal_pull'),
  acc('Rear delts', 'rear_delt'), acc('Triceps', 'elbow_extension'), acc('Biceps', 'elbow_flexion'),
] };
export const LOWER_B: SessionTemplate = { key: 'lower-b', name: 'Lower B', region: 'lower', slots: [
  main('Hinge', 'hinge', 'hip_extension'), assist('Squat variation', 'squat', 'lunge'),
  assist('Hip extension', 'hip_extension'), acc('Leg extension', 'knee_extension'), acc('Calves', 'calf_raise'),
  acc('Core', ...CORE_B),
] };

export const PUSH: SessionTemplate = { key: 'push', name: 'Push', region: 'push', slots: [
  main('Horizontal push', 'horizontal_push', 'vertical_push'), mainOpt('Vertical push', 'vertical_push'),
  assist('Incline or second press', 'horizontal_push'), acc('Chest fly', 'chest_fly'),
  acc('Lateral raise', 'shoulder_raise'), acc('Triceps', 'elbow_extension'), acc('Triceps 2', 'elbow_extension'),
] };
export const PULL: SessionTemplate = { key: 'pull', name: 'Pull', region: 'pull', slots: [
  main('Vertical pull', 'vertical_pull', 'horizontal_pull'), main('Row', 'horizontal_pull', 'vertical_pull'),
  assist('Second pull', 'horizontal_pull', 'vertical_pull'), acc('Rear delts', 'rear_delt'),
  acc('Biceps', 'elbow_flexion'), acc('Biceps 2', 'elbow_flexion'), acc('Shrug', 'shrug'),
] };
export const LEGS: SessionTemplate = { key: 'legs', name: 'Legs', region: 'legs', slots: [
  main('Squat', 'squat', 'lunge'), mainOpt('Hinge', 'hinge', 'hip_extension'), assist('Lunge', 'lunge', 'squat'),
  acc('Leg curl', 'knee_flexion'), acc('Leg extension', 'knee_extension'), acc('Calves', 'calf_raise'),
  acc('Core', ...CORE_A),
] };
const UPPER: SessionTemplate = { ...UPPER_A, key: 'upper', name: 'Upper' };
const LOWER: SessionTemplate = { ...LOWER_B, key: 'lower', name: 'Lower' };

/**
 * The split for `daysPerWeek` (2–6) and `level` (see the table above).
 * Throws `RangeError` outside 2–6 (the request validator catches that first).
 */
export function chooseSplit(daysPerWeek: number, level: Level): SplitChoice {
  const beginner = level === 'beginner';
  switch (daysPerWeek) {
    case 2:
      return { split: 'full_body', days: [FULL_BODY_A, FULL_BODY_B], reason: 'Full body A/B: with 2 days, training every muscle each session gives each about twice-weekly practice.' };
    case 3:
      return { split: 'full_body', days: [FULL_BODY_A, FULL_BODY_B, FULL_BODY_C], reason: 'Full body A/B/C: with 3 days, each muscle is trained 3 times a week with varied exercises.' };
    case 4:
      return { split: 'upper_lower', days: [UPPER_A, LOWER_A, UPPER_B, LOWER_B], reason: 'Upper/lower ×2: 4 days train each muscle twice a week with shorter sessions than full body.' };
    case 5:
      return beginner
        ? { split: 'upper_lower', days: [UPPER_A, LOWER_A, UPPER_B, LOWER_B, UPPER_A], reason: 'Upper/lower for a beginner on 5 days: simple, repeatable sessions (day 5 repeats Upper A).' }
        : { split: 'push_pull_legs', days: [PUSH, PULL, LEGS, UPPER, LOWER], reason: 'Push/pull/legs plus an upper/lower pair: 5 days that still hit each muscle about twice a week.' };
    case 6:
      return beginner
        ? { split: 'upper_lower', days: [UPPER_A, LOWER_A, UPPER_B, LOWER_B, UPPER_A, LOWER_A], reason: 'Upper/lower ×3 for a beginner on 6 days: simple sessions, each repeated (days 5–6 repeat days 1–2).' }
        : { split: 'push_pull_legs', days: [PUSH, PULL, LEGS, PUSH, PULL, LEGS], reason: 'Push/pull/legs ×2: 6 days, each muscle twice a week; days 4–6 repeat days 1–3.' };
    default:
      throw new RangeError(`daysPerWeek must be 2–6, got ${String(daysPerWeek)}`);
  }
}
