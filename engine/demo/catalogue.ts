/**
 * Fixed ingredients of the demo club: invented names, the exercises demo members train (named as
 * Strong names them, which the built-in library carries as aliases), their strength priors and
 * the session templates. Everything here is made up for demonstration and is not measured data.
 */
import type { Equipment, Goal, Level } from '../types';

export type DemoSex = 'female' | 'male';

/** Invented first names by sex, from several cultures; joined with an invented family name. */
export const FIRST_NAMES: Readonly<Record<DemoSex, readonly string[]>> = {
  female: [
    'Amara', 'Beatriz', 'Chiara', 'Dana', 'Elif', 'Freya', 'Grace', 'Hana', 'Ines', 'Jade',
    'Keiko', 'Lena', 'Maya', 'Nadia', 'Olivia', 'Priya', 'Rosa', 'Sofia', 'Tara', 'Yara',
  ],
  male: [
    'Aaron', 'Bruno', 'Caleb', 'Dmitri', 'Emeka', 'Felix', 'Gabriel', 'Hugo', 'Idris', 'Jonas',
    'Kenji', 'Luca', 'Mateo', 'Noah', 'Omar', 'Pavel', 'Rafael', 'Samir', 'Tomas', 'Viktor',
  ],
};

export const FAMILY_NAMES: readonly string[] = [
  'Abernathy', 'Brightwater', 'Castellan', 'Duvall', 'Eastwood', 'Fairbairn', 'Galloway', 'Hartigan',
  'Ivers', 'Jansen', 'Kowalczyk', 'Lindqvist', 'Marchetti', 'Novak', 'Okafor', 'Pellegrini',
  'Quinlan', 'Rasmussen', 'Sandoval', 'Takeda', 'Underhill', 'Valdivia', 'Whitlock', 'Yilmaz',
];

export interface DemoExercise {
  /** Strong's name, e.g. `Squat (Barbell)`. */
  name: string;
  /** Demo prior: 1RM as a multiple of body mass for an intermediate man (per dumbbell for dumbbell work). */
  oneRmPerKgBody: number;
  /** Lower-body lifts keep more of the male prior in women (see `FEMALE_FACTOR`). */
  lowerBody: boolean;
  /** Isolation lifts are trained in higher rep ranges. */
  isolation: boolean;
  /** Lightest load that can be put on it, kg: the 20 kg bar for barbell lifts, else one 2.5 kg step. */
  minLoadKg: number;
}

/**
 * The ten demo exercises. Priors are invented for plausibility and sanity-checked only against
 * the second-hand gym-app medians in guides/domain.md (squat ≈ 93 kg, bench ≈ 77 kg, deadlift
 * ≈ 110 kg, mixed sex): an 82 kg intermediate man here starts near squat 98, bench 78, deadlift 119.
 */
export const DEMO_EXERCISES = {
  squat: { name: 'Squat (Barbell)', oneRmPerKgBody: 1.2, lowerBody: true, isolation: false, minLoadKg: 20 },
  bench: { name: 'Bench Press (Barbell)', oneRmPerKgBody: 0.95, lowerBody: false, isolation: false, minLoadKg: 20 },
  deadlift: { name: 'Deadlift (Barbell)', oneRmPerKgBody: 1.45, lowerBody: true, isolation: false, minLoadKg: 20 },
  press: { name: 'Overhead Press (Barbell)', oneRmPerKgBody: 0.6, lowerBody: false, isolation: false, minLoadKg: 20 },
  row: { name: 'Bent Over Row (Barbell)', oneRmPerKgBody: 0.8, lowerBody: false, isolation: false, minLoadKg: 20 },
  pulldown: { name: 'Lat Pulldown (Cable)', oneRmPerKgBody: 0.85, lowerBody: false, isolation: false, minLoadKg: 2.5 },
  rdl: { name: 'Romanian Deadlift (Barbell)', oneRmPerKgBody: 1.1, lowerBody: true, isolation: false, minLoadKg: 20 },
  legPress: { name: 'Leg Press', oneRmPerKgBody: 2.2, lowerBody: true, isolation: false, minLoadKg: 2.5 },
  curl: { name: 'Bicep Curl (Dumbbell)', oneRmPerKgBody: 0.2, lowerBody: false, isolation: true, minLoadKg: 2.5 },
  lateral: { name: 'Lateral Raise (Dumbbell)', oneRmPerKgBody: 0.12, lowerBody: false, isolation: true, minLoadKg: 2.5 },
} as const satisfies Record<string, DemoExercise>;

export type DemoExerciseKey = keyof typeof DEMO_EXERCISES;

/** Rotating session templates; a session takes the first 3–5 entries. */
export const SESSION_TEMPLATES: ReadonlyArray<readonly DemoExerciseKey[]> = [
  ['squat', 'bench', 'row', 'lateral', 'curl'],
  ['deadlift', 'press', 'pulldown', 'legPress', 'lateral'],
  ['rdl', 'bench', 'pulldown', 'legPress', 'curl'],
];

/** Demo prior: share of the intermediate-man 1RM by level. */
export const LEVEL_FACTOR: Readonly<Record<Level, number>> = { beginner: 0.6, intermediate: 1, advanced: 1.3 };

/** Demo prior: share of the male 1RM for women, upper and lower body. */
export const FEMALE_FACTOR = { upper: 0.55, lower: 0.7 } as const;

/**
 * Demo assumption: true 1RM gain per training week as a share of 1RM. Beginners gain fastest;
 * the figures are chosen for plausibility, not fitted to data.
 */
export const WEEKLY_GAIN: Readonly<Record<Level, number>> = { beginner: 0.015, intermediate: 0.0075, advanced: 0.0035 };

/** Target reps [min, max] by goal, for compound lifts; isolation lifts use `ISOLATION_REPS`. */
export const GOAL_REPS: Readonly<Record<Goal, readonly [number, number]>> = {
  strength: [3, 6],
  hypertrophy: [8, 12],
  general_fitness: [8, 12],
  endurance: [12, 15],
};

export const ISOLATION_REPS: readonly [number, number] = [10, 15];

/** Training days within a week (0 = the week's first day) for 2–5 days per week. */
export const WEEKDAY_PATTERNS: Readonly<Record<number, readonly number[]>> = {
  2: [0, 3],
  3: [0, 2, 4],
  4: [0, 1, 3, 4],
  5: [0, 1, 2, 3, 4],
};

/** What every demo member's gym has, plus extras some of them list. */
export const BASE_EQUIPMENT: readonly Equipment[] = ['barbell', 'dumbbell', 'cable', 'machine', 'body_only'];
export const EXTRA_EQUIPMENT: readonly Equipment[] = ['pullup_bar', 'kettlebell', 'bands', 'ez_bar'];
