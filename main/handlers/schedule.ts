/**
 * The class scheduler at the host (issue 5): the club setup, demand history, optimizing into
 * draft scenarios, manual moves with hard-rule checks and undo, comparing, publishing (a
 * published week is never changed in place), iCal export, absences with substitutes and a
 * minimal re-plan, and adjustment suggestions. Heavy work (`schedule/optimize`,
 * `schedule/trainer-unavailable`) runs in a worker (see the contract).
 */
import { suggestAdjustments, rankSubstitutes, reoptimizeForAbsence } from '../../engine/scheduler/adjust';
import { checkMove, violationsOfPlacement } from '../../engine/scheduler/check';
import { dateOfWeekday } from '../../engine/scheduler/candidates';
import { buildDemandTable, demandFromTable, type DemandTable } from '../../engine/scheduler/demand/club-demand';
import { parseHourlyCountsCsv, parseSwipeLog } from '../../engine/scheduler/demand/parse';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { timetableToIcal } from '../../engine/scheduler/ical';
import { scheduleWeek } from '../../engine/scheduler/solve';
import { scoreTimetable, weightedObjective } from '../../engine/scheduler/score';
import { DEFAULT_WEIGHTS, type ScheduledClass } from '../../engine/scheduler/types';
import { generateDemoScheduleClub } from '../../engine/demo/schedule-club';
import { listAudit, recordAudit } from '../../db/audit';
import {
  allAttendance, allOccupancy, clearDemandHistory, clubSetupUpdatedAt, countAttendance, countOccupancy, deleteScenario,
  getScenario, insertAttendance, insertScenario, listScenarios, publishedScenario, readClubSetup, updateScenario,
  upsertAttendance, upsertOccupancy, writeClubSetup, type ScenarioRow,
} from '../../db/schedule';
import type { Db } from '../../db/open';
import { StudioError } from '../contract/errors';
import type {
  AbsenceView, AdjustmentsView, ClubSetup, ClubSetupView, ScenarioComparison, ScenarioView,
} from '../contract/schedule-views';
import type { HandlerContext } from '../host/context';
import type { PartialHandlers } from '../host/registry';
import { parseAttendanceCsv } from '../schedule/attendance-import';
import { checkSetup, importSetupFiles, setupToClub, DAY_SHORT } from '../schedule/setup';
import { classView, scenarioParts, scenarioSummary, scenarioView, type ScenarioSnapshot } from '../schedule/views';

/** Undo depth kept per scenario. */
const UNDO_DEPTH = 50;

function staffId(ctx: HandlerContext): number | null {
  return ctx.caller.staff?.id ?? null;
}

function requireSetup(db: Db): ClubSetup {
  const setup = readClubSetup(db);
  if (!setup || setup.rooms.length === 0) {
    throw new StudioError('conflict', 'the club is not set up yet: add rooms, class types and trainers on Club setup (or load the demo club, or `studio schedule import`)');
  }
  return setup;
}

function requireScenario(db: Db, id: number): ScenarioRow {
  const row = getScenario(db, id);
  if (!row) throw new StudioError('not_found', `scenario ${id} does not exist`, 'scenarioId');
  return row;
}

function requireDraft(row: ScenarioRow): void {
  if (row.status !== 'draft') {
    throw new StudioError('conflict', `"${row.name}" is ${row.status}; a ${row.status} week is never changed. Duplicate it into a draft to edit it`, 'scenarioId');
  }
}

function demandFor(db: Db, setup: ClubSetup, weekStart: string): { table: DemandTable; source: string } {
  return buildDemandTable({
    classTypes: setup.classTypes, openingHours: setup.openingHours,
    occupancy: allOccupancy(db), attendance: allAttendance(db), weekStart,
  });
}

function setupView(db: Db, setup: ClubSetup | null): ClubSetupView {
  const s = setup ?? { rooms: [], classTypes: [], trainers: [], openingHours: [], slotMin: 60, trainerGapMin: 15, timezone: 'UTC', weights: { ...DEFAULT_WEIGHTS } };
  const monday = nextMonday(new Date());
  return {
    ...s,
    demandSource: s.classTypes.length > 0 ? demandFor(db, s, monday).source : 'no class types yet',
    occupancyHours: countOccupancy(db),
    attendanceRecords: countAttendance(db),
    updatedAt: clubSetupUpdatedAt(db),
    canUndo: setupToUndo(db) !== null,
  };
}

const SETUP_UNDO = 'schedule.setup.undo';

/**
 * The setup change an undo would revert: walking the audit log newest first, each undo cancels
 * the change before it; the first change left over is the one. Its `before` is what returns
 * (null when there was no setup before it).
 */
function setupToUndo(db: Db): { id: number; before: ClubSetup | null } | null {
  let pending = 0;
  for (const e of listAudit(db, { entity: 'club_setup', limit: 1000 })) {
    if (e.action === SETUP_UNDO) pending++;
    else if (pending > 0) pending--;
    else return e.before === null ? null : { id: e.id, before: e.before as ClubSetup };
  }
  return null;
}

/** The Monday after `d` (UTC), ISO. */
export function nextMonday(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 7 - day)).toISOString().slice(0, 10);
}

function saveSetup(ctx: HandlerContext, setup: ClubSetup, action: string): void {
  const before = readClubSetup(ctx.store.db);
  ctx.store.db.transaction((tx) => {
    writeClubSetup(tx, setup, staffId(ctx));
    recordAudit(tx, { actorStaffId: staffId(ctx), action, entity: 'club_setup', entityId: 'club', before, after: setup });
  });
}

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
    recordAudit(tx, { actorStaffId: staffId(ctx), action: change.action, entity: 'schedule_scenario', entityId: scenarioId, before: change.before, after: change.after });
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
    const target = setupToUndo(ctx.store.db);
    if (!target?.before) throw new StudioError('conflict', 'there is no earlier club setup to restore');
    const setup = checkSetup(target.before);
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
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.occupancy.import', entity: 'club_occupancy', entityId: fileName, after: { hours: series.rows.length, problems: series.problems.length } });
    });
    const setup = readClubSetup(ctx.store.db);
    return {
      hours: series.rows.length,
      from: series.rows[0]?.date ?? null,
      to: series.rows[series.rows.length - 1]?.date ?? null,
      rejected: series.problems.length,
      demandSource: setup && setup.classTypes.length > 0 ? demandFor(ctx.store.db, setup, nextMonday(ctx.now())).source : 'no class types yet',
    };
  },

  'schedule/import-attendance': ({ fileName, content }, ctx) => {
    const setup = requireSetup(ctx.store.db);
    const rows = parseAttendanceCsv(fileName, content, setup);
    const replaced = ctx.store.db.transaction((tx) => {
      const n = upsertAttendance(tx, rows);
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.attendance.import', entity: 'class_attendance', entityId: fileName, after: { records: rows.length, replaced: n } });
      return n;
    });
    const dates = rows.map((r) => r.date).sort();
    return {
      records: rows.length, replaced, from: dates[0] ?? null, to: dates[dates.length - 1] ?? null,
      demandSource: demandFor(ctx.store.db, setup, nextMonday(ctx.now())).source,
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
      writeClubSetup(tx, setup, staffId(ctx));
      clearDemandHistory(tx);
      upsertOccupancy(tx, demo.occupancy);
      insertAttendance(tx, demo.attendance);
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.setup.demo', entity: 'club_setup', entityId: 'club', before, after: setup });
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
        createdBy: staffId(ctx), publishedAt: null, publishedBy: null, basedOnId: null,
        backend: result.backend, solveStatus: result.status, solveS: result.solveS,
        firstFeasibleS: result.firstFeasibleS,
        gapPct: result.gapPct, weights: w, demandSource: demand.source,
        club: { setup, weekStart } satisfies ScenarioSnapshot, demand: demand.table,
        timetable: result.timetable, history: [], notes,
      });
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.optimize', entity: 'schedule_scenario', entityId: scenarioId, after: { weekStart, backend: result.backend, status: result.status, objective: result.objective } });
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
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.undo', entity: 'schedule_scenario', entityId: scenarioId, before: row.timetable, after: previous });
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
        weekStart: row.weekStart, name: name ?? `${row.name} (copy)`, status: 'draft', createdBy: staffId(ctx),
        publishedAt: null, publishedBy: null, basedOnId: row.id, backend: row.backend, solveStatus: row.solveStatus,
        solveS: row.solveS, firstFeasibleS: row.firstFeasibleS, gapPct: row.gapPct, weights: row.weights,
        demandSource: row.demandSource, club: row.club, demand: row.demand, timetable: row.timetable, history: [],
        notes: [...(row.notes ?? []), `Copied from "${row.name}"`],
      });
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.duplicate', entity: 'schedule_scenario', entityId: newId, after: { from: row.id } });
      return newId;
    });
    return scenarioView(requireScenario(db, id));
  },

  'schedule/delete': ({ scenarioId }, ctx) => {
    const db = ctx.store.db;
    const row = requireScenario(db, scenarioId);
    requireDraft(row);
    const deleted = db.transaction((tx) => {
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.delete', entity: 'schedule_scenario', entityId: scenarioId, before: { name: row.name, timetable: row.timetable } });
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
      updateScenario(tx, scenarioId, { status: 'published', publishedAt: ctx.now().toISOString(), publishedBy: staffId(ctx), history: [] });
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.publish', entity: 'schedule_scenario', entityId: scenarioId, before: current ? { replaced: current.id, name: current.name } : null, after: { weekStart: row.weekStart, name: row.name } });
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

function compare(db: Db, ids: number[]): ScenarioComparison {
  const parts = ids.map((id) => scenarioParts(requireScenario(db, id)));
  const scored = parts.map((p) => ({ p, s: scoreTimetable(p.club, demandFromTable(p.demand), p.timetable) }));
  // Scores are compared under one set of weights: the first scenario's.
  const w = parts[0]!.weights;
  const row = (key: string, label: string, f: (x: (typeof scored)[number]) => number) => ({ key, label, values: scored.map(f) });
  const keyOf = (c: ScheduledClass) => `${c.classTypeId}|${c.weekday}|${c.startMin}|${c.roomId}|${c.trainerId}`;
  const keys = parts.map((p) => new Set(p.timetable.map(keyOf)));
  const onlyIn = parts.map((p, i) => p.timetable.flatMap((c, idx) => (keys.every((k, j) => j === i || !k.has(keyOf(c)))
    ? [classView(p.setup, p.club, p.demand, c, idx)] : [])));
  const sameClasses = parts[0]!.timetable.filter((c) => keys.every((k) => k.has(keyOf(c)))).length;
  return {
    scenarios: parts.map(scenarioSummary),
    rows: [
      row('objective', `Weighted objective (weights of "${parts[0]!.row.name}")`, (x) => weightedObjective(x.s, w)),
      row('attendance', 'Attendance score', (x) => x.s.attendance),
      row('idle', 'Trainer idle-time score', (x) => x.s.idle),
      row('balance', 'Balance score', (x) => x.s.balance),
      row('revenue', 'Revenue score', (x) => x.s.revenue),
      row('preference', 'Trainer preference score', (x) => x.s.preference),
      row('predictedAttendees', 'Predicted attendees (people)', (x) => x.s.predictedAttendees),
      row('idleMinutes', 'Trainer idle time (min)', (x) => x.s.idleMinutes),
      row('revenuePotential', 'Revenue potential', (x) => x.s.revenuePotential),
      row('classCount', 'Classes', (x) => x.p.timetable.length),
    ],
    onlyIn,
    sameClasses,
  };
}

async function absence(ctx: HandlerContext, weekStart: string, trainerId: string, dates: string[], timeLimitS: number): Promise<AbsenceView> {
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
  const dayNames = dates.map((d) => DAY_SHORT[weekDays.indexOf(d)]).join(', ');
  const id = db.transaction((tx) => {
    const newId = insertScenario(tx, {
      weekStart, name: `${row.name} — ${trainer.name} away ${dayNames}`, status: 'draft', createdBy: staffId(ctx),
      publishedAt: null, publishedBy: null, basedOnId: row.id, backend: 'highs', solveStatus: result.status,
      solveS: null, firstFeasibleS: null, gapPct: null, weights: row.weights, demandSource: row.demandSource,
      club: { setup, weekStart } satisfies ScenarioSnapshot, demand: row.demand, timetable: result.timetable, history: [],
      notes: [`${trainer.name} unavailable on ${dates.join(', ')}: ${result.changes.length} class(es) changed, ${result.unchangedCount} unchanged`, ...result.changes.map((c) => c.reason)],
    });
    recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.absence', entity: 'schedule_scenario', entityId: newId, after: { publishedId: row.id, trainerId, dates, changes: result.changes.length } });
    // The absence also goes into the club setup, so later optimizations of the week know it.
    const current = readClubSetup(tx);
    const t = current?.trainers.find((x) => x.id === trainerId);
    if (current && t && dates.some((d) => !t.absences.includes(d))) {
      const updated = { ...current, trainers: current.trainers.map((x) => (x.id === trainerId ? { ...x, absences: [...new Set([...x.absences, ...dates])].sort() } : x)) };
      writeClubSetup(tx, updated, staffId(ctx));
      recordAudit(tx, { actorStaffId: staffId(ctx), action: 'schedule.setup.absence', entity: 'club_setup', entityId: 'club', before: current, after: updated });
    }
    return newId;
  });
  return {
    publishedId: row.id, trainerId, dates, affected, draft: scenarioView(requireScenario(db, id)),
    changes, unchangedCount: result.unchangedCount, status: result.status,
  };
}

function adjustments(ctx: HandlerContext, weekStart: string): AdjustmentsView {
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
