/**
 * Evaluation of RIR predictors on a SIMULATED cohort (./simulate), against the TRUE RIR the
 * simulator kept hidden. Pure: cohort, model and population in; figures out.
 *
 * Held-out sets: every set of the `earlyWeek` (default 2) and `lateWeek` (default 5) that was not
 * taken to failure (on a failure set the member's report, 0, is exact by construction, which would
 * flatter (b)). Each is predicted before its week begins, from the member's data up to then.
 * Methods, by mean absolute error (reps) of predicted vs true RIR:
 * - (a) population table: the member's e1RM per exercise by Epley (1RM = w · (1 + (reps + RIR)/30),
 *   domain.md, with the *reported* RIR, 0 on failure sets) from their latest session of that
 *   exercise before the held-out week — the best set of ≤ 10 reps and RIR ≤ 3 when there is one
 *   (Reynolds et al. 2006), else the best set — then reps to failure at the load from the NSCA
 *   %1RM table (domain.md), interpolated; below 65 % it extends 0.8 reps per % (the 65–70 % slope).
 *   No fatigue or bias correction: that is what the table alone knows.
 * - (b) self-report: the member's reported RIR taken at face value.
 * - (c) the model after week 1: state learnt from `earlyWeek − 1` weeks, predicting `earlyWeek`.
 * - (d) the model after week 4: state learnt from weeks before `lateWeek`, predicting `lateWeek`.
 * - reference: the prescription's target RIR (what the planner asked for).
 * - reference: an oracle that knows the member's true curve, trend 1RM and fatigue but not the
 *   day's readiness or per-set noise: k · (1RM/load − 1) · (1 − fatigue)^(set − 1) − 0.5 (whole
 *   reps) − reps. Its MAE is about the floor any model can reach on this simulated cohort.
 * Coverage: share of true RIRs inside the model's 80 % interval (inclusive), for (c), (d) and both.
 * Calibration: model predictions of (c) and (d) pooled, by predicted RIR rounded to whole reps.
 */
import type { Exercise } from '../types';
import type { SetTruth, SimulatedCohort, SimulatedMember } from './simulate';
import type { MemberRirState, PopulationModel, RirModelApi, RirSet } from './types';

/** NSCA %1RM table (domain.md): [% 1RM, reps]. */
export const NSCA_TABLE: ReadonlyArray<readonly [number, number]> = [
  [100, 1], [95, 2], [93, 3], [90, 4], [87, 5], [85, 6], [83, 7], [80, 8], [77, 9], [75, 10], [70, 11], [67, 12], [65, 15],
];

/** Reps to failure at `percent` % of 1RM from the NSCA table, linearly interpolated. */
export function nscaRepsAt(percent: number): number {
  const first = NSCA_TABLE[0];
  const last = NSCA_TABLE[NSCA_TABLE.length - 1];
  if (first === undefined || last === undefined) return Number.NaN;
  if (percent >= first[0]) return Math.max(0, first[1] - (percent - first[0]) / 5);
  if (percent <= last[0]) return last[1] + 0.8 * (last[0] - percent);
  for (let i = 1; i < NSCA_TABLE.length; i++) {
    const hi = NSCA_TABLE[i - 1];
    const lo = NSCA_TABLE[i];
    if (hi === undefined || lo === undefined || percent < lo[0]) continue;
    return lo[1] + ((percent - lo[0]) / (hi[0] - lo[0])) * (hi[1] - lo[1]);
  }
  return last[1];
}

export interface EvaluateOptions {
  cohort: SimulatedCohort;
  library: readonly Exercise[];
  model: RirModelApi;
  population: PopulationModel;
  earlyWeek?: number;
  lateWeek?: number;
}

export interface MethodResult {
  key: 'population' | 'selfReport' | 'week1' | 'week4' | 'prescribed' | 'oracle';
  label: string;
  sets: number;
  maeReps: number;
  /** Mean predicted − true RIR, reps. */
  meanErrorReps: number;
  /** Share of true RIRs inside the 80 % interval; null for point-only methods. */
  coverage80: number | null;
}

export interface CalibrationRow { predicted: string; sets: number; meanPredicted: number; meanTrue: number; meanReported: number; coverage80: number }

export interface CohortEvaluation {
  simulated: true;
  members: number;
  heldOutSets: number;
  methods: MethodResult[];
  /** (c) and (d) pooled. */
  coverage80: number;
  calibration: CalibrationRow[];
}

interface Scored { predicted: number; truth: number; reported: number | null; low?: number; high?: number }

class Tally {
  readonly rows: Scored[] = [];
  add(row: Scored): void { this.rows.push(row); }
  result(key: MethodResult['key'], label: string): MethodResult {
    const n = this.rows.length;
    const sum = (f: (r: Scored) => number): number => this.rows.reduce((s, r) => s + f(r), 0);
    const withInterval = this.rows.filter((r) => r.low !== undefined && r.high !== undefined);
    return {
      key, label, sets: n,
      maeReps: n ? sum((r) => Math.abs(r.predicted - r.truth)) / n : Number.NaN,
      meanErrorReps: n ? sum((r) => r.predicted - r.truth) / n : Number.NaN,
      coverage80: withInterval.length ? withInterval.filter(covered).length / withInterval.length : null,
    };
  }
}

const covered = (r: Scored): boolean => r.low !== undefined && r.high !== undefined && r.truth >= r.low && r.truth <= r.high;

/** Epley e1RM (kg) of the member's latest session of `exerciseId` among `sets` (see module docs). */
export function latestSessionE1rm(sets: readonly RirSet[], exerciseId: string): number | null {
  const own = sets.filter((s) => s.exerciseId === exerciseId && s.loadKg > 0);
  const lastDay = own.reduce<string | null>((d, s) => (d === null || s.performedAt.slice(0, 10) > d ? s.performedAt.slice(0, 10) : d), null);
  if (lastDay === null) return null;
  const session = own.filter((s) => s.performedAt.slice(0, 10) === lastDay);
  const rirOf = (s: RirSet): number => (s.toFailure ? 0 : s.reportedRir ?? 0);
  const usable = session.filter((s) => s.reps <= 10 && rirOf(s) <= 3);
  const pool = usable.length ? usable : session;
  return Math.max(...pool.map((s) => s.loadKg * (1 + (s.reps + rirOf(s)) / 30)));
}

interface Tallies { exercise: (id: string) => Exercise; population: Tally; selfReport: Tally; week1: Tally; week4: Tally; prescribed: Tally; oracle: Tally; calibration: Array<Scored> }

function byWeek(member: SimulatedMember): Map<number, number[]> {
  const weeks = new Map<number, number[]>();
  member.truth.forEach((t, i) => {
    const list = weeks.get(t.week) ?? [];
    list.push(i);
    weeks.set(t.week, list);
  });
  return weeks;
}

function exerciseById(library: readonly Exercise[]): (id: string) => Exercise {
  const map = new Map(library.map((e) => [e.id, e]));
  return (id) => {
    const e = map.get(id);
    if (e === undefined) throw new RangeError(`exercise ${id} is not in the library`);
    return e;
  };
}

/** Scores one held-out set by every method. */
function scoreSet(o: EvaluateOptions, t: Tallies, state: MemberRirState, seen: readonly RirSet[], set: RirSet, truth: SetTruth, modelTally: Tally, member: SimulatedMember): void {
  const exercise = t.exercise(set.exerciseId);
  const query = { memberId: set.memberId, exerciseId: set.exerciseId, loadKg: set.loadKg, setIndex: set.setIndex, at: set.performedAt };
  const prediction = o.model.predictReps(state, o.population, exercise, o.library, query);
  const rir = o.model.rirAfter(prediction, set.reps);
  const row: Scored = { predicted: rir.rir, truth: truth.rir, reported: set.reportedRir, low: rir.low80, high: rir.high80 };
  modelTally.add(row);
  t.calibration.push(row);
  const e1rm = latestSessionE1rm(seen, set.exerciseId);
  if (e1rm !== null) {
    t.population.add({ predicted: nscaRepsAt((100 * set.loadKg) / e1rm) - set.reps, truth: truth.rir, reported: set.reportedRir });
  }
  if (set.reportedRir !== null) t.selfReport.add({ predicted: set.reportedRir, truth: truth.rir, reported: set.reportedRir });
  t.prescribed.add({ predicted: truth.targetRir, truth: truth.rir, reported: set.reportedRir });
  const curve = member.parameters.exercises[set.exerciseId];
  if (curve !== undefined) {
    const rtf = curve.k * Math.max(0, truth.trendOneRmKg / set.loadKg - 1) * (1 - member.parameters.setFatigue) ** (set.setIndex - 1);
    t.oracle.add({ predicted: Math.max(0, rtf - 0.5) - set.reps, truth: truth.rir, reported: set.reportedRir });
  }
}

function evaluateMember(o: EvaluateOptions, t: Tallies, member: SimulatedMember, early: number, late: number): void {
  let state = o.model.createMemberState(member.memberId, o.population);
  const seen: RirSet[] = [];
  const weeks = byWeek(member);
  for (const week of [...weeks.keys()].sort((a, b) => a - b)) {
    if (week > late) break;
    const indices = weeks.get(week) ?? [];
    const tally = week === early ? t.week1 : week === late ? t.week4 : null;
    if (tally !== null) {
      for (const i of indices) {
        const set = member.sets[i];
        const truth = member.truth[i];
        if (set !== undefined && truth !== undefined && !set.toFailure) scoreSet(o, t, state, seen, set, truth, tally, member);
      }
    }
    for (const i of indices) {
      const set = member.sets[i];
      if (set === undefined) continue;
      state = o.model.updateWithSet(state, o.population, t.exercise(set.exerciseId), o.library, set);
      seen.push(set);
    }
  }
}

function calibrationTable(rows: readonly Scored[]): CalibrationRow[] {
  const buckets = new Map<number, Scored[]>();
  for (const r of rows) {
    const b = Math.min(5, Math.max(0, Math.round(r.predicted)));
    const list = buckets.get(b);
    if (list === undefined) buckets.set(b, [r]);
    else list.push(r);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([b, list]) => {
    const mean = (f: (r: Scored) => number): number => list.reduce((s, r) => s + f(r), 0) / list.length;
    const reported = list.filter((r) => r.reported !== null);
    return {
      predicted: b === 5 ? '5+' : String(b), sets: list.length, meanPredicted: mean((r) => r.predicted), meanTrue: mean((r) => r.truth),
      meanReported: reported.length ? reported.reduce((s, r) => s + (r.reported ?? 0), 0) / reported.length : Number.NaN,
      coverage80: list.filter(covered).length / list.length,
    };
  });
}

/**
 * Evaluates (a) population table, (b) self-report, (c) model after week 1 and (d) model after
 * week 4 on a SIMULATED cohort's held-out sets (see the module docstring). Needs `lateWeek` ≤ the
 * cohort's weeks.
 */
export function evaluateCohort(options: EvaluateOptions): CohortEvaluation {
  const early = options.earlyWeek ?? 2;
  const late = options.lateWeek ?? 5;
  if (!(early >= 2 && late > early && late <= options.cohort.weeks)) {
    throw new RangeError(`held-out weeks must satisfy 2 ≤ earlyWeek < lateWeek ≤ ${String(options.cohort.weeks)}, got ${String(early)} and ${String(late)}`);
  }
  const t: Tallies = { exercise: exerciseById(options.library), population: new Tally(), selfReport: new Tally(), week1: new Tally(), week4: new Tally(), prescribed: new Tally(), oracle: new Tally(), calibration: [] };
  for (const member of options.cohort.members) evaluateMember(options, t, member, early, late);
  const w1 = `model after week ${String(early - 1)} (predicting week ${String(early)})`;
  const w4 = `model after week ${String(late - 1)} (predicting week ${String(late)})`;
  const modelRows = [...t.week1.rows, ...t.week4.rows];
  return {
    simulated: true,
    members: options.cohort.members.length,
    heldOutSets: modelRows.length,
    methods: [
      t.population.result('population', '(a) population table (NSCA) + Epley e1RM'),
      t.selfReport.result('selfReport', '(b) member report at face value'),
      t.week1.result('week1', `(c) ${w1}`),
      t.week4.result('week4', `(d) ${w4}`),
      t.prescribed.result('prescribed', 'ref: prescribed target RIR'),
      t.oracle.result('oracle', 'ref: oracle (true curve, unknown day readiness)'),
    ],
    coverage80: modelRows.length ? modelRows.filter(covered).length / modelRows.length : Number.NaN,
    calibration: calibrationTable(t.calibration),
  };
}
