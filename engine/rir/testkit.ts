/** Test helpers (not used by the model): a seeded RNG and a small synthetic-member generator. */
import type { RirSet } from './types';
import { mulberry32 } from '../random';

/** Mulberry32, the demo generator's seeded uniform RNG in [0, 1). */
export const seeded = mulberry32;

/** A standard normal draw (Box–Muller) from a uniform RNG. */
export function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export interface TrueLift { exerciseId: string; oneRmKg: number; k: number }

/** ISO time of day `day` (0-based) from 2025-01-06. */
export function dayIso(day: number, minute = 0): string {
  return new Date(Date.UTC(2025, 0, 6 + day, 10, minute)).toISOString();
}

/**
 * Sets of one member: each session, each lift, 3 sets at 60–90 % of 1RM; the last set of each
 * lift goes to failure when `failureEvery` divides the session number; other sets carry a report
 * = true RIR + bias + N(0, 1), rounded and clipped to 0–10. Readiness noise N(0, 1) on RTF.
 */
export function syntheticSets(opts: {
  memberId: number; lifts: TrueLift[]; bias: number; sessions: number; failureEvery: number; rand: () => number;
  /** Loads drawn from [from, from + span] × 1RM (default 0.6, 0.3). */
  loadFrom?: number; loadSpan?: number;
}): RirSet[] {
  const out: RirSet[] = [];
  for (let session = 0; session < opts.sessions; session++) {
    opts.lifts.forEach((lift, li) => {
      const frac = (opts.loadFrom ?? 0.6) + (opts.loadSpan ?? 0.3) * opts.rand();
      const loadKg = Math.round(lift.oneRmKg * frac * 2) / 2;
      for (let setIndex = 1; setIndex <= 3; setIndex++) {
        const rtf = Math.max(0, lift.k * (lift.oneRmKg / loadKg - 1) * Math.pow(0.92, setIndex - 1) + normal(opts.rand));
        const failure = setIndex === 3 && session % opts.failureEvery === 0;
        const reps = failure ? Math.round(rtf) : Math.max(1, Math.floor(rtf) - 2 - Math.floor(opts.rand() * 2));
        const trueRir = Math.max(0, rtf - reps);
        const reported = Math.min(10, Math.max(0, Math.round(trueRir + opts.bias + normal(opts.rand))));
        out.push({
          memberId: opts.memberId, exerciseId: lift.exerciseId, performedAt: dayIso(session * 2, li * 10 + setIndex),
          loadKg, reps, reportedRir: failure ? null : reported, toFailure: failure, setIndex,
        });
      }
    });
  }
  return out;
}
