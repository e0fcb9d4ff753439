/**
 * The class scheduler at the host (issue 5): the club setup, demand history, optimizing into
 * draft scenarios, manual moves with hard-rule checks and undo, comparing, publishing (a
 * published week is never changed in place), iCal export, absences with substitutes and a
 * minimal re-plan, and adjustment suggestions. Heavy work (`schedule/optimize`,
 * `schedule/trainer-unavailable`) runs in a worker (see the contract).
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { rankSubstitutes } from '../../../engine/scheduler/adjust';
import { checkMove, violationsOfPlacement } from '../../../engine/scheduler/check';
import { demandFromTable } from '../../../engine/scheduler/demand/club-demand';
import { parseHourlyCountsCsv, parseSwipeLog } from '../../../engine/scheduler/demand/parse';
import { timetableToIcal } from '../../../engine/scheduler/ical';
import { scheduleWeek } from '../../../engine/scheduler/solve';
import { DEFAULT_WEIGHTS, type ScheduledClass } from '../../../engine/scheduler/types';
import { generateDemoScheduleClub } from '../../../engine/demo/schedule-club';
import { recordAudit } from '../../../db/audit';
import {
  clearDemandHistory, deleteScenario, insertAttendance, insertScenario, listScenarios, publishedScenario, readClubSetup,
  updateScenario, upsertAttendance, upsertOccupancy, writeClubSetup, type ScenarioRow,
} from '../../../db/schedule';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { ScenarioView } from '../../contract/schedule-views';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { materialiseWeek } from '../classes/publish-week';
import { absence } from './absence';
import { adjustments } from './adjustments';
import { parseAttendanceCsv } from './attendance-import';
import { compare } from './compare';
import { checkSetup, importSetupFiles, setupToClub } from './setup';
import { saveSetup, setupToUndo, setupView, SETUP_UNDO } from './setup-service';
import { demandFor, demandSourceOf, nextMonday, requireDraft, requireScenario, requireSetup } from './store';
import { classView, scenarioParts, scenarioSummary, scenarioView, type ScenarioSnapshot } from './views';

/** Undo depth kept per scenario. */
const UNDO_DEPTH = 50;

function newScenarioName(db: Db, weekStart: string, backend: string): string {
  return `Scenario ${listScenarios(db, weekStart).length + 1} (${backend === 'jslp' ? 'javascript-lp-solver' : 'HiGHS'})`;
}

function pushHistory(row: ScenarioRow): unknown[] {
  return [...(row.history ?? []), row.timetable].slice(-UNDO_DEPTH);
}

function classAt(row: ScenarioRow, timetable: ScheduledClass[], classIndex: number): ScheduledClass {
  const cls = timetable[classIndex];
  if (!cls) throw new StudioError('invalid_input', `class ${classIndex} is not in "${row.name}" (${timetable.length} classes)`, 'classIndex');
  return cls;
}

/**
 * One manual edit of a draft: `edit` checks and returns the new timetable (or throws); the old
 * one goes onto the undo history and the change into the audit log, in one transaction.
 */
function editDraft(
  ctx: HandlerContext,
  scenarioId: number,
  edit: (p: ReturnType<typeof scenarioParts>, row: ScenarioRow) => { timetable: ScheduledClass[]; action: string; before: unknown; after: unknown },
): ScenarioView {
  const db = ctx.store.db;
  const row = requireScenario(db, scenarioId);
  requireDraft(row);
  const change = edit(scenarioParts(row), row);
  db.transaction((tx) => {
    updateScenario(tx, scenarioId, { timetable: change.timetable, history: pushHistory(row) });
    recordAudit(tx, { ...auditActor(ctx), action: change.action, entity: 'schedule_scenario', entityId: scenarioId, before: change.before, after: change.after });
  });
  return scenarioView(requireScenario(db, scenarioId));
}

export const scheduleHandlers: PartialHandlers = {
  'schedule/club': (_input, ctx) => setupView(ctx.store.db, readClubSetup(ctx.store.db)),

  'schedule/save-club': ({ setup }, ctx) => {
    const checked = checkSetup(setup);
    saveSetup(ctx, checked, 'schedule.setup.save');
    return setupView(ctx.store.db, checked);
  },

  'schedule/undo-club': (_input, ctx) => {
    const before = setupToUndo(ctx.store.db);
    if (!before) throw new StudioError('conflict', 'there is no earlier club setup to restore');
    const setup = checkSetup(before);
    saveSetup(ctx, setup, SETUP_UNDO);
    return setupView(ctx.store.db, setup);
  },

  'schedule/import-club': ({ files }, ctx) => {
    const { setup, lines } = importSetupFiles(readClubSetup(ctx.store.db), files);
    saveSetup(ctx, setup, 'schedule.setup.import');
    return { setup: setupView(ctx.store.db, setup), lines };
  },

  'schedule/import-occupancy': ({ fileName, content }, ctx) => {
    const swipe = /direction/i.test(content.slice(0, 500));
    const series = swipe ? parseSwipeLog(content) : parseHourlyCountsCsv(content);
    if (series.rows.length === 0) {
      const first = series.problems[0];
      throw new StudioError('invalid_input', `${fileName}: no hourly counts read${first ? ` (line ${first.line}: ${first.message})` : ''}. Expected an hourly table "Date,6,7,…,23" or a swipe log "DeviceName,Direction,AlarmDateTime"`, 'content');
    }
    ctx.store.db.transaction((tx) => {
      upsertOccupancy(tx, series.rows);
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.occupancy.import', entity: 'club_occupancy', entityId: fileName, after: { hours: series.rows.length, problems: series.problems.length } });
    });
    const setup = readClubSetup(ctx.store.db);
    return {
      hours: series.rows.length,
      from: series.rows[0]?.date ?? null,
      to: series.rows[series.rows.length - 1]?.date ?? null,
      rejected: series.problems.length,
      demandSource: demandSourceOf(ctx.store.db, setup),
    };
  },

  'schedule/import-attendance': ({ fileName, content }, ctx) => {
    const setup = requireSetup(ctx.store.db);
    const rows = parseAttendanceCsv(fileName, content, setup);
    const replaced = ctx.store.db.transaction((tx) => {
      const n = upsertAttendance(tx, rows);
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.attendance.import', entity: 'class_attendance', entityId: fileName, after: { records: rows.length, replaced: n } });
      return n;
    });
    const dates = rows.map((r) => r.date).sort();
    return {
      records: rows.length, replaced, from: dates[0] ?? null, to: dates[dates.length - 1] ?? null,
      demandSource: demandSourceOf(ctx.store.db, setup),
    };
  },

  'schedule/demo-setup': ({ weekStart }, ctx) => {
    const week = weekStart ?? nextMonday(ctx.now());
    const demo = generateDemoScheduleClub(week);
    const setup = checkSetup({
      rooms: demo.rooms, classTypes: demo.classTypes, trainers: demo.trainers, openingHours: demo.openingHours,
      slotMin: demo.slotMin, trainerGapMin: demo.trainerGapMin, timezone: demo.timezone, weights: { ...DEFAULT_WEIGHTS },
    });
    const before = readClubSetup(ctx.store.db);
    ctx.store.db.transaction((tx) => {
      writeClubSetup(tx, setup, actorOf(ctx));
      clearDemandHistory(tx);
      upsertOccupancy(tx, demo.occupancy);
      insertAttendance(tx, demo.attendance);
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.setup.demo', entity: 'club_setup', entityId: 'club', before, after: setup });
    });
    return setupView(ctx.store.db, setup);
  },

  'schedule/optimize': async ({ weekStart, name, backend, weights, timeLimitS, gapPct }, ctx) => {
    const db = ctx.store.db;
    const setup = requireSetup(db);
    const club = setupToClub(setup, weekStart);
    ctx.progress(0.02, 'Predicting demand from the club history');
    const demand = demandFor(db, setup, weekStart);
    const w = { ...setup.weights, ...weights };
    ctx.progress(0.08, `Building the model and solving (time limit ${timeLimitS} s, gap ${gapPct} %)`);
    const started = Date.now();
    const result = await scheduleWeek(club, demandFromTable(demand.table), {
      backend, weights: w, timeLimitS, mipRelGap: gapPct / 100,
      onProgress: (p) => {
        ctx.progress(Math.min(0.95, 0.1 + 0.85 * p.elapsedS / timeLimitS), `Solving: ${p.elapsedS.toFixed(1)} s${p.gapPct === null ? '' : `, gap ${p.gapPct.toFixed(2)} %`}`);
      },
    });
    if (result.status === 'infeasible') {
      return { scenario: null, status: 'infeasible', explanation: result.explanation?.causes.map((c) => c.message) ?? ['The week is impossible with these constraints.'] };
    }
    if (result.timetable.length === 0) {
      return { scenario: null, status: result.status, explanation: [`No timetable was found within ${timeLimitS} s (${result.status}). Allow more time or relax the class minimums.`] };
    }
    ctx.progress(0.97, 'Storing the draft');
    const notes = [
      `${result.status === 'optimal' ? 'Proven optimal' : `Stopped at the time limit with the best timetable found`} in ${result.solveS.toFixed(2)} s (total ${((Date.now() - started) / 1000).toFixed(2)} s)`,
    ];
    const id = db.transaction((tx) => {
      const scenarioId = insertScenario(tx, {
        weekStart, name: name ?? newScenarioName(tx, weekStart, result.backend), status: 'draft',
        createdBy: actorOf(ctx), publishedAt: null, publishedBy: null, basedOnId: null,
        backend: result.backend, solveStatus: result.status, solveS: result.solveS,
        firstFeasibleS: result.firstFeasibleS,
        gapPct: result.gapPct, weights: w, demandSource: demand.source,
        club: { setup, weekStart } satisfies ScenarioSnapshot, demand: demand.table,
        timetable: result.timetable, history: [], notes,
      });
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.optimize', entity: 'schedule_scenario', entityId: scenarioId, after: { weekStart, backend: result.backend, status: result.status, objective: result.objective } });
      return scenarioId;
    });
    return { scenario: scenarioView(requireScenario(db, id)), status: result.status, explanation: [] };
  },

  'schedule/scenarios': ({ weekStart }, ctx) => listScenarios(ctx.store.db, weekStart).map((r) => scenarioSummary(scenarioParts(r))),

  'schedule/scenario': ({ scenarioId }, ctx) => scenarioView(requireScenario(ctx.store.db, scenarioId)),

  'schedule/published': ({ weekStart }, ctx) => {
    const row = publishedScenario(ctx.store.db, weekStart);
    return row ? scenarioView(row) : null;
  },

  'schedule/compare': ({ scenarioIds }, ctx) => compare(ctx.store.db, scenarioIds),

  'schedule/move-class': ({ scenarioId, classIndex, weekday, startMin, roomId, trainerId }, ctx) => editDraft(ctx, scenarioId, (p, row) => {
    const cls = classAt(row, p.timetable, classIndex);
    const check = checkMove(p.club, p.timetable, classIndex, { weekday, startMin, roomId, ...(trainerId ? { trainerId } : {}) });
    if (!check.ok) throw new StudioError('conflict', `The move was refused: ${check.reasons.join('; ')}`, 'classIndex');
    const moved: ScheduledClass = { ...cls, weekday, startMin, roomId, trainerId: trainerId ?? cls.trainerId };
    return { timetable: p.timetable.map((c, i) => (i === classIndex ? moved : c)), action: 'schedule.move', before: cls, after: moved };
  }),

  'schedule/add-class': ({ scenarioId, classTypeId, weekday, startMin, roomId, trainerId }, ctx) => editDraft(ctx, scenarioId, (p) => {
    const cls: ScheduledClass = { classTypeId, weekday, startMin, roomId, trainerId };
    if (!p.club.classTypes.some((c) => c.id === classTypeId)) throw new StudioError('invalid_input', `unknown class type ${classTypeId}`, 'classTypeId');
    const reasons = violationsOfPlacement(p.club, p.timetable, p.timetable.length, cls).map((v) => v.message);
    if (reasons.length > 0) throw new StudioError('conflict', `The class was not added: ${reasons.join('; ')}`, 'classTypeId');
    return { timetable: [...p.timetable, cls], action: 'schedule.add', before: null, after: cls };
  }),

  'schedule/remove-class': ({ scenarioId, classIndex }, ctx) => editDraft(ctx, scenarioId, (p, row) => {
    const cls = classAt(row, p.timetable, classIndex);
    return { timetable: p.timetable.filter((_, i) => i !== classIndex), action: 'schedule.remove', before: cls, after: null };
  }),

  'schedule/undo': ({ scenarioId }, ctx) => {
    const db = ctx.store.db;
    const row = requireScenario(db, scenarioId);
    requireDraft(row);
    const history = [...(row.history ?? [])];
    const previous = history.pop();
    if (previous === undefined) throw new StudioError('conflict', `"${row.name}" has no edit to undo`, 'scenarioId');
    db.transaction((tx) => {
      updateScenario(tx, scenarioId, { timetable: previous as ScheduledClass[], history });
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.undo', entity: 'schedule_scenario', entityId: scenarioId, before: row.timetable, after: previous });
    });
    return scenarioView(requireScenario(db, scenarioId));
  },

  'schedule/rename': ({ scenarioId, name }, ctx) => {
    requireScenario(ctx.store.db, scenarioId);
    updateScenario(ctx.store.db, scenarioId, { name });
    return scenarioView(requireScenario(ctx.store.db, scenarioId));
  },

  'schedule/duplicate': ({ scenarioId, name }, ctx) => {
    const db = ctx.store.db;
    const row = requireScenario(db, scenarioId);
    const id = db.transaction((tx) => {
      const newId = insertScenario(tx, {
        weekStart: row.weekStart, name: name ?? `${row.name} (copy)`, status: 'draft', createdBy: actorOf(ctx),
        publishedAt: null, publishedBy: null, basedOnId: row.id, backend: row.backend, solveStatus: row.solveStatus,
        solveS: row.solveS, firstFeasibleS: row.firstFeasibleS, gapPct: row.gapPct, weights: row.weights,
        demandSource: row.demandSource, club: row.club, demand: row.demand, timetable: row.timetable, history: [],
        notes: [...(row.notes ?? []), `Copied from "${row.name}"`],
      });
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.duplicate', entity: 'schedule_scenario', entityId: newId, after: { from: row.id } });
      return newId;
    });
    return scenarioView(requireScenario(db, id));
  },

  'schedule/delete': ({ scenarioId }, ctx) => {
    const db = ctx.store.db;
    const row = requireScenario(db, scenarioId);
    requireDraft(row);
    const deleted = db.transaction((tx) => {
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.delete', entity: 'schedule_scenario', entityId: scenarioId, before: { name: row.name, timetable: row.timetable } });
      return deleteScenario(tx, scenarioId);
    });
    return { deleted };
  },

  'schedule/publish': ({ scenarioId, replacePublished }, ctx) => {
    const db = ctx.store.db;
    const row = requireScenario(db, scenarioId);
    requireDraft(row);
    const view = scenarioView(row);
    if (view.violations.length > 0) throw new StudioError('conflict', `"${row.name}" breaks hard rules and cannot be published: ${view.violations.join('; ')}`, 'scenarioId');
    if (view.classes.length === 0) throw new StudioError('conflict', `"${row.name}" has no classes`, 'scenarioId');
    const current = publishedScenario(db, row.weekStart);
    if (current && !replacePublished) {
      throw new StudioError('conflict', `the week of ${row.weekStart} is already published as "${current.name}"${current.publishedByName ? ` by ${current.publishedByName}` : ''}; publishing "${row.name}" replaces it, so confirm the replacement (replacePublished)`, 'replacePublished');
    }
    db.transaction((tx) => {
      if (current) updateScenario(tx, current.id, { status: 'superseded' });
      updateScenario(tx, scenarioId, { status: 'published', publishedAt: ctx.now().toISOString(), publishedBy: actorOf(ctx), history: [] });
      const classes = materialiseWeek(tx, row, ctx.now());
      recordAudit(tx, { ...auditActor(ctx), action: 'schedule.publish', entity: 'schedule_scenario', entityId: scenarioId, before: current ? { replaced: current.id, name: current.name } : null, after: { weekStart: row.weekStart, name: row.name, classes } });
    });
    return scenarioView(requireScenario(db, scenarioId));
  },

  'schedule/ical': ({ weekStart, trainerId }, ctx) => {
    const row = publishedScenario(ctx.store.db, weekStart);
    if (!row) throw new StudioError('not_found', `the week of ${weekStart} has no published timetable`, 'weekStart');
    const p = scenarioParts(row);
    const trainer = trainerId ? p.setup.trainers.find((t) => t.id === trainerId) : undefined;
    if (trainerId && !trainer) throw new StudioError('not_found', `trainer ${trainerId} is not in the published week's club`, 'trainerId');
    const fn = demandFromTable(p.demand);
    const content = timetableToIcal(p.club, p.timetable, {
      weekStart, timezone: p.setup.timezone,
      calendarName: trainer ? `Classes of ${trainer.name}, week of ${weekStart}` : `Club classes, week of ${weekStart}`,
      ...(trainerId ? { trainerId } : {}), demand: fn, vtimezone: getVtimezoneComponent, generatedAt: ctx.now(),
    });
    const events = (content.match(/BEGIN:VEVENT/g) ?? []).length;
    return { fileName: `classes-${weekStart}${trainerId ? `-${trainerId}` : ''}.ics`, content, events };
  },

  'schedule/substitutes': ({ scenarioId, classIndex, unavailableTrainerId }, ctx) => {
    const p = scenarioParts(requireScenario(ctx.store.db, scenarioId));
    const cls = p.timetable[classIndex];
    if (!cls) throw new StudioError('invalid_input', `class ${classIndex} is not in the scenario (${p.timetable.length} classes)`, 'classIndex');
    const substitutes = rankSubstitutes(p.club, p.timetable, classIndex, unavailableTrainerId ?? cls.trainerId);
    return { classIndex, cls: classView(p.setup, p.club, p.demand, cls, classIndex), substitutes };
  },

  'schedule/trainer-unavailable': async ({ weekStart, trainerId, dates, timeLimitS }, ctx) => absence(ctx, weekStart, trainerId, dates, timeLimitS),

  'schedule/adjustments': ({ weekStart }, ctx) => adjustments(ctx, weekStart),
};
