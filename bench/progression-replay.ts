/**
 * The real-data replay of the progression engine (issue 3 "Real-data check"), used by
 * bench/progression.ts.
 *
 * Data: the real Strong export DericMei/My-WorkOut-Project (MIT), one lifter, logged in lb (the
 * parser converts to kg), no RPE/RIR and no warm-up marks. Names are mapped to the built-in library
 * with `createExerciseMatcher`; unmatched names and body-weight exercises (no external load to
 * suggest) are left out. Workouts are one session each (start time + workout name); the zone-less
 * Strong times are read as UTC.
 *
 * Method, session by session, per exercise, before the session is seen:
 * - prescription = what the lifter did last time: the previous session's top-set load, its
 *   number of work sets, a fixed rep range (compound 5–8, isolation 8–12, our choice: the export
 *   has no plan), target RIR 2, rest 120 s;
 * - rule: double progression `dp(+1 step, range)` with deload triggers (3 failed sessions), or RIR
 *   autoregulation (target RIR 2; the lifter logged no RIR, so the rule assumes the target) —
 *   both are run; rule state is carried from session to session as the product stores it;
 * - inventory: DEFAULT_INVENTORY of the file's unit (lb plates, 5 lb dumbbells, 10 lb stacks);
 * - the suggestion goes through `applySafety` (context: the sessions so far, no check-in);
 * - compared with the session's actual top-set load. "Within one increment": |suggested − actual|
 *   ≤ the loadable step at the actual load (next loadable load above it − loadable load at or
 *   below it). MAE in kg.
 * Jumps: every session-to-session change of the top-set load that is an increase; flagged when
 * `applySafety` of a recommendation from the previous top load to the actual one is not `pass`.
 * A naive "repeat the last top load" predictor is shown beside the engine for scale. A suggestion
 * blocked by safety counts as `blocked`: not within, no error (it was scored as the naive answer
 * before, which flattered the engine). This is the OLD score; bench/progression-capacity.ts has
 * the one that judges prescriptions by what the lifter could do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createExerciseMatcher } from '../engine/exercises/match';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { parseStrongCsv } from '../engine/imports/strong';
import { DEFAULT_INVENTORY, roundToInventory, suggestNext, takesInventoryLoad, withRuleState } from '../engine/progression/index';
import type { RuleSpec } from '../engine/progression/index';
import type { ExerciseSession, LoadInventory, Prescribed, Recommendation } from '../engine/progression/types';
import { applySafety } from '../engine/safety/apply';
import type { Exercise } from '../engine/types';

export const STRONG_CSV = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');
const PROBE_KG = 0.01;

export type RuleChoice = 'dp' | 'rir';

export interface ReplayRow {
  exercise: string;
  sessions: number;
  within: number;
  absErrKg: number;
  naiveWithin: number;
  naiveAbsErrKg: number;
  jumps: number;
  flagged: number;
  /** Suggestions the safety layer blocked: counted here, not scored as any load (issue 14). */
  blocked: number;
}

export interface ReplayResult {
  rows: ReplayRow[];
  total: ReplayRow;
  /** Duration of each suggest + safety call, ms (for the speed figures). */
  callMs: number[];
  skippedNames: string[];
  unit: string;
}

/** The replay input: per exercise, its sessions oldest first. */
export interface ReplayData { byExercise: Map<string, { exercise: Exercise; sessions: ExerciseSession[] }>; unit: 'kg' | 'lb'; skippedNames: string[] }

export function loadReplayData(path = STRONG_CSV): ReplayData {
  const parsed = parseStrongCsv(readFileSync(path, 'utf8'));
  if (parsed.errorCount > 0) throw new Error(`strong.csv: ${String(parsed.errorCount)} errors, first: ${parsed.errors[0]?.message ?? ''}`);
  const match = createExerciseMatcher(BUILTIN_EXERCISES);
  const byId = new Map(BUILTIN_EXERCISES.map((e) => [e.id, e]));
  const skipped = new Set<string>();
  const byExercise: ReplayData['byExercise'] = new Map();
  const keyed = new Map<string, ExerciseSession>();
  for (const row of parsed.rows) {
    const m = match(row.exerciseName);
    const ex = m === null ? undefined : byId.get(m.exerciseId);
    if (ex === undefined || !takesInventoryLoad(ex.equipment)) { skipped.add(row.exerciseName); continue; }
    const key = `${row.startedAt}|${row.workoutName}|${ex.id}`;
    let s = keyed.get(key);
    if (s === undefined) {
      s = { performedAt: `${row.startedAt}Z`, exerciseId: ex.id, sets: [] };
      keyed.set(key, s);
      const entry = byExercise.get(ex.id) ?? { exercise: ex, sessions: [] };
      entry.sessions.push(s);
      byExercise.set(ex.id, entry);
    }
    s.sets.push({ loadKg: row.loadKg, reps: row.reps, rir: row.rir, rpe: row.rpe, targetReps: null, form: null });
  }
  for (const e of byExercise.values()) e.sessions.sort((a, b) => Date.parse(a.performedAt) - Date.parse(b.performedAt));
  return { byExercise, unit: parsed.unit, skippedNames: [...skipped].sort() };
}

const topLoad = (s: ExerciseSession): number => s.sets.reduce((m, x) => Math.max(m, x.loadKg), 0);

function stepAt(kg: number, ex: Exercise, inv: LoadInventory): number {
  const up = roundToInventory(kg + PROBE_KG, ex.equipment, inv, 'up') ?? kg;
  const down = roundToInventory(kg, ex.equipment, inv, 'down') ?? kg;
  return Math.max(up - down, PROBE_KG);
}

function ruleFor(choice: RuleChoice, ex: Exercise, inv: LoadInventory, range: [number, number]): RuleSpec {
  const deload = { failedSessions: 3 };
  if (choice === 'rir') return { kind: 'rir', params: { targetRir: 2, repMin: range[0], repMax: range[1] }, deload };
  const start = ex.equipment === 'dumbbell' ? 10 : 60;
  return { kind: 'dp', params: { incrementKg: stepAt(start, ex, inv), repMin: range[0], repMax: range[1] }, deload };
}

function prescribedFrom(last: ExerciseSession, ex: Exercise, range: [number, number]): Prescribed {
  const top = topLoad(last);
  const work = last.sets.filter((s) => s.loadKg >= 0.9 * top - 1e-9).length;
  return { exerciseId: ex.id, sets: Math.max(1, work), repMin: range[0], repMax: range[1], loadKg: top, restS: 120, targetRir: 2 };
}

function jumpFlagged(prev: Prescribed, actualKg: number, history: ExerciseSession[], now: string): boolean {
  const rec: Recommendation = {
    memberId: 1, exerciseId: prev.exerciseId, type: 'increase_weight', original: prev, suggested: { ...prev, loadKg: actualKg },
    confidence: null, confidenceBasis: null, reasoning: 'the lifter\'s own jump', factors: [], expectedOutcome: '', risk: 'low', alternatives: [],
    sources: { rule: { name: 'actual', loadKg: actualKg, reps: prev.repMin }, model: null, blendedLoadKg: null },
  };
  return applySafety(rec, { now, checkIn: null, history }).status !== 'pass';
}

function emptyRow(exercise: string): ReplayRow {
  return { exercise, sessions: 0, within: 0, absErrKg: 0, naiveWithin: 0, naiveAbsErrKg: 0, jumps: 0, flagged: 0, blocked: 0 };
}

function replayExercise(ex: Exercise, sessions: ExerciseSession[], choice: RuleChoice, inv: LoadInventory, callMs: number[]): ReplayRow {
  const row = emptyRow(ex.name);
  const range: [number, number] = ex.mechanic === 'compound' ? [5, 8] : [8, 12];
  let rule = ruleFor(choice, ex, inv, range);
  for (let i = 1; i < sessions.length; i++) {
    const last = sessions[i - 1]!;
    const now = sessions[i]!;
    const history = sessions.slice(Math.max(0, i - 6), i);
    const prescribed = prescribedFrom(last, ex, range);
    const t0 = performance.now();
    const { recommendation, ruleState } = suggestNext({ memberId: 1, exercise: ex, prescribed, sessions: history, checkIns: [], rule, inventory: inv, now: now.performedAt });
    const safe = applySafety(recommendation, { now: now.performedAt, checkIn: null, history, roundDownKg: (kg) => roundToInventory(kg, ex.equipment, inv, 'down') });
    callMs.push(performance.now() - t0);
    rule = withRuleState(rule, ruleState);
    const actual = topLoad(now);
    const step = stepAt(actual, ex, inv);
    row.sessions += 1;
    const suggested = safe.status === 'blocked' ? null : safe.recommendation?.suggested.loadKg ?? null;
    if (suggested === null) row.blocked += 1;
    else {
      row.absErrKg += Math.abs(suggested - actual);
      if (Math.abs(suggested - actual) <= step + 1e-6) row.within += 1;
    }
    const naive = prescribed.loadKg ?? 0;
    row.naiveAbsErrKg += Math.abs(naive - actual);
    if (Math.abs(naive - actual) <= step + 1e-6) row.naiveWithin += 1;
    if (actual > naive + 1e-6) {
      row.jumps += 1;
      if (jumpFlagged(prescribed, actual, history, now.performedAt)) row.flagged += 1;
    }
  }
  return row;
}

/** Replays every loaded exercise with at least 2 sessions (see the module comment). */
export function replay(data: ReplayData, choice: RuleChoice): ReplayResult {
  const inv = DEFAULT_INVENTORY(data.unit);
  const callMs: number[] = [];
  const rows: ReplayRow[] = [];
  for (const { exercise, sessions } of data.byExercise.values()) {
    if (sessions.length < 2) continue;
    rows.push(replayExercise(exercise, sessions, choice, inv, callMs));
  }
  rows.sort((a, b) => b.sessions - a.sessions || a.exercise.localeCompare(b.exercise));
  const total = rows.reduce((t, r) => ({
    ...t, sessions: t.sessions + r.sessions, within: t.within + r.within, absErrKg: t.absErrKg + r.absErrKg,
    naiveWithin: t.naiveWithin + r.naiveWithin, naiveAbsErrKg: t.naiveAbsErrKg + r.naiveAbsErrKg, jumps: t.jumps + r.jumps, flagged: t.flagged + r.flagged, blocked: t.blocked + r.blocked,
  }), emptyRow('overall'));
  return { rows, total, callMs, skippedNames: data.skippedNames, unit: data.unit };
}
