/** Check-ins, recommendations with feedback, preference insights and the weekly review (issue 3). */
import { insertCheckIn, listAdjustments, getAdjustment, listRecommendations, getRecommendation, memberCheckIns } from '../../../db/progression';
import { auditActor } from '../../host/context';
import { coachesMember } from '../../host/access';
import { recordAudit } from '../../../db/audit';
import type { PartialHandlers } from '../../host/registry';
import { requireMember } from '../members/handlers';
import { generateRecommendations } from './recommend';
import { giveFeedback, insightsFor, recommendationViews } from './feedback';
import { adjustmentView, analyzeMemberWeek, decideAdjustment, exerciseNames } from './weekly';
import { toCheckIn } from './sources';
import { adjustSession } from './session';
import { CONSTRAINTS_KEY, clubConstraints } from './constraints';
import { validateConstraints } from '../../../engine/safety/index';
import { putSetting } from '../../../db/settings';
import { listPlanHeaders } from '../../../db/plans';
import { StudioError } from '../../contract/errors';
import type { PlanAdjustmentView, WeeklyRunView } from '../../contract/index';

export const progressionHandlers: PartialHandlers = {
  'checkins/create': (input, ctx) => {
    requireMember(ctx, input.memberId);
    const row = ctx.store.db.transaction((tx) => {
      const r = insertCheckIn(tx, { ...input, painNote: input.painNote ?? null, at: ctx.now().toISOString() });
      recordAudit(tx, { ...auditActor(ctx), action: 'checkin.create', entity: 'member', entityId: input.memberId, after: r, subjectMemberId: input.memberId });
      return r;
    });
    return { ...toCheckIn(row), id: row.id, memberId: row.memberId };
  },
  'checkins/list': ({ memberId }, ctx) => {
    requireMember(ctx, memberId);
    return memberCheckIns(ctx.store.db, memberId).map((r) => ({ ...toCheckIn(r), id: r.id, memberId: r.memberId }));
  },
  'recommendations/generate': ({ memberId }, ctx) => {
    const ids = generateRecommendations(ctx, memberId);
    return recommendationViews(ctx.store.db, ids.map((id) => getRecommendation(ctx.store.db, id)!));
  },
  'recommendations/list': ({ memberId, status }, ctx) => {
    requireMember(ctx, memberId);
    return recommendationViews(ctx.store.db, listRecommendations(ctx.store.db, memberId, status));
  },
  'recommendations/feedback': (input, ctx) => giveFeedback(ctx, input),
  'preferences/insights': ({ memberId }, ctx) => {
    requireMember(ctx, memberId);
    return insightsFor(ctx, memberId);
  },
  'weekly/analyze': ({ memberId, weekStart }, ctx) => {
    const id = analyzeMemberWeek(ctx, memberId, weekStart);
    return adjustmentView(getAdjustment(ctx.store.db, id)!, exerciseNames(ctx.store.db));
  },
  'weekly/analyze-all': ({ weekStart }, ctx) => {
    const names = exerciseNames(ctx.store.db);
    const members = listPlanHeaders(ctx.store.db, {}).filter((p) => (p.status === 'approved' || p.status === 'active') && coachesMember(ctx.caller, p.trainerStaffId)).filter((p, i, all) => all.findIndex((q) => q.memberId === p.memberId) === i);
    const analyzed: PlanAdjustmentView[] = [];
    const skipped: WeeklyRunView['skipped'] = [];
    for (const p of members) {
      try {
        analyzed.push(adjustmentView(getAdjustment(ctx.store.db, analyzeMemberWeek(ctx, p.memberId, weekStart))!, names));
      } catch (err) {
        if (!(err instanceof StudioError)) throw err;
        skipped.push({ memberId: p.memberId, memberName: p.memberName, reason: err.message });
      }
    }
    return { analyzed, skipped };
  },
  'session/adjust': (input, ctx) => adjustSession(ctx, input),
  'safety/constraints': (_input, ctx) => clubConstraints(ctx.store.db),
  'safety/set-constraints': ({ constraints }, ctx) => {
    const before = clubConstraints(ctx.store.db);
    const after = validateConstraints(constraints);
    ctx.store.db.transaction((tx) => {
      putSetting(tx, CONSTRAINTS_KEY, after, ctx.caller.staff?.id ?? null);
      recordAudit(tx, { ...auditActor(ctx), action: 'safety.constraints', entity: 'settings', entityId: CONSTRAINTS_KEY, before, after });
    });
    return after;
  },
  'weekly/pending': (_input, ctx) => {
    const names = exerciseNames(ctx.store.db);
    return listAdjustments(ctx.store.db, { status: 'pending' }).filter((r) => coachesMember(ctx.caller, r.trainerStaffId)).map((r) => adjustmentView(r, names));
  },
  'weekly/decide': (input, ctx) => {
    decideAdjustment(ctx, input);
    return adjustmentView(getAdjustment(ctx.store.db, input.adjustmentId)!, exerciseNames(ctx.store.db));
  },
};
