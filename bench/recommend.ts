/**
 * `npm run bench -- recommend [--json]`: the exercise recommender (engine/recommend) on real logs,
 * against two trivial baselines, and its speed.
 *
 * Next-session exercises (recommend-data.ts: 15 real lifters through the studio's importer):
 * rolling leave-next-session-out. For every session k ≥ 3 of each lifter, given only sessions < k,
 * rank the library and score the exercises actually done in session k (Precision@5, Recall@10,
 * NDCG@5; engine/recommend/metrics.ts). Figures are the mean over lifters of each lifter's mean
 * (every lifter weighs the same; one log has 1,460 sessions); the session-weighted means are printed too.
 * - model: `scoreExercises` (slot: `sessionName` = the session's workout name, target muscles = the
 *   primary muscles of the exercises of the last session of that name, as "Add exercise" does with
 *   the session's exercises),
 *   weekly set targets = the lifter's own mean weekly sets per muscle over the 8 weeks before the
 *   session (`habitualWeeklySets`, what the studio uses when a member has no approved plan; the real
 *   logs have no plans), blended with ALS once the lifter has ≥ 3 workouts. The ALS item factors are trained on the
 *   other 14 lifters only (each cut into 90-day pseudo-members so there are enough rows), and the
 *   lifter's own history before the session is folded in (one ALS user step): no future data of
 *   the scored lifter reaches the model. The fold-in uses the lifter's earlier sessions with the same
 *   workout name when there are any (the session being filled), else all of the last 365 days. Member profile: intermediate, hypertrophy, every kit.
 * - popularity: exercises by number of sessions containing them, over the other lifters' sessions
 *   and this lifter's sessions before k.
 * - last session: the exercises of the lifter's latest earlier session with the same workout name
 *   (the latest session if none), in logged order, then the lifter's own most frequent exercises.
 * Ablations: content only (CF off) and ALS alone.
 *
 * Swaps: an exercise A done in ≥ 3 sessions, then never again, where the next session with A's last
 * workout name holds an exercise B never done before and not A: is B in the top 5 of the swap list
 * for A (history up to that session; keepPattern true, and false)? Baseline: the most popular
 * exercises of A's pattern (other lifters' sessions), A excluded.
 *
 * Speed: `score_p95_ms`: one `scoreExercises` over the whole library (built-in + free-exercise-db),
 * no pattern or muscle restriction (every exercise scored), 180 days of the largest lifter's
 * history, CF on; `als_train_s`: ALS (32 factors, 10 sweeps) on
 * 2,000 simulated members × 52 weeks (3 sessions a week from personal templates of archetype pools).
 */
import { performance } from 'node:perf_hooks';
import {
  ALS_DEFAULTS, affinityPercentiles, foldIn, habitualWeeklySets, implicitRow, scoreExercises, trainAls,
  type AlsModel, type RecommendInput, type RecommendMember, type RecommendSet,
} from '../engine/recommend';
import { ndcgAt, precisionAt, rankByCount, recallAt } from '../engine/recommend/metrics';
import { mulberry32 } from '../engine/random';
import type { Exercise } from '../engine/types';
import { EQUIPMENT } from '../engine/exercises/vocabulary';
import { fullLibrary, recommendLifters, type LogSession, type RecLifter } from './recommend-data';
import { percentile, round } from './stats';

const DAY = 86_400_000;
const HISTORY_DAYS = 180;
const MIN_PRIOR_SESSIONS = 3;
const PSEUDO_MEMBER_DAYS = 90;

const MEMBER: RecommendMember = {
  goal: 'hypertrophy', level: 'intermediate', equipment: [...EQUIPMENT], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [],
};

interface Scores { p5: number; r10: number; n5: number; n: number }
const zero = (): Scores => ({ p5: 0, r10: 0, n5: 0, n: 0 });
function addScore(s: Scores, ranked: readonly string[], truth: ReadonlySet<string>): void {
  s.p5 += precisionAt(ranked, truth, 5); s.r10 += recallAt(ranked, truth, 10); s.n5 += ndcgAt(ranked, truth, 5); s.n++;
}
const mean = (s: Scores) => ({ p5: s.p5 / s.n, r10: s.r10 / s.n, n5: s.n5 / s.n });

/** ALS rows from lifters: one per 90-day window of each lifter, decayed to the window's end. */
function pseudoMembers(lifters: readonly RecLifter[], index: Map<string, number>, model: Pick<AlsModel, 'items' | 'halfLifeDays'>): Map<number, number>[] {
  const rows: Map<number, number>[] = [];
  for (const l of lifters) {
    if (l.sessions.length === 0) continue;
    let start = l.sessions[0]!.atMs;
    let bucket: LogSession[] = [];
    const flush = () => {
      if (bucket.length >= MIN_PRIOR_SESSIONS) {
        const end = bucket.at(-1)!.atMs;
        const row = implicitRow(model, bucket.flatMap((s) => s.exerciseIds.map((id) => ({ exerciseId: id, atMs: s.atMs }))), end, index);
        if (row.size > 0) rows.push(row);
      }
      bucket = [];
    };
    for (const s of l.sessions) {
      if (s.atMs - start > PSEUDO_MEMBER_DAYS * DAY) { flush(); start = s.atMs; }
      bucket.push(s);
    }
    flush();
  }
  return rows;
}

function historyBefore(l: RecLifter, k: number): RecommendSet[] {
  const now = l.sessions[k]!.atMs;
  const out: RecommendSet[] = [];
  for (let j = k - 1; j >= 0 && now - l.sessions[j]!.atMs <= HISTORY_DAYS * DAY; j--) out.push(...l.sessions[j]!.sets);
  return out;
}

/** The lifter's latest session before k with session k's workout name, else the latest session. */
function lastOfName(l: RecLifter, k: number): LogSession {
  const name = l.sessions[k]!.name.trim().toLowerCase();
  for (let j = k - 1; j >= 0; j--) if (l.sessions[j]!.name.trim().toLowerCase() === name) return l.sessions[j]!;
  return l.sessions[k - 1]!;
}

function lastSessionRanking(l: RecLifter, k: number, own: Map<string, number>): string[] {
  const out = [...lastOfName(l, k).exerciseIds];
  for (const id of rankByCount(own, 20)) if (!out.includes(id)) out.push(id);
  return out.slice(0, 10);
}

function countSessions(sessions: readonly LogSession[], into = new Map<string, number>()): Map<string, number> {
  for (const s of sessions) for (const id of s.exerciseIds) into.set(id, (into.get(id) ?? 0) + 1);
  return into;
}

interface Replacement { k: number; out: string; in: string }
/** Swaps seen in a lifter's log (see the header). */
function replacements(l: RecLifter): Replacement[] {
  const first = new Map<string, number>(); const last = new Map<string, number>(); const count = new Map<string, number>();
  l.sessions.forEach((s, k) => s.exerciseIds.forEach((id) => {
    if (!first.has(id)) first.set(id, k);
    last.set(id, k); count.set(id, (count.get(id) ?? 0) + 1);
  }));
  const out: Replacement[] = [];
  for (const [a, kLast] of last) {
    if ((count.get(a) ?? 0) < 3 || kLast >= l.sessions.length - 1) continue;
    const name = l.sessions[kLast]!.name.trim().toLowerCase();
    const next = l.sessions.findIndex((s, j) => j > kLast && s.name.trim().toLowerCase() === name);
    if (next < 0) continue;
    const fresh = l.sessions[next]!.exerciseIds.filter((id) => first.get(id) === next);
    for (const b of fresh.slice(0, 1)) out.push({ k: next, out: a, in: b });
  }
  return out;
}

function simulatedRows(library: readonly Exercise[], members: number, weeks: number, seed: number): { items: string[]; rows: Map<number, number>[] } {
  const rand = mulberry32(seed);
  const lifting = library.filter((e) => e.category === 'strength' || e.category === 'powerlifting');
  const items = lifting.map((e) => e.id);
  const pools = Array.from({ length: 12 }, () => Array.from({ length: 40 }, () => Math.floor(rand() * items.length)));
  const rows: Map<number, number>[] = [];
  for (let u = 0; u < members; u++) {
    const pool = pools[Math.floor(rand() * pools.length)]!;
    const templates = Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => (rand() < 0.85 ? pool[Math.floor(rand() * pool.length)]! : Math.floor(rand() * items.length))));
    const row = new Map<number, number>();
    for (let w = 0; w < weeks; w++) {
      if (rand() < 0.15) continue; // a missed week
      if (rand() < 0.08) { const t = templates[Math.floor(rand() * 3)]!; t[Math.floor(rand() * 5)] = pool[Math.floor(rand() * pool.length)]!; }
      for (const t of templates) for (const i of new Set(t)) row.set(i, (row.get(i) ?? 0) + 2 ** (-(weeks - 1 - w) * 7 / ALS_DEFAULTS.halfLifeDays));
    }
    rows.push(row);
  }
  return { items, rows };
}

export async function recommend(log: (line: string) => void): Promise<Record<string, number>> {
  const t0 = performance.now();
  const library = fullLibrary();
  const lifters = recommendLifters(library);
  const items = library.map((e) => e.id);
  const index = new Map(items.map((id, i) => [id, i]));
  const stub = { items, halfLifeDays: ALS_DEFAULTS.halfLifeDays };
  const byId = new Map(library.map((e) => [e.id, e]));
  log(`library ${library.length} exercises; ${lifters.length} lifters, ${lifters.reduce((n, l) => n + l.sessions.length, 0)} sessions (loaded in ${round((performance.now() - t0) / 1000, 1)} s)`);

  const arms = ['model', 'content', 'als', 'popularity', 'last'] as const;
  const perLifter: Record<(typeof arms)[number], Scores[]> = { model: [], content: [], als: [], popularity: [], last: [] };
  const swap = { n: 0, keep: 0, loose: 0, pop: 0 };
  let speedInput: RecommendInput | null = null;
  for (const l of lifters) {
    const others = lifters.filter((o) => o !== l);
    const { model } = trainAls(items, pseudoMembers(others, index, stub));
    const otherCounts = countSessions(others.flatMap((o) => o.sessions));
    const s = Object.fromEntries(arms.map((a) => [a, zero()])) as Record<(typeof arms)[number], Scores>;
    const own = new Map<string, number>();
    for (let k = 0; k < l.sessions.length; k++) {
      const session = l.sessions[k]!;
      if (k >= MIN_PRIOR_SESSIONS && session.exerciseIds.length > 0) {
        const truth = new Set(session.exerciseIds);
        const history = historyBefore(l, k);
        const recent = l.sessions.slice(0, k).filter((p) => session.atMs - p.atMs <= 365 * DAY);
        const named = recent.filter((p) => p.name.trim().toLowerCase() === session.name.trim().toLowerCase());
        const prior = named.length > 0 ? named : recent;
        const row = implicitRow(stub, prior.flatMap((p) => p.exerciseIds.map((id) => ({ exerciseId: id, atMs: p.atMs }))), session.atMs, index);
        const affinity = affinityPercentiles(model, foldIn(model, row));
        const input: RecommendInput = {
          library, member: MEMBER, history, now: session.at, topN: 10,
          context: { kind: 'slot', sessionName: session.name, musclesOfExerciseIds: lastOfName(l, k).exerciseIds },
          collaborative: { affinity, modelVersion: 'bench' },
          weeklySetTargets: habitualWeeklySets(history, byId, session.atMs) ?? undefined,
        };
        addScore(s.model, scoreExercises(input).map((r) => r.exerciseId), truth);
        addScore(s.content, scoreExercises({ ...input, collaborative: null }).map((r) => r.exerciseId), truth);
        addScore(s.als, rankByCount(affinity, 10), truth);
        const pop = new Map(otherCounts);
        countSessions(l.sessions.slice(0, k), pop);
        addScore(s.popularity, rankByCount(pop, 10), truth);
        addScore(s.last, lastSessionRanking(l, k, own), truth);
        if (speedInput === null || history.length > speedInput.history.length) speedInput = input;
      }
      for (const id of session.exerciseIds) own.set(id, (own.get(id) ?? 0) + 1);
    }
    for (const rep of replacements(l)) {
      const session = l.sessions[rep.k]!;
      const prior = l.sessions.slice(0, rep.k).filter((p) => session.atMs - p.atMs <= 365 * DAY);
      const row = implicitRow(stub, prior.flatMap((p) => p.exerciseIds.map((id) => ({ exerciseId: id, atMs: p.atMs }))), session.atMs, index);
      const base = {
        library, member: MEMBER, history: historyBefore(l, rep.k), now: session.at, topN: 5,
        collaborative: { affinity: affinityPercentiles(model, foldIn(model, row)), modelVersion: 'bench' },
      };
      swap.n++;
      if (scoreExercises({ ...base, context: { kind: 'swap', exerciseId: rep.out } }).some((r) => r.exerciseId === rep.in)) swap.keep++;
      if (scoreExercises({ ...base, context: { kind: 'swap', exerciseId: rep.out, keepPattern: false } }).some((r) => r.exerciseId === rep.in)) swap.loose++;
      const pattern = byId.get(rep.out)!.pattern;
      if (rankByCount(otherCounts, 5, (id) => id !== rep.out && byId.get(id)?.pattern === pattern).includes(rep.in)) swap.pop++;
    }
    const m = mean(s.model); const p = mean(s.popularity); const ls = mean(s.last);
    log(`${l.name.padEnd(36)} ${String(s.model.n).padStart(5)} sessions  NDCG@5 model ${m.n5.toFixed(3)} popularity ${p.n5.toFixed(3)} last-session ${ls.n5.toFixed(3)}`);
    for (const a of arms) if (s[a].n > 0) perLifter[a].push(s[a]);
  }
  const macro = (a: (typeof arms)[number]) => {
    const list = perLifter[a].map(mean);
    const avg = (f: (x: { p5: number; r10: number; n5: number }) => number) => list.reduce((t, x) => t + f(x), 0) / list.length;
    return { p5: avg((x) => x.p5), r10: avg((x) => x.r10), n5: avg((x) => x.n5) };
  };
  const micro = (a: (typeof arms)[number]) => {
    const t = perLifter[a].reduce((acc, x) => ({ p5: acc.p5 + x.p5, r10: acc.r10 + x.r10, n5: acc.n5 + x.n5, n: acc.n + x.n }), zero());
    return mean(t);
  };
  log('');
  log('arm          P@5    R@10   NDCG@5   (mean over lifters | over sessions)');
  for (const a of arms) {
    const x = macro(a); const y = micro(a);
    log(`${a.padEnd(12)} ${x.p5.toFixed(3)}  ${x.r10.toFixed(3)}  ${x.n5.toFixed(3)}    | ${y.p5.toFixed(3)}  ${y.r10.toFixed(3)}  ${y.n5.toFixed(3)}`);
  }
  log(`swaps: ${swap.n} replacements seen; in the swap top 5: keep pattern ${swap.keep}, any pattern ${swap.loose}, popularity of the pattern ${swap.pop}`);

  // Speed: scoring the whole library.
  const times: number[] = [];
  // Every exercise of the library scored: a slot with no pattern or muscle restriction.
  const input: RecommendInput = { ...speedInput!, context: { kind: 'slot' }, topN: 5 };
  for (let i = 0; i < 30; i++) scoreExercises(input);
  for (let i = 0; i < 200; i++) { const a = performance.now(); scoreExercises(input); times.push(performance.now() - a); }
  times.sort((a, b) => a - b);
  log(`score: library ${library.length}, history ${input.history.length} sets, p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms`);

  const sim = simulatedRows(library, 2000, 52, 15);
  const a = performance.now();
  const trained = trainAls(sim.items, sim.rows);
  const alsS = (performance.now() - a) / 1000;
  log(`ALS: ${sim.rows.length} simulated members × 52 weeks, ${sim.items.length} exercises, ${trained.samples} cells, ${ALS_DEFAULTS.factors} factors: ${alsS.toFixed(2)} s`);
  log(`total ${round((performance.now() - t0) / 1000, 1)} s`);

  const m = macro('model'); const p = macro('popularity'); const ls = macro('last'); const c = macro('content'); const al = macro('als');
  return {
    library_exercises: library.length,
    eval_lifters: perLifter.model.length,
    eval_sessions: perLifter.model.reduce((n, x) => n + x.n, 0),
    score_p95_ms: round(percentile(times, 95), 3),
    als_train_s: round(alsS, 2),
    p_at_5: round(m.p5, 3), recall_at_10: round(m.r10, 3), ndcg_at_5: round(m.n5, 3),
    popularity_p_at_5: round(p.p5, 3), popularity_recall_at_10: round(p.r10, 3), popularity_ndcg_at_5: round(p.n5, 3),
    last_session_p_at_5: round(ls.p5, 3), last_session_recall_at_10: round(ls.r10, 3), last_session_ndcg_at_5: round(ls.n5, 3),
    content_only_ndcg_at_5: round(c.n5, 3), als_only_ndcg_at_5: round(al.n5, 3),
    ndcg_at_5_sessions_weighted: round(micro('model').n5, 3), last_session_ndcg_at_5_sessions_weighted: round(micro('last').n5, 3),
    swap_cases: swap.n,
    swap_hit_at_5: round(swap.keep / Math.max(1, swap.n), 3),
    swap_hit_at_5_any_pattern: round(swap.loose / Math.max(1, swap.n), 3),
    swap_popularity_hit_at_5: round(swap.pop / Math.max(1, swap.n), 3),
  };
}
