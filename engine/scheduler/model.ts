/**
 * The solver-neutral MIP of the weekly timetable (issue 5, part 3). Built once, then handed to a
 * backend (`backends/highs.ts` as arrays, `backends/jslp.ts` as its JSON model; `backends/lpText.ts`
 * writes it as CPLEX LP text for inspection).
 *
 * Variables: binary x_v for every feasible assignment v (see `candidates.ts`); continuous helpers
 * of the idle-time path per trainer t and day d (cont_tdp, next_tde, wait_tdp, see `addIdleRows`),
 * and hi_c, lo_c (classes) per class type.
 *
 * Hard constraints (rows):
 * - room r, day d, slot start p: Σ x_v over v in room r whose class `[s, s + dur)` covers p ≤ 1;
 * - trainer t, day d, slot start p: Σ x_v over v of t covering p with `[s, s + dur + gap)` ≤ 1
 *   (gap = `trainerGapMin`, default 15). Every start is a slot start, so two overlapping intervals
 *   always share the later one's start: these clique rows forbid every pairwise clash;
 * - trainer t: Σ dur_v/60 · x_v ≤ maxHoursPerWeek (default 40 h);
 * - class type c: minPerWeek ≤ Σ x_v ≤ maxPerWeek.
 *
 * Objective (maximise, weights from `ObjectiveWeights`, definitions in `score.ts`):
 * - attendance, revenue, preference: linear in x (capped attendees per class are data);
 * - idle time, EXACT: each trainer-day is a path (first class → wait → next class … → last
 *   class) as a network flow whose arc costs are the minutes between one class's end and the next
 *   one's start, so for a timetable it charges last end − first start − minutes taught, the real
 *   idle minutes of `score.ts` (see `addIdleRows`, also for the formulations it replaced). Every
 *   term is now exact, so for a timetable the solver's objective equals the recomputed
 *   `objective` (up to rounding);
 * - balance: hi_c ≥ n_cd ≥ lo_c for every open day d; the spread hi_c − lo_c is minimised, with
 *   the valid bounds hi_c ≥ ⌈min_c/D⌉ and lo_c ≤ ⌊max_c/D⌋ (D open days) to tighten the LP.
 *   (An earlier exact tick-level idle formulation, first/last-started indicators per 15-min tick,
 *   was exact on small/medium but had a 128 % gap after 10 s on the large club.)
 * Constant parts of the scores (the "1 −") sit in `objectiveConstant`.
 */
import { enumerateCandidates, slotStarts } from './candidates';
import { cappedAttendance, preferenceOf, scoreScales } from './score';
import type { Club, DemandFn, ObjectiveWeights, ScheduledClass } from './types';

export interface ModelVariable { name: string; kind: 'binary' | 'continuous'; lb: number; ub: number }
/** A coefficient `c` on variable index `v`. */
export interface LinearTerm { v: number; c: number }
/** `lo ≤ Σ terms ≤ hi`; a null side is unbounded. */
export interface ModelConstraint { name: string; terms: LinearTerm[]; lo: number | null; hi: number | null }

export interface NeutralModel {
  sense: 'max';
  variables: ModelVariable[];
  constraints: ModelConstraint[];
  objective: LinearTerm[];
  objectiveConstant: number;
  /** `assignments[i]` is the class that binary variable `i` schedules (indices 0 … n−1). */
  assignments: ScheduledClass[];
}

class ModelBuilder {
  readonly variables: ModelVariable[] = [];
  readonly constraints: ModelConstraint[] = [];
  readonly objective = new Map<number, number>();
  addVar(name: string, kind: ModelVariable['kind'], lb: number, ub: number): number {
    this.variables.push({ name, kind, lb, ub });
    return this.variables.length - 1;
  }
  addRow(name: string, terms: LinearTerm[], lo: number | null, hi: number | null): void {
    if (terms.length > 0) this.constraints.push({ name, terms, lo, hi });
  }
  addObj(v: number, c: number): void {
    if (c !== 0) this.objective.set(v, (this.objective.get(v) ?? 0) + c);
  }
}

function group<T>(items: T[], key: (t: T, i: number) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t, i);
    const list = out.get(k);
    if (list) list.push(i); else out.set(k, [i]);
  });
  return out;
}

/** Room and trainer clique rows, trainer hours, class-type counts. */
function addHardRows(b: ModelBuilder, club: Club, cands: ScheduledClass[], dur: number[]): void {
  const gap = club.trainerGapMin ?? 15;
  const starts = slotStarts(club);
  const cover = (owner: 'roomId' | 'trainerId', extra: number) => {
    for (const [key, idx] of group(cands, (c) => `${c[owner]}|${c.weekday}`)) {
      const day = cands[idx[0] ?? 0]?.weekday ?? 0;
      for (const p of starts[day] ?? []) {
        const terms = idx.filter((i) => cands[i]!.startMin <= p && p < cands[i]!.startMin + dur[i]! + extra).map((v) => ({ v, c: 1 }));
        if (terms.length > 1) b.addRow(`${owner === 'roomId' ? 'room' : 'trainer'}|${key}|${p}`, terms, null, 1);
      }
    }
  };
  cover('roomId', 0);
  cover('trainerId', gap);
  for (const t of club.trainers) {
    const terms = cands.flatMap((c, v) => (c.trainerId === t.id ? [{ v, c: dur[v]! / 60 }] : []));
    b.addRow(`hours|${t.id}`, terms, null, t.maxHoursPerWeek ?? 40);
  }
  for (const ct of club.classTypes) {
    const terms = cands.flatMap((c, v) => (c.classTypeId === ct.id ? [{ v, c: 1 }] : []));
    if (terms.length === 0 && ct.minPerWeek > 0) {
      // No feasible slot at all: keep an explicit infeasible row so the solver reports it.
      b.addRow(`count|${ct.id}`, [{ v: b.addVar(`empty_${ct.id}`, 'continuous', 0, 0), c: 1 }], ct.minPerWeek, ct.maxPerWeek);
    } else b.addRow(`count|${ct.id}`, terms, ct.minPerWeek, ct.maxPerWeek);
  }
}

/**
 * Idle minutes per trainer-day, exact for integer x, as a path (network flow) through the day.
 * A trainer's day is one path: a first class, then alternately a wait and the next class, then
 * a last class. With P the distinct candidate starts of the trainer-day and S_p = Σ x_v starting
 * at p, E_e = Σ x_v ending at e (all continuous helpers in [0, 1]):
 * - ρ_p ≤ S_p: a class starting at p continues the day (is not its first class);
 * - κ_e ≤ E_e: a class ending at e is followed by another; that flow re-enters at land(e), the
 *   first start ≥ e + trainerGapMin, at a cost of land(e) − e idle minutes (no κ when there is no
 *   such start: a class ending there is always the day's last);
 * - at each start p: w_{p⁻} + Σ_{land(e) = p} κ_e = w_p + ρ_p, with w_p the flow waiting from p
 *   to the next start p⁺ at a cost of p⁺ − p idle minutes (no w after the last start);
 * - one path per day: Σ first classes = Σ_p S_p − Σ_p ρ_p ≤ 1.
 * For a timetable (integer x) the cheapest flow runs from each class's end to the next class's
 * start, so the cost is Σ (next start − end) = last end − first start − minutes taught, the
 * real idle minutes of `score.ts` (gap length, not gap count). Each class type's x_v enters two
 * rows per trainer-day. For a single trainer-day this is a network matrix, so its LP is the
 * convex hull of that trainer's possible days: a fractional x cannot "chain" pieces of several
 * days for free (the LP bound stays tight enough for the LP-support warm start).
 * It replaced a gap COUNT (teaching blocks − 1, each charged slotMin, with "chain" rows),
 * which could not tell a 3-hour gap from a 1-hour one (demo club: 240 idle minutes at idle weight
 * 0.2 and 0.6 alike; the flow gives 75). Also tried: slot-segment indicators F_k (taught before),
 * L_k (taught after), i_k ≥ F_k + L_k − 1 − covered_k — exact but a weak LP (demo club not proven
 * in 60 s); an exact first/last big-M version: 30 % gap after 20 s on the medium club.
 */
function addIdleRows(b: ModelBuilder, club: Club, cands: ScheduledClass[], dur: number[], weight: number): void {
  if (weight === 0) return;
  const gap = club.trainerGapMin ?? 15;
  for (const [key, idx] of group(cands, (c) => `${c.trainerId}|${c.weekday}`)) {
    const startOf = (i: number) => cands[i]!.startMin;
    const endOf = (i: number) => cands[i]!.startMin + dur[i]!;
    const starts = [...new Set(idx.map(startOf))].sort((p, q) => p - q);
    const ends = [...new Set(idx.map(endOf))].sort((p, q) => p - q);
    const rho = new Map<number, number>();
    const landing = new Map<number, LinearTerm[]>(starts.map((p) => [p, []]));
    for (const p of starts) {
      const r = b.addVar(`cont|${key}|${p}`, 'continuous', 0, 1);
      rho.set(p, r);
      b.addRow(`cont|${key}|${p}`, [{ v: r, c: 1 }, ...idx.filter((i) => startOf(i) === p).map((v) => ({ v, c: -1 }))], null, 0);
    }
    for (const e of ends) {
      const land = starts.find((p) => p >= e + gap);
      if (land === undefined) continue;
      const k = b.addVar(`next|${key}|${e}`, 'continuous', 0, 1);
      b.addRow(`next|${key}|${e}`, [{ v: k, c: 1 }, ...idx.filter((i) => endOf(i) === e).map((v) => ({ v, c: -1 }))], null, 0);
      landing.get(land)!.push({ v: k, c: 1 });
      b.addObj(k, -weight * (land - e));
    }
    let waitIn: number | null = null;
    starts.forEach((p, j) => {
      const next = starts[j + 1];
      const waitOut = next === undefined ? null : b.addVar(`wait|${key}|${p}`, 'continuous', 0, 1);
      const terms: LinearTerm[] = [...landing.get(p)!, { v: rho.get(p)!, c: -1 }];
      if (waitIn !== null) terms.push({ v: waitIn, c: 1 });
      if (waitOut !== null) {
        terms.push({ v: waitOut, c: -1 });
        b.addObj(waitOut, -weight * (next! - p));
      }
      b.addRow(`flow|${key}|${p}`, terms, 0, 0);
      waitIn = waitOut;
    });
    b.addRow(`first|${key}`, [...idx.map((v) => ({ v, c: 1 })), ...starts.map((p) => ({ v: rho.get(p)!, c: -1 }))], null, 1);
  }
}

/** hi/lo helpers per class type; adds the balance objective. */
function addBalanceRows(b: ModelBuilder, club: Club, cands: ScheduledClass[], openDays: number[], weight: number): void {
  if (weight === 0 || openDays.length === 0) return;
  for (const ct of club.classTypes) {
    // Valid bounds (the LP relaxation would otherwise spread every type evenly at zero cost):
    // some day has ≥ ⌈min/D⌉ classes, some day ≤ ⌊max/D⌋, and hi = lo needs min ≤ k·D ≤ max.
    const days = openDays.length;
    const hiMin = Math.min(ct.maxPerWeek, Math.ceil(ct.minPerWeek / days));
    const loMax = Math.floor(ct.maxPerWeek / days);
    const hi = b.addVar(`hi|${ct.id}`, 'continuous', hiMin, ct.maxPerWeek);
    const lo = b.addVar(`lo|${ct.id}`, 'continuous', 0, loMax);
    for (const d of openDays) {
      const n = cands.flatMap((c, v) => (c.classTypeId === ct.id && c.weekday === d ? [{ v, c: -1 }] : []));
      b.addRow(`hi|${ct.id}|${d}`, [{ v: hi, c: 1 }, ...n], 0, null);
      b.addRow(`lo|${ct.id}|${d}`, [{ v: lo, c: 1 }, ...n], null, 0);
    }
    const c = weight / (club.classTypes.length * Math.max(1, ct.maxPerWeek));
    b.addObj(hi, -c);
    b.addObj(lo, c);
  }
}

/** Build the neutral MIP for a (validated) club, a demand prediction and objective weights. */
export function buildModel(club: Club, demand: DemandFn, weights: ObjectiveWeights): NeutralModel {
  const cands = enumerateCandidates(club);
  const scales = scoreScales(club);
  const ctById = new Map(club.classTypes.map((c) => [c.id, c]));
  const dur = cands.map((c) => ctById.get(c.classTypeId)?.durationMin ?? 0);
  const b = new ModelBuilder();
  cands.forEach((c, i) => {
    const v = b.addVar(`x${i}`, 'binary', 0, 1);
    const ct = ctById.get(c.classTypeId);
    const att = cappedAttendance(club, demand, c);
    b.addObj(v, weights.attendance * att / scales.attendanceRef
      + weights.revenue * att * (ct?.price ?? 0) / scales.revenueRef
      + weights.preference * preferenceOf(club, c, dur[i]!) / scales.classesRef);
  });
  addHardRows(b, club, cands, dur);
  addIdleRows(b, club, cands, dur, weights.idle / scales.minutesRef);
  addBalanceRows(b, club, cands, scales.openDays, weights.balance);
  return {
    sense: 'max',
    variables: b.variables,
    constraints: b.constraints,
    objective: [...b.objective].map(([v, c]) => ({ v, c })),
    objectiveConstant: weights.idle + weights.balance,
    assignments: cands,
  };
}
