/**
 * The planner's request and its validation.
 */
import { GOALS, LEVELS, UNITS } from '../exercises/vocabulary';
import type { Exercise, Goal, MemberProfile, SetRecord } from '../types';
import { parseTime } from '../e1rm/dates';
import { PlannerInputError } from './errors';
import type { GivenE1rm, LoadModel } from './loads';
import type { SlotRanker } from './select';
import type { SplitChoice } from './splits';

export interface PlanRequest {
  member: MemberProfile;
  library: readonly Exercise[];
  history: readonly SetRecord[];
  /** Block length, 1–12 weeks. */
  weeks: number;
  /** Training days per week, 2–6; default the member's. */
  daysPerWeek?: number;
  /** Default the member's goal. */
  goal?: Goal;
  /** Minutes per session, 20–180; default the member's. */
  sessionMinutes?: number;
  /** ISO-8601 time the plan is made; history after it is ignored. */
  now: string;
  /** A learnt load model (the RIR model); where it has learnt an exercise it sets the loads. */
  loadModel?: LoadModel;
  /**
   * The split to use instead of `chooseSplit(daysPerWeek, level)` (onboarding's starter
   * templates). Its day count must equal the resolved days per week (field `split`).
   */
  split?: SplitChoice;
  /** Ranks a slot's candidates (onboarding's `ExerciseRanker`); the first ranked candidate wins. */
  rankSlot?: SlotRanker;
  /**
   * e1RMs from outside the log (a baseline test, strength standards), by exercise id: used for
   * an exercise without usable history in place of the body-mass prior; week 1 calibrates.
   */
  givenE1rm?: ReadonlyMap<string, GivenE1rm>;
}

/** A request with defaults applied and every value checked. */
export interface ResolvedRequest {
  member: MemberProfile;
  library: readonly Exercise[];
  history: readonly SetRecord[];
  weeks: number;
  daysPerWeek: number;
  goal: Goal;
  sessionMinutes: number;
  now: string;
  loadModel?: LoadModel;
  split?: SplitChoice;
  rankSlot?: SlotRanker;
  givenE1rm?: ReadonlyMap<string, GivenE1rm>;
}

export const WEEKS_RANGE = { min: 1, max: 12 } as const;
export const DAYS_RANGE = { min: 2, max: 6 } as const;
export const MINUTES_RANGE = { min: 20, max: 180 } as const;
/** Plausible adult body mass, kg. */
export const BODY_MASS_RANGE = { min: 25, max: 350 } as const;

function intInRange(value: number, range: { min: number; max: number }, field: string): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new PlannerInputError(field, `must be a whole number from ${String(range.min)} to ${String(range.max)}, got ${String(value)}`);
  }
  return value;
}

/**
 * Apply defaults and check ranges. Throws `PlannerInputError` naming the field:
 * `weeks`, `daysPerWeek` (or `member.daysPerWeek`), `sessionMinutes` (or `member.sessionMinutes`),
 * `goal`, `now`, `member.level`, `member.preferredUnit`, `member.bodyMassKg`, `library`.
 */
export function resolveRequest(request: PlanRequest): ResolvedRequest {
  const { member } = request;
  const weeks = intInRange(request.weeks, WEEKS_RANGE, 'weeks');
  const daysPerWeek = intInRange(request.daysPerWeek ?? member.daysPerWeek, DAYS_RANGE,
    request.daysPerWeek === undefined ? 'member.daysPerWeek' : 'daysPerWeek');
  const sessionMinutes = intInRange(request.sessionMinutes ?? member.sessionMinutes, MINUTES_RANGE,
    request.sessionMinutes === undefined ? 'member.sessionMinutes' : 'sessionMinutes');
  const goal = request.goal ?? member.goal;
  if (!(GOALS as readonly string[]).includes(goal)) {
    throw new PlannerInputError(request.goal === undefined ? 'member.goal' : 'goal', `must be one of ${GOALS.join(', ')}, got "${String(goal)}"`);
  }
  if (parseTime(request.now) === null) throw new PlannerInputError('now', `must be an ISO-8601 time, got "${request.now}"`);
  if (!(LEVELS as readonly string[]).includes(member.level)) {
    throw new PlannerInputError('member.level', `must be one of ${LEVELS.join(', ')}, got "${String(member.level)}"`);
  }
  if (!(UNITS as readonly string[]).includes(member.preferredUnit)) {
    throw new PlannerInputError('member.preferredUnit', `must be kg or lb, got "${String(member.preferredUnit)}"`);
  }
  const mass = member.bodyMassKg;
  if (mass !== null && (!Number.isFinite(mass) || mass < BODY_MASS_RANGE.min || mass > BODY_MASS_RANGE.max)) {
    throw new PlannerInputError('member.bodyMassKg', `must be null or ${String(BODY_MASS_RANGE.min)}–${String(BODY_MASS_RANGE.max)} kg, got ${String(mass)}`);
  }
  if (request.library.length === 0) throw new PlannerInputError('library', 'is empty: the planner needs exercises to choose from');
  if (request.split !== undefined && request.split.days.length !== daysPerWeek) {
    throw new PlannerInputError('split', `has ${String(request.split.days.length)} days but the plan has ${String(daysPerWeek)} days per week`);
  }
  for (const [id, g] of request.givenE1rm ?? []) {
    if (!Number.isFinite(g.e1rmKg) || g.e1rmKg <= 0 || g.e1rmKg > 1000) {
      throw new PlannerInputError(`givenE1rm.${id}`, `must be above 0 and at most 1000 kg, got ${String(g.e1rmKg)}`);
    }
  }
  return {
    member, library: request.library, history: request.history, weeks, daysPerWeek, goal, sessionMinutes, now: request.now,
    ...(request.loadModel ? { loadModel: request.loadModel } : {}),
    ...(request.split ? { split: request.split } : {}),
    ...(request.rankSlot ? { rankSlot: request.rankSlot } : {}),
    ...(request.givenE1rm ? { givenE1rm: request.givenE1rm } : {}),
  };
}
