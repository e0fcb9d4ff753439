/**
 * What the class-scheduler operations return (issue 5). Times of day are minutes after midnight,
 * `weekday` is 0 = Monday … 6 = Sunday, dates are ISO `YYYY-MM-DD`, durations in minutes unless
 * the key says `_s`/`S` (seconds) or `Hours`. Attendance is in people.
 */
import type { SubstituteCandidate } from '../../engine/scheduler/adjust';
import type {
  ClassType, ObjectiveScores, ObjectiveWeights, Room, Trainer, WeeklyWindow,
} from '../../engine/scheduler/types';

/** A room as set up (same shape as the engine's). */
export type RoomSetup = Room;

/** A class type as set up: the engine's, with equipment required, plus board colour and demand share. */
export type ClassTypeSetup = Omit<ClassType, 'requiredEquipment' | 'minRoomCapacity'> & {
  requiredEquipment: string[];
  /** Board colour, `#rrggbb`. */
  color: string;
  /** Assumed share (0–1) of an hour's club entries who would attend; used when the club has occupancy counts but no class attendance (engine/scheduler/demand/club-demand.ts). */
  demandShare: number;
};

/** A trainer as set up: the engine's, with every optional field given (max hours default 40). */
export type TrainerSetup = Required<Trainer>;

/** The club as the manager sets it up; everything the scheduler needs except the week. */
export interface ClubSetup {
  rooms: RoomSetup[];
  classTypes: ClassTypeSetup[];
  trainers: TrainerSetup[];
  openingHours: WeeklyWindow[];
  /** Start-time grid (min). */
  slotMin: number;
  /** Least break between one trainer's classes (min). */
  trainerGapMin: number;
  /** IANA time zone used for calendar export, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Default objective weights for optimizing. */
  weights: ObjectiveWeights;
}

export interface ClubSetupView extends ClubSetup {
  /** Where demand predictions come from, in words (history, occupancy model or assumption). */
  demandSource: string;
  /** Hours of occupancy counts and class attendance records stored. */
  occupancyHours: number;
  attendanceRecords: number;
  updatedAt: string | null;
  /** Whether an earlier setup can be restored (`schedule/undo-club`). */
  canUndo: boolean;
}

export interface ScheduledClassView {
  /** Position in the scenario's timetable; stable until the scenario is edited. */
  index: number;
  classTypeId: string;
  classTypeName: string;
  color: string;
  roomId: string;
  roomName: string;
  trainerId: string;
  trainerName: string;
  weekday: number;
  /** ISO date of the class. */
  date: string;
  startMin: number;
  endMin: number;
  /** Predicted attendance (people), capped at room and class capacity; and its sd. */
  predictedAttendance: number;
  predictedSd: number;
  /** min(room capacity, class max capacity), people. */
  capacity: number;
}

export type ScenarioStatus = 'draft' | 'published' | 'superseded';

export interface ScenarioSummary {
  id: number;
  weekStart: string;
  name: string;
  status: ScenarioStatus;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** The scenario this one was derived from (a copy or an adjustment), if any. */
  basedOnId: number | null;
  classCount: number;
  /** Weighted objective recomputed from the timetable (unitless, higher is better). */
  objective: number;
  predictedAttendees: number;
}

export interface ScenarioView extends ScenarioSummary {
  backend: 'highs' | 'jslp' | 'manual';
  /** Solver status of the optimization that produced it ('optimal', 'feasible' = time limit reached with an incumbent). */
  solveStatus: string;
  solveS: number | null;
  firstFeasibleS: number | null;
  /** Relative optimality gap in percent when the solve ended; null when unknown. */
  gapPct: number | null;
  weights: ObjectiveWeights;
  /** Real scores recomputed from the current timetable (after any manual moves). */
  scores: ObjectiveScores;
  demandSource: string;
  classes: ScheduledClassView[];
  rooms: RoomSetup[];
  /** Manual edits since the solve; `canUndo` when the last one can be undone. */
  edits: number;
  canUndo: boolean;
  /** Hard-rule violations of the current timetable (empty for every optimized scenario); block publishing. */
  violations: string[];
  /** Classes per type outside the setup's wanted range (after manual edits); shown, do not block publishing. */
  warnings: string[];
  notes: string[];
}

export interface OptimizeView {
  /** The stored draft, or null when the week is impossible or no timetable was found in time. */
  scenario: ScenarioView | null;
  status: string;
  /** For an impossible week: why, in words. */
  explanation: string[];
}

export interface ScenarioComparisonRow {
  /** e.g. 'attendance', 'idle', …, 'objective', 'predictedAttendees', 'idleMinutes', 'classCount'. */
  key: string;
  label: string;
  values: number[];
}

export interface ScenarioComparison {
  scenarios: ScenarioSummary[];
  rows: ScenarioComparisonRow[];
  /** Classes in one scenario but not the other (type, weekday, start, room, trainer). */
  onlyIn: ScheduledClassView[][];
  sameClasses: number;
}

/** A trainer who could take a class, best first (engine/scheduler/adjust.ts `rankSubstitutes`). */
export type SubstituteView = SubstituteCandidate;

export interface ClassSubstitutes { classIndex: number; cls: ScheduledClassView; substitutes: SubstituteView[] }

export interface ScheduleChangeView {
  kind: 'substitute' | 'moved' | 'cancelled';
  before: ScheduledClassView;
  after: ScheduledClassView | null;
  reason: string;
}

export interface AbsenceView {
  /** The published scenario the absence affects. */
  publishedId: number;
  trainerId: string;
  dates: string[];
  affected: ClassSubstitutes[];
  /** A new draft with only the affected classes re-planned; publish it to make it the club's week. */
  draft: ScenarioView | null;
  changes: ScheduleChangeView[];
  unchangedCount: number;
  status: string;
}

export interface AdjustmentSuggestionView {
  kind: 'reduce' | 'move' | 'add';
  classTypeId: string;
  classTypeName: string;
  from: { weekday: number; startMin: number; roomId: string } | null;
  to: { weekday: number; startMin: number; roomId: string; trainerId?: string } | null;
  reason: string;
  evidence: { occurrences: number; meanFill: number; waitlistedShare: number };
}

export interface AdjustmentsView {
  weekStart: string;
  publishedId: number | null;
  /** The window looked at: the published week and the next 7 days. */
  from: string;
  to: string;
  suggestions: AdjustmentSuggestionView[];
  /** Absences of trainers in the window that touch published classes. */
  absences: Array<{ trainerId: string; trainerName: string; date: string; classes: number }>;
}

export interface IcalExport { fileName: string; content: string; events: number }

export interface ClubImportReport {
  setup: ClubSetupView;
  /** What each file contributed, e.g. `rooms.csv: 5 rooms`. */
  lines: string[];
}

export interface OccupancyImportReport { hours: number; from: string | null; to: string | null; rejected: number; demandSource: string }

export interface AttendanceImportReport {
  /** Classes stored; `replaced` of them were already there (same date, class type, start and room). */
  records: number;
  replaced: number;
  from: string | null;
  to: string | null;
  demandSource: string;
}
