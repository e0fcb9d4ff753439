/**
 * Class demand derived from overall club entries. Pure.
 *
 * ASSUMPTION, NOT MEASUREMENT: the real occupancy data (IsItBusy, card swipes) only counts people
 * entering the club per hour; no class bookings exist in it. Class demand is therefore derived as a
 * fixed share of the hour's predicted entries per class type (`classTypeShare`, a fraction 0–1).
 * `DEFAULT_CLASS_SHARES` is our own planning guess, not fitted to any data; a club with booking or
 * attendance history should replace it. Each entrant is taken to attend with probability `share`
 * (binomial thinning): mean = p·m, var = p²·sd² + p(1 − p)·m. Attendance is then capped at `capacity` (the smaller of room and class capacity,
 * persons), using the mean and sd of min(X, capacity) for X ~ Normal(mean, sd), floored at 0.
 */
import { dateOfWeek, monthOf } from './calendar';
import { predict } from './model';
import type { DemandModel } from './model';

/** Assumed share of an hour's club entries who would attend a class of each type (fraction). */
export const DEFAULT_CLASS_SHARES: Readonly<Record<string, number>> = {
  yoga: 0.03,
  spin: 0.04,
  hiit: 0.03,
  pilates: 0.02,
  strength: 0.03,
};

/** Expected attendance (persons) for one class, and its sd, after the capacity cap. */
export interface ClassDemandForecast {
  mean: number;
  sd: number;
  /** Mean before the cap (persons): above `capacity` means the class would likely be full. */
  uncappedMean: number;
  capacity: number;
}

/** When to forecast for: a week number (calendar.ts) and its month 1–12 (default: from the week). */
export interface ClassDemandWhen {
  week: number;
  month?: number;
}

export type ClassDemandFn = (classTypeId: string, weekday: number, hour: number) => ClassDemandForecast;

const SQRT2 = Math.SQRT2;
function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26, |error| < 1.5e-7.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
const phi = (z: number): number => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const Phi = (z: number): number => 0.5 * (1 + erf(z / SQRT2));

/** Mean and sd of min(X, cap) for X ~ Normal(mean, sd); persons. */
export function cappedNormal(mean: number, sd: number, cap: number): { mean: number; sd: number } {
  if (sd <= 0) return { mean: Math.min(mean, cap), sd: 0 };
  const z = (cap - mean) / sd;
  const below = Phi(z);
  const m = mean - sd * (phi(z) - z * (1 - below));
  const second = (mean * mean + sd * sd) * below - sd * (mean + cap) * phi(z) + cap * cap * (1 - below);
  return { mean: Math.max(0, m), sd: Math.sqrt(Math.max(0, second - m * m)) };
}

/**
 * Builds the class-demand function: (classTypeId, weekday 0 = Monday, hour 0–23) → attendance.
 * `classTypeShare` maps class type → assumed share of hourly entries (see the header: an
 * assumption); `capacity` maps class type → min(room, class) capacity in persons, or gives one
 * number for all. `when` defaults to the week after the model's training data and that week's month.
 * Throws for a class type with no share or capacity, naming it.
 */
export function classDemand(
  model: DemandModel,
  classTypeShare: Readonly<Record<string, number>>,
  capacity: Readonly<Record<string, number>> | number,
  when: ClassDemandWhen = { week: model.lastWeek + 1 },
): ClassDemandFn {
  const month = when.month ?? monthOf(dateOfWeek(when.week));
  return (classTypeId, weekday, hour) => {
    const share = classTypeShare[classTypeId];
    const cap = typeof capacity === 'number' ? capacity : capacity[classTypeId];
    if (share === undefined || share < 0 || share > 1) throw new Error(`classDemand: no valid share (0–1) for class type "${classTypeId}"`);
    if (cap === undefined || cap < 0) throw new Error(`classDemand: no valid capacity for class type "${classTypeId}"`);
    const club = predict(model, { weekday, hour, month, week: when.week });
    const sd = Math.sqrt(share * share * club.sd * club.sd + share * (1 - share) * club.mean);
    const capped = cappedNormal(share * club.mean, sd, cap);
    return { ...capped, uncappedMean: share * club.mean, capacity: cap };
  };
}
