/**
 * The RIR model's contract: shapes shared by the model (engine/rir), the simulator and bench,
 * the registry and ONNX export (models/), and the host (main/, db/). Pure data, JSON-safe.
 *
 * Terms: RTF = reps to failure at a load (a set of r reps leaves RIR = RTF − r).
 * Self-report bias = reported RIR − true RIR (positive: the member says they had more left
 * than they did). Halperin et al. 2022: people under-predict reps to failure by ≈0.95 reps on
 * average, i.e. a population bias mean near −0.95 in this sign convention, with wide spread.
 */
import type { Exercise } from '../types';

/** One logged set the model learns from. Loads in kg, times ISO-8601. */
export interface RirSet {
  memberId: number;
  exerciseId: string;
  performedAt: string;
  loadKg: number;
  reps: number;
  /** The RIR the member reported (10 − RPE when RPE was logged); null when not reported. */
  reportedRir: number | null;
  /** Taken to failure (a failure set, or a planner calibration set done to failure): true RIR is 0. */
  toFailure: boolean;
  /** 1-based position among this exercise's sets in the session (fatigue context). */
  setIndex: number;
}

/** What to predict: reps to failure for this member, exercise and load. */
export interface RirQuery {
  memberId: number;
  exerciseId: string;
  loadKg: number;
  /** 1-based position among the exercise's sets that session; default 1. */
  setIndex?: number;
  /** When the set happens (for strength drift since the last data); default: the last set seen. */
  at?: string;
}

/** A prediction with its uncertainty. RTF in reps; the 80 % interval is central (10th–90th). */
export interface RepsPrediction {
  repsToFailure: number;
  sd: number;
  low80: number;
  high80: number;
  /** Where the curve came from: the member's own sets on it, similar exercises and the member's other lifts, or the population alone. */
  source: 'member' | 'similar' | 'population';
  /** Sets of this member on this exercise that the state has learnt from. */
  memberSets: number;
}

/** RIR after doing `reps` reps: RTF − reps, with the same interval shifted. */
export interface RirPrediction { rir: number; low80: number; high80: number }

/**
 * The population part: the prior every member starts from, refit periodically from all
 * members' data. `lnK` is the log of the slope k in RTF = k · (1RM / load − 1) (Epley's
 * k = 30; Hoeger et al. 1990 spreads: reps at 80 % 1RM ≈ 7 (leg curl) … 19 (leg press), i.e.
 * k ≈ 28 … 76). The mean lnK of an exercise is `intercept + weights · features(exercise)`,
 * unless `exerciseLnK` has a refit value for it. This linear map is the part exported to ONNX.
 */
export interface PopulationModel {
  version: string;
  /** Names of the exercise feature vector, e.g. `pattern:squat`, `equipment:machine`, `mechanic:isolation`. */
  featureNames: string[];
  weights: number[];
  intercept: number;
  /** Per-exercise mean lnK where the refit had enough data; overrides the linear map. */
  exerciseLnK: Record<string, number>;
  /** Between-member sd of lnK around the exercise mean. */
  lnKSd: number;
  /** Prior of the self-report bias (reported − true RIR), reps. */
  biasMean: number;
  biasSd: number;
  /** Noise of a reported RIR around true RIR + bias, reps (≈1, Halperin 2022; Refalo 2023). */
  reportNoiseSd: number;
  /** Noise of RTF on a set taken to failure (day-to-day readiness), reps. */
  failureNoiseSd: number;
  /** Fraction of RTF lost per set after the first (fatigue within a session). */
  setFatigue: number;
  /** Random-walk sd of ln 1RM per day (strength gains and losses between sessions). */
  lnOneRmDriftPerDay: number;
  /** Sets the population part was fitted on (0 for the published-figures default). */
  trainingSamples: number;
}

/** A member's learnt state: JSON-safe, stored per member, updated set by set. */
export interface MemberRirState {
  memberId: number;
  populationVersion: string;
  /** Opaque to callers: the model's means and covariances. */
  data: unknown;
  /** Sets learnt from, in total. */
  sets: number;
  updatedAt: string | null;
}

/** The model's public functions, implemented in engine/rir/model.ts (pure, no I/O). */
export interface RirModelApi {
  /** `hints` (additive): exerciseId → e1RM kg from the e1RM history, a prior for ln 1RM. */
  createMemberState(memberId: number, population: PopulationModel, hints?: Record<string, number>): MemberRirState;
  /** Learns from one set (correcting a reported RIR for the learnt bias); returns the new state, never mutates. */
  updateWithSet(state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[], set: RirSet): MemberRirState;
  predictReps(state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[], query: RirQuery): RepsPrediction;
  rirAfter(prediction: RepsPrediction, reps: number): RirPrediction;
  /** The load (kg, unrounded) at which `reps` reps leave `rir` in reserve, with the prediction there. */
  loadForTarget(state: MemberRirState, population: PopulationModel, exercise: Exercise, library: readonly Exercise[], target: { reps: number; rir: number; setIndex?: number; at?: string }): { loadKg: number; prediction: RepsPrediction } | null;
  /** The learnt bias: mean (reps, reported − true), sd, and a sentence for trainers. */
  describeBias(state: MemberRirState): { meanReps: number; sd: number; sentence: string };
}
