/**
 * The exercise scorer (issue 15, part 1). Hard constraints first, then six content components
 * (0–100 together), then an optional blend with collaborative filtering.
 *
 * Hard constraints (an exercise failing one is never returned):
 * - category strength, powerlifting, olympic weightlifting or strongman (the planner's rule, widened
 *   to the lifting categories of free-exercise-db);
 * - equipment `body_only` or in `member.equipment`;
 * - a beginner gets no `advanced` exercise (as in engine/planner/select.ts);
 * - no excluded primary muscle, pattern or id; nothing the safety layer blocks
 *   (`safetyBlockedExerciseIds`); nothing in `context.excludeExerciseIds`;
 * - slot: one of the slot's patterns and/or a primary muscle among the slot's muscles (given, or
 *   the primary muscles of `musclesOfExerciseIds`);
 * - swap: never the exercise itself; the same movement pattern unless `keepPattern: false`,
 *   then any exercise sharing a primary muscle with it.
 *
 * Components (history as read by ./history):
 * | component  | max | formula                                                                              |
 * |------------|-----|--------------------------------------------------------------------------------------|
 * | balance    | 30  | 30 × weighted mean over the exercise's muscles (primary 1, secondary 0.5) of         |
 * |            |     | clamp(1 − done/target, 0, 1), done = ½·sets₇ + ½·sets₃₀·7/30 (weekly hard sets)      |
 * | recovery   | 20  | 20 × weighted mean of readiness = 1 − min(1, fatigue/4), 48–72 h model               |
 * | preference | 20  | 2 + 6 if preferred + 6·min(1, sessions₉₀/6) + 3·tanh(feedback/2) + 14·habit          |
 * |            |     | + 6 if in the latest session named `context.sessionName`, clamped to 0–20; 0 if     |
 * |            |     | disliked. habit: weighted share of the latest 4 sessions of that name holding it    |
 * |            |     | (weights 0.7^i, ./history). A never-done exercise starts at 2 of 20                 |
 * | goal       | 15  | table `goalPoints` (ACSM 2009: multi-joint lifts first for strength; both single- and |
 * |            |     | multi-joint for hypertrophy; body-weight / free-weight circuits for endurance)       |
 * | experience | 10  | table `EXPERIENCE_POINTS` of member level × exercise level                           |
 * | novelty    | 5   | 5 × newness × min(1, 0.5 + variety), newness 0 if done in 7 days, 1 after 28 / never |
 * Targets: `weeklySetTargets[m]`, else the planner's weekly minimum for the goal
 * (`WEEKLY_SET_TARGETS[goal].min`) on its tracked muscles and half of it on the others.
 * Feedback: +1 per accepted recommendation on the exercise, +1 when the member swapped it in,
 * −1 when they swapped it out (modified to another exercise), −0.5 per skip.
 *
 * Blend: with `collaborative` and ≥ `CF_MIN_WORKOUTS` logged workouts,
 * total = (1 − CF_WEIGHT)·content + CF_WEIGHT·100·affinity; otherwise total = content.
 * Ordering: total descending, ties by id ascending (deterministic).
 */
import { TRACKED_MUSCLES, WEEKLY_SET_TARGETS } from '../planner/dose';
import type { Exercise, Goal, Level, Muscle } from '../types';
import { MUSCLES } from '../exercises/vocabulary';
import { RecommendInputError } from './errors';
import { readHistory, TRAINED_HARD_SETS, SECONDARY_WEIGHT, type HistoryStats } from './history';
import type { RecommendInput, RecommendMember, ScoreComponents, ScoredExercise } from './types';

export const COMPONENT_MAX: Readonly<ScoreComponents> = Object.freeze({
  balance: 30, recovery: 20, preference: 20, goal: 15, experience: 10, novelty: 5,
});
export const LIFTING_CATEGORIES: readonly string[] = ['strength', 'powerlifting', 'olympic weightlifting', 'strongman'];
/** Workouts a member must have logged before CF is blended in (the issue's rule). */
export const CF_MIN_WORKOUTS = 3;
/** Share of the total CF gets once on; chosen a priori (not tuned on the evaluation data). */
export const CF_WEIGHT = 0.4;
export const DEFAULT_TOP_N = 5;
/** Preference points for an exercise of the member's latest session with the slot's session name. */
export const SAME_SESSION_POINTS = 6;
/**
 * Preference points for an exercise in every recent session of the slot's name (scaled by the
 * habit share). What members do again is the best evidence of what they keep (the real-log
 * evaluation in bench/recommend.ts: next-session NDCG@5 0.274 → see README with it).
 */
export const HABIT_POINTS = 14;
/** Preference points an exercise starts from before any evidence (room below for swaps and skips). */
export const NEVER_DONE_POINTS = 2;
export const MAX_TOP_N = 1000;

const DAY = 86_400_000;
const TRACKED = new Set<Muscle>(TRACKED_MUSCLES);

export const EXPERIENCE_POINTS: Readonly<Record<Level, Record<Level, number>>> = {
  beginner: { beginner: 10, intermediate: 6, advanced: 0 },
  intermediate: { beginner: 7, intermediate: 10, advanced: 7 },
  advanced: { beginner: 5, intermediate: 8, advanced: 10 },
};

const STABLE_KIT = new Set(['machine', 'cable', 'dumbbell', 'smith_machine']);
const FREE_KIT = new Set(['barbell', 'dumbbell']);
const LIGHT_KIT = new Set(['body_only', 'kettlebell', 'bands', 'dumbbell', 'medicine_ball']);

/** Goal points 0–15 (see the header). */
export function goalPoints(goal: Goal, e: Exercise): number {
  const compound = e.mechanic === 'compound';
  switch (goal) {
    case 'strength':
      return compound ? (FREE_KIT.has(e.equipment) || e.category === 'powerlifting' ? 15 : 11) : 5;
    case 'hypertrophy':
      return compound ? 13 + (STABLE_KIT.has(e.equipment) || e.equipment === 'barbell' ? 2 : 0) : 12 + (STABLE_KIT.has(e.equipment) ? 2 : 0);
    case 'general_fitness':
      return compound ? 13 + (LIGHT_KIT.has(e.equipment) ? 2 : 0) : 8;
    case 'endurance':
      if (e.pattern === 'conditioning' || e.pattern === 'carry') return 15;
      return compound ? (LIGHT_KIT.has(e.equipment) || e.equipment === 'cable' ? 15 : 12) : 9;
  }
}

function targetOf(m: Muscle, goal: Goal, targets: RecommendInput['weeklySetTargets']): number {
  const t = targets?.[m];
  if (t !== undefined) return Math.max(t, 0.5);
  const min = WEEKLY_SET_TARGETS[goal].min;
  return TRACKED.has(m) ? min : min / 2;
}

function checkIds(ids: readonly string[] | undefined, field: string, byId: ReadonlyMap<string, Exercise>): void {
  if (ids === undefined) return;
  ids.forEach((id, i) => {
    if (!byId.has(id)) throw new RecommendInputError(`${field}[${i}]`, `unknown exercise id "${id}"`);
  });
}

function allowedByMember(e: Exercise, m: RecommendMember): boolean {
  return LIFTING_CATEGORIES.includes(e.category)
    && (e.equipment === 'body_only' || m.equipment.includes(e.equipment))
    && !(m.level === 'beginner' && e.level === 'advanced')
    && !m.excludedExerciseIds.includes(e.id)
    && !m.excludedPatterns.includes(e.pattern)
    && !e.primaryMuscles.some((x) => m.excludedMuscles.includes(x));
}

/** Why nothing passed the hard constraints: the first filter that empties the library. */
function explainEmpty(input: RecommendInput, inContext: readonly Exercise[]): never {
  const m = input.member;
  if (inContext.length === 0) throw new RecommendInputError('context', 'no exercise of the library fits the context (patterns / muscles)');
  const steps: Array<[string, (e: Exercise) => boolean, string]> = [
    ['library', (e) => LIFTING_CATEGORIES.includes(e.category), 'no lifting exercise fits the context'],
    ['member.level', (e) => !(m.level === 'beginner' && e.level === 'advanced'), `every candidate is too advanced for a ${m.level}`],
    ['member.equipment', (e) => e.equipment === 'body_only' || m.equipment.includes(e.equipment),
      `the equipment available (${m.equipment.length > 0 ? m.equipment.join(', ') : 'none listed'}; body weight always allowed) leaves none`],
    ['member.excludedMuscles', (e) => !e.primaryMuscles.some((x) => m.excludedMuscles.includes(x)), 'the excluded muscles leave none'],
    ['member.excludedPatterns', (e) => !m.excludedPatterns.includes(e.pattern), 'the excluded patterns leave none'],
    ['member.excludedExerciseIds', (e) => !m.excludedExerciseIds.includes(e.id), 'the excluded exercises leave none'],
    ['safetyBlockedExerciseIds', (e) => !(input.safetyBlockedExerciseIds ?? []).includes(e.id), 'the safety layer blocks every candidate'],
  ];
  let c = inContext;
  for (const [field, keep, detail] of steps) {
    c = c.filter(keep);
    if (c.length === 0) throw new RecommendInputError(field, detail);
  }
  throw new RecommendInputError('context.excludeExerciseIds', 'every candidate is already in the session');
}

/** Net kept-versus-swapped evidence per exercise from progression feedback (see the header). */
function feedbackNet(input: RecommendInput): Map<string, number> {
  const net = new Map<string, number>();
  const bump = (id: string, v: number) => net.set(id, (net.get(id) ?? 0) + v);
  for (const entry of input.feedback ?? []) {
    const id = entry.recommendation.exerciseId;
    const f = entry.feedback;
    const to = f.modifiedTo?.exerciseId;
    if (f.action === 'accepted') bump(id, 1);
    else if (f.action === 'skipped') bump(id, -0.5);
    else if (to !== undefined && to !== id) { bump(id, -1); bump(to, 1); }
  }
  return net;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const label = (m: Muscle) => m.replace('_', ' ');

type Note = { key: keyof ScoreComponents | 'cf'; weight: number; text: string };
interface Parts {
  components: ScoreComponents;
  /** Only when explaining (the top N): building sentences for the whole library would cost more than scoring it. */
  notes: Note[] | null;
}

interface MuscleTables {
  /** clamp(1 − done/target, 0, 1) per muscle. */
  deficit: Map<Muscle, number>;
  /** 1 − min(1, fatigue / TRAINED_HARD_SETS) per muscle. */
  readiness: Map<Muscle, number>;
  done: Map<Muscle, number>;
  target: Map<Muscle, number>;
}

/** Balance and recovery per muscle, once per call (17 muscles), so each exercise only sums. */
function muscleTables(input: RecommendInput, h: HistoryStats): MuscleTables {
  const t: MuscleTables = { deficit: new Map(), readiness: new Map(), done: new Map(), target: new Map() };
  for (const m of MUSCLES) {
    const target = targetOf(m, input.member.goal, input.weeklySetTargets);
    const done = 0.5 * (h.sets7.get(m) ?? 0) + 0.5 * (h.sets30.get(m) ?? 0) * 7 / 30;
    t.target.set(m, target); t.done.set(m, done);
    t.deficit.set(m, clamp(1 - done / target, 0, 1));
    t.readiness.set(m, 1 - Math.min(1, (h.fatigue.get(m) ?? 0) / TRAINED_HARD_SETS));
  }
  return t;
}

function scoreOne(
  e: Exercise, input: RecommendInput, h: HistoryStats, muscle: MuscleTables, nowMs: number, net: Map<string, number>,
  preferred: ReadonlySet<string>, disliked: ReadonlySet<string>, variety: number, sameSession: ReadonlySet<string>, explain: boolean,
): Parts {
  const { goal, level } = input.member;
  const notes: Note[] | null = explain ? [] : null;
  // balance and recovery, from the per-muscle tables
  let balSum = 0; let recSum = 0; let wSum = 0;
  let worst: Muscle | null = null; let tired: Muscle | null = null;
  for (const m of e.primaryMuscles) {
    const d = muscle.deficit.get(m)!; const r = muscle.readiness.get(m)!;
    balSum += d; recSum += r; wSum += 1;
    if (worst === null || d > muscle.deficit.get(worst)!) worst = m;
    if (tired === null || r < muscle.readiness.get(tired)!) tired = m;
  }
  for (const m of e.secondaryMuscles) {
    balSum += SECONDARY_WEIGHT * muscle.deficit.get(m)!; recSum += SECONDARY_WEIGHT * muscle.readiness.get(m)!; wSum += SECONDARY_WEIGHT;
  }
  const bal = wSum === 0 ? 0.5 : balSum / wSum;
  const rec = wSum === 0 ? 1 : recSum / wSum;
  const balance = 30 * bal;
  const recovery = 20 * rec;
  if (notes !== null) {
    if (worst !== null) {
      const d = muscle.deficit.get(worst)!; const done = muscle.done.get(worst)!; const target = muscle.target.get(worst)!;
      if (d > 0.3) notes.push({ key: 'balance', weight: balance / 30, text: `${label(worst)} at ${done.toFixed(1)} of ${target} weekly hard sets` });
      else notes.push({ key: 'balance', weight: -0.2, text: `${label(worst)} already at ${done.toFixed(1)} of ${target} weekly hard sets` });
    }
    if (tired !== null && muscle.readiness.get(tired)! < 0.5) {
      const ago = h.lastHardH.get(tired);
      notes.push({ key: 'recovery', weight: -(1 - rec), text: `${label(tired)} trained hard ${ago === undefined ? 'recently' : `${Math.round(ago)} h ago`}` });
    } else if (rec > 0.99) notes.push({ key: 'recovery', weight: 0.3, text: 'muscles recovered' });
  }
  // preference
  const hist = h.byExercise.get(e.id);
  const sessions = hist?.recentSessions ?? 0;
  const fb = net.get(e.id) ?? 0;
  let pref = NEVER_DONE_POINTS;
  if (preferred.has(e.id)) { pref += 6; notes?.push({ key: 'preference', weight: 0.9, text: 'the member asked for it' }); }
  pref += 6 * Math.min(1, sessions / 6);
  if (sessions >= 2) notes?.push({ key: 'preference', weight: 0.4 + Math.min(0.4, sessions / 15), text: `kept in ${sessions} sessions (90 days)` });
  pref += 3 * Math.tanh(fb / 2);
  const habit = h.habit.get(e.id) ?? 0;
  pref += HABIT_POINTS * habit;
  if (habit >= 0.5 && !sameSession.has(e.id)) notes?.push({ key: 'preference', weight: 0.5 + 0.3 * habit, text: `in ${Math.round(habit * 100)} % of recent sessions like this one` });
  if (sameSession.has(e.id)) { pref += SAME_SESSION_POINTS; notes?.push({ key: 'preference', weight: 0.85, text: 'in this session last time' }); }
  if (disliked.has(e.id)) { pref = 0; notes?.push({ key: 'preference', weight: -1, text: 'the member dislikes it' }); }
  if (fb >= 1) notes?.push({ key: 'preference', weight: 0.5, text: 'accepted or swapped in before' });
  if (fb <= -1) notes?.push({ key: 'preference', weight: -0.6, text: 'swapped out or skipped before' });
  const preference = clamp(pref, 0, 20);
  // goal, experience
  const goalPts = goalPoints(goal, e);
  if (goalPts >= 14) notes?.push({ key: 'goal', weight: 0.35, text: `${e.mechanic} ${e.equipment.replace('_', ' ')} work suits ${goal.replace('_', ' ')}` });
  const experience = EXPERIENCE_POINTS[level][e.level];
  if (experience <= 5) notes?.push({ key: 'experience', weight: -0.3, text: `${e.level} exercise for a ${level}` });
  // novelty
  const days = hist === undefined ? null : (nowMs - hist.lastAt) / DAY;
  const newness = days === null ? 1 : clamp((days - 7) / 21, 0, 1);
  const novelty = 5 * newness * Math.min(1, 0.5 + variety);
  if (days === null && novelty >= 2.5) notes?.push({ key: 'novelty', weight: 0.2, text: 'new to the member' });
  return { components: { balance, recovery, preference, goal: goalPts, experience, novelty }, notes };
}

function reasonOf(notes: Note[]): string {
  const pos = notes.filter((n) => n.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, 3);
  const neg = notes.filter((n) => n.weight < 0).sort((a, b) => a.weight - b.weight).slice(0, 1);
  const parts = [...pos.map((n) => n.text), ...neg.map((n) => `but ${n.text}`)];
  if (parts.length === 0) return 'fits the constraints';
  const s = parts.join('; ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Library arrays are read-only inputs: their id index is built once per array and kept weakly. */
const INDEX = new WeakMap<readonly Exercise[], Map<string, Exercise>>();
function libraryIndex(library: readonly Exercise[]): Map<string, Exercise> {
  const cached = INDEX.get(library);
  if (cached !== undefined && cached.size === library.length) return cached;
  const byId = new Map<string, Exercise>();
  for (const e of library) {
    if (byId.has(e.id)) throw new RecommendInputError('library', `duplicate exercise id "${e.id}"`);
    byId.set(e.id, e);
  }
  INDEX.set(library, byId);
  return byId;
}

const before = (ta: number, ia: string, tb: number, ib: string) => ta > tb || (ta === tb && ia < ib);

/**
 * Scores the library for `input.context` and returns the best `topN` (default 5), best first.
 * Pure and deterministic. Throws `RecommendInputError` naming the field: `library` (empty or a
 * duplicate id), `now`, `topN`, `context.exerciseId` (unknown), `context.excludeExerciseIds[i]`, `context.musclesOfExerciseIds[i]`,
 * `member.excludedExerciseIds[i]` / `member.preferredExerciseIds[i]` / `member.dislikedExerciseIds[i]`
 * / `safetyBlockedExerciseIds[i]` (unknown ids), `history[i].exerciseId` / `history[i].performedAt`,
 * `member.excludedMuscles` when every muscle is excluded, and the first constraint that leaves no
 * candidate (e.g. `member.equipment`).
 */
export function scoreExercises(input: RecommendInput): ScoredExercise[] {
  const { library, member, context } = input;
  if (library.length === 0) throw new RecommendInputError('library', 'the exercise library is empty');
  const nowMs = Date.parse(input.now);
  if (!Number.isFinite(nowMs)) throw new RecommendInputError('now', `not an ISO-8601 time: "${input.now}"`);
  const topN = input.topN ?? DEFAULT_TOP_N;
  if (!Number.isInteger(topN) || topN < 1 || topN > MAX_TOP_N) throw new RecommendInputError('topN', `must be an integer 1–${MAX_TOP_N}, got ${String(topN)}`);
  const byId = libraryIndex(library);
  if (MUSCLES.every((m) => member.excludedMuscles.includes(m))) {
    throw new RecommendInputError('member.excludedMuscles', 'every muscle is excluded: nothing can be recommended');
  }
  checkIds(member.excludedExerciseIds, 'member.excludedExerciseIds', byId);
  checkIds(member.preferredExerciseIds, 'member.preferredExerciseIds', byId);
  checkIds(member.dislikedExerciseIds, 'member.dislikedExerciseIds', byId);
  checkIds(input.safetyBlockedExerciseIds, 'safetyBlockedExerciseIds', byId);
  checkIds(context.excludeExerciseIds, 'context.excludeExerciseIds', byId);

  let inContext: (e: Exercise) => boolean;
  if (context.kind === 'swap') {
    const out = byId.get(context.exerciseId);
    if (out === undefined) throw new RecommendInputError('context.exerciseId', `unknown exercise id "${context.exerciseId}"`);
    inContext = context.keepPattern === false
      ? (e) => e.id !== out.id && e.primaryMuscles.some((m) => out.primaryMuscles.includes(m))
      : (e) => e.id !== out.id && e.pattern === out.pattern;
  } else {
    const patterns = context.patterns ?? [];
    checkIds(context.musclesOfExerciseIds, 'context.musclesOfExerciseIds', byId);
    const muscles = [...new Set([...(context.muscles ?? []), ...(context.musclesOfExerciseIds ?? []).flatMap((id) => byId.get(id)!.primaryMuscles)])];
    inContext = (e) => (patterns.length === 0 || patterns.includes(e.pattern))
      && (muscles.length === 0 || e.primaryMuscles.some((m) => muscles.includes(m)));
  }
  const blocked = new Set(input.safetyBlockedExerciseIds ?? []);
  const already = new Set(context.excludeExerciseIds ?? []);
  const candidates = library.filter((e) => inContext(e) && allowedByMember(e, member) && !blocked.has(e.id) && !already.has(e.id));
  const h = readHistory(input.history, byId, nowMs, context.kind === 'slot' ? context.sessionName : undefined);
  if (candidates.length === 0) explainEmpty(input, library.filter(inContext));

  const net = feedbackNet(input);
  const preferred = new Set(member.preferredExerciseIds ?? []);
  const disliked = new Set(member.dislikedExerciseIds ?? []);
  const variety = input.preferenceProfile?.dimensions.exerciseVariety ?? 0.5;
  const sameSession = h.sameSession;
  const muscle = muscleTables(input, h);
  const cf = input.collaborative ?? null;
  const cfOn = cf !== null && h.workouts >= CF_MIN_WORKOUTS;
  const cfWeight = CF_WEIGHT;

  const blendOf = (e: Exercise, content: number) => {
    if (!cfOn) return { total: content, a: 0 };
    const a = clamp(cf.affinity.get(e.id) ?? 0, 0, 1);
    return { total: (1 - cfWeight) * content + cfWeight * 100 * a, a };
  };
  // Keep the best topN while scoring (insertion into a short sorted list): no sort of the whole library.
  const top: Array<{ e: Exercise; total: number }> = [];
  for (const e of candidates) {
    const c = scoreOne(e, input, h, muscle, nowMs, net, preferred, disliked, variety, sameSession, false).components;
    const total = blendOf(e, c.balance + c.recovery + c.preference + c.goal + c.experience + c.novelty).total;
    if (top.length === topN && !before(total, e.id, top[topN - 1]!.total, top[topN - 1]!.e.id)) continue;
    let i = top.length - 1;
    while (i >= 0 && before(total, e.id, top[i]!.total, top[i]!.e.id)) i--;
    top.splice(i + 1, 0, { e, total });
    if (top.length > topN) top.pop();
  }
  const scored = top;
  return scored.slice(0, topN).map(({ e }) => {
    const parts = scoreOne(e, input, h, muscle, nowMs, net, preferred, disliked, variety, sameSession, true);
    const c = parts.components;
    const content = c.balance + c.recovery + c.preference + c.goal + c.experience + c.novelty;
    const { total, a } = blendOf(e, content);
    if (cfOn && a >= 0.9) parts.notes!.push({ key: 'cf', weight: 0.6 + (a - 0.9), text: 'members who train alike do it' });
    return {
      exerciseId: e.id,
      exerciseName: e.name,
      total: clamp(round1(total), 0, 100),
      content: clamp(round1(content), 0, 100),
      components: {
        balance: round1(c.balance), recovery: round1(c.recovery), preference: round1(c.preference),
        goal: round1(c.goal), experience: round1(c.experience), novelty: round1(c.novelty),
      },
      cf: cfOn ? { score: round1(100 * a), weight: cfWeight } : null,
      reason: reasonOf(parts.notes!),
    };
  });
}
