/** The RIR model registry: list, refit (in a worker, with progress) and rollback. */
import { DEFAULT_POPULATION } from '../../../engine/rir/population';
import { allExercises } from '../../../db/exercises';
import { recordAudit } from '../../../db/audit';
import { StudioError } from '../../contract/errors';
import type { ModelsView } from '../../contract/views';
import { auditActor, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { modelRegistry } from './population';
import { entryView, refitPopulation } from './refit';

function modelsView(ctx: HandlerContext): ModelsView {
  if (ctx.store.path === ':memory:') return { activeVersion: null, defaultVersion: DEFAULT_POPULATION.version, entries: [], history: [], canRollBack: false };
  const registry = modelRegistry(ctx.store.path);
  const entries = registry.list();
  return {
    activeVersion: entries.find((e) => e.status === 'active')?.version ?? null,
    defaultVersion: DEFAULT_POPULATION.version,
    entries: entries.map(entryView).reverse(),
    history: registry.history().map((h) => ({ at: h.at, from: h.from, to: h.to, reason: `${h.action}: ${h.reason}` })).reverse(),
    // Every active registry model was activated over an earlier one or over the default.
    canRollBack: entries.some((e) => e.status === 'active'),
  };
}

export const modelHandlers: PartialHandlers = {
  'models/list': (_input, ctx) => modelsView(ctx),
  'models/refit': (_input, ctx) => {
    if (ctx.store.path === ':memory:') throw new StudioError('conflict', 'an in-memory database keeps no model registry');
    let report;
    try {
      report = refitPopulation(ctx.store.db, ctx.store.path, allExercises(ctx.store.db), ctx.progress);
    } catch (err) {
      throw new StudioError('conflict', `the refit failed and the active model stays in place: ${(err as Error).message}`);
    }
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: report.activated ? 'model.activate' : 'model.refit', entity: 'model', entityId: report.entry.version, after: report });
    return report;
  },
  'models/rollback': (_input, ctx) => {
    try {
      const record = modelRegistry(ctx.store.path).rollback(`rolled back by ${ctx.caller.staff?.name ?? 'a local caller'}`);
      recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'model.rollback', entity: 'model', entityId: record.to ?? 'default', after: record });
    } catch (err) {
      throw new StudioError('conflict', `nothing was rolled back: ${(err as Error).message}`);
    }
    return modelsView(ctx);
  },
};
