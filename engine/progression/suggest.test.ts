import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withRuleState } from './deload';
import type { RuleSpec } from './deload';
import { DEFAULT_INVENTORY, isLoadableWith } from './inventory';
import { completionProbability } from '../rir/completion';
import { suggestNext } from './suggest';
import type { SuggestInput } from './suggest';
import { DB_PRESS, PUSHUP, SQUAT, checkIn, prescribed, session, sets } from './testkit';

const KG = DEFAULT_INVENTORY('kg');
const now = '2024-03-20T12:00:00Z';
const lpSpec: RuleSpec = { kind: 'lp', params: { incrementKg: 2.5 } };

function input(over: Partial<SuggestInput> = {}): SuggestInput {
  return {
    memberId: 7, exercise: SQUAT, prescribed: prescribed(100), sessions: [session(18, sets(3, 100, 5))], checkIns: [],
    rule: lpSpec, inventory: KG, now, ...over,
  };
}

describe('suggestNext', () => {
  it('Squat 3×5 100 kg done → increase_weight to 102.5 kg, low risk, no confidence without a model prediction', () => {
    const { recommendation: r, ruleState } = suggestNext(input({ sessions: [session(15, sets(3, 97.5, 5)), session(18, sets(3, 100, 5))] }));
    expect(r.type).toBe('increase_weight');
    expect(r.original.loadKg).toBe(100);
    expect(r.suggested).toMatchObject({ loadKg: 102.5, sets: 3, repMin: 5, repMax: 5 });
    expect(r.risk).toBe('low');
    expect(r.confidence).toBeNull();
    expect(r.confidenceBasis).toBeNull();
    expect(r.sources).toEqual({ rule: { name: 'lp(+2.5 kg, 3 failures → 90 %)', loadKg: 102.5, reps: 5 }, model: null, blendedLoadKg: null });
    expect(r.alternatives.map((a) => a.type)).toEqual(['adjust_reps']); // no loadable step between 100 and 102.5
    expect(r.alternatives[0]!.suggested).toMatchObject({ loadKg: 100, repMin: 6 });
    expect(r.reasoning).toContain('add 2.5 kg');
    expect(ruleState.state).toEqual({ successes: 0, failures: 0 });
  });

  it('blends 0.7 × model + 0.3 × rule, rounds, and shows all three', () => {
    const r = suggestNext(input({ model: { loadFor: () => 110 } })).recommendation;
    expect(r.sources.blendedLoadKg).toBeCloseTo(0.7 * 110 + 0.3 * 102.5, 9); // 107.75
    expect(r.sources.model).toEqual({ loadKg: 110, reps: 5 });
    expect(r.suggested.loadKg).toBe(107.5);
    expect(r.risk).toBe('medium'); // +7.5 %
    expect(r.alternatives.map((a) => [a.type, a.suggested.loadKg])).toEqual([['adjust_reps', 100], ['increase_weight', 105]]);
  });

  it('a model load above +10 % makes the risk high', () => {
    expect(suggestNext(input({ model: { loadFor: () => 130 } })).recommendation.risk).toBe('high');
  });

  it('a 3rd failure resets to 90 % (rounded down) as decrease_weight, and the model does not undo it', () => {
    const rule: RuleSpec = { ...lpSpec, state: { successes: 0, failures: 2 } };
    const r = suggestNext(input({ rule, sessions: [session(18, sets(3, 100, [5, 4, 3]))], model: { loadFor: () => 105 } })).recommendation;
    expect(r.type).toBe('decrease_weight');
    expect(r.suggested.loadKg).toBe(90);
    expect(r.sources.blendedLoadKg).toBeNull();
  });

  it('a 14-day layoff → add_warmup, no load increase, medium risk', () => {
    const r = suggestNext(input({ sessions: [session(5, sets(3, 100, 5))] })).recommendation;
    expect(r.type).toBe('add_warmup');
    expect(r.suggested.loadKg).toBe(100);
    expect(r.risk).toBe('medium');
  });

  it('fatigue 9 with a deload trigger → deload; the confidence is the model\'s completion probability at the deload load', () => {
    const rule: RuleSpec = { ...lpSpec, deload: {} };
    const asked: number[] = [];
    const predict = (kg: number) => { asked.push(kg); return { repsToFailure: 9, sd: 1.5, memberSets: 12, source: 'member' as const }; };
    const r = suggestNext(input({ rule, checkIns: [checkIn(20, { fatigue: 9, energy: 3 })], model: { loadFor: () => null, predict } })).recommendation;
    expect(r.type).toBe('deload');
    expect(r.suggested).toMatchObject({ loadKg: 90, sets: 2 });
    expect(asked).toEqual([90]);
    // 5 reps at the default target RIR 2 ± 1: reps to failure in [6, 8] (continuity-corrected 5.5–8.5) of N(9, 1.5²).
    expect(r.confidence).toBeCloseTo(completionProbability({ repsToFailure: 9, sd: 1.5 }, 5, 5, 2), 12);
    expect(r.confidence).toBeGreaterThan(0.3);
    expect(r.confidence).toBeLessThan(0.4);
    expect(r.confidenceBasis).toMatchObject({ memberSets: 12, source: 'member', targetRir: 2 });
    expect(r.factors.map((f) => f.name)).toContain('fatigue');
  });

  it('the later sets fading at a held load → modify_rest (+60 s)', () => {
    const r = suggestNext(input({ prescribed: prescribed(100, 3, 5, 5, { restS: 90 }), sessions: [session(18, sets(3, 100, [5, 4, 4], { targetReps: 5 }))] })).recommendation;
    expect(r.type).toBe('modify_rest');
    expect(r.suggested.restS).toBe(150);
  });

  it('form below 6 at a held load → suggest_form_focus', () => {
    const r = suggestNext(input({ sessions: [session(18, sets(3, 100, [5, 5, 4], { form: 5 }))] })).recommendation;
    expect(r.type).toBe('suggest_form_focus');
  });

  it('dp on dumbbells: a 1 kg increment rounds up to the next dumbbell rather than never moving', () => {
    const rule: RuleSpec = { kind: 'dp', params: { incrementKg: 1, repMin: 8, repMax: 12 }, state: { targetReps: 12, failures: 0 } };
    const r = suggestNext(input({ exercise: DB_PRESS, rule, prescribed: { ...prescribed(20, 3, 12, 12), exerciseId: DB_PRESS.id }, sessions: [session(18, sets(3, 20, 12), DB_PRESS.id)] })).recommendation;
    expect(r.suggested).toMatchObject({ loadKg: 22, repMin: 8, repMax: 12 });
  });

  it('body weight: dp adds reps, the load stays null', () => {
    const rule: RuleSpec = { kind: 'dp', params: { incrementKg: 0, repMin: 10, repMax: 20 } };
    const r = suggestNext(input({ exercise: PUSHUP, rule, prescribed: { ...prescribed(null, 3, 10, 20), exerciseId: PUSHUP.id }, sessions: [session(18, sets(3, 0, 12), PUSHUP.id)] })).recommendation;
    expect(r.type).toBe('adjust_reps');
    expect(r.suggested.loadKg).toBeNull();
    expect(r.suggested.repMin).toBe(12);
  });

  it('works on a bare log (no RIR, no targets, no check-ins) and threads the rule state session by session', () => {
    let rule: RuleSpec = lpSpec;
    const log = [session(1, sets(3, 100, 5)), session(4, sets(3, 102.5, 5)), session(8, sets(3, 105, [5, 5, 3]))];
    const loads: (number | null)[] = [];
    for (let i = 1; i <= log.length; i += 1) {
      const lastTop = log[i - 1]!.sets[0]!.loadKg;
      const out = suggestNext(input({ rule, sessions: log.slice(0, i), prescribed: prescribed(lastTop), now: log[i - 1]!.performedAt }));
      loads.push(out.recommendation.suggested.loadKg);
      rule = withRuleState(rule, out.ruleState);
    }
    expect(loads).toEqual([102.5, 105, 105]);
  });

  it('is deterministic and ignores other exercises', () => {
    const a = suggestNext(input({ sessions: [session(18, sets(3, 100, 5)), session(19, sets(3, 50, 1), 'other')] }));
    expect(a).toEqual(suggestNext(input()));
  });

  it('property: suggested loads are finite, ≥ 0 and loadable', () => {
    const setArb = fc.record({
      loadKg: fc.double({ min: 0, max: 300, noNaN: true }), reps: fc.integer({ min: 0, max: 30 }),
      rir: fc.option(fc.integer({ min: 0, max: 6 })), rpe: fc.option(fc.double({ min: 5, max: 10, noNaN: true })),
      targetReps: fc.option(fc.integer({ min: 1, max: 20 })), form: fc.option(fc.integer({ min: 1, max: 10 })),
    });
    const sessionArb = fc.tuple(fc.integer({ min: 1, max: 19 }), fc.array(setArb, { maxLength: 6 })).map(([d, s]) => session(d, s));
    const specArb: fc.Arbitrary<RuleSpec> = fc.oneof(
      fc.record({ kind: fc.constant('lp' as const), params: fc.record({ incrementKg: fc.double({ min: 0, max: 10, noNaN: true }) }), deload: fc.option(fc.constant({})) }),
      fc.record({ kind: fc.constant('dp' as const), params: fc.record({ incrementKg: fc.double({ min: 0, max: 5, noNaN: true }), repMin: fc.constant(8), repMax: fc.constant(12) }) }),
      fc.record({ kind: fc.constant('rir' as const), params: fc.record({ targetRir: fc.integer({ min: 0, max: 4 }), repMin: fc.constant(5), repMax: fc.constant(8) }) }),
    );
    fc.assert(fc.property(
      fc.array(sessionArb, { maxLength: 8 }), specArb, fc.option(fc.double({ min: 0, max: 400, noNaN: true })),
      fc.option(fc.double({ min: -50, max: 500, noNaN: true })), fc.constantFrom(SQUAT, DB_PRESS), fc.option(fc.integer({ min: 1, max: 10 })),
      (sessions, rule, presLoad, modelLoad, exercise, energy) => {
        const own = sessions.map((s) => ({ ...s, exerciseId: exercise.id }));
        const r = suggestNext(input({
          exercise, rule, sessions: own, prescribed: { ...prescribed(presLoad), exerciseId: exercise.id },
          model: modelLoad === null ? null : { loadFor: () => modelLoad }, checkIns: energy === null ? [] : [checkIn(20, { energy })],
        })).recommendation;
        for (const load of [r.suggested.loadKg, ...r.alternatives.map((a) => a.suggested.loadKg)]) {
          if (load === null) continue;
          expect(Number.isFinite(load)).toBe(true);
          expect(load).toBeGreaterThanOrEqual(0);
          expect(isLoadableWith(load, exercise.equipment, KG)).toBe(true);
        }
      },
    ), { numRuns: 300 });
  });
});
