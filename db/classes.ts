/**
 * Queries and mutations of classes in action (issue 12): occurrences, bookings and the
 * waitlist, member cards, studio notifications, heart-rate samples, alerts and summaries.
 * Callers wrap writes that belong together in `db.transaction` (better-sqlite3 runs it
 * synchronously, so a capacity check inside it cannot race another booking).
 * Instants are ISO-8601 UTC strings; bpm are beats per minute.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from './open';
import {
  classAlerts, classBookings, classHeartRates, classOccurrences, classSummaries, memberCards, members, studioNotifications,
  BOOKING_STATUSES,
} from './schema';

export type OccurrenceRow = typeof classOccurrences.$inferSelect;
export type OccurrenceInsert = Omit<typeof classOccurrences.$inferInsert, 'id' | 'createdAt'>;
export type BookingRow = typeof classBookings.$inferSelect;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type NotificationRow = typeof studioNotifications.$inferSelect;
export type AlertRow = typeof classAlerts.$inferSelect;

/** Booking statuses that hold a place in the class. */
export const HOLDS_PLACE: BookingStatus[] = ['booked', 'checked_in'];
/** Booking statuses that are still active (a member has at most one per class). */
export const ACTIVE: BookingStatus[] = ['booked', 'waitlisted', 'checked_in'];

// ─── Occurrences ────────────────────────────────────────────────────────────────────────────

export function insertOccurrence(db: Db, row: OccurrenceInsert): number {
  return db.insert(classOccurrences).values(row).returning({ id: classOccurrences.id }).get().id;
}

export function updateOccurrence(db: Db, id: number, patch: Partial<OccurrenceInsert>): void {
  db.update(classOccurrences).set(patch).where(eq(classOccurrences.id, id)).run();
}

export function getOccurrence(db: Db, id: number): OccurrenceRow | null {
  return db.select().from(classOccurrences).where(eq(classOccurrences.id, id)).get() ?? null;
}

/** The week's occurrences that are not cancelled, by start. */
export function occurrencesOfWeek(db: Db, weekStart: string, withCancelled = false): OccurrenceRow[] {
  const where = withCancelled ? eq(classOccurrences.weekStart, weekStart)
    : and(eq(classOccurrences.weekStart, weekStart), sql`${classOccurrences.status} <> 'cancelled'`);
  return db.select().from(classOccurrences).where(where).orderBy(asc(classOccurrences.startsAt), asc(classOccurrences.id)).all();
}

/** Occurrences starting in `[fromIso, toIso)`, cancelled ones included, by start. */
export function occurrencesBetween(db: Db, fromIso: string, toIso: string): OccurrenceRow[] {
  return db.select().from(classOccurrences)
    .where(and(gte(classOccurrences.startsAt, fromIso), lt(classOccurrences.startsAt, toIso)))
    .orderBy(asc(classOccurrences.startsAt), asc(classOccurrences.id)).all();
}

/** Scheduled or running occurrences whose end is at or before `atIso` (for the clock job). */
export function occurrencesToEnd(db: Db, atIso: string): OccurrenceRow[] {
  return db.select().from(classOccurrences)
    .where(and(inArray(classOccurrences.status, ['scheduled', 'running']), sql`${classOccurrences.endsAt} <= ${atIso}`)).all();
}

/** Scheduled occurrences that have started by `atIso` but not ended. */
export function occurrencesToStart(db: Db, atIso: string): OccurrenceRow[] {
  return db.select().from(classOccurrences)
    .where(and(eq(classOccurrences.status, 'scheduled'), sql`${classOccurrences.startsAt} <= ${atIso}`, sql`${classOccurrences.endsAt} > ${atIso}`)).all();
}

// ─── Bookings ───────────────────────────────────────────────────────────────────────────────

export type BookingWithMember = BookingRow & { memberName: string };

/** Every booking of an occurrence: places first, then the waitlist in FIFO order, then the rest. */
export function bookingsOf(db: Db, occurrenceId: number): BookingWithMember[] {
  const order = sql`CASE ${classBookings.status} WHEN 'checked_in' THEN 0 WHEN 'booked' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`;
  return db.select({ b: classBookings, memberName: members.name }).from(classBookings)
    .innerJoin(members, eq(members.id, classBookings.memberId))
    .where(eq(classBookings.occurrenceId, occurrenceId))
    .orderBy(order, asc(classBookings.queuedAt), asc(classBookings.id)).all()
    .map((r) => ({ ...r.b, memberName: r.memberName }));
}

export function getBooking(db: Db, id: number): BookingRow | null {
  return db.select().from(classBookings).where(eq(classBookings.id, id)).get() ?? null;
}

/** The member's active booking (booked, waitlisted or checked in) of a class, or null. */
export function activeBooking(db: Db, occurrenceId: number, memberId: number): BookingRow | null {
  return db.select().from(classBookings).where(and(eq(classBookings.occurrenceId, occurrenceId), eq(classBookings.memberId, memberId),
    inArray(classBookings.status, ACTIVE))).get() ?? null;
}

/** Places taken (booked or checked in). */
export function placesTaken(db: Db, occurrenceId: number): number {
  return db.select({ n: count() }).from(classBookings)
    .where(and(eq(classBookings.occurrenceId, occurrenceId), inArray(classBookings.status, HOLDS_PLACE))).get()?.n ?? 0;
}

/** The first waitlisted booking (FIFO), or null. */
export function waitlistHead(db: Db, occurrenceId: number): BookingRow | null {
  return db.select().from(classBookings).where(and(eq(classBookings.occurrenceId, occurrenceId), eq(classBookings.status, 'waitlisted')))
    .orderBy(asc(classBookings.queuedAt), asc(classBookings.id)).limit(1).get() ?? null;
}

export function insertBooking(db: Db, row: Omit<typeof classBookings.$inferInsert, 'id'>): BookingRow {
  return db.insert(classBookings).values(row).returning().get();
}

export function updateBooking(db: Db, id: number, patch: Partial<typeof classBookings.$inferInsert>): void {
  db.update(classBookings).set(patch).where(eq(classBookings.id, id)).run();
}

/** Moves every booking of one occurrence to another (re-publishing). Returns how many moved. */
export function moveBookings(db: Db, fromOccurrenceId: number, toOccurrenceId: number): number {
  return db.update(classBookings).set({ occurrenceId: toOccurrenceId }).where(eq(classBookings.occurrenceId, fromOccurrenceId)).run().changes;
}

/** How many bookings of a member ended with `status` since `sinceIso` (policy counting). */
export function countMemberStatus(db: Db, memberId: number, status: 'late_cancelled' | 'no_show', sinceIso: string): number {
  return db.select({ n: count() }).from(classBookings)
    .innerJoin(classOccurrences, eq(classOccurrences.id, classBookings.occurrenceId))
    .where(and(eq(classBookings.memberId, memberId), eq(classBookings.status, status), gte(classOccurrences.startsAt, sinceIso))).get()?.n ?? 0;
}

/** A member's bookings of classes starting at or after `fromIso`, with the class. */
export function memberBookings(db: Db, memberId: number, fromIso: string): Array<{ booking: BookingRow; occurrence: OccurrenceRow }> {
  return db.select({ booking: classBookings, occurrence: classOccurrences }).from(classBookings)
    .innerJoin(classOccurrences, eq(classOccurrences.id, classBookings.occurrenceId))
    .where(and(eq(classBookings.memberId, memberId), gte(classOccurrences.startsAt, fromIso)))
    .orderBy(asc(classOccurrences.startsAt)).all();
}

/** Booking counts per status for many occurrences. */
export function bookingCounts(db: Db, occurrenceIds: readonly number[]): Map<number, Record<BookingStatus, number>> {
  const out = new Map<number, Record<BookingStatus, number>>();
  if (occurrenceIds.length === 0) return out;
  const rows = db.select({ o: classBookings.occurrenceId, s: classBookings.status, n: count() }).from(classBookings)
    .where(inArray(classBookings.occurrenceId, [...occurrenceIds])).groupBy(classBookings.occurrenceId, classBookings.status).all();
  for (const id of occurrenceIds) out.set(id, Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>);
  for (const r of rows) out.get(r.o)![r.s] = r.n;
  return out;
}

// ─── Member cards ───────────────────────────────────────────────────────────────────────────

export function cardOf(db: Db, memberId: number): { code: string; issuedAt: string } | null {
  return db.select({ code: memberCards.code, issuedAt: memberCards.issuedAt }).from(memberCards).where(eq(memberCards.memberId, memberId)).get() ?? null;
}

export function putCard(db: Db, memberId: number, code: string): void {
  db.insert(memberCards).values({ memberId, code }).onConflictDoUpdate({ target: memberCards.memberId, set: { code, issuedAt: new Date().toISOString() } }).run();
}

export function memberByCard(db: Db, code: string): number | null {
  return db.select({ m: memberCards.memberId }).from(memberCards).where(eq(memberCards.code, code)).get()?.m ?? null;
}

// ─── Notifications ──────────────────────────────────────────────────────────────────────────

export function insertNotification(db: Db, row: Omit<typeof studioNotifications.$inferInsert, 'id' | 'readAt' | 'readBy'>): number {
  return db.insert(studioNotifications).values(row).returning({ id: studioNotifications.id }).get().id;
}

export function listNotifications(db: Db, opts: { unreadOnly: boolean; limit: number }): NotificationRow[] {
  return db.select().from(studioNotifications).where(opts.unreadOnly ? isNull(studioNotifications.readAt) : undefined)
    .orderBy(desc(studioNotifications.id)).limit(opts.limit).all();
}

export function countUnread(db: Db): number {
  return db.select({ n: count() }).from(studioNotifications).where(isNull(studioNotifications.readAt)).get()?.n ?? 0;
}

/** Marks the given notifications (or all when `ids` is null) read. Returns how many changed. */
export function markRead(db: Db, ids: readonly number[] | null, staffId: number | null, atIso: string): number {
  const unread = isNull(studioNotifications.readAt);
  return db.update(studioNotifications).set({ readAt: atIso, readBy: staffId })
    .where(ids === null ? unread : and(unread, inArray(studioNotifications.id, [...ids]))).run().changes;
}

// ─── Heart rate and alerts (written by the live monitor) ────────────────────────────────────

export type HeartRateInsert = { occurrenceId: number; memberId: number; at: string; bpm: number };

/** Stores samples (bpm already checked to be 25–250 by the caller). */
export function insertHeartRates(db: Db, rows: readonly HeartRateInsert[]): number {
  if (rows.length === 0) return 0;
  for (let i = 0; i < rows.length; i += 500) db.insert(classHeartRates).values(rows.slice(i, i + 500)).run();
  return rows.length;
}

/** Every sample of a class, by member then time. */
export function heartRatesOf(db: Db, occurrenceId: number): HeartRateInsert[] {
  return db.select({ occurrenceId: classHeartRates.occurrenceId, memberId: classHeartRates.memberId, at: classHeartRates.at, bpm: classHeartRates.bpm })
    .from(classHeartRates).where(eq(classHeartRates.occurrenceId, occurrenceId))
    .orderBy(asc(classHeartRates.memberId), asc(classHeartRates.at)).all();
}

export function insertAlert(db: Db, row: Omit<typeof classAlerts.$inferInsert, 'id' | 'acknowledgedAt' | 'acknowledgedBy'>): number {
  return db.insert(classAlerts).values(row).returning({ id: classAlerts.id }).get().id;
}

/** Acknowledges an alert; returns false when it does not exist or was acknowledged already. */
export function acknowledgeAlert(db: Db, id: number, staffId: number | null, atIso: string): boolean {
  return db.update(classAlerts).set({ acknowledgedAt: atIso, acknowledgedBy: staffId })
    .where(and(eq(classAlerts.id, id), isNull(classAlerts.acknowledgedAt))).run().changes === 1;
}

export function alertsOf(db: Db, occurrenceId: number): AlertRow[] {
  return db.select().from(classAlerts).where(eq(classAlerts.occurrenceId, occurrenceId)).orderBy(asc(classAlerts.raisedAt), asc(classAlerts.id)).all();
}

// ─── Summaries ──────────────────────────────────────────────────────────────────────────────

export function putSummary(db: Db, occurrenceId: number, generatedAt: string, body: unknown): void {
  db.insert(classSummaries).values({ occurrenceId, generatedAt, body })
    .onConflictDoUpdate({ target: classSummaries.occurrenceId, set: { generatedAt, body } }).run();
}

export function getSummary(db: Db, occurrenceId: number): { generatedAt: string; body: unknown } | null {
  return db.select({ generatedAt: classSummaries.generatedAt, body: classSummaries.body }).from(classSummaries)
    .where(eq(classSummaries.occurrenceId, occurrenceId)).get() ?? null;
}

/** Occurrences in one status, by start. */
export function occurrencesWithStatus(db: Db, status: OccurrenceRow['status']): OccurrenceRow[] {
  return db.select().from(classOccurrences).where(eq(classOccurrences.status, status)).orderBy(asc(classOccurrences.startsAt)).all();
}

/** A class's samples in time order per member: epoch ms and bpm (the summary's fast path). */
export function heartRateSeries(db: Db, occurrenceId: number): Map<number, Array<{ atMs: number; bpm: number }>> {
  const rows = db.values<[number, number, number]>(sql`SELECT member_id, CAST(round((julianday(at) - 2440587.5) * 86400000) AS INTEGER), bpm
    FROM class_heart_rates WHERE occurrence_id = ${occurrenceId} ORDER BY member_id, at`);
  const out = new Map<number, Array<{ atMs: number; bpm: number }>>();
  let list: Array<{ atMs: number; bpm: number }> = [];
  let current = -1;
  for (const [m, atMs, bpm] of rows) {
    if (m !== current) { current = m; list = []; out.set(m, list); }
    list.push({ atMs, bpm });
  }
  return out;
}

/** Everything classes hold about one member (for the member's data export). */
export function memberClassData(db: Db, memberId: number) {
  return {
    classBookings: db.select().from(classBookings).where(eq(classBookings.memberId, memberId)).all(),
    classHeartRates: db.select().from(classHeartRates).where(eq(classHeartRates.memberId, memberId)).all(),
    classAlerts: db.select().from(classAlerts).where(eq(classAlerts.memberId, memberId)).all(),
    memberCard: db.select().from(memberCards).where(eq(memberCards.memberId, memberId)).get() ?? null,
    notifications: db.select().from(studioNotifications).where(eq(studioNotifications.memberId, memberId)).all(),
  };
}

/**
 * Erases a member from classes: their bookings, samples, alerts, card and notifications, and
 * their name and figures in stored summaries (replaced by "an erased member"). Returns the
 * rows removed per table. Call inside the erasure's transaction, before the member row goes.
 */
export function eraseMemberClasses(db: Db, memberId: number): Record<string, number> {
  const summaries = db.select().from(classSummaries).all();
  let scrubbed = 0;
  for (const s of summaries) {
    const body = s.body as { members?: Array<{ memberId: number; name: string; effort: unknown }>; records?: Array<{ memberId: number }>; alerts?: unknown[]; highlights?: string[]; improvements?: string[] };
    const m = body.members?.find((x) => x.memberId === memberId);
    if (!m) continue;
    const name = m.name;
    const hide = (t: string) => t.split(name).join('an erased member');
    const next = {
      ...body,
      members: body.members!.map((x) => (x.memberId === memberId ? { ...x, name: 'an erased member', effort: null } : x)),
      records: (body.records ?? []).filter((r) => r.memberId !== memberId),
      highlights: (body.highlights ?? []).map(hide), improvements: (body.improvements ?? []).map(hide),
      alerts: JSON.parse(hide(JSON.stringify(body.alerts ?? []))) as unknown[],
    };
    db.update(classSummaries).set({ body: next }).where(eq(classSummaries.occurrenceId, s.occurrenceId)).run();
    scrubbed++;
  }
  return {
    class_heart_rates: db.delete(classHeartRates).where(eq(classHeartRates.memberId, memberId)).run().changes,
    class_alerts: db.delete(classAlerts).where(eq(classAlerts.memberId, memberId)).run().changes,
    class_bookings: db.delete(classBookings).where(eq(classBookings.memberId, memberId)).run().changes,
    member_cards: db.delete(memberCards).where(eq(memberCards.memberId, memberId)).run().changes,
    studio_notifications: db.delete(studioNotifications).where(eq(studioNotifications.memberId, memberId)).run().changes,
    class_summaries_scrubbed: scrubbed,
  };
}
