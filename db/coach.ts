/**
 * Queries and mutations of the coach (issue 13): conversations and messages, pending actions,
 * PT appointments and member feedback. Callers wrap writes that belong together in
 * `db.transaction`. Instants are ISO-8601 UTC strings.
 */
import { and, asc, desc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from './open';
import { coachActions, coachConversations, coachMessages, memberFeedback, ptAppointments } from './schema';

export type ConversationRow = typeof coachConversations.$inferSelect;
export type CoachMessageRow = typeof coachMessages.$inferSelect;
export type CoachActionRow = typeof coachActions.$inferSelect;
export type PtAppointmentRow = typeof ptAppointments.$inferSelect;
export type MemberFeedbackRow = typeof memberFeedback.$inferSelect;

/** The conversation of a staff member about a member, created on first use. */
export function conversationOf(db: Db, memberId: number, staffId: number): ConversationRow {
  const found = db.select().from(coachConversations).where(and(eq(coachConversations.memberId, memberId), eq(coachConversations.staffId, staffId))).get();
  return found ?? db.insert(coachConversations).values({ memberId, staffId }).returning().get();
}

export function findConversation(db: Db, memberId: number, staffId: number): ConversationRow | null {
  return db.select().from(coachConversations).where(and(eq(coachConversations.memberId, memberId), eq(coachConversations.staffId, staffId))).get() ?? null;
}

export function insertMessage(db: Db, row: Omit<typeof coachMessages.$inferInsert, 'id'>): CoachMessageRow {
  const msg = db.insert(coachMessages).values(row).returning().get();
  db.update(coachConversations).set({ updatedAt: msg.createdAt }).where(eq(coachConversations.id, row.conversationId)).run();
  return msg;
}

/** The last `limit` messages of a conversation, oldest first. */
export function messagesOf(db: Db, conversationId: number, limit = 200): CoachMessageRow[] {
  return db.select().from(coachMessages).where(eq(coachMessages.conversationId, conversationId)).orderBy(desc(coachMessages.id)).limit(limit).all().reverse();
}

export function insertAction(db: Db, row: Omit<typeof coachActions.$inferInsert, 'id'>): CoachActionRow {
  return db.insert(coachActions).values(row).returning().get();
}

export function getAction(db: Db, id: number): CoachActionRow | null {
  return db.select().from(coachActions).where(eq(coachActions.id, id)).get() ?? null;
}

export function actionsOf(db: Db, conversationId: number): CoachActionRow[] {
  return db.select().from(coachActions).where(eq(coachActions.conversationId, conversationId)).orderBy(asc(coachActions.id)).all();
}

/** Decides a pending action; returns false when it was no longer pending (decided by someone else). */
export function decideAction(db: Db, id: number, patch: { status: 'confirmed' | 'rejected' | 'failed'; decidedBy: number | null; decidedAt: string; result?: unknown; error?: string | null }): boolean {
  return db.update(coachActions).set(patch).where(and(eq(coachActions.id, id), eq(coachActions.status, 'pending'))).run().changes === 1;
}

export function insertAppointment(db: Db, row: Omit<typeof ptAppointments.$inferInsert, 'id'>): PtAppointmentRow {
  return db.insert(ptAppointments).values(row).returning().get();
}

/** Booked appointments overlapping [fromIso, toIso), optionally of one trainer or member. */
export function appointmentsBetween(db: Db, fromIso: string, toIso: string, by: { trainerId?: string; memberId?: number } = {}): PtAppointmentRow[] {
  return db.select().from(ptAppointments).where(and(
    ne(ptAppointments.status, 'cancelled'), lt(ptAppointments.startsAt, toIso), gt(ptAppointments.endsAt, fromIso),
    by.trainerId !== undefined ? eq(ptAppointments.trainerId, by.trainerId) : undefined,
    by.memberId !== undefined ? eq(ptAppointments.memberId, by.memberId) : undefined,
  )).orderBy(asc(ptAppointments.startsAt)).all();
}

export function insertFeedback(db: Db, row: Omit<typeof memberFeedback.$inferInsert, 'id'>): MemberFeedbackRow {
  return db.insert(memberFeedback).values(row).returning().get();
}

export function feedbackOf(db: Db, memberId: number, limit = 20): MemberFeedbackRow[] {
  return db.select().from(memberFeedback).where(eq(memberFeedback.memberId, memberId)).orderBy(desc(memberFeedback.id)).limit(limit).all();
}

/** Deletes a member's coach data (for erasure); returns rows removed per table. */
export function eraseMemberCoach(db: Db, memberId: number): Record<string, number> {
  const convIds = db.select({ id: coachConversations.id }).from(coachConversations).where(eq(coachConversations.memberId, memberId)).all().map((c) => c.id);
  const removed: Record<string, number> = {};
  removed.coach_actions = db.delete(coachActions).where(eq(coachActions.memberId, memberId)).run().changes;
  removed.coach_messages = convIds.length ? db.delete(coachMessages).where(inArray(coachMessages.conversationId, convIds)).run().changes : 0;
  removed.coach_conversations = db.delete(coachConversations).where(eq(coachConversations.memberId, memberId)).run().changes;
  removed.pt_appointments = db.delete(ptAppointments).where(eq(ptAppointments.memberId, memberId)).run().changes;
  removed.member_feedback = db.delete(memberFeedback).where(eq(memberFeedback.memberId, memberId)).run().changes;
  return removed;
}

/** Records what applying a confirmed action gave (or that it failed). */
export function updateAction(db: Db, id: number, patch: { status?: 'confirmed' | 'failed'; result?: unknown; error?: string | null }): void {
  db.update(coachActions).set(patch).where(eq(coachActions.id, id)).run();
}

/** Everything the coach holds about a member, for their data export. */
export function memberCoachData(db: Db, memberId: number) {
  const conversations = db.select().from(coachConversations).where(eq(coachConversations.memberId, memberId)).all();
  return {
    conversations: conversations.map((c) => ({ ...c, messages: messagesOf(db, c.id, 100_000), actions: actionsOf(db, c.id) })),
    ptAppointments: db.select().from(ptAppointments).where(eq(ptAppointments.memberId, memberId)).orderBy(asc(ptAppointments.startsAt)).all(),
    feedback: db.select().from(memberFeedback).where(eq(memberFeedback.memberId, memberId)).orderBy(asc(memberFeedback.id)).all(),
  };
}
