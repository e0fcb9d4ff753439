/**
 * The solver-neutral MIP of the weekly timetable (issue 5, part 3). Built once, then handed to a
 * backend (`backends/highs.ts` as arrays, `backends/jslp.ts` as its JSON model; `backends/lpText.ts`
 * writes it as CPLEX LP text for inspection).
 *
 * Variables: binary x_v for every feasible assignment v (see `candidates.ts`); continuous helpers
 * block_tdp (a teaching block starts at slot p) and works_td per trainer t and day d, and hi_c, lo_c
 * (classes) per class type.
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
 * - idle time, APPROXIMATED: the number of gaps in a trainer's day (teaching blocks − 1), each
 *   charged `slotMin` minutes (see `addIdleRows`). The reported idle score is recomputed from the
 *   real timetable (`score.ts`), so the solver's objective can differ from the real `objective`.
 *   Two timetables with the same solver objective (ties) can therefore score differently: two
 *   backends that both prove optimality agree on `solverObjective`, not necessarily on `objective`.
 *   Formulation detail that makes the large club solvable (1.9 % gap at 10 s → 0.02 % in ~7 s):
 *   besides b_p ≥ busy_p − busy_{p−1}, a "chain" row b_p ≥ Σ(starts at p) − Σ(classes covering
 *   p − 1 that end by p − gap) — only classes that can really precede a start at p may continue
 *   its block; without it the LP "chains" fractional 60-min classes in adjacent slots for free;
 * - balance: hi_c ≥ n_cd ≥ lo_c for every open day d; the spread hi_c − lo_c is minimised, with
 *   the valid bounds hi_c ≥ ⌈min_c/D⌉ and lo_c ≤ ⌊max_c/D⌋ (D open days) to tighten the LP.
 *   An exact tick-level idle formulation (first/last-started indicators per 15-min tick) was
 *   also tried: exact on small/medium but 128 % gap after 10 s on the large club.
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
 * Idle-time surrogate per trainer-day: busy_p = Σ x_v covering slot start p; block starts
 * b_p ≥ busy_p − busy_{p−1}; gaps = Σ b_p − y with y ≤ 1, y ≤ Σ b_p. Each gap is charged
 * `slotMin` idle minutes. (An exact first/last big-M version was tried: 30 % gap after 20 s on
 * the medium club; this one solves it in under a second.)
 */
function addIdleRows(b: ModelBuilder, club: Club, cands: ScheduledClass[], dur: number[], weight: number): void {
  if (weight === 0) return;
  const starts = slotStarts(club);
  const gap = club.trainerGapMin ?? 15;
  for (const [key, idx] of group(cands, (c) => `${c.trainerId}|${c.weekday}`)) {
    const day = cands[idx[0] ?? 0]?.weekday ?? 0;
    const busy = (p: number) => idx.filter((i) => cands[i]!.startMin <= p && p < cands[i]!.startMin + dur[i]!);
    const blockStarts: number[] = [];
    let previous: number[] = [];
    let prevStart: number | null = null;
    for (const p of starts[day] ?? []) {
      const now = busy(p);
      if (now.length > 0) {
        const bp = b.addVar(`block|${key}|${p}`, 'continuous', 0, 1);
        b.addRow(`block|${key}|${p}`, [{ v: bp, c: 1 }, ...now.map((v) => ({ v, c: -1 })), ...previous.map((v) => ({ v, c: 1 }))], 0, null);
        // Tighter for fractional x: a class starting at p opens a block unless the previous slot
        // is taught by a class that can precede it (ends by p − gap); classes that clash with
        // the starts at p (e.g. a 60-min class at p − 1 with a 15-min gap) cannot continue it.
        const startsHere = now.filter((i) => cands[i]!.startMin === p);
        if (startsHere.length > 0 && prevStart !== null) {
          const chain = previous.filter((i) => cands[i]!.startMin + dur[i]! + gap <= p);
          if (chain.length < previous.length) {
            b.addRow(`chain|${key}|${p}`, [{ v: bp, c: 1 }, ...startsHere.map((v) => ({ v, c: -1 })), ...chain.map((v) => ({ v, c: 1 }))], 0, null);
          }
        }
        blockStarts.push(bp);
      }
      previous = now;
      prevStart = p;
    }
    const y = b.addVar(`works|${key}`, 'continuous', 0, 1);
    b.addRow(`works|${key}`, [{ v: y, c: 1 }, ...blockStarts.map((v) => ({ v, c: -1 }))], null, 0);
    for (const bp of blockStarts) b.addObj(bp, -weight * club.slotMin);
    b.addObj(y, weight * club.slotMin);
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
