import { describe, expect, it } from 'vitest';
import { applySafety, SAFETY_MARK } from './apply';
import { LAYOFF_CUT_FORMER, assessSafety, layoffCut, tanakaHrMax } from './assess';
import { DEFAULT_CONSTRAINTS, minRepsKept, validateConstraints } from './constraints';
import { SafetyInputError } from './errors';
import { applySafetyToPlanChange } from './plan';
import { checkIn, context, prescribed, recommendation, session, set } from './testkit';

const squat = prescribed(); // Squat 3×5 @ 100 kg, rest 180 s

describe('constraints', () => {
  it('defaults follow domain.md: +10 %, 80 % reps, 30 s, +15 %, fatigue 8, form 6', () => {
    expect(DEFAULT_CONSTRAINTS).toMatchObject({
      maxLoadIncreaseFraction: 0.1, minRepsFraction: 0.8, minRestS: 30, maxWeeklyVolumeIncreaseFraction: 0.15, cautionFatigue: 8, reduceLoadBelowForm: 6,
    });
    expect(minRepsKept(10)).toBe(8);
    expect(minRepsKept(3)).toBe(3);
  });
  it('validation fills defaults and names the bad field', () => {
    expect(validateConstraints({ minRestS: 45 }).minRestS).toBe(45);
    expect(() => validateConstraints({ minRestS: -1 })).toThrow(/constraints\.minRestS/);
    expect(() => validateConstraints({ cautionFatigue: 11 })).toThrow(SafetyInputError);
    expect(() => validateConstraints({ nonsense: 1 })).toThrow(/constraints/);
    expect(() => validateConstraints(null)).toThrow(/constraints: expected an object/);
  });
});

describe('applySafety: constraints clamp', () => {
  it('Squat 3×5 @100 → 115 kg is clamped to 110 kg (+10 %)', () => {
    const d = applySafety(recommendation(squat, { loadKg: 115 }), context());
    expect(d.status).toBe('adjusted');
    expect(d.recommendation?.suggested.loadKg).toBeCloseTo(110, 9);
    expect(d.overrides).toEqual([expect.objectContaining({ kind: 'constraint', constraint: 'maxLoadIncreaseFraction', before: { loadKg: 115 } })]);
    expect(d.recommendation?.reasoning).toContain(`${SAFETY_MARK}load 115 kg → 110 kg`);
  });
  it('rounds the clamp down with the member\'s plates: 102.5 → 120 becomes 112.5 kg', () => {
    const d = applySafety(recommendation(prescribed({ loadKg: 102.5 }), { loadKg: 120 }), context({ roundDownKg: (kg) => Math.floor(kg / 2.5) * 2.5 }));
    expect(d.recommendation?.suggested.loadKg).toBe(112.5);
  });
  it('a +5 kg step with 180 s rest passes untouched', () => {
    const rec = recommendation(squat, { loadKg: 105 });
    expect(applySafety(rec, context())).toEqual({ status: 'pass', recommendation: rec, overrides: [] });
  });
  it('keeps 80 % of planned reps and 30 s rest: 3×10 cut to 3×6 with 15 s → 3×8, 30 s', () => {
    const original = prescribed({ repMin: 10, repMax: 10, restS: 60 });
    const d = applySafety(recommendation(original, { repMin: 6, repMax: 6, restS: 15 }, { type: 'adjust_reps' }), context());
    expect(d.recommendation?.suggested).toMatchObject({ repMin: 8, repMax: 8, restS: 30 });
  });
  it('fatigue 8 at check-in: no load increase; increase_weight becomes adjust_reps; risk medium', () => {
    const d = applySafety(recommendation(squat, { loadKg: 105 }), context({ checkIn: checkIn({ fatigue: 8 }) }));
    expect(d.recommendation).toMatchObject({ type: 'adjust_reps', risk: 'medium', suggested: { loadKg: 100 } });
    expect(d.overrides[0]?.constraint).toBe('cautionFatigue');
  });
  it('form 5/10 in the last session: load reduced to 90 kg and form focus offered', () => {
    const ctx = context({ history: [session(3, [set(100, 5, { form: 5 })])] });
    const d = applySafety(recommendation(squat, { loadKg: 105 }), ctx);
    expect(d.recommendation).toMatchObject({ type: 'decrease_weight', suggested: { loadKg: 90 } });
    expect(d.recommendation?.alternatives.map((a) => a.type)).toContain('suggest_form_focus');
  });
  it('a body-weight exercise may gain at most 2.5 kg in one step', () => {
    const pushUp = prescribed({ exerciseId: 'push-up', loadKg: null, repMin: 10, repMax: 15 });
    const d = applySafety(recommendation(pushUp, { loadKg: 10 }), context({ history: [] }));
    expect(d.recommendation?.suggested.loadKg).toBe(2.5);
  });
});

describe('applySafety: dangerous situations override', () => {
  it('pain reported → blocked; change exercise or rest is suggested', () => {
    const d = applySafety(recommendation(squat, { loadKg: 105 }), context({ checkIn: checkIn({ painReported: true, painNote: 'left knee' }) }));
    expect(d.status).toBe('blocked');
    expect(d.recommendation).toBeNull();
    expect(d.overrides[0]).toMatchObject({ kind: 'pain', after: { blocked: true, suggestions: ['change_exercise', 'rest'] } });
    expect(d.overrides[0]?.reason).toContain('left knee');
  });
  it('illness → blocked, rest', () => {
    const d = applySafety(recommendation(squat, { loadKg: 105 }), context({ checkIn: checkIn({ illness: true }) }));
    expect(d.status).toBe('blocked');
    expect(d.overrides[0]).toMatchObject({ kind: 'illness', after: { blocked: true, suggestions: ['rest'] } });
  });
  it('21 days off → decrease to 95 kg with a warm-up; 60 days off → 90 kg; 200 days off → 80 kg (cut scales with detraining)', () => {
    const d = applySafety(recommendation(squat, { loadKg: 105 }), context({ history: [session(21, [set(100, 5)])] }));
    expect(d.status).toBe('replaced');
    expect(d.recommendation).toMatchObject({ type: 'decrease_weight', risk: 'medium', suggested: { loadKg: 95 } });
    expect(d.recommendation?.alternatives.map((a) => a.type)).toEqual(['add_warmup']);
    expect(d.overrides[0]?.reason).toMatch(/21 days since.*−5 %/);
    const long = applySafety(recommendation(squat, { loadKg: 105 }), context({ history: [session(60, [set(100, 5)])] }));
    expect(long.recommendation?.suggested.loadKg).toBeCloseTo(90, 9);
    const longer = applySafety(recommendation(squat, { loadKg: 105 }), context({ history: [session(200, [set(100, 5)])] }));
    expect(longer.recommendation?.suggested.loadKg).toBeCloseTo(80, 9);
  });
  it('layoffCut: 5 % from 14 to 56 days, 10 % to 182, 20 % beyond; the former tiers differ', () => {
    expect([14, 56, 57, 182, 183].map((d) => layoffCut(d, 14))).toEqual([0.05, 0.05, 0.1, 0.1, 0.2]);
    expect([14, 28, 56].map((d) => LAYOFF_CUT_FORMER(d, 14))).toEqual([0.1, 0.15, 0.2]);
    const former = applySafety(recommendation(squat, { loadKg: 105 }), context({ history: [session(21, [set(100, 5)])] }), undefined, { layoffCut: LAYOFF_CUT_FORMER });
    expect(former.recommendation?.suggested.loadKg).toBe(90);
  });
  it('13 days off is not a layoff', () => {
    expect(assessSafety(context({ history: [session(13, [set(100, 5)])] }), 'barbell-back-squat')).toEqual([]);
  });
  it('failed reps at RPE 10 (4 of 5) → decrease 10 %', () => {
    const ctx = context({ history: [session(3, [set(100, 5), set(100, 4, { rpe: 10, rir: null })])] });
    const d = applySafety(recommendation(squat, { loadKg: 105 }), ctx);
    expect(d.recommendation).toMatchObject({ type: 'decrease_weight', suggested: { loadKg: 90 } });
    expect(d.overrides[0]?.kind).toBe('failed_at_rpe10');
  });
  it('e1RM down 15 % on the best of the last sessions → deload: 90 kg, 2 sets', () => {
    const history = [session(10, [set(100, 5, { rir: 1 })]), session(6, [set(100, 5, { rir: 1 })]), session(2, [set(85, 5, { rir: 1 })])];
    const d = applySafety(recommendation(squat, { loadKg: 105 }), context({ history }));
    expect(d.recommendation).toMatchObject({ type: 'deload', suggested: { loadKg: 90, sets: 2 } });
    expect(d.overrides[0]?.reason).toMatch(/e1RM fell 15\.0 %/);
  });
  it('heart rate: resting 104 bpm blocks; a 200 bpm peak at age 40 (Tanaka 180 + 10) cuts the load', () => {
    expect(tanakaHrMax(40)).toBe(180);
    const rest = applySafety(recommendation(squat, { loadKg: 105 }), context({ heartRate: { restingBpm: 104 } }));
    expect(rest.status).toBe('blocked');
    const peak = applySafety(recommendation(squat, { loadKg: 105 }), context({ heartRate: { ageYears: 40, sessionPeakBpm: 200 } }));
    expect(peak.recommendation).toMatchObject({ type: 'decrease_weight', risk: 'high', suggested: { loadKg: 90 } });
  });
  it('a progression decrease deeper than the safety cut is kept', () => {
    const d = applySafety(recommendation(squat, { loadKg: 80 }, { type: 'decrease_weight' }), context({ history: [session(30, [set(100, 5)])] }));
    expect(d.recommendation?.suggested.loadKg).toBe(80);
  });
  it('rejects out-of-range input naming the field', () => {
    expect(() => applySafety(recommendation(squat, { loadKg: 105 }), context({ checkIn: checkIn({ fatigue: 12 }) }))).toThrow(/context\.checkIn\.fatigue/);
    expect(() => applySafety(recommendation(squat, { repMin: 0 }), context())).toThrow(/rec\.suggested\.repMin/);
  });
});

describe('applySafetyToPlanChange', () => {
  const before = [prescribed({ exerciseId: 'squat', sets: 3 }), prescribed({ exerciseId: 'bench', sets: 3, loadKg: 80 })];
  it('9 sets against 6 last week (+50 %) are cut, most-added line first, to 6 (limit 6.9)', () => {
    const after = [prescribed({ exerciseId: 'squat', sets: 5 }), prescribed({ exerciseId: 'bench', sets: 4, loadKg: 80 })];
    const d = applySafetyToPlanChange(before, after, context());
    expect(d.after.map((p) => p.sets)).toEqual([3, 3]);
    expect(d.overrides.every((o) => o.constraint === 'maxWeeklyVolumeIncreaseFraction')).toBe(true);
  });
  it('a +10 % load step on each line keeps volume within +15 % and passes', () => {
    const after = before.map((p) => ({ ...p, loadKg: (p.loadKg ?? 0) * 1.1 }));
    expect(applySafetyToPlanChange(before, after, context()).overrides).toEqual([]);
  });
  it('pain reported: no line may gain load', () => {
    const after = before.map((p) => ({ ...p, loadKg: (p.loadKg ?? 0) + 5 }));
    const d = applySafetyToPlanChange(before, after, context({ checkIn: checkIn({ painReported: true }) }));
    expect(d.after.map((p) => p.loadKg)).toEqual([100, 80]);
  });
});
