/**
 * Real data for `npm run bench -- models`, read in place from `../shared/data` (never copied):
 * - OpenPowerlifting trajectories (public domain): meet bests per lifter and lift;
 * - every lifter in `logs/`: the Strong export of DericMei and the 14 exports of `logs/exports`,
 *   through the product's importer (`engine/imports/parse.ts`), as per-exercise series of the
 *   session's best Epley e1RM (sets of ≤ 10 reps with load; warm-ups left out).
 * Throws an Error naming the missing file when the shared data is not beside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { E1rmObservation } from '../engine/e1rm/forecast';
import { parseWorkoutExport } from '../engine/imports/parse';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from '../engine/imports/shared-exports';

export const OPL_CSV = resolve('../shared/data/openpowerlifting/opl_sbd_raw_trajectories.csv');
export const STRONG_DERICMEI = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');

export type Lift = 'squat' | 'bench' | 'deadlift';
export const LIFTS: readonly Lift[] = ['squat', 'bench', 'deadlift'];

export function readShared(path: string): string {
  if (!existsSync(path)) throw new Error(`shared data missing: ${path} (expected ../shared/data beside the repository; see shared/data/README.md)`);
  return readFileSync(path, 'utf8');
}

/** Quote-aware split of one CSV line. */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = ''; let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

export interface OplLifter { id: number; series: Record<Lift, E1rmObservation[]> }

/** Lifters of the OpenPowerlifting sample with their meet bests (positive only), ascending by date. */
export function oplLifters(): OplLifter[] {
  const lines = readShared(OPL_CSV).split(/\r?\n/);
  const head = splitCsv(lines[0]!);
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${OPL_CSV}: no column ${name}`);
    return i;
  };
  const iId = col('LifterID'); const iDate = col('Date');
  const iLift: Record<Lift, number> = { squat: col('Best3SquatKg'), bench: col('Best3BenchKg'), deadlift: col('Best3DeadliftKg') };
  const byId = new Map<number, OplLifter>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = splitCsv(line);
    const id = Number(f[iId]);
    const lifter = byId.get(id) ?? { id, series: { squat: [], bench: [], deadlift: [] } };
    byId.set(id, lifter);
    for (const lift of LIFTS) {
      const kg = Number(f[iLift[lift]]);
      if (kg > 0) lifter.series[lift].push({ date: f[iDate]!, e1rmKg: kg });
    }
  }
  for (const l of byId.values()) for (const lift of LIFTS) l.series[lift].sort((a, b) => a.date.localeCompare(b.date));
  return [...byId.values()];
}

export interface LogLifter { name: string; series: E1rmObservation[][] }

/** One lifter's per-exercise session-best e1RM series (exercises with ≥ 2 sessions). */
function logSeries(name: string, text: string): LogLifter {
  const parsed = parseWorkoutExport(text);
  const best = new Map<string, Map<string, number>>(); // exercise → day → e1RM
  for (const row of parsed.rows) {
    if (row.setKind === 'warmup' || !(row.loadKg > 0) || row.reps < 1 || row.reps > 10) continue;
    const day = row.startedAt.slice(0, 10);
    const e = row.loadKg * (1 + (row.reps + (row.rir ?? 0)) / 30);
    const days = best.get(row.exerciseName) ?? new Map<string, number>();
    best.set(row.exerciseName, days);
    days.set(day, Math.max(days.get(day) ?? 0, e));
  }
  const series = [...best.values()]
    .map((days) => [...days.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([date, e1rmKg]) => ({ date, e1rmKg })))
    .filter((s) => s.length >= 2);
  return { name, series };
}

/** The Strong export of DericMei (the training lifter of the forecaster's log parameters). */
export function strongLifter(): LogLifter {
  return logSeries('strong-export-dericmei', readShared(STRONG_DERICMEI));
}

/** The 14 lifters of `logs/exports` (held out from the fit). */
export function exportLifters(): LogLifter[] {
  return SHARED_EXPORTS.map((e) => logSeries(e.file.split('/')[0]!, readShared(resolve(SHARED_EXPORTS_DIR, e.file))));
}
