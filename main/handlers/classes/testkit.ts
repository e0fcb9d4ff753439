/**
 * For tests, the bench and e2e seeding: a small club (one 10-place studio, HIIT and yoga, one
 * trainer available all week, Europe/Berlin) and a week published from a hand-written timetable
 * through the real `schedule/publish` (no solver run), plus members.
 */
import { DEFAULT_WEIGHTS, type ScheduledClass } from '../../../engine/scheduler/types';
import { insertScenario, readClubSetup } from '../../../db/schedule';
import type { Envelope } from '../../contract/errors';
import type { Caller } from '../../host/context';
import type { Host } from '../../host/host';
import { demandFor } from '../schedule/store';

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const allWeek = (startMin: number, endMin: number) => DAYS.map((weekday) => ({ weekday, startMin, endMin }));

export const TEST_CLUB = {
  rooms: [{ id: 'studio', name: 'Studio A', capacity: 10, type: 'studio', equipment: [] }, { id: 'hall', name: 'Hall', capacity: 40, type: 'studio', equipment: [] }],
  classTypes: [
    { id: 'hiit', name: 'HIIT', durationMin: 60, maxCapacity: 40, price: 10, requiredQualification: 'hiit', allowedRoomTypes: ['studio'], requiredEquipment: [], minPerWeek: 0, maxPerWeek: 30, color: '#e53935', demandShare: 0.03 },
    { id: 'yoga', name: 'Yoga', durationMin: 60, maxCapacity: 40, price: 12, requiredQualification: 'yoga', allowedRoomTypes: ['studio'], requiredEquipment: [], minPerWeek: 0, maxPerWeek: 30, color: '#7e57c2', demandShare: 0.03 },
  ],
  trainers: [
    { id: 'anna', name: 'Anna', qualifications: ['hiit', 'yoga'], availability: allWeek(360, 1320), absences: [], maxHoursPerWeek: 60, preferred: [], avoided: [] },
    { id: 'ben', name: 'Ben', qualifications: ['hiit', 'yoga'], availability: allWeek(360, 1320), absences: [], maxHoursPerWeek: 60, preferred: [], avoided: [] },
  ],
  openingHours: allWeek(360, 1320),
  slotMin: 60, trainerGapMin: 15, timezone: 'Europe/Berlin', weights: { ...DEFAULT_WEIGHTS },
};

export function valueOf<T>(env: Envelope<unknown>, what: string): T {
  if (!env.ok) throw new Error(`${what}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

/** Saves the test club (once) and publishes `timetable` for `weekStart`; returns the scenario id. */
export async function publishWeek(host: Host, manager: Caller, weekStart: string, timetable: ScheduledClass[], replace = false): Promise<number> {
  if (!readClubSetup(host.store.db)) valueOf(await host.call('schedule/save-club', { setup: TEST_CLUB }, manager), 'schedule/save-club');
  const setup = readClubSetup(host.store.db)!;
  const demand = demandFor(host.store.db, setup, weekStart);
  const id = insertScenario(host.store.db, {
    weekStart, name: `Test week ${weekStart}${replace ? ' (replacement)' : ''}`, status: 'draft', createdBy: manager.staff?.id ?? null,
    publishedAt: null, publishedBy: null, basedOnId: null, backend: 'jslp', solveStatus: 'feasible', solveS: 0, firstFeasibleS: 0, gapPct: null,
    weights: setup.weights, demandSource: demand.source, club: { setup, weekStart }, demand: demand.table, timetable, history: [], notes: ['hand-written test timetable'],
  });
  valueOf(await host.call('schedule/publish', { scenarioId: id, replacePublished: replace }, manager), 'schedule/publish');
  return id;
}

/** Creates `n` members named `${prefix} 1…n` (born 1990); returns their ids. */
export async function createMembers(host: Host, manager: Caller, n: number, prefix = 'Member'): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    const m = valueOf<{ id: number }>(await host.call('members/create', { name: `${prefix} ${i}`, goal: 'general_fitness', level: 'beginner', daysPerWeek: 3, sessionMinutes: 60, birthYear: 1990 }, manager), 'members/create');
    ids.push(m.id);
  }
  return ids;
}
