import { describe, expect, it } from 'vitest';
import { applyRule, withRuleState } from './deload';
import { DEFAULT_UNLOGGED_RIR, defaultRule } from './defaults';
import { progressionFeatures } from './features';
import type { RuleContext } from './rules';
import { SQUAT, checkIn, session, sets } from './testkit';
import type { CheckIn, ExerciseSession } from './types';

const now = '2024-03-20T12:00:00Z';
const ctx = (loadKg: number, checkIns: CheckIn[] = [], sessions: ExerciseSession[] = []): RuleContext => ({
  current: { loadKg, repMin: 5, repMax: 8, sets: 3, targetRir: 2 },
  features: progressionFeatures(sessions, checkIns, now),
  weekOfBlock: null,
});

describe('defaultRule: the product default is the rule the progression bench measures', () => {
  it('is RIR autoregulation for every goal, reading an unlogged set as 1 RIR, with no failure deload', () => {
    for (const goal of ['strength', 'hypertrophy', 'general_fitness', 'endurance'] as const) {
      const r = defaultRule(goal, { repMin: 5, repMax: 8, targetRir: null }, SQUAT, 'kg');
      expect(r).toMatchObject({ kind: 'rir', params: { targetRir: 2, repMin: 5, repMax: 8, unloggedRir: 1, maxRepsForE1rm: 10 }, deload: { failedSessions: null, fatigueAtLeast: 8 } });
    }
    expect(DEFAULT_UNLOGGED_RIR).toBe(1);
  });
  it('100 kg × 6 logged without RIR, 5–8 reps at RIR 2 → 6 reps at 100 × (1 + 7/30) / (1 + 8/30) ≈ 97.4 kg', () => {
    const out = applyRule(defaultRule('strength', { repMin: 5, repMax: 8, targetRir: 2 }, SQUAT, 'kg'), session(18, sets(3, 100, 6)), ctx(100));
    expect(out.outcome.next.repMin).toBe(6);
    expect(out.outcome.next.loadKg).toBeCloseTo((100 * (1 + 7 / 30)) / (1 + 8 / 30), 6);
    expect(out.outcome.event).toBe('reset');
  });
  it("follows the plan's target RIR (clamped to 0–5)", () => {
    expect(defaultRule('hypertrophy', { repMin: 8, repMax: 12, targetRir: 0 }, SQUAT, 'kg').params).toMatchObject({ targetRir: 0 });
    expect(defaultRule('hypertrophy', { repMin: 8, repMax: 12, targetRir: 9 }, SQUAT, 'kg').params).toMatchObject({ targetRir: 5 });
  });
  it('three sessions short of the reps do not deload; fatigue 8 at check-in does', () => {
    let spec = defaultRule('strength', { repMin: 5, repMax: 8, targetRir: 2 }, SQUAT, 'kg');
    const events: string[] = [];
    for (const day of [14, 16, 18]) {
      const out = applyRule(spec, session(day, sets(3, 100, [5, 4, 3], { targetReps: 6 })), ctx(100));
      events.push(out.outcome.event);
      spec = withRuleState(spec, out.outcome.state);
    }
    expect(events).not.toContain('deload');
    const tired = applyRule(spec, session(19, sets(3, 100, 6)), ctx(100, [checkIn(20, { fatigue: 8 })]));
    expect(tired.outcome.event).toBe('deload');
  });
});
