/**
 * The real exports of `../shared/data/logs/exports/` (see its README) with what importing each must
 * give: for tests and the `imports` bench only. Paths are relative to that folder; the files are
 * read from beside the repository and never copied into it.
 *
 * `setRows` is the README's set count (Strong's rest-timer rows excluded) = stored + rejected;
 * `skipped` counts rest-timer rows; `unit` is the README's (a stated unit where the header says
 * so; "(inferred)" and "?" files checked against the importer's detection by eye: sinjinbhatia's
 * barbell loads of 45, 135, 225 lb, breinsp's and JuanS's kg loads).
 */
import type { WeightUnit } from '../types';
import type { ImportFormat } from './formats';
import type { UnitSource } from './strongUnits';

export interface SharedExport {
  file: string;
  format: ImportFormat;
  layout: string;
  setRows: number;
  stored: number;
  skipped: number;
  exercises: number;
  sessions: number;
  unit: WeightUnit;
  unitSource: UnitSource;
  rpeSets: number;
}

export const SHARED_EXPORTS_DIR = '../shared/data/logs/exports';

const STRONG_2025 = 'Strong 2025+ (Workout #, Duration (sec), units in the headers)';

export const SHARED_EXPORTS: readonly SharedExport[] = [
  { file: 'FerreiraGabrielw__fitness-data-llm/hevy_workouts_raw.csv', format: 'hevy', layout: 'Hevy in kg (weight_kg)', setRows: 9542, stored: 9542, skipped: 0, exercises: 118, sessions: 501, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'JuanS-OSORNOB__GymRat/strong.csv', format: 'strong', layout: 'Strong with notes columns', setRows: 147, stored: 147, skipped: 0, exercises: 29, sessions: 9, unit: 'kg', unitSource: 'detected', rpeSets: 0 },
  { file: 'SIERRA711__workout-analysis/workout_data.csv', format: 'hevy', layout: 'Hevy in lb (weight_lbs)', setRows: 7921, stored: 7921, skipped: 0, exercises: 112, sessions: 397, unit: 'lb', unitSource: 'header', rpeSets: 70 },
  { file: 'StvrvDimitris__hevy-analyzer/workout_data.csv', format: 'hevy', layout: 'Hevy in kg (weight_kg)', setRows: 4063, stored: 4063, skipped: 0, exercises: 97, sessions: 232, unit: 'kg', unitSource: 'header', rpeSets: 1596 },
  { file: 'TonyTromp__HevyConnect/workouts.csv', format: 'hevy', layout: 'Hevy in kg (weight_kg)', setRows: 1922, stored: 1922, skipped: 0, exercises: 38, sessions: 80, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'alexmakc1__beatthelogbook/strong.csv', format: 'strong', layout: 'Strong with notes columns', setRows: 354, stored: 354, skipped: 0, exercises: 56, sessions: 29, unit: 'kg', unitSource: 'detected', rpeSets: 0 },
  { file: 'amigo163__gym_monitoring/strong.csv', format: 'strong', layout: STRONG_2025, setRows: 1853, stored: 1853, skipped: 582, exercises: 89, sessions: 107, unit: 'kg', unitSource: 'header', rpeSets: 4 },
  { file: 'breinsp__strong-charts/strong.csv', format: 'strong', layout: 'Strong with notes columns', setRows: 2078, stored: 2078, skipped: 0, exercises: 72, sessions: 129, unit: 'kg', unitSource: 'detected', rpeSets: 0 },
  { file: 'datojulien__workout-dashboard/WorkoutExport.csv', format: 'fitbod', layout: 'Fitbod', setRows: 16067, stored: 16067, skipped: 0, exercises: 268, sessions: 1552, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'dravenbc__gym-dashboard/strong.csv', format: 'strong', layout: STRONG_2025, setRows: 266, stored: 266, skipped: 0, exercises: 22, sessions: 20, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'drobotnik__fitnotes/FitNotes_Export_2016_03_13_22_34_28.csv', format: 'fitnotes', layout: 'FitNotes', setRows: 992, stored: 992, skipped: 0, exercises: 36, sessions: 48, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'mouadja02__Hevy-Coach/workout_data.csv', format: 'hevy', layout: 'Hevy in kg (weight_kg)', setRows: 330, stored: 330, skipped: 0, exercises: 44, sessions: 17, unit: 'kg', unitSource: 'header', rpeSets: 0 },
  { file: 'sinjinbhatia-hub__atlas/strong_workouts.csv', format: 'strong', layout: 'Strong without notes columns', setRows: 15231, stored: 15221, skipped: 0, exercises: 183, sessions: 779, unit: 'lb', unitSource: 'detected', rpeSets: 12 },
  { file: 'ys-math__strength-training/strong_workouts.csv', format: 'strong', layout: 'Strong without notes columns', setRows: 666, stored: 666, skipped: 0, exercises: 16, sessions: 37, unit: 'kg', unitSource: 'detected', rpeSets: 0 },
];
