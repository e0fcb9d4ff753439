/**
 * Changing a published week (issue 5, parts 4–6, engine side):
 * - `suggestAdjustments`: from several weeks of real classes, suggest reducing or moving underused
 *   classes and adding classes where they run full or waitlisted;
 * - `rankSubstitutes`: who can take one class when its trainer cannot;
 * - `reoptimizeForAbsence`: a small MIP that repairs the week around an absent trainer with the
 *   fewest changes, keeping every other class exactly as it was.
 *
 * Units: times are minutes after midnight, weekday 0 = Monday, hours are hours, fills are
 * shares of capacity in [0, 1+]. Every hard rule is checked with `check.ts`.
 * Input clubs are validated (`validateClub`, throws `ClubValidationError`); an unknown trainer,
 * room or class index throws `TimetableInputError` naming it.
 */
import { solveWithHighs } from './backends/highs';
import { dateOfWeekday, enumerateCandidates, insideWindow, overlapsWindow } from './candidates';
import { formatHours, formatSlot, resolveClass, TimetableInputError, violationsOfPlacement } from './check';
import { cappedAttendance, preferenceOf } from './score';
import type { LinearTerm, ModelConstraint, ModelVariable, NeutralModel } from './model';
import type { Club, DemandFn, ScheduledClass, SolveStatus } from './types';
import { validateClub } from './validate';

/** One real class that took place (history for `suggestAdjustments`). People counts, ISO date. */
export interface ObservedClass {
  classTypeId: string;
  weekday: number;
  startMin: number;
  roomId: string;
  date: string;
  booked: number;
  attended: number;
  waitlisted: number;
  capacity: number;
}

/** Our choice: a class is underused when mean attended / capacity is below 0.35. */
export const UNDERUSED_FILL = 0.35;
/** Our choice: an occurrence is full when booked / capacity ≥ 0.95 or anyone was waitlisted. */
export const FULL_FILL = 0.95;
/** Our choice: a class is consistently full when at least 2/3 of its occurrences were full. */
export const FULL_SHARE = 2 / 3;
/** Our choice: fewer than 3 occurrences are not evidence either way. */
export const MIN_OCCURRENCES = 3;

export interface AdjustOptions {
  /** Predicted attendance (people) used to pick the best slot for a move or an added class. */
  demand: DemandFn;
  underusedFill?: number;
  fullFill?: number;
  fullShare?: number;
  minOccurrences?: number;
}

export interface AdjustmentEvidence {
  occurrences: number;
  /** Mean attended / capacity over the occurrences. */
  meanFill: number;
  /** Share of occurrences with someone waitlisted. */
  waitlistedShare: number;
  /** Share of occurrences that were full (booked / capacity ≥ fullFill, or waitlisted). */
  fullShare: number;
}

export interface Adjustment {
  kind: 'reduce' | 'move' | 'add';
  classTypeId: string;
  /** The published class concerned ('reduce', 'move'). */
  from?: ScheduledClass;
  /** The new place ('move', 'add'). */
  to?: ScheduledClass;
  reason: string;
  evidence: AdjustmentEvidence;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const sameSlot = (a: { classTypeId: string; weekday: number; startMin: number; roomId: string }, b: typeof a) =>
  a.classTypeId === b.classTypeId && a.weekday === b.weekday && a.startMin === b.startMin && a.roomId === b.roomId;

function evidenceOf(obs: readonly ObservedClass[], fullFill: number): AdjustmentEvidence {
  const n = obs.length;
  const fill = (o: ObservedClass) => (o.capacity > 0 ? o.attended / o.capacity : 0);
  const full = obs.filter((o) => o.waitlisted > 0 || (o.capacity > 0 && o.booked / o.capacity >= fullFill)).length;
  return {
    occurrences: n,
    meanFill: n === 0 ? 0 : obs.reduce((a, o) => a + fill(o), 0) / n,
    waitlistedShare: n === 0 ? 0 : obs.filter((o) => o.waitlisted > 0).length / n,
    fullShare: n === 0 ? 0 : full / n,
  };
}

/** Best feasible place (by capped predicted attendance) for a class of `classTypeId` at `index`. */
function bestPlace(club: Club, week: readonly ScheduledClass[], index: number, classTypeId: string, demand: DemandFn, keepTrainer?: string): { cls: ScheduledClass; att: number } | null {
  let best: { cls: ScheduledClass; att: number } | null = null;
  const current = week[index];
  for (const c of enumerateCandidates(club)) {
    if (c.classTypeId !== classTypeId || (keepTrainer !== undefined && c.trainerId !== keepTrainer)) continue;
    if (current && c.weekday === current.weekday && c.startMin === current.startMin) continue;
    const att = cappedAttendance(club, demand, c);
    if (best && att <= best.att) continue;
    if (violationsOfPlacement(club, week, index, c).length === 0) best = { cls: c, att };
  }
  return best;
}

/**
 * Suggest changes to the published week from observed history (several weeks of real classes).
 * Observations are grouped by (class type, weekday, start, room). A group with at least
 * `minOccurrences` (3) occurrences is:
 * - underused when mean attended / capacity < `underusedFill` (0.35): 'move' to the class type's
 *   free slot with the highest predicted attendance (checked by the hard rules, same trainer
 *   first, then any trainer) when that beats the current slot's prediction, else 'reduce';
 * - full when ≥ `fullShare` (2/3) of occurrences were full (booked ≥ 95 % or waitlisted): 'add' a
 *   class of that type at the feasible free place (room, qualified available trainer with hours
 *   left) with the highest predicted attendance.
 * Thresholds are our choice (exported constants). Suggestions are applied to a working copy in
 * turn, so they never conflict with each other. Order: by class type, weekday, start.
 */
export function suggestAdjustments(clubInput: Club, published: readonly ScheduledClass[], observed: readonly ObservedClass[], opts: AdjustOptions): Adjustment[] {
  const club = validateClub(clubInput);
  published.forEach((c, i) => resolveClass(club, c, `published[${i}]`));
  const o = { underusedFill: UNDERUSED_FILL, fullFill: FULL_FILL, fullShare: FULL_SHARE, minOccurrences: MIN_OCCURRENCES, ...opts };
  const groups = new Map<string, ObservedClass[]>();
  for (const ob of observed) {
    if (!club.classTypes.some((c) => c.id === ob.classTypeId)) throw new TimetableInputError('observed.classTypeId', `unknown class type ${ob.classTypeId}`);
    const k = `${ob.classTypeId}|${ob.weekday}|${ob.startMin}|${ob.roomId}`;
    groups.set(k, [...(groups.get(k) ?? []), ob]);
  }
  const keys = [...groups.keys()].sort((a, b) => {
    const [ta, da, sa] = a.split('|');
    const [tb, db, sb] = b.split('|');
    return ta!.localeCompare(tb!) || Number(da) - Number(db) || Number(sa) - Number(sb);
  });
  let week = [...published];
  const out: Adjustment[] = [];
  for (const k of keys) {
    const obs = groups.get(k)!;
    const first = obs[0]!;
    const ct = club.classTypes.find((c) => c.id === first.classTypeId)!;
    const ev = evidenceOf(obs, o.fullFill);
    if (ev.occurrences < o.minOccurrences) continue;
    const where = formatSlot(first.weekday, first.startMin, first.startMin + ct.durationMin);
    const seen = `over ${ev.occurrences} classes`;
    if (ev.meanFill < o.underusedFill) {
      const index = week.findIndex((c) => sameSlot(c, first));
      if (index < 0) continue; // no longer published: nothing to change
      const from = week[index]!;
      const nowAtt = cappedAttendance(club, opts.demand, from);
      const place = bestPlace(club, week, index, ct.id, opts.demand, from.trainerId) ?? bestPlace(club, week, index, ct.id, opts.demand);
      if (place && place.att > nowAtt) {
        const to = place.cls;
        week = week.map((c, i) => (i === index ? to : c));
        out.push({
          kind: 'move', classTypeId: ct.id, from, to, evidence: ev,
          reason: `${ct.name} ${where} filled ${pct(ev.meanFill)} of its places on average ${seen} (below ${pct(o.underusedFill)}); ${formatSlot(to.weekday, to.startMin, to.startMin + ct.durationMin)} is free and predicts ${place.att.toFixed(1)} people instead of ${nowAtt.toFixed(1)}`,
        });
      } else {
        week = week.filter((_, i) => i !== index);
        const count = week.filter((c) => c.classTypeId === ct.id).length;
        out.push({
          kind: 'reduce', classTypeId: ct.id, from, evidence: ev,
          reason: `${ct.name} ${where} filled ${pct(ev.meanFill)} of its places on average ${seen} (below ${pct(o.underusedFill)}) and no better free slot is predicted${count < ct.minPerWeek ? `; dropping it leaves ${count}, below the minimum of ${ct.minPerWeek} a week` : ''}`,
        });
      }
    } else if (ev.fullShare >= o.fullShare) {
      const place = bestPlace(club, week, week.length, ct.id, opts.demand);
      if (!place) continue;
      const to = place.cls;
      week = [...week, to];
      const count = week.filter((c) => c.classTypeId === ct.id).length;
      out.push({
        kind: 'add', classTypeId: ct.id, to, evidence: ev,
        reason: `${ct.name} ${where} was full or waitlisted in ${Math.round(ev.fullShare * ev.occurrences)} of ${ev.occurrences} classes (waitlist in ${pct(ev.waitlistedShare)}); add one ${formatSlot(to.weekday, to.startMin, to.startMin + ct.durationMin)} (predicted ${place.att.toFixed(1)} people)${count > ct.maxPerWeek ? `, above the maximum of ${ct.maxPerWeek} a week` : ''}`,
      });
    }
  }
  return out;
}

export interface SubstituteCandidate {
  trainerId: string;
  name: string;
  /** Hours left this week before taking the class (max − hours already taught), hours. */
  remainingHours: number;
  /** +1 inside a preferred window, −1 touching an avoided one, else 0. */
  preference: -1 | 0 | 1;
  score: number;
  reasons: string[];
}

/** Our choice: in the substitute score, a preferred window is worth 4 h of remaining hours. */
export const PREFERENCE_WEIGHT_H = 4;
/** Our choice: each other class that day costs 0.1 (a tie-break). */
export const SAME_DAY_WEIGHT = 0.1;

/**
 * Trainers who could take class `classIndex` instead of its trainer, best first. Only trainers
 * (other than `unavailableTrainerId` and the class's own trainer) who are qualified, available in
 * that window, not absent that date, clear of their other classes by `trainerGapMin`, and have at
 * least the class's duration of hours left are returned; excluded trainers do not appear.
 * score = remainingHours + 4 · preference − 0.1 · (their other classes that day) (our choice);
 * ties by name. Throws `TimetableInputError` for an unknown index or trainer.
 */
export function rankSubstitutes(clubInput: Club, timetable: readonly ScheduledClass[], classIndex: number, unavailableTrainerId: string): SubstituteCandidate[] {
  const club = validateClub(clubInput);
  const cls = timetable[classIndex];
  if (!Number.isInteger(classIndex) || cls === undefined) throw new TimetableInputError('classIndex', `class index ${classIndex} is not in the timetable (${timetable.length} classes)`);
  if (!club.trainers.some((t) => t.id === unavailableTrainerId)) throw new TimetableInputError('unavailableTrainerId', `unknown trainer ${unavailableTrainerId}`);
  const { ct, end } = resolveClass(club, cls, `timetable[${classIndex}]`);
  const out: SubstituteCandidate[] = [];
  for (const t of club.trainers) {
    if (t.id === unavailableTrainerId || t.id === cls.trainerId) continue;
    const placed = { ...cls, trainerId: t.id };
    if (violationsOfPlacement(club, timetable, classIndex, placed).length > 0) continue;
    const others = timetable.filter((c, i) => i !== classIndex && c.trainerId === t.id);
    const taught = others.reduce((h, c) => h + (club.classTypes.find((x) => x.id === c.classTypeId)?.durationMin ?? 0) / 60, 0);
    const max = t.maxHoursPerWeek ?? 40;
    const remainingHours = max - taught;
    const preference = preferenceOf(club, placed, ct.durationMin) as -1 | 0 | 1;
    const sameDay = others.filter((c) => c.weekday === cls.weekday).length;
    const reasons = [`qualified for ${ct.name}`, `${formatHours(remainingHours)} left this week (maximum ${formatHours(max)})`];
    if (preference === 1 && insideWindow(t.preferred ?? [], cls.weekday, cls.startMin, end)) reasons.push(`prefers ${formatSlot(cls.weekday, cls.startMin, end)}`);
    if (preference === -1 && overlapsWindow(t.avoided ?? [], cls.weekday, cls.startMin, end)) reasons.push(`would rather not teach ${formatSlot(cls.weekday, cls.startMin, end)}`);
    reasons.push(sameDay === 0 ? 'no other class that day' : `${sameDay} other class${sameDay === 1 ? '' : 'es'} that day`);
    const score = remainingHours + PREFERENCE_WEIGHT_H * preference - SAME_DAY_WEIGHT * sameDay;
    out.push({ trainerId: t.id, name: t.name, remainingHours, preference, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/** Dates of the scheduled week (weekday 0–6). */
export function weekDates(club: Club): string[] {
  return [0, 1, 2, 3, 4, 5, 6].map((d) => dateOfWeekday(club.weekStart, d));
}

/** Our choice: a substitute trainer is 1 change, a move (time or room, any trainer) 2, a cancellation 10. */
export const CHANGES = { substitute: 1, moved: 2, cancelled: 10 } as const;

export interface AbsenceOptions {
  /** Wall-clock limit for the HiGHS solve in seconds (default 10). */
  timeLimitS?: number;
}

export interface AbsenceChange {
  /** Index of the class in the input timetable. */
  classIndex: number;
  kind: 'substitute' | 'moved' | 'cancelled';
  before: ScheduledClass;
  after: ScheduledClass | null;
  reason: string;
}

export interface AbsenceResult {
  /** The whole new week: input order, affected classes replaced in place, cancelled ones removed. */
  timetable: ScheduledClass[];
  changes: AbsenceChange[];
  /** Classes left exactly as they were. */
  unchangedCount: number;
  /** Σ change costs (`CHANGES`) of `changes`: what the MIP minimised first. */
  changeCount: number;
  status: SolveStatus;
}

interface Option { cls: ScheduledClass; kind: 'substitute' | 'moved'; att: number; dur: number; pref: number }

/** Our choice: trainer preference (+1 / −1) only breaks ties, at 1/1000 of one predicted person. */
export const PREFERENCE_TIE_BREAK = 1e-3;

/** Feasible places for one affected class against the fixed classes (per-class rules, clashes, hours). */
function optionsFor(club: Club, before: ScheduledClass, cands: readonly ScheduledClass[], fixed: readonly ScheduledClass[], demand: DemandFn): Option[] {
  const dur = resolveClass(club, before).ct.durationMin;
  return cands
    .filter((c) => c.classTypeId === before.classTypeId && violationsOfPlacement(club, fixed, fixed.length, c).length === 0)
    .map((c) => ({
      cls: c, dur, att: cappedAttendance(club, demand, c), pref: preferenceOf(club, c, dur),
      kind: c.weekday === before.weekday && c.startMin === before.startMin && c.roomId === before.roomId ? 'substitute' : 'moved',
    }));
}

/** Pairwise rows among the affected classes' options: one per (room or trainer, day, start point). */
function cliqueRows(club: Club, flat: ReadonlyArray<{ v: number; o: Option }>): ModelConstraint[] {
  const rows: ModelConstraint[] = [];
  const gap = club.trainerGapMin ?? 15;
  for (const [owner, extra] of [['roomId', 0], ['trainerId', gap]] as const) {
    const groups = new Map<string, Array<{ v: number; o: Option }>>();
    for (const f of flat) {
      const k = `${f.o.cls[owner]}|${f.o.cls.weekday}`;
      groups.set(k, [...(groups.get(k) ?? []), f]);
    }
    for (const [k, list] of groups) {
      // Two overlapping intervals always cover the later one's start, so these points suffice.
      for (const p of new Set(list.map((f) => f.o.cls.startMin))) {
        const terms = list.filter((f) => f.o.cls.startMin <= p && p < f.o.cls.startMin + f.o.dur + extra).map((f) => ({ v: f.v, c: 1 }));
        if (terms.length > 1) rows.push({ name: `${owner}|${k}|${p}`, terms, lo: null, hi: 1 });
      }
    }
  }
  return rows;
}

/** The repair MIP: one binary per option, one "cancel" binary per affected class. */
function absenceModel(club: Club, fixed: readonly ScheduledClass[], options: Option[][]): { model: NeutralModel; flat: Array<{ v: number; a: number; o: Option }>; cancelVar: number[] } {
  const flat = options.flatMap((opts, a) => opts.map((o) => ({ a, o }))).map((f, v) => ({ ...f, v }));
  const variables: ModelVariable[] = flat.map((f) => ({ name: `x${f.v}`, kind: 'binary', lb: 0, ub: 1 }));
  const cancelVar = options.map((_, a) => variables.push({ name: `cancel${a}`, kind: 'binary', lb: 0, ub: 1 }) - 1);
  // Lexicographic: the attendance term over all options sums to < 1, less than one change.
  const attScale = 1 + options.reduce((s, opts) => s + Math.max(0, ...opts.map((o) => o.att)) + PREFERENCE_TIE_BREAK, 0);
  const objective: LinearTerm[] = [
    ...flat.map((f) => ({ v: f.v, c: -CHANGES[f.o.kind] + (f.o.att + PREFERENCE_TIE_BREAK * f.o.pref) / attScale })),
    ...cancelVar.map((v) => ({ v, c: -CHANGES.cancelled })),
  ];
  const constraints: ModelConstraint[] = options.map((_, a) => ({
    name: `assign|${a}`, terms: [...flat.filter((f) => f.a === a).map((f) => ({ v: f.v, c: 1 })), { v: cancelVar[a]!, c: 1 }], lo: 1, hi: 1,
  }));
  constraints.push(...cliqueRows(club, flat));
  for (const t of club.trainers) {
    const terms = flat.filter((f) => f.o.cls.trainerId === t.id).map((f) => ({ v: f.v, c: f.o.dur / 60 }));
    const taught = fixed.reduce((h, c) => h + (c.trainerId === t.id ? resolveClass(club, c).ct.durationMin / 60 : 0), 0);
    if (terms.length > 0) constraints.push({ name: `hours|${t.id}`, terms, lo: null, hi: (t.maxHoursPerWeek ?? 40) - taught });
  }
  return { model: { sense: 'max', variables, constraints, objective, objectiveConstant: 0, assignments: flat.map((f) => f.o.cls) }, flat, cancelVar };
}

function changeReason(club: Club, absentName: string, before: ScheduledClass, after: ScheduledClass | null): string {
  const b = resolveClass(club, before);
  const whenB = `${formatSlot(before.weekday, before.startMin, b.end)} in ${b.room.name}`;
  const absent = `${absentName} is absent on ${dateOfWeekday(club.weekStart, before.weekday)}`;
  if (after === null) return `${absent} and no qualified trainer is free for ${b.ct.name} (${whenB}) or any other slot this week, so it is cancelled`;
  const a = resolveClass(club, after);
  if (after.weekday === before.weekday && after.startMin === before.startMin && after.roomId === before.roomId) {
    return `${absent}; ${a.trainer.name} takes ${b.ct.name} (${whenB})`;
  }
  return `${absent}; ${b.ct.name} moves from ${whenB} to ${formatSlot(after.weekday, after.startMin, a.end)} in ${a.room.name} with ${a.trainer.name}`;
}

/**
 * Repair the week when trainer `trainerId` is absent on `dates` (ISO dates, or 'all' for the whole
 * week). Their classes on those dates are affected; every other class stays exactly as it was.
 * Each affected class is kept in place with a substitute (1 change), moved to another feasible
 * time / room / trainer this week (2 changes), or cancelled (10 changes) — costs are our choice.
 * A MIP solved with HiGHS minimises changes first, then maximises capped predicted attendance
 * (`cappedAttendance`, people), then — as a tie-break only — trainers' preferred windows, under every hard rule against the fixed classes and among the
 * affected ones. The trainer is treated as absent on those dates (a copy of the club).
 * If the solver finds no solution in time, every affected class is cancelled and `status` says why.
 * Throws `ClubValidationError` for an invalid club, `TimetableInputError` for an unknown trainer,
 * an unknown id in the timetable or a malformed date.
 */
export async function reoptimizeForAbsence(clubInput: Club, timetable: readonly ScheduledClass[], trainerId: string, dates: readonly string[] | 'all', demand: DemandFn, opts: AbsenceOptions = {}): Promise<AbsenceResult> {
  const base = validateClub(clubInput);
  const absent = base.trainers.find((t) => t.id === trainerId);
  if (!absent) throw new TimetableInputError('trainerId', `unknown trainer ${trainerId}`);
  timetable.forEach((c, i) => resolveClass(base, c, `timetable[${i}]`));
  const bad = dates === 'all' ? undefined : dates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
  if (bad !== undefined) throw new TimetableInputError('dates', `${bad} is not a YYYY-MM-DD date`);
  const days = dates === 'all' ? weekDates(base) : [...dates];
  const club: Club = { ...base, trainers: base.trainers.map((t) => (t.id === trainerId ? { ...t, absences: [...new Set([...t.absences, ...days])] } : t)) };
  const affected = timetable.flatMap((c, i) => (c.trainerId === trainerId && days.includes(dateOfWeekday(club.weekStart, c.weekday)) ? [i] : []));
  const fixed = timetable.filter((_, i) => !affected.includes(i));
  const types = new Set(affected.map((i) => timetable[i]!.classTypeId));
  const cands = enumerateCandidates(club).filter((c) => types.has(c.classTypeId));
  const options = affected.map((i) => optionsFor(club, timetable[i]!, cands, fixed, demand));
  let chosen: Array<Option | null> = affected.map(() => null);
  let status: SolveStatus = 'optimal';
  if (affected.length > 0) {
    const { model, flat, cancelVar } = absenceModel(club, fixed, options);
    const sol = await solveWithHighs(model, { timeLimitS: opts.timeLimitS ?? 10, mipRelGap: 0 });
    status = sol.status;
    if (sol.values.length > 0) {
      chosen = affected.map((_, a) => ((sol.values[cancelVar[a]!] ?? 0) > 0.5 ? null : flat.find((f) => f.a === a && (sol.values[f.v] ?? 0) > 0.5)?.o ?? null));
    }
  }
  const changes: AbsenceChange[] = affected.map((i, a) => {
    const o = chosen[a] ?? null;
    return { classIndex: i, kind: o?.kind ?? 'cancelled', before: timetable[i]!, after: o?.cls ?? null, reason: changeReason(club, absent.name, timetable[i]!, o?.cls ?? null) };
  });
  const byIndex = new Map(changes.map((c) => [c.classIndex, c]));
  return {
    timetable: timetable.flatMap((c, i) => {
      const ch = byIndex.get(i);
      return ch === undefined ? [c] : ch.after === null ? [] : [ch.after];
    }),
    changes,
    unchangedCount: timetable.length - affected.length,
    changeCount: changes.reduce((s, c) => s + CHANGES[c.kind], 0),
    status,
  };
}
