import { describe, expect, it } from 'vitest';
import { estimateSetFatigue } from './fit';
import type { RirSet } from './types';

function straightSets(f: number, members: number): RirSet[] {
  const out: RirSet[] = [];
  for (let m = 1; m <= members; m++) {
    for (let d = 1; d <= 6; d++) {
      const fresh = 10 + (m % 5);
      for (let k = 1; k <= 4; k++) {
        const rtf = fresh * (1 - f) ** (k - 1);
        const reps = Math.max(1, Math.round(rtf) - 2);
        out.push({ memberId: m, exerciseId: 'barbell-bench-press', performedAt: `2024-01-0${String(d)}T10:0${String(k)}:00Z`, loadKg: 60, reps, reportedRir: rtf - reps, toFailure: false, setIndex: k });
      }
    }
  }
  return out;
}

describe('estimateSetFatigue', () => {
  it('recovers the set-to-set loss of straight sets', () => {
    expect(estimateSetFatigue(straightSets(0.06, 20), 0.08)).toBeCloseTo(0.06, 3);
    expect(estimateSetFatigue(straightSets(0.12, 20), 0.08)).toBeCloseTo(0.12, 3);
  });
  it('keeps the prior with too little data, and ignores unreported sets', () => {
    expect(estimateSetFatigue(straightSets(0.12, 1), 0.08)).toBe(0.08);
    const unreported = straightSets(0.12, 20).map((s) => ({ ...s, reportedRir: null }));
    expect(estimateSetFatigue(unreported, 0.08)).toBe(0.08);
  });
});
