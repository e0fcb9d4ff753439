import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkoutExport } from './parse';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from './shared-exports';

const DIR = path.resolve(process.cwd(), SHARED_EXPORTS_DIR);

function read(file: string): string {
  const full = path.join(DIR, file);
  if (!existsSync(full)) throw new Error(`The shared export ${full} is missing: these tests read ../shared/data/logs/exports beside the repository.`);
  return readFileSync(full, 'utf8');
}

describe('every shared export', () => {
  it('lists all 14 files of the shared folder', () => {
    expect(SHARED_EXPORTS).toHaveLength(14);
  });

  it.each(SHARED_EXPORTS.map((e) => [e.file, e] as const))('%s: recognised, every row accounted for, counts and unit', (file, e) => {
    const r = parseWorkoutExport(read(file));
    expect(r.errors).toEqual([]);
    expect(r.detection).toMatchObject({ format: e.format, layout: e.layout, headerless: false });
    const skipped = r.skipped.reduce((n, s) => n + s.count, 0);
    expect(r.rows.length + r.rejected.length + skipped).toBe(r.summary.rowsTotal);
    expect(r.rows.length + r.rejected.length).toBe(e.setRows);
    expect(r.rows).toHaveLength(e.stored);
    expect(skipped).toBe(e.skipped);
    expect(r.summary.exercises).toHaveLength(e.exercises);
    expect(r.summary.sessions).toBe(e.sessions);
    expect(r.unit).toBe(e.unit);
    expect(r.unitSource).toBe(e.unitSource);
    expect(r.rows.filter((x) => x.rpe !== null)).toHaveLength(e.rpeSets);
    for (const row of r.rows) {
      if (row.rpe !== null) expect(row.rir === 0 && row.rirSource === 'failure' ? true : row.rir === 10 - row.rpe).toBe(true);
    }
  });

  it('Hevy: warm-up, drop and failure set types, RPE → RIR kept with its source (StvrvDimitris)', () => {
    const r = parseWorkoutExport(read('StvrvDimitris__hevy-analyzer/workout_data.csv'));
    const kinds = new Map<string, number>();
    for (const x of r.rows) kinds.set(x.setKind, (kinds.get(x.setKind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ working: 3691, drop: 74, warmup: 186, failure: 112 });
    expect(r.rows[0]).toMatchObject({
      startedAt: '2026-04-09T17:18:00', durationS: 47 * 60, exerciseName: 'Hack Squat (Machine)', setOrder: 1, loadKg: 80, reps: 6, rpe: 6, rir: 4, rirSource: 'rpe',
    });
  });

  it('Hevy in lb converts loads to kg by the header (SIERRA711)', () => {
    const r = parseWorkoutExport(read('SIERRA711__workout-analysis/workout_data.csv'));
    expect(r.rows[0]).toMatchObject({ exerciseName: 'Leg Extension (Machine)', reps: 10 });
    expect(r.rows[0]?.loadKg).toBeCloseTo(230 * 0.45359237, 6);
  });

  it('Fitbod: times with +0000 are converted to the club zone, and the note says so', () => {
    const text = read('datojulien__workout-dashboard/WorkoutExport.csv');
    const utc = parseWorkoutExport(text);
    const berlin = parseWorkoutExport(text, { timeZone: 'Europe/Berlin' });
    expect(utc.rows[0]?.startedAt).toBe('2025-12-17T03:24:30');
    expect(berlin.rows[0]?.startedAt).toBe('2025-12-17T04:24:30');
    expect(berlin.timeNote).toMatch(/UTC offset.*converted to the club's zone \(Europe\/Berlin\)/);
    expect(utc.rows.filter((x) => x.setKind === 'warmup')).toHaveLength(30);
  });

  it('Strong without a unit, typed in lb, is detected as lb from its barbell loads (sinjinbhatia), and the option overrides', () => {
    const text = read('sinjinbhatia-hub__atlas/strong_workouts.csv');
    const r = parseWorkoutExport(text);
    expect(r.unitReason).toMatch(/^Detected lb: \d+ barbell sets at pound loads/);
    const forced = parseWorkoutExport(text, { unit: 'kg' });
    expect(forced.unitSource).toBe('option');
    const bench = (x: typeof r) => x.rows.find((row) => row.exerciseName === 'Bench Press (Barbell)' && row.loadKg > 0);
    expect(bench(forced)!.loadKg / bench(r)!.loadKg).toBeCloseTo(1 / 0.45359237, 6);
  });

  it('Strong 2025+ (amigo163): rest-timer rows skipped and counted, Weight (kg) header, Duration (sec)', () => {
    const r = parseWorkoutExport(read('amigo163__gym_monitoring/strong.csv'));
    expect(r.skipped).toEqual([{ reason: 'rest timer between sets, not a set', count: 582, firstLine: expect.any(Number) as number }]);
    expect(r.unitReason).toBe('The file\'s "Weight (kg)" column header says kg.');
    expect(r.rows[0]).toMatchObject({ startedAt: '2023-06-05T18:57:00', durationS: 4848, exerciseName: 'Chest Dip', reps: 15 });
  });

  it('FitNotes: dates without a time of day, the note says so', () => {
    const r = parseWorkoutExport(read('drobotnik__fitnotes/FitNotes_Export_2016_03_13_22_34_28.csv'));
    expect(r.rows[0]).toMatchObject({ startedAt: '2015-08-22T00:00:00', workoutName: 'FitNotes workout', exerciseName: 'Jerk', loadKg: 50, reps: 5 });
    expect(r.timeNote).toMatch(/992 rows give a date with no time of day/);
  });

  it('a real export without its header row is recognised from the shape of its rows', () => {
    for (const file of ['breinsp__strong-charts/strong.csv', 'TonyTromp__HevyConnect/workouts.csv', 'drobotnik__fitnotes/FitNotes_Export_2016_03_13_22_34_28.csv', 'dravenbc__gym-dashboard/strong.csv']) {
      const text = read(file);
      const withHeader = parseWorkoutExport(text);
      const body = text.slice(text.indexOf('\n') + 1);
      const r = parseWorkoutExport(body);
      expect(r.errors).toEqual([]);
      expect(r.detection?.headerless).toBe(true);
      expect(r.detection?.format).toBe(withHeader.detection?.format);
      expect(r.rows.length + r.rejected.length).toBe(withHeader.rows.length + withHeader.rejected.length);
      expect(r.rows[0]?.line).toBe(1);
    }
  });
});
