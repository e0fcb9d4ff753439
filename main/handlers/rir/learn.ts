/**
 * Keeps each member's RIR model state up to date with their logged sets, in time order:
 * before a set with a logged RIR (or taken to failure) the model's prediction is stored, then
 * the model learns from the set. Called after imports and on demand; idempotent.
 */
import { rirModel } from '../../../engine/rir/model';
import type { MemberRirState, PopulationModel, RirSet } from '../../../engine/rir/types';
import { estimateE1rm } from '../../../engine/e1rm/index';
import type { Exercise } from '../../../engine/types';
import { memberSetRecords } from '../../../db/history';
import type { Db } from '../../../db/open';
import {
  deleteRirState, getRirState, insertRirPredictions, saveRirState, setsToLearn, type LearnableSet, type RirPredictionInsert,
} from '../../../db/rir';

export function toRirSet(s: LearnableSet): RirSet {
  // A set marked as a failure set (Strong's "F") is to failure; its RIR 0 comes from the
  // marking, not from the member, so it is not read as a report (it would look like a bias of 0).
  // A RIR of 0 the member reported on an ordinary set stays a report.
  const toFailure = s.setKind === 'failure';
  return {
    memberId: s.memberId, exerciseId: s.exerciseId, performedAt: s.performedAt, loadKg: s.loadKg, reps: s.reps,
    reportedRir: toFailure ? null : s.rir, toFailure, setIndex: s.setIndex,
  };
}

/** e1RM hints (kg) per exercise from the member's history before `until`, for a fresh state. */
function e1rmHints(db: Db, memberId: number, until: string): Record<string, number> {
  const history = memberSetRecords(db, memberId).filter((s) => s.performedAt < until);
  const hints: Record<string, number> = {};
  for (const id of new Set(history.map((s) => s.exerciseId))) {
    const est = estimateE1rm(history, id, until);
    if (est) hints[id] = est.e1rmKg;
  }
  return hints;
}

export interface LearnResult { learnt: number; predictions: number; state: MemberRirState }

/**
 * Brings the member's state up to date. A state made with another population version is
 * rebuilt from the first set. Call inside a transaction.
 */
export function learnMember(db: Db, memberId: number, population: PopulationModel, library: readonly Exercise[]): LearnResult {
  let row = getRirState(db, memberId);
  if (row && row.populationVersion !== population.version) {
    deleteRirState(db, memberId);
    row = null;
  }
  const sets = setsToLearn(db, memberId, { at: row?.lastSetAt ?? null, id: row?.lastSetId ?? null });
  let state = row ? (row.state as MemberRirState)
    : rirModel.createMemberState(memberId, population, sets[0] ? e1rmHints(db, memberId, sets[0].performedAt) : {});
  if (sets.length === 0 && row) return { learnt: 0, predictions: 0, state };
  const byId = new Map(library.map((e) => [e.id, e]));
  const predictions: RirPredictionInsert[] = [];
  let learnt = 0;
  for (const s of sets) {
    const exercise = byId.get(s.exerciseId);
    if (!exercise) continue;
    const set = toRirSet(s);
    if (s.rir !== null || set.toFailure) {
      const p = rirModel.predictReps(state, population, exercise, library, { memberId, exerciseId: s.exerciseId, loadKg: s.loadKg, setIndex: s.setIndex, at: s.performedAt });
      const r = rirModel.rirAfter(p, s.reps);
      predictions.push({
        setLogId: s.id, memberId, exerciseId: s.exerciseId, performedAt: s.performedAt, predictedRtf: p.repsToFailure,
        predictedRir: r.rir, low80: r.low80, high80: r.high80, source: p.source, reportedRir: s.rir,
        observedRir: set.toFailure ? 0 : null, modelVersion: population.version,
      });
    }
    state = rirModel.updateWithSet(state, population, exercise, library, set);
    learnt++;
  }
  insertRirPredictions(db, predictions);
  const last = sets.at(-1);
  saveRirState(db, {
    memberId, populationVersion: population.version, state, sets: state.sets,
    lastSetAt: last?.performedAt ?? row?.lastSetAt ?? null, lastSetId: last?.id ?? row?.lastSetId ?? null,
  });
  return { learnt, predictions: predictions.length, state };
}
