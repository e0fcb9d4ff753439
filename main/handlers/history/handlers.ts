/** Training-history handlers: e1RM series, weekly volume and recent sets. */
import { e1rmSeries, weeklyVolume } from '../../../engine/e1rm/index';
import { exerciseCounts, memberSetRecords, recentSets } from '../../../db/history';
import { getExercises } from '../../../db/exercises';
import type { PartialHandlers } from '../../host/registry';
import { requireMember } from '../members/handlers';

export const historyHandlers: PartialHandlers = {
  'history/e1rm': ({ memberId, limit }, ctx) => {
    requireMember(ctx, memberId);
    const db = ctx.store.db;
    const counts = exerciseCounts(db, memberId);
    const exercises = getExercises(db, counts.map((c) => c.exerciseId));
    // Main lifts: the most trained compound lifts with external load.
    const main = counts.filter((c) => {
      const e = exercises.get(c.exerciseId);
      return e && e.mechanic === 'compound' && e.equipment !== 'body_only' && e.equipment !== 'pullup_bar';
    }).slice(0, limit);
    const history = memberSetRecords(db, memberId);
    return main.map((c) => ({
      exerciseId: c.exerciseId,
      exerciseName: exercises.get(c.exerciseId)!.name,
      sets: c.sets,
      points: e1rmSeries(history, c.exerciseId).map((p) => ({ date: p.date, e1rmKg: p.e1rmKg })),
    })).filter((s) => s.points.length > 0);
  },
  'history/volume': ({ memberId }, ctx) => {
    requireMember(ctx, memberId);
    return weeklyVolume(memberSetRecords(ctx.store.db, memberId)).map((w) => ({ weekStart: w.weekStart, sets: w.sets, tonnageKg: w.tonnageKg }));
  },
  'history/sets': ({ memberId, limit }, ctx) => {
    requireMember(ctx, memberId);
    return recentSets(ctx.store.db, memberId, limit);
  },
};
