/**
 * Import handlers: a free-exercise-db file into the exercise library, and workout-app exports
 * (history-import.ts): one import path for every app; `imports/strong` is that path with the
 * format fixed to Strong.
 */
import { mapFreeExerciseDb } from '../../../engine/exercises/free-exercise-db';
import { upsertExercises } from '../../../db/exercises';
import { auditActor } from '../../host/context';
import { recordAudit } from '../../../db/audit';
import { createHash } from 'node:crypto';
import { recordImportRun } from '../../../db/imports';
import { StudioError } from '../../contract/errors';
import type { PartialHandlers } from '../../host/registry';
import { importHistory, previewImport } from './history-import';

export const importHandlers: PartialHandlers = {
  'imports/exercises': ({ fileName, content }, ctx) => {
    ctx.progress(0.05, `Reading ${fileName}`);
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch (err) {
      throw new StudioError('import_failed', `${fileName} is not valid JSON: ${(err as Error).message}`, 'content');
    }
    let mapped: ReturnType<typeof mapFreeExerciseDb>;
    try {
      mapped = mapFreeExerciseDb(json);
    } catch (err) {
      throw new StudioError('import_failed', `${fileName}: ${(err as Error).message}`, 'content');
    }
    ctx.progress(0.4, `Storing ${mapped.exercises.length} exercises`);
    const report = ctx.store.db.transaction((tx) => {
      const { created, updated } = upsertExercises(tx, mapped.exercises);
      const result = { total: mapped.exercises.length + mapped.rejected.length, imported: mapped.exercises.length, created, updated, rejected: mapped.rejected };
      recordImportRun(tx, { kind: 'exercises', fileName, fileSha256: createHash('sha256').update(content).digest('hex'), memberId: null, staffId: ctx.caller.staff?.id ?? null, report: result });
      recordAudit(tx, { ...auditActor(ctx), action: 'import.exercises', entity: 'exercise', entityId: fileName, after: { created, updated, rejected: result.rejected.length } });
      return result;
    });
    ctx.progress(1, `Imported ${report.imported} exercises`);
    return report;
  },
  'imports/strong': (input, ctx) => importHistory({ ...input, format: 'strong' }, ctx),
  'imports/history': (input, ctx) => importHistory(input, ctx),
  'imports/preview': (input, ctx) => previewImport(input, ctx),
};
