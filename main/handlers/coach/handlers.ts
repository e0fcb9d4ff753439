/**
 * The coach's operations at the host (issue 13): status and models, loading a model with progress,
 * the conversation, asking (text chunks streamed as progress messages), deciding pending actions,
 * PT appointments and member feedback.
 */
import { appointmentsBetween, insertFeedback } from '../../../db/coach';
import { recordAudit } from '../../../db/audit';
import { getMember } from '../../../db/members';
import { readClubSetup } from '../../../db/schedule';
import { clubLocalToUtc, utcToClubLocal } from '../../../engine/classes/club-time';
import { addDays } from '../../../engine/coach/when';
import { StudioError } from '../../contract/errors';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import { coachesMember } from '../../host/access';
import type { PartialHandlers } from '../../host/registry';
import type { CoachService } from '../../coach/service';
import { appointmentView, bookAppointment } from './appointments';

function coachOf(ctx: HandlerContext): CoachService {
  if (!ctx.coach) throw new StudioError('internal', 'the coach is not available in this process');
  return ctx.coach;
}

export const coachHandlers: PartialHandlers = {
  'coach/status': (_i, ctx) => coachOf(ctx).status(),
  'coach/models': (_i, ctx) => coachOf(ctx).models(),
  'coach/load-model': async ({ path, maxTokens }, ctx) => {
    const status = await coachOf(ctx).loadModel(path, { maxTokens, staffId: actorOf(ctx), onProgress: (f) => ctx.progress(f, `loading ${Math.round(f * 100)} %`) });
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'coach.load_model', entity: 'settings', entityId: 'coach.model', after: { file: status.model?.file, loadMs: status.model?.loadMs } });
    return status;
  },
  'coach/unload-model': (_i, ctx) => coachOf(ctx).unloadModel(actorOf(ctx)),
  'coach/conversation': ({ memberId }, ctx) => coachOf(ctx).conversation(ctx, memberId),
  'coach/ask': ({ memberId, text, dryRun }, ctx) => coachOf(ctx).ask(ctx, { memberId, text }, {
    signal: ctx.signal, dryRun,
    onChunk: (text, tokens) => ctx.progress(tokens / Math.max(1, coachOf(ctx).maxTokens()), text),
  }),
  'coach/decide': ({ actionId, decision }, ctx) => coachOf(ctx).decide(ctx, actionId, decision),
  'appointments/book': (input, ctx) => bookAppointment(ctx, input),
  'appointments/list': ({ memberId, from, days }, ctx) => {
    const db = ctx.store.db;
    const setup = readClubSetup(db);
    const tz = setup?.timezone ?? 'UTC';
    const start = from ?? utcToClubLocal(ctx.now().getTime(), tz).date;
    const rows = appointmentsBetween(db, new Date(clubLocalToUtc(start, 0, tz)).toISOString(), new Date(clubLocalToUtc(addDays(start, days), 0, tz)).toISOString(), memberId !== undefined ? { memberId } : {});
    return rows.filter((r) => coachesMember(ctx.caller, getMember(db, r.memberId)?.trainerStaffId ?? null)).map((r) => appointmentView(db, r, setup));
  },
  'members/feedback': ({ memberId, text, rating, source }, ctx) => {
    const db = ctx.store.db;
    if (!getMember(db, memberId)) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
    return db.transaction((tx) => {
      const row = insertFeedback(tx, { memberId, staffId: actorOf(ctx), text, rating: rating ?? null, source, createdAt: ctx.now().toISOString() });
      recordAudit(tx, { ...auditActor(ctx), action: 'member.feedback', entity: 'member_feedback', entityId: row.id, after: { text, rating: rating ?? null, source }, subjectMemberId: memberId });
      return { id: row.id, memberId, text: row.text, rating: row.rating, source: row.source, createdAt: row.createdAt };
    });
  },
};
