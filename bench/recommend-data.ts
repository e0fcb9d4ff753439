/**
 * Real logs for `npm run bench -- recommend`, read in place from `../shared/data` (never copied):
 * the Strong export of DericMei and the 14 lifters of `logs/exports`, through the studio's own
 * importer (`engine/imports/parse.ts`), their exercise names matched to the library the way an
 * import does (the app's alias table, then the matcher) against the built-in library plus
 * free-exercise-db (`../shared/data/free-exercise-db/exercises.json`, as `studio import exercises`
 * loads it). Unmatched names are left out, as an import leaves them unmapped.
 * Sessions: rows grouped by workout start; times are the importer's zone-less local times read as UTC.
 */
import { resolve } from 'node:path';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { mapFreeExerciseDb } from '../engine/exercises/free-exercise-db';
import { createExerciseMatcher } from '../engine/exercises/match';
import { appExerciseAlias } from '../engine/imports/exercise-aliases';
import { parseWorkoutExport } from '../engine/imports/parse';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from '../engine/imports/shared-exports';
import type { RecommendSet } from '../engine/recommend';
import type { Exercise } from '../engine/types';
import { readShared, STRONG_DERICMEI } from './models-data';

export const FREE_EXERCISE_DB = resolve('../shared/data/free-exercise-db/exercises.json');

export interface LogSession {
  key: string;
  at: string;
  atMs: number;
  name: string;
  /** Distinct matched exercise ids in the order first logged. */
  exerciseIds: string[];
  sets: RecommendSet[];
}

export interface RecLifter { name: string; sessions: LogSession[]; matchedSets: number; unmatchedSets: number }

/** Built-in + free-exercise-db, as after `studio import exercises`. */
export function fullLibrary(): Exercise[] {
  return [...BUILTIN_EXERCISES, ...mapFreeExerciseDb(JSON.parse(readShared(FREE_EXERCISE_DB))).exercises];
}

function lifterOf(name: string, text: string, match: (n: string) => { exerciseId: string } | null): RecLifter {
  const parsed = parseWorkoutExport(text);
  if (parsed.detection === null) throw new Error(`${name}: the importer did not recognise the file`);
  const format = parsed.detection.format;
  const cache = new Map<string, string | null>();
  const idOf = (n: string): string | null => {
    if (!cache.has(n)) cache.set(n, appExerciseAlias(format, n) ?? match(n)?.exerciseId ?? null);
    return cache.get(n)!;
  };
  const byKey = new Map<string, LogSession>();
  let matchedSets = 0; let unmatchedSets = 0;
  for (const row of parsed.rows) {
    const id = idOf(row.exerciseName);
    if (id === null) { unmatchedSets++; continue; }
    matchedSets++;
    const key = `${row.startedAt}|${row.workoutName}`;
    let s = byKey.get(key);
    const at = `${row.startedAt}Z`;
    if (s === undefined) { s = { key, at, atMs: Date.parse(at), name: row.workoutName, exerciseIds: [], sets: [] }; byKey.set(key, s); }
    if (!s.exerciseIds.includes(id)) s.exerciseIds.push(id);
    s.sets.push({ exerciseId: id, performedAt: at, rir: row.rir, isWarmup: row.setKind === 'warmup', sessionKey: key, sessionName: row.workoutName });
  }
  const sessions = [...byKey.values()].filter((s) => Number.isFinite(s.atMs)).sort((a, b) => a.atMs - b.atMs);
  return { name, sessions, matchedSets, unmatchedSets };
}

/** The 15 lifters (DericMei's Strong export first). Throws naming a missing file. */
export function recommendLifters(library: readonly Exercise[]): RecLifter[] {
  const matcher = createExerciseMatcher(library);
  const files = [
    { name: 'strong-export-dericmei', path: STRONG_DERICMEI },
    ...SHARED_EXPORTS.map((e) => ({ name: e.file.split('/')[0]!, path: resolve(SHARED_EXPORTS_DIR, e.file) })),
  ];
  return files.map((f) => lifterOf(f.name, readShared(f.path), matcher));
}
