/**
 * Shared domain shapes of the engine. Pure data: no I/O, no classes.
 * Units: loads in kg, durations in s, timestamps as ISO-8601 strings (UTC).
 */
import type {
  Equipment, ExerciseSource, Force, Goal, Level, Mechanic, Muscle, Pattern, WeightUnit,
} from './exercises/vocabulary';

export type * from './exercises/vocabulary';

/** One exercise of the library. `id` is a stable slug, e.g. `barbell-bench-press`. */
export interface Exercise {
  id: string;
  name: string;
  /** Other names people and apps use, e.g. Strong's `Bench Press (Barbell)`. */
  aliases: string[];
  primaryMuscles: Muscle[];
  secondaryMuscles: Muscle[];
  equipment: Equipment;
  level: Level;
  mechanic: Mechanic;
  force: Force;
  pattern: Pattern;
  /** Exercises that share a group can stand in for each other, e.g. `bench-press`. */
  substitutionGroup: string;
  /** `strength`, `stretching`, `cardio`, `plyometrics`, ... (free-exercise-db categories). */
  category: string;
  source: ExerciseSource;
  /** The record's id in its source, e.g. free-exercise-db's `Barbell_Bench_Press_-_Medium_Grip`. */
  sourceId: string | null;
  instructions: string[];
}

/** One logged set, as the engine sees history. */
export interface SetRecord {
  exerciseId: string;
  /** ISO-8601 time the set was performed. */
  performedAt: string;
  /** External load in kg; 0 for body-weight sets. */
  loadKg: number;
  reps: number;
  /** Reps in reserve when reported (RIR = 10 − RPE). */
  rir: number | null;
  rpe: number | null;
}

/** What the planner needs to know of a member. */
export interface MemberProfile {
  id: number;
  name: string;
  goal: Goal;
  level: Level;
  daysPerWeek: number;
  sessionMinutes: number;
  equipment: Equipment[];
  /** Muscles that must not be trained as a primary mover (injury, doctor's advice). */
  excludedMuscles: Muscle[];
  /** Movement patterns to avoid, e.g. `hinge` for a disc injury. */
  excludedPatterns: Pattern[];
  /** Single exercises to avoid. */
  excludedExerciseIds: string[];
  preferredUnit: WeightUnit;
  bodyMassKg: number | null;
  /**
   * What the member can load: the club's inventory or their home gym's (engine/progression
   * inventory.ts). Absent: the standard grid of `preferredUnit` (engine/units/loadable.ts).
   */
  inventory?: import('./progression/types').LoadInventory;
}

export const SPLITS = ['full_body', 'upper_lower', 'push_pull_legs'] as const;
export type SplitKind = (typeof SPLITS)[number];

/** One exercise in one planned session. */
export interface Prescription {
  exerciseId: string;
  exerciseName: string;
  /** 1-based position in the session. */
  order: number;
  sets: number;
  repMin: number;
  repMax: number;
  targetRir: number;
  /** Load per set in kg, rounded to a loadable increment; null for body-weight work. */
  loadKg: number | null;
  restS: number;
  /** First-week set with no history behind its load: the member works up to the target RIR. */
  isCalibration: boolean;
  /** A sentence a trainer can read: where the load came from and what it asks for. */
  reason: string;
  /** The e1RM (kg) the load came from, when there was one. */
  e1rmKg: number | null;
}

export interface PlannedSession {
  /** 1-based day of the training week. */
  day: number;
  name: string;
  estimatedMinutes: number;
  prescriptions: Prescription[];
}

export interface PlannedWeek {
  /** 1-based week of the block. */
  week: number;
  isDeload: boolean;
  targetRir: number;
  sessions: PlannedSession[];
}

/** A generated plan before it is stored. */
export interface PlanDraft {
  memberId: number;
  goal: Goal;
  level: Level;
  split: SplitKind;
  daysPerWeek: number;
  sessionMinutes: number;
  weeks: PlannedWeek[];
  /** Plan-level notes: split choice, layoffs, exclusions that were applied. */
  notes: string[];
}
