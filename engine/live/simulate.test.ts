import { describe, expect, it } from 'vitest';
import { createMonitor, ingestSample, tick } from './monitor';
import { createSimulatedFeed } from './simulate';
import type { HeartRateSample, LiveAlert } from './types';

const T0 = Date.parse('2026-12-04T18:00:00Z');
const members = Array.from({ length: 12 }, (_, i) => ({ memberId: i + 1, restBpm: 55 + (i % 5) * 3, maxBpm: 175 + (i % 4) * 5 }));

function run(seed: number, seconds: number): HeartRateSample[][] {
  const feed = createSimulatedFeed({ seed, members, startMs: T0 });
  return Array.from({ length: seconds }, () => feed.next().samples);
}

describe('the simulated feed', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(7, 300)).toEqual(run(7, 300));
    expect(run(7, 300)).not.toEqual(run(8, 300));
  });

  it('gives plausible curves: warm-up below the intervals, and every bpm within 30–240', () => {
    const feed = createSimulatedFeed({ seed: 3, members, startMs: T0, spikeMemberId: null, dropoutMemberId: null });
    const seconds = Array.from({ length: 2700 }, () => feed.next().samples);
    const mean = (from: number, to: number) => {
      const all = seconds.slice(from, to).flat().map((s) => s.bpm);
      return all.reduce((a, b) => a + b, 0) / all.length;
    };
    expect(seconds.flat().every((s) => s.bpm >= 30 && s.bpm <= 240)).toBe(true);
    expect(mean(0, 60)).toBeLessThan(mean(400, 480) - 30); // warm-up start vs. a work interval
    expect(mean(2640, 2700)).toBeLessThan(mean(400, 480) - 30); // cool-down
    expect(feed.next().samples).toEqual([]);
  });

  it('drives the monitor to a high-heart-rate alert for the spiker and a lost signal for the dropout', () => {
    const feed = createSimulatedFeed({ seed: 11, members, startMs: T0 });
    const state = createMonitor({
      occurrenceId: 1, startedAtMs: T0,
      members: members.map((m) => ({ memberId: m.memberId, name: `M${String(m.memberId)}`, nickname: null, profile: { restingBpm: m.restBpm, observedMaxBpm: m.maxBpm + 10, ageYears: null } })),
    });
    const raised: LiveAlert[] = [];
    for (let s = 0; s < 240; s += 1) {
      const { samples, atMs } = feed.next();
      for (const sample of samples) {
        const r = ingestSample(state, sample);
        if (r.ok) raised.push(...r.raised);
      }
      raised.push(...tick(state, atMs));
    }
    expect(feed.spikeMemberId).not.toBe(feed.dropoutMemberId);
    expect(raised.map((a) => [a.kind, a.memberId])).toEqual([
      ['high_heart_rate', feed.spikeMemberId],
      ['lost_signal', feed.dropoutMemberId],
    ]);
  });
});
