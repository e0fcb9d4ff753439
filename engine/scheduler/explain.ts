/**
 * Explains an impossible week in words (issue 5, "Infeasibility").
 *
 * Two stages:
 * 1. `countingChecks` — fast upper bounds from the candidate rules (`candidates.ts`), no solver:
 *    per class type, the most classes its qualified trainers (availability, absences, 15-min
 *    breaks, max hours), its rooms (opening hours) and both together per day could hold; then
 *    aggregate hour checks per qualification, over all trainers, and per group of rooms.
 *    Each bound is a valid upper bound, so a cause found here is a real conflict.
 * 2. `elasticExplanation` — when the counts pass but the MIP is still infeasible: a relaxed copy of
 *    the neutral model (`model.ts`) with a slack on every class type's minimum and every trainer's
 *    hour limit, each with a large penalty, solved with HiGHS. The non-zero slacks are the conflict.
 *
 * `explainInfeasible` runs stage 1 and, only if it finds nothing, stage 2.
 */
import { solveWithHighs } from './backends/highs';
import type { BackendOptions } from './backends/types';
import { dateOfWeekday, roomsFor, slotStarts, insideWindow } from './candidates';
import { buildModel, type LinearTerm, type NeutralModel } from './model';
import type { ClassType, Club, Trainer } from './types';

export type CauseKind =
  | 'class_min' // a class type's minimum cannot be met (combined conflict, from the relaxation)
  | 'trainer_hours' // qualified trainers' available / maximum hours are too few
  | 'room_capacity' // rooms' free time is too short
  | 'no_candidate' // a class type has no feasible (room, trainer, time) at all
  | 'opening_hours' // a class does not fit the opening hours
  | 'day_overlap'; // trainers and rooms exist, but not on the same days / times

export interface Cause {
  kind: CauseKind;
  /** Ids of the items involved (class types, trainers, rooms). */
  items: string[];
  message: string;
}

export interface Explanation {
  causes: Cause[];
  /** Which stage produced the causes: 'counting', 'relaxation', or 'none' when nothing was found. */
  method: 'counting' | 'relaxation' | 'none';
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function fmtHours(min: number): string {
  const h = min / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

/** Union of `[start, end)` intervals, total length in minutes. */
function unionMinutes(iv: Array<[number, number]>): number {
  const s = [...iv].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -1;
  let curE = -1;
  for (const [a, b] of s) {
    if (a >= curE) {
      total += curE - curS;
      curS = a;
      curE = b;
    } else curE = Math.max(curE, b);
  }
  return total + (curE - curS);
}

function openMinutesOnDay(club: Club, d: number): number {
  return unionMinutes(club.openingHours.filter((w) => w.weekday === d).map((w) => [w.startMin, w.endMin]));
}

/** Minutes a trainer could teach at all this week: availability ∩ opening hours, on non-absent days, capped by max hours. */
export function trainerCapacityMin(club: Club, t: Trainer): number {
  let avail = 0;
  for (let d = 0; d < 7; d++) {
    if (t.absences.includes(dateOfWeekday(club.weekStart, d))) continue;
    const iv: Array<[number, number]> = [];
    for (const a of t.availability.filter((w) => w.weekday === d)) {
      for (const o of club.openingHours.filter((w) => w.weekday === d)) {
        const s = Math.max(a.startMin, o.startMin);
        const e = Math.min(a.endMin, o.endMin);
        if (e > s) iv.push([s, e]);
      }
    }
    avail += unionMinutes(iv);
  }
  return Math.min(avail, (t.maxHoursPerWeek ?? 40) * 60);
}

/** Most non-overlapping classes of length `dur` among `starts` (sorted), with `gap` minutes between. */
function greedyCount(starts: number[], dur: number, gap: number): number {
  let n = 0;
  let free = -Infinity;
  for (const s of [...starts].sort((a, b) => a - b)) {
    if (s >= free) {
      n++;
      free = s + dur + gap;
    }
  }
  return n;
}

/** Grid starts on day `d` at which a class of `ct` fits the opening hours. */
function openStarts(club: Club, ct: ClassType, starts: number[][], d: number): number[] {
  return (starts[d] ?? []).filter((s) => insideWindow(club.openingHours, d, s, s + ct.durationMin));
}

interface TrainerBound { trainer: Trainer; perDay: number[]; byAvailability: number; byHours: number; total: number; absentDays: number }

function trainerBound(club: Club, ct: ClassType, t: Trainer, starts: number[][]): TrainerBound {
  const gap = club.trainerGapMin ?? 15;
  const perDay: number[] = [];
  let absentDays = 0;
  for (let d = 0; d < 7; d++) {
    const absent = t.absences.includes(dateOfWeekday(club.weekStart, d));
    if (absent && openStarts(club, ct, starts, d).length > 0) absentDays++;
    const ok = absent ? [] : openStarts(club, ct, starts, d).filter((s) => insideWindow(t.availability, d, s, s + ct.durationMin));
    perDay.push(greedyCount(ok, ct.durationMin, gap));
  }
  const byAvailability = perDay.reduce((a, b) => a + b, 0);
  const byHours = Math.floor(((t.maxHoursPerWeek ?? 40) * 60 + 1e-6) / ct.durationMin);
  return { trainer: t, perDay, byAvailability, byHours, total: Math.min(byAvailability, byHours), absentDays };
}

function trainerReason(b: TrainerBound, ct: ClassType): string {
  const parts: string[] = [];
  if (b.byHours < b.byAvailability) parts.push(`max ${b.trainer.maxHoursPerWeek ?? 40} h a week`);
  else {
    parts.push(`${plural(b.byAvailability, 'slot')} of ${ct.durationMin} min inside ${b.trainer.name}'s availability and the opening hours`);
    if (b.absentDays > 0) parts.push(`absent ${b.absentDays} day${b.absentDays === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}

/** Stage 1 for one class type. */
function classTypeCauses(club: Club, ct: ClassType, starts: number[][]): Cause[] {
  if (ct.minPerWeek <= 0) return [];
  const need = ct.minPerWeek;
  const rooms = roomsFor(ct, club.rooms);
  const qualified = club.trainers.filter((t) => t.qualifications.includes(ct.requiredQualification));
  const fitsOpening = [0, 1, 2, 3, 4, 5, 6].some((d) => openStarts(club, ct, starts, d).length > 0);

  if (rooms.length === 0) {
    return [{ kind: 'no_candidate', items: [ct.id], message: `${ct.name} needs ${plural(need, 'class')} a week but no room fits it (room types ${ct.allowedRoomTypes.join(', ')}, at least ${ct.minRoomCapacity ?? 1} places${(ct.requiredEquipment ?? []).length ? `, equipment ${ct.requiredEquipment!.join(', ')}` : ''}).` }];
  }
  if (qualified.length === 0) {
    return [{ kind: 'no_candidate', items: [ct.id], message: `${ct.name} needs ${plural(need, 'class')} a week but no trainer holds the qualification "${ct.requiredQualification}".` }];
  }
  if (!fitsOpening) {
    return [{ kind: 'opening_hours', items: [ct.id], message: `${ct.name} needs ${plural(need, 'class')} a week but a ${ct.durationMin}-min class fits in no opening window on the ${club.slotMin}-min start grid.` }];
  }

  const tb = qualified.map((t) => trainerBound(club, ct, t, starts));
  const trainerTotal = tb.reduce((a, b) => a + b.total, 0);
  const roomPerDay = [0, 1, 2, 3, 4, 5, 6].map((d) => rooms.length * greedyCount(openStarts(club, ct, starts, d), ct.durationMin, 0));
  const roomTotal = roomPerDay.reduce((a, b) => a + b, 0);
  const dayTotal = roomPerDay.reduce((a, r, d) => a + Math.min(r, tb.reduce((x, b) => x + (b.perDay[d] ?? 0), 0)), 0);
  const trainerIds = qualified.map((t) => t.id);
  const roomIds = rooms.map((r) => r.id);

  if (trainerTotal < need) {
    if (trainerTotal === 0) {
      return [{ kind: 'no_candidate', items: [ct.id, ...trainerIds], message: `${ct.name} needs ${plural(need, 'class')} a week but none can be placed: ${listNames(qualified.map((t) => t.name))} ${qualified.length === 1 ? 'is' : 'are'} qualified but never available (or absent) for a whole ${ct.durationMin}-min class within the opening hours.` }];
    }
    const only = tb[0]!;
    const message = qualified.length === 1
      ? `${ct.name} needs ${plural(need, 'class')} a week but only ${only.trainer.name} is qualified and is available for ${only.total} (${trainerReason(only, ct)}).`
      : `${ct.name} needs ${plural(need, 'class')} a week but its qualified trainers can teach at most ${trainerTotal}: ${tb.map((b) => `${b.trainer.name}: ${b.total} (${trainerReason(b, ct)})`).join('; ')}.`;
    return [{ kind: 'trainer_hours', items: [ct.id, ...trainerIds], message }];
  }
  if (roomTotal < need) {
    return [{ kind: 'room_capacity', items: [ct.id, ...roomIds], message: `${ct.name} needs ${plural(need, 'class')} a week but its ${rooms.length === 1 ? 'only room' : 'rooms'} ${listNames(rooms.map((r) => r.name))} ${rooms.length === 1 ? 'has' : 'have'} only ${roomTotal} free ${ct.durationMin}-min slots within the opening hours.` }];
  }
  if (dayTotal < need) {
    const detail = [0, 1, 2, 3, 4, 5, 6]
      .filter((d) => roomPerDay[d]! > 0 || tb.some((b) => b.perDay[d]! > 0))
      .map((d) => `${DAY_NAMES[d]}: room slots ${roomPerDay[d]}, trainer slots ${tb.reduce((x, b) => x + b.perDay[d]!, 0)}`);
    return [{ kind: 'day_overlap', items: [ct.id, ...trainerIds, ...roomIds], message: `${ct.name} needs ${plural(need, 'class')} a week but at most ${dayTotal} fit where its trainers (${listNames(qualified.map((t) => t.name))}) are available and its rooms are free on the same day (${detail.join('; ')}).` }];
  }
  return [];
}

/** Stage 1: fast counting checks. Returns an empty list when no counting bound is violated. */
export function countingChecks(club: Club): Cause[] {
  const starts = slotStarts(club);
  const causes: Cause[] = [];
  const flagged = new Set<string>();
  for (const ct of club.classTypes) {
    const c = classTypeCauses(club, ct, starts);
    if (c.length > 0) flagged.add(ct.id);
    causes.push(...c);
  }
  const demanded = club.classTypes.filter((c) => c.minPerWeek > 0);
  const needLine = (cts: ClassType[]) => cts.map((c) => `${c.name} ${c.minPerWeek} × ${c.durationMin} min`).join(', ');
  const needMin = (cts: ClassType[]) => cts.reduce((a, c) => a + c.minPerWeek * c.durationMin, 0);

  // Per qualification: teaching time needed vs what the holders can give.
  const quals = [...new Set(demanded.map((c) => c.requiredQualification))];
  for (const q of quals) {
    const cts = demanded.filter((c) => c.requiredQualification === q);
    if (cts.every((c) => flagged.has(c.id))) continue;
    const holders = club.trainers.filter((t) => t.qualifications.includes(q));
    const cap = holders.reduce((a, t) => a + trainerCapacityMin(club, t), 0);
    if (needMin(cts) > cap) {
      cts.forEach((c) => flagged.add(c.id));
      causes.push({
        kind: 'trainer_hours', items: [...cts.map((c) => c.id), ...holders.map((t) => t.id)],
        message: `Classes needing the qualification "${q}" (${needLine(cts)}) need ${fmtHours(needMin(cts))} of teaching a week but ${listNames(holders.map((t) => t.name))} can give at most ${fmtHours(cap)} (availability within opening hours, max hours).`,
      });
    }
  }
  // All trainers together (only adds something when qualifications differ).
  if (quals.length > 1 && !demanded.every((c) => flagged.has(c.id))) {
    const users = club.trainers.filter((t) => demanded.some((c) => t.qualifications.includes(c.requiredQualification)));
    const cap = users.reduce((a, t) => a + trainerCapacityMin(club, t), 0);
    if (needMin(demanded) > cap) {
      causes.push({
        kind: 'trainer_hours', items: [...demanded.map((c) => c.id), ...users.map((t) => t.id)],
        message: `The minimum classes (${needLine(demanded)}) need ${fmtHours(needMin(demanded))} of teaching a week but all qualified trainers together (${listNames(users.map((t) => t.name))}) can give at most ${fmtHours(cap)}.`,
      });
      demanded.forEach((c) => flagged.add(c.id));
    }
  }
  // Rooms: for each room set S (one per class type, plus all usable rooms), the class types that
  // can only use rooms in S need at most |S| × open minutes of room time.
  const openMin = [0, 1, 2, 3, 4, 5, 6].reduce((a, d) => a + openMinutesOnDay(club, d), 0);
  const roomSets = new Map<string, string[]>();
  const roomsOf = new Map(demanded.map((c) => [c.id, roomsFor(c, club.rooms).map((r) => r.id)]));
  for (const ids of roomsOf.values()) roomSets.set([...ids].sort().join('|'), [...ids].sort());
  const all = [...new Set([...roomsOf.values()].flat())].sort();
  roomSets.set(all.join('|'), all);
  const sets = [...roomSets.values()].sort((a, b) => b.length - a.length); // widest first: the most general message
  for (const set of sets) {
    if (set.length === 0) continue;
    const cts = demanded.filter((c) => (roomsOf.get(c.id) ?? []).every((r) => set.includes(r)) && (roomsOf.get(c.id) ?? []).length > 0);
    if (cts.length === 0 || cts.every((c) => flagged.has(c.id))) continue;
    const cap = set.length * openMin;
    if (needMin(cts) > cap) {
      const names = set.map((id) => club.rooms.find((r) => r.id === id)?.name ?? id);
      causes.push({
        kind: 'room_capacity', items: [...cts.map((c) => c.id), ...set],
        message: `The minimum classes (${needLine(cts)}) need ${fmtHours(needMin(cts))} of room time a week but ${set.length === 1 ? 'the only usable room' : `the ${set.length} usable rooms`} (${listNames(names)}) ${set.length === 1 ? 'is' : 'are'} open for only ${fmtHours(cap)} in total: not enough rooms or time slots.`,
      });
      cts.forEach((c) => flagged.add(c.id));
    }
  }
  return causes;
}

/** Penalty per missing class and per extra trainer hour in the relaxed model. */
export const SLACK_PENALTY = 1000;

export interface RelaxedModel {
  model: NeutralModel;
  /** Slack variable index → what it relaxes. */
  slacks: Array<{ v: number; kind: 'class_min' | 'trainer_hours'; id: string }>;
}

/**
 * A relaxed copy of the neutral model: every class-type count row gets `+ s_c` (s_c ∈ [0, min]),
 * every trainer hours row `− h_t` (h_t ≥ 0), and the objective only penalises the slacks. All
 * x = 0 with s_c = min is feasible, so this model always has a solution.
 */
export function buildRelaxedModel(club: Club): RelaxedModel {
  const zero = { attendance: 0, idle: 0, balance: 0, revenue: 0, preference: 0 };
  const base = buildModel(club, () => ({ mean: 0, sd: 0 }), zero);
  const variables = base.variables.map((v) => ({ ...v }));
  const slacks: RelaxedModel['slacks'] = [];
  const objective: LinearTerm[] = [];
  const constraints = base.constraints.map((row) => {
    const [prefix, id] = row.name.split('|');
    if (prefix === 'count' && id !== undefined && (row.lo ?? 0) > 0) {
      const v = variables.push({ name: `slack_min|${id}`, kind: 'continuous', lb: 0, ub: row.lo! }) - 1;
      slacks.push({ v, kind: 'class_min', id });
      objective.push({ v, c: -SLACK_PENALTY });
      return { ...row, terms: [...row.terms, { v, c: 1 }] };
    }
    if (prefix === 'hours' && id !== undefined) {
      const v = variables.push({ name: `slack_hours|${id}`, kind: 'continuous', lb: 0, ub: 168 }) - 1;
      slacks.push({ v, kind: 'trainer_hours', id });
      objective.push({ v, c: -SLACK_PENALTY * 1.01 }); // tie-break: report a missing class before extra hours
      return { ...row, terms: [...row.terms, { v, c: -1 }] };
    }
    return { ...row, terms: [...row.terms] };
  });
  return { model: { ...base, variables, constraints, objective, objectiveConstant: 0 }, slacks };
}

/** Stage 2: elastic relaxation solved with HiGHS; one cause per non-zero slack. */
export async function elasticExplanation(club: Club, options: BackendOptions = {}): Promise<Cause[]> {
  const { model, slacks } = buildRelaxedModel(club);
  const sol = await solveWithHighs(model, { timeLimitS: options.timeLimitS ?? 30, mipRelGap: options.mipRelGap ?? 0 });
  if (sol.values.length === 0) return [];
  const causes: Cause[] = [];
  for (const s of slacks) {
    const val = sol.values[s.v] ?? 0;
    if (val <= 1e-6) continue;
    if (s.kind === 'class_min') {
      const ct = club.classTypes.find((c) => c.id === s.id)!;
      const missing = Math.round(val);
      const placed = ct.minPerWeek - missing;
      const trainers = club.trainers.filter((t) => t.qualifications.includes(ct.requiredQualification));
      const rooms = roomsFor(ct, club.rooms);
      causes.push({
        kind: 'class_min', items: [ct.id, ...trainers.map((t) => t.id), ...rooms.map((r) => r.id)],
        message: `${ct.name} needs ${plural(ct.minPerWeek, 'class')} a week but only ${placed} can be placed together with the other classes' minimums: its trainers (${listNames(trainers.map((t) => t.name))}) and rooms (${listNames(rooms.map((r) => r.name))}) are taken at the times they could be used (room double-booking, trainer clashes, ${club.trainerGapMin ?? 15}-min breaks).`,
      });
    } else {
      const t = club.trainers.find((x) => x.id === s.id)!;
      causes.push({
        kind: 'trainer_hours', items: [t.id],
        message: `${t.name} would have to teach ${fmtHours(val * 60)} more than the maximum of ${t.maxHoursPerWeek ?? 40} h a week to cover the minimum classes.`,
      });
    }
  }
  return causes;
}

/**
 * Explain why a (validated) club's week is infeasible: counting checks first; if they find
 * nothing, the elastic relaxation. A feasible club gives `{ causes: [], method: 'none' }`.
 */
export async function explainInfeasible(club: Club, options: BackendOptions = {}): Promise<Explanation> {
  const counted = countingChecks(club);
  if (counted.length > 0) return { causes: counted, method: 'counting' };
  const relaxed = await elasticExplanation(club, options);
  return relaxed.length > 0 ? { causes: relaxed, method: 'relaxation' } : { causes: [], method: 'none' };
}
