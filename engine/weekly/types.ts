/**
 * Shapes of the weekly review (issue 3, part 5): the analysis of one member's week and the
 * proposed adjustments to next week, as a diff a trainer approves line by line.
 * Pure data, JSON-safe. Loads in kg, rest in s, times ISO-8601 (UTC), ratings 1–10.
 */
import type { Equipment, Exercise, MemberProfile, Muscle, PlannedWeek, WeightUnit } from '../types';
import type { CheckIn, ExerciseSession } from '../progression/types';

export interface WeeklyInput {
  member: Pick<MemberProfile, 'id' | 'preferredUnit' | 'equipment'>;
  /** The approved plan's week under review. */
  plan: PlannedWeek;
  /** Library subset holding at least the planned and logged exercises (unknown ids are skipped). */
  exercises: readonly Exercise[];
  /** Logged sessions of this week and the weeks before (later ones are ignored). */
  sessions: readonly ExerciseSession[];
  checkIns: readonly CheckIn[];
  /** Start of the week, ISO-8601; the week is [weekStart, weekStart + 7 days). */
  weekStart: string;
  /** Weeks of e1RM trend, this one included; default 6 (the progression features' window). */
  trendWeeks?: number;
}

/** Hard sets of one muscle group: primary movers count 1 per set, secondary 0.5. */
export interface MuscleVolume {
  muscle: Muscle;
  plannedSets: number;
  doneSets: number;
  /** done / planned; null when nothing was planned for the muscle. */
  ratio: number | null;
}

export interface LiftTrend {
  exerciseId: string;
  primaryMuscles: Muscle[];
  /** Compound exercise of the plan (a main lift); isolation exercises are listed too, for insights. */
  isMainLift: boolean;
  /** Best e1RM (Epley with RIR, ≤ 10 reps; engine/e1rm) per week with usable sets, oldest first. */
  weeks: Array<{ weekStart: string; e1rmKg: number }>;
  /** Least-squares slope of weekly best e1RM, % of its mean per week; null under 2 weeks. */
  e1rmChangePctPerWeek: number | null;
  /** This week's best vs the best of the earlier weeks: (best − this) / best; null without both. */
  dropFraction: number | null;
}

export interface Adherence {
  plannedSessions: number;
  /** Distinct UTC days with any logged set this week. */
  doneSessions: number;
  plannedSets: number;
  /** Logged sets of planned exercises, at most the planned count per prescription. */
  doneSets: number;
  sessionShare: number | null;
  setShare: number | null;
}

export interface Recovery {
  checkIns: number;
  meanFatigue: number | null;
  meanSoreness: number | null;
  meanSleep: number | null;
  meanEnergy: number | null;
  /** Mean of sleep, energy, 11 − fatigue and 11 − soreness (1–10, 10 best); null without check-ins. */
  recoveryScore: number | null;
  /** Mean fatigue of the earlier weeks of the trend window; null without check-ins there. */
  previousMeanFatigue: number | null;
  painReported: boolean;
  painNotes: string[];
  illness: boolean;
}

/** How one prescription of the week went. `key` is `<day>.<order>` of the plan. */
export interface PrescriptionResult {
  key: string;
  exerciseId: string;
  equipment: Equipment | null;
  plannedSets: number;
  repMin: number;
  repMax: number;
  targetRir: number;
  plannedLoadKg: number | null;
  doneSets: number;
  /** Done sets at (or above) the planned load that reached repMax. */
  setsAtRepMax: number;
  setsBelowRepMin: number;
  /** Mean reported RIR (RIR, else 10 − RPE) of the sets at the planned load; null when none was reported. */
  meanRir: number | null;
  meanForm: number | null;
  topLoadKg: number | null;
  /** Reps of the first and last set when done at one load; null otherwise. */
  repDropOff: number | null;
}

export interface WeekAnalysis {
  memberId: number;
  weekStart: string;
  unit: WeightUnit;
  memberEquipment: Equipment[];
  volume: MuscleVolume[];
  lifts: LiftTrend[];
  adherence: Adherence;
  recovery: Recovery;
  prescriptions: PrescriptionResult[];
  /** Logged exercise ids this week that the library subset did not hold. */
  unknownExerciseIds: string[];
}

export const ADJUSTABLE_FIELDS = ['loadKg', 'sets', 'repMin', 'repMax', 'restS', 'exerciseId'] as const;
export type AdjustableField = (typeof ADJUSTABLE_FIELDS)[number];
export type LineValue = number | string | null;
export type LineStatus = 'pending' | 'accepted' | 'edited' | 'rejected';

/** One proposed change of one field of one prescription of next week. */
export interface AdjustmentLine {
  /** `<prescriptionKey>:<field>`, unique in a diff. */
  id: string;
  prescriptionKey: string;
  exerciseId: string;
  field: AdjustableField;
  before: LineValue;
  after: LineValue;
  /** The exercise's display name when `field` is `exerciseId`. */
  afterName?: string;
  reason: string;
  status: LineStatus;
}

/** Next week's proposed changes; only accepted or edited lines ever reach the member. */
export interface AdjustmentDiff {
  memberId: number;
  weekStart: string;
  /** `week` of the planned week the lines apply to. */
  week: number;
  lines: AdjustmentLine[];
}
