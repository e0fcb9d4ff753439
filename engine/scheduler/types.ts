/**
 * The club model the class scheduler works on (issue 5, part 1), plus the timetable it returns.
 *
 * Conventions used throughout `engine/scheduler`:
 * - `weekday` is 0–6 with **0 = Monday** … 6 = Sunday (ISO order, so a week starts on its Monday).
 * - times of day are minutes after midnight (`startMin`, `endMin`), windows are half-open `[start, end)`.
 * - dates are ISO `YYYY-MM-DD` strings; the scheduled week is the 7 days from `weekStart` (a Monday).
 */

/** Minutes after midnight, 0–1440. */
export type DayMinute = number;

/** A weekly recurring time window `[startMin, endMin)` on one weekday. */
export interface WeeklyWindow {
  weekday: number;
  startMin: DayMinute;
  endMin: DayMinute;
}

/** A bookable room. `capacity` in people; `type` is matched against class types' `allowedRoomTypes`. */
export interface Room {
  id: string;
  name: string;
  capacity: number;
  type: string;
  equipment: string[];
}

/** A kind of class the club offers. */
export interface ClassType {
  id: string;
  name: string;
  /** Length of one class in minutes (> 0). */
  durationMin: number;
  /** Most participants one class takes (people). */
  maxCapacity: number;
  /** Price or credit value per participant (club currency or credits). */
  price: number;
  /** Qualification a trainer must hold to teach it (matched against `Trainer.qualifications`). */
  requiredQualification: string;
  /** Room types this class may use (non-empty). */
  allowedRoomTypes: string[];
  /** Equipment the room must have (default none). */
  requiredEquipment?: string[];
  /** Smallest room capacity acceptable for this class in people (default 1). */
  minRoomCapacity?: number;
  /** Wanted number of classes per week, inclusive range. */
  minPerWeek: number;
  maxPerWeek: number;
}

/** A trainer who can teach classes. */
export interface Trainer {
  id: string;
  name: string;
  qualifications: string[];
  /** When the trainer can work, every week. A class must fit inside one window. */
  availability: WeeklyWindow[];
  /** One-off whole days off (ISO dates); only those inside the scheduled week matter. */
  absences: string[];
  /** Hours of classes per week at most (default 40). */
  maxHoursPerWeek?: number;
  /** Soft preferences: classes inside `preferred` score higher, inside `avoided` lower. */
  preferred?: WeeklyWindow[];
  avoided?: WeeklyWindow[];
}

/** Opening hours for one weekday; a weekday with no entry is closed. */
export type OpeningHours = WeeklyWindow;

/** The whole club as the scheduler sees it. */
export interface Club {
  rooms: Room[];
  classTypes: ClassType[];
  trainers: Trainer[];
  openingHours: OpeningHours[];
  /** Start-time grid in minutes (e.g. 60 → classes start on the hour after opening). */
  slotMin: number;
  /** Minimum break between one trainer's classes in minutes (issue 5: 15, configurable). */
  trainerGapMin?: number;
  /** Monday of the scheduled week (ISO date), used to apply `Trainer.absences`. */
  weekStart: string;
}

/** Predicted attendance of one class (people): mean and standard deviation. */
export interface DemandEstimate {
  mean: number;
  sd: number;
}

/**
 * Attendance prediction per class type × weekday (0 = Monday) × hour of day (0–23), uncapped.
 * Supplied by `engine/scheduler/demand`; the model caps it at room and class capacity.
 */
export type DemandFn = (classTypeId: string, weekday: number, hour: number) => DemandEstimate;

/** Objective weights (issue 5 product spec defaults: 0.6 / 0.2 / 0.1 / 0.1, preference 0). */
export interface ObjectiveWeights {
  attendance: number;
  idle: number;
  balance: number;
  revenue: number;
  preference: number;
}

export const DEFAULT_WEIGHTS: ObjectiveWeights = {
  attendance: 0.6,
  idle: 0.2,
  balance: 0.1,
  revenue: 0.1,
  preference: 0,
};

/** One class in the timetable. */
export interface ScheduledClass {
  classTypeId: string;
  roomId: string;
  trainerId: string;
  weekday: number;
  startMin: DayMinute;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeout_no_solution' | 'error';

export type BackendName = 'highs' | 'jslp';

/** Real scores computed from the timetable (see `score.ts` for definitions and units). */
export interface ObjectiveScores {
  /** Each score is a unitless number, higher is better, used in the weighted objective. */
  attendance: number;
  idle: number;
  balance: number;
  revenue: number;
  preference: number;
  /** Raw quantities behind the scores. */
  predictedAttendees: number;
  idleMinutes: number;
  revenuePotential: number;
}

export interface ScheduleResult {
  timetable: ScheduledClass[];
  /** Weighted objective recomputed from the timetable (`score.ts`), not read from the solver. */
  objective: number;
  perObjective: ObjectiveScores;
  /** Relative MIP gap in percent as reported by the backend (0 when proven optimal; null if unknown). */
  gapPct: number | null;
  status: SolveStatus;
  backend: BackendName;
  /** Wall-clock seconds spent in the backend solve (excludes model building). */
  solveS: number;
}
