/**
 * Which exercises a member may do, and which one fills a slot.
 *
 * Eligible: category strength or powerlifting; equipment `body_only` or listed by the member
 * (`pullup_bar` only when listed); no `advanced` exercise for a beginner; no excluded primary
 * muscle, pattern or id.
 *
 * Score (higher wins; ties by id, ascending, so the result is deterministic):
 * | term                                   | points                                    |
 * |----------------------------------------|-------------------------------------------|
 * | usable e1RM history                    | +100, +20 if done in the last 8 weeks     |
 * | any logged sets (e.g. body weight)     | +60                                       |
 * | compound in a main / assist slot       | +25                                       |
 * | isolation in an accessory slot         | +10                                       |
 * | kit, main / assist slots               | barbell 20, dumbbell 16, machine 14,      |
 * |                                        | cable 14, smith 12, kettlebell 10,        |
 * |                                        | pull-up bar 10, ez bar 8, bands 2         |
 * | kit, accessory slots                   | dumbbell, cable, machine 8, ez bar 6, ... |
 * | name has a staple hint of the slot     | +6 (e.g. "lateral raise" in that slot)    |
 * | "assisted" variant                     | −20 (a regression; stack load is help)    |
 * | source                                 | builtin +10, free-exercise-db +3          |
 * | foundational level                     | beginner +4, intermediate +2              |
 * | same equipment already in the session  | −2 each (variety)                         |
 * | same substitution group in the week    | −12                                       |
 * | weekly muscle balance                  | + w × balanceNeed (below)                 |
 * balanceNeed = mean over the tracked primary muscles of clamp(weekly minimum − planned sets,
 * −10, 20). Weight w is 0.3 in main / assist slots (the pattern matters most there), 3 in
 * accessory slots, and 5 in the balance pass, which only takes exercises for muscles below
 * their weekly minimum (targets in `dose.ts`).
 */
import type { E1rmEstimate } from '../e1rm/estimate';
import type { Equipment, Exercise, Goal, MemberProfile, Muscle } from '../types';
import { TRACKED_MUSCLES, WEEKLY_SET_TARGETS } from './dose';
import type { Slot, SlotRole } from './splits';

/** What the planner knows of a member's history on one exercise. */
export interface HistoryInfo {
  /** The member's e1RM estimate on the exercise at `now`, or null. */
  estimate: E1rmEstimate | null;
  hasEstimate: boolean;
  daysSinceLast: number | null;
  loggedSets: number;
}

/** The week so far, as the scorer sees it. */
export interface WeekState {
  /** Exercise ids used by other session templates this week. */
  weekUsed: ReadonlySet<string>;
  /** Exercise ids in the template being built. */
  sessionUsed: ReadonlySet<string>;
  /** Substitution groups used this week. */
  groupsUsed: ReadonlySet<string>;
  /** Equipment counts in the template being built. */
  sessionEquipment: ReadonlyMap<Equipment, number>;
  /** Hard sets per primary muscle planned this week. */
  weeklySets: ReadonlyMap<Muscle, number>;
}

/** What a slot ranker is asked: one slot of one session template, with its eligible candidates. */
export interface SlotRankQuery {
  slot: Slot;
  templateKey: string;
  templateName: string;
  /** Eligible, not yet used candidates of the slot's first pattern tier (all constraints applied). */
  candidates: readonly Exercise[];
  member: MemberProfile;
  goal: Goal;
  history: ReadonlyMap<string, HistoryInfo>;
  week: WeekState;
}

/**
 * An outside ranking of a slot's candidates (onboarding's `ExerciseRanker`): exercise ids, best
 * first. Ids that are not candidates are ignored; when none is, the planner's own score decides.
 */
export type SlotRanker = (query: SlotRankQuery) => readonly string[];

export const ALLOWED_CATEGORIES: readonly string[] = ['strength', 'powerlifting'];

const KIT_POINTS: Readonly<Partial<Record<Equipment, number>>> = {
  barbell: 20, dumbbell: 16, machine: 14, cable: 14, smith_machine: 12, kettlebell: 10, pullup_bar: 10, ez_bar: 8, bands: 2,
};
const ACCESSORY_KIT_POINTS: Readonly<Partial<Record<Equipment, number>>> = {
  dumbbell: 8, cable: 8, machine: 8, ez_bar: 6, barbell: 5, kettlebell: 4, smith_machine: 3,
};
const LEVEL_POINTS: Readonly<Record<Exercise['level'], number>> = { beginner: 4, intermediate: 2, advanced: 0 };

const TRACKED = new Set<Muscle>(TRACKED_MUSCLES);

export function isEquipmentAllowed(equipment: Equipment, member: MemberProfile): boolean {
  return equipment === 'body_only' || member.equipment.includes(equipment);
}

export function isLevelAllowed(exercise: Exercise, member: MemberProfile): boolean {
  return !(member.level === 'beginner' && exercise.level === 'advanced');
}

export function isExcluded(exercise: Exercise, member: MemberProfile): boolean {
  return member.excludedExerciseIds.includes(exercise.id)
    || member.excludedPatterns.includes(exercise.pattern)
    || exercise.primaryMuscles.some((m) => member.excludedMuscles.includes(m));
}

/** True when the member may be given `exercise` (see the header). */
export function isEligible(exercise: Exercise, member: MemberProfile): boolean {
  return ALLOWED_CATEGORIES.includes(exercise.category)
    && isLevelAllowed(exercise, member)
    && isEquipmentAllowed(exercise.equipment, member)
    && !isExcluded(exercise, member);
}

/** Weekly-balance points: mean over tracked primary muscles of clamp(target − sets, −10, 20). */
export function balanceNeed(exercise: Exercise, goal: Goal, weeklySets: ReadonlyMap<Muscle, number>): number {
  const target = WEEKLY_SET_TARGETS[goal].min;
  const tracked = exercise.primaryMuscles.filter((m) => TRACKED.has(m));
  if (tracked.length === 0) return 0;
  let sum = 0;
  for (const m of tracked) sum += Math.max(-10, Math.min(20, target - (weeklySets.get(m) ?? 0)));
  return sum / tracked.length;
}

/** Score of `exercise` for a slot of `role` (see the header table). */
export function scoreCandidate(
  exercise: Exercise, slot: Pick<Slot, 'role' | 'hints'>, balanceWeight: number, goal: Goal,
  history: ReadonlyMap<string, HistoryInfo>, week: WeekState,
): number {
  const { role } = slot;
  let score = 0;
  const h = history.get(exercise.id);
  if (h?.hasEstimate === true) score += 100 + (h.daysSinceLast !== null && h.daysSinceLast <= 56 ? 20 : 0);
  else if (h !== undefined && h.loggedSets > 0) score += 60;
  if (role !== 'accessory') {
    if (exercise.mechanic === 'compound') score += 25;
    score += KIT_POINTS[exercise.equipment] ?? 0;
  } else {
    if (exercise.mechanic === 'isolation') score += 10;
    score += ACCESSORY_KIT_POINTS[exercise.equipment] ?? 0;
  }
  const name = exercise.name.toLowerCase();
  if (slot.hints.some((h) => name.includes(h))) score += 6;
  if (name.includes('assisted')) score -= 20;
  score += exercise.source === 'builtin' ? 10 : exercise.source === 'free-exercise-db' ? 3 : 0;
  score += LEVEL_POINTS[exercise.level];
  score -= 2 * (week.sessionEquipment.get(exercise.equipment) ?? 0);
  if (week.groupsUsed.has(exercise.substitutionGroup)) score -= 12;
  score += balanceWeight * balanceNeed(exercise, goal, week.weeklySets);
  return score;
}

/** The best-scoring exercise of `candidates` (ties by id), or `null` when empty. */
export function best(candidates: readonly Exercise[], scoreOf: (e: Exercise) => number): Exercise | null {
  let top: Exercise | null = null;
  let topScore = Number.NEGATIVE_INFINITY;
  for (const e of candidates) {
    const s = scoreOf(e);
    if (s > topScore || (s === topScore && top !== null && e.id < top.id)) {
      top = e;
      topScore = s;
    }
  }
  return top;
}

/**
 * Candidates for `slot` from the eligible `pool`, by pattern tier: the first of the slot's
 * (non-excluded) patterns with any candidate wins. `allowWeekReuse` lets an exercise from
 * another template back in (used only when an essential slot would otherwise be empty).
 */
export function slotCandidates(slot: Slot, pool: readonly Exercise[], week: WeekState, allowWeekReuse: boolean): Exercise[] {
  for (const pattern of slot.patterns) {
    const tier = pool.filter((e) => e.pattern === pattern && !week.sessionUsed.has(e.id)
      && (allowWeekReuse || !week.weekUsed.has(e.id)));
    if (tier.length > 0) return tier;
  }
  return [];
}

/**
 * Why no exercise fits `slot`: the first filter that empties the library's candidates.
 * Returns the request field to blame and a phrase for the error message.
 */
export function explainEmptySlot(slot: Slot, library: readonly Exercise[], member: MemberProfile): { field: string; detail: string } {
  const patterns = slot.patterns.filter((p) => !member.excludedPatterns.includes(p));
  let c = library.filter((e) => patterns.includes(e.pattern) && ALLOWED_CATEGORIES.includes(e.category));
  if (c.length === 0) return { field: 'library', detail: 'the library has no strength exercise of these patterns' };
  c = c.filter((e) => isLevelAllowed(e, member));
  if (c.length === 0) return { field: 'member.level', detail: `every candidate is too advanced for a ${member.level}` };
  c = c.filter((e) => isEquipmentAllowed(e.equipment, member));
  if (c.length === 0) {
    const kit = member.equipment.length > 0 ? member.equipment.join(', ') : 'none listed';
    return { field: 'member.equipment', detail: `the member's equipment (${kit}; body weight always allowed) leaves none` };
  }
  c = c.filter((e) => !e.primaryMuscles.some((m) => member.excludedMuscles.includes(m)));
  if (c.length === 0) return { field: 'member.excludedMuscles', detail: `the excluded muscles (${member.excludedMuscles.join(', ')}) leave none` };
  c = c.filter((e) => !member.excludedExerciseIds.includes(e.id));
  if (c.length === 0) return { field: 'member.excludedExerciseIds', detail: 'the excluded exercises leave none' };
  return { field: 'member.excludedPatterns', detail: 'the excluded patterns leave none' };
}
