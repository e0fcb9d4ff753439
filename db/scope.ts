/**
 * Which member a record belongs to, and which trainer coaches that member: the row-level part
 * of access control (a trainer acts on their own members and on unassigned ones).
 */
import { eq } from 'drizzle-orm';
import type { Db } from './open';
import { classBookings, coachActions, members, planAdjustments, planSessions, planWeeks, plans, prescriptions, recommendations } from './schema';

export type ScopeKey = 'memberId' | 'planId' | 'prescriptionId' | 'recommendationId' | 'adjustmentId' | 'bookingId' | 'actionId';

/** The member a record of kind `key` with id `id` is about, or null when it does not exist. */
export function memberIdOf(db: Db, key: ScopeKey, id: number): number | null {
  switch (key) {
    case 'memberId':
      return db.select({ id: members.id }).from(members).where(eq(members.id, id)).get()?.id ?? null;
    case 'planId':
      return db.select({ m: plans.memberId }).from(plans).where(eq(plans.id, id)).get()?.m ?? null;
    case 'prescriptionId':
      return db.select({ m: plans.memberId }).from(prescriptions)
        .innerJoin(planSessions, eq(planSessions.id, prescriptions.planSessionId))
        .innerJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId))
        .innerJoin(plans, eq(plans.id, planWeeks.planId))
        .where(eq(prescriptions.id, id)).get()?.m ?? null;
    case 'recommendationId':
      return db.select({ m: recommendations.memberId }).from(recommendations).where(eq(recommendations.id, id)).get()?.m ?? null;
    case 'adjustmentId':
      return db.select({ m: planAdjustments.memberId }).from(planAdjustments).where(eq(planAdjustments.id, id)).get()?.m ?? null;
    case 'bookingId':
      return db.select({ m: classBookings.memberId }).from(classBookings).where(eq(classBookings.id, id)).get()?.m ?? null;
    case 'actionId':
      return db.select({ m: coachActions.memberId }).from(coachActions).where(eq(coachActions.id, id)).get()?.m ?? null;
  }
}

/** The member's name and assigned trainer (id and name), or null. */
export function memberCoach(db: Db, memberId: number): { name: string; trainerStaffId: number | null } | null {
  return db.select({ name: members.name, trainerStaffId: members.trainerStaffId }).from(members).where(eq(members.id, memberId)).get() ?? null;
}
