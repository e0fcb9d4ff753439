/**
 * Ending a class (issue 12, parts 2 and 4): unchecked bookings become no-shows, the class's
 * attendance goes into `class_attendance` (so the scheduler's demand calibration learns from
 * real classes), and the post-class summary is generated and stored. Used by `classes/end`
 * and by the host's clock job after a class's end time.
 */
import { summarizeClass, type ClassSummary } from '../../../engine/classes/summary';
import { recordAudit } from '../../../db/audit';
import { alertsOf, bookingsOf, getOccurrence, getSummary, heartRateSeries, putSummary, updateOccurrence, type OccurrenceRow } from '../../../db/classes';
import { bestE1rmBefore, setsBetween } from '../../../db/classes-stats';
import { upsertAttendance } from '../../../db/schedule';
import { wasSimulated } from '../../../db/live';
import { heartLimits } from '../../../engine/live/zones';
import { heartProfiles } from '../../live/profiles';
import { liveSettings } from '../../live/settings';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { ClassSummaryView } from '../../contract/classes-views';
import { auditActor, type HandlerContext } from '../../host/context';
import { occurrencePolicy, releaseNoShows, requireOccurrence } from './bookings';
import { clubNames, occurrenceView } from './views';

/** Builds the summary of an occurrence from what is stored. */
export function buildSummary(db: Db, occ: OccurrenceRow, generatedAt: string): ClassSummary {
  const names = clubNames(db);
  const bookings = bookingsOf(db, occ.id);
  const present = bookings.filter((b) => b.status === 'checked_in').map((b) => b.memberId);
  // The same rest and max as the live monitor (main/live/profiles.ts, engine/live/zones.ts).
  const profiles = heartProfiles(db, present, occ.startsAt);
  const limits = new Map<number, { restBpm: number; maxBpm: number; maxSource: string }>();
  for (const m of present) {
    const l = heartLimits(profiles.get(m)!);
    if (l) limits.set(m, { restBpm: l.restBpm, maxBpm: l.maxSource === 'tanaka' ? Math.round(l.maxBpm) : l.maxBpm, maxSource: l.maxSource });
  }
  const endIso = occ.endedAt && occ.endedAt < occ.endsAt ? occ.endedAt : occ.endsAt;
  const best = bestE1rmBefore(db, present, occ.startsAt);
  const sets = setsBetween(db, present, occ.startsAt, endIso).map((s) => ({ ...s, previousBestKg: best.get(`${s.memberId}|${s.exerciseName}`) ?? null }));
  const summary = summarizeClass({
    occurrence: {
      id: occ.id, className: names.className(occ.classTypeId, occ.className), date: occ.date, startMin: occ.startMin, durationMin: occ.durationMin,
      startsAtMs: Date.parse(occ.startsAt), endsAtMs: Date.parse(occ.endsAt), roomName: names.room(occ.roomId), trainerName: names.trainer(occ.trainerId),
      capacity: occ.capacity, predicted: occ.predicted,
    },
    bookings: bookings.map((b) => ({ memberId: b.memberId, name: b.memberName, status: b.status, walkIn: b.walkIn })),
    heartRates: heartRateSeries(db, occ.id),
    limits, zoneBands: liveSettings(db).bands, targetZone: occurrencePolicy(db, occ).targetZone, sets,
    alerts: alertsOf(db, occ.id), trainerNotes: occ.trainerNotes, generatedAt,
  });
  // Heart rates from the live monitor's simulated feed are labelled as such wherever the summary shows.
  if (summary.heartRate.available && wasSimulated(db, occ.id)) summary.heartRate.note = `SIMULATED feed: ${summary.heartRate.note}`;
  return summary;
}

/** Records the class in `class_attendance` (replacing an earlier record of the same class). */
function recordAttendance(tx: Db, occ: OccurrenceRow, s: ClassSummary): void {
  upsertAttendance(tx, [{
    date: occ.date, classTypeId: occ.classTypeId, startMin: occ.startMin, roomId: occ.roomId, trainerId: occ.trainerId,
    capacity: occ.capacity, booked: s.attendance.booked, attended: s.attendance.checkedIn, waitlisted: s.attendance.waitlistLeft,
  }]);
}

/** Ends a class at `now` (no-shows, attendance, summary) in one transaction. */
export function endClass(db: Db, occurrenceId: number, now: Date, audit: ReturnType<typeof auditActor>, notes?: string): ClassSummaryView {
  const occ = getOccurrence(db, occurrenceId);
  if (!occ) throw new StudioError('not_found', `there is no class with id ${occurrenceId}`, 'occurrenceId');
  if (occ.status === 'ended') throw new StudioError('conflict', `${occ.className} has already ended`, 'occurrenceId');
  if (occ.status === 'cancelled') throw new StudioError('conflict', `${occ.className} was cancelled`, 'occurrenceId');
  if (now.getTime() < Date.parse(occ.startsAt)) throw new StudioError('conflict', `${occ.className} has not started yet`, 'occurrenceId');
  const at = now.toISOString();
  db.transaction((tx) => {
    releaseNoShows(tx, occ, now.getTime(), true);
    updateOccurrence(tx, occ.id, { status: 'ended', endedAt: at, ...(notes === undefined ? {} : { trainerNotes: notes }) });
    const ended = getOccurrence(tx, occ.id)!;
    const summary = buildSummary(tx, ended, at);
    putSummary(tx, occ.id, at, summary);
    recordAttendance(tx, ended, summary);
    recordAudit(tx, { ...audit, action: 'classes.end', entity: 'class_occurrence', entityId: occ.id, after: { attended: summary.attendance.checkedIn, engagement: summary.engagement.score } });
  });
  return summaryView(db, occurrenceId);
}

export function summaryView(db: Db, occurrenceId: number): ClassSummaryView {
  const occ = requireOccurrence(db, occurrenceId);
  const s = getSummary(db, occurrenceId);
  if (!s) throw new StudioError('not_found', `${occ.className} on ${occ.date} has no summary yet (it is ${occ.status})`, 'occurrenceId');
  return { occurrence: occurrenceView(db, occ), generatedAt: s.generatedAt, summary: s.body as ClassSummary };
}

/** Saves trainer notes; an ended class's summary is regenerated with them. */
export function saveNotes(ctx: HandlerContext, occurrenceId: number, notes: string): void {
  const db = ctx.store.db;
  const occ = requireOccurrence(db, occurrenceId);
  db.transaction((tx) => {
    updateOccurrence(tx, occ.id, { trainerNotes: notes });
    if (occ.status === 'ended') {
      const at = ctx.now().toISOString();
      putSummary(tx, occ.id, at, buildSummary(tx, { ...occ, trainerNotes: notes }, at));
    }
  });
}
