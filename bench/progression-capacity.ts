/**
 * Progression judged on what the lifter could do (issue 14 item 3), on every real lifter in
 * `../shared/data/logs`: the DericMei Strong export and the 14 exports of `logs/exports`, read in
 * place through the product's importer (`engine/imports/parse.ts`).
 *
 * Per lifter and exercise (names matched to the built-in library; body-weight and unmatched
 * exercises left out; warm-up rows left out), session by session, before the session is seen:
 * - engine: the prescription is what the lifter did last time (top load, work sets), a fixed
 *   rep range (compound 5–8, isolation 8–12, as bench/progression-replay.ts), target RIR 2; the
 *   rule (`dp` with deload triggers, state carried), `suggestNext`, then `applySafety`. The
 *   engine's prescription is the safe suggestion's load × its `repMin` (the reps it asks for). A
 *   blocked suggestion is counted as blocked (in no zone), not as any load;
 * - "repeat last": the last session's top set (load × reps);
 * - "+2.5 % when all reps were made" (engine/progression/capacity.ts `plusWhenMade`), rounded to
 *   the lifter's inventory (DEFAULT_INVENTORY of the file's unit).
 * Each is judged against the session that followed: implied RIR = 30 × (e1RM / load − 1) − reps,
 * e1RM = that session's demonstrated Epley e1RM (capacity.ts). Sessions with no usable set
 * (all > 10 reps) cannot be judged and are counted apart.
 */
import { resolve } from 'node:path';
import { createExerciseMatcher } from '../engine/exercises/match';
import { BUILTIN_EXERCISES } from '../engine/exercises/library';
import { parseWorkoutExport } from '../engine/imports/parse';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from '../engine/imports/shared-exports';
import { DEFAULT_INVENTORY, defaultRule, roundToInventory, suggestNext, takesInventoryLoad, withRuleState } from '../engine/progression/index';
import type { RuleSpec } from '../engine/progression/index';
import { addTallies, demonstratedE1rm, emptyTally, plusWhenMade, repeatLast, tally } from '../engine/progression/capacity';
import type { LoadReps, ZoneTally } from '../engine/progression/capacity';
import type { ExerciseSession, LoadInventory, Prescribed } from '../engine/progression/types';
import { applySafety } from '../engine/safety/apply';
import type { SafetyOptions } from '../engine/safety/assess';
import { DEFAULT_CONSTRAINTS } from '../engine/safety/constraints';
import type { Exercise, Goal, WeightUnit } from '../engine/types';
import { STRONG_DERICMEI, readShared } from './models-data';

export interface CapacityLifter { name: string; unit: WeightUnit; byExercise: Map<string, { exercise: Exercise; sessions: ExerciseSession[] }> }

/** One lifter's loaded sessions per exercise, oldest first (see the header). */
export function loadCapacityLifter(name: string, text: string): CapacityLifter {
  const parsed = parseWorkoutExport(text);
  if (parsed.errorCount > 0) throw new Error(`${name}: ${String(parsed.errorCount)} import errors, first: ${parsed.errors[0]?.message ?? ''}`);
  const match = createExerciseMatcher(BUILTIN_EXERCISES);
  const byId = new Map(BUILTIN_EXERCISES.map((e) => [e.id, e]));
  const byExercise: CapacityLifter['byExercise'] = new Map();
  const keyed = new Map<string, ExerciseSession>();
  const matched = new Map<string, Exercise | undefined>();
  for (const row of parsed.rows) {
    if (row.setKind === 'warmup' || !(row.loadKg > 0) || row.reps < 1) continue;
    if (!matched.has(row.exerciseName)) {
      const m = match(row.exerciseName);
      const ex = m === null ? undefined : byId.get(m.exerciseId);
      matched.set(row.exerciseName, ex !== undefined && takesInventoryLoad(ex.equipment) ? ex : undefined);
    }
    const ex = matched.get(row.exerciseName);
    if (ex === undefined) continue;
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
  return { name, unit: parsed.unit, byExercise };
}

/** Every lifter of `../shared/data/logs` (DericMei's Strong export first). */
export function capacityLifters(): CapacityLifter[] {
  return [
    loadCapacityLifter('strong-export-dericmei', readShared(STRONG_DERICMEI)),
    ...SHARED_EXPORTS.map((e) => loadCapacityLifter(e.file.split('/')[0]!, readShared(resolve(SHARED_EXPORTS_DIR, e.file)))),
  ];
}

export interface CapacityScore {
  engine: ZoneTally;
  /** The rule's suggestion before applySafety (diagnostic: what the safety layer's cuts cost). */
  engineBeforeSafety: ZoneTally;
  /** The engine's prescriptions that safety replaced (layoff, e1RM drop), judged alone. */
  engineReplaced: ZoneTally;
  /** The engine's prescriptions replaced with a layoff among the reasons, judged alone. */
  engineLayoff: ZoneTally;
  repeatLast: ZoneTally;
  plus: ZoneTally;
  unjudged: number;
  safety: Record<string, number>;
}

const emptyScore = (): CapacityScore => ({ engine: emptyTally(), engineBeforeSafety: emptyTally(), engineReplaced: emptyTally(), engineLayoff: emptyTally(), repeatLast: emptyTally(), plus: emptyTally(), unjudged: 0, safety: {} });

export function addScores(a: CapacityScore, b: CapacityScore): CapacityScore {
  const safety = { ...a.safety };
  for (const [k, v] of Object.entries(b.safety)) safety[k] = (safety[k] ?? 0) + v;
  return { engine: addTallies(a.engine, b.engine), engineBeforeSafety: addTallies(a.engineBeforeSafety, b.engineBeforeSafety), engineReplaced: addTallies(a.engineReplaced, b.engineReplaced), engineLayoff: addTallies(a.engineLayoff, b.engineLayoff), repeatLast: addTallies(a.repeatLast, b.repeatLast), plus: addTallies(a.plus, b.plus), unjudged: a.unjudged + b.unjudged, safety };
}

/** How the engine is configured for a replay: the rule for an exercise given its rep range. */
export type EngineConfig = (ex: Exercise, inv: LoadInventory, range: [number, number]) => RuleSpec;

function stepAt(kg: number, ex: Exercise, inv: LoadInventory): number {
  const up = roundToInventory(kg + 0.01, ex.equipment, inv, 'up') ?? kg;
  const down = roundToInventory(kg, ex.equipment, inv, 'down') ?? kg;
  return Math.max(up - down, 0.01);
}

/** The replay's rule, as bench/progression-replay.ts: dp(+1 loadable step, range) with 3-failure deloads. */
export const DP_CONFIG: EngineConfig = (ex, inv, range) => {
  const start = ex.equipment === 'dumbbell' ? 10 : 60;
  return { kind: 'dp', params: { incrementKg: stepAt(start, ex, inv), repMin: range[0], repMax: range[1] }, deload: { failedSessions: 3 } };
};

/** The replay's linear progression (the former default for strength goals): lp(+1 loadable step), 3 failures → 90 %. */
export const LP_CONFIG: EngineConfig = (ex, inv) => {
  const start = ex.equipment === 'dumbbell' ? 10 : 60;
  return { kind: 'lp', params: { incrementKg: stepAt(start, ex, inv) }, deload: { failedSessions: 3 } };
};

/**
 * The PRODUCT's default rule (engine/progression/defaults.ts `defaultRule`, what
 * `recommendations/generate` uses), on the replay's prescriptions (target RIR 2, the replay's rep
 * range). The same for every goal; `goal` only shows which goal is asked.
 */
export function productDefaultConfig(goal: Goal = 'strength'): EngineConfig {
  return (ex, inv, range) => defaultRule(goal, { repMin: range[0], repMax: range[1], targetRir: REPLAY_TARGET_RIR }, ex, inv.unit);
}

/** Target RIR of every replayed prescription. */
export const REPLAY_TARGET_RIR = 2;

function topLoad(s: ExerciseSession): number { return s.sets.reduce((m, x) => Math.max(m, x.loadKg), 0); }

function scoreExercise(ex: Exercise, sessions: ExerciseSession[], inv: LoadInventory, config: EngineConfig, out: CapacityScore, safety: SafetyOptions): void {
  const range: [number, number] = ex.mechanic === 'compound' ? [5, 8] : [8, 12];
  let rule = config(ex, inv, range);
  let asked: LoadReps | null = null;
  const round = (kg: number) => roundToInventory(kg, ex.equipment, inv, 'nearest') ?? kg;
  const roundUp = (kg: number) => roundToInventory(kg, ex.equipment, inv, 'up') ?? kg;
  for (let i = 1; i < sessions.length; i++) {
    const last = sessions[i - 1]!;
    const now = sessions[i]!;
    const history = sessions.slice(Math.max(0, i - 6), i);
    const top = topLoad(last);
    const work = last.sets.filter((s) => s.loadKg >= 0.9 * top - 1e-9).length;
    const prescribed: Prescribed = { exerciseId: ex.id, sets: Math.max(1, work), repMin: range[0], repMax: range[1], loadKg: top, restS: 120, targetRir: REPLAY_TARGET_RIR };
    const { recommendation, ruleState } = suggestNext({ memberId: 1, exercise: ex, prescribed, sessions: history, checkIns: [], rule, inventory: inv, now: now.performedAt });
    const safe = applySafety(recommendation, { now: now.performedAt, checkIn: null, history, roundDownKg: (kg) => roundToInventory(kg, ex.equipment, inv, 'down') }, DEFAULT_CONSTRAINTS, safety);
    rule = withRuleState(rule, ruleState);
    out.safety[safe.status] = (out.safety[safe.status] ?? 0) + 1;
    const base = repeatLast(last);
    const plus = plusWhenMade(last, asked, round, roundUp);
    asked = plus;
    const e1 = demonstratedE1rm(now);
    if (e1 === null || base === null || plus === null) { out.unjudged += 1; continue; }
    const s = safe.recommendation?.suggested;
    const engine: LoadReps | null = safe.status === 'blocked' || s === undefined || s.loadKg === null || !(s.loadKg > 0) ? null : { loadKg: s.loadKg, reps: s.repMin };
    tally(out.engine, engine, e1);
    if (safe.status === 'replaced') tally(out.engineReplaced, engine, e1);
    if (safe.overrides.some((o) => o.kind === 'layoff')) tally(out.engineLayoff, engine, e1);
    const pre = recommendation.suggested;
    tally(out.engineBeforeSafety, pre.loadKg !== null && pre.loadKg > 0 ? { loadKg: pre.loadKg, reps: pre.repMin } : null, e1);
    tally(out.repeatLast, base, e1);
    tally(out.plus, plus, e1);
  }
}

/** Scores one lifter (every exercise with ≥ 2 sessions). */
export function scoreLifter(l: CapacityLifter, config: EngineConfig = DP_CONFIG, safety: SafetyOptions = {}): CapacityScore {
  const out = emptyScore();
  const inv = DEFAULT_INVENTORY(l.unit);
  for (const { exercise, sessions } of l.byExercise.values()) if (sessions.length >= 2) scoreExercise(exercise, sessions, inv, config, out, safety);
  return out;
}

/** Sum over `lifters`; `safety` swaps the safety layer's options (e.g. the layoff cut) for a comparison. */
export function scoreAll(lifters: readonly CapacityLifter[], config: EngineConfig = DP_CONFIG, safety: SafetyOptions = {}): CapacityScore {
  return lifters.map((l) => scoreLifter(l, config, safety)).reduce(addScores, emptyScore());
}

/** RIR autoregulation for the replay: target RIR, unlogged RIR read as `unloggedRir`, e1RM smoothing weight. */
export function rirConfig(targetRir: number, unloggedRir: number | null, e1rmWeight: number, maxRepsForE1rm = 10, failedSessionsDeload: number | null = 3): EngineConfig {
  return (_ex, _inv, range) => ({
    kind: 'rir', params: { targetRir, repMin: range[0], repMax: range[1], unloggedRir, e1rmWeight, maxRepsForE1rm },
    deload: failedSessionsDeload === null ? null : { failedSessions: failedSessionsDeload },
  });
}

/** The candidate engine configurations chosen among on the tuning lifters (name → config). */
export function candidateConfigs(): [string, EngineConfig][] {
  const out: [string, EngineConfig][] = [['dp(+1 step, range)', DP_CONFIG], ['lp(+1 step, 3 failures → 90 %)', LP_CONFIG], ['rir(RIR 2, unlogged = target)', rirConfig(2, null, 1)]];
  for (const u of [0, 1]) for (const w of [1, 0.5]) for (const t of [1, 2]) out.push([`rir(RIR ${String(t)}, unlogged RIR ${String(u)}, e1RM weight ${String(w)})`, rirConfig(t, u, w)]);
  for (const u of [0, 1]) {
    for (const t of [1, 2]) {
      for (const [m, d] of [[15, 3], [10, null], [15, null]] as const) {
        out.push([`rir(RIR ${String(t)}, unlogged RIR ${String(u)}, ≤ ${String(m)} reps, ${d === null ? 'no failure deload' : '3-failure deload'})`, rirConfig(t, u, 1, m, d)]);
      }
    }
  }
  return out;
}

/** Tuning lifters: DericMei and every other export (even index of `capacityLifters()`); the rest are held out. */
export function splitLifters(lifters: readonly CapacityLifter[]): { tune: CapacityLifter[]; held: CapacityLifter[] } {
  return { tune: lifters.filter((_, i) => i % 2 === 0), held: lifters.filter((_, i) => i % 2 === 1) };
}
