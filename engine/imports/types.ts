/**
 * Shapes of the workout-export importer's output (every app). See `parseWorkoutExport` in ./parse.
 */
import type { WeightUnit } from '../types';
import type { Delimiter } from './csv';
import type { ImportField, ImportFormat, Language } from './formats';
import type { SetKind } from './strongValues';
import type { UnitSource } from './strongUnits';

export interface ImportParseOptions {
  /** `auto` (default) recognises the app from the header or, without one, from the rows' shape. */
  format?: ImportFormat | 'auto';
  /** The unit the file's weights are written in; overrides the file's unit columns, headers and detection. */
  unit?: WeightUnit;
  /** The club's IANA time zone: zone-less times are read as this zone, zoned ones converted to it. Default `UTC`. */
  timeZone?: string;
  /** More header names per field, for an export language this importer does not know yet. */
  extraHeaderAliases?: Partial<Record<ImportField, readonly string[]>>;
}

/** One logged set, normalised (SI). Loads in kg, distances in m, durations in s. */
export interface ImportedSetRow {
  /** 1-based line of the file on which the row starts (the header is line 1). */
  line: number;
  /** Workout start as ISO-8601 local date-time in the club's zone, no offset, e.g. `2020-09-29T07:10:22`. */
  startedAt: string;
  workoutName: string;
  /** Whole-workout duration in s (repeated on every row of the workout); null when absent. */
  durationS: number | null;
  /** Exercise name exactly as the app wrote it, e.g. `Bench Press (Barbell)`. */
  exerciseName: string;
  /** Position within the exercise, from 1; null for letter-marked sets (W, D, F) and apps that write none. */
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
  /** Reps in reserve: 0 for a set to failure, else 10 − RPE, else null. */
  rir: number | null;
  /** Where `rir` came from: the logged RPE, the failure mark, or nothing. */
  rirSource: 'rpe' | 'failure' | null;
}

/** A row that was read but is not usable as a set, e.g. 0 reps with no time or distance. */
export interface ImportRejectedRow {
  line: number;
  field: ImportField;
  reason: string;
}

/** Rows left out on purpose (not sets), counted per reason, e.g. Strong's rest-timer rows. */
export interface SkippedRows {
  reason: string;
  count: number;
  firstLine: number;
}

/** A fatal problem: the caller aborts the import while any exist. `field` is `row` or `file` for structure. */
export interface ImportIssue {
  line: number;
  field: ImportField | 'row' | 'file';
  message: string;
}

export interface ImportSummary {
  /** Data rows in the file (not counting the header or blank lines). */
  rowsTotal: number;
  /** Distinct calendar dates with at least one usable set. */
  days: number;
  /** Distinct workouts (start time + workout name) with at least one usable set. */
  sessions: number;
  /** Usable sets per exercise name, most sets first. */
  exercises: Array<{ name: string; sets: number }>;
}

/** What the importer recognised, and why. */
export interface ImportDetection {
  format: ImportFormat;
  /** The layout within the app, e.g. `Strong 2025+ (Workout #, Duration (sec), units in the headers)`. */
  layout: string;
  language: Language;
  /** The file had no header row; the app was recognised from the shape of its rows. */
  headerless: boolean;
  /** One sentence for a trainer, e.g. `Header matched Strong (German): 12 of 12 columns known.` */
  reason: string;
}

export interface ImportParseResult {
  rows: ImportedSetRow[];
  rejected: ImportRejectedRow[];
  skipped: SkippedRows[];
  /** The first `MAX_REPORTED_ISSUES` errors, in file order. */
  errors: ImportIssue[];
  /** All errors found, including those left out of `errors`. */
  errorCount: number;
  /** Non-fatal oddities, e.g. an unreadable duration (the rows keep `durationS: null`). Capped likewise. */
  warnings: ImportIssue[];
  /** Null when the file was refused (unknown app, empty file). */
  detection: ImportDetection | null;
  unit: WeightUnit;
  unitSource: UnitSource;
  unitReason: string;
  /** The zone times were read in, and how (one sentence). */
  timeZone: string;
  timeNote: string;
  delimiter: Delimiter;
  /** Header cells that matched no known field and were ignored. */
  ignoredColumns: string[];
  summary: ImportSummary;
}

/** At most this many errors (and, separately, warnings) are listed; `errorCount` has the total. */
export const MAX_REPORTED_ISSUES = 100;

// The Strong-era names, kept for callers written against them.
export type StrongParseOptions = Omit<ImportParseOptions, 'format'>;
export type StrongSetRow = ImportedSetRow;
export type StrongRejectedRow = ImportRejectedRow;
export type StrongImportIssue = ImportIssue;
export type StrongImportSummary = ImportSummary;
export type StrongParseResult = ImportParseResult;
