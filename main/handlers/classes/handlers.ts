/**
 * Classes in action at the host (issue 12): occurrences, bookings and the waitlist, check-in,
 * the policy, notifications, ending classes, summaries (and their PDF), the dashboards and the
 * clock job's step.
 */
import { recordAudit } from '../../../db/audit';
import { bookingsOf, countUnread, listNotifications, markRead, memberBookings, occurrencesOfWeek } from '../../../db/classes';
import { auditActor, actorOf } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { book, cancel, occurrencePolicy, releaseNoShows, requireOccurrence, setCapacity } from './bookings';
import { checkIn, memberCard } from './check-in';
import { clockTick } from './clock';
import { clubStatsView, today } from './dashboards';
import { endClass, saveNotes, summaryView } from './end-class';
import { loadPolicy, savePolicy } from './policy-store';
import { summaryPdf } from './summary-pdf';
import { bookingViews, clubNames, occurrenceView, occurrenceViews } from './views';
import { StudioError } from '../../contract/errors';
import type { Db } from '../../../db/open';
import type { OccurrenceDetail } from '../../contract/classes-views';
import { noShowsDue } from '../../../engine/classes/policy';
import { utcToClubLocal } from '../../../engine/classes/club-time';
import { mondayOf } from '../../../engine/e1rm/dates';

function detail(db: Db, occurrenceId: number): OccurrenceDetail {
  const occ = requireOccurrence(db, occurrenceId);
  return { ...occurrenceView(db, occ), bookings: bookingViews(bookingsOf(db, occ.id)), trainerNotes: occ.trainerNotes, policy: occurrencePolicy(db, occ) };
}

export const classesHandlers: PartialHandlers = {
  'classes/week': ({ weekStart }, ctx) => {
    const db = ctx.store.db;
    const names = clubNames(db);
    const now = ctx.now();
    const today = utcToClubLocal(now.getTime(), names.timezone).date;
    const week = weekStart ?? mondayOf(Date.parse(`${today}T00:00:00Z`));
    return { weekStart: week, today, now: now.toISOString(), timezone: names.timezone, classes: occurrenceViews(db, occurrencesOfWeek(db, week), names) };
  },

  'classes/occurrence': ({ occurrenceId }, ctx) => detail(ctx.store.db, occurrenceId),

  'classes/book': (input, ctx) => book(ctx, input),

  'classes/cancel': (input, ctx) => cancel(ctx, input),

  'classes/set-capacity': ({ occurrenceId, capacity }, ctx) => {
    setCapacity(ctx, occurrenceId, capacity);
    return detail(ctx.store.db, occurrenceId);
  },

  'classes/check-in': (input, ctx) => checkIn(ctx, input),

  'classes/release-no-shows': ({ occurrenceId }, ctx) => {
    const db = ctx.store.db;
    const occ = requireOccurrence(db, occurrenceId);
    const p = occurrencePolicy(db, occ);
    if (!noShowsDue(p, Date.parse(occ.startsAt), ctx.now().getTime())) {
      throw new StudioError('conflict', `no-shows are released ${p.noShowReleaseMin} min after the start (noShowReleaseMin)`, 'noShowReleaseMin');
    }
    db.transaction((tx) => releaseNoShows(tx, occ, ctx.now().getTime()));
    return detail(db, occurrenceId);
  },

  'classes/end': ({ occurrenceId, notes }, ctx) => {
    // The live monitor's pending samples go in first (the summary reads them), then its state ends.
    ctx.live?.flush();
    const summary = endClass(ctx.store.db, occurrenceId, ctx.now(), auditActor(ctx), notes);
    ctx.live?.end(occurrenceId);
    return summary;
  },

  'classes/notes': ({ occurrenceId, notes }, ctx) => {
    saveNotes(ctx, occurrenceId, notes);
    return detail(ctx.store.db, occurrenceId);
  },

  'classes/summary': ({ occurrenceId }, ctx) => summaryView(ctx.store.db, occurrenceId),

  'classes/summary-pdf': async ({ occurrenceId }, ctx) => {
    const v = summaryView(ctx.store.db, occurrenceId);
    return summaryPdf(v.occurrence, v.summary);
  },

  'classes/member-card': ({ memberId, reissue }, ctx) => memberCard(ctx.store.db, memberId, reissue),

  'classes/member-bookings': ({ memberId }, ctx) => {
    const db = ctx.store.db;
    const names = clubNames(db);
    const from = new Date(ctx.now().getTime() - 86_400_000).toISOString();
    return memberBookings(db, memberId, from).map(({ booking, occurrence }) => {
      const view = bookingViews(bookingsOf(db, occurrence.id)).find((b) => b.id === booking.id)!;
      return { ...view, className: names.className(occurrence.classTypeId, occurrence.className), startsAt: occurrence.startsAt, timezone: names.timezone, roomName: names.room(occurrence.roomId) };
    });
  },

  'classes/policy': (_input, ctx) => loadPolicy(ctx.store.db),

  'classes/set-policy': ({ policy }, ctx) => {
    const db = ctx.store.db;
    const before = loadPolicy(db);
    db.transaction((tx) => {
      savePolicy(tx, policy, actorOf(ctx));
      recordAudit(tx, { ...auditActor(ctx), action: 'classes.policy', entity: 'settings', entityId: 'classes.policy', before, after: policy });
    });
    return loadPolicy(db);
  },

  'classes/today': (input, ctx) => today(ctx, input),

  'classes/club-stats': (input, ctx) => clubStatsView(ctx, input),

  'classes/clock-tick': (_input, ctx) => clockTick(ctx),

  'notifications/list': ({ unreadOnly, limit }, ctx) => ({
    unread: countUnread(ctx.store.db),
    items: listNotifications(ctx.store.db, { unreadOnly, limit }).map((n) => ({
      id: n.id, createdAt: n.createdAt, kind: n.kind, message: n.message, audience: n.audience, memberId: n.memberId, occurrenceId: n.occurrenceId, readAt: n.readAt,
    })),
  }),

  'notifications/read': ({ ids }, ctx) => ({ marked: markRead(ctx.store.db, ids ?? null, actorOf(ctx), ctx.now().toISOString()) }),
};
