/**
 * The one import of workout-app exports (Strong, Hevy, Fitbod, FitNotes): parse (engine, the
 * club's time zone), resolve the member, match exercise names to the library (stored mappings of
 * that app first, then the matcher), and store every set in one transaction. A file with any
 * malformed row stores nothing; re-importing the same file stores nothing new (duplicates are
 * counted). `previewImport` runs the same parse and matching and stores nothing.
 */
import { createHash } from 'node:crypto';
import { parseWorkoutExport } from '../../../engine/imports/parse';
import type { ImportFormat } from '../../../engine/imports/formats';
import { appExerciseAlias } from '../../../engine/imports/exercise-aliases';
import type { ImportParseResult, ImportedSetRow } from '../../../engine/imports/types';
import { createExerciseMatcher } from '../../../engine/exercises/match';
import type { WeightUnit } from '../../../engine/types';
import { allExercises, nameMappings, recordImportMapping } from '../../../db/exercises';
import { insertWorkouts, type SetInsert, type WorkoutInsert } from '../../../db/history';
import { recordImportRun, updateImportReport } from '../../../db/imports';
import { createMember, findMembersByName } from '../../../db/members';
import { readClubSetup } from '../../../db/schedule';
import { recordAudit } from '../../../db/audit';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { HistoryImportReport, ImportDetectionView, ImportPreview, NameMatch } from '../../contract/index';
import { auditActor, type HandlerContext } from '../../host/context';
import { requireMember } from '../members/handlers';

/** What every import op passes: the file, whom it is for, and the overrides. */
export interface HistoryImportInput {
  fileName: string;
  content: string;
  memberId?: number | undefined;
  memberName?: string | undefined;
  format: ImportFormat | 'auto';
  unit?: WeightUnit | undefined;
}

/** The club's IANA zone (Club setup), UTC while none is set. */
function clubTimeZone(db: Db): string {
  return readClubSetup(db)?.timezone ?? 'UTC';
}

function parse(db: Db, input: Pick<HistoryImportInput, 'content' | 'format' | 'unit'>): ImportParseResult {
  return parseWorkoutExport(input.content, { format: input.format, timeZone: clubTimeZone(db), ...(input.unit ? { unit: input.unit } : {}) });
}

function parseOrThrow(db: Db, input: HistoryImportInput): ImportParseResult & { detection: ImportDetectionView } {
  const parsed = parse(db, input);
  if (parsed.errorCount > 0 || parsed.detection === null) {
    const first = parsed.errors.slice(0, 5).map((e) => `line ${e.line}, ${e.field}: ${e.message}`).join('; ');
    const more = parsed.errorCount > 5 ? ` (${parsed.errorCount - 5} more)` : '';
    throw new StudioError('import_failed', `${input.fileName} was not imported, nothing was stored: ${first}${more}`, parsed.errors[0]?.field);
  }
  return parsed as ImportParseResult & { detection: ImportDetectionView };
}

/**
 * Maps every distinct exercise name to a library exercise: stored mappings of `source` first,
 * then the app's and the languages' alias tables (engine/imports/exercise-aliases), then the matcher.
 */
function matchNames(db: Db, source: ImportFormat, exercises: ReadonlyArray<{ name: string; sets: number }>): NameMatch[] {
  const stored = nameMappings(db, source);
  const library = allExercises(db);
  const byId = new Map(library.map((e) => [e.id, e]));
  const matcher = createExerciseMatcher(library);
  return exercises.map(({ name, sets }) => {
    const known = stored.get(name);
    if (known && byId.has(known.exerciseId)) {
      return { name, sets, exerciseId: known.exerciseId, exerciseName: byId.get(known.exerciseId)!.name, method: known.method };
    }
    const aliasId = appExerciseAlias(source, name);
    const aliased = aliasId === null ? undefined : byId.get(aliasId);
    if (aliased) return { name, sets, exerciseId: aliased.id, exerciseName: aliased.name, method: 'alias' };
    const m = matcher(name);
    return { name, sets, exerciseId: m?.exerciseId ?? null, exerciseName: m?.exerciseName ?? null, method: m?.method ?? null };
  });
}

function resolveMember(ctx: HandlerContext, input: HistoryImportInput, parsed: ImportParseResult, tx: Db): { id: number; name: string } {
  if (input.memberId !== undefined) {
    const m = requireMember(ctx, input.memberId);
    return { id: m.id, name: m.name };
  }
  const name = input.memberName ?? input.fileName.replace(/\.[^.]+$/, '');
  const found = findMembersByName(tx, name);
  if (found.length > 1) throw new StudioError('conflict', `${found.length} members are called "${name}"; choose one by id`, 'memberName');
  if (found[0]) return { id: found[0].id, name: found[0].name };
  const days = parsed.rows.map((r) => r.startedAt).sort();
  const firstDay = days[0] ?? '';
  const lastDay = days.at(-1) ?? '';
  const months = firstDay && lastDay ? (Date.parse(lastDay) - Date.parse(firstDay)) / (30.4 * 86_400_000) : 0;
  const created = createMember(tx, {
    name, goal: 'general_fitness', level: months >= 12 ? 'intermediate' : 'beginner', daysPerWeek: 4, sessionMinutes: 60,
    equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'smith_machine', 'ez_bar', 'body_only', 'pullup_bar'],
    excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: parsed.unit, bodyMassKg: null,
    notes: `Created by the import of ${input.fileName}.`, isDemo: false,
  });
  recordAudit(tx, { ...auditActor(ctx), action: 'member.create', entity: 'member', entityId: created.id, after: created, subjectMemberId: created.id });
  return { id: created.id, name: created.name };
}

/** Groups rows by workout and numbers the sets of each exercise within it, in file order. */
function groupWorkouts(rows: readonly ImportedSetRow[], memberId: number, source: string, matches: Map<string, string | null>) {
  const workouts = new Map<string, { workout: WorkoutInsert; sets: SetInsert[]; counters: Map<string, number> }>();
  for (const r of rows) {
    const key = `${r.startedAt}\u0000${r.workoutName}`;
    let w = workouts.get(key);
    if (!w) {
      w = {
        workout: { memberId, startedAt: r.startedAt, name: r.workoutName, durationS: r.durationS, notes: r.workoutNotes ?? '', source, importId: null },
        sets: [], counters: new Map(),
      };
      workouts.set(key, w);
    }
    const setIndex = (w.counters.get(r.exerciseName) ?? 0) + 1;
    w.counters.set(r.exerciseName, setIndex);
    w.sets.push({
      exerciseId: matches.get(r.exerciseName) ?? null, exerciseName: r.exerciseName, setIndex, setKind: r.setKind,
      loadKg: r.loadKg, reps: r.reps, rir: r.rir, rpe: r.rpe, distanceM: r.distanceM, durationS: r.seconds,
      performedAt: r.startedAt, notes: r.notes ?? '',
    });
  }
  return [...workouts.values()];
}

const rejections = (p: ImportParseResult) => p.rejected.map((r) => ({ line: r.line, field: r.field, reason: r.reason }));

/** Imports a workout-app export into a member's history; see the module comment. */
export function importHistory(input: HistoryImportInput, ctx: HandlerContext): HistoryImportReport {
  ctx.progress(0.05, `Reading ${input.fileName}`);
  const db = ctx.store.db;
  const parsed = parseOrThrow(db, input);
  const { detection } = parsed;
  const source = detection.format;
  ctx.progress(0.35, `Read ${parsed.rows.length} sets (${detection.layout}); matching ${parsed.summary.exercises.length} exercise names`);
  const names = matchNames(db, source, parsed.summary.exercises);
  ctx.progress(0.5, 'Storing sets');
  const sha = createHash('sha256').update(input.content).digest('hex');
  const report = db.transaction((tx) => {
    const member = resolveMember(ctx, input, parsed, tx);
    const mapped = nameMappings(tx, source);
    for (const n of names) {
      if (n.exerciseId && n.method !== 'manual' && mapped.get(n.name)?.exerciseId !== n.exerciseId) {
        recordImportMapping(tx, source, n.name, n.exerciseId, n.method ?? 'auto', member.id);
      }
    }
    const importId = recordImportRun(tx, { kind: source, fileName: input.fileName, fileSha256: sha, memberId: member.id, staffId: ctx.caller.staff?.id ?? null, report: {} });
    const groups = groupWorkouts(parsed.rows, member.id, source, new Map(names.map((n) => [n.name, n.exerciseId])));
    for (const g of groups) g.workout.importId = importId;
    const { stored, duplicates } = insertWorkouts(ctx.store.sqlite, groups);
    const result: HistoryImportReport = {
      importId, memberId: member.id, memberName: member.name, detection,
      unit: parsed.unit, unitSource: parsed.unitSource, unitReason: parsed.unitReason, timeZone: parsed.timeZone, timeNote: parsed.timeNote,
      rowsTotal: parsed.summary.rowsTotal, setsStored: stored, duplicates, rejected: rejections(parsed), skipped: parsed.skipped,
      warnings: parsed.warnings, days: parsed.summary.days, sessions: parsed.summary.sessions,
      matched: names.filter((n) => n.exerciseId !== null), unmatched: names.filter((n) => n.exerciseId === null),
    };
    updateImportReport(tx, importId, { ...result, rejected: result.rejected.length });
    recordAudit(tx, {
      ...auditActor(ctx), action: `import.${source}`, entity: 'member', entityId: member.id,
      after: { importId, stored, duplicates, file: input.fileName, layout: detection.layout }, subjectMemberId: member.id,
    });
    return result;
  });
  ctx.progress(1, `Stored ${report.setsStored} sets (${report.duplicates} already there)`);
  return report;
}

/** How many sets the preview lists. */
export const PREVIEW_ROWS = 20;

/** What `importHistory` would do with the file, storing nothing. Refusals and malformed rows are reported, not thrown. */
export function previewImport(input: Omit<HistoryImportInput, 'memberId' | 'memberName'>, ctx: HandlerContext): ImportPreview {
  const db = ctx.store.db;
  const parsed = parse(db, input);
  const names = parsed.detection === null ? [] : matchNames(db, parsed.detection.format, parsed.summary.exercises);
  return {
    fileName: input.fileName, detection: parsed.detection, unit: parsed.unit, unitSource: parsed.unitSource, unitReason: parsed.unitReason,
    timeZone: parsed.timeZone, timeNote: parsed.timeNote, rowsTotal: parsed.summary.rowsTotal, sets: parsed.rows.length,
    rejected: rejections(parsed), skipped: parsed.skipped, warnings: parsed.warnings, errors: parsed.errors, errorCount: parsed.errorCount,
    sessions: parsed.summary.sessions, days: parsed.summary.days,
    firstRows: parsed.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line, startedAt: r.startedAt, workoutName: r.workoutName, exerciseName: r.exerciseName, setKind: r.setKind, loadKg: r.loadKg,
      reps: r.reps, rpe: r.rpe, rir: r.rir, rirSource: r.rirSource, distanceM: r.distanceM, seconds: r.seconds,
    })),
    matched: names.filter((n) => n.exerciseId !== null), unmatched: names.filter((n) => n.exerciseId === null),
  };
}
