/**
 * Choosing one week's exercises: each distinct session template is filled slot by slot in
 * priority order while its time budget lasts, then a balance pass adds accessories for the
 * muscles furthest below the goal's weekly set target (only muscles of the session's region,
 * e.g. no calf raise on an upper day, and no second exercise of a pattern already in it). Days that repeat a template share its
 * exercises; other templates never reuse an exercise in the same week, except that an
 * essential slot with nothing else left may (noted).
 */
import type { Exercise, Goal, MemberProfile, Muscle, Pattern } from '../types';
import { isLoadedEquipment } from '../units/loadable';
import { baseDose, exerciseSeconds, TRACKED_MUSCLES, WEEKLY_SET_TARGETS } from './dose';
import type { Dose } from './dose';
import { PlannerInputError } from './errors';
import { best, explainEmptySlot, scoreCandidate, slotCandidates } from './select';
import type { HistoryInfo, SlotRanker, WeekState } from './select';
import { REGION_MUSCLES } from './splits';
import type { SessionTemplate, Slot, SlotRole } from './splits';

/** One exercise chosen for a template, with its week-1 dose (sets may be trimmed to fit). */
export interface ChosenItem {
  exercise: Exercise;
  role: SlotRole;
  slotLabel: string;
  dose: Dose;
  /** Loaded main lift: time includes a warm-up ramp. */
  warmUp: boolean;
}

export interface TemplatePlan {
  template: SessionTemplate;
  /** Days of the week that use this template. */
  multiplicity: number;
  items: ChosenItem[];
  usedSeconds: number;
}

export interface BuildInput {
  days: readonly SessionTemplate[];
  /** Eligible exercises, sorted by id. */
  pool: readonly Exercise[];
  library: readonly Exercise[];
  member: MemberProfile;
  goal: Goal;
  sessionMinutes: number;
  history: ReadonlyMap<string, HistoryInfo>;
  /** Outside ranking of each slot's candidates (see `SlotRanker`); default the planner's score. */
  rankSlot?: SlotRanker;
}

export interface WeekBuild {
  /** Distinct templates in first-day order. */
  templates: TemplatePlan[];
  notes: string[];
}

/** Most exercises in one session. */
export const MAX_EXERCISES = 8;
/** Fewest sets an exercise is trimmed to when time is short. */
export const MIN_SETS_WHEN_TRIMMED = 2;

/** Patterns the balance pass may add. */
export const BALANCE_PATTERNS: readonly Pattern[] = [
  'elbow_flexion', 'elbow_extension', 'shoulder_raise', 'chest_fly', 'rear_delt', 'knee_extension',
  'knee_flexion', 'hip_extension', 'hip_abduction', 'hip_adduction', 'calf_raise', 'core_flexion',
  'core_stability', 'core_rotation', 'shrug',
];

const TRACKED = new Set<Muscle>(TRACKED_MUSCLES);
const BALANCE_SLOT = { role: 'accessory', hints: [] } as const;

interface BuildState {
  input: BuildInput;
  plans: TemplatePlan[];
  weeklySets: Map<Muscle, number>;
  notes: string[];
  leftOut: string[];
  capped: string[];
}

function weekState(state: BuildState, plan: TemplatePlan): WeekState {
  const weekUsed = new Set<string>();
  const groupsUsed = new Set<string>();
  for (const p of state.plans) {
    for (const it of p.items) {
      groupsUsed.add(it.exercise.substitutionGroup);
      if (p !== plan) weekUsed.add(it.exercise.id);
    }
  }
  const sessionEquipment = new Map<Exercise['equipment'], number>();
  for (const it of plan.items) sessionEquipment.set(it.exercise.equipment, (sessionEquipment.get(it.exercise.equipment) ?? 0) + 1);
  return { weekUsed, sessionUsed: new Set(plan.items.map((i) => i.exercise.id)), groupsUsed, sessionEquipment, weeklySets: state.weeklySets };
}

/** The dose with the most sets (down to 2) that fits `remainingS`, or null. */
function fitDose(dose: Dose, warmUp: boolean, remainingS: number): Dose | null {
  for (let sets = dose.sets; sets >= Math.min(MIN_SETS_WHEN_TRIMMED, dose.sets); sets -= 1) {
    if (exerciseSeconds(dose, sets, warmUp) <= remainingS) return { ...dose, sets };
  }
  return null;
}

/** True when adding `sets` × multiplicity keeps every tracked primary muscle ≤ the weekly max. */
function withinWeeklyMax(state: BuildState, e: Exercise, sets: number): boolean {
  const max = WEEKLY_SET_TARGETS[state.input.goal].max;
  return e.primaryMuscles.every((m) => !TRACKED.has(m) || (state.weeklySets.get(m) ?? 0) + sets <= max);
}

/** Add `e` to `plan` if its dose fits the time left; returns whether it was added. */
function tryAdd(state: BuildState, plan: TemplatePlan, e: Exercise, role: SlotRole, slotLabel: string): boolean {
  const { goal, member, sessionMinutes } = state.input;
  const warmUp = role === 'main' && isLoadedEquipment(e.equipment);
  const dose = fitDose(baseDose(goal, role, e, member.level), warmUp, sessionMinutes * 60 - plan.usedSeconds);
  if (dose === null) return false;
  plan.items.push({ exercise: e, role, slotLabel, dose, warmUp });
  plan.usedSeconds += exerciseSeconds(dose, dose.sets, warmUp);
  for (const m of e.primaryMuscles) state.weeklySets.set(m, (state.weeklySets.get(m) ?? 0) + dose.sets * plan.multiplicity);
  return true;
}

/** The first of the outside ranking's ids that is a candidate, or null (no ranker, or none). */
function rankedPick(state: BuildState, plan: TemplatePlan, slot: Slot, candidates: readonly Exercise[], week: WeekState): Exercise | null {
  const { rankSlot, member, goal, history } = state.input;
  if (!rankSlot) return null;
  const byId = new Map(candidates.map((e) => [e.id, e]));
  for (const id of rankSlot({ slot, templateKey: plan.template.key, templateName: plan.template.name, candidates, member, goal, history, week })) {
    const e = byId.get(id);
    if (e) return e;
  }
  return null;
}

function fillSlot(state: BuildState, plan: TemplatePlan, template: Slot): void {
  const { member, pool, goal, history, library } = state.input;
  const where = `${plan.template.name} › ${template.label}`;
  const patterns = template.patterns.filter((p) => !member.excludedPatterns.includes(p));
  if (patterns.length === 0) {
    state.notes.push(`${where} left out: the member excludes ${template.patterns.join('/')}.`);
    return;
  }
  const slot: Slot = { ...template, patterns };
  const week = weekState(state, plan);
  let candidates = slotCandidates(slot, pool, week, false);
  if (candidates.length === 0 && slot.essential) {
    candidates = slotCandidates(slot, pool, week, true);
    if (candidates.length > 0) state.notes.push(`${where}: no unused exercise left, so one from another day is repeated.`);
  }
  if (candidates.length === 0) {
    if (!slot.essential) { state.leftOut.push(where); return; }
    if (pool.some((e) => patterns.includes(e.pattern))) {
      // every eligible exercise of the pattern is already in this session
      state.notes.push(`${where} left out: its only eligible exercises are already in the session.`);
      return;
    }
    // A trainer who excludes a muscle for an injury expects a plan without that slot, not an
    // error: leave it out and say why. A plan whose sessions end up empty is refused later.
    const why = explainEmptySlot(slot, library, member);
    state.notes.push(`${where} left out: no eligible exercise (${why.detail}).`);
    return;
  }
  if (slot.role === 'accessory') {
    candidates = candidates.filter((e) => withinWeeklyMax(state, e, baseDose(goal, 'accessory', e, member.level).sets * plan.multiplicity));
    if (candidates.length === 0) { state.capped.push(where); return; }
  }
  const weight = slot.role === 'accessory' ? 3 : 0.3;
  const pick = rankedPick(state, plan, slot, candidates, week)
    ?? best(candidates, (e) => scoreCandidate(e, slot, weight, goal, history, week));
  if (pick !== null && !tryAdd(state, plan, pick, slot.role, template.label)) {
    state.notes.push(`${where} left out: no time left in ${String(state.input.sessionMinutes)} min.`);
  }
}

/** One round of the balance pass: at most one extra accessory per template. */
function balanceRound(state: BuildState): boolean {
  const { pool, goal, member, history } = state.input;
  const target = WEEKLY_SET_TARGETS[goal].min;
  let added = false;
  for (const plan of state.plans) {
    if (plan.items.length >= MAX_EXERCISES) continue;
    const week = weekState(state, plan);
    const region = REGION_MUSCLES[plan.template.region];
    const candidates = pool.filter((e) => BALANCE_PATTERNS.includes(e.pattern)
      && !week.weekUsed.has(e.id) && !week.sessionUsed.has(e.id)
      && e.primaryMuscles.every((m) => region.includes(m))
      && !plan.items.some((i) => i.exercise.pattern === e.pattern)
      && e.primaryMuscles.some((m) => TRACKED.has(m) && (state.weeklySets.get(m) ?? 0) < target)
      && withinWeeklyMax(state, e, baseDose(goal, 'accessory', e, member.level).sets * plan.multiplicity));
    const scores = new Map(candidates.map((e) => [e.id, scoreCandidate(e, BALANCE_SLOT, 5, goal, history, week)]));
    const ranked = [...candidates].sort((a, b) => {
      const d = (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0);
      return d !== 0 ? d : a.id < b.id ? -1 : 1;
    });
    for (const e of ranked) {
      if (tryAdd(state, plan, e, 'accessory', 'Balance')) { added = true; break; }
    }
  }
  return added;
}

/**
 * Choose the week's exercises. An essential slot that equipment or exclusions leave empty is
 * left out with a note naming the slot and the reason. Throws `PlannerInputError` (reason
 * `no_exercise_for_slot`) only when a whole session is left without any exercise.
 */
export function buildWeek(input: BuildInput): WeekBuild {
  const plans: TemplatePlan[] = [];
  for (const t of input.days) {
    const existing = plans.find((p) => p.template.key === t.key);
    if (existing) existing.multiplicity += 1;
    else plans.push({ template: t, multiplicity: 1, items: [], usedSeconds: 0 });
  }
  const state: BuildState = { input, plans: [], weeklySets: new Map(), notes: [], leftOut: [], capped: [] };
  for (const plan of plans) {
    state.plans.push(plan);
    for (const slot of plan.template.slots) {
      if (plan.items.length >= MAX_EXERCISES) break;
      fillSlot(state, plan, slot);
    }
  }
  while (balanceRound(state)) { /* round-robin until no template can take another accessory */ }
  if (state.leftOut.length > 0) state.notes.push(`No eligible exercise, so left out: ${state.leftOut.join('; ')}.`);
  if (state.capped.length > 0) {
    const max = WEEKLY_SET_TARGETS[input.goal].max;
    state.notes.push(`Left out to keep each muscle at or under ${String(max)} hard sets a week: ${state.capped.join('; ')}.`);
  }
  const empty = plans.find((p) => p.items.length === 0);
  if (empty) {
    throw new PlannerInputError('member.equipment',
      `${empty.template.name} has no exercise left after the member's equipment and exclusions: ${state.notes.join(' ')}`,
      'no_exercise_for_slot');
  }
  return { templates: plans, notes: state.notes };
}
