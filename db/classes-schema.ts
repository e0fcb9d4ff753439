/**
 * Tables of classes in action (issue 12): occurrences of a published week, bookings with the
 * FIFO waitlist, member cards, studio notifications, heart-rate samples and alerts per class,
 * and stored post-class summaries. Instants are ISO-8601 UTC text; `date` is the club-local
 * calendar date and `start_min` minutes after club-local midnight (as in the scheduler).
 * Re-exported by `schema.ts`, so drizzle-kit and `Db` see these tables.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members, scheduleScenarios, staff } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const OCCURRENCE_STATUSES = ['scheduled', 'running', 'ended', 'cancelled'] as const;
export const BOOKING_STATUSES = ['booked', 'waitlisted', 'checked_in', 'cancelled', 'late_cancelled', 'no_show'] as const;

/**
 * One class of a published week on its day. The id is stable: re-publishing the week keeps
 * the row (and its bookings) of every class that still exists (same type, date and start) and
 * updates its room, trainer and capacity; classes that no longer exist become `cancelled`.
 */
export const classOccurrences = sqliteTable('class_occurrences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  scenarioId: integer('scenario_id').notNull().references(() => scheduleScenarios.id),
  weekStart: text('week_start').notNull(),
  classTypeId: text('class_type_id').notNull(),
  className: text('class_name').notNull(),
  date: text('date').notNull(),
  startMin: integer('start_min').notNull(),
  durationMin: integer('duration_min').notNull(),
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  roomId: text('room_id').notNull(),
  trainerId: text('trainer_id').notNull(),
  capacity: integer('capacity').notNull(),
  /** The scheduler's predicted attendance (people) when the week was published. */
  predicted: real('predicted'),
  status: text('status', { enum: OCCURRENCE_STATUSES }).notNull().default('scheduled'),
  endedAt: text('ended_at'),
  trainerNotes: text('trainer_notes').notNull().default(''),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [
  index('class_occurrences_when').on(t.startsAt),
  index('class_occurrences_week').on(t.weekStart, t.status),
]);

/** A member's place in a class, or on its waitlist (FIFO by `queued_at`, then id). */
export const classBookings = sqliteTable('class_bookings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  occurrenceId: integer('occurrence_id').notNull().references(() => classOccurrences.id),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  status: text('status', { enum: BOOKING_STATUSES }).notNull(),
  /** When the member joined the class or its waitlist; the waitlist order. */
  queuedAt: text('queued_at').notNull(),
  promotedAt: text('promoted_at'),
  cancelledAt: text('cancelled_at'),
  checkedInAt: text('checked_in_at'),
  walkIn: integer('walk_in', { mode: 'boolean' }).notNull().default(false),
  /** front_desk | member | coach | staff | republish */
  source: text('source').notNull(),
  createdBy: integer('created_by').references(() => staff.id),
  checkedInBy: integer('checked_in_by').references(() => staff.id),
}, (t) => [
  index('class_bookings_occurrence').on(t.occurrenceId, t.status, t.queuedAt),
  index('class_bookings_member').on(t.memberId, t.status),
  uniqueIndex('class_bookings_one_active').on(t.occurrenceId, t.memberId)
    .where(sql`status IN ('booked', 'waitlisted', 'checked_in')`),
]);

/** The code printed as a QR on a member's card; the check-in box accepts it. */
export const memberCards = sqliteTable('member_cards', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  code: text('code').notNull(),
  issuedAt: text('issued_at').notNull().default(now),
}, (t) => [uniqueIndex('member_cards_code').on(t.code)]);

/** Messages in the studio (the bell): for the front desk, a trainer, or about a member. */
export const studioNotifications = sqliteTable('studio_notifications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  createdAt: text('created_at').notNull(),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  /** front_desk | trainer | manager | member */
  audience: text('audience').notNull(),
  memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
  occurrenceId: integer('occurrence_id').references(() => classOccurrences.id),
  readAt: text('read_at'),
  readBy: integer('read_by').references(() => staff.id),
}, (t) => [index('studio_notifications_unread').on(t.readAt, t.id)]);

/** Heart-rate samples of a class (bpm, 25–250), written by the live monitor. */
export const classHeartRates = sqliteTable('class_heart_rates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  occurrenceId: integer('occurrence_id').notNull().references(() => classOccurrences.id),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  at: text('at').notNull(),
  bpm: integer('bpm').notNull(),
}, (t) => [index('class_heart_rates_member').on(t.occurrenceId, t.memberId, t.at)]);

/** Alerts raised during a class (kind e.g. above_max, class_above_zone, signal_lost, below_zone). */
export const classAlerts = sqliteTable('class_alerts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  occurrenceId: integer('occurrence_id').notNull().references(() => classOccurrences.id),
  memberId: integer('member_id').references(() => members.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  raisedAt: text('raised_at').notNull(),
  acknowledgedAt: text('acknowledged_at'),
  acknowledgedBy: integer('acknowledged_by').references(() => staff.id),
}, (t) => [index('class_alerts_occurrence').on(t.occurrenceId, t.raisedAt)]);

/** The post-class summary, generated when the class ends (ClassSummary of engine/classes). */
export const classSummaries = sqliteTable('class_summaries', {
  occurrenceId: integer('occurrence_id').primaryKey().references(() => classOccurrences.id),
  generatedAt: text('generated_at').notNull(),
  body: json<unknown>('body').notNull(),
});
