/** A trainer who cannot teach (`schedule/trainer-unavailable`): substitutes, a fewest-changes re-plan as a new draft, the absence recorded in the setup. */
import { rankSubstitutes, reoptimizeForAbsence } from '../../../engine/scheduler/adjust';
import { dateOfWeekday } from '../../../engine/scheduler/candidates';
import { WEEKDAY_SHORT } from '../../../engine/scheduler/check';
import { demandFromTable } from '../../../engine/scheduler/demand/club-demand';
import type { ScheduledClass } from '../../../engine/scheduler/types';
import { recordAudit } from '../../../db/audit';
import { insertScenario, publishedScenario, readClubSetup, writeClubSetup } from '../../../db/schedule';
import { StudioError } from '../../contract/errors';
import type { AbsenceView, ClubSetup } from '../../contract/schedule-views';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import { setupToClub } from './setup';
import { requireScenario } from './store';
import { classView, scenarioParts, scenarioView, type ScenarioSnapshot } from './views';

export async function absence(ctx: HandlerContext, weekStart: string, trainerId: string, dates: string[], timeLimitS: number): Promise<AbsenceView> {
  const db = ctx.store.db;
  const row = publishedScenario(db, weekStart);
  if (!row) throw new StudioError('not_found', `the week of ${weekStart} has no published timetable`, 'weekStart');
  const p = scenarioParts(row);
  const trainer = p.setup.trainers.find((t) => t.id === trainerId);
  if (!trainer) throw new StudioError('not_found', `trainer ${trainerId} is not in the published week's club`, 'trainerId');
  const weekDays = [0, 1, 2, 3, 4, 5, 6].map((d) => dateOfWeekday(weekStart, d));
  const outside = dates.find((d) => !weekDays.includes(d));
  if (outside) throw new StudioError('invalid_input', `${outside} is not in the week of ${weekStart}`, 'dates');
  ctx.progress(0.05, `Finding ${trainer.name}'s classes and substitutes`);
  const affectedIdx = p.timetable.flatMap((c, i) => (c.trainerId === trainerId && dates.includes(dateOfWeekday(weekStart, c.weekday)) ? [i] : []));
  const setup: ClubSetup = {
    ...p.setup,
    trainers: p.setup.trainers.map((t) => (t.id === trainerId ? { ...t, absences: [...new Set([...t.absences, ...dates])] } : t)),
  };
  const club = setupToClub(setup, weekStart);
  const affected = affectedIdx.map((i) => ({
    classIndex: i,
    cls: classView(p.setup, p.club, p.demand, p.timetable[i]!, i),
    substitutes: rankSubstitutes(club, p.timetable, i, trainerId),
  }));
  if (affectedIdx.length === 0) {
    return { publishedId: row.id, trainerId, dates, affected, draft: null, changes: [], unchangedCount: p.timetable.length, status: 'nothing_to_change' };
  }
  ctx.progress(0.3, `Re-planning ${affectedIdx.length} class${affectedIdx.length === 1 ? '' : 'es'}, keeping the rest of the week`);
  const result = await reoptimizeForAbsence(club, p.timetable, trainerId, dates, demandFromTable(p.demand), { timeLimitS });
  ctx.progress(0.9, 'Storing the new draft');
  const view = (c: ScheduledClass, i: number) => classView(setup, club, p.demand, c, i);
  const changes = result.changes.map((c) => ({
    kind: c.kind, reason: c.reason,
    before: view(c.before, c.classIndex),
    after: c.after ? view(c.after, result.timetable.indexOf(c.after)) : null,
  }));
  const dayNames = dates.map((d) => WEEKDAY_SHORT[weekDays.indexOf(d)]).join(', ');
  const id = db.transaction((tx) => {
    const newId = insertScenario(tx, {
      weekStart, name: `${row.name} — ${trainer.name} away ${dayNames}`, status: 'draft', createdBy: actorOf(ctx),
      publishedAt: null, publishedBy: null, basedOnId: row.id, backend: 'highs', solveStatus: result.status,
      solveS: null, firstFeasibleS: null, gapPct: null, weights: row.weights, demandSource: row.demandSource,
      club: { setup, weekStart } satisfies ScenarioSnapshot, demand: row.demand, timetable: result.timetable, history: [],
      notes: [`${trainer.name} unavailable on ${dates.join(', ')}: ${result.changes.length} class(es) changed, ${result.unchangedCount} unchanged`, ...result.changes.map((c) => c.reason)],
    });
    recordAudit(tx, { ...auditActor(ctx), action: 'schedule.absence', entity: 'schedule_scenario', entityId: newId, after: { publishedId: row.id, trainerId, dates, changes: result.changes.length } });
    // The absence also goes into the club setup, so later optimizations of the week know it.
    const current = readClubSetup(tx);
    const t = current?.trainers.find((x) => x.id === trainerId);
    if (current && t && dates.some((d) => !t.absences.includes(d))) {
      const updated = { ...current, trainers: current.trainers.map((x) => (x.id === trainerId ? { ...x, absences: [...new Set([...x.absences, ...dates])].sort() } : x)) };
      writeClubSetup(tx, updated, actorOf(ctx));
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.setup.absence', entity: 'club_setup', entityId: 'club', before: current, after: updated });
    }
    return newId;
  });
  return {
    publishedId: row.id, trainerId, dates, affected, draft: scenarioView(requireScenario(db, id)),
    changes, unchangedCount: result.unchangedCount, status: result.status,
  };
}
