/**
 * A simulated heart-rate feed for demos, tests and the bench: deterministic for a seed
 * (`mulberry32`), one sample per member per second. Everything it drives is labelled
 * "simulated" by the host and the screens. The curve, as a fraction of heart-rate reserve:
 * warm-up from 25 % to 60 % over `warmupS`; then intervals of 180 s work (≈ 82 %) and 120 s
 * recovery (≈ 62 %), shifted per member by ± 6 % (fitness); a cool-down to 30 % over the last
 * 300 s. Heart rate follows the target with a 20 s first-order lag plus AR(1) noise of about
 * ± 2 bpm. One member (the "spiker") holds 96 % of maximum from `spikeAtS` for `spikeForS`;
 * another drops out (sends nothing) for `dropoutForS` from `dropoutAtS`. Our own model, not a
 * physiological one.
 */
import { mulberry32 } from '../random';
import type { HeartRateSample } from './types';

export interface SimulatedMember {
  memberId: number;
  restBpm: number;
  maxBpm: number;
}

export interface SimulatedFeedOptions {
  seed: number;
  members: SimulatedMember[];
  /** UTC epoch ms of second 0. */
  startMs: number;
  /** Class length, s (default 45 min). */
  durationS?: number;
  warmupS?: number;
  /** The member who spikes (default: one picked by the seed); null: nobody. */
  spikeMemberId?: number | null;
  spikeAtS?: number;
  spikeForS?: number;
  /** The member who drops out (default: one picked by the seed, not the spiker); null: nobody. */
  dropoutMemberId?: number | null;
  dropoutAtS?: number;
  dropoutForS?: number;
}

export interface SimulatedFeed {
  /** The samples of the next second (seconds 0, 1, 2, …); empty past the end of the class. */
  next(): { second: number; atMs: number; samples: HeartRateSample[] };
  readonly spikeMemberId: number | null;
  readonly dropoutMemberId: number | null;
  readonly durationS: number;
}

interface Runner { m: SimulatedMember; offset: number; hr: number; noise: number }

/** The target reserve fraction at second `t` for a member with fitness shift `offset`. */
export function simulatedTarget(t: number, durationS: number, warmupS: number, offset: number): number {
  const coolFrom = Math.max(warmupS, durationS - 300);
  if (t < warmupS) return 0.25 + (0.6 - 0.25) * (t / warmupS);
  if (t >= coolFrom) return 0.62 + offset - (0.62 + offset - 0.3) * Math.min(1, (t - coolFrom) / Math.max(1, durationS - coolFrom));
  const inCycle = (t - warmupS) % 300;
  return (inCycle < 180 ? 0.82 : 0.62) + offset;
}

/** Creates a feed. Members with max not above rest are given max = rest + 100. */
export function createSimulatedFeed(o: SimulatedFeedOptions): SimulatedFeed {
  const rand = mulberry32(o.seed);
  const durationS = o.durationS ?? 2700;
  const warmupS = o.warmupS ?? 300;
  const spikeAtS = o.spikeAtS ?? 45;
  const spikeForS = o.spikeForS ?? 120;
  const dropoutAtS = o.dropoutAtS ?? 120;
  const dropoutForS = o.dropoutForS ?? 40;
  const runners: Runner[] = o.members.map((m) => {
    const maxBpm = m.maxBpm > m.restBpm ? m.maxBpm : m.restBpm + 100;
    return { m: { ...m, maxBpm }, offset: (rand() - 0.5) * 0.12, hr: m.restBpm + 10, noise: 0 };
  });
  const pick = (avoid: number | null): number | null => {
    const pool = runners.filter((r) => r.m.memberId !== avoid);
    return pool.length === 0 ? null : pool[Math.floor(rand() * pool.length)]!.m.memberId;
  };
  const spikeMemberId = o.spikeMemberId !== undefined ? o.spikeMemberId : pick(null);
  const dropoutMemberId = o.dropoutMemberId !== undefined ? o.dropoutMemberId : pick(spikeMemberId);
  let second = 0;
  return {
    spikeMemberId, dropoutMemberId, durationS,
    next() {
      const t = second;
      second += 1;
      const atMs = o.startMs + t * 1000;
      if (t >= durationS) return { second: t, atMs, samples: [] };
      const samples: HeartRateSample[] = [];
      for (const r of runners) {
        const { restBpm, maxBpm } = r.m;
        const spiking = r.m.memberId === spikeMemberId && t >= spikeAtS && t < spikeAtS + spikeForS;
        const target = spiking ? 0.96 * maxBpm : restBpm + simulatedTarget(t, durationS, warmupS, r.offset) * (maxBpm - restBpm);
        r.hr += (target - r.hr) * (spiking ? 0.25 : 1 / 20);
        r.noise = 0.7 * r.noise + (rand() - 0.5) * 2;
        if (r.m.memberId === dropoutMemberId && t >= dropoutAtS && t < dropoutAtS + dropoutForS) continue;
        samples.push({ memberId: r.m.memberId, atMs, bpm: Math.max(30, Math.min(240, Math.round(r.hr + r.noise))) });
      }
      return { second: t, atMs, samples };
    },
  };
}
