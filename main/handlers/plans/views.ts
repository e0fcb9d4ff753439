/** Maps plan rows to the contract's plan views. */
import type { PlanHeader, PlanTree } from '../../../db/plans';
import type { PlanSummary, PlanView } from '../../contract/index';

export function planSummary(h: PlanHeader): PlanSummary {
  return {
    id: h.id, memberId: h.memberId, memberName: h.memberName, name: h.name, status: h.status,
    generatedBy: h.generatedBy, goal: h.goal as PlanSummary['goal'], split: h.split as PlanSummary['split'],
    weeksCount: h.weeksCount, daysPerWeek: h.daysPerWeek, createdAt: h.createdAt, approvedAt: h.approvedAt, approvedBy: h.approver,
  };
}

export function planView(h: PlanHeader, tree: PlanTree, canUndo: boolean): PlanView {
  return {
    ...planSummary(h),
    level: h.level as PlanView['level'], sessionMinutes: h.sessionMinutes, unit: h.unit, notes: h.notes,
    archivedAt: h.archivedAt, canUndo,
    weeks: tree.weeks.map((w) => ({
      id: w.id, week: w.week, isDeload: w.isDeload, targetRir: w.targetRir,
      sessions: w.sessions.map((s) => ({
        id: s.id, day: s.day, name: s.name, estimatedMinutes: s.estimatedMinutes,
        prescriptions: s.prescriptions.map((p) => ({
          id: p.id, order: p.order, exerciseId: p.exerciseId, exerciseName: p.exerciseName, sets: p.sets,
          repMin: p.repMin, repMax: p.repMax, targetRir: p.targetRir, loadKg: p.loadKg, restS: p.restS,
          isCalibration: p.isCalibration, reason: p.reason, e1rmKg: p.e1rmKg, editedAt: p.editedAt, predictedRir: null,
        })),
      })),
    })),
  };
}
