/**
 * Queries and mutations of the class scheduler (issue 5): the club setup, demand history
 * (hourly occupancy, class attendance) and timetable scenarios. Callers wrap mutations that
 * belong together in `db.transaction`.
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { AttendanceRecord } from '../engine/scheduler/demand/club-demand';
import { weekdayOf } from '../engine/scheduler/demand/calendar';
import type { HourlyCount } from '../engine/scheduler/demand/parse';
import type { ScheduledClass, WeeklyWindow } from '../engine/scheduler/types';
import type { ClubSetup, ScenarioStatus } from '../main/contract/schedule-views';
import type { Db } from './open';
import {
  classAttendance, clubClassTypes, clubOccupancy, clubRooms, clubTrainers, scheduleScenarios, staff,
} from './schema';
import { getSetting, putSetting } from './settings';

const SETTINGS_KEY = 'schedule.settings';
type SetupSettings = Pick<ClubSetup, 'openingHours' | 'slotMin' | 'trainerGapMin' | 'timezone' | 'weights'>;

/** The stored setup, or null when no club has been set up (no rooms, class types or trainers). */
export function readClubSetup(db: Db): ClubSetup | null {
  const rooms = db.select().from(clubRooms).orderBy(asc(clubRooms.position)).all();
  const classTypes = db.select().from(clubClassTypes).orderBy(asc(clubClassTypes.position)).all();
  const trainers = db.select().from(clubTrainers).orderBy(asc(clubTrainers.position)).all();
  const settings = getSetting(db, SETTINGS_KEY) as SetupSettings | null;
  if (rooms.length === 0 && classTypes.length === 0 && trainers.length === 0 && settings === null) return null;
  return {
    rooms: rooms.map(({ position: _p, ...r }) => r),
    classTypes: classTypes.map(({ position: _p, ...c }) => c),
    trainers: trainers.map(({ position: _p, ...t }) => ({
      ...t,
      availability: t.availability as WeeklyWindow[],
      preferred: t.preferred as WeeklyWindow[],
      avoided: t.avoided as WeeklyWindow[],
    })),
    openingHours: settings?.openingHours ?? [],
    slotMin: settings?.slotMin ?? 60,
    trainerGapMin: settings?.trainerGapMin ?? 15,
    timezone: settings?.timezone ?? 'UTC',
    weights: settings?.weights ?? { attendance: 0.6, idle: 0.2, balance: 0.1, revenue: 0.1, preference: 0 },
  };
}

/** When the setup was last saved (ISO), or null. */
export function clubSetupUpdatedAt(db: Db): string | null {
  return db.get<{ updated_at: string } | undefined>(sql`SELECT updated_at FROM settings WHERE key = ${SETTINGS_KEY}`)?.updated_at ?? null;
}

/** Replaces the whole setup. Call inside a transaction. */
export function writeClubSetup(db: Db, setup: ClubSetup, staffId: number | null): void {
  db.delete(clubRooms).run();
  db.delete(clubClassTypes).run();
  db.delete(clubTrainers).run();
  setup.rooms.forEach((r, position) => db.insert(clubRooms).values({ ...r, position }).run());
  setup.classTypes.forEach((c, position) => db.insert(clubClassTypes).values({ ...c, position }).run());
  setup.trainers.forEach((t, position) => db.insert(clubTrainers).values({ ...t, position }).run());
  const { openingHours, slotMin, trainerGapMin, timezone, weights } = setup;
  putSetting(db, SETTINGS_KEY, { openingHours, slotMin, trainerGapMin, timezone, weights } satisfies SetupSettings, staffId);
}

/** Upserts hourly counts (a re-import of the same hours replaces them). Returns rows written. */
export function upsertOccupancy(db: Db, rows: readonly HourlyCount[]): number {
  for (const r of rows) {
    db.insert(clubOccupancy).values({ date: r.date, hour: r.hour, entries: r.count })
      .onConflictDoUpdate({ target: [clubOccupancy.date, clubOccupancy.hour], set: { entries: r.count } }).run();
  }
  return rows.length;
}

export function allOccupancy(db: Db): HourlyCount[] {
  return db.select().from(clubOccupancy).orderBy(asc(clubOccupancy.date), asc(clubOccupancy.hour)).all()
    .map((r) => ({ date: r.date, hour: r.hour, count: r.entries }));
}

export function countOccupancy(db: Db): number {
  return db.select({ n: count() }).from(clubOccupancy).get()?.n ?? 0;
}

export type AttendanceInsert = Omit<AttendanceRecord, 'weekday'> & { roomId: string; trainerId: string | null };

export function insertAttendance(db: Db, rows: readonly AttendanceInsert[]): number {
  for (const r of rows) {
    db.insert(classAttendance).values({
      date: r.date, classTypeId: r.classTypeId, startMin: r.startMin, roomId: r.roomId, trainerId: r.trainerId,
      capacity: r.capacity, booked: r.booked, attended: r.attended, waitlisted: r.waitlisted,
    }).run();
  }
  return rows.length;
}

/** Stores classes, replacing any record of the same date, class type, start and room. Returns how many were replaced. */
export function upsertAttendance(db: Db, rows: readonly AttendanceInsert[]): number {
  let replaced = 0;
  for (const r of rows) {
    replaced += db.delete(classAttendance).where(and(eq(classAttendance.date, r.date), eq(classAttendance.classTypeId, r.classTypeId),
      eq(classAttendance.startMin, r.startMin), eq(classAttendance.roomId, r.roomId))).run().changes;
  }
  insertAttendance(db, rows);
  return replaced;
}

/** Every attendance record, with its weekday (0 = Monday) and room. */
export function allAttendance(db: Db): Array<AttendanceRecord & { roomId: string; trainerId: string | null }> {
  return db.select().from(classAttendance).orderBy(asc(classAttendance.date), asc(classAttendance.startMin)).all()
    .map((r) => ({
      date: r.date, classTypeId: r.classTypeId, weekday: weekdayOf(r.date),
      startMin: r.startMin, capacity: r.capacity, booked: r.booked, attended: r.attended, waitlisted: r.waitlisted,
      roomId: r.roomId, trainerId: r.trainerId,
    }));
}

export function countAttendance(db: Db): number {
  return db.select({ n: count() }).from(classAttendance).get()?.n ?? 0;
}

export function clearDemandHistory(db: Db): void {
  db.delete(clubOccupancy).run();
  db.delete(classAttendance).run();
}

/** A stored scenario; JSON columns typed by their writers in main/schedule. */
export type ScenarioRow = typeof scheduleScenarios.$inferSelect & { createdByName: string | null; publishedByName: string | null };
export type ScenarioInsert = Omit<typeof scheduleScenarios.$inferInsert, 'id' | 'createdAt'>;

const createdBy = sql<string | null>`(SELECT name FROM staff s WHERE s.id = ${scheduleScenarios.createdBy})`;
const publishedBy = sql<string | null>`(SELECT name FROM staff s WHERE s.id = ${scheduleScenarios.publishedBy})`;

function withNames() {
  return { row: scheduleScenarios, createdByName: createdBy, publishedByName: publishedBy };
}

function flatten(r: { row: typeof scheduleScenarios.$inferSelect; createdByName: string | null; publishedByName: string | null }): ScenarioRow {
  return { ...r.row, createdByName: r.createdByName, publishedByName: r.publishedByName };
}

export function insertScenario(db: Db, row: ScenarioInsert): number {
  return db.insert(scheduleScenarios).values(row).returning({ id: scheduleScenarios.id }).get().id;
}

export function getScenario(db: Db, id: number): ScenarioRow | null {
  const r = db.select(withNames()).from(scheduleScenarios).where(eq(scheduleScenarios.id, id)).get();
  return r ? flatten(r) : null;
}

export function listScenarios(db: Db, weekStart?: string): ScenarioRow[] {
  const q = db.select(withNames()).from(scheduleScenarios);
  const rows = weekStart ? q.where(eq(scheduleScenarios.weekStart, weekStart)).orderBy(desc(scheduleScenarios.id)).all()
    : q.orderBy(desc(scheduleScenarios.id)).all();
  return rows.map(flatten);
}

export function publishedScenario(db: Db, weekStart: string): ScenarioRow | null {
  const r = db.select(withNames()).from(scheduleScenarios)
    .where(and(eq(scheduleScenarios.weekStart, weekStart), eq(scheduleScenarios.status, 'published'))).get();
  return r ? flatten(r) : null;
}

export function updateScenario(db: Db, id: number, patch: Partial<{
  name: string; status: ScenarioStatus; publishedAt: string | null; publishedBy: number | null;
  timetable: ScheduledClass[]; history: unknown[]; notes: string[];
}>): void {
  db.update(scheduleScenarios).set(patch).where(eq(scheduleScenarios.id, id)).run();
}

export function deleteScenario(db: Db, id: number): number {
  return db.delete(scheduleScenarios).where(eq(scheduleScenarios.id, id)).run().changes;
}

/** Staff name by id (for audit-friendly messages). */
export function staffName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get()?.name ?? null;
}
