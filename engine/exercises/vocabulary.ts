/**
 * The fixed vocabularies every exercise, member and plan uses.
 *
 * Muscles follow the 17 names of free-exercise-db (yuhonas/free-exercise-db, Unlicense),
 * written in snake_case, so imported and built-in exercises share one vocabulary.
 */

export const MUSCLES = [
  'abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes',
  'hamstrings', 'lats', 'lower_back', 'middle_back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps',
] as const;
export type Muscle = (typeof MUSCLES)[number];

/** What the member needs to do the exercise. `body_only` needs nothing. */
export const EQUIPMENT = [
  'barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'smith_machine', 'ez_bar', 'bands',
  'body_only', 'pullup_bar', 'medicine_ball', 'exercise_ball', 'foam_roll', 'other',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const MECHANICS = ['compound', 'isolation'] as const;
export type Mechanic = (typeof MECHANICS)[number];

export const FORCES = ['push', 'pull', 'static'] as const;
export type Force = (typeof FORCES)[number];

/**
 * Movement patterns. The planner fills session slots by pattern, so every exercise has exactly one.
 */
export const PATTERNS = [
  'squat', 'hinge', 'lunge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull',
  'elbow_flexion', 'elbow_extension', 'shoulder_raise', 'chest_fly', 'rear_delt', 'knee_extension',
  'knee_flexion', 'hip_extension', 'hip_abduction', 'hip_adduction', 'calf_raise', 'core_flexion',
  'core_stability', 'core_rotation', 'shrug', 'carry', 'conditioning', 'mobility', 'other',
] as const;
export type Pattern = (typeof PATTERNS)[number];

export const GOALS = ['strength', 'hypertrophy', 'general_fitness', 'endurance'] as const;
export type Goal = (typeof GOALS)[number];

export const UNITS = ['kg', 'lb'] as const;
export type WeightUnit = (typeof UNITS)[number];

/** Where an exercise record came from. */
export const EXERCISE_SOURCES = ['builtin', 'free-exercise-db', 'user'] as const;
export type ExerciseSource = (typeof EXERCISE_SOURCES)[number];
