/**
 * Recommendations for the exercises of a member's approved plan: the progression rule and the
 * RIR model (engine/progression; the rule is the product default, `defaultRule`), then the safety
 * layer (engine/safety). Loads round to the member's inventory (home gym, else the club's:
 * ../inventory/handlers.ts). Every override is
 * written to the audit log; the recommendation is stored with the rule state it leaves.
 */
import { DEFAULT_TARGET_RIR, roundToInventory, suggestNext, withConfidence, withRuleState } from '../../../engine/progression/index';
import type { RepsPredictor } from '../../../engine/progression/index';
import { rirModel } from '../../../engine/rir/model';
import type { RuleSpec, RuleSpecState } from '../../../engine/progression/deload';
import { defaultRule } from '../../../engine/progression/defaults';
import type { Prescribed, Recommendation } from '../../../engine/progression/types';
import { applySafety } from '../../../engine/safety/index';
import type { Exercise, Goal } from '../../../engine/types';
import { recordAudit } from '../../../db/audit';
import { allExercises } from '../../../db/exercises';
import { listPlanHeaders } from '../../../db/plans';
import { insertRecommendation, lastRuleState, supersedePending } from '../../../db/progression';
import { setsWithRirByExercise } from '../../../db/rir';
import { StudioError } from '../../contract/errors';
import { auditActor, type HandlerContext } from '../../host/context';
import { loadPlanView } from '../plans/handlers';
import { requireMember } from '../members/handlers';
import { learnMember } from '../rir/learn';
import { rirLoadModel } from '../rir/load-model';
import { activePopulation } from '../rir/population';
import { memberCheckInList, memberSessions } from './sources';
import { clubConstraints } from './constraints';
import { memberInventory } from '../inventory/handlers';

/**
 * The rule for a prescription: the product default (engine/progression/defaults.ts `defaultRule`,
 * RIR autoregulation for every goal), the same function the progression bench measures.
 */
export function ruleFor(goal: Goal, p: Prescribed, exercise: Exercise, unit: 'kg' | 'lb'): RuleSpec {
  return defaultRule(goal, p, exercise, unit);
}

function approvedPlanId(ctx: HandlerContext, memberId: number): number {
  const plans = listPlanHeaders(ctx.store.db, { memberId }).filter((p) => p.status === 'approved' || p.status === 'active');
  const plan = plans[0];
  if (!plan) throw new StudioError('conflict', 'the member has no approved plan: approve one first', 'memberId');
  return plan.id;
}

/** Generates, passes through safety, stores and returns the recommendations' ids. */
export function generateRecommendations(ctx: HandlerContext, memberId: number): number[] {
  const member = requireMember(ctx, memberId);
  const db = ctx.store.db;
  const plan = loadPlanView(db, approvedPlanId(ctx, memberId));
  const library = allExercises(db);
  const byId = new Map(library.map((e) => [e.id, e]));
  const sessions = memberSessions(db, memberId);
  const checkIns = memberCheckInList(db, memberId);
  const now = ctx.now();
  const population = activePopulation(ctx.store.path);
  const { state } = db.transaction((tx) => learnMember(tx, memberId, population, library));
  const loadModel = rirLoadModel(state, population, library, setsWithRirByExercise(db, memberId));
  const { inventory } = memberInventory(db, member);
  const constraints = clubConstraints(db);
  const seen = new Set<string>();
  const ids: number[] = [];
  for (const rx of plan.weeks[0]?.sessions.flatMap((s) => s.prescriptions) ?? []) {
    const exercise = byId.get(rx.exerciseId);
    const own = sessions.filter((s) => s.exerciseId === rx.exerciseId);
    if (!exercise || seen.has(rx.exerciseId) || own.length === 0) continue;
    seen.add(rx.exerciseId);
    const prescribed: Prescribed = { exerciseId: rx.exerciseId, sets: rx.sets, repMin: rx.repMin, repMax: rx.repMax, loadKg: rx.loadKg, restS: rx.restS, targetRir: rx.targetRir };
    const base = ruleFor(plan.goal, prescribed, exercise, member.preferredUnit);
    const stored = lastRuleState(db, memberId, rx.exerciseId) as RuleSpecState | null;
    // The confidence: the RIR model's prediction before the first working set at the suggested load.
    const predict: RepsPredictor = (loadKg) => rirModel.predictReps(state, population, exercise, library, { memberId, exerciseId: rx.exerciseId, loadKg, setIndex: 1, at: now.toISOString() });
    const out = suggestNext({
      memberId, exercise, prescribed, sessions: own, checkIns, rule: stored ? withRuleState(base, stored) : base, inventory,
      now: now.toISOString(),
      model: { loadFor: (reps, rir) => loadModel.loadFor(rx.exerciseId, reps + rir), predict },
    });
    const decision = applySafety(out.recommendation, {
      now: now.toISOString(), checkIn: checkIns[0] ?? null, history: own,
      roundDownKg: (kg) => roundToInventory(kg, exercise.equipment, inventory, 'down', exercise.id),
    }, constraints);
    // Safety may have cut or replaced the load: the confidence is for what is finally suggested.
    const rec: Recommendation = withConfidence(decision.recommendation ?? out.recommendation, predict, DEFAULT_TARGET_RIR);
    ids.push(db.transaction((tx) => {
      supersedePending(tx, memberId, rx.exerciseId);
      const id = insertRecommendation(tx, {
        memberId, exerciseId: rx.exerciseId, prescriptionId: rx.id, type: rec.type, body: rec,
        safetyStatus: decision.status, overrides: decision.overrides, ruleState: out.ruleState, status: 'pending',
      });
      for (const o of decision.overrides) {
        recordAudit(tx, { ...auditActor(ctx), action: `safety.${o.kind}`, entity: 'recommendation', entityId: id, before: o.before, after: { reason: o.reason, after: o.after }, subjectMemberId: memberId });
      }
      return id;
    }));
  }
  if (ids.length === 0) throw new StudioError('conflict', "none of the approved plan's exercises has logged history to progress from", 'memberId');
  return ids;
}
