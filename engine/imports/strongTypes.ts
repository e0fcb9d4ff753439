/**
 * Shapes of the Strong app importer's output. See `parseStrongCsv` in ./strong.
 */
import type { WeightUnit } from '../types';
import type { Delimiter } from './csv';
import type { StrongField } from './strongHeaders';
import type { SetKind } from './strongValues';
import type { UnitSource } from './strongUnits';

export interface StrongParseOptions {
  /** The unit the file's weights are written in; overrides a `Weight Unit` column and detection. */
  unit?: WeightUnit;
  /** More header names per field, for an export language this importer does not know yet. */
  extraHeaderAliases?: Partial<Record<StrongField, readonly string[]>>;
}

/** One logged set, normalised. Loads in kg, distances in m, durations in s. */
export interface StrongSetRow {
  /** 1-based line of the file on which the row starts (the header is line 1). */
  line: number;
  /** Workout start as ISO-8601 local date-time with no zone, e.g. `2020-09-29T07:10:22`. */
  startedAt: string;
  workoutName: string;
  /** Whole-workout duration in s (repeated on every row of the workout); null when absent. */
  durationS: number | null;
  /** Exercise name exactly as Strong wrote it, e.g. `Bench Press (Barbell)`. */
  exerciseName: string;
  /** Position within the exercise; null for letter-marked sets (W, D, F). */
  setOrder: number | null;
  setKind: SetKind;
  /** External load in kg (0 for body-weight sets), rounded to 1 mg to drop float noise. */
  loadKg: number;
  reps: number;
  /** Distance in m; null when empty or 0. */
  distanceM: number | null;
  /** Time under the set in s (planks, carries); null when empty or 0. */
  seconds: number | null;
  notes: string | null;
  workoutNotes: string | null;
  /** RPE as logged (1–10, half points allowed); null when not rated. */
  rpe: number | null;
  /** Reps in reserve: 0 for a set marked F, else 10 − RPE, else null. */
  rir: number | null;
}

/** A row that was read but is not usable as a set, e.g. 0 reps with no time or distance. */
export interface StrongRejectedRow {
  line: number;
  field: StrongField;
  reason: string;
}

/** A fatal problem: the caller aborts the import while any exist. `field` is `row` or `file` for structure. */
export interface StrongImportIssue {
  line: number;
  field: StrongField | 'row' | 'file';
  message: string;
}

export interface StrongImportSummary {
  /** Data rows in the file (not counting the header or blank lines). */
  rowsTotal: number;
  /** Distinct calendar dates with at least one usable set. */
  days: number;
  /** Distinct workouts (start time + workout name) with at least one usable set. */
  sessions: number;
  /** Usable sets per exercise name, most sets first. */
  exercises: Array<{ name: string; sets: number }>;
}

export interface StrongParseResult {
  rows: StrongSetRow[];
  rejected: StrongRejectedRow[];
  /** The first `MAX_REPORTED_ISSUES` errors, in file order. */
  errors: StrongImportIssue[];
  /** All errors found, including those left out of `errors`. */
  errorCount: number;
  /** Non-fatal oddities, e.g. an unreadable duration (the rows keep `durationS: null`). Capped likewise. */
  warnings: StrongImportIssue[];
  unit: WeightUnit;
  unitSource: UnitSource;
  unitReason: string;
  delimiter: Delimiter;
  /** Header cells that matched no known field and were ignored, e.g. `Workout #`. */
  ignoredColumns: string[];
  summary: StrongImportSummary;
}

/** At most this many errors (and, separately, warnings) are listed; `errorCount` has the total. */
export const MAX_REPORTED_ISSUES = 100;
