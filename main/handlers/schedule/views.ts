/**
 * Builds the scheduler views from stored rows: names, colours, dates, predicted attendance,
 * real scores (`engine/scheduler/score.ts`) and hard-rule checks (`engine/scheduler/check.ts`)
 * recomputed from the stored timetable every time, so no number is stale after a manual move.
 */
import { checkTimetable } from '../../../engine/scheduler/check';
import { dateOfWeekday } from '../../../engine/scheduler/candidates';
import { demandFromTable, type DemandTable } from '../../../engine/scheduler/demand/club-demand';
import { cappedAttendance, scoreTimetable, weightedObjective } from '../../../engine/scheduler/score';
import type { Club, ObjectiveWeights, ScheduledClass } from '../../../engine/scheduler/types';
import type { ScenarioRow } from '../../../db/schedule';
import type {
  ClubSetup, ScenarioSummary, ScenarioView, ScheduledClassView,
} from '../../contract/schedule-views';
import { setupToClub } from './setup';

/** What a scenario row's `club` column holds. */
export interface ScenarioSnapshot { setup: ClubSetup; weekStart: string }

export interface ScenarioParts {
  row: ScenarioRow;
  setup: ClubSetup;
  club: Club;
  demand: DemandTable;
  timetable: ScheduledClass[];
  weights: ObjectiveWeights;
}

/** Decodes a stored row into typed parts (snapshot club, demand table, timetable). */
export function scenarioParts(row: ScenarioRow): ScenarioParts {
  const snap = row.club as ScenarioSnapshot;
  return {
    row,
    setup: snap.setup,
    club: setupToClub(snap.setup, snap.weekStart),
    demand: row.demand as DemandTable,
    timetable: row.timetable as ScheduledClass[],
    weights: row.weights as ObjectiveWeights,
  };
}

/** One class for people: names, colour, date, end, capped predicted attendance. */
export function classView(setup: ClubSetup, club: Club, demand: DemandTable, cls: ScheduledClass, index: number): ScheduledClassView {
  const ct = setup.classTypes.find((c) => c.id === cls.classTypeId);
  const room = setup.rooms.find((r) => r.id === cls.roomId);
  const trainer = setup.trainers.find((t) => t.id === cls.trainerId);
  const fn = demandFromTable(demand);
  const capacity = Math.min(room?.capacity ?? 0, ct?.maxCapacity ?? 0);
  const raw = fn(cls.classTypeId, cls.weekday, Math.floor(cls.startMin / 60));
  return {
    index,
    classTypeId: cls.classTypeId, classTypeName: ct?.name ?? cls.classTypeId, color: ct?.color ?? '#607d8b',
    roomId: cls.roomId, roomName: room?.name ?? cls.roomId,
    trainerId: cls.trainerId, trainerName: trainer?.name ?? cls.trainerId,
    weekday: cls.weekday, date: dateOfWeekday(club.weekStart, cls.weekday),
    startMin: cls.startMin, endMin: cls.startMin + (ct?.durationMin ?? 0),
    predictedAttendance: cappedAttendance(club, fn, cls),
    predictedSd: Math.min(raw.sd, capacity),
    capacity,
  };
}

/** `scores` defaults to scoring the timetable (pass them when already computed). */
export function scenarioSummary(p: ScenarioParts, scores = scoreTimetable(p.club, demandFromTable(p.demand), p.timetable)): ScenarioSummary {
  return {
    id: p.row.id, weekStart: p.row.weekStart, name: p.row.name, status: p.row.status,
    createdAt: p.row.createdAt, createdBy: p.row.createdByName, publishedAt: p.row.publishedAt, publishedBy: p.row.publishedByName,
    basedOnId: p.row.basedOnId, classCount: p.timetable.length,
    objective: p.timetable.length > 0 ? weightedObjective(scores, p.weights) : 0,
    predictedAttendees: scores.predictedAttendees,
  };
}

/**
 * Hard-rule violations (block publishing) apart from class counts outside the wanted range,
 * which are the manager's own targets: after a manual add or remove they are warnings.
 */
export function splitViolations(club: Club, timetable: readonly ScheduledClass[]): { violations: string[]; warnings: string[] } {
  const all = checkTimetable(club, timetable);
  return {
    violations: all.filter((v) => v.rule !== 'class_count').map((v) => v.message),
    warnings: all.filter((v) => v.rule === 'class_count').map((v) => v.message),
  };
}

export function scenarioView(row: ScenarioRow): ScenarioView {
  const p = scenarioParts(row);
  const scores = scoreTimetable(p.club, demandFromTable(p.demand), p.timetable);
  const history = row.history ?? [];
  return {
    ...scenarioSummary(p, scores),
    backend: row.backend as ScenarioView['backend'],
    solveStatus: row.solveStatus,
    solveS: row.solveS,
    firstFeasibleS: row.firstFeasibleS,
    gapPct: row.gapPct,
    weights: p.weights,
    scores,
    demandSource: row.demandSource,
    classes: p.timetable.map((c, i) => classView(p.setup, p.club, p.demand, c, i)),
    rooms: p.setup.rooms,
    edits: history.length,
    canUndo: row.status === 'draft' && history.length > 0,
    ...splitViolations(p.club, p.timetable),
    notes: row.notes ?? [],
  };
}
