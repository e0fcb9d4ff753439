/** Shared pieces of the scheduler handlers: the acting staff id, required rows, the demand table of a week. */
import { buildDemandTable, describeDemand, type DemandTable } from '../../../engine/scheduler/demand/club-demand';
import type { Db } from '../../../db/open';
import { allAttendance, allOccupancy, getScenario, readClubSetup, type ScenarioRow } from '../../../db/schedule';
import { StudioError } from '../../contract/errors';
import type { ClubSetup } from '../../contract/schedule-views';
import type { HandlerContext } from '../../host/context';


export function requireSetup(db: Db): ClubSetup {
  const setup = readClubSetup(db);
  if (!setup || setup.rooms.length === 0) {
    throw new StudioError('conflict', 'the club is not set up yet: add rooms, class types and trainers on Club setup (or load the demo club, or `studio schedule import`)');
  }
  return setup;
}

export function requireScenario(db: Db, id: number): ScenarioRow {
  const row = getScenario(db, id);
  if (!row) throw new StudioError('not_found', `scenario ${id} does not exist`, 'scenarioId');
  return row;
}

export function requireDraft(row: ScenarioRow): void {
  if (row.status !== 'draft') {
    throw new StudioError('conflict', `"${row.name}" is ${row.status}; a ${row.status} week is never changed. Duplicate it into a draft to edit it`, 'scenarioId');
  }
}

export function demandFor(db: Db, setup: ClubSetup, weekStart: string): { table: DemandTable; source: string } {
  return buildDemandTable({
    classTypes: setup.classTypes, openingHours: setup.openingHours,
    occupancy: allOccupancy(db), attendance: allAttendance(db), weekStart,
  });
}

/** Where the club's demand predictions come from, in words (no model fit; see `describeDemand`). */
export function demandSourceOf(db: Db, setup: ClubSetup | null): string {
  if (!setup || setup.classTypes.length === 0) return 'no class types yet';
  return describeDemand({ classTypes: setup.classTypes, occupancy: allOccupancy(db), attendance: allAttendance(db) });
}

/** The Monday after `d` (UTC), ISO. */
export function nextMonday(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 7 - day)).toISOString().slice(0, 10);
}
