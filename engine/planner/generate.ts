/**
 * `generatePlan`: a member, a library and a log in; a block of weeks out. Pure and
 * deterministic: the same request gives the same plan (ties are broken by exercise id).
 */
import { parseTime } from '../e1rm/dates';
import { estimateE1rm } from '../e1rm/estimate';
import type { Exercise, PlanDraft, PlannedSession, PlannedWeek, SetRecord } from '../types';
import { buildWeek } from './build';
import type { TemplatePlan } from './build';
import { DELOAD, deloadSets, endRir, exerciseSeconds, rirForWeek, START_RIR } from './dose';
import { loadBasis, type LoadModel } from './loads';
import type { LoadBasis } from './loads';
import { prescribe } from './prescribe';
import type { WeekContext } from './prescribe';
import { resolveRequest } from './request';
import type { PlanRequest, ResolvedRequest } from './request';
import { isEligible } from './select';
import type { HistoryInfo } from './select';
import { chooseSplit } from './splits';

/** Sets of each exercise at or before `now`, by exercise id. */
function indexHistory(history: readonly SetRecord[], nowMs: number): Map<string, SetRecord[]> {
  const byId = new Map<string, SetRecord[]>();
  for (const s of history) {
    const ms = parseTime(s.performedAt);
    if (ms === null || ms > nowMs) continue;
    const list = byId.get(s.exerciseId);
    if (list) list.push(s);
    else byId.set(s.exerciseId, [s]);
  }
  return byId;
}

function historyInfo(byId: ReadonlyMap<string, SetRecord[]>, pool: readonly Exercise[], now: string): Map<string, HistoryInfo> {
  const info = new Map<string, HistoryInfo>();
  for (const e of pool) {
    const sets = byId.get(e.id);
    if (!sets) continue;
    const est = estimateE1rm(sets, e.id, now);
    info.set(e.id, { estimate: est, hasEstimate: est !== null, daysSinceLast: est?.daysSinceLast ?? null, loggedSets: sets.length });
  }
  return info;
}

/** Eligible exercises, one per id (first wins), sorted by id. */
function eligiblePool(req: ResolvedRequest): Exercise[] {
  const seen = new Set<string>();
  const pool: Exercise[] = [];
  for (const e of req.library) {
    if (seen.has(e.id) || !isEligible(e, req.member)) continue;
    seen.add(e.id);
    pool.push(e);
  }
  return pool.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function session(plan: TemplatePlan, day: number, ctx: WeekContext, bases: ReadonlyMap<string, LoadBasis>, req: ResolvedRequest): PlannedSession {
  let seconds = 0;
  const prescriptions = plan.items.map((item, i) => {
    const sets = ctx.isDeload ? deloadSets(item.dose.sets) : item.dose.sets;
    seconds += exerciseSeconds(item.dose, sets, item.warmUp);
    return prescribe(item, bases.get(item.exercise.id)!, i + 1, ctx, req.member);
  });
  return { day, name: plan.template.name, estimatedMinutes: Math.round(seconds / 60), prescriptions };
}

function planNotes(req: ResolvedRequest, splitReason: string, workingWeeks: number, bases: ReadonlyMap<string, LoadBasis>, names: ReadonlyMap<string, string>): string[] {
  const notes = [splitReason];
  const end = endRir(req.goal, false);
  const endIso = endRir(req.goal, true);
  notes.push(workingWeeks === 1
    ? `One working week at RIR ${String(START_RIR)}.`
    : `Target RIR falls ${String(START_RIR)} → ${String(end)} over weeks 1–${String(workingWeeks)}${endIso !== end ? ` (isolation ${String(START_RIR)} → ${String(endIso)})` : ''}.`);
  notes.push(req.weeks >= DELOAD.minWeeks
    ? `Week ${String(req.weeks)} is a deload: about ${String(Math.round(DELOAD.setFraction * 100))} % of the sets at RIR ${String(DELOAD.rir)} with ${String(Math.round(DELOAD.loadFraction * 100))} % of week ${String(workingWeeks)}'s loads.`
    : `No deload: a ${String(req.weeks)}-week block is too short for one; plan a lighter week after it.`);
  const m = req.member;
  const excl = [
    m.excludedMuscles.length > 0 ? `muscles ${m.excludedMuscles.join(', ')}` : '',
    m.excludedPatterns.length > 0 ? `patterns ${m.excludedPatterns.join(', ')}` : '',
    m.excludedExerciseIds.length > 0 ? `exercises ${m.excludedExerciseIds.join(', ')}` : '',
  ].filter((s) => s !== '');
  if (excl.length > 0) notes.push(`Exclusions applied: ${excl.join('; ')}.`);
  const calibrating: string[] = [];
  const fromModel: string[] = [];
  for (const [id, b] of bases) {
    const name = names.get(id) ?? id;
    if (b.kind === 'history' && b.layoffCut > 0) {
      notes.push(`Layoff: ${name} last done ${String(b.daysSinceLast)} days ago; e1RM cut ${String(Math.round(b.layoffCut * 100))} % and week 1 calibrates.`);
    } else if (b.kind === 'prior' || b.kind === 'minimum' || b.kind === 'given') calibrating.push(name);
    else if (b.kind === 'model') fromModel.push(name);
  }
  if (calibrating.length > 0) notes.push(`No usable history, so week 1 calibrates: ${calibrating.join(', ')}.`);
  if (fromModel.length > 0) notes.push(`Loads from the member's RIR model (learnt from sets with a logged RIR): ${fromModel.join(', ')}.`);
  notes.push(m.inventory !== undefined
    ? `Loads are rounded to what the member can load: the ${m.inventory.unit} plates, bars, dumbbells and machine stacks of their inventory.`
    : `Loads are rounded down to ${m.preferredUnit} steps the member can load.`);
  return notes;
}

/**
 * Uses the learnt load model where it has learnt the exercise, unless the member has been away
 * from it (a layoff keeps the history basis, whose cut and calibration week stay in force).
 */
function withLoadModel(basis: LoadBasis, exerciseId: string, model: LoadModel | undefined): LoadBasis {
  const label = model?.describe(exerciseId) ?? null;
  if (!model || label === null || basis.kind === 'bodyweight') return basis;
  if (basis.kind === 'history' && basis.layoffCut > 0) return basis;
  return { kind: 'model', model, label, fallback: basis };
}

/**
 * Generate a training block for a member.
 *
 * Input: see `PlanRequest`. Output: a `PlanDraft` with `weeks` weeks of `daysPerWeek` sessions;
 * loads in kg on the member's inventory (`member.inventory`) or else the loadable grid of the preferred unit, `null` for body weight.
 * Throws `PlannerInputError` (with `field`) for out-of-range input, or when equipment,
 * level or exclusions leave no exercise for an essential slot (the message names the slot).
 *
 * Steps: validate (`request.ts`) → split (`splits.ts`) → eligible pool and scoring
 * (`select.ts`) → one week of exercises within the time budget, then muscle balance
 * (`build.ts`) → per-week sets, reps, RIR, deload (`dose.ts`) and loads (`loads.ts`,
 * `prescribe.ts`). Exercises stay the same across the block; RIR falls and loads rise.
 * `PlannedWeek.targetRir` is the compound (main-lift) target; isolation work may sit lower.
 */
export function generatePlan(request: PlanRequest): PlanDraft {
  const req = resolveRequest(request);
  const nowMs = parseTime(req.now)!;
  const choice = req.split ?? chooseSplit(req.daysPerWeek, req.member.level);
  const pool = eligiblePool(req);
  const byId = indexHistory(req.history, nowMs);
  const info = historyInfo(byId, pool, req.now);
  const built = buildWeek({
    days: choice.days, pool, library: req.library, member: req.member, goal: req.goal,
    sessionMinutes: req.sessionMinutes, history: info, ...(req.rankSlot ? { rankSlot: req.rankSlot } : {}),
  });
  const bases = new Map<string, LoadBasis>();
  const names = new Map<string, string>();
  for (const plan of built.templates) {
    for (const { exercise } of plan.items) {
      if (bases.has(exercise.id)) continue;
      const known = info.get(exercise.id);
      const own = loadBasis(exercise, req.member, byId.get(exercise.id) ?? [], req.now, known === undefined ? null : known.estimate);
      const given = req.givenE1rm?.get(exercise.id);
      const replaces = own.kind === 'prior' || own.kind === 'minimum'
        || (given?.source === 'history' && own.kind === 'history' && own.layoffCut === 0);
      const basis: LoadBasis = given !== undefined && replaces ? { kind: 'given', e1rmKg: given.e1rmKg, given } : own;
      bases.set(exercise.id, withLoadModel(basis, exercise.id, req.loadModel));
      names.set(exercise.id, exercise.name);
    }
  }
  const hasDeload = req.weeks >= DELOAD.minWeeks;
  const workingWeeks = hasDeload ? req.weeks - 1 : req.weeks;
  const weeks: PlannedWeek[] = [];
  for (let w = 1; w <= req.weeks; w += 1) {
    const ctx: WeekContext = { week: w, isDeload: hasDeload && w === req.weeks, workingWeeks, goal: req.goal };
    const sessions = choice.days.map((t, i) => session(built.templates.find((p) => p.template.key === t.key)!, i + 1, ctx, bases, req));
    weeks.push({ week: w, isDeload: ctx.isDeload, targetRir: ctx.isDeload ? DELOAD.rir : rirForWeek(req.goal, false, w, workingWeeks), sessions });
  }
  return {
    memberId: req.member.id, goal: req.goal, level: req.member.level, split: choice.split,
    daysPerWeek: req.daysPerWeek, sessionMinutes: req.sessionMinutes, weeks,
    notes: [...planNotes(req, choice.reason, workingWeeks, bases, names), ...built.notes],
  };
}

