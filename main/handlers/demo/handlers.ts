/** The demo club: clearly labelled members with generated histories (engine/demo). */
import { generateDemoClub } from '../../../engine/demo/history';
import { createExerciseMatcher } from '../../../engine/exercises/match';
import { allExercises } from '../../../db/exercises';
import { auditActor } from '../../host/context';
import { insertWorkouts, type SetInsert, type WorkoutInsert } from '../../../db/history';
import { createMember, memberStats } from '../../../db/members';
import { recordAudit } from '../../../db/audit';
import type { PartialHandlers } from '../../host/registry';
import { memberSummary } from '../members/views';

export const demoHandlers: PartialHandlers = {
  'demo/create': ({ seed, members: count }, ctx) => {
    const db = ctx.store.db;
    const club = generateDemoClub({ seed, now: ctx.now().toISOString(), members: count });
    const matcher = createExerciseMatcher(allExercises(db));
    const ids: number[] = [];
    let totalSets = 0;
    db.transaction((tx) => {
      for (const m of club) {
        const row = createMember(tx, {
          name: m.name, goal: m.goal, level: m.level, daysPerWeek: m.daysPerWeek, sessionMinutes: m.sessionMinutes,
          equipment: m.equipment, excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [],
          preferredUnit: m.preferredUnit, bodyMassKg: m.bodyMassKg, sex: m.sex, isDemo: true,
          notes: 'Demo member: generated history, not a real person.',
        });
        ids.push(row.id);
        const byDay = new Map<string, { workout: WorkoutInsert; sets: SetInsert[]; counters: Map<string, number> }>();
        for (const s of m.sets) {
          const day = s.performedAt.slice(0, 10);
          let w = byDay.get(day);
          if (!w) {
            w = { workout: { memberId: row.id, startedAt: s.performedAt, name: 'Demo session', durationS: null, notes: '', source: 'demo', importId: null }, sets: [], counters: new Map() };
            byDay.set(day, w);
          }
          const setIndex = (w.counters.get(s.exerciseName) ?? 0) + 1;
          w.counters.set(s.exerciseName, setIndex);
          w.sets.push({
            exerciseId: matcher(s.exerciseName)?.exerciseId ?? null, exerciseName: s.exerciseName, setIndex, setKind: 'working',
            loadKg: s.loadKg, reps: s.reps, rir: s.rir, rpe: s.rir === null ? null : 10 - s.rir, distanceM: null, durationS: null,
            performedAt: s.performedAt, notes: '',
          });
        }
        totalSets += insertWorkouts(ctx.store.sqlite, [...byDay.values()]).stored;
        recordAudit(tx, { ...auditActor(ctx), action: 'demo.create', entity: 'member', entityId: row.id, after: { name: m.name, sets: m.sets.length }, subjectMemberId: row.id });
      }
    });
    const stats = memberStats(db, ids);
    const rows = ids.map((id) => db.query.members.findFirst({ where: (t, { eq }) => eq(t.id, id) }).sync()!);
    return { members: rows.map((r) => memberSummary(r, stats.get(r.id)!)), sets: totalSets };
  },
};
