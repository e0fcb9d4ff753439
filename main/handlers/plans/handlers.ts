/** Plan handlers: generate, read, edit with undo, approve and archive. */
import { baseDose, generatePlan } from '../../../engine/planner/index';
import { EDIT_RULE_FIELD, manualEditViolations } from '../../../engine/safety/index';
import { rirModel } from '../../../engine/rir/model';
import { predictBefore } from '../../../engine/rir/predictor';
import { SHIPPED_PREDICTOR } from '../../../engine/rir/predictor-params';
import type { MemberProfile } from '../../../engine/types';
import { listAudit, recordAudit } from '../../../db/audit';
import { allExercises, getExercises } from '../../../db/exercises';
import { memberSetRecords } from '../../../db/history';
import {
  insertPlan, insertPrescription, listPlanHeaders, planSessionInfo, planTree, prescriptionWithPlan, setPlanStatus, updatePrescription, type PrescriptionRow,
} from '../../../db/plans';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { PlanView } from '../../contract/index';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { memberInventory } from '../inventory/handlers';
import { requireMember } from '../members/handlers';
import { memberIdOf } from '../../../db/scope';
import { coachesMember } from '../../host/access';
import { learnMember } from '../rir/learn';
import { rirLoadModel } from '../rir/load-model';
import { memberPredictorState } from '../rir/predictor';
import { activePopulation } from '../rir/population';
import { setsWithRirByExercise } from '../../../db/rir';
import { planSummary, planView } from './views';

const EDITABLE = ['exerciseId', 'sets', 'repMin', 'repMax', 'targetRir', 'loadKg', 'restS', 'editedAt'] as const;
type Editable = Pick<PrescriptionRow, (typeof EDITABLE)[number]>;

/**
 * Manual edits go through the safety layer (engine/safety `manualEditViolations`): an edit that
 * breaks a rule is refused as `invalid_input`, the message naming the rule and its reason,
 * `field` the patch field it is about.
 */
function refuseUnsafeEdit(old: PrescriptionRow, patch: Partial<Editable>): void {
  const before = { exerciseId: old.exerciseId, sets: old.sets, repMin: old.repMin, repMax: old.repMax, loadKg: old.loadKg, restS: old.restS, targetRir: old.targetRir };
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([k]) => k in before)) };
  const broken = manualEditViolations(before, after);
  const first = broken[0];
  if (first === undefined) return;
  const rules = broken.map((o) => `${o.constraint ?? o.kind}: ${o.reason}`).join(' ');
  const field = first.constraint === undefined ? undefined : EDIT_RULE_FIELD[first.constraint];
  throw new StudioError('invalid_input', `Safety refused the edit. ${rules}`, field === undefined ? 'patch' : `patch.${field}`);
}

/** Edits of a plan that can still be undone, newest first. */
function undoableEdits(db: Db, planId: number) {
  const entries = listAudit(db, { entity: 'plan', entityId: String(planId), limit: 500 });
  const undone = new Set(entries.filter((e) => e.action === 'prescription.undo').map((e) => (e.after as { undoneAuditId: number }).undoneAuditId));
  return entries.filter((e) => e.action === 'prescription.update' && !undone.has(e.id));
}

export function loadPlanView(db: Db, planId: number): PlanView {
  const header = listPlanHeaders(db, { planId })[0];
  if (!header) throw new StudioError('not_found', `there is no plan with id ${planId}`, 'planId');
  const canUndo = header.status === 'draft' && undoableEdits(db, planId).length > 0;
  return planView(header, planTree(db, planId), canUndo);
}

/** The plan with the RIR model's predicted RIR beside each loaded prescription. */
function planWithRir(ctx: HandlerContext, planId: number): PlanView {
  const db = ctx.store.db;
  const view = loadPlanView(db, planId);
  const library = allExercises(db);
  const byId = new Map(library.map((e) => [e.id, e]));
  const population = activePopulation(ctx.store.path);
  const { state } = db.transaction((tx) => learnMember(tx, view.memberId, population, library));
  const predictor = memberPredictorState(db, view.memberId, library);
  for (const p of view.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions))) {
    const exercise = byId.get(p.exerciseId);
    if (p.loadKg === null || p.loadKg <= 0 || !exercise) continue;
    const at = ctx.now().toISOString();
    const pred = rirModel.predictReps(state, population, exercise, library, { memberId: view.memberId, exerciseId: p.exerciseId, loadKg: p.loadKg, setIndex: 1, at });
    const top = rirModel.rirAfter(pred, p.repMax);
    const expected = predictBefore(predictor, SHIPPED_PREDICTOR, { exercise, loadKg: p.loadKg, reps: p.repMax, targetRir: p.targetRir, setIndex: 1, at });
    p.predictedRir = {
      atRepMax: top.rir, atRepMin: rirModel.rirAfter(pred, p.repMin).rir, low80: top.low80, high80: top.high80, source: pred.source,
      expected: { rir: expected.rir, low80: expected.low80, high80: expected.high80, basis: expected.source },
    };
  }
  return view;
}

function requireDraft(db: Db, planId: number, action: string): void {
  const header = listPlanHeaders(db, { planId })[0];
  if (!header) throw new StudioError('not_found', `there is no plan with id ${planId}`, 'planId');
  if (header.status !== 'draft') throw new StudioError('plan_locked', `the plan is ${header.status}; only a draft can be ${action}`, 'planId');
}

export function memberProfile(ctx: HandlerContext, memberId: number): MemberProfile {
  const m = requireMember(ctx, memberId);
  return {
    id: m.id, name: m.name, goal: m.goal as MemberProfile['goal'], level: m.level as MemberProfile['level'],
    daysPerWeek: m.daysPerWeek, sessionMinutes: m.sessionMinutes,
    equipment: m.equipment as MemberProfile['equipment'], excludedMuscles: m.excludedMuscles as MemberProfile['excludedMuscles'],
    excludedPatterns: m.excludedPatterns as MemberProfile['excludedPatterns'], excludedExerciseIds: m.excludedExerciseIds,
    preferredUnit: m.preferredUnit, bodyMassKg: m.bodyMassKg,
    // What the member can load: their home gym, else the club's inventory, else the unit's default.
    inventory: memberInventory(ctx.store.db, m).inventory,
  };
}

const SPLIT_NAMES = { full_body: 'full body', upper_lower: 'upper/lower', push_pull_legs: 'push/pull/legs' } as const;


export const planHandlers: PartialHandlers = {
  'plans/generate': (input, ctx) => {
    const profile = memberProfile(ctx, input.memberId);
    const avoid = new Set(input.avoidEquipment ?? []);
    const member: MemberProfile = { ...profile, level: input.level ?? profile.level, equipment: profile.equipment.filter((e) => !avoid.has(e)) };
    const db = ctx.store.db;
    const now = input.asOf ? `${input.asOf}T23:59:59Z` : ctx.now().toISOString();
    const library = allExercises(db);
    const population = activePopulation(ctx.store.path);
    const { state } = db.transaction((tx) => learnMember(tx, member.id, population, library));
    const draft = generatePlan({
      member, library, history: memberSetRecords(db, member.id), weeks: input.weeks,
      daysPerWeek: input.daysPerWeek, goal: input.goal, sessionMinutes: input.sessionMinutes, now,
      loadModel: rirLoadModel(state, population, library, setsWithRirByExercise(db, member.id)),
    });
    const name = `${draft.weeks.length}-week ${draft.goal.replace('_', ' ')} plan (${SPLIT_NAMES[draft.split]}, ${draft.daysPerWeek} days)`;
    const planId = db.transaction((tx) => {
      const id = insertPlan(tx, draft, { name, createdBy: actorOf(ctx), generatedBy: 'ai' });
      recordAudit(tx, { ...auditActor(ctx), action: 'plan.generate', entity: 'plan', entityId: id, after: { memberId: member.id, weeks: draft.weeks.length, asOf: now, ...(input.level ? { level: input.level } : {}), ...(avoid.size ? { avoidEquipment: [...avoid] } : {}) }, subjectMemberId: member.id });
      return id;
    });
    return planWithRir(ctx, planId);
  },
  'plans/get': ({ planId }, ctx) => planWithRir(ctx, planId),
  'plans/list': ({ memberId, status }, ctx) =>
    listPlanHeaders(ctx.store.db, { memberId, status }).filter((p) => coachesMember(ctx.caller, p.trainerStaffId)).map(planSummary),
  'plans/update-prescription': ({ prescriptionId, patch }, ctx) => {
    const db = ctx.store.db;
    const found = prescriptionWithPlan(db, prescriptionId);
    if (!found) throw new StudioError('not_found', `there is no prescription with id ${prescriptionId}`, 'prescriptionId');
    requireDraft(db, found.planId, 'edited');
    const old = found.prescription;
    const repMin = patch.repMin ?? old.repMin;
    const repMax = patch.repMax ?? old.repMax;
    if (repMin > repMax) throw new StudioError('invalid_input', `patch.repMin: ${repMin} is above the rep maximum ${repMax}`, 'patch.repMin');
    if (patch.exerciseId && !getExercises(db, [patch.exerciseId]).has(patch.exerciseId)) {
      throw new StudioError('not_found', `there is no exercise with id "${patch.exerciseId}"`, 'patch.exerciseId');
    }
    refuseUnsafeEdit(old, patch);
    const change: Partial<Editable> = { ...patch, editedAt: ctx.now().toISOString() };
    const before = Object.fromEntries(Object.keys(change).map((k) => [k, old[k as keyof Editable]]));
    db.transaction((tx) => {
      updatePrescription(tx, prescriptionId, change);
      recordAudit(tx, { ...auditActor(ctx), action: 'prescription.update', entity: 'plan', entityId: found.planId, before: { prescriptionId, ...before }, after: { prescriptionId, ...change }, subjectMemberId: memberIdOf(db, 'planId', found.planId) });
    });
    return planWithRir(ctx, found.planId);
  },
  'plans/add-prescription': ({ planId, sessionId, exerciseId }, ctx) => {
    const db = ctx.store.db;
    requireDraft(db, planId, 'changed');
    const info = planSessionInfo(db, sessionId);
    if (!info || info.planId !== planId) throw new StudioError('not_found', `plan ${planId} has no session with id ${sessionId}`, 'sessionId');
    const exercise = getExercises(db, [exerciseId]).get(exerciseId);
    if (!exercise) throw new StudioError('not_found', `there is no exercise with id "${exerciseId}"`, 'exerciseId');
    if (info.exerciseIds.includes(exerciseId)) throw new StudioError('conflict', `${exercise.name} is already in this session`, 'exerciseId');
    const header = listPlanHeaders(db, { planId })[0]!;
    const dose = baseDose(header.goal as MemberProfile['goal'], 'accessory', exercise, header.level as MemberProfile['level']);
    db.transaction((tx) => {
      const id = insertPrescription(tx, {
        planSessionId: sessionId, order: info.lastOrder + 1, exerciseId, sets: dose.sets, repMin: dose.repMin, repMax: dose.repMax,
        targetRir: info.targetRir, loadKg: null, restS: dose.restS, isCalibration: true, e1rmKg: null, editedAt: ctx.now().toISOString(),
        reason: `Added by the trainer; no load yet: work up to RIR ${info.targetRir} in the first session to calibrate.`,
      });
      recordAudit(tx, { ...auditActor(ctx), action: 'prescription.add', entity: 'plan', entityId: planId, after: { prescriptionId: id, sessionId, exerciseId }, subjectMemberId: memberIdOf(db, 'planId', planId) });
    });
    return planWithRir(ctx, planId);
  },
  'plans/undo': ({ planId }, ctx) => {
    const db = ctx.store.db;
    requireDraft(db, planId, 'changed');
    const last = undoableEdits(db, planId)[0];
    if (!last) throw new StudioError('conflict', 'there is no edit to undo', 'planId');
    const { prescriptionId, ...before } = last.before as { prescriptionId: number } & Partial<Editable>;
    db.transaction((tx) => {
      updatePrescription(tx, prescriptionId, before);
      recordAudit(tx, { ...auditActor(ctx), action: 'prescription.undo', entity: 'plan', entityId: planId, before: last.after, after: { undoneAuditId: last.id, prescriptionId, ...before }, subjectMemberId: memberIdOf(db, 'planId', planId) });
    });
    return planWithRir(ctx, planId);
  },
  'plans/approve': ({ planId }, ctx) => {
    const db = ctx.store.db;
    requireDraft(db, planId, 'approved');
    const staff = ctx.caller.staff;
    if (!staff) throw new StudioError('forbidden', 'approving a plan needs a trainer or manager');
    const at = ctx.now().toISOString();
    db.transaction((tx) => {
      setPlanStatus(tx, planId, { status: 'approved', approvedBy: staff.id, approvedAt: at });
      recordAudit(tx, { ...auditActor(ctx), action: 'plan.approve', entity: 'plan', entityId: planId, before: { status: 'draft' }, after: { status: 'approved', approvedAt: at }, subjectMemberId: memberIdOf(tx, 'planId', planId) });
    });
    return planWithRir(ctx, planId);
  },
  'plans/archive': ({ planId }, ctx) => {
    const db = ctx.store.db;
    const view = loadPlanView(db, planId);
    if (view.status === 'archived') throw new StudioError('conflict', 'the plan is already archived', 'planId');
    const at = ctx.now().toISOString();
    db.transaction((tx) => {
      setPlanStatus(tx, planId, { status: 'archived', archivedAt: at });
      recordAudit(tx, { ...auditActor(ctx), action: 'plan.archive', entity: 'plan', entityId: planId, before: { status: view.status }, after: { status: 'archived' }, subjectMemberId: view.memberId });
    });
    return planWithRir(ctx, planId);
  },
};
