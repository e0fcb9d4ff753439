/** Suggestions for a published week and the next 7 days (`schedule/adjustments`). */
import { suggestAdjustments } from '../../../engine/scheduler/adjust';
import { dateOfWeekday } from '../../../engine/scheduler/candidates';
import { demandFromTable } from '../../../engine/scheduler/demand/club-demand';
import type { ScheduledClass } from '../../../engine/scheduler/types';
import { allAttendance, publishedScenario, readClubSetup } from '../../../db/schedule';
import type { AdjustmentsView } from '../../contract/schedule-views';
import type { HandlerContext } from '../../host/context';
import { scenarioParts } from './views';

export function adjustments(ctx: HandlerContext, weekStart: string): AdjustmentsView {
  const db = ctx.store.db;
  const row = publishedScenario(db, weekStart);
  const to = dateOfWeekday(weekStart, 13);
  if (!row) return { weekStart, publishedId: null, from: weekStart, to, suggestions: [], absences: [] };
  const p = scenarioParts(row);
  const observed = allAttendance(db).map((r) => ({
    classTypeId: r.classTypeId, weekday: r.weekday, startMin: r.startMin, roomId: r.roomId, date: r.date,
    booked: r.booked, attended: r.attended, waitlisted: r.waitlisted, capacity: r.capacity,
  }));
  const found = suggestAdjustments(p.club, p.timetable, observed, { demand: demandFromTable(p.demand) });
  const name = (id: string) => p.setup.classTypes.find((c) => c.id === id)?.name ?? id;
  const place = (c: ScheduledClass | undefined) => (c ? { weekday: c.weekday, startMin: c.startMin, roomId: c.roomId } : null);
  // Absences from the current setup that touch this published week or next week's.
  const current = readClubSetup(db);
  const next = publishedScenario(db, dateOfWeekday(weekStart, 7));
  const weeks = [p, ...(next ? [scenarioParts(next)] : [])];
  const absences = (current?.trainers ?? []).flatMap((t) => t.absences.filter((d) => d >= weekStart && d <= to).map((date) => ({
    trainerId: t.id, trainerName: t.name, date,
    classes: weeks.reduce((n, w) => n + w.timetable.filter((c) => c.trainerId === t.id && dateOfWeekday(w.club.weekStart, c.weekday) === date).length, 0),
  }))).filter((a) => a.classes > 0);
  return {
    weekStart, publishedId: row.id, from: weekStart, to,
    suggestions: found.map((a) => ({
      kind: a.kind, classTypeId: a.classTypeId, classTypeName: name(a.classTypeId), from: place(a.from),
      to: a.to ? { ...place(a.to)!, trainerId: a.to.trainerId } : null, reason: a.reason,
      evidence: { occurrences: a.evidence.occurrences, meanFill: a.evidence.meanFill, waitlistedShare: a.evidence.waitlistedShare },
    })),
    absences,
  };
}
