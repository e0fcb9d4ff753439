/**
 * The Today (trainer) and Club (manager) dashboards (issue 12, part 5). A trainer sees their
 * own and unassigned members only; "not trained" counts logged sets and class check-ins.
 */
import { clubLocalToUtc, utcToClubLocal } from '../../../engine/classes/club-time';
import { clubStats } from '../../../engine/classes/club-stats';
import type { ClassSummary } from '../../../engine/classes/summary';
import { getSummary, occurrencesBetween } from '../../../db/classes';
import { endedClasses, lastCheckIns } from '../../../db/classes-stats';
import { listMembers, memberStats } from '../../../db/members';
import { listPlanHeaders } from '../../../db/plans';
import { listAdjustments } from '../../../db/progression';
import type { ClubStatsView, TodayView } from '../../contract/classes-views';
import { coachesMember } from '../../host/access';
import type { HandlerContext } from '../../host/context';
import { StudioError } from '../../contract/errors';
import { clubNames, occurrenceViews } from './views';

const DAY = 86_400_000;

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

/** UTC bounds of club-local days `[from, to]` (inclusive dates). */
function dayBounds(from: string, to: string, tz: string): [string, string] {
  return [new Date(clubLocalToUtc(from, 0, tz)).toISOString(), new Date(clubLocalToUtc(nextDate(to), 0, tz)).toISOString()];
}

function inactiveMembers(ctx: HandlerContext, days: number): TodayView['inactiveMembers'] {
  const db = ctx.store.db;
  const list = listMembers(db).filter((m) => coachesMember(ctx.caller, m.trainerStaffId));
  const stats = memberStats(db, list.map((m) => m.id));
  const classes = lastCheckIns(db);
  const nowMs = ctx.now().getTime();
  return list.map((m) => {
    const dates = [stats.get(m.id)?.lastTrainedAt ?? null, classes.get(m.id) ?? null].filter((d): d is string => d !== null).sort();
    const last = dates.at(-1) ?? null;
    const since = last === null ? null : Math.floor((nowMs - Date.parse(last)) / DAY);
    return { memberId: m.id, name: m.name, lastTrainedAt: last, days: since };
  }).filter((m) => m.days === null || m.days >= days).sort((a, b) => (b.days ?? 1e9) - (a.days ?? 1e9) || a.name.localeCompare(b.name));
}

export function today(ctx: HandlerContext, input: { date?: string; inactiveDays: number }): TodayView {
  const db = ctx.store.db;
  const names = clubNames(db);
  const date = input.date ?? utcToClubLocal(ctx.now().getTime(), names.timezone).date;
  const [from, to] = dayBounds(date, date, names.timezone);
  const classes = occurrenceViews(db, occurrencesBetween(db, from, to).filter((o) => o.status !== 'cancelled'), names);
  const summaries = classes.filter((c) => c.hasSummary).map((c) => {
    const s = getSummary(db, c.id)!.body as ClassSummary;
    return { occurrenceId: c.id, className: c.className, startsAt: c.startsAt, engagement: s.engagement.score, checkedIn: s.attendance.checkedIn, booked: s.attendance.booked, predicted: s.attendance.predicted };
  });
  const pendingPlans = listPlanHeaders(db, { status: 'draft' }).filter((p) => coachesMember(ctx.caller, p.trainerStaffId))
    .map((p) => ({ planId: p.id, memberId: p.memberId, memberName: p.memberName, name: p.name, createdAt: p.createdAt }));
  const pendingReviews = listAdjustments(db, { status: 'pending' }).filter((a) => coachesMember(ctx.caller, a.trainerStaffId))
    .map((a) => ({ adjustmentId: a.id, memberId: a.memberId, memberName: a.memberName, week: a.week, createdAt: a.createdAt }));
  return { date, timezone: names.timezone, classes, summaries, pendingPlans, pendingReviews, inactiveMembers: inactiveMembers(ctx, input.inactiveDays), inactiveDays: input.inactiveDays };
}

export function clubStatsView(ctx: HandlerContext, input: { from: string; to: string }): ClubStatsView {
  const db = ctx.store.db;
  if (input.from > input.to) throw new StudioError('invalid_input', `from (${input.from}) is after to (${input.to})`, 'from');
  if (Date.parse(input.to) - Date.parse(input.from) > 400 * DAY) throw new StudioError('invalid_input', 'at most 400 days at once', 'from');
  const names = clubNames(db);
  const [from, to] = dayBounds(input.from, input.to, names.timezone);
  const rows = endedClasses(db, from, to).map((r) => ({ ...r, className: names.className(r.classTypeId, r.className) }));
  return { from: input.from, to: input.to, timezone: names.timezone, ...clubStats(rows) };
}
