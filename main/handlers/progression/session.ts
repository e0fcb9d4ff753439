/** Changes for the rest of a live session (engine/session): fatigue cuts the load, poor form swaps to an easier exercise. */
import { adjustForFatigue, easierAlternative } from '../../../engine/session/index';
import { roundToInventory } from '../../../engine/progression/index';
import { memberInventory } from '../inventory/handlers';
import type { Prescribed } from '../../../engine/progression/types';
import type { Equipment } from '../../../engine/types';
import { recordAudit } from '../../../db/audit';
import { allExercises } from '../../../db/exercises';
import { getMember } from '../../../db/members';
import { prescriptionWithPlan } from '../../../db/plans';
import { StudioError } from '../../contract/errors';
import type { ParsedInputOf, SessionAdjustView } from '../../contract/index';
import { auditActor, type HandlerContext } from '../../host/context';
import { clubConstraints } from './constraints';
import { listPlanHeaders } from '../../../db/plans';

export function adjustSession(ctx: HandlerContext, input: ParsedInputOf<'session/adjust'>): SessionAdjustView {
  const db = ctx.store.db;
  const found = prescriptionWithPlan(db, input.prescriptionId);
  if (!found) throw new StudioError('not_found', `there is no prescription with id ${input.prescriptionId}`, 'prescriptionId');
  const header = listPlanHeaders(db, { planId: found.planId })[0]!;
  if (header.status !== 'approved' && header.status !== 'active') {
    throw new StudioError('conflict', `the plan is ${header.status}: session changes apply to an approved plan`, 'prescriptionId');
  }
  const member = getMember(db, header.memberId)!;
  const library = allExercises(db);
  const exercise = library.find((e) => e.id === found.prescription.exerciseId)!;
  const constraints = clubConstraints(db);
  const rx = found.prescription;
  const original: Prescribed = { exerciseId: rx.exerciseId, sets: rx.sets, repMin: rx.repMin, repMax: rx.repMax, loadKg: rx.loadKg, restS: rx.restS, targetRir: rx.targetRir };
  const { inventory } = memberInventory(db, member);
  const reasons: string[] = [];
  let adjusted = original;
  let loadCutFraction = 0;
  if (input.fatigue !== undefined) {
    const f = adjustForFatigue(original, input.fatigue, constraints, (kg) => roundToInventory(kg, exercise.equipment, inventory, 'down', exercise.id));
    adjusted = f.prescribed;
    loadCutFraction = f.loadCutFraction;
    reasons.push(f.reason);
  }
  let alternative: SessionAdjustView['alternative'] = null;
  if (input.formRating !== undefined && input.formRating < constraints.reduceLoadBelowForm) {
    const alt = easierAlternative(exercise, library, member.equipment as Equipment[], member.excludedExerciseIds);
    alternative = alt ? { exerciseId: alt.exercise.id, exerciseName: alt.exercise.name, reason: alt.reason } : null;
    reasons.push(alt ? `Form ${input.formRating}/10 is below ${constraints.reduceLoadBelowForm}: ${alt.reason}` : `Form ${input.formRating}/10 is below ${constraints.reduceLoadBelowForm}, and no easier exercise of the same movement fits the member's equipment: lower the load and coach the movement.`);
  } else if (input.formRating !== undefined) {
    reasons.push(`Form ${input.formRating}/10: no change needed.`);
  }
  recordAudit(db, { ...auditActor(ctx), action: 'session.adjust', entity: 'prescription', entityId: input.prescriptionId, before: original, after: { adjusted, alternative, fatigue: input.fatigue ?? null, formRating: input.formRating ?? null }, subjectMemberId: member.id });
  return { prescriptionId: input.prescriptionId, exerciseId: exercise.id, exerciseName: exercise.name, original, adjusted, loadCutFraction, reasons, alternative };
}
