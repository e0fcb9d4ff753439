/**
 * Strong app CSV exports (https://www.strong.app/): `parseStrongCsv` is `parseWorkoutExport`
 * (./parse) with the format fixed to Strong, so a file of another app is not read as one.
 *
 * Example: `parseStrongCsv(text).rows[0]` of the real export DericMei/My-WorkOut-Project (MIT) is
 * `{ line: 2, startedAt: '2020-09-29T07:10:22', workoutName: '4.Pull', durationS: 4380,
 *    exerciseName: 'Bent Over Row (Barbell)', setOrder: 1, setKind: 'working', loadKg: 20, reps: 5, ... }`.
 */
import { DateReader } from './dates';
import { parseWorkoutExport } from './parse';
import type { StrongParseOptions, StrongParseResult } from './types';

export type * from './types';
export { MAX_REPORTED_ISSUES } from './types';
export type { SetKind } from './strongValues';
export { parseDuration, parseSetOrder } from './strongValues';
export type { UnitSource } from './strongUnits';
export { detectWeightUnit } from './strongUnits';
export { STRONG_ALIASES } from './formats';

/** Parses a Strong CSV export; see `parseWorkoutExport` for outcomes. `options.unit` overrides the file's unit. */
export function parseStrongCsv(text: string, options: StrongParseOptions = {}): StrongParseResult {
  return parseWorkoutExport(text, { ...options, format: 'strong' });
}

/**
 * `2020-09-29 07:10:22` → `2020-09-29T07:10:22` (read with date-fns, see ./dates). Strong writes
 * the phone's wall clock with no zone. Also accepted: a `T`, no seconds, 12-hour times
 * (`2024-01-15 6:05:03 PM`, with any space before AM/PM). `null` for anything else or an
 * impossible date or time.
 */
export function parseStrongDate(text: string): string | null {
  return new DateReader().read(text)?.iso ?? null;
}
