/**
 * The Strong CSV import: parse (engine), resolve the member, match exercise names to the
 * library, and store every set in one transaction. A malformed file stores nothing.
 */
import { createHash } from 'node:crypto';
import { parseStrongCsv } from '../../../engine/imports/strong';
import type { StrongParseResult, StrongSetRow } from '../../../engine/imports/types';
import { createExerciseMatcher } from '../../../engine/exercises/match';
import { allExercises, mapExerciseName, nameMappings } from '../../../db/exercises';
import { insertWorkouts, type SetInsert, type WorkoutInsert } from '../../../db/history';
import { recordImportRun, updateImportReport } from '../../../db/imports';
import { createMember, findMembersByName } from '../../../db/members';
import { recordAudit } from '../../../db/audit';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { NameMatch, ParsedInputOf, StrongImportReport } from '../../contract/index';
import { auditActor, type HandlerContext } from '../../host/context';
import { requireMember } from '../members/handlers';

type Input = ParsedInputOf<'imports/strong'>;

function parseOrThrow(input: Input): StrongParseResult {
  const parsed = parseStrongCsv(input.content, input.unit ? { unit: input.unit } : {});
  if (parsed.errorCount > 0) {
    const first = parsed.errors.slice(0, 5).map((e) => `line ${e.line}, ${e.field}: ${e.message}`).join('; ');
    const more = parsed.errorCount > 5 ? ` (${parsed.errorCount - 5} more)` : '';
    throw new StudioError('import_failed', `${input.fileName} was not imported, nothing was stored: ${first}${more}`, parsed.errors[0]?.field);
  }
  return parsed;
}

/** Maps every distinct exercise name to a library exercise: stored mappings first, then the matcher. */
function matchNames(db: Db, parsed: StrongParseResult): NameMatch[] {
  const stored = nameMappings(db, 'strong');
  const library = allExercises(db);
  const byId = new Map(library.map((e) => [e.id, e]));
  const matcher = createExerciseMatcher(library);
  return parsed.summary.exercises.map(({ name, sets }) => {
    const known = stored.get(name);
    if (known && byId.has(known.exerciseId)) {
      return { name, sets, exerciseId: known.exerciseId, exerciseName: byId.get(known.exerciseId)!.name, method: known.method };
    }
    const m = matcher(name);
    return { name, sets, exerciseId: m?.exerciseId ?? null, exerciseName: m?.exerciseName ?? null, method: m?.method ?? null };
  });
}

function resolveMember(ctx: HandlerContext, input: Input, parsed: StrongParseResult, tx: Db): { id: number; name: string } {
  if (input.memberId !== undefined) {
    const m = requireMember(ctx, input.memberId);
    return { id: m.id, name: m.name };
  }
  const name = input.memberName ?? input.fileName.replace(/\.[^.]+$/, '');
  const found = findMembersByName(tx, name);
  if (found.length > 1) throw new StudioError('conflict', `${found.length} members are called "${name}"; choose one by id`, 'memberName');
  if (found[0]) return { id: found[0].id, name: found[0].name };
  const firstDay = parsed.rows[0]?.startedAt ?? '';
  const lastDay = parsed.rows.at(-1)?.startedAt ?? '';
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
function groupWorkouts(rows: readonly StrongSetRow[], memberId: number, matches: Map<string, string | null>) {
  const workouts = new Map<string, { workout: WorkoutInsert; sets: SetInsert[]; counters: Map<string, number> }>();
  for (const r of rows) {
    const key = `${r.startedAt}\u0000${r.workoutName}`;
    let w = workouts.get(key);
    if (!w) {
      w = {
        workout: { memberId, startedAt: r.startedAt, name: r.workoutName, durationS: r.durationS, notes: r.workoutNotes ?? '', source: 'strong', importId: null },
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

export function importStrong(input: Input, ctx: HandlerContext): StrongImportReport {
  ctx.progress(0.05, `Reading ${input.fileName}`);
  const parsed = parseOrThrow(input);
  ctx.progress(0.35, `Read ${parsed.rows.length} sets; matching ${parsed.summary.exercises.length} exercise names`);
  const db = ctx.store.db;
  const names = matchNames(db, parsed);
  ctx.progress(0.5, 'Storing sets');
  const sha = createHash('sha256').update(input.content).digest('hex');
  const report = db.transaction((tx) => {
    const member = resolveMember(ctx, input, parsed, tx);
    for (const n of names) {
      if (n.exerciseId && n.method !== 'manual') mapExerciseName(tx, 'strong', n.name, n.exerciseId, n.method ?? 'auto');
    }
    const importId = recordImportRun(tx, { kind: 'strong', fileName: input.fileName, fileSha256: sha, memberId: member.id, staffId: ctx.caller.staff?.id ?? null, report: {} });
    const groups = groupWorkouts(parsed.rows, member.id, new Map(names.map((n) => [n.name, n.exerciseId])));
    for (const g of groups) g.workout.importId = importId;
    const { stored, duplicates } = insertWorkouts(tx, groups);
    const result: StrongImportReport = {
      importId, memberId: member.id, memberName: member.name, unit: parsed.unit, unitReason: parsed.unitReason,
      rowsTotal: parsed.summary.rowsTotal, setsStored: stored, duplicates,
      rejected: parsed.rejected.map((r) => ({ line: r.line, field: r.field, reason: r.reason })),
      days: parsed.summary.days, sessions: parsed.summary.sessions,
      matched: names.filter((n) => n.exerciseId !== null), unmatched: names.filter((n) => n.exerciseId === null),
    };
    updateImportReport(tx, importId, { ...result, rejected: result.rejected.length });
    recordAudit(tx, { ...auditActor(ctx), action: 'import.strong', entity: 'member', entityId: member.id, after: { importId, stored, duplicates, file: input.fileName }, subjectMemberId: member.id });
    return result;
  });
  ctx.progress(1, `Stored ${report.setsStored} sets (${report.duplicates} already there)`);
  return report;
}
