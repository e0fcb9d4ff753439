/**
 * The shapes handlers return. Loads in kg, durations in s, times as ISO-8601 strings.
 * The renderer converts to the member's unit at the edge.
 */
import type {
  Equipment, Exercise, Goal, Level, Muscle, Pattern, Prescription, SplitKind, WeightUnit,
} from '../../engine/types';
import type { StaffRole } from './op';

export interface Staff { id: number; name: string; role: StaffRole }

export interface SystemInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  exerciseCount: number;
  memberCount: number;
  staff: Staff[];
  /** The staff member the local caller acts as. */
  actingStaff: Staff | null;
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
  notes: string;
  createdAt: string;
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

export interface StrongImportReport {
  importId: number;
  memberId: number;
  memberName: string;
  unit: WeightUnit;
  unitReason: string;
  rowsTotal: number;
  setsStored: number;
  duplicates: number;
  rejected: ImportRejection[];
  days: number;
  sessions: number;
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

export interface AuditEntry {
  id: number;
  at: string;
  actor: Staff | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface DemoClubReport { members: MemberSummary[]; sets: number }
export interface BackupReport { path: string; bytes: number }
