/** Storage of issue 3: check-ins, recommendations and feedback, preference history, plan adjustments. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from './open';
import { checkIns, exercises, members, planAdjustments, preferenceHistory, recommendationFeedback, recommendations } from './schema';

export type CheckInRow = typeof checkIns.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect & { exerciseName: string };
export type AdjustmentRow = typeof planAdjustments.$inferSelect & { memberName: string; trainerStaffId: number | null };

export function insertCheckIn(db: Db, row: typeof checkIns.$inferInsert): CheckInRow {
  return db.insert(checkIns).values(row).returning().get();
}

export function memberCheckIns(db: Db, memberId: number, limit = 60): CheckInRow[] {
  return db.select().from(checkIns).where(eq(checkIns.memberId, memberId)).orderBy(desc(checkIns.at)).limit(limit).all();
}

export function insertRecommendation(db: Db, row: typeof recommendations.$inferInsert): number {
  return db.insert(recommendations).values(row).returning({ id: recommendations.id }).get().id;
}

const recSelect = { r: recommendations, exerciseName: exercises.name };

export function getRecommendation(db: Db, id: number): RecommendationRow | null {
  const r = db.select(recSelect).from(recommendations).innerJoin(exercises, eq(exercises.id, recommendations.exerciseId))
    .where(eq(recommendations.id, id)).get();
  return r ? { ...r.r, exerciseName: r.exerciseName } : null;
}

export function listRecommendations(db: Db, memberId: number, status?: RecommendationRow['status'], limit = 100): RecommendationRow[] {
  return db.select(recSelect).from(recommendations).innerJoin(exercises, eq(exercises.id, recommendations.exerciseId))
    .where(and(eq(recommendations.memberId, memberId), status ? eq(recommendations.status, status) : undefined))
    .orderBy(desc(recommendations.id)).limit(limit).all().map((r) => ({ ...r.r, exerciseName: r.exerciseName }));
}

/** The rule state left by the member's latest recommendation for this exercise, or null. */
export function lastRuleState(db: Db, memberId: number, exerciseId: string): unknown {
  return db.select({ s: recommendations.ruleState }).from(recommendations)
    .where(and(eq(recommendations.memberId, memberId), eq(recommendations.exerciseId, exerciseId)))
    .orderBy(desc(recommendations.id)).limit(1).get()?.s ?? null;
}

/** Marks the member's pending recommendations for `exerciseId` as superseded by a newer one. */
export function supersedePending(db: Db, memberId: number, exerciseId: string): void {
  db.update(recommendations).set({ status: 'superseded' })
    .where(and(eq(recommendations.memberId, memberId), eq(recommendations.exerciseId, exerciseId), eq(recommendations.status, 'pending'))).run();
}

export function setRecommendationStatus(db: Db, id: number, status: RecommendationRow['status']): void {
  db.update(recommendations).set({ status }).where(eq(recommendations.id, id)).run();
}

export function insertFeedback(db: Db, recommendationId: number, at: string, body: unknown): void {
  db.insert(recommendationFeedback).values({ recommendationId, at, body }).run();
}

export function feedbackFor(db: Db, recommendationIds: readonly number[]): Map<number, unknown> {
  const out = new Map<number, unknown>();
  for (const id of recommendationIds) {
    const r = db.select({ body: recommendationFeedback.body }).from(recommendationFeedback).where(eq(recommendationFeedback.recommendationId, id)).get();
    if (r) out.set(id, r.body);
  }
  return out;
}

export function feedbackCount(db: Db, memberId: number): number {
  return db.select({ id: recommendationFeedback.id }).from(recommendationFeedback)
    .innerJoin(recommendations, eq(recommendations.id, recommendationFeedback.recommendationId))
    .where(eq(recommendations.memberId, memberId)).all().length;
}

export function appendPreference(db: Db, memberId: number, at: string, profile: unknown, event: unknown): void {
  db.insert(preferenceHistory).values({ memberId, at, profile, event }).run();
}

export function preferenceTimeline(db: Db, memberId: number): Array<{ at: string; profile: unknown; event: unknown }> {
  return db.select({ at: preferenceHistory.at, profile: preferenceHistory.profile, event: preferenceHistory.event })
    .from(preferenceHistory).where(eq(preferenceHistory.memberId, memberId)).orderBy(asc(preferenceHistory.id)).all();
}

export function insertAdjustment(db: Db, row: typeof planAdjustments.$inferInsert): number {
  return db.insert(planAdjustments).values(row).returning({ id: planAdjustments.id }).get().id;
}

const adjSelect = { a: planAdjustments, memberName: members.name, trainerStaffId: members.trainerStaffId };

export function getAdjustment(db: Db, id: number): AdjustmentRow | null {
  const r = db.select(adjSelect).from(planAdjustments).innerJoin(members, eq(members.id, planAdjustments.memberId))
    .where(eq(planAdjustments.id, id)).get();
  return r ? { ...r.a, memberName: r.memberName, trainerStaffId: r.trainerStaffId } : null;
}

export function listAdjustments(db: Db, filter: { status?: 'pending' | 'decided'; memberId?: number }): AdjustmentRow[] {
  return db.select(adjSelect).from(planAdjustments).innerJoin(members, eq(members.id, planAdjustments.memberId))
    .where(and(filter.status ? eq(planAdjustments.status, filter.status) : undefined, filter.memberId ? eq(planAdjustments.memberId, filter.memberId) : undefined))
    .orderBy(desc(planAdjustments.id)).all().map((r) => ({ ...r.a, memberName: r.memberName, trainerStaffId: r.trainerStaffId }));
}

export function updateAdjustment(db: Db, id: number, patch: Partial<typeof planAdjustments.$inferInsert>): void {
  db.update(planAdjustments).set(patch).where(eq(planAdjustments.id, id)).run();
}
