/**
 * Tables of the coach (issue 13): conversations per member and staff member with their messages,
 * the pending actions the coach proposes (applied only when a staff member confirms), personal-
 * training appointments, and member feedback the coach logged. Instants are ISO-8601 UTC text.
 * Re-exported by `schema.ts`, so drizzle-kit and `Db` see these tables.
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members, staff } from './schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const COACH_ACTION_STATUSES = ['pending', 'confirmed', 'rejected', 'failed'] as const;
export const COACH_MESSAGE_STATUSES = ['complete', 'stopped', 'failed'] as const;

/** One conversation: a staff member talking with the coach about one member. */
export const coachConversations = sqliteTable('coach_conversations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  staffId: integer('staff_id').notNull().references(() => staff.id),
  createdAt: text('created_at').notNull().default(now),
  updatedAt: text('updated_at').notNull().default(now),
}, (t) => [uniqueIndex('coach_conversation_member_staff').on(t.memberId, t.staffId)]);

/** A staff message or a coach answer (`mode`: model or rules; `sources` and tool calls as JSON). */
export const coachMessages = sqliteTable('coach_messages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  conversationId: integer('conversation_id').notNull().references(() => coachConversations.id),
  role: text('role', { enum: ['staff', 'coach'] }).notNull(),
  text: text('text').notNull(),
  mode: text('mode', { enum: ['model', 'rules'] }),
  intent: text('intent'),
  sources: json<unknown[]>('sources').notNull().default(sql`'[]'`),
  toolCalls: json<unknown[]>('tool_calls').notNull().default(sql`'[]'`),
  status: text('status', { enum: COACH_MESSAGE_STATUSES }).notNull().default('complete'),
  promptVersion: text('prompt_version'),
  modelName: text('model_name'),
  tokens: integer('tokens'),
  tokensPerS: real('tokens_per_s'),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('coach_messages_conversation').on(t.conversationId, t.id)]);

/** A write the coach proposed; applied through the operation `op` with `input` once confirmed. */
export const coachActions = sqliteTable('coach_actions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  conversationId: integer('conversation_id').notNull().references(() => coachConversations.id),
  messageId: integer('message_id').notNull().references(() => coachMessages.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  tool: text('tool').notNull(),
  /** The contract operation that applies it and its input. */
  op: text('op').notNull(),
  input: json<unknown>('input').notNull(),
  /** One line for people: "PT with Tom Baker, Tue 8 Dec 18:00 (60 min)". */
  summary: text('summary').notNull(),
  status: text('status', { enum: COACH_ACTION_STATUSES }).notNull().default('pending'),
  result: json<unknown>('result'),
  error: text('error'),
  proposedBy: integer('proposed_by').references(() => staff.id),
  decidedBy: integer('decided_by').references(() => staff.id),
  decidedAt: text('decided_at'),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('coach_actions_conversation').on(t.conversationId, t.status)]);

/** A personal-training session: a member with a club trainer (setup trainer id) from `starts_at` to `ends_at`. */
export const ptAppointments = sqliteTable('pt_appointments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  trainerId: text('trainer_id').notNull(),
  startsAt: text('starts_at').notNull(),
  endsAt: text('ends_at').notNull(),
  status: text('status', { enum: ['booked', 'cancelled'] }).notNull().default('booked'),
  source: text('source', { enum: ['front_desk', 'coach'] }).notNull().default('front_desk'),
  createdBy: integer('created_by').references(() => staff.id),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('pt_appointments_trainer').on(t.trainerId, t.startsAt), index('pt_appointments_member').on(t.memberId, t.startsAt)]);

/** Feedback about a member's training, noted through the coach (1–10 rating optional). */
export const memberFeedback = sqliteTable('member_feedback', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  staffId: integer('staff_id').references(() => staff.id),
  text: text('text').notNull(),
  rating: integer('rating'),
  source: text('source', { enum: ['front_desk', 'coach'] }).notNull().default('coach'),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('member_feedback_member').on(t.memberId, t.createdAt)]);
