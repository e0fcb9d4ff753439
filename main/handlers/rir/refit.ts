/**
 * The periodic refit of the RIR model's population part (runs in a worker: `models/refit` is
 * `runsInWorker`). Per member, the last `HELD_OUT_SHARE` of the sets with a logged RIR (or taken
 * to failure) are held out; the population is fitted on everything else; then each member's
 * state is replayed over their training sets and the held-out sets are predicted, by the new
 * model and by the active one alike, so both are scored on the same held-out sets. The
 * registry activates the new model only if its held-out MAE is lower.
 */
import { createHash } from 'node:crypto';
import { rirModel } from '../../../engine/rir/model';
import { DEFAULT_POPULATION, fitPopulation } from '../../../engine/rir/population';
import type { PopulationModel, RirSet } from '../../../engine/rir/types';
import type { Exercise } from '../../../engine/types';
import { allLearnableSets } from '../../../db/rir';
import type { Db } from '../../../db/open';
import type { RefitReport, ModelEntryView } from '../../contract/views';
import type { RegistryEntry } from '../../../models/rir/registry';
import { toRirSet } from './learn';
import { activePopulation, modelRegistry } from './population';

export const HELD_OUT_SHARE = 0.2;

interface Split { train: RirSet[]; heldOut: RirSet[]; heldOutIds: number[] }

function split(db: Db): Split {
  const byMember = new Map<number, Array<{ id: number; set: RirSet }>>();
  for (const s of allLearnableSets(db)) {
    const list = byMember.get(s.memberId) ?? [];
    list.push({ id: s.id, set: toRirSet(s) });
    byMember.set(s.memberId, list);
  }
  const out: Split = { train: [], heldOut: [], heldOutIds: [] };
  for (const sets of byMember.values()) {
    const informative = sets.filter((s) => s.set.reportedRir !== null || s.set.toFailure);
    const cut = informative.length - Math.floor(informative.length * HELD_OUT_SHARE);
    const firstHeld = informative[cut]?.set.performedAt ?? null;
    for (const s of sets) {
      const held = firstHeld !== null && s.set.performedAt >= firstHeld && (s.set.reportedRir !== null || s.set.toFailure);
      if (held) { out.heldOut.push(s.set); out.heldOutIds.push(s.id); } else if (firstHeld === null || s.set.performedAt < firstHeld) out.train.push(s.set);
    }
  }
  return out;
}

/** Held-out MAE (predicted vs observed RIR: 0 on failure sets, else reported) and 80 % coverage. */
export function scoreHeldOut(population: PopulationModel, data: Split, library: readonly Exercise[]): { maeReps: number; coverage80: number } {
  const byId = new Map(library.map((e) => [e.id, e]));
  const members = new Set(data.heldOut.map((s) => s.memberId));
  let err = 0; let covered = 0; let n = 0;
  for (const memberId of members) {
    let state = rirModel.createMemberState(memberId, population);
    for (const s of data.train) {
      if (s.memberId === memberId && byId.has(s.exerciseId)) state = rirModel.updateWithSet(state, population, byId.get(s.exerciseId)!, library, s);
    }
    for (const s of data.heldOut) {
      const ex = byId.get(s.exerciseId);
      if (s.memberId !== memberId || !ex) continue;
      const r = rirModel.rirAfter(rirModel.predictReps(state, population, ex, library, { memberId, exerciseId: s.exerciseId, loadKg: s.loadKg, setIndex: s.setIndex, at: s.performedAt }), s.reps);
      const obs = s.toFailure ? 0 : s.reportedRir!;
      err += Math.abs(r.rir - obs);
      if (obs >= r.low80 && obs <= r.high80) covered++;
      n++;
    }
  }
  return { maeReps: n ? err / n : Number.NaN, coverage80: n ? covered / n : Number.NaN };
}

export function entryView(e: RegistryEntry): ModelEntryView {
  return {
    version: e.version, createdAt: e.createdAt, status: e.status, trainingSamples: e.trainingSamples,
    maeReps: e.validation.maeReps ?? Number.NaN, coverage80: e.validation.coverage80 ?? Number.NaN,
    heldOutSets: e.validation.heldOutSets, sha256: e.files.population.sha256, sizeBytes: e.files.population.bytes + e.files.onnx.bytes,
  };
}

export function refitPopulation(db: Db, dbPath: string, library: readonly Exercise[], progress: (f: number, m: string) => void): RefitReport {
  const t0 = performance.now();
  progress(0.02, 'Collecting sets');
  const data = split(db);
  if (data.heldOut.length === 0) throw new Error('no sets with a logged RIR to validate a refit on; log or import some first');
  progress(0.05, `Fitting on ${data.train.length} sets (${data.heldOut.length} held out)`);
  const fitted = fitPopulation({ sets: data.train, exercises: library }, { onProgress: (f, m) => progress(0.05 + f * 0.6, m) });
  progress(0.7, 'Scoring the new model on held-out sets');
  const fresh = scoreHeldOut(fitted, data, library);
  progress(0.85, 'Scoring the active model on the same sets');
  const active = activePopulation(dbPath);
  const previous = scoreHeldOut(active, data, library);
  const registry = modelRegistry(dbPath);
  const heldOutId = createHash('sha256').update(data.heldOutIds.join(',')).digest('hex').slice(0, 16);
  const version = registry.list().some((e) => e.version === fitted.version) ? `${fitted.version}-${Date.now().toString(36)}` : fitted.version;
  const entry = registry.register({ ...fitted, version }, { ...fresh, heldOutSets: data.heldOut.length, heldOutId });
  // With no registry model active, the default is in use: the new model must beat it too.
  const noneActive = !registry.list().some((e) => e.status === 'active');
  const decision = noneActive && !(fresh.maeReps < previous.maeReps)
    ? { activated: false, reason: `held-out MAE ${fresh.maeReps.toFixed(3)} is not below the published-figures default's ${previous.maeReps.toFixed(3)}` }
    : registry.activateIfBetter(entry.version, { activeMaeOnSameSet: previous.maeReps });
  progress(1, decision.activated ? `Activated ${entry.version}` : `Kept the active model: ${decision.reason}`);
  const stored = registry.list().find((e) => e.version === entry.version) ?? entry;
  const activeWasDefault = active.version === DEFAULT_POPULATION.version;
  return {
    entry: entryView(stored), activated: decision.activated,
    reason: activeWasDefault && !/default/.test(decision.reason) ? `${decision.reason}; the published-figures default was in use` : decision.reason,
    previousMaeReps: Number.isFinite(previous.maeReps) ? previous.maeReps : null,
    seconds: (performance.now() - t0) / 1000,
  };
}
