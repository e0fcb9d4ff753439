/**
 * The shapes handlers return. Loads in kg, durations in s, times as ISO-8601 strings.
 * The renderer converts to the member's unit at the edge.
 */
import type {
  Equipment, Exercise, Goal, Level, Muscle, Pattern, Prescription, SplitKind, WeightUnit,
} from '../../engine/types';
import type { CheckIn, Recommendation } from '../../engine/progression/types';
import type { StaffRole } from './op';
import type { ImportFormat } from '../../engine/imports/formats';

export interface Staff { id: number; name: string; role: StaffRole }

export interface SystemInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  exerciseCount: number;
  memberCount: number;
  /** The signed-in staff member (or the one the CLI acts as). */
  me: Staff | null;
}

export interface MemberSummary {
  id: number;
  name: string;
  goal: Goal;
  level: Level;
  isDemo: boolean;
  setCount: number;
  lastTrainedAt: string | null;
  planStatus: PlanStatus | null;
}

export interface Member extends MemberSummary {
  daysPerWeek: number;
  sessionMinutes: number;
  equipment: Equipment[];
  excludedMuscles: Muscle[];
  excludedPatterns: Pattern[];
  excludedExerciseIds: string[];
  preferredUnit: WeightUnit;
  bodyMassKg: number | null;
  sex: 'female' | 'male' | null;
  birthYear: number | null;
  /** Shown on the live class monitor instead of the name. */
  nickname: string | null;
  /** Resting and highest observed heart rate, bpm. */
  restingHrBpm: number | null;
  maxHrBpm: number | null;
  notes: string;
  createdAt: string;
  /** The trainer the member belongs to; null: any trainer may coach them. */
  trainer: Staff | null;
  sessionCount: number;
  firstTrainedAt: string | null;
}

export interface E1rmSeries {
  exerciseId: string;
  exerciseName: string;
  sets: number;
  points: Array<{ date: string; e1rmKg: number }>;
}

export interface WeeklyVolume { weekStart: string; sets: number; tonnageKg: number }

export interface SetLogView {
  id: number;
  performedAt: string;
  exerciseId: string | null;
  exerciseName: string;
  setIndex: number;
  loadKg: number;
  reps: number;
  rir: number | null;
  rpe: number | null;
  source: string;
}

export interface ImportRejection { line: number; field: string; reason: string }

export interface NameMatch {
  name: string;
  sets: number;
  exerciseId: string | null;
  exerciseName: string | null;
  method: string | null;
}

/** What the importer recognised in a file, and why (see engine/imports/parse). */
export interface ImportDetectionView {
  format: ImportFormat;
  /** e.g. `Strong 2025+ (Workout #, Duration (sec), units in the headers)`, `Hevy in lb (weight_lbs)`. */
  layout: string;
  /** Language of the header table that matched (`en`, `de`, `zh`…). */
  language: string;
  headerless: boolean;
  reason: string;
}

/** Rows left out on purpose (not sets), per reason: e.g. Strong's rest-timer rows. */
export interface ImportSkipped { reason: string; count: number; firstLine: number }

export interface ImportIssueView { line: number; field: string; message: string }

/**
 * The report of an import (any app). Every data row is accounted for:
 * `rowsTotal = setsStored + duplicates + rejected.length + Σ skipped.count`.
 */
export interface HistoryImportReport {
  importId: number;
  memberId: number;
  memberName: string;
  detection: ImportDetectionView;
  unit: WeightUnit;
  /** `option` (chosen for this import), `column` (per-row unit), `header` (`Weight (kg)`), `detected`, `default`. */
  unitSource: string;
  unitReason: string;
  /** The club zone times were read in, and how (zone-less read as club time; offsets converted). */
  timeZone: string;
  timeNote: string;
  rowsTotal: number;
  setsStored: number;
  duplicates: number;
  rejected: ImportRejection[];
  skipped: ImportSkipped[];
  warnings: ImportIssueView[];
  days: number;
  sessions: number;
  matched: NameMatch[];
  unmatched: NameMatch[];
}

/** The Strong-only op's report is the same report. */
export type StrongImportReport = HistoryImportReport;

/** One set as it will be stored (SI units), for the import preview. */
export interface ImportPreviewRow {
  line: number;
  startedAt: string;
  workoutName: string;
  exerciseName: string;
  setKind: string;
  loadKg: number;
  reps: number;
  rpe: number | null;
  rir: number | null;
  rirSource: 'rpe' | 'failure' | null;
  distanceM: number | null;
  seconds: number | null;
}

/** What an import of a file would do, without storing anything. `detection` is null when the file is refused. */
export interface ImportPreview {
  fileName: string;
  detection: ImportDetectionView | null;
  unit: WeightUnit;
  unitSource: string;
  unitReason: string;
  timeZone: string;
  timeNote: string;
  rowsTotal: number;
  sets: number;
  rejected: ImportRejection[];
  skipped: ImportSkipped[];
  warnings: ImportIssueView[];
  /** Malformed rows (an import would store nothing while any exist), the first 100; `errorCount` all. */
  errors: ImportIssueView[];
  errorCount: number;
  sessions: number;
  days: number;
  /** The first 20 sets as they will be stored. */
  firstRows: ImportPreviewRow[];
  matched: NameMatch[];
  unmatched: NameMatch[];
}

export interface ExerciseImportReport {
  total: number;
  imported: number;
  created: number;
  updated: number;
  rejected: Array<{ index: number; sourceId: string | null; name: string | null; reason: string }>;
}

export type ExerciseView = Exercise;

export const PLAN_STATUSES = ['draft', 'approved', 'active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A stored prescription: the planner's fields plus its id and when a trainer last edited it. */
export interface PrescriptionView extends Prescription {
  id: number;
  editedAt: string | null;
  /**
   * The RIR model's prediction for the first set at this load: RIR left after the top and the
   * bottom of the rep range, with the 80 % interval at the top. Null for body-weight work.
   */
  predictedRir: {
    atRepMax: number; atRepMin: number; low80: number; high80: number; source: 'member' | 'similar' | 'population';
    /**
     * The RIR predictor's (engine/rir/predictor) expected true RIR at the end of the first set at the
     * top of the range, with its 80 % interval and the candidate it rests on most.
     */
    expected?: { rir: number; low80: number; high80: number; basis: 'target' | 'last-report' | 'stopping-habit' | 'recent-sets' };
  } | null;
}

export interface PlanSessionView {
  id: number;
  day: number;
  name: string;
  estimatedMinutes: number;
  prescriptions: PrescriptionView[];
}

export interface PlanWeekView {
  id: number;
  week: number;
  isDeload: boolean;
  targetRir: number;
  sessions: PlanSessionView[];
}

export interface PlanSummary {
  id: number;
  memberId: number;
  memberName: string;
  name: string;
  status: PlanStatus;
  generatedBy: 'ai' | 'trainer';
  goal: Goal;
  split: SplitKind;
  weeksCount: number;
  daysPerWeek: number;
  createdAt: string;
  approvedAt: string | null;
  approvedBy: Staff | null;
}

export interface PlanView extends PlanSummary {
  level: Level;
  sessionMinutes: number;
  unit: WeightUnit;
  notes: string[];
  archivedAt: string | null;
  /** True when an edit can be undone (draft plans with an edit in the audit log). */
  canUndo: boolean;
  weeks: PlanWeekView[];
}

export interface DemoClubReport { members: MemberSummary[]; sets: number }

export interface RirPredictionView {
  setLogId: number;
  performedAt: string;
  exerciseId: string;
  exerciseName: string;
  loadKg: number;
  reps: number;
  predictedRir: number;
  low80: number;
  high80: number;
  reportedRir: number | null;
  observedRir: number | null;
}

/** The RIR model's view of a member: learnt bias, accuracy over time, recent predictions. */
export interface RirMemberView {
  memberId: number;
  setsLearnt: number;
  modelVersion: string;
  bias: { meanReps: number; sd: number; sentence: string };
  accuracy: import('../../engine/rir/accuracy').AccuracySummary;
  recent: RirPredictionView[];
  /** Exercises where the model is least sure (widest 80 % intervals), widest first. */
  unsure: Array<{ exerciseId: string; exerciseName: string; meanWidth80: number }>;
  /** Exercises where the model and the member often disagree (≥ 2 reps on ≥ 30 % of sets). */
  disagree: Array<{ exerciseId: string; exerciseName: string; disagreeShare: number; sets: number }>;
}

export interface RirPredictView {
  repsToFailure: number;
  low80: number;
  high80: number;
  source: 'member' | 'similar' | 'population';
  rir: number | null;
  rirLow80: number | null;
  rirHigh80: number | null;
  modelVersion: string;
}

/** One trained population model in the registry (models/rir). */
export interface ModelEntryView {
  version: string;
  createdAt: string;
  status: 'candidate' | 'active' | 'retired';
  trainingSamples: number;
  /** Held-out mean absolute error of predicted vs observed RIR, reps. */
  maeReps: number;
  coverage80: number;
  heldOutSets: number;
  sha256: string;
  sizeBytes: number;
}

export interface ModelsView {
  /** The version in use; null means the published-figures default. */
  activeVersion: string | null;
  defaultVersion: string;
  entries: ModelEntryView[];
  history: Array<{ at: string; from: string | null; to: string | null; reason: string }>;
  /** Whether `models/rollback` has an earlier model (or the default) to return to. */
  canRollBack: boolean;
}

export interface RefitReport {
  entry: ModelEntryView;
  activated: boolean;
  reason: string;
  /** The active model's held-out MAE on the same held-out sets, when there was one. */
  previousMaeReps: number | null;
  seconds: number;
}

export interface CheckInView extends CheckIn {
  id: number;
  memberId: number;
}

/** `superseded`: a newer suggestion for the same exercise replaced it before anyone answered. */
export type RecommendationStatus = 'pending' | 'accepted' | 'modified' | 'skipped' | 'superseded';

/** A stored recommendation as it left the safety layer, with its feedback when given. */
export interface RecommendationView extends Recommendation {
  id: number;
  createdAt: string;
  exerciseName: string;
  status: RecommendationStatus;
  safety: { status: 'pass' | 'adjusted' | 'replaced' | 'blocked'; overrides: Array<{ kind: string; reason: string }> };
  feedback: import('../../engine/preferences/types').Feedback | null;
}

export interface PreferenceInsightsView {
  profile: import('../../engine/preferences/types').PreferenceProfile;
  insights: import('../../engine/preferences/types').MemberInsights;
  /** The profile after each learning event, for trend charts. */
  history: Array<{ at: string; acceptanceRate: number; dimensions: Record<string, number> }>;
}

export interface AdjustmentLineView {
  id: string;
  prescriptionKey: string;
  exerciseId: string;
  exerciseName: string;
  field: string;
  before: unknown;
  after: unknown;
  afterName?: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected' | 'edited';
}

/** A proposed next-week adjustment of an approved plan, waiting for (or decided by) a trainer. */
export interface PlanAdjustmentView {
  id: number;
  planId: number;
  memberId: number;
  memberName: string;
  week: number;
  status: 'pending' | 'decided';
  createdAt: string;
  decidedAt: string | null;
  /** Short lines of the week's analysis: adherence, volume vs plan, fatigue, e1RM trends. */
  summary: string[];
  lines: AdjustmentLineView[];
}

/** What to do for the rest of a session: a lighter load for high fatigue, an easier exercise for poor form. */
export interface SessionAdjustView {
  prescriptionId: number;
  exerciseId: string;
  exerciseName: string;
  original: import('../../engine/progression/types').Prescribed;
  adjusted: import('../../engine/progression/types').Prescribed;
  loadCutFraction: number;
  reasons: string[];
  alternative: { exerciseId: string; exerciseName: string; reason: string } | null;
}

export interface WeeklyRunView {
  analyzed: PlanAdjustmentView[];
  skipped: Array<{ memberId: number; memberName: string; reason: string }>;
}
