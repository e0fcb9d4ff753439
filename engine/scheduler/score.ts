/**
 * Objective scores of a timetable, computed from the timetable itself (never from a solver).
 * The MIP in `model.ts` optimises exactly these quantities (same definitions), so for an optimal
 * solve `weightedObjective(scores)` equals the solver's objective value.
 *
 * Definitions (N = Σ maxPerWeek over class types; C = number of class types):
 * - attendance  = Σ capped predicted attendees / Σ_c (maxPerWeek_c · maxCapacity_c)
 *   (capped = min(demand mean, room capacity, class maxCapacity), people; share of the most the
 *   wanted week could seat, in [0, 1]);
 * - revenue     = Σ capped attendees · price / Σ_c (maxPerWeek_c · maxCapacity_c · price_c), in [0, 1];
 * - idle        = 1 − idleMinutes / Σ_c (maxPerWeek_c · durationMin_c), where idleMinutes sums, per
 *   trainer and day, (last class end − first class start − minutes taught); can drop below 0;
 * - balance     = 1 − (1/C) Σ_c (max_d n_cd − min_d n_cd) / max(1, maxPerWeek_c), n_cd = classes of
 *   type c on open weekday d; 1 means every type is spread evenly over the open days;
 * - preference  = (classes inside a trainer's preferred window − classes touching an avoided one) / N.
 */
import { insideWindow, overlapsWindow } from './candidates';
import type { Club, DemandFn, ObjectiveScores, ObjectiveWeights, ScheduledClass } from './types';

/** Normalisers shared by the scores and the model's objective coefficients. */
export interface ScoreScales {
  attendanceRef: number;
  revenueRef: number;
  minutesRef: number;
  classesRef: number;
  openDays: number[];
}

export function scoreScales(club: Club): ScoreScales {
  const sum = (f: (c: Club['classTypes'][number]) => number) => club.classTypes.reduce((a, c) => a + f(c), 0);
  return {
    attendanceRef: Math.max(1, sum((c) => c.maxPerWeek * c.maxCapacity)),
    revenueRef: Math.max(1e-9, sum((c) => c.maxPerWeek * c.maxCapacity * c.price)),
    minutesRef: Math.max(1, sum((c) => c.maxPerWeek * c.durationMin)),
    classesRef: Math.max(1, sum((c) => c.maxPerWeek)),
    openDays: [...new Set(club.openingHours.map((w) => w.weekday))].sort((a, b) => a - b),
  };
}

/** Predicted attendees of one class (people), capped at room and class capacity. */
export function cappedAttendance(club: Club, demand: DemandFn, cls: ScheduledClass): number {
  const ct = club.classTypes.find((c) => c.id === cls.classTypeId);
  const room = club.rooms.find((r) => r.id === cls.roomId);
  if (!ct || !room) return 0;
  const mean = demand(ct.id, cls.weekday, Math.floor(cls.startMin / 60)).mean;
  return Math.max(0, Math.min(mean, room.capacity, ct.maxCapacity));
}

/** +1 inside a preferred window of the trainer, −1 when touching an avoided window, else 0. */
export function preferenceOf(club: Club, cls: ScheduledClass, durationMin: number): number {
  const t = club.trainers.find((x) => x.id === cls.trainerId);
  if (!t) return 0;
  const end = cls.startMin + durationMin;
  if (overlapsWindow(t.avoided ?? [], cls.weekday, cls.startMin, end)) return -1;
  return insideWindow(t.preferred ?? [], cls.weekday, cls.startMin, end) ? 1 : 0;
}

function idleMinutes(club: Club, timetable: readonly ScheduledClass[]): number {
  const spans = new Map<string, { first: number; last: number; taught: number }>();
  for (const cls of timetable) {
    const dur = club.classTypes.find((c) => c.id === cls.classTypeId)?.durationMin ?? 0;
    const key = `${cls.trainerId}|${cls.weekday}`;
    const s = spans.get(key) ?? { first: Infinity, last: -Infinity, taught: 0 };
    spans.set(key, { first: Math.min(s.first, cls.startMin), last: Math.max(s.last, cls.startMin + dur), taught: s.taught + dur });
  }
  let idle = 0;
  for (const s of spans.values()) idle += s.last - s.first - s.taught;
  return idle;
}

function balanceScore(club: Club, timetable: readonly ScheduledClass[], openDays: number[]): number {
  if (club.classTypes.length === 0 || openDays.length === 0) return 1;
  let penalty = 0;
  for (const ct of club.classTypes) {
    const perDay = openDays.map((d) => timetable.filter((x) => x.classTypeId === ct.id && x.weekday === d).length);
    penalty += (Math.max(...perDay) - Math.min(...perDay)) / Math.max(1, ct.maxPerWeek);
  }
  return 1 - penalty / club.classTypes.length;
}

/** All scores of a timetable; see the file header for definitions and units. */
export function scoreTimetable(club: Club, demand: DemandFn, timetable: readonly ScheduledClass[]): ObjectiveScores {
  const scales = scoreScales(club);
  let attendees = 0;
  let revenue = 0;
  let pref = 0;
  for (const cls of timetable) {
    const ct = club.classTypes.find((c) => c.id === cls.classTypeId);
    if (!ct) continue;
    const a = cappedAttendance(club, demand, cls);
    attendees += a;
    revenue += a * ct.price;
    pref += preferenceOf(club, cls, ct.durationMin);
  }
  const idle = idleMinutes(club, timetable);
  return {
    attendance: attendees / scales.attendanceRef,
    idle: 1 - idle / scales.minutesRef,
    balance: balanceScore(club, timetable, scales.openDays),
    revenue: revenue / scales.revenueRef,
    preference: pref / scales.classesRef,
    predictedAttendees: attendees,
    idleMinutes: idle,
    revenuePotential: revenue,
  };
}

/** Weighted sum of the unitless scores. */
export function weightedObjective(s: ObjectiveScores, w: ObjectiveWeights): number {
  return w.attendance * s.attendance + w.idle * s.idle + w.balance * s.balance + w.revenue * s.revenue + w.preference * s.preference;
}
