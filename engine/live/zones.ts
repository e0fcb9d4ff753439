/**
 * Heart-rate zones by heart-rate reserve (Karvonen, Karvonen, Kentala & Mustala 1957):
 *
 *   target(pct) = rest + pct × (max − rest)       (bpm)
 *   %HRR(bpm)   = (bpm − rest) / (max − rest)
 *
 * `max` is the member's observed maximum when there is one, else Tanaka, Monahan & Seals 2001
 * (JACC 37:153–156): HRmax = 208 − 0.7 × age (about ± 10 bpm), via the safety layer's
 * `tanakaHrMax`. `rest` is the member's resting heart rate, else 60 bpm (a typical adult value,
 * our assumption, shown as such). The studio's zone bands are the lower bounds of zones 1–5 as
 * fractions of reserve, by default 50/60/70/80/90 % as Myzone uses them; below the first band is
 * zone 0.
 */
import { tanakaHrMax } from '../safety/assess';
import { LiveInputError } from './errors';

/** Lower bounds of zones 1–5, fractions of heart-rate reserve (Myzone's 50/60/70/80/90 %). */
export const DEFAULT_ZONE_BANDS: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9];
/** Resting heart rate assumed when a member has none on record, bpm. */
export const DEFAULT_RESTING_BPM = 60;

/** What the zones of one member are computed from. */
export interface HeartProfile {
  /** Resting heart rate, bpm; null: DEFAULT_RESTING_BPM. */
  restingBpm: number | null;
  /** Highest heart rate observed for the member, bpm; preferred over Tanaka. */
  observedMaxBpm: number | null;
  /** Age in years, for Tanaka when no maximum was observed. */
  ageYears: number | null;
}

/** The member's rest and max and where each came from. */
export interface HeartLimits {
  restBpm: number;
  restSource: 'member' | 'default';
  maxBpm: number;
  maxSource: 'observed' | 'tanaka';
}

/**
 * The rest and max zones are computed from; null when neither an observed maximum nor an age
 * is known (no zone can be given), or when max is not above rest.
 */
export function heartLimits(p: HeartProfile): HeartLimits | null {
  const restBpm = p.restingBpm ?? DEFAULT_RESTING_BPM;
  const restSource = p.restingBpm === null ? 'default' : 'member';
  let maxBpm: number;
  let maxSource: HeartLimits['maxSource'];
  if (p.observedMaxBpm !== null) {
    maxBpm = p.observedMaxBpm;
    maxSource = 'observed';
  } else if (p.ageYears !== null) {
    maxBpm = tanakaHrMax(p.ageYears);
    maxSource = 'tanaka';
  } else return null;
  if (!(maxBpm > restBpm)) return null;
  return { restBpm, restSource, maxBpm, maxSource };
}

/** Karvonen target heart rate for an intensity `pct` (0–1) of reserve, bpm (unrounded). */
export function karvonenTarget(limits: Pick<HeartLimits, 'restBpm' | 'maxBpm'>, pct: number): number {
  return limits.restBpm + pct * (limits.maxBpm - limits.restBpm);
}

/** Fraction of heart-rate reserve at `bpm` (may be below 0 or above 1). */
export function reserveFraction(limits: Pick<HeartLimits, 'restBpm' | 'maxBpm'>, bpm: number): number {
  return (bpm - limits.restBpm) / (limits.maxBpm - limits.restBpm);
}

/** The zone (0–bands.length) of a reserve fraction: the number of band lower bounds it reaches. */
export function zoneOfFraction(fraction: number, bands: readonly number[] = DEFAULT_ZONE_BANDS): number {
  let zone = 0;
  for (const lower of bands) if (fraction >= lower) zone += 1;
  return zone;
}

/** The bpm range of each zone for a member: zone 1..n from `bands[i]` up to the next band (zone n: up to max). */
export function zoneRanges(limits: HeartLimits, bands: readonly number[] = DEFAULT_ZONE_BANDS): Array<{ zone: number; fromBpm: number; toBpm: number }> {
  return bands.map((lower, i) => ({
    zone: i + 1,
    fromBpm: Math.round(karvonenTarget(limits, lower)),
    toBpm: Math.round(karvonenTarget(limits, bands[i + 1] ?? 1)),
  }));
}

/**
 * Checks a band list: 1–8 lower bounds, strictly increasing, each in (0, 1).
 * @throws LiveInputError naming `bands` or `bands[i]`.
 */
export function validateZoneBands(bands: readonly number[]): void {
  if (bands.length < 1 || bands.length > 8) throw new LiveInputError('bands', `give 1–8 zone lower bounds, got ${String(bands.length)}`);
  bands.forEach((b, i) => {
    if (!Number.isFinite(b) || b <= 0 || b >= 1) throw new LiveInputError(`bands[${String(i)}]`, `must be a fraction of reserve in (0, 1), got ${String(b)}`);
    if (i > 0 && b <= bands[i - 1]!) throw new LiveInputError(`bands[${String(i)}]`, `must be above the band before (${String(bands[i - 1])}), got ${String(b)}`);
  });
}
