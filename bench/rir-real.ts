/**
 * Real-data checks of the RIR model for `npm run bench -- rir`:
 * - the real Strong export (DericMei/My-WorkOut-Project, MIT): for each session's top set (the
 *   heaviest set of each exercise), predict its reps at its logged load from the sessions before,
 *   with the model (state updated set by set; these sets carry no RIR, so they reach the model
 *   as not-to-failure sets) and with Epley (e1RM of the previous session's best set of that
 *   exercise, reps = 30 · (e1RM / load − 1)). A CONSISTENCY CHECK, not accuracy against true RIR:
 *   the lifter's sets were mostly not taken to failure, so neither predictor sees reps to failure.
 * - the measured 1RM tests of exscidata (Hammarström et al. 2020; CC0): mean paired 1RM change
 *   from `pre` at each time point, against the simulator's assumed gain curve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createExerciseMatcher } from '../engine/exercises/match';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { parseStrongCsv } from '../engine/imports/strong';
import type { StrongSetRow } from '../engine/imports/strong';
import { SIM_PARAMETERS, oneRmAt } from '../engine/rir/simulate';
import { parseWorkoutExport } from '../engine/imports/parse';
import { createPredictorState, learntBias, observe, predictBefore } from '../engine/rir/predictor';
import type { PredictorParams } from '../engine/rir/predictor';
import type { Exercise } from '../engine/types';
import type { PopulationModel, RirModelApi, RirSet } from '../engine/rir/types';
import { round } from './stats';

export const STRONG_CSV = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');
export const ONE_RM_CSV = resolve('../shared/data/logs/exscidata-strength-tests/strengthTests_oneRM.csv');

export interface RealCheck { sets: number; modelMae: number; modelMeanError: number; epleyMae: number; epleyMeanError: number; sessions: number }

interface Session { at: string; byExercise: Map<string, StrongSetRow[]> }

function strongSessions(): { sessions: Session[]; unmatched: number } {
  const parsed = parseStrongCsv(readFileSync(STRONG_CSV, 'utf8'));
  const match = createExerciseMatcher(BUILTIN_EXERCISES);
  const sessions = new Map<string, Session>();
  let unmatched = 0;
  for (const row of parsed.rows) {
    if (row.loadKg <= 0 || row.reps <= 0 || row.setKind === 'warmup') continue;
    const hit = match(row.exerciseName);
    if (hit === null) { unmatched++; continue; }
    const session = sessions.get(row.startedAt) ?? { at: row.startedAt, byExercise: new Map<string, StrongSetRow[]>() };
    sessions.set(row.startedAt, session);
    const list = session.byExercise.get(hit.exerciseId) ?? [];
    list.push(row);
    session.byExercise.set(hit.exerciseId, list);
  }
  return { sessions: [...sessions.values()].sort((a, b) => a.at.localeCompare(b.at)), unmatched };
}

const epleyE1rm = (row: StrongSetRow): number => row.loadKg * (1 + (row.reps + (row.rir ?? 0)) / 30);

function topSet(rows: readonly StrongSetRow[]): { row: StrongSetRow; index: number } | null {
  let best: { row: StrongSetRow; index: number } | null = null;
  rows.forEach((row, i) => {
    if (best === null || row.loadKg > best.row.loadKg || (row.loadKg === best.row.loadKg && row.reps > best.row.reps)) best = { row, index: i + 1 };
  });
  return best;
}

function toRirSet(row: StrongSetRow, exerciseId: string, setIndex: number, minute: number): RirSet {
  const at = new Date(Date.parse(`${row.startedAt}Z`) + minute * 60_000).toISOString();
  // As briefed: the export carries no RIR, so every set reaches the model as not-to-failure, unrated.
  return { memberId: 1, exerciseId, performedAt: at, loadKg: row.loadKg, reps: row.reps, reportedRir: null, toFailure: false, setIndex };
}

/** Next-top-set reps on the real Strong export: model vs Epley (see the module docstring). */
export function strongNextSetCheck(model: RirModelApi, population: PopulationModel): RealCheck {
  const { sessions } = strongSessions();
  const byId = new Map(BUILTIN_EXERCISES.map((e) => [e.id, e]));
  let state = model.createMemberState(1, population);
  const previousBest = new Map<string, number>();
  const err = { model: [] as number[], epley: [] as number[] };
  for (const session of sessions) {
    for (const [exerciseId, rows] of session.byExercise) {
      const top = topSet(rows);
      const exercise = byId.get(exerciseId);
      const best = previousBest.get(exerciseId);
      if (top === null || exercise === undefined || best === undefined) continue;
      const at = new Date(Date.parse(`${session.at}Z`)).toISOString();
      const p = model.predictReps(state, population, exercise, BUILTIN_EXERCISES, { memberId: 1, exerciseId, loadKg: top.row.loadKg, setIndex: top.index, at });
      err.model.push(p.repsToFailure - top.row.reps);
      err.epley.push(Math.max(0, 30 * (best / top.row.loadKg - 1)) - top.row.reps);
    }
    let minute = 0;
    for (const [exerciseId, rows] of session.byExercise) {
      const exercise = byId.get(exerciseId);
      if (exercise === undefined) continue;
      rows.forEach((row, i) => { state = model.updateWithSet(state, population, exercise, BUILTIN_EXERCISES, toRirSet(row, exerciseId, i + 1, minute++)); });
      previousBest.set(exerciseId, Math.max(...rows.map(epleyE1rm)));
    }
  }
  const mae = (xs: number[]): number => xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length;
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { sets: err.model.length, sessions: sessions.length, modelMae: mae(err.model), modelMeanError: mean(err.model), epleyMae: mae(err.epley), epleyMeanError: mean(err.epley) };
}

export interface TrendRow { exercise: string; timepoint: string; weeks: number; pairs: number; measuredChangePct: number; simulatedChangePct: number }

const TIMEPOINT_WEEKS: Readonly<Record<string, number>> = { session1: 0, week2: 2, week5: 5, week9: 9, post: 12 };

/** Mean paired 1RM change from `pre` in exscidata vs the simulator's mean assumed change. */
export function oneRmTrend(): TrendRow[] {
  const lines = readFileSync(ONE_RM_CSV, 'utf8').trim().split(/\r?\n/).slice(1);
  const loads = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const [subject, leg, exercise, timepoint, load] = line.split(',');
    const kg = Number(load);
    if (subject === undefined || exercise === undefined || timepoint === undefined || !Number.isFinite(kg) || kg <= 0) continue;
    const key = `${exercise}|${subject}|${leg ?? ''}`;
    const m = loads.get(key) ?? new Map<string, number>();
    m.set(timepoint, kg);
    loads.set(key, m);
  }
  const [lo, hi] = SIM_PARAMETERS.weeklyGain;
  const rows: TrendRow[] = [];
  for (const exercise of ['benchpress', 'legpress', 'legext', 'legcurl']) {
    for (const [timepoint, weeks] of Object.entries(TIMEPOINT_WEEKS)) {
      const changes: number[] = [];
      for (const [key, m] of loads) {
        const pre = m.get('pre');
        const now = m.get(timepoint);
        if (key.startsWith(`${exercise}|`) && pre !== undefined && now !== undefined) changes.push(now / pre - 1);
      }
      if (changes.length === 0) continue;
      const measured = (100 * changes.reduce((s, c) => s + c, 0)) / changes.length;
      rows.push({ exercise, timepoint, weeks, pairs: changes.length, measuredChangePct: round(measured, 1), simulatedChangePct: round(100 * (oneRmAt(1, (lo + hi) / 2, weeks) - 1), 1) });
    }
  }
  return rows;
}

export const HEVY_RPE_CSV = resolve('../shared/data/logs/exports/StvrvDimitris__hevy-analyzer/workout_data.csv');

export interface RealRpeCheck {
  /** Reported sets scored (both baselines defined). */
  sets: number;
  /** Reported sets in the log (RPE logged). */
  reportedSets: number;
  predictorMae: number;
  lastReportMae: number;
  prevSetMae: number;
  /** Share of scored sets by the predictor's source. */
  sources: Record<string, number>;
}

/**
 * The only real RIR evidence (issue 14): the Hevy export of StvrvDimitris (MIT) carries RPE on
 * about 1,600 sets (RIR = 10 − RPE, by the product's importer). Each reported RIR is predicted
 * BEFORE its set from everything earlier in the log (the predictor's `predictReport`: its true-RIR
 * prediction plus the learnt bias; the set's load and reps stand in for a prescription, there is
 * no target), against (1) the lifter's last report on that exercise and (2) the previous set's
 * report in the same session (any exercise). Scored on reported sets where both baselines exist.
 * `params` come from a simulated cohort: nothing is fitted on this log.
 */
export function hevyRpeCheck(params: PredictorParams): RealRpeCheck {
  if (!existsSync(HEVY_RPE_CSV)) throw new Error(`shared data missing: ${HEVY_RPE_CSV} (expected ../shared/data beside the repository)`);
  const parsed = parseWorkoutExport(readFileSync(HEVY_RPE_CSV, 'utf8'));
  const match = createExerciseMatcher(BUILTIN_EXERCISES);
  const generic = BUILTIN_EXERCISES.find((e) => e.id === 'barbell-bench-press');
  if (generic === undefined) throw new Error('built-in library lacks barbell-bench-press');
  const exercises = new Map<string, Exercise>();
  const exerciseOf = (name: string): Exercise => {
    const known = exercises.get(name);
    if (known !== undefined) return known;
    const hit = match(name);
    const e = (hit === null ? undefined : BUILTIN_EXERCISES.find((x) => x.id === hit.exerciseId))
      ?? { ...generic, id: `hevy:${name}`, name, pattern: 'other', equipment: 'other', mechanic: 'compound' } as Exercise;
    exercises.set(name, e);
    return e;
  };
  const rows = parsed.rows.filter((r) => r.setKind !== 'warmup' && r.loadKg > 0 && r.reps > 0)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.line - b.line);
  let state = createPredictorState(1);
  const lastReport = new Map<string, number>();
  const perSession = new Map<string, number>();
  let prevSession = ''; let prevReport: number | null = null;
  const err = { model: 0, last: 0, prev: 0 };
  let n = 0; let reported = 0;
  const sources: Record<string, number> = {};
  let minute = 0;
  for (const r of rows) {
    const exercise = exerciseOf(r.exerciseName);
    if (r.startedAt !== prevSession) { prevSession = r.startedAt; prevReport = null; perSession.clear(); minute = 0; }
    const setIndex = (perSession.get(exercise.id) ?? 0) + 1;
    perSession.set(exercise.id, setIndex);
    const at = new Date(Date.parse(`${r.startedAt}Z`) + minute++ * 60_000).toISOString();
    const report = r.rirSource === 'rpe' ? r.rir : null;
    const q = { exercise, loadKg: r.loadKg, reps: r.reps, targetRir: null, setIndex, at };
    if (report !== null) {
      reported++;
      const last = lastReport.get(exercise.id);
      if (last !== undefined && prevReport !== null) {
        const b = predictBefore(state, params, q);
        const predicted = Math.min(10, Math.max(0, b.rir + learntBias(state, params).mean));
        err.model += Math.abs(predicted - report); err.last += Math.abs(last - report); err.prev += Math.abs(prevReport - report);
        sources[b.source] = (sources[b.source] ?? 0) + 1;
        n++;
      }
      lastReport.set(exercise.id, report);
    }
    prevReport = report ?? prevReport;
    const set: RirSet = { memberId: 1, exerciseId: exercise.id, performedAt: at, loadKg: r.loadKg, reps: r.reps, reportedRir: report, toFailure: r.rirSource === 'failure', setIndex };
    state = observe(state, params, exercise, set, { targetRir: null, prescribedReps: r.reps });
  }
  for (const k of Object.keys(sources)) sources[k] = round((sources[k] ?? 0) / n, 3);
  return { sets: n, reportedSets: reported, predictorMae: err.model / n, lastReportMae: err.last / n, prevSetMae: err.prev / n, sources };
}
