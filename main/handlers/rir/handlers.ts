/** RIR-model handlers: a member's learnt bias and accuracy, and single predictions. */
import { rirModel } from '../../../engine/rir/model';
import { summarizeAccuracy } from '../../../engine/rir/accuracy';
import { allExercises } from '../../../db/exercises';
import { memberRirPredictions } from '../../../db/rir';
import { StudioError } from '../../contract/errors';
import type { PartialHandlers } from '../../host/registry';
import { learnMember } from './learn';
import { activePopulation } from './population';
import { requireMember } from '../members/handlers';

export const rirHandlers: PartialHandlers = {
  'rir/member': ({ memberId, limit }, ctx) => {
    requireMember(ctx, memberId);
    const db = ctx.store.db;
    const population = activePopulation(ctx.store.path);
    const { state } = db.transaction((tx) => learnMember(tx, memberId, population, allExercises(tx)));
    const rows = memberRirPredictions(db, memberId, 5000);
    const accuracy = summarizeAccuracy(rows);
    return {
      memberId, setsLearnt: state.sets, modelVersion: population.version,
      bias: rirModel.describeBias(state),
      accuracy,
      recent: rows.slice(0, limit).map((r) => ({
        setLogId: r.setLogId, performedAt: r.performedAt, exerciseId: r.exerciseId, exerciseName: r.exerciseName, loadKg: r.loadKg,
        reps: r.reps, predictedRir: r.predictedRir, low80: r.low80, high80: r.high80, reportedRir: r.reportedRir, observedRir: r.observedRir,
      })),
      unsure: [...accuracy.byExercise].sort((a, b) => b.meanWidth80 - a.meanWidth80).slice(0, 5)
        .map((e) => ({ exerciseId: e.exerciseId, exerciseName: e.exerciseName, meanWidth80: e.meanWidth80 })),
      disagree: accuracy.byExercise.filter((e) => e.disagreeShare >= 0.3 && e.sets >= 3)
        .map((e) => ({ exerciseId: e.exerciseId, exerciseName: e.exerciseName, disagreeShare: e.disagreeShare, sets: e.sets })),
    };
  },
  'rir/predict': ({ memberId, exerciseId, loadKg, reps, setIndex }, ctx) => {
    requireMember(ctx, memberId);
    const db = ctx.store.db;
    const library = allExercises(db);
    const exercise = library.find((e) => e.id === exerciseId);
    if (!exercise) throw new StudioError('not_found', `there is no exercise with id "${exerciseId}"`, 'exerciseId');
    const population = activePopulation(ctx.store.path);
    const { state } = db.transaction((tx) => learnMember(tx, memberId, population, library));
    const p = rirModel.predictReps(state, population, exercise, library, { memberId, exerciseId, loadKg, setIndex, at: ctx.now().toISOString() });
    const r = reps === undefined ? null : rirModel.rirAfter(p, reps);
    return {
      repsToFailure: p.repsToFailure, low80: p.low80, high80: p.high80, source: p.source,
      rir: r?.rir ?? null, rirLow80: r?.low80 ?? null, rirHigh80: r?.high80 ?? null, modelVersion: population.version,
    };
  },
};
