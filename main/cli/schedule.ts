/**
 * `studio schedule …`: the class scheduler from the command line (same handlers as the UI).
 * Example: `npx studio schedule demo && npx studio schedule optimize --week 2026-11-30 --json`.
 */
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type {
  AbsenceView, AdjustmentsView, AttendanceImportReport, ClubImportReport, ClubSetupView, IcalExport, OpName, OptimizeView, ScenarioComparison,
  ScenarioSummary, ScenarioView, ClassSubstitutes, OccupancyImportReport,
} from '../contract/index';
import { formatSlot, formatTime, parseTime, WEEKDAY_SHORT } from '../../engine/scheduler/check';
import { formatWindow } from '../handlers/schedule/setup';

type Run = (name: OpName, input: unknown) => Promise<unknown>;
type ReadText = (file: string) => { fileName: string; content: string };

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`"${v}" is not a whole number`);
  return n;
};
const num = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`"${v}" is not a number`);
  return n;
};
function dayIndex(v: string): number {
  const i = WEEKDAY_SHORT.findIndex((d) => v.toLowerCase().startsWith(d.toLowerCase()));
  if (i < 0 && /^[0-6]$/.test(v)) return Number(v);
  if (i < 0) throw new Error(`--day: "${v}" is not Mon–Sun or 0–6`);
  return i;
}
function minuteOf(v: string): number {
  const minutes = parseTime(v);
  if (minutes === null) throw new Error(`--start: "${v}" is not HH:MM`);
  return minutes;
}
function weights(pairs: string[] | undefined): Record<string, number> | undefined {
  if (!pairs?.length) return undefined;
  return Object.fromEntries(pairs.map((p) => {
    const [k, v] = p.split('=');
    if (!k || v === undefined || !Number.isFinite(Number(v))) throw new Error(`--weight: "${p}" is not NAME=NUMBER (attendance, idle, balance, revenue, preference)`);
    return [k, Number(v)];
  }));
}

function printScenario(s: ScenarioView): void {
  console.log(`Scenario #${s.id} "${s.name}" [${s.status}], week of ${s.weekStart}: ${s.classCount} classes, objective ${s.objective.toFixed(4)}`);
  console.log(`  solved by ${s.backend}: ${s.solveStatus}${s.solveS === null ? '' : ` in ${s.solveS.toFixed(2)} s`}${s.gapPct === null ? '' : `, gap ${s.gapPct.toFixed(2)} %`}${s.firstFeasibleS == null ? '' : `, first timetable after ${s.firstFeasibleS.toFixed(2)} s`}`);
  const sc = s.scores;
  console.log(`  scores: attendance ${sc.attendance.toFixed(3)}, idle ${sc.idle.toFixed(3)}, balance ${sc.balance.toFixed(3)}, revenue ${sc.revenue.toFixed(3)}, preference ${sc.preference.toFixed(3)}`);
  console.log(`  ${sc.predictedAttendees.toFixed(0)} predicted attendees, ${sc.idleMinutes} trainer idle minutes, revenue potential ${sc.revenuePotential.toFixed(0)}`);
  console.log(`  demand: ${s.demandSource}`);
  for (const v of s.violations) console.log(`  VIOLATION: ${v}`);
  for (const c of [...s.classes].sort((a, b) => a.weekday - b.weekday || a.startMin - b.startMin)) {
    console.log(`  ${String(c.index).padStart(3)}  ${formatSlot(c.weekday, c.startMin, c.endMin)}  ${c.classTypeName.padEnd(18)} ${c.roomName.padEnd(12)} ${c.trainerName.padEnd(16)} ${c.predictedAttendance.toFixed(0)}/${c.capacity}`);
  }
}

function printHuman(name: string, value: unknown): void {
  switch (name) {
    case 'club': {
      const v = value as ClubSetupView;
      console.log(`${v.rooms.length} rooms, ${v.classTypes.length} class types, ${v.trainers.length} trainers; slot ${v.slotMin} min, trainer gap ${v.trainerGapMin} min, ${v.timezone}`);
      console.log(`Opening hours: ${v.openingHours.map(formatWindow).join(', ') || 'none'}`);
      for (const r of v.rooms) console.log(`  room ${r.id}: ${r.name}, ${r.capacity} people, ${r.type}${r.equipment.length ? `, ${r.equipment.join('|')}` : ''}`);
      for (const c of v.classTypes) console.log(`  class ${c.id}: ${c.name}, ${c.durationMin} min, ≤${c.maxCapacity}, ${c.minPerWeek}–${c.maxPerWeek}/week, needs ${c.requiredQualification}`);
      for (const t of v.trainers) console.log(`  trainer ${t.id}: ${t.name}, ${t.qualifications.join('|')}, ≤${t.maxHoursPerWeek} h, ${t.availability.map(formatWindow).join(', ')}`);
      console.log(`Demand: ${v.demandSource} (${v.occupancyHours} occupancy hours, ${v.attendanceRecords} class records)`);
      return;
    }
    case 'optimize': {
      const v = value as OptimizeView;
      if (v.scenario) printScenario(v.scenario);
      else console.log(`No timetable (${v.status}):\n${v.explanation.map((e) => `  ${e}`).join('\n')}`);
      return;
    }
    case 'scenario': return printScenario(value as ScenarioView);
    case 'scenarios':
      for (const s of value as ScenarioSummary[]) console.log(`${String(s.id).padStart(4)}  ${s.weekStart}  ${s.name} [${s.status}]  ${s.classCount} classes, objective ${s.objective.toFixed(4)}`);
      return;
    case 'compare': {
      const v = value as ScenarioComparison;
      console.log(`${''.padEnd(44)}${v.scenarios.map((s) => `#${s.id} ${s.name}`.slice(0, 22).padStart(24)).join('')}`);
      for (const r of v.rows) console.log(`${r.label.slice(0, 44).padEnd(44)}${r.values.map((x) => (Number.isInteger(x) ? String(x) : x.toFixed(4)).padStart(24)).join('')}`);
      console.log(`${v.sameClasses} classes in all; ${v.onlyIn.map((l, i) => `${l.length} only in #${v.scenarios[i]!.id}`).join(', ')}`);
      return;
    }
    case 'import': {
      const v = value as ClubImportReport;
      for (const l of v.lines) console.log(l);
      printHuman('club', v.setup);
      return;
    }
    case 'occupancy': {
      const v = value as OccupancyImportReport;
      console.log(`${v.hours} hours of counts (${v.from} to ${v.to}), ${v.rejected} lines rejected. Demand: ${v.demandSource}`);
      return;
    }
    case 'attendance': {
      const v = value as AttendanceImportReport;
      console.log(`${v.records} classes stored (${v.replaced} replaced), ${v.from} to ${v.to}. Demand: ${v.demandSource}`);
      return;
    }
    case 'unavailable': {
      const v = value as AbsenceView;
      for (const a of v.affected) {
        console.log(`${WEEKDAY_SHORT[a.cls.weekday]} ${formatTime(a.cls.startMin)} ${a.cls.classTypeName} (${a.cls.roomName}): ${a.substitutes.length ? a.substitutes.map((s) => `${s.name} (${s.score.toFixed(1)})`).join(', ') : 'no substitute'}`);
      }
      for (const c of v.changes) console.log(`  ${c.kind}: ${c.reason}`);
      console.log(v.draft ? `New draft #${v.draft.id} "${v.draft.name}" (${v.unchangedCount} classes unchanged). Publish it with \`studio schedule publish ${v.draft.id} --replace\`.` : 'Nothing to change.');
      return;
    }
    case 'adjustments': {
      const v = value as AdjustmentsView;
      if (v.publishedId === null) console.log(`The week of ${v.weekStart} is not published.`);
      for (const s of v.suggestions) console.log(`${s.kind}: ${s.reason}`);
      for (const a of v.absences) console.log(`absence: ${a.trainerName} on ${a.date} (${a.classes} classes)`);
      if (v.publishedId !== null && v.suggestions.length + v.absences.length === 0) console.log('No adjustments suggested.');
      return;
    }
    case 'substitutes': {
      const v = value as ClassSubstitutes;
      for (const s of v.substitutes) console.log(`${s.name.padEnd(18)} score ${s.score.toFixed(1)}: ${s.reasons.join(', ')}`);
      if (v.substitutes.length === 0) console.log('No trainer can take this class.');
      return;
    }
    default: console.log(JSON.stringify(value, null, 2));
  }
}

/** Adds `schedule` and its subcommands to `program`. `call` runs an operation and returns its value (null on error). */
export function scheduleCommand(program: Command, call: Run, readText: ReadText): void {
  const json = () => program.opts<{ json?: boolean }>().json === true;
  const show = async (kind: string, name: OpName, input: unknown) => {
    const v = await call(name, input);
    if (v === null || v === undefined) return null;
    if (json()) console.log(JSON.stringify(v, null, 2)); else printHuman(kind, v);
    return v;
  };
  const s = program.command('schedule').description('the class scheduler: club setup, optimize, scenarios, publish');
  s.command('setup', { isDefault: true }).description('show the club setup').action(async () => { await show('club', 'schedule/club', {}); });
  s.command('import <files...>').description('import the club setup: one JSON file, or CSV files of rooms, class types, trainers, opening hours')
    .action(async (files: string[]) => { await show('import', 'schedule/import-club', { files: files.map(readText) }); });
  s.command('undo-setup').description('restore the club setup as it was before the last save, import or demo load')
    .action(async () => { await show('club', 'schedule/undo-club', {}); });
  s.command('import-occupancy <file>').description('import hourly occupancy counts ("Date,6,…,23") or a card-swipe log')
    .action(async (file: string) => { await show('occupancy', 'schedule/import-occupancy', readText(file)); });
  s.command('import-attendance <file>').description('import held classes: date,class_type,start,room,capacity,booked,attended,waitlisted[,trainer]')
    .action(async (file: string) => { await show('attendance', 'schedule/import-attendance', readText(file)); });
  s.command('demo').description('set up the labelled demo club with generated history').option('--week <monday>', 'week the history leads up to')
    .action(async (o: { week?: string }) => { await show('club', 'schedule/demo-setup', o.week ? { weekStart: o.week } : {}); });
  s.command('optimize').description("optimize a week's timetable into a draft scenario").requiredOption('--week <monday>', 'Monday of the week, YYYY-MM-DD')
    .option('--name <name>').addOption(new Option('--backend <name>').choices(['auto', 'highs', 'jslp']).default('auto'))
    .option('--time-limit <s>', 'seconds', num, 20).option('--gap <pct>', 'stop at this optimality gap, %', num, 1)
    .option('--weight <name=value...>', 'objective weights, e.g. --weight idle=0.4 attendance=0.4')
    .action(async (o: { week: string; name?: string; backend: string; timeLimit: number; gap: number; weight?: string[] }) => {
      await show('optimize', 'schedule/optimize', { weekStart: o.week, name: o.name, backend: o.backend, timeLimitS: o.timeLimit, gapPct: o.gap, weights: weights(o.weight) });
    });
  s.command('scenarios').description('scenarios, newest first').option('--week <monday>')
    .action(async (o: { week?: string }) => { await show('scenarios', 'schedule/scenarios', o.week ? { weekStart: o.week } : {}); });
  s.command('show <id>').description('one scenario').action(async (id: string) => { await show('scenario', 'schedule/scenario', { scenarioId: int(id) }); });
  s.command('compare <ids...>').description('compare 2–4 scenarios').action(async (ids: string[]) => { await show('compare', 'schedule/compare', { scenarioIds: ids.map(int) }); });
  s.command('move <id> <classIndex>').description('move a class of a draft (checked against the hard rules)')
    .requiredOption('--day <Mon..Sun>').requiredOption('--start <HH:MM>').requiredOption('--room <roomId>').option('--trainer <trainerId>')
    .action(async (id: string, idx: string, o: { day: string; start: string; room: string; trainer?: string }) => {
      await show('scenario', 'schedule/move-class', { scenarioId: int(id), classIndex: int(idx), weekday: dayIndex(o.day), startMin: minuteOf(o.start), roomId: o.room, trainerId: o.trainer });
    });
  s.command('add <id>').description('add a class to a draft (checked against the hard rules)')
    .requiredOption('--class <classTypeId>').requiredOption('--day <Mon..Sun>').requiredOption('--start <HH:MM>')
    .requiredOption('--room <roomId>').requiredOption('--trainer <trainerId>')
    .action(async (id: string, o: { class: string; day: string; start: string; room: string; trainer: string }) => {
      await show('scenario', 'schedule/add-class', { scenarioId: int(id), classTypeId: o.class, weekday: dayIndex(o.day), startMin: minuteOf(o.start), roomId: o.room, trainerId: o.trainer });
    });
  s.command('remove <id> <classIndex>').description('remove a class from a draft')
    .action(async (id: string, idx: string) => { await show('scenario', 'schedule/remove-class', { scenarioId: int(id), classIndex: int(idx) }); });
  s.command('undo <id>').description('undo the last move of a draft').action(async (id: string) => { await show('scenario', 'schedule/undo', { scenarioId: int(id) }); });
  s.command('publish <id>').description("publish a draft as the club's week").option('--replace', 'replace an already published week')
    .action(async (id: string, o: { replace?: boolean }) => { await show('scenario', 'schedule/publish', { scenarioId: int(id), replacePublished: o.replace === true }); });
  s.command('ical').description('export the published week as iCalendar').requiredOption('--week <monday>').option('--trainer <trainerId>')
    .option('--out <file>', 'write to this file (default: print)')
    .action(async (o: { week: string; trainer?: string; out?: string }) => {
      const v = await call('schedule/ical', { weekStart: o.week, trainerId: o.trainer }) as IcalExport | null;
      if (!v) return;
      if (o.out) { writeFileSync(o.out, v.content); console.log(json() ? JSON.stringify({ file: o.out, events: v.events }) : `Wrote ${v.events} classes to ${o.out}`); }
      else process.stdout.write(v.content);
    });
  s.command('substitutes <id> <classIndex>').description('ranked substitute trainers for a class')
    .action(async (id: string, idx: string) => { await show('substitutes', 'schedule/substitutes', { scenarioId: int(id), classIndex: int(idx) }); });
  s.command('unavailable').description('a trainer cannot teach: substitutes and a minimal re-plan as a new draft')
    .requiredOption('--week <monday>').requiredOption('--trainer <trainerId>').requiredOption('--date <dates...>', 'YYYY-MM-DD, one or more')
    .action(async (o: { week: string; trainer: string; date: string[] }) => {
      await show('unavailable', 'schedule/trainer-unavailable', { weekStart: o.week, trainerId: o.trainer, dates: o.date });
    });
  s.command('adjustments').description('suggestions for the published week and the next 7 days').requiredOption('--week <monday>')
    .action(async (o: { week: string }) => { await show('adjustments', 'schedule/adjustments', { weekStart: o.week }); });
}
