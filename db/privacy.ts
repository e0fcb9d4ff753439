/**
 * A member's data rights: everything the studio holds about a member, and its erasure.
 *
 * Erasure deletes every row that belongs to the member (training history, plans, check-ins,
 * recommendations and feedback, model state and predictions, import records, coach conversations,
 * PT appointments and feedback, payments contact, memberships and class credits, the profile) and
 * deletes their audit key, so the append-only audit entries about them can no longer be read.
 * Club totals that never named the member stay (class attendance counts, trained model
 * parameters). Payments are financial records the club must keep: each of the member's sales is
 * copied without the member (no id, name or contact; amount, product, method, dates and receipt
 * number stay) into `retained_payments` before the member's rows go. Run `eraseMember` inside one transaction.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { eraseMemberCoach, memberCoachData } from './coach';
import type { Db } from './open';
import { eraseMemberClasses, memberClassData } from './classes';
import { memberPaymentData, retainMemberSales } from './payments';
import {
  auditLog, checkIns, importRuns, members, planAdjustments, planSessions, planWeeks, plans, preferenceHistory, prescriptions,
  recommendationFeedback, recommendations, rirMemberStates, rirPredictions, setLogs, workoutSessions,
} from './schema';
import { shredMemberKey } from './audit-seal';

/** Every row about the member, by table (the shape of the JSON export). */
export interface MemberData {
  member: typeof members.$inferSelect;
  workoutSessions: Array<typeof workoutSessions.$inferSelect>;
  setLogs: Array<typeof setLogs.$inferSelect>;
  plans: Array<typeof plans.$inferSelect & { weeks: Array<typeof planWeeks.$inferSelect & { sessions: Array<typeof planSessions.$inferSelect & { prescriptions: Array<typeof prescriptions.$inferSelect> }> }> }>;
  checkIns: Array<typeof checkIns.$inferSelect>;
  recommendations: Array<typeof recommendations.$inferSelect & { feedback: unknown }>;
  preferenceHistory: Array<typeof preferenceHistory.$inferSelect>;
  planAdjustments: Array<typeof planAdjustments.$inferSelect>;
  rirState: typeof rirMemberStates.$inferSelect | null;
  rirPredictions: Array<typeof rirPredictions.$inferSelect>;
  importRuns: Array<typeof importRuns.$inferSelect>;
  classes: ReturnType<typeof memberClassData>;
  coach: ReturnType<typeof memberCoachData>;
  payments: ReturnType<typeof memberPaymentData>;
}

export function memberData(db: Db, memberId: number): MemberData | null {
  const member = db.select().from(members).where(eq(members.id, memberId)).get();
  if (!member) return null;
  const planRows = db.select().from(plans).where(eq(plans.memberId, memberId)).all();
  const weekRows = planRows.length ? db.select().from(planWeeks).where(inArray(planWeeks.planId, planRows.map((p) => p.id))).all() : [];
  const sessionRows = weekRows.length ? db.select().from(planSessions).where(inArray(planSessions.planWeekId, weekRows.map((w) => w.id))).all() : [];
  const rxRows = sessionRows.length ? db.select().from(prescriptions).where(inArray(prescriptions.planSessionId, sessionRows.map((s) => s.id))).all() : [];
  const recs = db.select().from(recommendations).where(eq(recommendations.memberId, memberId)).all();
  const feedback = recs.length ? db.select().from(recommendationFeedback).where(inArray(recommendationFeedback.recommendationId, recs.map((r) => r.id))).all() : [];
  return {
    member,
    workoutSessions: db.select().from(workoutSessions).where(eq(workoutSessions.memberId, memberId)).all(),
    setLogs: db.select().from(setLogs).where(eq(setLogs.memberId, memberId)).orderBy(setLogs.performedAt, setLogs.id).all(),
    plans: planRows.map((p) => ({
      ...p,
      weeks: weekRows.filter((w) => w.planId === p.id).map((w) => ({
        ...w,
        sessions: sessionRows.filter((s) => s.planWeekId === w.id).map((s) => ({ ...s, prescriptions: rxRows.filter((r) => r.planSessionId === s.id) })),
      })),
    })),
    checkIns: db.select().from(checkIns).where(eq(checkIns.memberId, memberId)).all(),
    recommendations: recs.map((r) => ({ ...r, feedback: feedback.find((f) => f.recommendationId === r.id) ?? null })),
    preferenceHistory: db.select().from(preferenceHistory).where(eq(preferenceHistory.memberId, memberId)).all(),
    planAdjustments: db.select().from(planAdjustments).where(eq(planAdjustments.memberId, memberId)).all(),
    rirState: db.select().from(rirMemberStates).where(eq(rirMemberStates.memberId, memberId)).get() ?? null,
    rirPredictions: db.select().from(rirPredictions).where(eq(rirPredictions.memberId, memberId)).all(),
    importRuns: db.select().from(importRuns).where(eq(importRuns.memberId, memberId)).all(),
    classes: memberClassData(db, memberId),
    coach: memberCoachData(db, memberId),
    payments: memberPaymentData(db, memberId),
  };
}

/** Deletes the member and everything that is theirs; returns the rows removed per table. */
export function eraseMember(db: Db, memberId: number, atIso = new Date().toISOString()): { removed: Record<string, number>; auditEntriesSealed: number; paymentsKept: number } {
  const removed: Record<string, number> = {};
  const del = (name: string, run: () => { changes: number }) => { removed[name] = run().changes; };
  const planIds = db.select({ id: plans.id }).from(plans).where(eq(plans.memberId, memberId)).all().map((p) => p.id);
  del('rir_predictions', () => db.delete(rirPredictions).where(eq(rirPredictions.memberId, memberId)).run());
  del('set_logs', () => db.delete(setLogs).where(eq(setLogs.memberId, memberId)).run());
  del('workout_sessions', () => db.delete(workoutSessions).where(eq(workoutSessions.memberId, memberId)).run());
  del('plan_adjustments', () => db.delete(planAdjustments).where(eq(planAdjustments.memberId, memberId)).run());
  del('recommendations', () => db.delete(recommendations).where(eq(recommendations.memberId, memberId)).run());
  del('plans', () => (planIds.length ? db.delete(plans).where(inArray(plans.id, planIds)).run() : { changes: 0 }));
  del('check_ins', () => db.delete(checkIns).where(eq(checkIns.memberId, memberId)).run());
  del('preference_history', () => db.delete(preferenceHistory).where(eq(preferenceHistory.memberId, memberId)).run());
  del('rir_member_states', () => db.delete(rirMemberStates).where(eq(rirMemberStates.memberId, memberId)).run());
  del('import_runs', () => db.delete(importRuns).where(eq(importRuns.memberId, memberId)).run());
  Object.assign(removed, eraseMemberClasses(db, memberId));
  Object.assign(removed, eraseMemberCoach(db, memberId));
  const paymentsKept = retainMemberSales(db, memberId, atIso);
  del('members', () => db.delete(members).where(eq(members.id, memberId)).run());
  shredMemberKey(db, memberId);
  const sealed = db.select({ c: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.subjectMemberId, memberId)).get()?.c ?? 0;
  return { removed, auditEntriesSealed: sealed, paymentsKept };
}
