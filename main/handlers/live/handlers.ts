/** The live class monitor's operations: tickets for the WebSocket, the class state, the simulator, acknowledgements, settings. */
import { recordAudit } from '../../../db/audit';
import { StudioError } from '../../contract/errors';
import { auditActor, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { LIVE_PATH } from '../../live/hub';
import type { LiveService } from '../../live/service';
import { liveSettings, putLiveSettings } from '../../live/settings';

function liveOf(ctx: HandlerContext): LiveService {
  if (!ctx.live) throw new StudioError('internal', 'the live monitor is not running in this process');
  return ctx.live;
}

export const liveHandlers: PartialHandlers = {
  'live/ticket': ({ purpose }, ctx) => {
    const staffId = ctx.caller.staff?.id;
    if (staffId === undefined) throw new StudioError('unauthorized', 'sign in to open the live monitor');
    return { ...liveOf(ctx).tickets.issue({ staffId, purpose }), path: LIVE_PATH };
  },
  'live/state': ({ occurrenceId }, ctx) => liveOf(ctx).view(occurrenceId),
  'live/start-simulated': ({ occurrenceId, seed, speed }, ctx) => {
    const view = liveOf(ctx).startSimulated(occurrenceId, { seed, speed });
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'live.simulate.start', entity: 'class_occurrence', entityId: occurrenceId, after: { seed, speed, simulated: true } });
    return view;
  },
  'live/stop-simulated': ({ occurrenceId }, ctx) => {
    const view = liveOf(ctx).stopSimulated(occurrenceId);
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'live.simulate.stop', entity: 'class_occurrence', entityId: occurrenceId });
    return view;
  },
  'live/acknowledge': ({ occurrenceId, alertId }, ctx) => {
    const alert = liveOf(ctx).acknowledge(occurrenceId, alertId, ctx.caller.staff?.id ?? null);
    recordAudit(ctx.store.db, {
      ...auditActor(ctx), action: 'live.alert.acknowledge', entity: 'class_occurrence', entityId: occurrenceId,
      after: { alertId, kind: alert.kind, memberId: alert.memberId, raisedAt: alert.raisedAt, acknowledgedAt: alert.acknowledgedAt }, subjectMemberId: alert.memberId,
    });
    return alert;
  },
  'live/settings': (_input, ctx) => liveSettings(ctx.store.db),
  'live/set-settings': (patch, ctx) => {
    const before = liveSettings(ctx.store.db);
    const after = putLiveSettings(ctx.store.db, patch, ctx.caller.staff?.id ?? null);
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'live.settings', entity: 'settings', entityId: 'live.monitor', before, after });
    return after;
  },
};
