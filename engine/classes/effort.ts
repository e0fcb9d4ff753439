/**
 * Effort per member from heart-rate samples of one class: seconds in each zone and our effort
 * points. Zones by heart-rate reserve (Karvonen; domain.md): %HRR = (bpm − rest) / (max − rest),
 * zone z (1–5) when %HRR is at or above band z−1 of `zoneBands` (default 50/60/70/80/90 %, as
 * Myzone uses them), zone 0 below the first band.
 *
 * **Studio effort points (ours):** z points per minute in zone z (zone 0 earns none), so a
 * minute in zone 5 earns 5. In the style of Myzone's MEPs (1–4 per minute) and Orangetheory's
 * "splat" minutes, but neither of those figures; it is not comparable with them.
 *
 * Each sample stands for the time until the next one, at most `MAX_SAMPLE_GAP_S` (a longer gap
 * is lost signal); the last sample stands for 1 s. Only time inside the class counts.
 */

/** A sample covers the time until the next one, up to this many seconds. */
export const MAX_SAMPLE_GAP_S = 5;
/** Myzone's zone lower bounds as fractions of heart-rate reserve. */
export const DEFAULT_ZONE_BANDS: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9];

export interface HeartLimits { restBpm: number; maxBpm: number }

/** The zone (0–5) of a heart rate. */
export function zoneOf(bpm: number, limits: HeartLimits, bands: readonly number[] = DEFAULT_ZONE_BANDS): number {
  const hrr = (bpm - limits.restBpm) / (limits.maxBpm - limits.restBpm);
  let zone = 0;
  for (let z = 0; z < bands.length; z++) if (hrr >= bands[z]!) zone = z + 1;
  return zone;
}

export interface MemberEffort {
  /** Seconds in zones 0–5. */
  zoneSeconds: number[];
  /** Seconds with a signal (sum of zoneSeconds). */
  coveredSeconds: number;
  /** Our effort points (see the module doc), rounded to 0.1. */
  points: number;
  avgBpm: number;
  maxBpm: number;
}

/**
 * Effort of one member from samples sorted by time (epoch ms, bpm) within `[startMs, endMs)`.
 * Returns null without samples in the class.
 */
export function memberEffort(samples: ReadonlyArray<{ atMs: number; bpm: number }>, limits: HeartLimits, startMs: number, endMs: number,
  bands: readonly number[] = DEFAULT_ZONE_BANDS): MemberEffort | null {
  const inside = samples.filter((s) => s.atMs >= startMs && s.atMs < endMs);
  if (inside.length === 0) return null;
  const zoneSeconds = new Array(bands.length + 1).fill(0) as number[];
  let weighted = 0;
  let covered = 0;
  let max = 0;
  for (let i = 0; i < inside.length; i++) {
    const s = inside[i]!;
    const next = i + 1 < inside.length ? inside[i + 1]!.atMs : s.atMs + 1000;
    const dt = Math.min(MAX_SAMPLE_GAP_S, (Math.min(next, endMs) - s.atMs) / 1000);
    zoneSeconds[zoneOf(s.bpm, limits, bands)]! += dt;
    covered += dt;
    weighted += s.bpm * dt;
    if (s.bpm > max) max = s.bpm;
  }
  const points = zoneSeconds.reduce((sum, sec, z) => sum + (z * sec) / 60, 0);
  return {
    zoneSeconds: zoneSeconds.map((s) => Math.round(s * 10) / 10),
    coveredSeconds: Math.round(covered * 10) / 10,
    points: Math.round(points * 10) / 10,
    avgBpm: covered > 0 ? Math.round(weighted / covered) : 0,
    maxBpm: max,
  };
}
