import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { affinityPercentiles, decayedCount, foldIn, predictAll, solveSpd, trainAls } from './als';
import { ndcgAt, precisionAt, rankByCount, recallAt } from './metrics';

describe('ALS (implicit feedback)', () => {
  it('solves an SPD system', () => {
    const A = Float64Array.from([4, 1, 1, 3]);
    const out = new Float64Array(2);
    solveSpd(A, Float64Array.from([1, 2]), 2, out);
    expect(out[0]).toBeCloseTo(1 / 11, 9);
    expect(out[1]).toBeCloseTo(7 / 11, 9);
  });

  it('decays sessions by age with the half-life', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(decayedCount([now, now - 90 * 86_400_000], now, 90)).toBeCloseTo(1.5, 9);
  });

  it('recovers held-out exercises of members far better than chance (simulated archetypes)', () => {
    const rand = mulberry32(3);
    const nI = 200;
    const pools = Array.from({ length: 8 }, () => Array.from({ length: 15 }, () => Math.floor(rand() * nI)));
    const rows = Array.from({ length: 300 }, (_, u) => {
      const r = new Map<number, number>();
      for (let j = 0; j < 8; j++) r.set(pools[u % 8]![Math.floor(rand() * 15)]!, 1 + rand() * 4);
      return r;
    });
    const { model, samples } = trainAls(Array.from({ length: nI }, (_, i) => `e${i}`), rows.slice(0, 260), { seed: 1 });
    expect(samples).toBeGreaterThan(1000);
    let hits = 0; let total = 0;
    for (const r of rows.slice(260)) {
      const keys = [...r.keys()];
      const known = new Map(keys.slice(0, 4).map((k) => [k, r.get(k)!]));
      const p = predictAll(model, foldIn(model, known));
      const top = [...p.keys()].sort((a, b) => p[b]! - p[a]!).slice(0, 10);
      for (const k of keys.slice(4)) { total++; if (top.includes(k)) hits++; }
    }
    expect(hits / total).toBeGreaterThan(0.25); // chance is 10 / 200 = 0.05
    const aff = affinityPercentiles(model, foldIn(model, rows[0]!));
    for (const a of aff.values()) { expect(a).toBeGreaterThanOrEqual(0); expect(a).toBeLessThanOrEqual(1); }
  });

  it('confidence 1 + α·r: an exercise done in many sessions is predicted nearer 1 than one done once', () => {
    const rand = mulberry32(9);
    const rows = Array.from({ length: 60 }, () => new Map(Array.from({ length: 6 }, () => [Math.floor(rand() * 30), 1 + rand()] as [number, number])));
    const { model } = trainAls(Array.from({ length: 30 }, (_, i) => `e${i}`), rows, { seed: 2 });
    let gap = 0;
    for (let t = 0; t < 20; t++) {
      const a = Math.floor(rand() * 30); const b = (a + 1 + Math.floor(rand() * 29)) % 30;
      const p = predictAll(model, foldIn(model, new Map([[a, 20], [b, 0.05]])));
      gap += (1 - p[b]!) - (1 - p[a]!);
    }
    expect(gap / 20).toBeGreaterThan(0.1);
  });

  it('names a bad cell', () => {
    expect(() => trainAls(['a'], [new Map([[3, 1]])])).toThrow(/rows\[0\]/);
    expect(() => trainAls([], [])).toThrow(/items/);
  });
});

describe('ranking metrics', () => {
  it('P@k, R@k and NDCG@k by their definitions', () => {
    const truth = new Set(['a', 'c']);
    expect(precisionAt(['a', 'b', 'c', 'd', 'e'], truth, 5)).toBeCloseTo(0.4);
    expect(recallAt(['a', 'b'], truth, 10)).toBeCloseTo(0.5);
    expect(ndcgAt(['a', 'c'], truth, 5)).toBeCloseTo(1);
    expect(ndcgAt(['b', 'a'], truth, 5)).toBeCloseTo((1 / Math.log2(3)) / (1 + 1 / Math.log2(3)));
    expect(rankByCount(new Map([['x', 1], ['y', 3], ['z', 3]]), 2)).toEqual(['y', 'z']);
    expect(() => ndcgAt(['a'], new Set(), 5)).toThrow(/relevant/);
  });
});
