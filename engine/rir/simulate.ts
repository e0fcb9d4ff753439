/**
 * SIMULATED training cohorts for evaluating the RIR model. Nothing here is measured: every member
 * is invented, every output carries `simulated: true`, and the true reps to failure of each set
 * are kept apart from the logged `RirSet`s so that a model under test never sees them.
 * Same options → the same cohort (seeded mulberry32, no clock, no global randomness).
 *
 * Parameters and their sources (domain.md, "Reps to failure vs load" and "How accurate people are"):
 * - Load–reps curve: RTF = k · (1RM / load − 1). At 80 % 1RM this gives RTF = k / 4, so the
 *   exercise's mean k is 4 × its mean reps at 80 % 1RM, from Hoeger et al. (1990, trained men):
 *   leg press 19, bench press and lat pull-down 12, knee extension and arm curl 11.5, leg curl 7.
 *   Exercises Hoeger did not test take the NSCA %1RM table's 8 reps at 80 % (k = 32).
 * - Between-member spread of k ("individuals and exercises differ widely", Hoeger-like): ln k
 *   varies by a member effect shared across exercises (sd 0.15) plus a member × exercise effect
 *   (sd 0.2), about 25 % in all. Assumption: domain.md gives no sd.
 * - Strength: 1RM medians of an ordinary gym member (bench 60 kg: below the app P50 of 77 kg,
 *   domain.md "Strength standards"), member factor sd 0.3 in ln, exercise factor sd 0.12.
 *   Gains: each member gains `weeklyGain` (default uniform 0.5–1.5 %/week) with diminishing
 *   returns, ln 1RM(t) = ln 1RM₀ + g · τ · (1 − e^(−t/τ)), τ = 16 weeks. The measured 12-week 1RM
 *   changes of untrained people (exscidata, Hammarström et al. 2020) are larger; bench/rir prints them.
 * - Day-to-day readiness: 2 % of 1RM (sd, shared by a session's exercises: "a few % of 1RM",
 *   about ±1 rep at 75 % on the bench) plus 0.3 reps of per-set noise.
 * - Fatigue within a session: each further set of an exercise loses `setFatigue` of its RTF
 *   (member mean 5 %, sd 1.5 %; assumption, similar to the demo club's 1 % of 1RM per set).
 * - Self-report: reported RIR = true RIR + per-person bias + noise, rounded, clipped to 0–10.
 *   A set that reached failure (planned, or a member stopping by feel who overshot) is logged
 *   `toFailure: true` with `reportedRir: null`: failure is observed, not judged.
 *   Bias ~ N(−0.95, 1) reps (Halperin et al. 2022: people under-predict reps to failure by
 *   0.95 on average, with large heterogeneity); noise sd 0.8 at RIR ≤ 1 rising by 0.15 per rep
 *   to 1.4 at RIR ≥ 5 (Zourdos lab: absolute error 0.7–0.8 at 1 RIR vs 1.0–1.4 at 4 RIR).
 * - Prescription, like the planner: 3–4 straight sets of 6–10 (compound) or 8–12 (isolation)
 *   reps, target RIR 3 → 1 over the weeks; the load is the Epley inverse of the last session's
 *   failure set, else its first set (reps + reported RIR), moved at most ±10 % per session
 *   (domain.md safety default; ±25 % after a week-1 calibration set, which exists to correct the
 *   cold prior), rounded to plates/stack steps. Week 1 starts from a cold prior (true 1RM ×
 *   e^N(0, 0.2) × 0.85) and its last set of each exercise is a calibration set to failure; later,
 *   last sets go to failure so that about `failureShare` of sets do (plus sets where a member
 *   who stops by feel overshoots to failure).
 * - Stopping: by default members stop by feel, when their *perceived* reps left (true RIR + bias +
 *   noise) reach the target, so true RIR = target − bias − noise. With `stopping: 'true-rir'`
 *   they stop exactly at the target true RIR (then the prescription alone predicts true RIR
 *   to ±0.5, which makes any comparison of predictors degenerate). Reps stop at the range top + 5.
 */
import type { Exercise } from '../types';
import { mulberry32 } from '../random';
import { roundToLoadable } from '../units/loadable';
import type { RirSet } from './types';

export const SIM_PARAMETERS = Object.freeze({
  /** Hoeger et al. 1990 reps at 80 % 1RM; NSCA table (8) for the rest. */
  repsAt80: { legPress: 19, benchOrPulldown: 12, kneeExtensionOrCurl: 11.5, legCurl: 7, nscaTable: 8 },
  lnKMemberSd: 0.15,
  lnKExerciseSd: 0.2,
  lnOneRmMemberSd: 0.3,
  lnOneRmExerciseSd: 0.12,
  weeklyGain: [0.005, 0.015] as readonly [number, number],
  gainTauWeeks: 16,
  readinessSd: 0.02,
  setNoiseReps: 0.3,
  setFatigueMean: 0.05,
  setFatigueSd: 0.015,
  biasMean: -0.95,
  biasSd: 1,
  reportNoiseLow: 0.8,
  reportNoisePerRep: 0.15,
  reportNoiseHigh: 1.4,
  coldPriorSd: 0.2,
  coldPriorFactor: 0.85,
  maxStepChange: 0.1,
  maxCalibrationChange: 0.25,
  repsOverRange: 5,
});

/** Exercises of the default simulated cohort (built-in ids); Hoeger's lifts plus squat and row. */
export const DEFAULT_SIM_EXERCISE_IDS: readonly string[] = [
  'barbell-bench-press', 'cable-lat-pulldown', 'machine-leg-press', 'machine-leg-extension',
  'machine-lying-leg-curl', 'barbell-curl', 'barbell-back-squat', 'cable-seated-row',
];

export interface SimulateOptions {
  seed: number;
  members: number;
  weeks: number;
  exercises: readonly Exercise[];
  /** Default 3. */
  sessionsPerWeek?: number;
  /** Share of sets after week 1 taken to failure; default 0.1. */
  failureShare?: number;
  /** ISO-8601 start of week 1. */
  start: string;
  /** Default uniform 0.5–1.5 %/week (as fractions). */
  weeklyGain?: readonly [number, number];
  stopping?: 'feel' | 'true-rir';
  /** First member id; default 1. */
  firstMemberId?: number;
}

/** The hidden truth of one set (never given to the model). */
export interface SetTruth {
  /** Reps the member could have done at that load in that set (whole reps, ≥ 1). */
  repsToFailure: number;
  /** repsToFailure − reps (0 on a failure set). */
  rir: number;
  /** True 1RM of the day (with readiness), kg. */
  oneRmKg: number;
  /** True 1RM of the day before readiness (the trend), kg. */
  trendOneRmKg: number;
  targetRir: number;
  /** Reps the prescription asked for: the middle of the dose's rep range (the load was chosen for it). */
  prescribedReps: number;
  /** 1-based week and session (within the whole block). */
  week: number;
  session: number;
}

export interface SimulatedExerciseTruth { k: number; startOneRmKg: number }

export interface SimulatedMember {
  simulated: true;
  memberId: number;
  /** The member's true parameters (hidden from the model). */
  parameters: { reportBias: number; weeklyGain: number; setFatigue: number; exercises: Record<string, SimulatedExerciseTruth> };
  /** What the member logged, oldest first. */
  sets: RirSet[];
  /** `truth[i]` is the hidden truth of `sets[i]`. */
  truth: SetTruth[];
}

export interface SimulatedCohort {
  simulated: true;
  seed: number;
  weeks: number;
  exerciseIds: string[];
  parameters: typeof SIM_PARAMETERS;
  members: SimulatedMember[];
}

interface Rng { next(): number; normal(mean: number, sd: number): number; uniform(a: number, b: number): number }

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  return {
    next,
    uniform: (a, b) => a + (b - a) * next(),
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** Mean reps at 80 % 1RM the simulator assumes for `exercise` (Hoeger et al. 1990, else NSCA). */
export function simulatedRepsAt80(exercise: Exercise): number {
  const r = SIM_PARAMETERS.repsAt80;
  if (exercise.id.includes('leg-press') && !exercise.id.includes('calf')) return r.legPress;
  if (exercise.pattern === 'knee_flexion') return r.legCurl;
  if (exercise.pattern === 'knee_extension' || exercise.pattern === 'elbow_flexion') return r.kneeExtensionOrCurl;
  if (exercise.pattern === 'horizontal_push' || exercise.pattern === 'vertical_pull') return r.benchOrPulldown;
  return r.nscaTable;
}

const ONE_RM_MEDIAN_KG: Readonly<Record<string, number>> = {
  'barbell-bench-press': 60, 'cable-lat-pulldown': 55, 'machine-leg-press': 150, 'machine-leg-extension': 60,
  'machine-lying-leg-curl': 45, 'barbell-curl': 30, 'barbell-back-squat': 80, 'cable-seated-row': 55,
};

/** Median 1RM (kg) of a simulated member on `exercise`; 40 kg for exercises without a figure. */
export function simulatedOneRmMedian(exercise: Exercise): number {
  return ONE_RM_MEDIAN_KG[exercise.id] ?? 40;
}

function drawMemberTruth(rng: Rng, exercises: readonly Exercise[], gain: readonly [number, number]): SimulatedMember['parameters'] {
  const p = SIM_PARAMETERS;
  const lnKMember = rng.normal(0, p.lnKMemberSd);
  const lnStrength = rng.normal(0, p.lnOneRmMemberSd);
  const perExercise: Record<string, SimulatedExerciseTruth> = {};
  for (const ex of exercises) {
    const k = 4 * simulatedRepsAt80(ex) * Math.exp(lnKMember + rng.normal(0, p.lnKExerciseSd));
    const startOneRmKg = simulatedOneRmMedian(ex) * Math.exp(lnStrength + rng.normal(0, p.lnOneRmExerciseSd));
    perExercise[ex.id] = { k, startOneRmKg };
  }
  return {
    reportBias: rng.normal(p.biasMean, p.biasSd),
    weeklyGain: rng.uniform(gain[0], gain[1]),
    setFatigue: Math.min(0.1, Math.max(0.01, rng.normal(p.setFatigueMean, p.setFatigueSd))),
    exercises: perExercise,
  };
}

/** True 1RM (kg) after `weeks` weeks (fractional), before readiness. */
export function oneRmAt(start: number, weeklyGain: number, weeks: number): number {
  const tau = SIM_PARAMETERS.gainTauWeeks;
  return start * Math.exp(weeklyGain * tau * (1 - Math.exp(-weeks / tau)));
}

/** Report noise sd (reps) at a true RIR (Zourdos lab: larger further from failure). */
export function reportNoiseSd(trueRir: number): number {
  const p = SIM_PARAMETERS;
  return Math.min(p.reportNoiseHigh, p.reportNoiseLow + p.reportNoisePerRep * Math.max(0, trueRir - 1));
}

/** Target RIR of week `week` of `weeks`: 3 → 1 across the block (domain.md: RIR lowered across a mesocycle). */
export function targetRirForWeek(week: number, weeks: number): number {
  if (weeks <= 1) return 3;
  return Math.round(3 - (2 * (week - 1)) / (weeks - 1));
}

interface Dose { sets: number; repMin: number; repMax: number }

function doseFor(exercise: Exercise, memberSets: number): Dose {
  return exercise.mechanic === 'isolation' ? { sets: memberSets, repMin: 8, repMax: 12 } : { sets: memberSets, repMin: 6, repMax: 10 };
}

const epleyFactor = (reps: number): number => 1 + reps / 30;

/** The set the next load is based on: the last session's failure set if any, else its first set. */
interface LoadBasis { loadKg: number; reps: number; rir: number; calibration: boolean }

/** The planner-like load for this session (kg, loadable). */
function prescribeLoad(rng: Rng, exercise: Exercise, truth: SimulatedExerciseTruth, dose: Dose, target: number, last: LoadBasis | undefined): number {
  const p = SIM_PARAMETERS;
  const mid = (dose.repMin + dose.repMax) / 2;
  let kg: number;
  if (last === undefined) {
    const prior = truth.startOneRmKg * Math.exp(rng.normal(0, p.coldPriorSd)) * p.coldPriorFactor;
    kg = prior / epleyFactor(mid + target);
  } else {
    const step = last.calibration ? p.maxCalibrationChange : p.maxStepChange;
    const ratio = epleyFactor(last.reps + last.rir) / epleyFactor(mid + target);
    kg = last.loadKg * Math.min(1 + step, Math.max(1 - step, ratio));
  }
  return roundToLoadable(Math.max(0, kg), exercise.equipment, 'kg') ?? kg;
}

interface SessionCtx {
  rng: Rng;
  member: SimulatedMember;
  week: number;
  session: number;
  weeks: number;
  at: number;
  startMs: number;
  readiness: number;
  failureShare: number;
  stopping: 'feel' | 'true-rir';
  memberSets: number;
  last: Map<string, LoadBasis>;
}

/** Reps the member does and the RIR they report, given the set's true whole reps to failure. */
function performSet(ctx: SessionCtx, rtf: number, target: number, repMax: number, toFailure: boolean): { reps: number; reported: number } {
  const { rng, member } = ctx;
  if (toFailure) return { reps: rtf, reported: 0 };
  const feel = ctx.stopping === 'feel' ? member.parameters.reportBias + rng.normal(0, reportNoiseSd(target)) : 0;
  const reps = Math.max(1, Math.min(rtf, repMax + SIM_PARAMETERS.repsOverRange, Math.round(rtf - target + feel)));
  const trueRir = rtf - reps;
  const reported = Math.round(trueRir + member.parameters.reportBias + rng.normal(0, reportNoiseSd(trueRir)));
  return { reps, reported: Math.min(10, Math.max(0, reported)) };
}

/**
 * One exercise in one session: straight sets at one load, except in week 1, where the member
 * works up to the target (each set's load follows the previous set, like planner calibration sets).
 */
function simulateExercise(ctx: SessionCtx, exercise: Exercise, minuteOffset: number): number {
  const { rng, member, week } = ctx;
  const truth = member.parameters.exercises[exercise.id];
  if (truth === undefined) throw new RangeError(`no simulated truth for exercise ${exercise.id}`);
  const dose = doseFor(exercise, ctx.memberSets);
  const target = targetRirForWeek(week, ctx.weeks);
  const calibrating = week === 1;
  let loadKg = prescribeLoad(rng, exercise, truth, dose, target, ctx.last.get(exercise.id));
  const weeksIn = (ctx.at - ctx.startMs) / (7 * 86_400_000);
  const trendOneRmKg = oneRmAt(truth.startOneRmKg, member.parameters.weeklyGain, weeksIn);
  const oneRmKg = trendOneRmKg * ctx.readiness;
  let minute = minuteOffset;
  for (let setIndex = 1; setIndex <= dose.sets; setIndex++) {
    const fresh = truth.k * Math.max(0, oneRmKg / loadKg - 1);
    const latent = fresh * (1 - member.parameters.setFatigue) ** (setIndex - 1) + rng.normal(0, SIM_PARAMETERS.setNoiseReps);
    const rtf = Math.max(1, Math.floor(latent));
    const isLast = setIndex === dose.sets;
    const toFailure = isLast && (calibrating || rng.next() < Math.min(1, ctx.failureShare * dose.sets));
    const done = performSet(ctx, rtf, target, dose.repMax, toFailure);
    const failed = toFailure || done.reps >= rtf;
    const performedAt = new Date(ctx.at + minute * 60_000).toISOString();
    const reportedRir = failed ? null : done.reported;
    member.sets.push({ memberId: member.memberId, exerciseId: exercise.id, performedAt, loadKg, reps: done.reps, reportedRir, toFailure: failed, setIndex });
    member.truth.push({ repsToFailure: rtf, rir: rtf - done.reps, oneRmKg, trendOneRmKg, targetRir: target, prescribedReps: Math.round((dose.repMin + dose.repMax) / 2), week, session: ctx.session });
    const basis: LoadBasis = { loadKg, reps: done.reps, rir: reportedRir ?? 0, calibration: calibrating };
    if (calibrating || setIndex === 1 || failed) ctx.last.set(exercise.id, basis);
    if (calibrating && !isLast) loadKg = prescribeLoad(rng, exercise, truth, dose, target, basis);
    minute += 3;
  }
  return minute;
}

/**
 * Simulates `members` members training `weeks` weeks on `exercises` (SIMULATED; see the module
 * docstring for every parameter and its source). Sessions rotate through the exercises, four
 * per session, so each exercise is trained about 1.5 times a week at 3 sessions a week.
 */
export function simulateCohort(options: SimulateOptions): SimulatedCohort {
  const { seed, weeks, exercises } = options;
  if (exercises.length === 0) throw new RangeError('exercises must not be empty');
  const startMs = Date.parse(options.start);
  if (!Number.isFinite(startMs)) throw new RangeError(`start must be an ISO-8601 time, got ${options.start}`);
  const perWeek = options.sessionsPerWeek ?? 3;
  const perSession = Math.min(4, exercises.length);
  const rng = makeRng(seed);
  const members: SimulatedMember[] = [];
  for (let m = 0; m < options.members; m++) {
    const member: SimulatedMember = {
      simulated: true, memberId: (options.firstMemberId ?? 1) + m,
      parameters: drawMemberTruth(rng, exercises, options.weeklyGain ?? SIM_PARAMETERS.weeklyGain), sets: [], truth: [],
    };
    const memberSets = rng.next() < 0.5 ? 3 : 4;
    const last = new Map<string, LoadBasis>();
    let slot = Math.floor(rng.next() * exercises.length);
    for (let w = 1; w <= weeks; w++) {
      for (let s = 0; s < perWeek; s++) {
        const day = (w - 1) * 7 + Math.floor((s * 7) / perWeek);
        const at = startMs + day * 86_400_000 + 18 * 3_600_000;
        const ctx: SessionCtx = {
          rng, member, week: w, session: (w - 1) * perWeek + s + 1, weeks, at, startMs, last, memberSets,
          readiness: Math.exp(rng.normal(0, SIM_PARAMETERS.readinessSd)),
          failureShare: options.failureShare ?? 0.1, stopping: options.stopping ?? 'feel',
        };
        let minute = 0;
        for (let j = 0; j < perSession; j++, slot++) {
          const exercise = exercises[slot % exercises.length];
          if (exercise !== undefined) minute = simulateExercise(ctx, exercise, minute);
        }
      }
    }
    members.push(member);
  }
  return { simulated: true, seed, weeks, exerciseIds: exercises.map((e) => e.id), parameters: SIM_PARAMETERS, members };
}
