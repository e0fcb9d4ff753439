/**
 * `onboarding/create`: questionnaire (+ optional baseline test) → member profile and a DRAFT plan
 * through the plan path (db/plans `insertPlan`, approved with `plans/approve`).
 *
 * One transaction: the member is created (or their planning fields replaced by the answers), the
 * validated answers are stored with the member (`members.questionnaire`, `questionnaire_at`),
 * the plan is generated (engine/onboarding `onboardPlan`) and inserted as a draft, all audited.
 * Bad answers never leave a member behind. Strength standards are read from the shared
 * OpenPowerlifting percentiles file (`STUDIO_STRENGTH_STANDARDS`, default
 * `../shared/data/openpowerlifting/opl_raw_sbd_percentiles_by_sex_weightclass.csv` from the
 * working directory); when it is absent the plan uses the planner's body-mass prior and says so.
 * The RIR load model is not used here (a new member has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { onboardPlan, parseStrengthStandards } from '../../../engine/onboarding/index';
import type { StrengthStandards } from '../../../engine/onboarding/index';
import { recordAudit } from '../../../db/audit';
import { allExercises } from '../../../db/exercises';
import { memberSetRecords } from '../../../db/history';
import { createMember, updateMember } from '../../../db/members';
import { insertPlan } from '../../../db/plans';
import { StudioError } from '../../contract/errors';
import type { OnboardingView } from '../../contract/index';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { requireMember } from '../members/handlers';
import { loadPlanView, memberProfile } from '../plans/handlers';

export const DEFAULT_STANDARDS_CSV = '../shared/data/openpowerlifting/opl_raw_sbd_percentiles_by_sex_weightclass.csv';

let cached: { path: string; table: StrengthStandards | null } | null = null;

/** The parsed standards file, or null when it is not there (cached per path). */
export function strengthStandards(): { path: string; table: StrengthStandards | null } {
  const path = resolve(process.env.STUDIO_STRENGTH_STANDARDS ?? DEFAULT_STANDARDS_CSV);
  if (cached?.path === path) return cached;
  cached = { path, table: existsSync(path) ? parseStrengthStandards(readFileSync(path, 'utf8')) : null };
  return cached;
}

const GOAL_TEXT: Readonly<Record<string, string>> = { strength: 'strength', hypertrophy: 'hypertrophy', general_fitness: 'general fitness', endurance: 'endurance' };

export const onboardingHandlers: PartialHandlers = {
  'onboarding/create': (input, ctx: HandlerContext) => {
    const db = ctx.store.db;
    const q = input.questionnaire;
    if (input.memberId !== undefined) requireMember(ctx, input.memberId);
    const standards = strengthStandards();
    const library = allExercises(db);
    const at = ctx.now().toISOString();
    return db.transaction((tx) => {
      let memberId: number;
      const created = input.newMember !== undefined;
      if (input.newMember !== undefined) {
        const nm = input.newMember;
        const assigned = nm.trainerStaffId !== undefined ? nm.trainerStaffId : ctx.caller.staff?.role === 'trainer' ? ctx.caller.staff.id : null;
        if (assigned !== null && ctx.caller.staff?.role === 'trainer' && assigned !== ctx.caller.staff.id) {
          throw new StudioError('forbidden', 'a trainer can only onboard a member for themselves; a manager can assign another trainer', 'newMember.trainerStaffId');
        }
        const row = createMember(tx, {
          name: nm.name, goal: q.goal, level: q.experience, daysPerWeek: q.daysPerWeek, sessionMinutes: q.sessionMinutes,
          equipment: [], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: nm.preferredUnit,
          bodyMassKg: q.bodyMassKg, sex: q.sex, birthYear: nm.birthYear, notes: '', isDemo: false, trainerStaffId: assigned,
        });
        memberId = row.id;
        recordAudit(tx, { ...auditActor(ctx), action: 'member.create', entity: 'member', entityId: memberId, after: row, subjectMemberId: memberId });
      } else {
        memberId = input.memberId!;
      }
      const before = requireMember(ctx, memberId);
      const profile = memberProfile(ctx, memberId);
      const result = onboardPlan({
        member: profile, sex: q.sex ?? before.sex, questionnaire: q, ...(input.assessment ? { assessment: input.assessment } : {}),
        library, history: memberSetRecords(tx, memberId), standards: standards.table, weeks: input.weeks, now: at,
      });
      const m = result.member;
      const patch = {
        goal: m.goal, level: m.level, daysPerWeek: m.daysPerWeek, sessionMinutes: m.sessionMinutes, equipment: m.equipment,
        excludedMuscles: m.excludedMuscles, excludedPatterns: m.excludedPatterns, excludedExerciseIds: m.excludedExerciseIds,
        bodyMassKg: m.bodyMassKg, sex: q.sex ?? before.sex,
        questionnaire: result.questionnaire as unknown as Record<string, unknown>, questionnaireAt: at,
      };
      const after = updateMember(tx, memberId, patch);
      recordAudit(tx, { ...auditActor(ctx), action: 'member.onboard', entity: 'member', entityId: memberId, before, after: { ...patch, assessment: input.assessment ?? null }, subjectMemberId: memberId });
      const draft = result.draft;
      const name = `${String(draft.weeks.length)}-week ${GOAL_TEXT[draft.goal] ?? draft.goal} starter plan (${result.template.name})`;
      const planId = insertPlan(tx, draft, { name, createdBy: actorOf(ctx), generatedBy: 'ai' });
      recordAudit(tx, { ...auditActor(ctx), action: 'plan.generate', entity: 'plan', entityId: planId, after: { memberId, weeks: draft.weeks.length, onboarding: true, template: result.template.key }, subjectMemberId: memberId });
      const view: OnboardingView = {
        memberId, memberName: before.name, createdMember: created, planId, template: result.template,
        assessed: result.assessed.map((a) => ({ lift: a.lift, exerciseId: a.exerciseId, exerciseName: a.exerciseName, loadKg: a.loadKg, reps: a.reps, rir: a.rir, e1rmKg: a.e1rmKg, lowKg: a.lowKg, highKg: a.highKg, startE1rmKg: a.startE1rmKg })),
        sources: result.sources, standards: standards.table === null ? null : standards.path, plan: loadPlanView(tx, planId),
      };
      return view;
    });
  },
};
