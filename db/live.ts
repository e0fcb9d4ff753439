/** Queries of the live class monitor: who is present in a class, with what they need for zones. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './open';
import { classBookings, members } from './schema';
import { insertHeartRates, type HeartRateInsert } from './classes';
import { countAudit } from './audit';

/** A member checked in to a class, with their heart profile. */
export interface PresentMember {
  memberId: number;
  name: string;
  nickname: string | null;
  restingHrBpm: number | null;
  maxHrBpm: number | null;
  birthYear: number | null;
}

const presentColumns = {
  memberId: members.id, name: members.name, nickname: members.nickname, restingHrBpm: members.restingHrBpm,
  maxHrBpm: members.maxHrBpm, birthYear: members.birthYear,
};

/** Members checked in to an occurrence (walk-ins included), by check-in time. */
export function presentMembers(db: Db, occurrenceId: number): PresentMember[] {
  return db.select(presentColumns).from(classBookings).innerJoin(members, eq(members.id, classBookings.memberId))
    .where(and(eq(classBookings.occurrenceId, occurrenceId), eq(classBookings.status, 'checked_in')))
    .orderBy(classBookings.checkedInAt, classBookings.id).all();
}

/** One member if checked in to the occurrence, else null. */
export function presentMember(db: Db, occurrenceId: number, memberId: number): PresentMember | null {
  return db.select(presentColumns).from(classBookings).innerJoin(members, eq(members.id, classBookings.memberId))
    .where(and(eq(classBookings.occurrenceId, occurrenceId), eq(classBookings.memberId, memberId), eq(classBookings.status, 'checked_in')))
    .get() ?? null;
}

/** Stores a batch of samples in one transaction. */
export function storeHeartRateBatch(db: Db, rows: readonly HeartRateInsert[]): number {
  if (rows.length === 0) return 0;
  return db.transaction((tx) => insertHeartRates(tx as unknown as Db, rows));
}

/** Whether the simulated feed ever drove an occurrence (its start is in the audit log, `live.simulate.start`). */
export function wasSimulated(db: Db, occurrenceId: number): boolean {
  return countAudit(db, { action: 'live.simulate.start', entity: 'class_occurrence', entityId: String(occurrenceId) }) > 0;
}

/** Members' recorded resting and maximum heart rate and birth year, by id. */
export function memberHeartRows(db: Db, memberIds: readonly number[]): Map<number, Pick<PresentMember, 'restingHrBpm' | 'maxHrBpm' | 'birthYear'>> {
  if (memberIds.length === 0) return new Map();
  const rows = db.select({ id: members.id, restingHrBpm: members.restingHrBpm, maxHrBpm: members.maxHrBpm, birthYear: members.birthYear })
    .from(members).where(inArray(members.id, [...memberIds])).all();
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}
