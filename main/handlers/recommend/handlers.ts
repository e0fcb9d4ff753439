/**
 * Exercise recommendations (issue 15): `recommend/exercises` scores the library for a member's
 * slot or swap (engine/recommend), blending in the active ALS model once the member has logged
 * 3 workouts, with the member's preference profile and progression feedback (kept vs swapped out),
 * and leaving out what the safety layer blocked lately (`safetyBlocked`);
 * `recommend/train` trains ALS on every member's sessions (in a worker), validates it on
 * each member's last session held out, and registers it (models/recommend/registry.ts).
 *
 * CF stays off, and says so, when: no model was activated yet (a small club: fewer than
 * `CF_MIN_MEMBERS` members with `CF_MIN_WORKOUTS` workouts cannot train one), the member has fewer
 * than 3 workouts, or the active model's file fails its checksum.
 */
import { createHash } from 'node:crypto';
import {
  CF_MIN_WORKOUTS, HABIT_TARGET_MIN_WORKOUTS, RecommendInputError, sessionNameKey, affinityPercentiles, foldIn, habitualWeeklySets, implicitRow, planWeeklySets, scoreExercises, trainAls,
  type AlsModel, type CollaborativeSignal, type RecommendSet,
} from '../../../engine/recommend';
import { ndcgAt, rankByCount, recallAt } from '../../../engine/recommend/metrics';
import type { Equipment, Exercise, Level, Goal, Muscle, Pattern } from '../../../engine/types';
import { allExercises, exercisesVersion } from '../../../db/exercises';
import { listPlanHeaders, planTree } from '../../../db/plans';
import { recordAudit } from '../../../db/audit';
import { allSessionExercises, memberRecommendSets, type SessionExerciseRow } from '../../../db/recommend';
import { createRecRegistry, recommendRegistryDir } from '../../../models/recommend/registry';
import { StudioError } from '../../contract/errors';
import type { ExerciseSuggestionsView, RecommendTrainReport } from '../../contract/recommend-views';
import { auditActor, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { requireMember } from '../members/handlers';
import { memberFeedback } from '../progression/feedback';
import { listRecommendations } from '../../../db/progression';

/** Members with ≥ CF_MIN_WORKOUTS workouts needed before ALS is trained at all (below it, CF stays off). */
export const CF_MIN_MEMBERS = 20;
/** History the scorer reads (longer than its 90-day keep window). */
const HISTORY_DAYS = 180;
const DAY = 86_400_000;

type Session = { at: number; name: string; exerciseIds: string[] };

function sessionsByMember(rows: readonly SessionExerciseRow[]): Map<number, Session[]> {
  const out = new Map<number, Session[]>();
  const index = new Map<number, Session>();
  for (const r of rows) {
    let s = index.get(r.sessionId);
    if (s === undefined) {
      s = { at: Date.parse(r.startedAt.endsWith('Z') ? r.startedAt : `${r.startedAt}Z`), name: r.sessionName, exerciseIds: [] };
      index.set(r.sessionId, s);
      const list = out.get(r.memberId) ?? [];
      list.push(s);
      out.set(r.memberId, list);
    }
    if (!s.exerciseIds.includes(r.exerciseId)) s.exerciseIds.push(r.exerciseId);
  }
  return out;
}

const pairs = (sessions: readonly Session[]) => sessions.flatMap((s) => s.exerciseIds.map((exerciseId) => ({ exerciseId, atMs: s.at })));

function registryOf(ctx: HandlerContext) {
  return ctx.store.path === ':memory:' ? null : createRecRegistry(recommendRegistryDir(ctx.store.path), () => ctx.now());
}

function collaborativeFor(ctx: HandlerContext, memberId: number, nowMs: number, sessionName: string | undefined): { signal: CollaborativeSignal | null; reason: string; version: string | null } {
  const registry = registryOf(ctx);
  if (registry === null) return { signal: null, version: null, reason: 'CF is off: an in-memory database keeps no model' };
  let active;
  try {
    active = registry.active();
  } catch (err) {
    return { signal: null, version: null, reason: `CF is off: ${(err as Error).message}` };
  }
  if (active === null) return { signal: null, version: null, reason: `CF is off: no model is active yet (training needs ${CF_MIN_MEMBERS} members with ${CF_MIN_WORKOUTS + 1}+ workouts: ${CF_MIN_WORKOUTS} to learn from, 1 held out)` };
  const mine = sessionsByMember(allSessionExercises(ctx.store.db).filter((r) => r.memberId === memberId)).get(memberId) ?? [];
  if (mine.length < CF_MIN_WORKOUTS) return { signal: null, version: active.entry.version, reason: `CF is off: the member has ${mine.length} of ${CF_MIN_WORKOUTS} workouts` };
  // Filling a named session: fold in the member's sessions of that name when there are any (as the bench does).
  const named = sessionName === undefined ? [] : mine.filter((s) => sessionNameKey(s.name) === sessionNameKey(sessionName));
  const row = implicitRow(active.model, pairs(named.length > 0 ? named : mine), nowMs);
  return {
    signal: { affinity: affinityPercentiles(active.model, foldIn(active.model, row)), modelVersion: active.entry.version },
    version: active.entry.version, reason: `CF on: model ${active.entry.version}`,
  };
}

/** Held-out NDCG@5 / Recall@10 of ALS item factors (fold-in on the training sessions) and of popularity. */
function scoreHeldOut(model: AlsModel | null, held: ReadonlyArray<{ train: Session[]; truth: Set<string>; now: number }>, popularity: Map<string, number>) {
  let n5 = 0; let r10 = 0; let p5 = 0;
  for (const h of held) {
    if (model !== null) {
      const ranked = rankByCount(affinityPercentiles(model, foldIn(model, implicitRow(model, pairs(h.train), h.now))), 10);
      n5 += ndcgAt(ranked, h.truth, 5); r10 += recallAt(ranked, h.truth, 10);
    }
    p5 += ndcgAt(rankByCount(popularity, 10), h.truth, 5);
  }
  const n = Math.max(1, held.length);
  return { ndcgAt5: n5 / n, recallAt10: r10 / n, popularityNdcgAt5: p5 / n };
}

export function trainRecommender(ctx: HandlerContext): RecommendTrainReport {
  const t0 = performance.now();
  ctx.progress(0.05, 'Collecting sessions');
  const library = allExercises(ctx.store.db);
  const items = library.map((e) => e.id);
  const byMember = sessionsByMember(allSessionExercises(ctx.store.db));
  const eligible = [...byMember.entries()].filter(([, s]) => s.length >= CF_MIN_WORKOUTS + 1);
  const base = { members: eligible.length, trainingSamples: 0, heldOutSessions: 0, ndcgAt5: null, recallAt10: null, popularityNdcgAt5: null, activeNdcgAt5: null };
  if (eligible.length < CF_MIN_MEMBERS) {
    return { ...base, version: null, activated: false, reason: `too little data: ${eligible.length} members with ${CF_MIN_WORKOUTS + 1}+ workouts, CF needs ${CF_MIN_MEMBERS}; it stays off and suggestions use the content score only`, seconds: (performance.now() - t0) / 1000 };
  }
  const stub = { items, halfLifeDays: 90 };
  const index = new Map(items.map((id, i) => [id, i]));
  const held = eligible.map(([, s]) => ({ train: s.slice(0, -1), truth: new Set(s.at(-1)!.exerciseIds), now: s.at(-1)!.at }));
  const rows = held.map((h) => implicitRow(stub, pairs(h.train), h.now, index));
  const popularity = new Map<string, number>();
  for (const h of held) for (const s of h.train) for (const id of s.exerciseIds) popularity.set(id, (popularity.get(id) ?? 0) + 1);
  ctx.progress(0.2, `Training ALS on ${rows.length} members`);
  const trained = trainAls(items, rows);
  ctx.progress(0.7, 'Scoring on held-out sessions');
  const fresh = scoreHeldOut(trained.model, held, popularity);
  const registry = registryOf(ctx);
  if (registry === null) throw new StudioError('conflict', 'an in-memory database keeps no model registry');
  let activeNdcg: number | null = null;
  try {
    const a = registry.active();
    if (a !== null) activeNdcg = scoreHeldOut(a.model, held, popularity).ndcgAt5;
  } catch { activeNdcg = null; }
  const heldOutId = createHash('sha256').update(held.map((h) => h.now).join(',')).digest('hex').slice(0, 8);
  const version = `als-${ctx.now().toISOString().replace(/[:.]/g, '-')}-${heldOutId}`;
  const entry = registry.register(trained.model, {
    version, trainingSamples: trained.samples, members: rows.length,
    validation: { ...fresh, heldOutSessions: held.length },
  });
  const decision = registry.activateIfBetter(entry.version, activeNdcg);
  ctx.progress(1, decision.activated ? `Activated ${version}` : `Kept the active model: ${decision.reason}`);
  return {
    ...base, version, activated: decision.activated, reason: decision.reason, trainingSamples: trained.samples, heldOutSessions: held.length,
    ndcgAt5: fresh.ndcgAt5, recallAt10: fresh.recallAt10, popularityNdcgAt5: fresh.popularityNdcgAt5, activeNdcgAt5: activeNdcg,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The library per database, reloaded when `exercisesVersion` changes (an import or a custom exercise). */
type Library = { version: string; exercises: Exercise[]; byId: ReadonlyMap<string, Exercise> };
const libraries = new WeakMap<HandlerContext['store']['db'], Library>();
function libraryOf(db: HandlerContext['store']['db']): Library {
  const version = exercisesVersion(db);
  let cached = libraries.get(db);
  if (cached === undefined || cached.version !== version) {
    const exercises = allExercises(db);
    cached = { version, exercises, byId: new Map(exercises.map((e) => [e.id, e])) };
    libraries.set(db, cached);
  }
  return cached;
}

type Targets = { weekly: Partial<Record<Muscle, number>> | undefined; view: ExerciseSuggestionsView['targets'] };

/**
 * The need score's weekly set targets: the member's newest approved or active plan (its first
 * non-deload week), else their own mean weekly sets over the last 8 weeks (engine/recommend/targets.ts),
 * else undefined (the scorer uses the goal's minimum).
 */
function weeklyTargets(db: HandlerContext['store']['db'], memberId: number, history: readonly RecommendSet[], byId: ReadonlyMap<string, Exercise>, nowMs: number): Targets {
  const plan = listPlanHeaders(db, { memberId }).find((p) => p.status === 'approved' || p.status === 'active');
  if (plan !== undefined) {
    const tree = planTree(db, plan.id);
    const week = tree.weeks.find((w) => !w.isDeload) ?? tree.weeks[0];
    const weekly = week === undefined ? null : planWeeklySets(week.sessions.flatMap((s) => s.prescriptions), byId);
    if (weekly !== null) return { weekly, view: { source: 'plan', reason: `Weekly set targets from plan "${plan.name}" (week ${week!.week})` } };
  }
  const weekly = habitualWeeklySets(history, byId, nowMs);
  if (weekly !== null) return { weekly, view: { source: 'habit', reason: 'Weekly set targets from the member\'s own last 8 weeks (no approved plan)' } };
  return { weekly: undefined, view: { source: 'goal', reason: `Weekly set targets are the goal's minimum (no approved plan, fewer than ${HABIT_TARGET_MIN_WORKOUTS} workouts in 8 weeks)` } };
}

/** How long a safety block on an exercise keeps it out of the suggestions, days. */
export const SAFETY_BLOCK_DAYS = 7;

/**
 * Exercises whose latest progression recommendation (within `SAFETY_BLOCK_DAYS`) the safety layer
 * blocked (pain, illness, failed at RPE 10, heart-rate flags: engine/safety/assess.ts): not suggested.
 */
function safetyBlocked(db: HandlerContext['store']['db'], memberId: number, now: Date): string[] {
  const since = now.getTime() - SAFETY_BLOCK_DAYS * DAY;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of listRecommendations(db, memberId, undefined, 1000)) {
    if (seen.has(r.exerciseId)) continue;
    seen.add(r.exerciseId);
    const at = Date.parse(r.createdAt.endsWith('Z') ? r.createdAt : `${r.createdAt.replace(' ', 'T')}Z`);
    if (r.safetyStatus === 'blocked' && at >= since) out.push(r.exerciseId);
  }
  return out;
}

export const recommendHandlers: PartialHandlers = {
  'recommend/exercises': (input, ctx): ExerciseSuggestionsView => {
    const m = requireMember(ctx, input.memberId);
    const db = ctx.store.db;
    const now = ctx.now();
    const sets = memberRecommendSets(db, m.id, new Date(now.getTime() - HISTORY_DAYS * DAY).toISOString().slice(0, 10));
    const history: RecommendSet[] = sets.map((s) => ({
      exerciseId: s.exerciseId, performedAt: s.performedAt.endsWith('Z') ? s.performedAt : `${s.performedAt}Z`, rir: s.rir,
      isWarmup: s.setKind === 'warmup', sessionKey: String(s.sessionId), sessionName: s.sessionName,
    }));
    const cf = collaborativeFor(ctx, m.id, now.getTime(), input.context.kind === 'slot' ? input.context.sessionName : undefined);
    const { profile, entries } = memberFeedback(db, m.id);
    const library = libraryOf(db);
    const targets = weeklyTargets(db, m.id, history, library.byId, now.getTime());
    try {
      const suggestions = scoreExercises({
        library: library.exercises, weeklySetTargets: targets.weekly,
        member: {
          goal: m.goal as Goal, level: m.level as Level, equipment: m.equipment as Equipment[],
          excludedMuscles: m.excludedMuscles as Muscle[], excludedPatterns: m.excludedPatterns as Pattern[], excludedExerciseIds: m.excludedExerciseIds,
        },
        history, context: input.context, now: now.toISOString(), topN: input.topN, collaborative: cf.signal,
        preferenceProfile: profile, feedback: entries, safetyBlockedExerciseIds: safetyBlocked(db, m.id, now),
      });
      const on = suggestions.some((s) => s.cf !== null);
      return {
        memberId: m.id, context: { kind: input.context.kind, exerciseId: input.context.kind === 'swap' ? input.context.exerciseId : null },
        suggestions, cf: { on, modelVersion: cf.version, reason: on || cf.signal === null ? cf.reason : `CF is off: the member has fewer than ${CF_MIN_WORKOUTS} workouts` },
        targets: targets.view,
      };
    } catch (err) {
      if (err instanceof RecommendInputError) {
        throw new StudioError('invalid_input', err.message, err.field);
      }
      throw err;
    }
  },
  'recommend/train': (_input, ctx) => {
    const report = trainRecommender(ctx);
    if (report.version !== null) {
      recordAudit(ctx.store.db, { ...auditActor(ctx), action: report.activated ? 'model.activate' : 'model.refit', entity: 'model', entityId: report.version, after: report });
    }
    return report;
  },
};
