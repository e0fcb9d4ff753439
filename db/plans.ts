/** Plans with their weeks, sessions and prescriptions. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PlanDraft } from '../engine/types';
import type { Db } from './open';
import { exercises, members, planSessions, planWeeks, plans, prescriptions, staff } from './schema';

export type PlanRow = typeof plans.$inferSelect;
export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type PlanStatus = PlanRow['status'];

/** Stores a generated draft with all its weeks, sessions and prescriptions. Call in a transaction. */
export function insertPlan(db: Db, draft: PlanDraft, meta: { name: string; createdBy: number | null; generatedBy: 'ai' | 'trainer' }): number {
  const planId = db.insert(plans).values({
    memberId: draft.memberId, name: meta.name, status: 'draft', generatedBy: meta.generatedBy,
    goal: draft.goal, level: draft.level, split: draft.split, daysPerWeek: draft.daysPerWeek,
    sessionMinutes: draft.sessionMinutes, notes: draft.notes, createdBy: meta.createdBy,
  }).returning({ id: plans.id }).get().id;
  for (const w of draft.weeks) {
    const weekId = db.insert(planWeeks).values({ planId, week: w.week, isDeload: w.isDeload, targetRir: w.targetRir })
      .returning({ id: planWeeks.id }).get().id;
    for (const s of w.sessions) {
      const sessionId = db.insert(planSessions).values({ planWeekId: weekId, day: s.day, name: s.name, estimatedMinutes: s.estimatedMinutes })
        .returning({ id: planSessions.id }).get().id;
      if (s.prescriptions.length === 0) continue;
      db.insert(prescriptions).values(s.prescriptions.map((p) => ({
        planSessionId: sessionId, order: p.order, exerciseId: p.exerciseId, sets: p.sets, repMin: p.repMin, repMax: p.repMax,
        targetRir: p.targetRir, loadKg: p.loadKg, restS: p.restS, isCalibration: p.isCalibration, reason: p.reason, e1rmKg: p.e1rmKg,
      }))).run();
    }
  }
  return planId;
}

export interface PlanHeader extends PlanRow {
  memberName: string;
  /** The member's trainer (for a trainer's view of the list). */
  trainerStaffId: number | null;
  unit: 'kg' | 'lb';
  weeksCount: number;
  approver: { id: number; name: string; role: 'trainer' | 'manager' | 'front_desk' } | null;
}

export function listPlanHeaders(db: Db, filter: { memberId?: number; status?: PlanStatus; planId?: number }): PlanHeader[] {
  const conds = [
    filter.memberId !== undefined ? eq(plans.memberId, filter.memberId) : undefined,
    filter.status !== undefined ? eq(plans.status, filter.status) : undefined,
    filter.planId !== undefined ? eq(plans.id, filter.planId) : undefined,
  ].filter((c) => c !== undefined);
  return db.select({ plan: plans, memberName: members.name, trainerStaffId: members.trainerStaffId, unit: members.preferredUnit, approverId: staff.id, approverName: staff.name, approverRole: staff.role,
    weeksCount: sql<number>`(SELECT count(*) FROM plan_weeks WHERE plan_weeks.plan_id = ${plans.id})` })
    .from(plans).innerJoin(members, eq(members.id, plans.memberId)).leftJoin(staff, eq(staff.id, plans.approvedBy))
    .where(conds.length ? and(...conds) : undefined).orderBy(desc(plans.id)).all()
    .map((r) => ({
      ...r.plan, memberName: r.memberName, trainerStaffId: r.trainerStaffId, unit: r.unit, weeksCount: r.weeksCount,
      approver: r.approverId != null ? { id: r.approverId, name: r.approverName!, role: r.approverRole! } : null,
    }));
}

export interface PlanTree {
  weeks: Array<typeof planWeeks.$inferSelect & {
    sessions: Array<typeof planSessions.$inferSelect & { prescriptions: Array<PrescriptionRow & { exerciseName: string }> }>;
  }>;
}

/** The weeks, sessions and prescriptions of a plan, in order. */
export function planTree(db: Db, planId: number): PlanTree {
  const weeks = db.select().from(planWeeks).where(eq(planWeeks.planId, planId)).orderBy(asc(planWeeks.week)).all();
  const weekIds = weeks.map((w) => w.id);
  const sessions = weekIds.length
    ? db.select().from(planSessions).where(inArray(planSessions.planWeekId, weekIds)).orderBy(asc(planSessions.day)).all()
    : [];
  const sessionIds = sessions.map((s) => s.id);
  const rx = sessionIds.length
    ? db.select({ p: prescriptions, exerciseName: exercises.name }).from(prescriptions)
      .innerJoin(exercises, eq(exercises.id, prescriptions.exerciseId))
      .where(inArray(prescriptions.planSessionId, sessionIds)).orderBy(asc(prescriptions.order)).all()
    : [];
  return {
    weeks: weeks.map((w) => ({
      ...w,
      sessions: sessions.filter((s) => s.planWeekId === w.id).map((s) => ({
        ...s,
        prescriptions: rx.filter((r) => r.p.planSessionId === s.id).map((r) => ({ ...r.p, exerciseName: r.exerciseName })),
      })),
    })),
  };
}

/** A prescription with the id and status of its plan, or null. */
export function prescriptionWithPlan(db: Db, prescriptionId: number): { prescription: PrescriptionRow; planId: number; status: PlanStatus } | null {
  const r = db.select({ p: prescriptions, planId: plans.id, status: plans.status }).from(prescriptions)
    .innerJoin(planSessions, eq(planSessions.id, prescriptions.planSessionId))
    .innerJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId))
    .innerJoin(plans, eq(plans.id, planWeeks.planId))
    .where(eq(prescriptions.id, prescriptionId)).get();
  return r ? { prescription: r.p, planId: r.planId, status: r.status } : null;
}

export function updatePrescription(db: Db, id: number, patch: Partial<PrescriptionRow>): void {
  db.update(prescriptions).set(patch).where(eq(prescriptions.id, id)).run();
}

export function setPlanStatus(db: Db, planId: number, patch: Pick<Partial<PlanRow>, 'status' | 'approvedAt' | 'approvedBy' | 'archivedAt'>): void {
  db.update(plans).set(patch).where(eq(plans.id, planId)).run();
}

/** The plan a session belongs to, the week's target RIR and the session's last position, or null. */
export function planSessionInfo(db: Db, sessionId: number): { planId: number; targetRir: number; lastOrder: number; exerciseIds: string[] } | null {
  const s = db.select({ planId: planWeeks.planId, targetRir: planWeeks.targetRir }).from(planSessions)
    .innerJoin(planWeeks, eq(planWeeks.id, planSessions.planWeekId)).where(eq(planSessions.id, sessionId)).get();
  if (!s) return null;
  const rows = db.select({ order: prescriptions.order, exerciseId: prescriptions.exerciseId }).from(prescriptions)
    .where(eq(prescriptions.planSessionId, sessionId)).all();
  return { ...s, lastOrder: rows.reduce((m, r) => Math.max(m, r.order), 0), exerciseIds: rows.map((r) => r.exerciseId) };
}

/** Adds one prescription to a plan session. Call in a transaction. */
export function insertPrescription(db: Db, row: Omit<PrescriptionRow, 'id'>): number {
  return Number(db.insert(prescriptions).values(row).returning({ id: prescriptions.id }).get().id);
}
