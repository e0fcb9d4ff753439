/**
 * Seeded demo training histories for a demo club. DEMO DATA: every member is invented and carries
 * `isDemo: true`; nothing here is measured. Same seed and `now` → the same club (on one JS engine).
 *
 * How a history is simulated, per member, over the 8–16 weeks before `now`:
 * - 2–5 sessions a week on fixed weekdays, at a habitual hour; an occasional missed week (8 % of
 *   weeks) and skipped session (5 %). Missed weeks bring no progress.
 * - Each session takes 3–5 exercises (by session length) from a rotating template, 3–4 sets each.
 * - The true 1RM starts from a demo prior (see ./catalogue) and rises linearly per trained week
 *   (`WEEKLY_GAIN` by level); each session adds ±2.5 % (1 SD) day-to-day readiness, and each
 *   further set in an exercise loses 1 % to fatigue.
 * - Load: a target rep count from the goal's range plus a planned 1–3 reps in reserve, put
 *   through the Epley relation (Epley 1985: 1RM = w × (1 + r/30), so w = 1RM / (1 + (reps + RIR)/30)),
 *   rounded to the 2.5 kg step (below or above) that keeps the expected reps in the goal's range,
 *   and never below the empty bar (20 kg) for barbell lifts.
 * - Reps: the reps to failure of the day from the same relation solved for r,
 *   r = 30 × (1RM / w − 1), minus the planned RIR, rounded, from 1 to the top of the range + 5 (when
 *   the lightest dumbbell is too light, members stop with reps to spare). So the true RIR of a set
 *   is the planned 1–3 (±0.5 from rounding), and reps move with readiness, fatigue and load steps.
 * - Reported RIR: the true RIR plus a per-member bias centred on −0.95 reps (Halperin et al. 2022,
 *   Sports Medicine: lifters under-predict reps to failure by 0.95 on average) and per-set noise of
 *   SD 0.7 reps (≈ ±1 rep overall), rounded and clamped to 0–5. A quarter of members log no RIR.
 *
 * Pure: no clock and no global randomness; `now` and `seed` come in. Times are UTC ISO-8601.
 */
import { mulberry32 } from '../random';
import type { Equipment, Goal, Level, WeightUnit } from '../types';
import type { DemoExerciseKey, DemoSex } from './catalogue';
import {
  BASE_EQUIPMENT, DEMO_EXERCISES, EXTRA_EQUIPMENT, FAMILY_NAMES, FEMALE_FACTOR, FIRST_NAMES, GOAL_REPS,
  ISOLATION_REPS, LEVEL_FACTOR, SESSION_TEMPLATES, WEEKDAY_PATTERNS, WEEKLY_GAIN,
} from './catalogue';

export type { DemoSex } from './catalogue';

/** One demo set. Loads in kg (multiples of 2.5), time as UTC ISO-8601. */
export interface DemoSet {
  exerciseName: string;
  performedAt: string;
  loadKg: number;
  reps: number;
  /** Reported reps in reserve (noisy, as people report it), or null for members who do not log it. */
  rir: number | null;
}

/** An invented member of the demo club with their simulated history. */
export interface DemoMember {
  isDemo: true;
  /** Stable within one seed: `demo-<seed>-<n>`. */
  demoId: string;
  name: string;
  goal: Goal;
  level: Level;
  daysPerWeek: number;
  sessionMinutes: number;
  equipment: Equipment[];
  sex: DemoSex;
  bodyMassKg: number;
  preferredUnit: WeightUnit;
  /** Length of the simulated history in weeks (8–16), ending before `now`. */
  historyWeeks: number;
  /** Every set, oldest first. */
  sets: DemoSet[];
}

export interface DemoClubOptions {
  /** Any finite number; used as a 32-bit unsigned seed. */
  seed: number;
  /** ISO-8601 instant the histories end before, e.g. `2024-06-01T12:00:00Z`. */
  now: string;
  /** Number of members, 1–200; default 6. */
  members?: number;
}

export { mulberry32 };

/** Draws built on one PRNG stream. */
interface Rng {
  next(): number;
  uniform(min: number, max: number): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  /** Normal draw (Box–Muller). */
  normal(mean: number, sd: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return rng.pick(items)[0];
    },
  };
  return rng;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOAD_STEP_KG = 2.5;
/** Demo assumption: share of 1RM lost per further set of the same exercise. */
const FATIGUE_PER_SET = 0.01;
/** Demo assumption: SD of day-to-day readiness as a share of 1RM. */
const READINESS_SD = 0.025;
/** Halperin et al. 2022: mean under-prediction of reps to failure (reps). */
const RIR_REPORT_BIAS = -0.95;
const RIR_REPORT_SD = 0.7;
/** Demo assumption: when the lightest load is too light, members stop this many reps past the range. */
const MAX_REPS_OVER_RANGE = 5;

/** A member before simulation: what the club sees, and the hidden parameters of the simulation. */
interface Profile {
  member: Omit<DemoMember, 'sets'>;
  reportsRir: boolean;
  rirBias: number;
  hour: number;
  weekdays: readonly number[];
  startOneRm: Record<DemoExerciseKey, number>;
}

/**
 * Generates the demo club. Throws `RangeError` for a non-finite seed, an unreadable `now` or a
 * member count outside 1–200.
 */
export function generateDemoClub(options: DemoClubOptions): DemoMember[] {
  const { seed, now, members = 6 } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now must be an ISO-8601 date-time, got "${now}"`);
  if (!Number.isInteger(members) || members < 1 || members > 200) {
    throw new RangeError(`members must be a whole number from 1 to 200, got ${String(members)}`);
  }
  const club = makeRng(seed);
  const usedNames = new Set<string>();
  return Array.from({ length: members }, (_, i) => {
    const rng = makeRng(club.int(0, 0xffffffff));
    const profile = makeProfile(rng, usedNames, `demo-${String(seed >>> 0)}-${String(i + 1)}`);
    return { ...profile.member, sets: simulateHistory(rng, profile, nowMs) };
  });
}

function makeProfile(rng: Rng, usedNames: Set<string>, demoId: string): Profile {
  const sex: DemoSex = rng.chance(0.5) ? 'female' : 'male';
  const level = rng.weighted<Level>([['beginner', 0.4], ['intermediate', 0.4], ['advanced', 0.2]]);
  const daysPerWeek = rng.weighted<number>([[2, 0.2], [3, 0.45], [4, 0.25], [5, 0.1]]);
  const pattern = WEEKDAY_PATTERNS[daysPerWeek] ?? [0, 2, 4];
  const shift = rng.int(0, 6 - Math.max(...pattern));
  const bodyMassKg = Math.round(10 * clamp(rng.normal(sex === 'female' ? 66 : 82, sex === 'female' ? 9 : 11), 45, 140)) / 10;
  const member: Profile['member'] = {
    isDemo: true,
    demoId,
    name: uniqueName(rng, sex, usedNames),
    goal: rng.weighted<Goal>([['strength', 0.25], ['hypertrophy', 0.35], ['general_fitness', 0.3], ['endurance', 0.1]]),
    level,
    daysPerWeek,
    sessionMinutes: rng.pick([45, 60, 60, 75, 90]),
    equipment: [...BASE_EQUIPMENT, ...EXTRA_EQUIPMENT.filter(() => rng.chance(0.4))],
    sex,
    bodyMassKg,
    preferredUnit: rng.chance(0.2) ? 'lb' : 'kg',
    historyWeeks: rng.int(8, 16),
  };
  return {
    member,
    reportsRir: rng.chance(0.75),
    rirBias: rng.normal(RIR_REPORT_BIAS, 0.5),
    hour: rng.int(6, 20),
    weekdays: pattern.map((d) => d + shift),
    startOneRm: startingOneRms(rng, sex, level, bodyMassKg),
  };
}

function uniqueName(rng: Rng, sex: DemoSex, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const name = `${rng.pick(FIRST_NAMES[sex])} ${rng.pick(FAMILY_NAMES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `${rng.pick(FIRST_NAMES[sex])} ${rng.pick(FAMILY_NAMES)} ${String(used.size + 1)}`;
  used.add(fallback);
  return fallback;
}

/** Demo priors scaled by body mass, level and sex, ±15 % per member; at least 1.6 × the lightest load. */
function startingOneRms(rng: Rng, sex: DemoSex, level: Level, bodyMassKg: number): Record<DemoExerciseKey, number> {
  const out = {} as Record<DemoExerciseKey, number>;
  for (const key of Object.keys(DEMO_EXERCISES) as DemoExerciseKey[]) {
    const ex = DEMO_EXERCISES[key];
    const sexFactor = sex === 'male' ? 1 : ex.lowerBody ? FEMALE_FACTOR.lower : FEMALE_FACTOR.upper;
    const prior = ex.oneRmPerKgBody * bodyMassKg * LEVEL_FACTOR[level] * sexFactor * rng.uniform(0.85, 1.15);
    out[key] = Math.max(prior, 1.6 * ex.minLoadKg);
  }
  return out;
}

function simulateHistory(rng: Rng, p: Profile, nowMs: number): DemoSet[] {
  const firstDayMs = Math.floor(nowMs / DAY_MS) * DAY_MS - p.member.historyWeeks * 7 * DAY_MS;
  const sets: DemoSet[] = [];
  let trainedWeeks = 0;
  let sessionIndex = 0;
  for (let week = 0; week < p.member.historyWeeks; week += 1) {
    const missedWeek = week > 0 && week < p.member.historyWeeks - 1 && rng.chance(0.08);
    if (missedWeek) continue;
    const progress = 1 + WEEKLY_GAIN[p.member.level] * trainedWeeks;
    for (const weekday of p.weekdays) {
      if (rng.chance(0.05)) continue;
      const startMs = firstDayMs + (week * 7 + weekday) * DAY_MS + p.hour * 60 * MINUTE_MS + rng.int(-30, 30) * MINUTE_MS;
      const template = SESSION_TEMPLATES[sessionIndex % SESSION_TEMPLATES.length] ?? [];
      sets.push(...simulateSession(rng, p, template, progress, startMs));
      sessionIndex += 1;
    }
    trainedWeeks += 1;
  }
  return sets;
}

function simulateSession(
  rng: Rng, p: Profile, template: readonly DemoExerciseKey[], progress: number, startMs: number,
): DemoSet[] {
  const count = p.member.sessionMinutes <= 45 ? 3 : p.member.sessionMinutes <= 60 ? 4 : 5;
  const sets: DemoSet[] = [];
  let t = startMs;
  for (const key of template.slice(0, count)) {
    const ex = DEMO_EXERCISES[key];
    const trueOneRm = p.startOneRm[key] * progress;
    const dayOneRm = trueOneRm * (1 + rng.normal(0, READINESS_SD));
    const [low, high] = ex.isolation ? ISOLATION_REPS : GOAL_REPS[p.member.goal];
    const targetReps = rng.int(low, high);
    const plannedRir = rng.int(1, 3);
    const loadKg = chooseLoad(trueOneRm, { low, high, target: targetReps, rir: plannedRir }, ex.minLoadKg);
    const setCount = rng.int(3, 4);
    for (let k = 0; k < setCount; k += 1) {
      const repsToFailure = repsToFailureAt(dayOneRm * (1 - FATIGUE_PER_SET * k), loadKg);
      const reps = clamp(Math.round(repsToFailure - plannedRir), 1, high + MAX_REPS_OVER_RANGE);
      const trueRir = Math.max(0, repsToFailure - reps);
      const rir = p.reportsRir
        ? clamp(Math.round(trueRir + p.rirBias + rng.normal(0, RIR_REPORT_SD)), 0, 5)
        : null;
      sets.push({ exerciseName: ex.name, performedAt: isoSeconds(t), loadKg, reps, rir });
      t += rng.int(120, 180) * 1000;
    }
    t += 2 * MINUTE_MS;
  }
  return sets;
}

/** Epley (1985) solved for reps to failure at `loadKg`: r = 30 × (1RM / w − 1). */
function repsToFailureAt(oneRmKg: number, loadKg: number): number {
  return 30 * (oneRmKg / loadKg - 1);
}

/**
 * The 2.5 kg step a trainer would pick: of the steps just below and above the Epley load for
 * `target + rir` reps, the one whose expected reps (reps to failure − rir) fall in [low, high] and
 * nearest the target; if neither does, the one nearest the range. Never below `minLoadKg`.
 */
function chooseLoad(
  oneRmKg: number, plan: { low: number; high: number; target: number; rir: number }, minLoadKg: number,
): number {
  const ideal = oneRmKg / (1 + (plan.target + plan.rir) / 30);
  const steps = [Math.floor(ideal / LOAD_STEP_KG), Math.ceil(ideal / LOAD_STEP_KG)]
    .map((n) => Math.max(minLoadKg, n * LOAD_STEP_KG));
  const cost = (load: number): number => {
    const reps = repsToFailureAt(oneRmKg, load) - plan.rir;
    const outside = Math.max(0, plan.low - reps, reps - plan.high);
    return outside * 100 + Math.abs(reps - plan.target);
  };
  return steps.reduce((best, load) => (cost(load) < cost(best) ? load : best));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** `2024-06-01T07:04:00Z`: whole seconds, UTC. */
function isoSeconds(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
